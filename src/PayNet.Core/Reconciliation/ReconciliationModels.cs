using System;

namespace PayNet.Core.Reconciliation
{
    public enum ReconciliationStatus
    {
        Matched,
        MissingAtPayNet,
        MissingInLedger,
        AmountMismatch,
        /// <summary>
        /// The two sides give different answers among paid, pending and not kept (failed, cancelled or
        /// refunded): e.g. the ledger says paid while PayNet still has it pending, or says failed.
        /// </summary>
        StateMismatch,
        CurrencyMismatch,
    }

    /// <summary>A payment's state reduced to what both a ledger and PayNet can say.</summary>
    public enum SettlementState { Unknown, Paid, Pending, Failed, Cancelled, Refunded }

    /// <summary>One row of the caller's ledger (an ERP or shop export).</summary>
    public sealed class LedgerEntry
    {
        public LedgerEntry(string reference, decimal? amount, string? currency, string? state)
        {
            Reference = reference;
            Amount = amount;
            Currency = string.IsNullOrWhiteSpace(currency) ? null : currency!.Trim().ToUpperInvariant();
            StateText = state;
            State = SettlementStates.Parse(state);
        }

        public string Reference { get; }
        public decimal? Amount { get; }
        public string? Currency { get; }
        public string? StateText { get; }
        public SettlementState State { get; }
    }

    /// <summary>PayNet's view of one reference, already reduced from however many rows PayNet has for it.</summary>
    public sealed class PayNetSideEntry
    {
        public PayNetSideEntry(PayNetApi service, string reference, string id, decimal? amount, string? currency, SettlementState state, DateTimeOffset? time)
        {
            Service = service;
            Reference = reference;
            Id = id;
            Amount = amount;
            Currency = currency;
            State = state;
            Time = time;
        }

        public PayNetApi Service { get; }
        public string Reference { get; }
        public string Id { get; }
        public decimal? Amount { get; }
        public string? Currency { get; }
        public SettlementState State { get; }
        public DateTimeOffset? Time { get; }
    }

    /// <summary>One compared reference: both sides side by side, flat for Export-Csv.</summary>
    public sealed class ReconciliationResult : PayNetRecord, IPayNetRecord
    {
        internal ReconciliationResult(ReconciliationStatus status, string reference, LedgerEntry? ledger, PayNetSideEntry? payNet, PayNetApi service, string? note)
        {
            Status = status;
            Reference = reference;
            Service = service;
            LedgerAmount = ledger?.Amount;
            LedgerCurrency = ledger?.Currency;
            LedgerState = ledger?.StateText;
            PayNetId = payNet?.Id;
            PayNetAmount = payNet?.Amount;
            PayNetCurrency = payNet?.Currency;
            PayNetState = payNet?.State.ToString();
            Time = payNet?.Time;
            Difference = (ledger?.Amount ?? 0m) - (payNet?.Amount ?? 0m);
            Note = note;
        }

        public ReconciliationStatus Status { get; }
        public PayNetApi Service { get; }
        public string Reference { get; }
        public decimal? LedgerAmount { get; }
        public decimal? PayNetAmount { get; }
        /// <summary>Ledger minus PayNet.</summary>
        public decimal Difference { get; }
        public string? LedgerCurrency { get; }
        public string? PayNetCurrency { get; }
        public string? LedgerState { get; }
        public string? PayNetState { get; }
        public string? PayNetId { get; }
        public DateTimeOffset? Time { get; }
        public string? Note { get; }

        // The shared columns, so results mix with other PayNet objects in one pipeline.
        public string Id => PayNetId ?? Reference;
        public decimal? Amount => PayNetAmount ?? LedgerAmount;
        public string? Currency => PayNetCurrency ?? LedgerCurrency;
        public ReconciliationStatus State => Status;
        public string StateName => Status.ToString();

        public override string ToString() => $"{Reference}: {Status}";
    }

    /// <summary>Counts and totals for one status in one currency, as -Summary prints them.</summary>
    public sealed class ReconciliationSummary
    {
        internal ReconciliationSummary(ReconciliationStatus status, string? currency, int count, decimal ledgerTotal, decimal payNetTotal)
        {
            Status = status;
            Currency = currency;
            Count = count;
            LedgerTotal = ledgerTotal;
            PayNetTotal = payNetTotal;
        }

        public ReconciliationStatus Status { get; }
        /// <summary>The currency of both totals; "TRY/USD" on a CurrencyMismatch line (ledger/PayNet); empty when Count is 0.</summary>
        public string? Currency { get; }
        public int Count { get; }
        public decimal LedgerTotal { get; }
        public decimal PayNetTotal { get; }
        public decimal Difference => LedgerTotal - PayNetTotal;

        public override string ToString() => Currency is null ? $"{Status}: {Count}" : $"{Status} ({Currency}): {Count}";
    }

    public static class SettlementStates
    {
        /// <summary>Reads the words ERPs and shops put in a status column; an empty cell means a payment.</summary>
        public static SettlementState Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return SettlementState.Paid;
            switch (text!.Trim().ToLowerInvariant())
            {
                case "paid": case "success": case "succeeded": case "successful": case "completed": case "complete":
                case "settled": case "captured": case "processed": case "ok": case "approved": case "1":
                    return SettlementState.Paid;
                case "pending": case "processing": case "authorized": case "authorised": case "new": case "scheduled": case "0": case "-1":
                    return SettlementState.Pending;
                case "failed": case "declined": case "error": case "rejected": case "denied": case "blocked": case "2":
                    return SettlementState.Failed;
                case "cancelled": case "canceled": case "void": case "voided": case "reversed": case "3":
                    return SettlementState.Cancelled;
                case "refunded": case "refund": case "partially refunded": case "partiallyrefunded":
                    return SettlementState.Refunded;
                default:
                    return SettlementState.Unknown;
            }
        }
    }
}
