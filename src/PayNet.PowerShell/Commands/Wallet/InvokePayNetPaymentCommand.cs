using System;
using System.Globalization;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Completers;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Pays another Wallet member. -Validate returns a quote (fees, what each side sees) and moves no
    /// money; otherwise it validates, asks ShouldProcess (amount, currency, payee, reference), runs the
    /// OTP step when PayNet wants one, and executes once, returning the receipt. A quote piped in
    /// executes exactly that quote; -QrString (or a decoded QR code piped in) pays a QR code.
    /// Import-Csv rows bind by column name; each bad row is a non-terminating error and the batch goes on.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PayNetPayment", DefaultParameterSetName = MemberSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(WalletPaymentQuote), typeof(WalletPaymentReceipt))]
    public sealed class InvokePayNetPaymentCommand : WalletCmdlet
    {
        private const string MemberSet = "Member";
        private const string QuoteSet = "Quote";
        private const string QrStringSet = "QrString";
        private const string QrCodeSet = "QrCode";
        private const string PayAction = "Pay (moves money)";

        /// <summary>The payee: username, mobile number or account number; a member id works too ("id:3" forces the id reading).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Alias("MemberId", "Payee", "PayeeId", "Recipient", "To", "ToMemberPrincipal")]
        [AllowEmptyString]
        public string ToMemberId { get; set; } = null!;

        /// <summary>In the tenant's currency. Text from a CSV binds with a '.' decimal point.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = QrStringSet)]
        [Parameter(ParameterSetName = QrCodeSet)]
        [Alias("Value", "Sum")]
        [WalletAmount]
        public decimal Amount { get; set; }

        /// <summary>P2P (default), Loyalty, FixedFee, PercentFee, Cashback, Discount, or a numeric transfer-type id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Alias("Type", "TransferTypeId")]
        [ArgumentCompleter(typeof(WalletTransferTypeCompleter))]
        public string? TransferType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = QrStringSet)]
        [Parameter(ParameterSetName = QrCodeSet)]
        [Alias("Memo", "Note", "Narration")]
        public string? Description { get; set; }

        /// <summary>Your trace number: the payment's idempotency key (generated when omitted). A second payment with it is refused.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = QrStringSet)]
        [Parameter(ParameterSetName = QrCodeSet)]
        [Alias("TraceNumber", "Ref")]
        public string? Reference { get; set; }

        /// <summary>Return the quote (fees, final amounts, payer and payee names) and move no money.</summary>
        [Parameter(ParameterSetName = MemberSet)]
        public SwitchParameter Validate { get; set; }

        /// <summary>A quote from -Validate: executes exactly it, with its trace number.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = QuoteSet)]
        [Alias("InputObject")]
        public WalletPaymentQuote Quote { get; set; } = null!;

        /// <summary>The text of a PayNet QR code (PNQR1....).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = QrStringSet)]
        public string QrString { get; set; } = null!;

        /// <summary>A QR code from Resolve-PayNetQrCode.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = QrCodeSet)]
        public WalletQrCode QrCode { get; set; } = null!;

        /// <summary>The one-time password, when PayNet asks for one (otherwise you are prompted at the console).</summary>
        [Parameter]
        public string? Otp { get; set; }

        private protected override void Process()
        {
            switch (ParameterSetName)
            {
                case QuoteSet:
                    CurrentTarget = Quote;
                    ExecuteQuote(Quote, Otp, PayAction);
                    break;
                case QrStringSet:
                    PayQr(QrString);
                    break;
                case QrCodeSet:
                    PayQr(QrCode.QrString);
                    break;
                default:
                    PayMember();
                    break;
            }
        }

        private void PayMember()
        {
            CurrentTarget = new WalletPaymentInput { ToMemberId = ToMemberId, Amount = Amount, TransferType = TransferType, Description = Description, Reference = Reference };
            // An empty CSV cell is this row's error, not a binding failure PowerShell would word for us.
            if (string.IsNullOrWhiteSpace(ToMemberId))
                throw new PayNetException(PayNetApi.Wallet, "ValidatePayment", PayNetErrorCategory.InvalidArgument, "The payment names no payee (-ToMemberId is empty).");
            var client = Wallet;
            MoneyRules.Validate(PayNetApi.Wallet, "ValidatePayment", Amount, client.Settings.DefaultCurrency);
            int? typeId = WalletTransferTypes.Resolve(TransferType, client.Settings.TransferTypes, "ValidatePayment");
            var quote = QuoteFor(client, typeId);
            if (Validate.IsPresent)
            {
                WriteObject(quote);
                return;
            }
            ExecuteQuote(quote, Otp, PayAction);
        }

        /// <summary>
        /// Validates against the payee as a principal first (usernames and mobile numbers are digits too);
        /// a number PayNet knows no principal for is then tried as a member id.
        /// </summary>
        private WalletPaymentQuote QuoteFor(WalletClient client, int? typeId)
        {
            string payee = ToMemberId.Trim();
            if (payee.StartsWith("id:", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(payee.Substring(3), NumberStyles.None, CultureInfo.InvariantCulture, out long forced) || forced <= 0)
                    throw new PayNetException(PayNetApi.Wallet, "ValidatePayment", PayNetErrorCategory.InvalidArgument, $"'{payee}' is not a member id.");
                return Await(ct => client.ValidatePaymentAsync(Request(new WalletPaymentRequest(forced, Amount), typeId), ct));
            }
            try
            {
                return Await(ct => client.ValidatePaymentAsync(Request(new WalletPaymentRequest(payee, Amount), typeId), ct));
            }
            catch (PayNetException notFound) when (notFound.Category == PayNetErrorCategory.NotFound
                && long.TryParse(payee, NumberStyles.None, CultureInfo.InvariantCulture, out long memberId) && memberId > 0)
            {
                WriteVerbose($"No member has the principal '{payee}'; trying it as a member id.");
                return Await(ct => client.ValidatePaymentAsync(Request(new WalletPaymentRequest(memberId, Amount), typeId), ct));
            }
        }

        private WalletPaymentRequest Request(WalletPaymentRequest request, int? typeId)
        {
            request.TransferTypeId = typeId;
            request.Description = string.IsNullOrWhiteSpace(Description) ? null : Description!.Trim();
            request.TraceNumber = string.IsNullOrWhiteSpace(Reference) ? null : Reference!.Trim();
            return request;
        }

        /// <summary>Decodes first (no money moves) so the question names payee, amount and reference; then pays once.</summary>
        private void PayQr(string qrString)
        {
            bool amountGiven = IsBound(nameof(Amount));
            CurrentTarget = new WalletPaymentInput { QrString = qrString, Amount = amountGiven ? Amount : (decimal?)null, Description = Description, Reference = Reference };
            var client = Wallet;
            if (amountGiven) MoneyRules.Validate(PayNetApi.Wallet, "PayQr", Amount, client.Settings.DefaultCurrency);
            var code = Await(ct => client.DecodeQrAsync(qrString, ct));
            decimal? toPay = code.Amount ?? (amountGiven ? Amount : (decimal?)null);
            if (toPay is null)
                throw new PayNetException(PayNetApi.Wallet, "PayQr", PayNetErrorCategory.InvalidArgument,
                    $"This QR code of {code.ToMemberName} carries no amount: give it with -Amount.");
            string reference = string.IsNullOrWhiteSpace(Reference) ? NewReference(client) : Reference!.Trim();
            string payee = code.ToMemberPrincipal is null ? code.ToMemberName ?? "the QR code's owner" : $"{code.ToMemberName} ({code.ToMemberPrincipal})";
            string target = $"{Money(toPay.Value, code.Currency)} to {payee} by QR code{(code.Description is null ? string.Empty : " '" + code.Description + "'")}, reference {reference}";
            if (!ShouldProcess(target, PayAction)) return;

            decimal? amount = amountGiven ? Amount : (decimal?)null;
            string? otp = Otp;
            WalletPaymentReceipt receipt;
            try
            {
                receipt = Await(ct => client.PayQrAsync(qrString, amount, Description, reference, otp, ct));
            }
            catch (PayNetException needsOtp) when (string.IsNullOrWhiteSpace(Otp) && string.Equals(needsOtp.ProviderCode, "INVALID_OTP", StringComparison.OrdinalIgnoreCase))
            {
                // Decoding cannot tell that a QR payment needs an OTP; PayNet refused before booking, so the
                // same reference is still unused and the retry cannot pay twice.
                otp = PaymentOtp(client, null, "this QR payment");
                if (otp is null) return;
                receipt = Await(ct => client.PayQrAsync(qrString, amount, Description, reference, otp, ct));
            }
            CurrentTarget = receipt;
            WriteObject(receipt);
        }

        /// <summary>Same shape as the client's own trace numbers: the prefix and 80 random bits.</summary>
        private static string NewReference(WalletClient client)
        {
            var bytes = new byte[10];
            using (var random = System.Security.Cryptography.RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return client.Settings.TraceNumberPrefix + BitConverter.ToString(bytes).Replace("-", string.Empty);
        }
    }
}
