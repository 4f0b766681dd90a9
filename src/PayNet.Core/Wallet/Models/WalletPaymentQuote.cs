using System;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// What a payment would do, from validation (§5.11): nothing has moved. Executing the quote resends
    /// exactly the validated fields with the same trace number, so executing it twice is refused as a duplicate.
    /// </summary>
    public sealed class WalletPaymentQuote
    {
        internal WalletPaymentQuote(PaymentDraft draft) => Draft = draft;

        internal PaymentDraft Draft { get; }

        public bool IsSystemPayment => Draft.IsSystemPayment;
        public decimal BaseAmount { get; internal set; }
        /// <summary>Sum of fee lines; negative for cashback and discount.</summary>
        public decimal TotalFees { get; internal set; }
        /// <summary>"Fixed fee 5.00; Cashback -2.00", empty when there are none.</summary>
        public string FeeSummary { get; internal set; } = string.Empty;
        /// <summary>What the payee receives.</summary>
        public decimal FinalAmount { get; internal set; }
        /// <summary>What the payer is debited, fees included.</summary>
        public decimal ConsolidatedAmount { get; internal set; }
        public string Currency { get; internal set; } = string.Empty;
        public string? PayerName { get; internal set; }
        public string? PayeeName { get; internal set; }
        public long? ToMemberId { get; internal set; }
        public string? ToMemberPrincipal { get; internal set; }
        public int TransferTypeId { get; internal set; }
        public string? TransferTypeName { get; internal set; }
        public string? Description { get; internal set; }
        public string TraceNumber => Draft.TraceNumber;
        /// <summary>Executing needs an OTP (generate one with <see cref="WalletOtpAction.Verification"/>).</summary>
        public bool RequiresOtp { get; internal set; }
        /// <summary>Executing would create a pending payment awaiting authorisation.</summary>
        public bool WouldRequireAuthorization { get; internal set; }
        public DateTimeOffset QuotedAt { get; internal set; }

        public override string ToString() =>
            $"{ConsolidatedAmount} {Currency} to {PayeeName ?? ToMemberPrincipal ?? "system"} (fees {TotalFees}, trace {TraceNumber})";
    }
}
