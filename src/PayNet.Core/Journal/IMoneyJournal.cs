using System;

namespace PayNet.Core.Journal
{
    /// <summary>Where a money move stands, as far as this machine knows.</summary>
    public enum MoneyMoveState
    {
        /// <summary>The intent was written and the request may have left; no outcome is known yet.</summary>
        Sent,
        /// <summary>PayNet accepted the move but has not finished it (a pending top-up or add money).</summary>
        Pending,
        /// <summary>The request may have executed and the client could not find out; carries a reason.</summary>
        Unknown,
        Succeeded,
        Failed,
    }

    /// <summary>
    /// One money move as the client is about to send it. Holds nothing secret: the connection is
    /// named by a non-secret identity (member principal, POS id, or Card key fingerprint).
    /// </summary>
    public sealed class MoneyMoveIntent
    {
        public MoneyMoveIntent(PayNetApi service, string connectionIdentity, string operation, string reference, decimal amount, string currency)
        {
            Service = service;
            ConnectionIdentity = connectionIdentity ?? throw new ArgumentNullException(nameof(connectionIdentity));
            Operation = operation ?? throw new ArgumentNullException(nameof(operation));
            Reference = reference ?? throw new ArgumentNullException(nameof(reference));
            Amount = amount;
            Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        }

        public PayNetApi Service { get; }
        public string ConnectionIdentity { get; }
        /// <summary>MemberPayment, SystemPayment, QrPayment, AddMoney, Withdrawal, TopUpConfirm, CardRefund.</summary>
        public string Operation { get; }
        /// <summary>Trace number, external id or Card reference: what PayNet is asked about when settling.</summary>
        public string Reference { get; }
        public decimal Amount { get; }
        public string Currency { get; }
        public string? Payee { get; set; }
        /// <summary>TopUp product and account, or the Card transaction the refund is for.</summary>
        public string? ProductOrAccount { get; set; }

        /// <summary>
        /// Identifies this move in the journal, also among moves that share its reference (every refund request of
        /// one Card transaction is a move of its own). Set by the journal when the intent is written, unless given.
        /// </summary>
        public string? MoveId { get; set; }
    }

    /// <summary>
    /// The write-ahead record of money moves. Every money-moving request goes through the single
    /// settle path, which calls <see cref="RecordIntent"/> before the request leaves the machine and
    /// <see cref="RecordOutcome"/> once the outcome is known (or known to be unknown).
    /// </summary>
    public interface IMoneyJournal
    {
        /// <summary>Durable when it returns. Throws when it cannot write: the move is then not sent.</summary>
        void RecordIntent(MoneyMoveIntent intent);

        void RecordOutcome(MoneyMoveIntent intent, MoneyMoveState state, string? reason, string? transactionId);
    }

    /// <summary>The journal of a connection made with -NoJournal, and of Core used on its own.</summary>
    public sealed class NullMoneyJournal : IMoneyJournal
    {
        public static readonly NullMoneyJournal Instance = new NullMoneyJournal();
        private NullMoneyJournal() { }
        public void RecordIntent(MoneyMoveIntent intent) { }
        public void RecordOutcome(MoneyMoveIntent intent, MoneyMoveState state, string? reason, string? transactionId) { }
    }
}
