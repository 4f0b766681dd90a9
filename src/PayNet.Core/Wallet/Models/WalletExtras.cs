using System;
using System.Globalization;

namespace PayNet.Core.Wallet
{
    /// <summary>A terms document the member must or may accept (§6.10).</summary>
    public sealed class WalletAgreement
    {
        public long Id { get; internal set; }
        public string? Name { get; internal set; }
        public string? Version { get; internal set; }
        public bool Required { get; internal set; }
        public bool Accepted { get; internal set; }
        public DateTimeOffset? AcceptedAt { get; internal set; }
        /// <summary>Where to read it, or its text when the server sends the content inline.</summary>
        public string? Content { get; internal set; }

        public override string ToString() => $"{Name} {Version} ({(Accepted ? "accepted" : "not accepted")})";
    }

    /// <summary>A payment QR code (§6.11). Static codes have no amount and are reusable.</summary>
    public sealed class WalletQrCode
    {
        public long? Id { get; internal set; }
        public string QrString { get; internal set; } = string.Empty;
        public decimal? Amount { get; internal set; }
        public bool IsStatic => Amount is null;
        public string Currency { get; internal set; } = string.Empty;
        public long? ToMemberId { get; internal set; }
        public string? ToMemberName { get; internal set; }
        public string? ToMemberPrincipal { get; internal set; }
        public int? TransferTypeId { get; internal set; }
        public string? Description { get; internal set; }
        public WalletQrState State { get; internal set; }
        public string StateName { get; internal set; } = string.Empty;
        /// <summary>From decode: whether the signed-in member can pay it now.</summary>
        public bool? Payable { get; internal set; }
        public DateTimeOffset? CreatedAt { get; internal set; }
        public DateTimeOffset? ExpiresAt { get; internal set; }
        public string? ImageBase64 { get; internal set; }

        public override string ToString() => $"QR {Id}: {(Amount?.ToString(CultureInfo.InvariantCulture) ?? "any amount")} {Currency} to {ToMemberName} ({StateName})";
    }

    /// <summary>A KYC document (§6.12).</summary>
    public sealed class WalletDocument
    {
        public long Id { get; internal set; }
        public string? Category { get; internal set; }
        public string? Description { get; internal set; }
        public string? FileName { get; internal set; }
        public string? ContentType { get; internal set; }
        public long? Size { get; internal set; }
        public WalletDocumentState State { get; internal set; }
        public string StateName { get; internal set; } = string.Empty;
        public DateTimeOffset? UploadedAt { get; internal set; }

        public override string ToString() => $"Document {Id} {FileName} ({StateName})";
    }

    /// <summary>A dispute about a transfer (§6.13).</summary>
    public sealed class WalletDispute : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service => PayNetApi.Wallet;
        public string Id => DisputeId.ToString(CultureInfo.InvariantCulture);
        public long DisputeId { get; internal set; }
        /// <summary>The disputed transfer's id.</summary>
        public string? Reference => TransferId?.ToString(CultureInfo.InvariantCulture);
        public long? TransferId { get; internal set; }
        public string? TransactionNumber { get; internal set; }
        public WalletDisputeReason Reason { get; internal set; }
        public string? Description { get; internal set; }
        public decimal? Amount { get; internal set; }
        public string? Currency { get; internal set; }
        public WalletDisputeState State { get; internal set; }
        public string StateName { get; internal set; } = string.Empty;
        /// <summary>Creation date.</summary>
        public DateTimeOffset? Time { get; internal set; }
        public DateTimeOffset? UpdatedAt { get; internal set; }
        public DateTimeOffset? ClosedAt { get; internal set; }
        public string? Resolution { get; internal set; }
        public int CommentCount { get; internal set; }
        public string? LastComment { get; internal set; }

        public override string ToString() => $"Dispute {DisputeId} on transfer {TransferId}: {StateName}";
    }
}
