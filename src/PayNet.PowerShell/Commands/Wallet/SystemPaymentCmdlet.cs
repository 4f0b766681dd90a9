using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// What Add-PayNetMoney and Request-PayNetWithdrawal share: a system payment of one transfer type,
    /// validated, confirmed with ShouldProcess, executed once.
    /// </summary>
    public abstract class SystemPaymentCmdlet : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Value", "Sum")]
        [PayNetAmountTransformation]
        public PayNetAmount Amount { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Memo", "Note", "Narration")]
        public string? Description { get; set; }

        /// <summary>Your trace number (idempotency key); generated when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TraceNumber", "Ref")]
        public string? Reference { get; set; }

        [Parameter]
        public string? Otp { get; set; }

        /// <summary>Validates the amount, quotes the system payment, asks, and executes it once.</summary>
        private protected void RunSystemPayment(string operation, int transferTypeId, string defaultDescription, string action,
            string? destination = null, string? accountNumber = null)
        {
            CurrentTarget = PipelineInput ?? new WalletPaymentInput { ToPrincipal = destination, Amount = Amount.IsValid ? Amount.Value : (decimal?)null, AmountText = Amount.Text, Description = Description, Reference = Reference };
            decimal amount = Amount.For(PayNetApi.Wallet, operation);
            if (BatchHalted()) return;
            var client = Wallet;
            MoneyRules.Validate(PayNetApi.Wallet, operation, amount, client.Settings.DefaultCurrency);
            var request = new WalletSystemPaymentRequest(transferTypeId, amount)
            {
                Description = string.IsNullOrWhiteSpace(Description) ? defaultDescription : Description!.Trim(),
                TraceNumber = string.IsNullOrWhiteSpace(Reference) ? null : Reference!.Trim(),
            };
            if (!string.IsNullOrWhiteSpace(accountNumber)) request.CustomValues["ACCOUNTNUMBER"] = accountNumber!.Trim();
            var quote = Await(ct => client.ValidateSystemPaymentAsync(request, ct));
            ExecuteQuote(quote, Otp, action);
        }
    }
}
