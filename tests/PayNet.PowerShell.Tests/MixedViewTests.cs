using PayNet.Core.TopUp;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>
/// Tables as PowerShell's own formatter renders them (Out-String, no Format-Table), at 80 and 120 columns (issue 16
/// item 8): a pipeline that mixes services shows every row in one table with its reference, amount, currency and
/// state; -Summary statuses and journal references are never cut.
/// </summary>
public sealed class MixedViewTests : SandboxCmdletTest
{
    public MixedViewTests(SandboxFixture sandbox) : base(sandbox) { }

    private string[] Render(string producer, int width)
    {
        // The console host formats to one column less than its width (so a full line never wraps): an 80-column
        // console lays tables out in 79.
        var result = Session.Run($"{producer} | Out-String -Width {width - 1}");
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var lines = string.Concat(result.Output.Select(o => o?.ToString())).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.All(lines, l => Assert.True(l.Length <= width, $"'{l}' is wider than {width}"));
        return lines;
    }

    /// <summary>Objects as a person would check them on screen: one line each with all four values.</summary>
    private static void AssertEveryRowShown(string[] lines, IEnumerable<(string Reference, string Amount, string Currency, string State)> rows)
    {
        // One table: a single header, no "Property : value" lists for the later objects.
        Assert.Single(lines, l => l.TrimStart().StartsWith("----", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(" : ", StringComparison.Ordinal));
        foreach (var row in rows)
            Assert.Contains(lines, l => l.Contains(row.Reference) && l.Contains(row.Amount) && l.Contains(row.Currency) && l.Contains(row.State)
                && !l.Contains('…'));
    }

    private TopUpTransaction TopUp(string? externalId = null) => Assert.IsType<TopUpTransaction>(Assert.Single(Session.Run(
        "Start-PayNetTopUp -Product slk100 -Account voucher00@example.com -Amount 100 -Confirm:$false -PollIntervalSec 0.02" +
        (externalId is null ? "" : $" -ExternalId {externalId}")).Output));

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void One_reference_found_in_Wallet_TopUp_and_Card_shows_as_one_table(int width)
    {
        Assert.Empty(Session.Run("Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Reference RCN-0001 -Confirm:$false").Errors);
        TopUp("RCN-0001");
        var objects = Session.Run("Get-PayNetTransaction -Reference RCN-0001").Output;
        Assert.Contains(objects, o => o is PayNet.Core.Wallet.WalletStatementLine);
        Assert.Contains(objects, o => o is TopUpTransaction);
        Assert.Contains(objects, o => o is PayNet.Core.Card.CardTransaction);

        var lines = Render("Get-PayNetTransaction -Reference RCN-0001", width);
        AssertEveryRowShown(lines, new[]
        {
            ("RCN-0001", "-5.00", "USD", "Processed"),
            ("RCN-0001", "100", "AED", "Success"),
            ("RCN-0001", "1000.00", "TRY", "Succeeded"),
        });
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Statement_lines_then_a_top_up_then_card_refunds_show_as_one_table(int width)
    {
        Assert.Empty(Session.Run("Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Reference mixed-pay-1 -Confirm:$false").Errors);
        var topUp = TopUp(); // the module's own external id: "pnps-" and 24 hex digits
        Assert.Equal(29, topUp.ExternalId!.Length);
        var lines = Render($"@(Get-PayNetStatement -From 2000-01-01 -To 2099-12-31 -First 2; Get-PayNetTransaction -Service TopUp -Reference {topUp.ExternalId}; " +
            "Get-PayNetRefund -From 2024-01-15 -To 2024-01-18)", width);
        var refunds = Session.Run("Get-PayNetRefund -From 2024-01-15 -To 2024-01-18").OutputOf<PayNet.Core.Card.CardRefund>().ToList();
        Assert.NotEmpty(refunds);
        AssertEveryRowShown(lines, new[] { ("mixed-pay-1", "-5.00", "USD", "Processed"), (topUp.ExternalId!, "100", "AED", "Success") }
            .Concat(refunds.Select(r => (r.ReferenceNo!, r.Amount!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), r.Currency!, r.State))));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void A_refund_result_then_payouts_then_a_statement_line_show_as_one_table(int width)
    {
        // Pipelines that start with a refund result or a payout row: the later records join that table too.
        Assert.Empty(Session.Run("Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Reference mixed-pay-2 -Confirm:$false").Errors);
        var sale = Session.Run("Get-PayNetTransaction -Service Card -Reference RCN-0007").OutputOf<PayNet.Core.Card.CardTransaction>()
            .First(t => t.TransactionType == PayNet.Core.Card.CardTransactionType.Sale);
        Assert.Empty(Session.Run("$global:mixedRefund = Request-PayNetRefund -XactId $x -Amount 10 -Confirm:$false", new { x = sale.XactId }).Errors);
        var refund = Assert.IsType<PayNet.Core.Card.CardRefundResult>(Assert.Single(Session.Run("$global:mixedRefund").Output));
        var payouts = Session.Run("Get-PayNetPayout -Date 2024-01-17").OutputOf<PayNet.Core.Card.CardPayout>().ToList();
        Assert.NotEmpty(payouts);

        var lines = Render("@($global:mixedRefund; Get-PayNetPayout -Date 2024-01-17; Get-PayNetStatement -From 2000-01-01 -To 2099-12-31 -First 1)", width);
        AssertEveryRowShown(lines, new[] { ("mixed-pay-2", "-5.00", "USD", "Processed") });
        // The refund's 48-character xact id is its last column, shortened at 80; reference, amount, currency and state are whole.
        Assert.Contains(lines, l => l.StartsWith(refund.ReferenceNo!, StringComparison.Ordinal) && l.Contains(" 10 TRY ") && l.Contains("Pending"));
        var payoutFirst = Render("@(Get-PayNetPayout -Date 2024-01-17; Get-PayNetStatement -From 2000-01-01 -To 2099-12-31 -First 1)", width);
        AssertEveryRowShown(payoutFirst, new[] { ("mixed-pay-2", "-5.00", "USD", "Processed") });
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Summary_statuses_are_whole_words(int width)
    {
        var lines = Render($"Import-Csv '{RepoPaths.File("examples", "ledger-card.csv")}' | Compare-PayNetTransaction -Service Card -From 2024-01-15 -To 2024-01-16 -Summary", width);
        Assert.Contains(lines, l => l.StartsWith("CurrencyMismatch ", StringComparison.Ordinal) && l.Contains("EUR/TRY"));
        Assert.Contains(lines, l => l.StartsWith("MissingAtPayNet ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('…'));
        var results = Render($"Import-Csv '{RepoPaths.File("examples", "ledger-card.csv")}' | Compare-PayNetTransaction -Service Card -From 2024-01-15 -To 2024-01-16", width);
        Assert.Contains(results, l => l.StartsWith("CurrencyMismatch ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void The_journal_shows_a_31_character_external_id_and_a_trace_number_whole(int width)
    {
        const string longId = "jr-table-with-a-long-externalid";
        Assert.Equal(31, longId.Length);
        string dir = Path.Combine(Path.GetTempPath(), $"paynet-view-journal-{Guid.NewGuid():N}");
        try
        {
            Assert.Empty(Session.Run($"Connect-PayNet -Sandbox -BaseUri '{Sandbox.Server.RootUri}' -JournalPath '{dir}'").Errors);
            TopUp(longId);
            Assert.Empty(Session.Run("Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Confirm:$false").Errors);
            var trace = Session.Run($"Get-PayNetJournal -Path '{dir}' -Service Wallet").OutputOf<PayNet.Core.Journal.JournalEntry>().Single().Reference;
            var lines = Render($"Get-PayNetJournal -Path '{dir}'", width);
            Assert.Contains(lines, l => l.Contains(longId) && l.Contains("AED") && l.Contains("Succeeded"));
            Assert.Contains(lines, l => l.Contains(trace) && l.Contains("USD") && l.Contains("Succeeded"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
