namespace PayNet.Sandbox.Wallet;

/// <summary>Account type ids of §11.2; the system ones (1-3) are this sandbox's choice.</summary>
internal static class AccountTypes
{
    public const long GatewayClearing = 1;
    public const long FeeRevenue = 2;
    public const long Promotions = 3;
    public const long CustomerWallet = 4;
    public const long LoyaltyWallet = 6;
    public const long MerchantWallet = 7;

    public static string NameOf(long id) => id switch
    {
        GatewayClearing => "Gateway Clearing",
        FeeRevenue => "Fee Revenue",
        Promotions => "Promotions",
        CustomerWallet => "Customer Wallet",
        LoyaltyWallet => "Loyalty Wallet",
        MerchantWallet => "Merchant Wallet",
        _ => "Account",
    };
}

internal static class TransferStatus
{
    public const string Pending = "PENDING";
    public const string Processed = "PROCESSED";
    public const string Failed = "FAILED";
}

internal sealed class WalletMember
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public string Username { get; init; } = "";
    public string MobileNo { get; init; } = "";
    public string? Email { get; set; }
    public long GroupId { get; init; }
    public string Pin { get; set; } = "";
    public int LoginFailures { get; set; }
    public bool LoginBlocked { get; set; }
    public int PinFailures { get; set; }
    public bool PinBlocked { get; set; }
    public bool RequireOtp { get; set; }
    /// <summary>This member's confirms need transactionPin even when the tenant does not ask for it.</summary>
    public bool RequirePin { get; set; }
    public HashSet<long> AcceptedAgreements { get; } = new();
    public Dictionary<long, DateTimeOffset> AgreementAcceptedAt { get; } = new();

    public bool IsMerchant => GroupId == WalletSeed.MerchantGroupId;
}

internal sealed class WalletAccount
{
    public long Id { get; init; }
    /// <summary>Null for the system accounts S1-S3.</summary>
    public long? MemberId { get; init; }
    public long TypeId { get; init; }
    public bool IsDefault { get; init; }
    public decimal Balance { get; set; }
    public decimal Reserved { get; set; }
    public decimal CreditLimit { get; init; }
    /// <summary>System accounts may go below zero (S1 is the outside world, S3 funds promotions).</summary>
    public bool Unlimited { get; init; }

    public bool IsSystem => MemberId is null;
    public string TypeName => AccountTypes.NameOf(TypeId);
    public decimal Available => Balance - Reserved + CreditLimit;
}

internal sealed class WalletTransfer
{
    public long Id { get; init; }
    public long TypeId { get; init; }
    public string TypeName { get; init; } = "";
    /// <summary>The operation name written to the shared money ledger.</summary>
    public string Operation { get; init; } = "";
    public long FromAccountId { get; init; }
    public long ToAccountId { get; init; }
    public decimal Amount { get; init; }
    public DateTimeOffset Date { get; init; }
    public DateTimeOffset? ProcessDate { get; set; }
    public string Status { get; set; } = TransferStatus.Pending;
    public string? Description { get; init; }
    public string? TraceNumber { get; init; }
    public string TransactionNumber { get; init; } = "";
    public long? ParentId { get; init; }
    /// <summary>The member whose call created it; duplicate trace numbers are checked per initiator.</summary>
    public long? InitiatorId { get; init; }
    /// <summary>Held on the source account while a withdrawal waits (Withdraw:Pending).</summary>
    public decimal ReservedOnSource { get; set; }
    public Dictionary<string, string> CustomValues { get; init; } = new();
    public List<long> ChildIds { get; } = new();
}

internal sealed class WalletSession
{
    public string Token { get; init; } = "";
    public long MemberId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeen { get; set; }
}

internal sealed class WalletOtp
{
    public string Medium { get; init; } = "";
    public string Action { get; init; } = "";
    public string Code { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public int FailedAttempts { get; set; }
    public bool Used { get; set; }
}

/// <summary>Proof that a medium passed verify-otp; registration consumes it.</summary>
internal sealed class WalletResource
{
    public string Id { get; init; } = "";
    public string Medium { get; init; } = "";
    public string Action { get; init; } = "";
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
}

internal sealed class WalletAgreement
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Version { get; init; } = "";
    public string Content { get; init; } = "";
    public bool Required { get; init; }
}

internal sealed class WalletQr
{
    public long Id { get; init; }
    public long OwnerId { get; init; }
    public decimal? Amount { get; init; }
    public long TransferTypeId { get; init; }
    public string? Description { get; init; }
    public string QrString { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public bool Used { get; set; }

    public string StatusAt(DateTimeOffset now) =>
        Used ? "USED" : ExpiresAt is { } expires && now >= expires ? "EXPIRED" : "ACTIVE";
}

internal sealed class WalletDispute
{
    public long Id { get; init; }
    public long TransferId { get; init; }
    public long OpenedBy { get; init; }
    public string Reason { get; init; } = "";
    public string Description { get; set; } = "";
    public decimal Amount { get; init; }
    public string Status { get; set; } = "OPEN";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Resolution { get; set; }
    public long? RefundTransferId { get; set; }
    public List<DisputeComment> Comments { get; } = new();

    public bool IsClosed => Status == "CLOSED";
}

internal sealed record DisputeComment(DateTimeOffset At, string By, string Text);

internal sealed class WalletDocument
{
    public long Id { get; init; }
    public long MemberId { get; init; }
    public string Category { get; init; } = "";
    public string? Description { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Status { get; set; } = "PENDING_REVIEW";
    public DateTimeOffset UploadedAt { get; init; }
    public DateTimeOffset? ReviewedAt { get; set; }
}
