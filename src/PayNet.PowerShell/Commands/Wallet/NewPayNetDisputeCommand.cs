using System.Globalization;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Opens a dispute on a transfer the member took part in. A receipt or statement line piped in
    /// binds -TransferId by property name. The amount defaults to the whole transfer.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PayNetDispute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WalletDispute))]
    public sealed class NewPayNetDisputeCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("transfer_id")]
        [ValidateRange(1, long.MaxValue)]
        public long TransferId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("Unauthorized", "NotReceived", "WrongAmount", "Duplicate", "Other", IgnoreCase = true)]
        public string Reason { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Description { get; set; } = null!;

        /// <summary>Only part of the transfer is disputed.</summary>
        [Parameter]
        [WalletAmount]
        public decimal Amount { get; set; }

        private protected override void Process()
        {
            CurrentTarget = TransferId;
            var client = Wallet;
            if (!System.Enum.TryParse<WalletDisputeReason>(Reason, ignoreCase: true, out var reason) || reason == WalletDisputeReason.Unknown)
                throw new PayNetException(PayNetApi.Wallet, "CreateDispute", PayNetErrorCategory.InvalidArgument,
                    $"'{Reason}' is not a dispute reason: use Unauthorized, NotReceived, WrongAmount, Duplicate or Other.");
            decimal? amount = IsBound(nameof(Amount)) ? Amount : (decimal?)null;
            if (amount is decimal a) MoneyRules.Validate(PayNetApi.Wallet, "CreateDispute", a, client.Settings.DefaultCurrency);
            string part = amount is decimal partial ? $" for {Money(partial, client.Settings.DefaultCurrency)}" : string.Empty;
            if (!ShouldProcess($"Transfer {TransferId.ToString(CultureInfo.InvariantCulture)}{part}", $"Open a dispute ({reason})")) return;
            WriteObject(Await(ct => client.CreateDisputeAsync(TransferId, reason, Description, amount, ct)));
        }
    }
}
