using System.IO;
using System.Management.Automation;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Uploads a KYC document (JPEG, PNG or PDF, at most 5 MB). The file is checked (exists, size, real
    /// type) before anything is sent; a bad file is a PayNetInvalidFile error and the next one is tried.
    /// Takes files piped from Get-ChildItem.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PayNetDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WalletDocument))]
    public sealed class AddPayNetDocumentCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "FilePath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>What the document is, as PayNet files it (e.g. ID, PASSPORT, PROOF_OF_ADDRESS).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("DocumentType", "Type")]
        [ValidateNotNullOrEmpty]
        public string Category { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Memo", "Note")]
        public string? Description { get; set; }

        private protected override void Process()
        {
            string path = Resolve(Path);
            CurrentTarget = path;
            var client = Wallet;
            var file = DocumentFile.Check(path, client.Settings.MaxDocumentBytes, out var problem);
            if (file is null)
            {
                WriteError(problem!);
                return;
            }
            if (!ShouldProcess($"{file.FileName} ({file.ContentType}, {file.Size / 1024.0:0.#} KB) as {Category}", "Upload KYC document")) return;
            byte[] content = File.ReadAllBytes(file.Path);
            WriteObject(Await(ct => client.UploadDocumentAsync(content, file.FileName, file.ContentType, Category, Description, ct)));
        }

        /// <summary>PowerShell paths: relative to the current location, PSDrives allowed.</summary>
        private string Resolve(string path) => GetUnresolvedProviderPathFromPSPath(path);
    }
}
