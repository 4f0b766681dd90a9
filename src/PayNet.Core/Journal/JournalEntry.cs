using System;
using System.Globalization;

namespace PayNet.Core.Journal
{
    /// <summary>
    /// One money move as the journal knows it: its intent line folded with every outcome line written
    /// for the same (service, connection, reference). Flat, so it exports to CSV as is, and it carries
    /// the columns every PayNet record shares so it pipes into the lookup and compare cmdlets by
    /// property name (Service, Reference, Amount, Currency, State).
    /// </summary>
    public sealed class JournalEntry : PayNetRecord, IPayNetRecord
    {
        public PayNetApi Service { get; internal set; }

        /// <summary>Non-secret name of the connection: member principal, POS id, or Card key fingerprint.</summary>
        public string Connection { get; internal set; } = string.Empty;

        /// <summary>MemberPayment, SystemPayment, QrPayment, AddMoney, Withdrawal, TopUpConfirm, CardRefund.</summary>
        public string Operation { get; internal set; } = string.Empty;

        /// <summary>Trace number, external id or Card xact id: what PayNet is asked about when settling.</summary>
        public string Reference { get; internal set; } = string.Empty;

        string? IPayNetRecord.Reference => Reference;

        /// <summary>The journal's id of this move: several entries may share a reference (refunds of one Card transaction).</summary>
        public string? MoveId { get; internal set; }

        public decimal Amount { get; internal set; }

        decimal? IPayNetRecord.Amount => Amount;

        public string Currency { get; internal set; } = string.Empty;

        string? IPayNetRecord.Currency => Currency;

        public string? Payee { get; internal set; }

        public string? ProductOrAccount { get; internal set; }

        /// <summary>When the intent was written (UTC): just before the request left the machine.</summary>
        public DateTimeOffset Time { get; internal set; }

        DateTimeOffset? IPayNetRecord.Time => Time;

        /// <summary>The process that sent the request.</summary>
        public int ProcessId { get; internal set; }

        public MoneyMoveState State { get; internal set; } = MoneyMoveState.Sent;

        public string StateName => State.ToString();

        /// <summary>Why the state is Unknown (or why a move failed), as the client or the settler worded it.</summary>
        public string? Reason { get; internal set; }

        /// <summary>PayNet's id of the executed move (transfer id, Paynet transaction id), once known.</summary>
        public string? TransactionId { get; internal set; }

        /// <summary>When the last outcome line was written (the intent's time while none was).</summary>
        public DateTimeOffset LastUpdate { get; internal set; }

        /// <summary>True while no final outcome is known: Sent, Pending or Unknown. Sync-PayNetJournal settles these.</summary>
        public bool IsOpen => MoneyMoveStates.IsOpen(State);

        /// <summary>PayNet's id once known (empty before), so lookups by record use the reference until then.</summary>
        public string Id => TransactionId ?? string.Empty;

        /// <summary>
        /// The move was sent again while open (Sent, Pending or Unknown): a refusal of that re-send does not show the first
        /// send failed (a duplicate refusal means it booked), so it leaves the entry Unknown. Not written to the journal.
        /// </summary>
        internal bool ResentWhileOpen { get; set; }

        /// <summary>The journal file that holds the intent; outcomes for this entry are appended there.</summary>
        public string JournalFile { get; internal set; } = string.Empty;

        /// <summary>The intent this entry was written from, for writing further outcomes.</summary>
        public MoneyMoveIntent ToIntent() => new MoneyMoveIntent(Service, Connection, Operation, Reference, Amount, Currency)
        {
            Payee = Payee,
            ProductOrAccount = ProductOrAccount,
            MoveId = MoveId,
        };

        internal JournalEntry Clone() => (JournalEntry)MemberwiseClone();

        public override string ToString() =>
            $"{Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {Service} {Operation} {Reference} " +
            $"{Amount.ToString(CultureInfo.InvariantCulture)} {Currency}: {State}" + (string.IsNullOrEmpty(Reason) ? string.Empty : $" ({Reason})");
    }

    public static class MoneyMoveStates
    {
        /// <summary>Sent, Pending and Unknown still need an answer from PayNet; Succeeded and Failed are final.</summary>
        public static bool IsOpen(MoneyMoveState state) => state != MoneyMoveState.Succeeded && state != MoneyMoveState.Failed;
    }
}
