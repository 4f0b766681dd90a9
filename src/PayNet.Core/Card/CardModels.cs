using System;

namespace PayNet.Core.Card
{
    /// <summary>Numeric transaction_type (card.md §2.1); 2 is Reversal, as the English detail page says.</summary>
    public enum CardTransactionType
    {
        Unknown = 0,
        Sale = 1,
        Reversal = 2,
        PreAuth = 3,
        Capture = 4,
        PreAuthReversal = 5,
        CaptureReversal = 6,
        Query = 7,
        Credit = 9,
        PointUse = 10,
        PointReturn = 11,
    }

    /// <summary>What a reconciler needs to know about a card row, from is_succeed and reversed.</summary>
    public enum CardTransactionState
    {
        Unknown,
        Succeeded,
        Failed,
        Reversed,
    }

    /// <summary>
    /// A card transaction (check, detail, list, capture). Flat; money is decimal in TRY. Card numbers are
    /// kept masked as Paynet sends them; the secret key never appears.
    /// </summary>
    public class CardTransaction : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service => PayNetApi.Card;

        /// <summary>Paynet's encrypted id (xk_...), the key of refunds, captures and marking.</summary>
        public string? XactId { get; set; }

        /// <summary>Paynet's unencrypted numeric id; the encrypted id when a row has no numeric one.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The merchant reference (reference_no / agent_reference).</summary>
        public string? ReferenceNo { get; set; }

        /// <summary>Transaction time, Turkey local time (+03:00) unless Paynet sent an offset.</summary>
        public DateTimeOffset? Time { get; set; }

        public CardTransactionType TransactionType { get; set; }

        /// <summary>Two-letter type of the list and payout report: S, R, CD, PR, CR, RP, RC, PK, PI.</summary>
        public string? XactType { get; set; }

        public CardTransactionState State { get; set; }
        public bool IsSucceeded { get; set; }
        public bool IsReversed { get; set; }
        public bool IsTds { get; set; }
        public decimal? Amount { get; set; }
        /// <summary>Amount minus commission and commission tax.</summary>
        public decimal? NetAmount { get; set; }
        public decimal? Commission { get; set; }
        public decimal? CommissionTax { get; set; }
        /// <summary>Commission ratio as a fraction (0.02 = 2 %).</summary>
        public decimal? Ratio { get; set; }
        public string Currency { get; set; } = "TRY";
        public string? BankId { get; set; }
        public string? BankName { get; set; }
        /// <summary>Masked PAN as received (first 6 + last 4).</summary>
        public string? CardNo { get; set; }
        public string? CardHolder { get; set; }
        public int? Instalment { get; set; }
        public string? AuthorizationCode { get; set; }
        public string? AgentId { get; set; }
        public string? Note { get; set; }
        public bool IsTransferred { get; set; }
        public string? ReversedXactId { get; set; }

        public string? Reference => ReferenceNo;
        public string StateName => State.ToString();

        public override string ToString() => $"{Id} {ReferenceNo} {TransactionType} {State} {Amount} {Currency}";
    }

    /// <summary>The full record of /transaction/detail: the row plus split, value dates and contact data.</summary>
    public sealed class CardTransactionDetail : CardTransaction
    {
        public string? XactTypeDescription { get; set; }
        public string? ChannelId { get; set; }
        public int? PosType { get; set; }
        public string? PosTypeDescription { get; set; }
        public string? AgentName { get; set; }
        public string? CompanyCode { get; set; }
        public string? CompanyName { get; set; }
        public string? UserName { get; set; }
        public string? RatioCode { get; set; }
        public string? InstalmentText { get; set; }
        public string? PaymentString { get; set; }
        public string? CardType { get; set; }
        public string? ReferenceCode { get; set; }
        public string? OrderId { get; set; }
        public string? XactTransactionId { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public decimal? CompanyAmount { get; set; }
        public decimal? CompanyCommission { get; set; }
        /// <summary>Unrounded, as Paynet sends it (e.g. 19.2104).</summary>
        public decimal? CompanyCommissionWithTax { get; set; }
        public decimal? CompanyNetAmount { get; set; }
        public decimal? AgentAmount { get; set; }
        public decimal? AgentCommission { get; set; }
        public decimal? AgentCommissionWithTax { get; set; }
        public decimal? AgentNetAmount { get; set; }
        public decimal? CompanyCostRatio { get; set; }
        public decimal? CompanyPayRatio { get; set; }
        /// <summary>Value (payout) date of the company share; null when not set.</summary>
        public DateTimeOffset? CompanyValueDate { get; set; }
        public DateTimeOffset? AgentValueDate { get; set; }
        public string? IpAddress { get; set; }
    }

    /// <summary>Filters of /transaction/list. <see cref="To"/> is exclusive: From 2024-01-15, To 2024-01-16 is one day.</summary>
    public sealed class CardListQuery
    {
        public DateTime From { get; set; }
        public DateTime To { get; set; }
        /// <summary>Adds failed transactions (show_unsucceed).</summary>
        public bool IncludeFailed { get; set; }
        public string? AgentId { get; set; }
        public string? BankId { get; set; }
        public string? UserId { get; set; }
        /// <summary>Leaves out rows already marked with MarkTransferredAsync.</summary>
        public bool Untransferred { get; set; }
        /// <summary>Rows per request (1-1000); pages are fetched only as they are consumed.</summary>
        public int PageSize { get; set; } = 100;
    }

    /// <summary>A cancel/refund request (/transaction/reversal_list).</summary>
    public sealed class CardRefund : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service => PayNetApi.Card;
        /// <summary>The refund transaction's id once PayNet made one, else the original's.</summary>
        public string Id => ReversedId ?? TransactionId ?? XactId ?? string.Empty;
        public string? Reference => ReferenceNo;
        public string State => string.IsNullOrEmpty(Status) ? "Unknown" : Status!;
        public string StateName => State;
        public DateTimeOffset? Time => EntryDate ?? TransactionTime;
        /// <summary>Unencrypted id of the original transaction.</summary>
        public string? TransactionId { get; set; }
        /// <summary>Encrypted id of the original transaction.</summary>
        public string? XactId { get; set; }
        public string? ReferenceNo { get; set; }
        public DateTimeOffset? TransactionTime { get; set; }
        /// <summary>When the cancel/refund was requested or booked.</summary>
        public DateTimeOffset? EntryDate { get; set; }
        public decimal? Amount { get; set; }
        public string Currency { get; set; } = "TRY";
        /// <summary>Request state as Paynet words it (values are undocumented).</summary>
        public string? Status { get; set; }
        public string? XactType { get; set; }
        public string? ReversedXactId { get; set; }
        public string? ReversedId { get; set; }
        public string? CompanyCode { get; set; }
        public string? CompanyName { get; set; }
        public string? AgentId { get; set; }
        public string? AgentName { get; set; }
        public string? UserId { get; set; }
        public string? BankId { get; set; }
        public string? BankName { get; set; }
        public string? CardNo { get; set; }
        public string? CardHolder { get; set; }

        public override string ToString() => $"{XactId} {Amount} {Currency} {Status}";
    }

    /// <summary>One row of the payout report (/transaction/payment_list) for a due date.</summary>
    public sealed class CardPayout : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service => PayNetApi.Card;
        public string Id => XactId ?? string.Empty;
        public string? Reference => ReferenceNo;
        /// <summary>Payout rows are scheduled transfers: Succeeded sales, or Deduction for refunds.</summary>
        public string State => CompanyPayAmount < 0 || AgentPayAmount < 0 ? "Deduction" : IsSucceeded ? "Payable" : "Failed";
        public string StateName => State;
        public DateTimeOffset? Time => TransactionTime;
        public DateTimeOffset? DueDate { get; set; }
        public string? XactId { get; set; }
        public DateTimeOffset? TransactionTime { get; set; }
        public string? XactType { get; set; }
        public CardTransactionType TransactionType { get; set; }
        /// <summary>Gross amount charged to the card.</summary>
        public decimal? Amount { get; set; }
        /// <summary>Net payable to the main company; negative for a refund deduction.</summary>
        public decimal? CompanyPayAmount { get; set; }
        public decimal? CompanyServiceAmount { get; set; }
        /// <summary>Net payable to the dealer.</summary>
        public decimal? AgentPayAmount { get; set; }
        public decimal? AgentServiceAmount { get; set; }
        public string Currency { get; set; } = "TRY";
        public string? ReferenceNo { get; set; }
        public string? CompanyCode { get; set; }
        public string? CompanyName { get; set; }
        public string? AgentId { get; set; }
        public string? AgentName { get; set; }
        public string? BankId { get; set; }
        public string? BankName { get; set; }
        public string? CardNo { get; set; }
        public string? CardHolder { get; set; }
        public string? CardType { get; set; }
        public string? AuthorizationCode { get; set; }
        public bool IsSucceeded { get; set; }
        public int? Instalment { get; set; }
        public int? PlusInstallment { get; set; }
        public decimal? Ratio { get; set; }
        public string? UserId { get; set; }

        public override string ToString() => $"{DueDate:yyyy-MM-dd} {XactId} {XactType} {CompanyPayAmount} {Currency}";
    }

    /// <summary>Where a refund request stands, by name (card.md §3.4: the request is reviewed by PayNet before it runs).</summary>
    public enum CardRefundState
    {
        Unknown = 0,
        /// <summary>PayNet accepted the request (code 0) and reviews it; follow it with Get-PayNetRefund.</summary>
        Pending = 1,
        /// <summary>PayNet's records show the refund approved: the payment is reversed, or its request listed as approved.</summary>
        Approved = 2,
        /// <summary>PayNet refused the request (a non-zero return code, or its request listed as rejected).</summary>
        Rejected = 3,
    }

    /// <summary>
    /// The answer to a refund or cancel request, typed: which payment (xact id and reference), how much in
    /// which currency, and the state by name. PayNet's own words ("Başarılı İşlem") are kept as ProviderMessage.
    /// </summary>
    public sealed class CardRefundResult : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service => PayNetApi.Card;
        public string Operation { get; set; } = "RequestRefund";
        /// <summary>PayNet's encrypted id (xk_...) of the refunded payment.</summary>
        public string? XactId { get; set; }
        public string Id => XactId ?? string.Empty;
        /// <summary>The refunded payment's reference_no.</summary>
        public string? ReferenceNo { get; set; }
        public string? Reference => ReferenceNo;
        /// <summary>The amount refunded: as asked, or the payment's whole amount when none was given.</summary>
        public decimal? Amount { get; set; }
        /// <summary>True when the whole payment is refunded (no -Amount, or a cancel).</summary>
        public bool FullAmount { get; set; }
        /// <summary>The refunded payment's amount.</summary>
        public decimal? PaymentAmount { get; set; }
        public string Currency { get; set; } = "TRY";
        public CardRefundState State { get; set; }
        public string StateName => State.ToString();
        /// <summary>PayNet's time of the request when its records say (the refund list's entry date); PayNet's answer to the request carries none.</summary>
        public DateTimeOffset? Time { get; set; }
        /// <summary>PayNet's return code (card.md §1.3): 0 accepted.</summary>
        public int Code { get; set; }
        /// <summary>PayNet's text as it sent it, e.g. "Başarılı İşlem".</summary>
        public string? ProviderMessage { get; set; }
        /// <summary>The same as <see cref="ProviderMessage"/>; the name earlier versions used.</summary>
        public string? Message => ProviderMessage;
        /// <summary>PayNet accepted the request (Pending or Approved); the name earlier versions used.</summary>
        public bool Succeeded => State == CardRefundState.Pending || State == CardRefundState.Approved;
        /// <summary>True when the answer was lost and the outcome was settled by reading Paynet's records.</summary>
        public bool Reconciled { get; set; }

        public override string ToString() =>
            $"Refund {(Amount is decimal a ? a.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " : string.Empty)}{Currency} of {ReferenceNo ?? XactId}: {State}";
    }

    /// <summary>The answer of a call that returns only a code and a message (marking, pre-authorisation reversal, ...).</summary>
    public sealed class CardOperationResult
    {
        public string Operation { get; set; } = string.Empty;
        public string? XactId { get; set; }
        public int Code { get; set; }
        public string? Message { get; set; }
        /// <summary>Refund and capture amounts as requested (null = the full amount).</summary>
        public decimal? Amount { get; set; }
        public bool Succeeded => Code == 0 || Code == 100;
        /// <summary>True when the answer was lost and the outcome was settled by reading Paynet's records.</summary>
        public bool Reconciled { get; set; }

        public override string ToString() => $"{Operation} {XactId}: {Code} {Message}";
    }
}
