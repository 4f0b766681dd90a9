using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Accepts agreements by id, or piped from Get-PayNetAgreement, each under ShouldProcess naming the
    /// agreement and version. Emits the agreement as PayNet now records it. Accepting twice is harmless.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Approve, "PayNetAgreement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WalletAgreement))]
    public sealed class ApprovePayNetAgreementCommand : WalletCmdlet
    {
        private IReadOnlyList<WalletAgreement>? _known;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("AgreementId")]
        public long[] Id { get; set; } = null!;

        private protected override void Process()
        {
            var client = Wallet;
            _known ??= Await(ct => client.GetAgreementsAsync(ct));
            foreach (long id in Id)
            {
                CurrentTarget = id;
                var agreement = _known.FirstOrDefault(a => a.Id == id);
                if (agreement is null)
                {
                    WriteError(PayNetErrors.From(new PayNetException(PayNetApi.Wallet, "AcceptAgreements", PayNetErrorCategory.NotFound,
                        $"There is no agreement {id.ToString(CultureInfo.InvariantCulture)}; Get-PayNetAgreement lists them."), id));
                    continue;
                }
                string label = $"{agreement.Name} {agreement.Version} (agreement {id.ToString(CultureInfo.InvariantCulture)})";
                if (!ShouldProcess(label, "Accept")) continue;
                var updated = Await(ct => client.AcceptAgreementsAsync(new[] { id }, ct));
                _known = updated;
                WriteObject(updated.FirstOrDefault(a => a.Id == id) ?? agreement);
            }
        }
    }
}
