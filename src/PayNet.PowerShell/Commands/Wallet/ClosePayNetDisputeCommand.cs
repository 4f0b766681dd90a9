using System.Globalization;
using System.Management.Automation;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Closes (withdraws) a dispute that is not closed yet; piped disputes bind -Id.</summary>
    [Cmdlet(VerbsCommon.Close, "PayNetDispute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WalletDispute))]
    public sealed class ClosePayNetDisputeCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DisputeId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Why it is closed, kept on the dispute.</summary>
        [Parameter(Position = 1)]
        public string? Resolution { get; set; }

        private protected override void Process()
        {
            CurrentTarget = Id;
            var client = Wallet;
            if (!ShouldProcess($"Dispute {Id.ToString(CultureInfo.InvariantCulture)}", "Close")) return;
            WriteObject(Await(ct => client.CloseDisputeAsync(Id, Resolution, ct)));
        }
    }
}
