using System.Management.Automation;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>The member's uploaded KYC documents with their review state, or one by -Id.</summary>
    [Cmdlet(VerbsCommon.Get, "PayNetDocument")]
    [OutputType(typeof(WalletDocument))]
    public sealed class GetPayNetDocumentCommand : WalletCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DocumentId")]
        public long? Id { get; set; }

        private protected override void Process()
        {
            var client = Wallet;
            if (Id is long id)
            {
                CurrentTarget = id;
                WriteObject(Await(ct => client.GetDocumentAsync(id, ct)));
                return;
            }
            foreach (var document in Await(ct => client.GetDocumentsAsync(ct))) WriteObject(document);
        }
    }
}
