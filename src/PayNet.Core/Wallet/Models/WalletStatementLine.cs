using System;
using System.Globalization;

namespace PayNet.Core.Wallet
{
    /// <summary>One history line of a wallet (§5.9): signed for the viewed account, debits negative.</summary>
    public sealed class WalletStatementLine : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service => PayNetApi.Wallet;
        public string Id => TransferId.ToString(CultureInfo.InvariantCulture);
        public long TransferId { get; internal set; }
        /// <summary>The client's trace number.</summary>
        public string? Reference => TraceNumber;
        public string? TraceNumber { get; internal set; }
        /// <summary>The server's own number (PN + date + sequence).</summary>
        public string? TransactionNumber { get; internal set; }
        public decimal Amount { get; internal set; }
        decimal? IPayNetRecord.Amount => Amount;
        /// <summary>"Debit" or "Credit".</summary>
        public string Direction => Amount < 0 ? "Debit" : "Credit";
        public string Currency { get; internal set; } = string.Empty;
        string? IPayNetRecord.Currency => Currency;
        public WalletTransferState State { get; internal set; }
        public string StateName { get; internal set; } = string.Empty;
        /// <summary>Creation date.</summary>
        public DateTimeOffset? Time { get; internal set; }
        /// <summary>Null while pending.</summary>
        public DateTimeOffset? ProcessTime { get; internal set; }
        public string? Description { get; internal set; }
        public int? TransferTypeId { get; internal set; }
        public string? TransferTypeName { get; internal set; }
        /// <summary>The other side: a member's name or a system account's.</summary>
        public string? CounterpartyName { get; internal set; }
        public long? CounterpartyId { get; internal set; }
        public string? CounterpartyPrincipal { get; internal set; }
        public string? FromName { get; internal set; }
        /// <summary>The account the line was read from, when the caller named one.</summary>
        public long? AccountId { get; internal set; }

        public override string ToString() => $"{Time:yyyy-MM-dd HH:mm} {Amount} {Currency} {StateName} {Description}";
    }
}
