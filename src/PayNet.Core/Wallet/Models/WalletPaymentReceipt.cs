using System;

namespace PayNet.Core.Wallet
{
    /// <summary>An executed payment (§5.12), enriched with what the quote said.</summary>
    public sealed class WalletPaymentReceipt : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service => PayNetApi.Wallet;
        /// <summary>The transfer id, as text.</summary>
        public string Id => TransferId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public long TransferId { get; internal set; }
        /// <summary>The trace number.</summary>
        public string? Reference => TraceNumber;
        public string TraceNumber { get; internal set; } = string.Empty;
        /// <summary>No process date yet: awaiting authorisation or, for add money, the gateway.</summary>
        public bool Pending { get; internal set; }
        public WalletTransferState State { get; internal set; }
        public string StateName => State.ToString();
        /// <summary>Unsigned: the amount paid, or added with Add-PayNetMoney; Direction says which.</summary>
        public decimal Amount { get; internal set; }
        decimal? IPayNetRecord.Amount => Amount;
        /// <summary>
        /// "Debit" (money out: a payment, a withdrawal) or "Credit" (money in: add money), as the statement line says,
        /// so a receipt, or its CSV copy, reads back as a ledger row in Compare-PayNetTransaction -Service Wallet.
        /// </summary>
        public string Direction { get; internal set; } = "Debit";
        public decimal TotalFees { get; internal set; }
        public decimal FinalAmount { get; internal set; }
        public string Currency { get; internal set; } = string.Empty;
        string? IPayNetRecord.Currency => Currency;
        public string? PayeeName { get; internal set; }
        public int TransferTypeId { get; internal set; }
        public string? Description { get; internal set; }
        /// <summary>
        /// PayNet's time: the transfer date from the history when reconciled, else the confirm answer's HTTP Date header
        /// (the answer's body carries no time). Only a server that sends no Date header leaves the client's clock here.
        /// </summary>
        public DateTimeOffset? Time { get; internal set; }
        /// <summary>True when the answer was lost and the outcome was recovered from the history.</summary>
        public bool Reconciled { get; internal set; }

        public override string ToString() => $"Transfer {TransferId}: {Amount} {Currency} {StateName} (trace {TraceNumber})";
    }
}
