using System.Globalization;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Completers;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Creates a QR code others scan to pay this member. Without -Amount it is static (the payer types
    /// the amount; reusable, never expires); with -Amount it is dynamic (single use, expires).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PayNetQrCode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(WalletQrCode))]
    public sealed class NewPayNetQrCodeCommand : WalletCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Value", "Sum")]
        [WalletAmount]
        public decimal Amount { get; set; }

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Memo", "Note", "Narration")]
        public string? Description { get; set; }

        /// <summary>How the payer's payment is booked: P2P (default), Cashback, Discount... or a numeric id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Type", "TransferTypeId")]
        [ArgumentCompleter(typeof(WalletTransferTypeCompleter))]
        public string? TransferType { get; set; }

        /// <summary>Dynamic codes only: seconds until it expires (PayNet's default when omitted).</summary>
        [Parameter]
        [ValidateRange(1, 31_536_000)]
        public int? ExpiresInSeconds { get; set; }

        private protected override void Process()
        {
            var client = Wallet;
            decimal? amount = IsBound(nameof(Amount)) ? Amount : (decimal?)null;
            CurrentTarget = amount;
            if (amount is decimal a) MoneyRules.Validate(PayNetApi.Wallet, "CreateQr", a, client.Settings.DefaultCurrency);
            int? typeId = WalletTransferTypes.Resolve(TransferType, client.Settings.TransferTypes, "CreateQr");
            string what = amount is decimal fixedAmount
                ? $"Dynamic QR code for {Money(fixedAmount, client.Settings.DefaultCurrency)}"
                : "Static QR code (the payer enters the amount)";
            if (!string.IsNullOrWhiteSpace(Description)) what += $" '{Description}'";
            if (typeId is int t) what += ", transfer type " + t.ToString(CultureInfo.InvariantCulture);
            if (!ShouldProcess(what, "Create")) return;
            var code = Await(ct => client.CreateQrAsync(amount, Description, typeId, amount is null ? null : ExpiresInSeconds, ct));
            WriteObject(code);
        }
    }
}
