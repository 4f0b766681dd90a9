using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace PayNet.Core.Journal
{
    /// <summary>Where the journal lives and what its files are called.</summary>
    public static class JournalLocation
    {
        public const string EnvironmentVariable = "PAYNET_JOURNAL";

        /// <summary>
        /// The journal directory: an explicit path wins, then $env:PAYNET_JOURNAL, then the per-user data
        /// directory ($HOME/.local/share/PayNet/journal on Unix, %LOCALAPPDATA%\PayNet\journal on Windows).
        /// </summary>
        public static string Resolve(string? explicitPath = null)
        {
            if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath!.Trim());
            string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment!.Trim());
            return DefaultDirectory();
        }

        public static string DefaultDirectory()
        {
            if (JournalPlatform.IsWindows)
            {
                string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                if (string.IsNullOrEmpty(local)) local = Environment.GetEnvironmentVariable("LOCALAPPDATA") ?? string.Empty;
                if (string.IsNullOrEmpty(local)) throw new InvalidOperationException("Cannot find %LOCALAPPDATA% for the PayNet journal; set $env:PAYNET_JOURNAL or pass -JournalPath.");
                return Path.Combine(local, "PayNet", "journal");
            }
            // The XDG data directory is what $HOME/.local/share defaults to; honour it when set.
            string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "PayNet", "journal");
            string? home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrWhiteSpace(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrWhiteSpace(home)) throw new InvalidOperationException("Cannot find $HOME for the PayNet journal; set $env:PAYNET_JOURNAL or pass -JournalPath.");
            return Path.Combine(home, ".local", "share", "PayNet", "journal");
        }
    }

    /// <summary>File names: journal-yyyy-MM.jsonl per calendar month (UTC), the lock file and the TopUp key files.</summary>
    internal static class JournalFileNames
    {
        public const string Prefix = "journal-";
        public const string Extension = ".jsonl";
        public const string LockFile = ".lock";

        public static string ForMonth(DateTimeOffset time) =>
            Prefix + time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture) + Extension;

        public static string TopUpKey(int posId) => "topup-key-" + posId.ToString(CultureInfo.InvariantCulture) + ".txt";

        /// <summary>The month files of a directory with their month, newest first.</summary>
        public static IEnumerable<(string Path, DateTime Month)> MonthFiles(string directory)
        {
            if (!Directory.Exists(directory)) return Enumerable.Empty<(string, DateTime)>();
            return Directory.EnumerateFiles(directory, Prefix + "*" + Extension)
                .Select(path => (Path: path, Month: MonthOf(Path.GetFileName(path))))
                .Where(f => f.Month.HasValue)
                .Select(f => (f.Path, f.Month!.Value))
                .OrderByDescending(f => f.Item2)
                .ToList();
        }

        private static DateTime? MonthOf(string fileName)
        {
            if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Extension, StringComparison.Ordinal)) return null;
            string middle = fileName.Substring(Prefix.Length, fileName.Length - Prefix.Length - Extension.Length);
            return DateTime.TryParseExact(middle, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var month)
                ? month
                : (DateTime?)null;
        }
    }

    /// <summary>Owner-only permissions on Unix (files 600, directories 700). netstandard2.0 has no File.SetUnixFileMode, hence chmod.</summary>
    internal static class JournalPlatform
    {
        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public const int OwnerReadWrite = 0x180; // 0600
        public const int OwnerOnlyDirectory = 0x1C0; // 0700

        public static void RestrictToOwner(string path, bool directory)
        {
            if (IsWindows) return; // %LOCALAPPDATA% is already private to the user.
            int mode = directory ? OwnerOnlyDirectory : OwnerReadWrite;
            if (chmod(path, mode) != 0)
            {
                int errno = Marshal.GetLastWin32Error();
                throw new IOException($"Cannot restrict '{path}' to its owner (chmod {Convert.ToString(mode, 8)} failed, errno {errno}).");
            }
        }

        /// <summary>The permission bits of a file (Unix only; -1 when unknown), for tests and diagnostics.</summary>
        public static int ModeOf(string path)
        {
            if (IsWindows) return -1;
            var info = new FileInfo(path);
            // UnixFileMode exists from .NET 7; the property is read by reflection so netstandard2.0 still compiles.
            var property = typeof(FileSystemInfo).GetProperty("UnixFileMode");
            return property is null ? -1 : Convert.ToInt32(property.GetValue(info), CultureInfo.InvariantCulture);
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string pathname, int mode);
    }
}
