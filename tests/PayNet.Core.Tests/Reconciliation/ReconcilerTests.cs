using PayNet.Core;
using PayNet.Core.Reconciliation;

namespace PayNet.Core.Tests.Reconciliation;

public sealed class ReconcilerTests
{
    private static PayNetSideEntry Side(string reference, decimal amount, SettlementState state = SettlementState.Paid, string currency = "TRY") =>
        new(PayNetApi.Card, reference, "id-" + reference, amount, currency, state, new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.FromHours(3)));

    private static Reconciler WithSide(decimal tolerance = 0m)
    {
        var r = new Reconciler(PayNetApi.Card, tolerance);
        r.AddPayNetSide(new[]
        {
            Side("A", 100.00m), Side("B", 59.35m), Side("C", 500m, SettlementState.Cancelled), Side("D", 75.50m), Side("E", 10m),
            Side("F", 250m, SettlementState.Failed),
        });
        return r;
    }

    [Fact]
    public void Each_kind_of_discrepancy_gets_its_own_status_and_difference()
    {
        var r = WithSide();
        Assert.Equal(ReconciliationStatus.Matched, r.Compare(new LedgerEntry("A", 100m, "TRY", "paid")).Status);
        var amount = r.Compare(new LedgerEntry("B", 59.30m, "TRY", "paid"));
        Assert.Equal(ReconciliationStatus.AmountMismatch, amount.Status);
        Assert.Equal(-0.05m, amount.Difference);
        Assert.Equal(ReconciliationStatus.StateMismatch, r.Compare(new LedgerEntry("C", 500m, "TRY", "paid")).Status);
        Assert.Equal(ReconciliationStatus.CurrencyMismatch, r.Compare(new LedgerEntry("D", 75.50m, "usd", "")).Status);
        var missing = r.Compare(new LedgerEntry("Z", 1m, "TRY", "paid"));
        Assert.Equal(ReconciliationStatus.MissingAtPayNet, missing.Status);
        Assert.Null(missing.PayNetAmount);

        var unclaimed = r.Unclaimed().ToList();
        Assert.Equal(new[] { "E" }, unclaimed.Select(u => u.Reference)); // F failed: nobody owes a booking for it
        Assert.Equal(ReconciliationStatus.MissingInLedger, unclaimed[0].Status);
        Assert.Equal(-10m, unclaimed[0].Difference);
    }

    [Fact]
    public void Tolerance_absorbs_small_differences_only()
    {
        var r = WithSide(tolerance: 0.05m);
        Assert.Equal(ReconciliationStatus.Matched, r.Compare(new LedgerEntry("B", 59.30m, "TRY", null)).Status);
        Assert.Equal(ReconciliationStatus.AmountMismatch, r.Compare(new LedgerEntry("A", 100.06m, "TRY", null)).Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Reconciler(PayNetApi.Card, -1m));
    }

    [Fact]
    public void A_reference_booked_twice_in_the_ledger_is_reported_once_as_missing()
    {
        var r = WithSide();
        Assert.Equal(ReconciliationStatus.Matched, r.Compare(new LedgerEntry("A", 100m, "TRY", null)).Status);
        var second = r.Compare(new LedgerEntry("a", 100m, "TRY", null));
        Assert.Equal(ReconciliationStatus.MissingAtPayNet, second.Status);
        Assert.Contains("more than once", second.Note);
    }

    [Fact]
    public void Summary_counts_and_totals_every_status()
    {
        var r = WithSide();
        r.Compare(new LedgerEntry("A", 100m, "TRY", null));
        r.Compare(new LedgerEntry("B", 60m, "TRY", null));
        r.Compare(new LedgerEntry("Q", 5m, "TRY", null));
        r.Unclaimed().ToList();
        var summary = r.Summary().ToDictionary(s => s.Status);
        Assert.Equal(6, summary.Count);
        Assert.Equal(1, summary[ReconciliationStatus.Matched].Count);
        Assert.Equal(60m, summary[ReconciliationStatus.AmountMismatch].LedgerTotal);
        Assert.Equal(59.35m, summary[ReconciliationStatus.AmountMismatch].PayNetTotal);
        Assert.Equal(0.65m, summary[ReconciliationStatus.AmountMismatch].Difference);
        Assert.Equal(3, summary[ReconciliationStatus.MissingInLedger].Count); // C, D, E
        Assert.Equal(5m, summary[ReconciliationStatus.MissingAtPayNet].LedgerTotal);
    }

    [Theory]
    [InlineData("Paid", SettlementState.Paid)]
    [InlineData("", SettlementState.Paid)]
    [InlineData("Declined", SettlementState.Failed)]
    [InlineData("voided", SettlementState.Cancelled)]
    [InlineData("Refunded", SettlementState.Refunded)]
    [InlineData("PENDING", SettlementState.Pending)]
    [InlineData("weird", SettlementState.Unknown)]
    [InlineData("Scheduled", SettlementState.Pending)] // the Wallet statement's own state names read back
    [InlineData("Blocked", SettlementState.Failed)]
    [InlineData("Processed", SettlementState.Paid)]
    [InlineData("Canceled", SettlementState.Cancelled)]
    public void Ledger_state_words_are_understood(string text, SettlementState expected) => Assert.Equal(expected, SettlementStates.Parse(text));

    [Fact]
    public void A_signed_Wallet_debit_does_not_match_a_credit_of_the_same_size_and_the_note_says_why()
    {
        var r = new Reconciler(PayNetApi.Wallet, tolerance: 100m);
        r.AddPayNetSide(new[] { new PayNetSideEntry(PayNetApi.Wallet, "T1", "1", -50m, "USD", SettlementState.Paid, null) });
        var result = r.Compare(new LedgerEntry("T1", 50m, "USD", null));
        Assert.Equal(ReconciliationStatus.AmountMismatch, result.Status); // the tolerance is for rounding, not for direction
        Assert.Equal(100m, result.Difference);
        Assert.Contains("opposite direction", result.Note);
        Assert.Contains("Direction column", result.Note);
    }
}

public sealed class ReconcilerFiguresTests
{
    private static PayNetSideEntry Side(string reference, decimal amount, string currency, SettlementState state = SettlementState.Paid) =>
        new(PayNetApi.TopUp, reference, "id-" + reference, amount, currency, state, null);

    [Fact]
    public void Summary_never_adds_different_currencies_together()
    {
        var r = new Reconciler(PayNetApi.TopUp);
        r.AddPayNetSide(new[] { Side("A", 100m, "AED"), Side("B", 30m, "USD"), Side("C", 5m, "AED") });
        r.Compare(new LedgerEntry("A", 100m, "AED", "paid"));
        r.Compare(new LedgerEntry("B", 30m, "USD", "paid"));
        r.Compare(new LedgerEntry("C", 5m, "EUR", "paid"));
        r.Unclaimed().ToList();

        var matched = r.Summary().Where(s => s.Status == ReconciliationStatus.Matched).ToList();
        Assert.Equal(new[] { "AED", "USD" }, matched.Select(s => s.Currency));
        Assert.Equal(100m, matched.Single(s => s.Currency == "AED").PayNetTotal);
        Assert.Equal(30m, matched.Single(s => s.Currency == "USD").PayNetTotal);
        var mismatch = r.Summary().Single(s => s.Status == ReconciliationStatus.CurrencyMismatch);
        Assert.Equal("EUR/AED", mismatch.Currency);
        var untouched = r.Summary().Single(s => s.Status == ReconciliationStatus.AmountMismatch);
        Assert.Null(untouched.Currency);
        Assert.Equal(0, untouched.Count);
    }

    [Theory]
    [InlineData("paid", SettlementState.Pending, ReconciliationStatus.StateMismatch)]
    [InlineData("pending", SettlementState.Paid, ReconciliationStatus.StateMismatch)]
    [InlineData("pending", SettlementState.Pending, ReconciliationStatus.Matched)]
    [InlineData("paid", SettlementState.Paid, ReconciliationStatus.Matched)]
    [InlineData("failed", SettlementState.Cancelled, ReconciliationStatus.Matched)]
    [InlineData("paid", SettlementState.Refunded, ReconciliationStatus.StateMismatch)]
    public void Paid_pending_and_not_kept_are_three_different_answers(string ledgerState, SettlementState payNet, ReconciliationStatus expected)
    {
        var r = new Reconciler(PayNetApi.TopUp);
        r.AddPayNetSide(new[] { Side("T-1", 50m, "AED", payNet) });
        Assert.Equal(expected, r.Compare(new LedgerEntry("T-1", 50m, "AED", ledgerState)).Status);
    }
}
