using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Withdraws from the wallet to a bank account (a system payment of the tenant's withdraw type, 28 by
    /// default; the account goes out as the ACCOUNTNUMBER custom field). Validates, asks ShouldProcess,
    /// executes once and returns the receipt; a pending one can be waited for with Wait-PayNetTransaction.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Request, "PayNetWithdrawal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(WalletPaymentReceipt))]
    public sealed class RequestPayNetWithdrawalCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Value", "Sum")]
        [WalletAmount]
        public decimal Amount { get; set; }

        /// <summary>The destination account number; the tenant's default destination when omitted.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("AccountNumber", "Iban", "BankAccountNumber")]
        public string? BankAccount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Memo", "Note", "Narration")]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TraceNumber", "Ref")]
        public string? Reference { get; set; }

        [Parameter]
        public string? Otp { get; set; }

        private protected override void Process()
        {
            CurrentTarget = new WalletPaymentInput { ToMemberId = BankAccount, Amount = Amount, Description = Description, Reference = Reference };
            var client = Wallet;
            MoneyRules.Validate(PayNetApi.Wallet, "Withdraw", Amount, client.Settings.DefaultCurrency);
            var request = new WalletSystemPaymentRequest(client.Settings.TransferTypes.Withdraw, Amount)
            {
                Description = string.IsNullOrWhiteSpace(Description) ? "Withdrawal" : Description!.Trim(),
                TraceNumber = string.IsNullOrWhiteSpace(Reference) ? null : Reference!.Trim(),
            };
            if (!string.IsNullOrWhiteSpace(BankAccount)) request.CustomValues["ACCOUNTNUMBER"] = BankAccount!.Trim();
            var quote = Await(ct => client.ValidateSystemPaymentAsync(request, ct));
            string destination = string.IsNullOrWhiteSpace(BankAccount) ? "the default account" : "bank account " + BankAccount!.Trim();
            ExecuteQuote(quote, Otp, $"Withdraw to {destination} (moves money)");
        }
    }
}
