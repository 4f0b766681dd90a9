using System.Globalization;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Adds a comment to an open dispute and/or replaces its description (PayNet allows it while Open or InReview).</summary>
    [Cmdlet(VerbsCommon.Set, "PayNetDispute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WalletDispute))]
    public sealed class SetPayNetDisputeCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DisputeId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Replaces the description.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>Adds a comment.</summary>
        [Parameter]
        public string? Comment { get; set; }

        private protected override void Process()
        {
            CurrentTarget = Id;
            if (string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Comment))
                throw new PayNetException(PayNetApi.Wallet, "UpdateDispute", PayNetErrorCategory.InvalidArgument, "Give -Description, -Comment or both.");
            var client = Wallet;
            string change = string.IsNullOrWhiteSpace(Comment) ? "Replace the description" : string.IsNullOrWhiteSpace(Description) ? "Add a comment" : "Replace the description and add a comment";
            if (!ShouldProcess($"Dispute {Id.ToString(CultureInfo.InvariantCulture)}", change)) return;
            WriteObject(Await(ct => client.UpdateDisputeAsync(Id, Description, Comment, ct)));
        }
    }
}
