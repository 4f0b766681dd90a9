using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    [Cmdlet(VerbsLifecycle.Invoke, "PayNetPayment", DefaultParameterSetName = MemberSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Invoke-PayNetPayment.md")]
    [OutputType(typeof(WalletPaymentQuote), typeof(WalletPaymentReceipt))]
    public sealed class InvokePayNetPaymentCommand : WalletCmdlet
    {
        private const string MemberSet = "Member";
        private const string QuoteSet = "Quote";
        private const string QrStringSet = "QrString";
        private const string QrCodeSet = "QrCode";
        private const string PayAction = "Pay (moves money)";

        /// <summary>
        /// The payee's member id, a positive whole number, and nothing else: it is never read as a username
        /// or mobile number (use -ToPrincipal for those). Anything else is a PayNetInvalidArgument error.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Alias("MemberId", "PayeeId", "PayeeMemberId", "member_id")]
        [AllowEmptyString]
        public string? ToMemberId { get; set; }

        /// <summary>The payee's principal: username, mobile number or account number, exactly as PayNet knows it.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Alias("Payee", "Recipient", "To", "ToMemberPrincipal")]
        [AllowEmptyString]
        public string? ToPrincipal { get; set; }

        /// <summary>
        /// In the tenant's currency. A number, or text with digits and at most one '.' (10.50), read the same in
        /// every culture; '10,00', '1e1' or '0x10' is that row's PayNetInvalidAmount error and nothing is sent.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = MemberSet)]
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = QrStringSet)]
        [Parameter(ParameterSetName = QrCodeSet)]
        [Alias("Value", "Sum")]
        [PayNetAmountTransformation]
        public PayNetAmount Amount { get; set; } = null!;

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
            CurrentTarget = PipelineInput ?? new WalletPaymentInput { ToMemberId = ToMemberId, ToPrincipal = ToPrincipal, Amount = Amount.IsValid ? Amount.Value : (decimal?)null, AmountText = Amount.Text, TransferType = TransferType, Description = Description, Reference = Reference };
            decimal amount = Amount.For(PayNetApi.Wallet, "ValidatePayment");
            if (!Validate.IsPresent && BatchHalted()) return;
            var payee = Payee(amount);
            var client = Wallet;
            MoneyRules.Validate(PayNetApi.Wallet, "ValidatePayment", amount, client.Settings.DefaultCurrency);
            int? typeId = WalletTransferTypes.Resolve(TransferType, client.Settings.TransferTypes, "ValidatePayment");
            CheckTransferType(client, typeId);
            var quote = Await(ct => client.ValidatePaymentAsync(Request(payee, typeId), ct));
            if (Validate.IsPresent)
            {
                WriteObject(quote);
                return;
            }
            ExecuteQuote(quote, Otp, PayAction);
        }

        /// <summary>
        /// Exactly one payee, read exactly one way: -ToMemberId as a member id, -ToPrincipal as a principal.
        /// A number is never tried both ways, so a member id can never pay the member whose username it is.
        /// An empty CSV cell or both columns filled is this row's error, not a binding failure.
        /// </summary>
        private WalletPaymentRequest Payee(decimal amount)
        {
            bool hasId = !string.IsNullOrWhiteSpace(ToMemberId), hasPrincipal = !string.IsNullOrWhiteSpace(ToPrincipal);
            if (hasId && hasPrincipal)
                throw Invalid($"The payment names two payees (-ToMemberId '{ToMemberId!.Trim()}' and -ToPrincipal '{ToPrincipal!.Trim()}'): give one.");
            if (hasPrincipal) return new WalletPaymentRequest(ToPrincipal!.Trim(), amount);
            if (!hasId) throw Invalid("The payment names no payee (-ToMemberId and -ToPrincipal are empty).");
            string id = ToMemberId!.Trim();
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long memberId) || memberId <= 0)
                throw Invalid($"-ToMemberId '{id}' is not a member id (a positive whole number). A username, mobile number or account number goes in -ToPrincipal.");
            return new WalletPaymentRequest(memberId, amount);
        }

        /// <summary>
        /// Refuses, before anything is sent, a transfer type PayNet does not list for this member and the
        /// tenant's currency (§6.15, fetched once per connection). When PayNet does not serve the list, or it
        /// cannot be read now, PayNet itself judges the type at validation.
        /// </summary>
        private void CheckTransferType(WalletClient client, int? typeId)
        {
            int id = typeId ?? client.Settings.TransferTypes.P2P;
            IReadOnlyList<WalletTransferType> usable;
            try
            {
                usable = Await(ct => client.GetTransferTypesAsync(WalletPaymentDestination.Member, currency: client.Settings.DefaultCurrency, cancellationToken: ct));
            }
            catch (PayNetException unreadable) when (unreadable.Category is PayNetErrorCategory.Unavailable or PayNetErrorCategory.Timeout
                or PayNetErrorCategory.NotFound or PayNetErrorCategory.InvalidArgument or PayNetErrorCategory.Rejected)
            {
                WriteVerbose($"The member's transfer types could not be read ({unreadable.Message}); PayNet will judge transfer type {id}.");
                return;
            }
            if (usable.Count == 0 || usable[0].Source != WalletTransferTypeSource.PayNet || usable.Any(t => t.Id == id)) return;
            string offered = string.Join(", ", usable.Select(t => $"{t.ConfiguredName ?? t.Id.ToString(CultureInfo.InvariantCulture)} ({t.Id}{(t.Name is null ? string.Empty : " " + t.Name)})"));
            throw new PayNetException(PayNetApi.Wallet, "ValidatePayment", PayNetErrorCategory.InvalidArgument,
                $"Transfer type {(string.IsNullOrWhiteSpace(TransferType) ? id.ToString(CultureInfo.InvariantCulture) : $"'{TransferType!.Trim()}' ({id})")} is not one PayNet lists for {client.Principal} in {client.Settings.DefaultCurrency}. Use one of: {offered}.");
        }

        private static PayNetException Invalid(string message) =>
            new PayNetException(PayNetApi.Wallet, "ValidatePayment", PayNetErrorCategory.InvalidArgument, message);

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
            bool amountGiven = IsBound(nameof(Amount)) && Amount is not null;
            CurrentTarget = PipelineInput ?? new WalletPaymentInput { QrString = qrString, Amount = amountGiven && Amount.IsValid ? Amount.Value : (decimal?)null, AmountText = amountGiven ? Amount.Text : null, Description = Description, Reference = Reference };
            decimal? given = amountGiven ? Amount.For(PayNetApi.Wallet, "PayQr") : (decimal?)null;
            if (BatchHalted()) return;
            var client = Wallet;
            if (given is decimal checkedAmount) MoneyRules.Validate(PayNetApi.Wallet, "PayQr", checkedAmount, client.Settings.DefaultCurrency);
            var code = Await(ct => client.DecodeQrAsync(qrString, ct));
            // Refused before the question: "pay 5.00 to yourself?" is not a question worth asking.
            if (client.IsOwnQrCode(code))
                throw new PayNetException(PayNetApi.Wallet, "PayQr", PayNetErrorCategory.InvalidArgument,
                    "This QR code is your own: it asks for money to be paid to you, so you cannot pay it. Give it to the payer to scan.", providerCode: "QR_OWN_CODE");
            decimal? toPay = code.Amount ?? given;
            if (toPay is null)
                throw new PayNetException(PayNetApi.Wallet, "PayQr", PayNetErrorCategory.InvalidArgument,
                    $"This QR code of {code.ToMemberName} carries no amount: give it with -Amount.");
            string reference = string.IsNullOrWhiteSpace(Reference) ? NewReference(client) : Reference!.Trim();
            string payee = code.ToMemberPrincipal is null ? code.ToMemberName ?? "the QR code's owner" : $"{code.ToMemberName} ({code.ToMemberPrincipal})";
            string target = $"{Money(toPay.Value, code.Currency)} to {payee} by QR code{(code.Description is null ? string.Empty : " '" + code.Description + "'")}, reference {reference}";
            if (!ShouldMoveMoney(target, PayAction)) return;

            decimal? amount = given;
            string? otp = Otp;
            WalletPaymentReceipt receipt;
            try
            {
                receipt = MoveMoney(reference, ct => client.PayQrAsync(qrString, amount, Description, reference, otp, ct));
            }
            catch (PayNetException needsOtp) when (string.IsNullOrWhiteSpace(Otp) && string.Equals(needsOtp.ProviderCode, "INVALID_OTP", StringComparison.OrdinalIgnoreCase))
            {
                // Decoding cannot tell that a QR payment needs an OTP; PayNet refused before booking, so the
                // same reference is still unused and the retry cannot pay twice.
                otp = PaymentOtp(client, null, "this QR payment");
                if (otp is null) return;
                receipt = MoveMoney(reference, ct => client.PayQrAsync(qrString, amount, Description, reference, otp, ct));
            }
            CurrentTarget = receipt;
            WriteReceipt(receipt);
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
