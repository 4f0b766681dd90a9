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
        private readonly Dictionary<ReconciliationStatus, (int Count, decimal Ledger, decimal PayNet)> _totals = new Dictionary<ReconciliationStatus, (int, decimal, decimal)>();
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
            if (ledger.Amount is decimal a && side.Amount is decimal b && Math.Abs(a - b) > _tolerance)
                return Count(new ReconciliationResult(ReconciliationStatus.AmountMismatch, ledger.Reference, ledger, side, _service, null));
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

        public IReadOnlyList<ReconciliationSummary> Summary() =>
            Enum.GetValues(typeof(ReconciliationStatus)).Cast<ReconciliationStatus>()
                .Select(s => _totals.TryGetValue(s, out var t) ? new ReconciliationSummary(s, t.Count, t.Ledger, t.PayNet) : new ReconciliationSummary(s, 0, 0m, 0m))
                .ToList();

        private static bool StatesDisagree(SettlementState ledger, SettlementState payNet)
        {
            if (ledger == SettlementState.Unknown || payNet == SettlementState.Unknown) return false;
            bool ledgerPaid = ledger == SettlementState.Paid || ledger == SettlementState.Pending;
            bool payNetPaid = payNet == SettlementState.Paid || payNet == SettlementState.Pending;
            // Failed, cancelled and refunded all mean "no money kept"; only paid-versus-not is a discrepancy.
            return ledgerPaid != payNetPaid;
        }

        private ReconciliationResult Count(ReconciliationResult result)
        {
            _totals.TryGetValue(result.Status, out var t);
            _totals[result.Status] = (t.Count + 1, t.Ledger + (result.LedgerAmount ?? 0m), t.PayNet + (result.PayNetAmount ?? 0m));
            return result;
        }

        private sealed class SideSlot
        {
            public SideSlot(PayNetSideEntry entry) => Entry = entry;
            public PayNetSideEntry Entry { get; }
            public bool Seen { get; set; }
        }
    }
}
