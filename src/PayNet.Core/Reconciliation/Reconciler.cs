using System;
using System.Collections.Generic;
using System.Linq;

namespace PayNet.Core.Reconciliation
{
    /// <summary>
    /// Compares a ledger streamed row by row against PayNet's side. Memory is bounded by PayNet's
    /// side for the period (a dictionary by reference); ledger rows are compared and forgotten, except
    /// for the fact that their reference was seen. Amounts compare as decimals within a tolerance.
    /// </summary>
    public sealed class Reconciler
    {
        private readonly Dictionary<string, SideSlot> _payNet = new Dictionary<string, SideSlot>(StringComparer.OrdinalIgnoreCase);
        // Totals per status and currency: amounts in different currencies are never added together.
        private readonly Dictionary<(ReconciliationStatus Status, string Currency), (int Count, decimal Ledger, decimal PayNet)> _totals =
            new Dictionary<(ReconciliationStatus, string), (int, decimal, decimal)>();
        private readonly PayNetApi _service;
        private readonly decimal _tolerance;

        public Reconciler(PayNetApi service, decimal tolerance = 0m)
        {
            if (tolerance < 0m) throw new ArgumentOutOfRangeException(nameof(tolerance), "Tolerance cannot be negative.");
            _service = service;
            _tolerance = tolerance;
        }

        /// <summary>PayNet's side for the period; call before streaming the ledger.</summary>
        public void AddPayNetSide(IEnumerable<PayNetSideEntry> entries)
        {
            foreach (var entry in entries)
                if (!string.IsNullOrEmpty(entry.Reference)) _payNet[entry.Reference] = new SideSlot(entry);
        }

        public int PayNetCount => _payNet.Count;

        /// <summary>Compares one ledger row. <paramref name="lookedUp"/> supplies PayNet's side for services without a period listing (TopUp).</summary>
        public ReconciliationResult Compare(LedgerEntry ledger, PayNetSideEntry? lookedUp = null)
        {
            if (lookedUp is not null && !_payNet.ContainsKey(ledger.Reference)) _payNet[ledger.Reference] = new SideSlot(lookedUp);
            if (!_payNet.TryGetValue(ledger.Reference, out var slot))
                return Count(new ReconciliationResult(ReconciliationStatus.MissingAtPayNet, ledger.Reference, ledger, null, _service, null));
            if (slot.Seen)
                return Count(new ReconciliationResult(ReconciliationStatus.MissingAtPayNet, ledger.Reference, ledger, null, _service,
                    "The ledger lists this reference more than once; PayNet has it once."));
            slot.Seen = true;
            var side = slot.Entry;

            if (ledger.Currency is not null && side.Currency is not null && !string.Equals(ledger.Currency, side.Currency, StringComparison.OrdinalIgnoreCase))
                return Count(new ReconciliationResult(ReconciliationStatus.CurrencyMismatch, ledger.Reference, ledger, side, _service, null));
            if (StatesDisagree(ledger.State, side.State))
                return Count(new ReconciliationResult(ReconciliationStatus.StateMismatch, ledger.Reference, ledger, side, _service,
                    $"Ledger says {ledger.State}, PayNet says {side.State}."));
            // Money in never matches money out, whatever the tolerance: it is for rounding, not for direction.
            if (ledger.Amount is decimal a && side.Amount is decimal b && (Math.Abs(a - b) > _tolerance || Math.Sign(a) * Math.Sign(b) < 0))
                return Count(new ReconciliationResult(ReconciliationStatus.AmountMismatch, ledger.Reference, ledger, side, _service, OppositeSignNote(a, b)));
            return Count(new ReconciliationResult(ReconciliationStatus.Matched, ledger.Reference, ledger, side, _service, null));
        }

        /// <summary>PayNet payments no ledger row claimed; call after the last ledger row.</summary>
        public IEnumerable<ReconciliationResult> Unclaimed()
        {
            foreach (var slot in _payNet.Values.Where(s => !s.Seen).OrderBy(s => s.Entry.Time ?? DateTimeOffset.MinValue).ThenBy(s => s.Entry.Reference, StringComparer.Ordinal))
            {
                if (slot.Entry.State == SettlementState.Failed) continue; // a failed attempt nobody booked is not a discrepancy
                yield return Count(new ReconciliationResult(ReconciliationStatus.MissingInLedger, slot.Entry.Reference, null, slot.Entry, _service, null));
            }
        }

        /// <summary>
        /// One line per status and currency (a status nobody reached gets one line with no currency), so
        /// totals never add different currencies. A CurrencyMismatch line is keyed by both currencies
        /// ("TRY/USD") and totals each side in its own currency.
        /// </summary>
        public IReadOnlyList<ReconciliationSummary> Summary()
        {
            var lines = new List<ReconciliationSummary>();
            foreach (var status in Enum.GetValues(typeof(ReconciliationStatus)).Cast<ReconciliationStatus>())
            {
                var perCurrency = _totals.Where(t => t.Key.Status == status).OrderBy(t => t.Key.Currency, StringComparer.Ordinal).ToList();
                if (perCurrency.Count == 0) { lines.Add(new ReconciliationSummary(status, null, 0, 0m, 0m)); continue; }
                foreach (var t in perCurrency)
                    lines.Add(new ReconciliationSummary(status, t.Key.Currency.Length == 0 ? null : t.Key.Currency, t.Value.Count, t.Value.Ledger, t.Value.PayNet));
            }
            return lines;
        }

        /// <summary>
        /// Paid, pending and "no money kept" (failed, cancelled, refunded) are three different answers:
        /// a payment the ledger calls paid that PayNet still has pending is not settled yet, so it is a
        /// StateMismatch, not a match. Failed, cancelled and refunded all mean no money was kept.
        /// </summary>
        private static bool StatesDisagree(SettlementState ledger, SettlementState payNet)
        {
            if (ledger == SettlementState.Unknown || payNet == SettlementState.Unknown) return false;
            return Kind(ledger) != Kind(payNet);
        }

        /// <summary>Says why equal sizes differ when only the sign does: the usual cause is a ledger that books debits unsigned.</summary>
        private string? OppositeSignNote(decimal ledger, decimal payNet)
        {
            if (ledger != -payNet || ledger == 0m) return null;
            string Word(decimal amount) => amount < 0m ? "a debit (money out)" : "a credit (money in)";
            string note = $"Same size, opposite direction: the ledger has {Word(ledger)}, PayNet {Word(payNet)}.";
            return _service == PayNetApi.Wallet
                ? note + " Wallet amounts are signed as Get-PayNetStatement writes them (a debit negative); give unsigned ledgers a Direction column (Debit/Credit)."
                : note;
        }

        private static int Kind(SettlementState state) =>
            state == SettlementState.Paid ? 0 : state == SettlementState.Pending ? 1 : 2;

        private ReconciliationResult Count(ReconciliationResult result)
        {
            var key = (result.Status, SummaryCurrency(result));
            _totals.TryGetValue(key, out var t);
            _totals[key] = (t.Count + 1, t.Ledger + (result.LedgerAmount ?? 0m), t.PayNet + (result.PayNetAmount ?? 0m));
            return result;
        }

        private static string SummaryCurrency(ReconciliationResult result)
        {
            string ledger = result.LedgerCurrency ?? "", payNet = result.PayNetCurrency ?? "";
            if (ledger.Length == 0) return payNet;
            if (payNet.Length == 0 || string.Equals(ledger, payNet, StringComparison.OrdinalIgnoreCase)) return ledger;
            return ledger + "/" + payNet;
        }

        private sealed class SideSlot
        {
            public SideSlot(PayNetSideEntry entry) => Entry = entry;
            public PayNetSideEntry Entry { get; }
            public bool Seen { get; set; }
        }
    }
}
