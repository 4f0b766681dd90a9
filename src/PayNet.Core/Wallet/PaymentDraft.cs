using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using PayNet.Core.Money;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// A payment request frozen at the moment of the call: defaults applied, amount checked, trace number
    /// fixed. Validate and execute both build their bodies from it, so they always say the same thing.
    /// </summary>
    internal sealed class PaymentDraft
    {
        private PaymentDraft(bool isSystemPayment, int transferTypeId, decimal amount, string currency, string traceNumber)
        {
            IsSystemPayment = isSystemPayment;
            TransferTypeId = transferTypeId;
            Amount = amount;
            Currency = currency;
            TraceNumber = traceNumber;
        }

        public bool IsSystemPayment { get; }
        public int TransferTypeId { get; }
        public decimal Amount { get; }
        public string Currency { get; }
        public string TraceNumber { get; }
        public string? ToMemberPrincipal { get; private set; }
        public long? ToMemberId { get; private set; }
        public string? Description { get; private set; }
        public IReadOnlyList<KeyValuePair<string, string>> CustomValues { get; private set; } = Array.Empty<KeyValuePair<string, string>>();

        public static PaymentDraft Member(WalletPaymentRequest request, WalletSettings settings, string operation)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            bool hasPrincipal = !string.IsNullOrWhiteSpace(request.ToMemberPrincipal);
            if (!hasPrincipal && request.ToMemberId is null)
                throw Invalid(operation, "A member payment needs a payee: ToMemberPrincipal or ToMemberId.");
            if (request.ToMemberId is long id && id <= 0) throw Invalid(operation, $"Payee id {id} is not a member id.");
            var draft = Create(false, request.TransferTypeId ?? settings.TransferTypes.P2P, request.Amount, request.TraceNumber, settings, operation);
            draft.ToMemberPrincipal = hasPrincipal ? request.ToMemberPrincipal!.Trim() : null;
            draft.ToMemberId = hasPrincipal ? null : request.ToMemberId;
            draft.Description = request.Description;
            draft.CustomValues = request.CustomValues.ToList();
            return draft;
        }

        public static PaymentDraft System(WalletSystemPaymentRequest request, WalletSettings settings, string operation)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (request.TransferTypeId <= 0) throw Invalid(operation, "A system payment needs its transfer-type id.");
            var draft = Create(true, request.TransferTypeId, request.Amount, request.TraceNumber, settings, operation);
            draft.Description = request.Description;
            draft.CustomValues = request.CustomValues.ToList();
            return draft;
        }

        /// <summary>A QR payment: the payee and type come from the code itself.</summary>
        public static PaymentDraft Qr(decimal amount, int transferTypeId, long? payeeId, string? description, string? trace, WalletSettings settings, string operation)
        {
            var draft = Create(false, transferTypeId, amount, trace, settings, operation);
            draft.ToMemberId = payeeId;
            draft.Description = description;
            return draft;
        }

        private static PaymentDraft Create(bool system, int typeId, decimal amount, string? trace, WalletSettings settings, string operation)
        {
            if (typeId <= 0) throw Invalid(operation, $"Transfer-type id {typeId} is not valid.");
            MoneyRules.Validate(PayNetApi.Wallet, operation, amount, settings.DefaultCurrency);
            return new PaymentDraft(system, typeId, amount, settings.DefaultCurrency.ToUpperInvariant(), ResolveTrace(trace, settings, operation));
        }

        public static string ResolveTrace(string? trace, WalletSettings settings, string operation)
        {
            if (string.IsNullOrWhiteSpace(trace)) return NewTraceNumber(settings.TraceNumberPrefix);
            string t = trace!.Trim();
            if (t.Length > 64) throw Invalid(operation, "A trace number is at most 64 characters.");
            return t;
        }

        /// <summary>Prefix + 20 hex characters (80 random bits): unique enough to be an idempotency key.</summary>
        public static string NewTraceNumber(string prefix)
        {
            var bytes = new byte[10];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return prefix + BitConverter.ToString(bytes).Replace("-", string.Empty);
        }

        /// <summary>Validation says isOtpEnable:false (§6.3.1); a confirm carries the PIN when the tenant asks for one and, when given, the OTP.</summary>
        public PaymentBody ToValidateBody() => ToBody(null, null, isOtpEnable: false);

        public PaymentBody ToConfirmBody(string? transactionPin, string? otp) => ToBody(transactionPin, otp, isOtpEnable: otp is null ? (bool?)null : true);

        private PaymentBody ToBody(string? transactionPin, string? otp, bool? isOtpEnable) => new PaymentBody
        {
            TransferTypeId = TransferTypeId,
            ToMemberPrincipal = ToMemberPrincipal,
            ToMemberId = ToMemberId,
            Amount = Amount,
            Description = Description,
            TraceNumber = TraceNumber,
            CustomValues = CustomValues.Count == 0 ? null : CustomValues.Select(kv => new CustomValueDto { InternalName = kv.Key, Value = kv.Value }).ToList(),
            TransactionPin = transactionPin,
            IsOtpEnable = isOtpEnable,
            Otp = otp,
        };

        private static PayNetException Invalid(string operation, string message) =>
            new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.InvalidArgument, message);
    }
}
