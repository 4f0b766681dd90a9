using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// The checks Add-PayNetDocument makes before anything is uploaded: the file exists, is not empty,
    /// fits PayNet's limit (5 MB) and really is a JPEG, PNG or PDF: the extension names the type and the
    /// first bytes must agree, so a renamed file is caught here rather than by a rejected upload.
    /// </summary>
    internal sealed class DocumentFile
    {
        private static readonly Dictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".jpg"] = "image/jpeg",
            [".jpeg"] = "image/jpeg",
            [".png"] = "image/png",
            [".pdf"] = "application/pdf",
        };

        private static readonly Dictionary<string, byte[]> Signatures = new Dictionary<string, byte[]>
        {
            ["image/jpeg"] = new byte[] { 0xFF, 0xD8, 0xFF },
            ["image/png"] = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A },
            ["application/pdf"] = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, // %PDF-
        };

        private DocumentFile(string path, string contentType, long size)
        {
            Path = path;
            ContentType = contentType;
            Size = size;
        }

        public string Path { get; }
        public string FileName => System.IO.Path.GetFileName(Path);
        public string ContentType { get; }
        public long Size { get; }

        /// <summary>The file, or a PayNetInvalidFile error record saying what is wrong with it.</summary>
        public static DocumentFile? Check(string path, long maxBytes, out ErrorRecord? problem)
        {
            problem = null;
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = Problem(ErrorCategory.ObjectNotFound, path, Directory.Exists(path) ? $"'{path}' is a folder, not a file." : $"The file '{path}' does not exist.");
                return null;
            }
            if (info.Length == 0)
            {
                problem = Problem(ErrorCategory.InvalidData, path, $"The file '{path}' is empty.");
                return null;
            }
            if (info.Length > maxBytes)
            {
                problem = Problem(ErrorCategory.LimitsExceeded, path,
                    $"The file '{path}' is {info.Length / 1024.0 / 1024.0:0.0} MB; PayNet accepts documents up to {maxBytes / 1024 / 1024} MB.",
                    "Scan at a lower resolution or compress the file.");
                return null;
            }
            if (!ContentTypes.TryGetValue(info.Extension, out var contentType))
            {
                problem = Problem(ErrorCategory.InvalidType, path, $"'{info.Name}' is not a JPEG, PNG or PDF file; PayNet accepts only those.");
                return null;
            }
            if (!StartsWith(info, Signatures[contentType]))
            {
                problem = Problem(ErrorCategory.InvalidType, path, $"'{info.Name}' is named {info.Extension} but its content is not {contentType}.");
                return null;
            }
            return new DocumentFile(info.FullName, contentType, info.Length);
        }

        private static bool StartsWith(FileInfo file, byte[] signature)
        {
            var head = new byte[signature.Length];
            using (var stream = file.OpenRead())
            {
                int read = 0;
                while (read < head.Length)
                {
                    int n = stream.Read(head, read, head.Length - read);
                    if (n == 0) return false;
                    read += n;
                }
            }
            for (int i = 0; i < signature.Length; i++)
                if (head[i] != signature[i]) return false;
            return true;
        }

        private static ErrorRecord Problem(ErrorCategory category, string path, string message, string? action = null) =>
            // What to do is prose (no command fixes a file), so it belongs in the message, not in RecommendedAction.
            PayNetErrors.Create(ErrorIds.InvalidFile, category, path, message + " " + (action ?? "Upload a JPEG, PNG or PDF file of at most 5 MB."));
    }
}
