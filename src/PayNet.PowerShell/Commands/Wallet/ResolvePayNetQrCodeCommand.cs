using System.Management.Automation;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Reads what a QR code asks for (payee, amount, state) and whether this member can pay it now.
    /// Moves no money; pipe the result to Invoke-PayNetPayment to pay it.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "PayNetQrCode")]
    [OutputType(typeof(WalletQrCode))]
    public sealed class ResolvePayNetQrCodeCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Qr", "Code")]
        [ValidateNotNullOrEmpty]
        public string QrString { get; set; } = null!;

        private protected override void Process()
        {
            CurrentTarget = QrString;
            var client = Wallet;
            WriteObject(Await(ct => client.DecodeQrAsync(QrString, ct)));
        }
    }
}
