using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Adds money to the wallet from the payment gateway (a system payment of the tenant's add-money
    /// type). Validates, asks ShouldProcess, executes once and returns the receipt, normally Pending
    /// until the gateway confirms: pipe it to Wait-PayNetTransaction to wait for the credit.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PayNetMoney", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(WalletPaymentReceipt))]
    public sealed class AddPayNetMoneyCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Value", "Sum")]
        [WalletAmount]
        public decimal Amount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Memo", "Note", "Narration")]
        public string? Description { get; set; }

        /// <summary>Your trace number (idempotency key); generated when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TraceNumber", "Ref")]
        public string? Reference { get; set; }

        [Parameter]
        public string? Otp { get; set; }

        private protected override void Process()
        {
            CurrentTarget = new WalletPaymentInput { Amount = Amount, Description = Description, Reference = Reference };
            var client = Wallet;
            MoneyRules.Validate(PayNetApi.Wallet, "AddMoney", Amount, client.Settings.DefaultCurrency);
            var request = new WalletSystemPaymentRequest(client.Settings.TransferTypes.AddMoney, Amount)
            {
                Description = string.IsNullOrWhiteSpace(Description) ? "Add money" : Description!.Trim(),
                TraceNumber = string.IsNullOrWhiteSpace(Reference) ? null : Reference!.Trim(),
            };
            var quote = Await(ct => client.ValidateSystemPaymentAsync(request, ct));
            ExecuteQuote(quote, Otp, "Add money to the wallet (moves money)");
        }
    }
}
