namespace PayNet.Sandbox.Card;

/// <summary>
/// One card transaction as the sandbox keeps it. Mutated only under <see cref="CardState"/>'s lock; the check
/// endpoint reads <see cref="CheckRow"/>, a pre-serialized row replaced whole on every change.
/// </summary>
public sealed class CardTransaction
{
    public required long Id { get; init; }
    public required string XactId { get; init; }
    public required string XactTransactionId { get; init; }
    public required string ReferenceNo { get; set; }
    /// <summary>Turkey local time (UTC+3, no offset printed).</summary>
    public required DateTime XactDate { get; init; }
    /// <summary>card.md §2.1: 1 sale, 2 reversal, 3 pre-auth, 4 capture, 5 pre-auth reversal, 6 capture reversal.</summary>
    public required int TransactionType { get; init; }
    /// <summary>card.md §2.2: S, R, CD, PR, CR, RP, RC.</summary>
    public required string XactType { get; init; }
    public bool IsTds { get; init; }
    public required string BankId { get; init; }
    public required string CardType { get; init; }
    public int Instalment { get; init; }
    public required string CardNo { get; init; }
    public required string CardHolder { get; init; }
    public required decimal Amount { get; init; }
    public decimal Ratio { get; init; }
    public decimal Comission { get; init; }
    public decimal ComissionTax { get; init; }
    public decimal NetAmount { get; init; }
    public bool IsSucceed { get; init; } = true;
    public string AuthorizationCode { get; init; } = "";
    public string ReferenceCode { get; init; } = "";
    public string OrderId { get; init; } = "";
    public string BankErrorMessage { get; init; } = "";

    public string AgentId { get; init; } = "";
    public string AgentName { get; init; } = "";
    public required string UserId { get; init; }
    public string Note { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string IpAddress { get; init; } = "";
    public string ClientId { get; init; } = "";
    public string RatioCode { get; init; } = "";

    public decimal CompanyAmount { get; init; }
    public decimal CompanyCommission { get; init; }
    public decimal CompanyCommissionWithTax { get; init; }
    public decimal CompanyNetAmount { get; init; }
    public decimal AgentAmount { get; init; }
    public decimal AgentCommission { get; init; }
    public decimal AgentCommissionWithTax { get; init; }
    public decimal AgentNetAmount { get; init; }
    /// <summary>Value (payout) dates; null prints as the "not set" sentinel 0001-01-01T00:00:00.</summary>
    public DateTime? CompanyVdate { get; init; }
    public DateTime? AgentVdate { get; init; }

    /// <summary>The transaction this one reverses, captures or cancels (R, CD, CR, RP, RC).</summary>
    public long? ParentId { get; init; }
    public bool Reversed { get; set; }
    public string ReversedXactId { get; set; } = "";
    /// <summary>Set when a same-day cancel (R, or RC of a capture) wiped the payout.</summary>
    public long? CancelledById { get; set; }
    /// <summary>PR: the capture (CR) or pre-auth cancel (RP) that consumed it.</summary>
    public long? ConsumedById { get; set; }
    public bool IsTransferred { get; set; }
    public string? DocumentNo { get; set; }
    public int? EscrowStatus { get; set; }

    public byte[] CheckRow { get; set; } = Array.Empty<byte>();

    public bool IsMoneyIn => XactType is "S" or "CR";
}

/// <summary>A cancel/refund request (reversed_request); the reversal transaction exists once it is approved.</summary>
public sealed class CardReversalRequest
{
    public required int RequestId { get; init; }
    public required long OriginalId { get; init; }
    public required decimal Amount { get; init; }
    /// <summary>"R" (same-day cancel, full) or "CD" (later-day refund, full or partial).</summary>
    public required string Kind { get; init; }
    public required DateTime EntryDate { get; init; }
    public string Status { get; set; } = "pending";
    public long? ReversalId { get; set; }
    public string? SucceedUrl { get; init; }
    public DateTime? ResolvedAt { get; set; }
    public string Message { get; set; } = "";
}
