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
    [Cmdlet(VerbsLifecycle.Request, "PayNetWithdrawal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Request-PayNetWithdrawal.md")]
    [OutputType(typeof(WalletPaymentReceipt))]
    public sealed class RequestPayNetWithdrawalCommand : SystemPaymentCmdlet
    {
        /// <summary>The destination account number; the tenant's default destination when omitted.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("AccountNumber", "Iban", "BankAccountNumber")]
        public string? BankAccount { get; set; }

        private protected override void Process()
        {
            string destination = string.IsNullOrWhiteSpace(BankAccount) ? "the default account" : "bank account " + BankAccount!.Trim();
            RunSystemPayment("Withdraw", Wallet.Settings.TransferTypes.Withdraw, "Withdrawal", $"Withdraw to {destination} (moves money)", BankAccount, BankAccount);
        }
    }
}
