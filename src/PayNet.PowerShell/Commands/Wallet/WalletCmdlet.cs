using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.Security;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// What the Wallet cmdlets share: the connection's Wallet client, the one-time-password step (-Otp
    /// for scripts, a prompt at the console, else a clear PayNetOtpRequired error), the validate →
    /// ShouldProcess → execute path of money movers, and readable money text for ShouldProcess questions.
    /// </summary>
    public abstract class WalletCmdlet : PayNetConnectedCmdlet
    {
        private protected WalletClient Wallet => RequireConnection(PayNetApi.Wallet).WalletClient;

        /// <summary>
        /// The OTP to send: -Otp when given; otherwise <paramref name="send"/> asks PayNet to text one and
        /// the person at the console types it. Null (after a PayNetOtpRequired error) when nobody can answer.
        /// </summary>
        private protected string? ObtainOtp(string? given, string purpose, string? mobile, Func<CancellationToken, Task> send)
        {
            if (!string.IsNullOrWhiteSpace(given)) return given!.Trim();
            Await(send);
            string where = string.IsNullOrWhiteSpace(mobile) ? "your registered mobile" : "the mobile ending " + Last4(mobile!);
            string? answer;
            try
            {
                answer = Prompt("One-time password", OtpQuestion(purpose, mobile));
            }
            catch (Exception noConsole) when (!(noConsole is PipelineStoppedException) && !(noConsole is OperationCanceledException))
            {
                // A -NonInteractive host refuses to read; that is "nobody can answer", not a failure of the command.
                answer = null;
            }
            if (!string.IsNullOrWhiteSpace(answer)) return answer!.Trim();
            string command = MyInvocation.MyCommand?.Name ?? "Invoke-PayNetPayment";
            bool takesOtp = MyInvocation.MyCommand?.Parameters.ContainsKey("Otp") == true;
            WriteItemError(ErrorIds.OtpRequired, ErrorCategory.AuthenticationError, CurrentTarget,
                $"{Capitalize(purpose)} needs a one-time password and none was given. PayNet has sent one to {where}. " +
                (takesOtp ? $"Run {command} again with -Otp and that code within 5 minutes (a newer request replaces the code)." : "Run it again at a console that can answer the prompt, within 5 minutes."),
                takesOtp ? FollowUpCommands.ParameterHelp(command, "Otp") : null);
            return null;
        }

        /// <summary>The widest an OTP question may be: it must fit on one line of an 80-column console.</summary>
        internal const int OtpPromptWidth = 79;

        /// <summary>
        /// The text after "One-time password: ", kept to one 80-column line with room for a 6-digit code:
        /// the purpose is shortened, then dropped, before the line would wrap.
        /// </summary>
        internal static string OtpQuestion(string purpose, string? mobile)
        {
            const string caption = "One-time password: ";
            const int codeRoom = 8;
            string where = string.IsNullOrWhiteSpace(mobile) ? "your mobile" : "mobile …" + Last4(mobile!);
            string tail = $", sent to {where}";
            int purposeRoom = OtpPromptWidth - caption.Length - codeRoom - tail.Length;
            if (purpose.Length > purposeRoom) purpose = purpose.Substring(0, Math.Max(0, purposeRoom - 1)) + "…";
            return purpose + tail;
        }

        /// <summary>
        /// The money-moving half shared by payments, add money and withdrawals: ShouldProcess on what the
        /// quote says, then the OTP step when PayNet asks for one, then one execute. -WhatIf stops before
        /// any OTP is sent or money moves.
        /// </summary>
        private protected void ExecuteQuote(WalletPaymentQuote quote, string? otp, string action)
        {
            var client = Wallet;
            if (!ShouldMoveMoney(Describe(quote), action)) return;
            string? confirmOtp = null;
            if (quote.RequiresOtp)
            {
                confirmOtp = PaymentOtp(client, otp, "this payment");
                if (confirmOtp is null) return;
            }
            var receipt = MoveMoney(quote.TraceNumber, ct => client.ExecutePaymentAsync(quote, confirmOtp, ct));
            CurrentTarget = receipt;
            WriteReceipt(receipt);
        }

        /// <summary>
        /// A transfer PayNet booked and then failed, denied, cancelled or blocked (an add money the gateway refused) moved
        /// no money: it is that item's PayNetRejected error with the receipt as TargetObject, never a receipt in the output
        /// that a script would take for a payment. Anything else is the result.
        /// </summary>
        private protected void WriteReceipt(WalletPaymentReceipt receipt)
        {
            if (receipt.State is not (WalletTransferState.Failed or WalletTransferState.Denied or WalletTransferState.Canceled or WalletTransferState.Blocked))
            {
                WriteMoneyResult(receipt);
                return;
            }
            string amount = receipt.Amount.ToString("0.00", CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(receipt.Currency) ? string.Empty : " " + receipt.Currency);
            string message = $"Wallet transfer {receipt.TransferId} (reference '{receipt.TraceNumber}', {amount}) ended {receipt.State}: no money moved.";
            WriteError(PayNetErrors.Create(ErrorIds.Rejected, ErrorCategory.InvalidResult, receipt, message,
                new PayNetException(PayNetApi.Wallet, "Payment", PayNetErrorCategory.Rejected, message, reference: receipt.TraceNumber),
                $"Get-PayNetJournal -Reference '{receipt.TraceNumber}'"));
        }

        /// <summary>The OTP of a payment confirm: -Otp, else one PayNet texts to the member's own mobile (Verification) and the console types.</summary>
        private protected string? PaymentOtp(WalletClient client, string? given, string purpose)
        {
            string? mobile = client.InitialData?.MobileNo;
            return ObtainOtp(given, purpose, mobile, async ct =>
            {
                string own = mobile ?? (await client.GetProfileAsync(ct).ConfigureAwait(false)).MobileNo
                    ?? throw new PayNetException(PayNetApi.Wallet, "GenerateOtp", PayNetErrorCategory.InvalidArgument, "PayNet did not say which mobile number to send the one-time password to.");
                await client.GenerateOtpAsync(own, WalletOtpAction.Verification, ct).ConfigureAwait(false);
            });
        }

        /// <summary>The ShouldProcess target of a payment: amount, currency, payee, fees and reference.</summary>
        internal static string Describe(WalletPaymentQuote quote)
        {
            string money = Money(quote.BaseAmount, quote.Currency);
            string what = quote.IsSystemPayment
                ? $"{quote.TransferTypeName ?? "Transfer type " + quote.TransferTypeId.ToString(CultureInfo.InvariantCulture)}: {money}"
                : $"{money} to {Payee(quote)}";
            string fees = quote.TotalFees == 0m ? string.Empty
                : $", fees {Money(quote.TotalFees, quote.Currency)} ({quote.FeeSummary}), total debit {Money(quote.ConsolidatedAmount, quote.Currency)}";
            if (quote.TotalFees != 0m && quote.FinalAmount != quote.BaseAmount) fees += $", payee receives {Money(quote.FinalAmount, quote.Currency)}";
            return $"{what}{fees}, reference {quote.TraceNumber}";
        }

        private static string Payee(WalletPaymentQuote quote)
        {
            string? id = quote.ToMemberPrincipal ?? (quote.ToMemberId is long memberId ? "member " + memberId.ToString(CultureInfo.InvariantCulture) : null);
            if (quote.PayeeName is null) return id ?? "the payee";
            return id is null ? quote.PayeeName : $"{quote.PayeeName} ({id})";
        }

        /// <summary>A SecureString as the Core's SecretString, or a PayNetInvalidArgument error when it is empty.</summary>
        private protected static SecretString Secret(SecureString? value, string parameter, string operation)
        {
            if (value is null || value.Length == 0)
                throw new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.InvalidArgument, $"-{parameter} must not be empty.");
            return SecretString.FromSecureString(value);
        }

        /// <summary>"25.00 USD": as many decimals as the currency has.</summary>
        internal static string Money(decimal amount, string? currency)
        {
            int decimals = currency is not null && MoneyRules.IsKnownCurrency(currency) ? MoneyRules.DecimalsOf(currency) : 2;
            string number = amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(currency) ? number : number + " " + currency;
        }

        internal static string Last4(string text)
        {
            string digits = new string(text.Where(char.IsLetterOrDigit).ToArray());
            return digits.Length <= 4 ? digits : digits.Substring(digits.Length - 4);
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
