using System.Linq;
using System.Management.Automation;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>The agreements (terms) the member is asked to accept, with whether they have been.</summary>
    [Cmdlet(VerbsCommon.Get, "PayNetAgreement")]
    [OutputType(typeof(WalletAgreement))]
    public sealed class GetPayNetAgreementCommand : WalletCmdlet
    {
        /// <summary>Only these agreements.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("AgreementId")]
        public long[]? Id { get; set; }

        /// <summary>Only agreements not accepted yet.</summary>
        [Parameter]
        public SwitchParameter Pending { get; set; }

        private protected override void Process()
        {
            var client = Wallet;
            bool pendingOnly = Pending.IsPresent;
            var agreements = Await(ct => client.GetAgreementsAsync(ct))
                .Where(a => Id is null || Id.Length == 0 || Id.Contains(a.Id))
                .Where(a => !pendingOnly || !a.Accepted);
            foreach (var agreement in agreements) WriteObject(agreement);
        }
    }
}
