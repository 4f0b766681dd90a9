using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Reconciliation;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Reconciliation;

/// <summary>
/// The worked example's ledger (examples/ledger-card.csv) against the sandbox's seeded card data: one
/// planted discrepancy of every kind, each reported with the exact figures.
/// </summary>
public sealed class CompareCardLedgerTests : SandboxCmdletTest
{
    public CompareCardLedgerTests(SandboxFixture sandbox) : base(sandbox) { }

    /// <summary>Rows as Import-Csv would give them: every cell a string.</summary>
    internal static IReadOnlyList<Dictionary<string, object?>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(p => p.h, p => (object?)p.v, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private PwshResult Compare(IEnumerable<object> rows, Action<Dictionary<string, object?>>? configure = null, params string[] switches)
    {
        var parameters = new Dictionary<string, object?> { ["Service"] = PayNetApi.Card, ["From"] = new DateTime(2024, 1, 15), ["To"] = new DateTime(2024, 1, 17) };
        configure?.Invoke(parameters);
        return Session.CallPipeline("Compare-PayNetTransaction", rows, parameters, c => c.Bind(switches));
    }

    [Fact]
    public void Import_Csv_rows_of_the_worked_example_compare_as_strings_straight_from_the_file()
    {
        var result = Session.Run("Import-Csv $path | Compare-PayNetTransaction -Service Card -From 2024-01-15 -To 2024-01-17",
            new { path = RepoPaths.File("examples", "ledger-card.csv") });
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var results = result.OutputOf<ReconciliationResult>().ToDictionary(r => r.Reference);
        Assert.Equal(11, results.Count);
        Assert.Equal(ReconciliationStatus.AmountMismatch, results["RCN-0002"].Status);
        Assert.Equal(59.30m, results["RCN-0002"].LedgerAmount);
    }

    [Fact]
    public void Every_planted_discrepancy_gets_its_status_and_figures()
    {
        var host = Compare(ReadCsv(RepoPaths.File("examples", "ledger-card.csv")));
        Assert.Empty(host.Errors);
        var results = host.OutputOf<ReconciliationResult>().ToDictionary(r => r.Reference);

        Assert.Equal(11, results.Count);
        foreach (var matched in new[] { "RCN-0001", "RCN-0003", "RCN-0009", "RCN-0011", "RCN-0015" })
            Assert.Equal(ReconciliationStatus.Matched, results[matched].Status);

        var typo = results["RCN-0002"];
        Assert.Equal(ReconciliationStatus.AmountMismatch, typo.Status);
        Assert.Equal(59.30m, typo.LedgerAmount);
        Assert.Equal(59.35m, typo.PayNetAmount);
        Assert.Equal(-0.05m, typo.Difference);

        Assert.Equal(ReconciliationStatus.StateMismatch, results["RCN-0005"].Status);
        Assert.Equal("Cancelled", results["RCN-0005"].PayNetState);
        Assert.Equal(ReconciliationStatus.StateMismatch, results["RCN-0007"].Status);
        Assert.Equal("Refunded", results["RCN-0007"].PayNetState);

        Assert.Equal(ReconciliationStatus.CurrencyMismatch, results["RCN-0013"].Status);
        Assert.Equal("EUR", results["RCN-0013"].LedgerCurrency);
        Assert.Equal("TRY", results["RCN-0013"].PayNetCurrency);

        Assert.Equal(ReconciliationStatus.MissingAtPayNet, results["RCN-9999"].Status);
        Assert.Null(results["RCN-9999"].PayNetAmount);

        var unbooked = results["RCN-0014"];
        Assert.Equal(ReconciliationStatus.MissingInLedger, unbooked.Status);
        Assert.Equal(75.50m, unbooked.PayNetAmount);
        Assert.Equal(-75.50m, unbooked.Difference);
    }

    [Fact]
    public void Summary_counts_and_totals_per_status()
    {
        var host = Compare(ReadCsv(RepoPaths.File("examples", "ledger-card.csv")), switches: "Summary");
        var summary = host.OutputOf<ReconciliationSummary>().ToDictionary(s => s.Status);
        Assert.Empty(host.OutputOf<ReconciliationResult>());
        Assert.Equal(5, summary[ReconciliationStatus.Matched].Count);
        Assert.Equal(1, summary[ReconciliationStatus.AmountMismatch].Count);
        Assert.Equal(2, summary[ReconciliationStatus.StateMismatch].Count);
        Assert.Equal(1, summary[ReconciliationStatus.CurrencyMismatch].Count);
        Assert.Equal(1, summary[ReconciliationStatus.MissingAtPayNet].Count);
        Assert.Equal(1, summary[ReconciliationStatus.MissingInLedger].Count);
        Assert.Equal(-0.05m, summary[ReconciliationStatus.AmountMismatch].Difference);
    }

    [Fact]
    public void Tolerance_turns_a_small_difference_into_a_match()
    {
        var row = new Dictionary<string, object?> { ["Reference"] = "RCN-0002", ["Amount"] = "59.30", ["Currency"] = "TRY" };
        var host = Compare(new object[] { row }, c => c["Tolerance"] = 0.05m);
        Assert.Equal(ReconciliationStatus.Matched, host.OutputOf<ReconciliationResult>().Single(r => r.Reference == "RCN-0002").Status);
    }

    [Fact]
    public void Custom_column_names_and_European_amounts_are_understood()
    {
        var row = new Dictionary<string, object?> { ["Belge"] = "RCN-0015", ["Tutar"] = "813,75", ["Doviz"] = "TRY", ["Durum"] = "odendi" };
        var host = Compare(new object[] { row }, c => { c["ReferenceProperty"] = "Belge"; c["AmountProperty"] = "Tutar"; c["CurrencyProperty"] = "Doviz"; c["StateProperty"] = "Durum"; });
        Assert.Equal(ReconciliationStatus.Matched, host.OutputOf<ReconciliationResult>().Single(r => r.Reference == "RCN-0015").Status);
    }

    [Fact]
    public void A_row_without_a_reference_or_with_a_bad_amount_is_an_error_and_the_rest_goes_on()
    {
        var rows = new object[]
        {
            new Dictionary<string, object?> { ["Amount"] = "10" },
            new Dictionary<string, object?> { ["Reference"] = "RCN-0001", ["Amount"] = "NaN" },
            new Dictionary<string, object?> { ["Reference"] = "RCN-0015", ["Amount"] = "813.75" },
        };
        var host = Compare(rows);
        Assert.Equal(2, host.Errors.Count);
        Assert.All(host.Errors, e => Assert.Equal(ErrorIds.InvalidArgument, e.ErrorId));
        Assert.All(host.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.Category));
        Assert.Same(rows[1], host.Errors[1].Target);
        Assert.Equal(ReconciliationStatus.Matched, host.OutputOf<ReconciliationResult>().Single(r => r.Reference == "RCN-0015").Status);
    }

    [Fact]
    public void Results_are_flat_for_Export_Csv()
    {
        var host = Compare(ReadCsv(RepoPaths.File("examples", "ledger-card.csv")));
        var properties = typeof(ReconciliationResult).GetProperties();
        Assert.All(properties, p => Assert.True(p.PropertyType.IsValueType || p.PropertyType == typeof(string) || Nullable.GetUnderlyingType(p.PropertyType) is not null, p.Name));
        Assert.NotEmpty(host.Output);
    }
}
