using PayNet.Core.Card;
using PayNet.Core.Tests.Support;
using static PayNet.Core.Tests.Card.CardTestKit;

namespace PayNet.Core.Tests.Card;

/// <summary>card.md §1-§3 and §7.7: raw-key auth, tolerant rows, both spellings, dates, paging.</summary>
public class CardParsingTests
{
    private static readonly TimeSpan Istanbul = TimeSpan.FromHours(3);

    [Fact]
    public async Task Check_sends_the_raw_secret_key_and_reads_the_row()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(DetailExample));
        using var client = Client(handler);
        var rows = await client.CheckAsync(xactId: XactId);

        var sent = handler.Requests.Single();
        Assert.Equal("/v1/transaction/check", sent.Path);
        Assert.Equal("Basic " + SecretKey, sent.Headers["Authorization"]);
        Assert.Equal(XactId, sent.Json.GetProperty("xact_id").GetString());
        Assert.False(sent.Json.TryGetProperty("reference_no", out _));

        var tx = Assert.Single(rows);
        Assert.Equal(("2527054", XactId, "RCN-0015"), (tx.Id, tx.XactId, tx.ReferenceNo));
        Assert.Equal((813.75m, 794.54m, 16.28m, 2.93m), (tx.Amount!.Value, tx.NetAmount!.Value, tx.Commission!.Value, tx.CommissionTax!.Value));
        Assert.Equal(tx.Amount, tx.NetAmount + tx.Commission + tx.CommissionTax);
        Assert.Equal(CardTransactionType.Sale, tx.TransactionType);
        Assert.Equal("S", tx.XactType);
        Assert.Equal(CardTransactionState.Succeeded, tx.State);
        Assert.Equal("TRY", tx.Currency);
        Assert.Equal("444444******4448", tx.CardNo);
        Assert.Equal(new DateTimeOffset(2015, 12, 4, 18, 14, 28, 377, Istanbul), tx.Time);
        IPayNetRecord record = tx;
        Assert.Equal((PayNetApi.Card, "2527054", "RCN-0015", "Succeeded"), (record.Service, record.Id, record.Reference, record.StateName));
    }

    [Fact]
    public async Task Detail_reads_the_split_the_value_dates_and_the_not_set_sentinel()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(DetailExample));
        using var client = Client(handler);
        var detail = await client.GetDetailAsync(id: "2527054");

        Assert.Equal("2527054", handler.Requests.Single().Json.GetProperty("id").GetString());
        Assert.Equal((19.2104m, 794.5396m), (detail.CompanyCommissionWithTax!.Value, detail.CompanyNetAmount!.Value));
        Assert.Null(detail.CompanyValueDate);
        Assert.Equal(new DateTimeOffset(2016, 4, 8, 10, 27, 22, Istanbul).AddTicks(296925), detail.AgentValueDate);
        Assert.Null(detail.Phone);
        Assert.Equal(("Peşin", "Bonus", "cc", 5), (detail.InstalmentText, detail.BankName, detail.CardType, detail.PosType!.Value));
        Assert.False(detail.IsReversed);
        Assert.NotNull(detail.ReversedXactId);
        Assert.Equal("Sipariş 42", detail.Note);
    }

    [Fact]
    public async Task List_rows_map_the_other_spellings_and_dotted_dates()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(ListPage(new[] { 7 }, false, 1)));
        using var client = Client(handler);
        var rows = new List<CardTransaction>();
        await foreach (var row in client.ListAsync(new CardListQuery { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16) })) rows.Add(row);

        var tx = Assert.Single(rows);
        Assert.Equal((976.40m, "note 7", "RCN-7", "xk_7"), (tx.NetAmount!.Value, tx.Note, tx.ReferenceNo, tx.Id));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 15, 0, Istanbul), tx.Time);
        Assert.True(tx.IsTds);
        Assert.Equal(3, tx.Instalment);
        var sent = handler.Requests.Single().Json;
        Assert.Equal(("2024-01-15", "2024-01-16"), (sent.GetProperty("datab").GetString(), sent.GetProperty("datbi").GetString()));
        Assert.False(sent.TryGetProperty("show_unsucceed", out _));
    }

    [Fact]
    public async Task List_fetches_the_next_page_only_when_the_consumer_reaches_it()
    {
        var handler = new ScriptedHandler((r, _) => ScriptedHandler.Json(r.Json.GetProperty("starting_after").GetInt32() switch
        {
            0 => ListPage(Enumerable.Range(1, 5), true, 12),
            5 => ListPage(Enumerable.Range(6, 5), true, 12),
            _ => ListPage(Enumerable.Range(11, 2), false, 12),
        }));
        using var client = Client(handler);
        var query = new CardListQuery { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16), PageSize = 5, IncludeFailed = true };

        var firstThree = new List<CardTransaction>();
        await foreach (var row in client.ListAsync(query))
        {
            firstThree.Add(row);
            if (firstThree.Count == 3) break;
        }
        Assert.Single(handler.Requests);

        var all = new List<CardTransaction>();
        await foreach (var row in client.ListAsync(query)) all.Add(row);
        Assert.Equal(12, all.Count);
        var pages = handler.Requests.Skip(1).Select(r => r.Json).ToList();
        Assert.Equal(new[] { 0, 5, 10 }, pages.Select(p => p.GetProperty("starting_after").GetInt32()));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("limit").GetInt32()));
        Assert.All(pages, p => Assert.True(p.GetProperty("show_unsucceed").GetBoolean()));
    }

    [Fact]
    public async Task Payout_report_rows_keep_negative_deductions()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("""
            { "total": 2, "total_count": 2, "object_name": "payment_list", "code": 0, "Data": [
              { "xact_id": "xk_14", "xact_type": "S", "due_date": "2024-01-17T00:00:00", "company_pay_amount": 74.18, "agent_pay_amount": 0, "amount": 75.50, "is_succeed": true },
              { "xact_id": "xk_8", "xact_type": "CD", "due_date": "17.01.2024", "company_pay_amount": "-100.00", "agent_pay_amount": 0, "amount": 100.00, "is_succeed": true } ] }
            """));
        using var client = Client(handler);
        var rows = await client.GetPayoutReportAsync(new DateTime(2024, 1, 17));
        Assert.Equal("2024-01-17", handler.Requests.Single().Json.GetProperty("date").GetString());
        Assert.Equal(-25.82m, rows.Sum(r => r.CompanyPayAmount ?? 0m));
        Assert.Equal(CardTransactionType.Reversal, rows[1].TransactionType);
        Assert.All(rows, r => Assert.Equal(new DateTimeOffset(2024, 1, 17, 0, 0, 0, Istanbul), r.DueDate));
    }

    [Fact]
    public void Kurus_strings_are_minor_units()
    {
        Assert.Equal("1000", CardAmounts.ToKurusString(10.00m));
        Assert.Equal("10000", CardAmounts.ToKurusString(100m));
        Assert.Equal("5935", CardAmounts.ToKurusString(59.35m));
        Assert.Equal("123,45", CardAmounts.ToCommaDecimalString(123.45m));
        Assert.Throws<PayNetException>(() => CardAmounts.ToKurusString(1.005m));
    }
}
