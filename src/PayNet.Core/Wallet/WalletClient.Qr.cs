using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Money;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        /// <summary>
        /// Creates a QR code to be paid to this member (§6.11). Without an amount it is static (payer types
        /// the amount, reusable); with one it is single-use and expires.
        /// </summary>
        public async Task<WalletQrCode> CreateQrAsync(decimal? amount = null, string? description = null, int? transferTypeId = null,
            int? expiresInSeconds = null, CancellationToken cancellationToken = default)
        {
            const string operation = "CreateQr";
            if (amount is decimal a) MoneyRules.Validate(PayNetApi.Wallet, operation, a, Settings.DefaultCurrency);
            if (transferTypeId is int t && t <= 0) throw Invalid(operation, $"Transfer-type id {t} is not valid.");
            if (expiresInSeconds is int s && s <= 0) throw Invalid(operation, "The expiry must be a positive number of seconds.");
            var body = new QrCreateBody { Amount = amount, Description = description, TransferTypeId = transferTypeId, ExpiresInSeconds = expiresInSeconds };
            // A second QR code from a retried create costs nothing, so this is retried like a validation.
            var envelope = await CallAsync(HttpMethod.Post, Settings.Routes.QrCreate, body, operation, CallKind.Validation, cancellationToken).ConfigureAwait(false);
            var dto = envelope.Read<QrCodeDto>("QrCode") ?? throw MissingPayload(operation, envelope);
            _options.Redactor.AddSecret(dto.QrString);
            return _mapper.Qr(dto);
        }

        /// <summary>Reads what a QR code asks for and whether this member can pay it now.</summary>
        public async Task<WalletQrCode> DecodeQrAsync(string qrString, CancellationToken cancellationToken = default)
        {
            const string operation = "DecodeQr";
            if (string.IsNullOrWhiteSpace(qrString)) throw Invalid(operation, "The QR string is required.");
            var envelope = await CallAsync(HttpMethod.Post, Settings.Routes.QrDecode, new QrDecodeBody { QrString = qrString.Trim() },
                operation, CallKind.Validation, cancellationToken).ConfigureAwait(false);
            var dto = envelope.Read<QrCodeDto>("QrCode") ?? throw MissingPayload(operation, envelope);
            bool? payable = envelope.Payload is System.Text.Json.JsonElement payload ? WalletEnvelope.ReadBool(payload, "payable") : null;
            return _mapper.Qr(dto, payable);
        }

        /// <summary>
        /// Pays a QR code (§6.11): decodes it first (to know payee and amount and refuse a used or expired
        /// code before any money moves), then pays once with a trace number, reconciling a lost answer.
        /// </summary>
        public async Task<WalletPaymentReceipt> PayQrAsync(string qrString, decimal? amount = null, string? description = null,
            string? traceNumber = null, string? otp = null, CancellationToken cancellationToken = default)
        {
            const string operation = "PayQr";
            if (string.IsNullOrWhiteSpace(qrString)) throw Invalid(operation, "The QR string is required.");
            if (amount is decimal given) MoneyRules.Validate(PayNetApi.Wallet, operation, given, Settings.DefaultCurrency);
            var code = await DecodeQrAsync(qrString, cancellationToken).ConfigureAwait(false);
            if (code.Payable == false || code.State == WalletQrState.Used || code.State == WalletQrState.Expired)
                throw new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.Rejected,
                    $"This QR code cannot be paid: it is {code.StateName}.", providerCode: code.State == WalletQrState.Used ? "QR_ALREADY_USED" : code.State == WalletQrState.Expired ? "QR_EXPIRED" : null);
            if (code.Amount is decimal fixedAmount && amount is decimal asked && asked != fixedAmount)
                throw Invalid(operation, $"This QR code asks for exactly {MoneyRules.Format(fixedAmount)}; leave the amount out or give that one.");
            decimal toPay = code.Amount ?? amount ?? throw Invalid(operation, "This QR code carries no amount: give the amount to pay.");

            var draft = PaymentDraft.Qr(toPay, code.TransferTypeId ?? Settings.TransferTypes.P2P, code.ToMemberId, description ?? code.Description,
                traceNumber, Settings, operation);
            var quote = new WalletPaymentQuote(draft)
            {
                BaseAmount = toPay,
                FinalAmount = toPay,
                ConsolidatedAmount = toPay,
                Currency = code.Currency,
                PayeeName = code.ToMemberName,
                ToMemberId = code.ToMemberId,
                ToMemberPrincipal = code.ToMemberPrincipal,
                TransferTypeId = draft.TransferTypeId,
                Description = draft.Description,
                QuotedAt = DateTimeOffset.UtcNow,
            };
            string? cleanOtp = string.IsNullOrWhiteSpace(otp) ? null : otp!.Trim();
            var body = new QrPayBody
            {
                QrString = qrString.Trim(),
                Amount = code.Amount is null ? toPay : (decimal?)null,
                Description = description,
                TransactionPin = TransactionPinForConfirm(),
                IsOtpEnable = cleanOtp is null ? (bool?)null : true,
                Otp = cleanOtp,
                TraceNumber = draft.TraceNumber,
            };
            return await ConfirmAsync(quote, Settings.Routes.QrPay, body, operation, cancellationToken).ConfigureAwait(false);
        }
    }
}
