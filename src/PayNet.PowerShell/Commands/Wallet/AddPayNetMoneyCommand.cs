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
    [Cmdlet(VerbsCommon.Add, "PayNetMoney", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Add-PayNetMoney.md")]
    [OutputType(typeof(WalletPaymentReceipt))]
    public sealed class AddPayNetMoneyCommand : SystemPaymentCmdlet
    {
        private protected override void Process() =>
            RunSystemPayment("AddMoney", Wallet.Settings.TransferTypes.AddMoney, "Add money", "Add money to the wallet (moves money)");
    }
}
