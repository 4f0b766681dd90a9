using System.Text.Json;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.Card;

/// <summary>The golden fixtures F01–F17 of card.md §7.4 and their derived expectations, figure for figure.</summary>
public sealed class CardGoldenTests : CardTestBase
{
    private Task<CardReply> List(object body) => Client.Post("/v1/transaction/list", body);

    private static long[] Ids(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task Check_by_reference_returns_the_failed_attempt_and_the_successful_retry()
    {
        var reply = await Client.Post("/v1/transaction/check", new { reference_no = "RCN-0003" });
        Assert.Equal(0, reply.Code);
        Assert.Equal("transaction_check", reply.Json.GetProperty("object_name").GetString());
        Assert.Equal(2, reply.Data.GetArrayLength());
        Assert.False(reply.Row(0).GetProperty("is_succeed").GetBoolean());
        Assert.Equal("", reply.Row(0).GetProperty("authorization_code").GetString());
        Assert.True(reply.Row(1).GetProperty("is_succeed").GetBoolean());
        Assert.Equal(1000004, reply.Row(1).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Check_by_xact_id_gives_the_documented_detail_example_figures()
    {
        string xactId = await Client.XactIdOf(1000015);
        var row = (await Client.Post("/v1/transaction/check", new { xact_id = xactId })).Row();
        Assert.Equal(813.75m, row.GetProperty("amount").GetDecimal());
        Assert.Equal(794.54m, row.GetProperty("netAmount").GetDecimal());
        Assert.Equal(16.28m, row.GetProperty("comission").GetDecimal());
        Assert.Equal(2.93m, row.GetProperty("comission_tax").GetDecimal());
        Assert.Equal(0.02m, row.GetProperty("ratio").GetDecimal());
        Assert.Equal("TRY", row.GetProperty("currency").GetString());
        Assert.Equal("RCN-0015", row.GetProperty("agent_reference").GetString());
        Assert.False(row.TryGetProperty("net_amount", out _));
        Assert.StartsWith("xk_EAAAA", xactId);
        Assert.Equal(48, xactId.Length);
    }

    [Fact]
    public async Task Detail_carries_the_split_fields_unrounded_and_the_value_dates()
    {
        var f15 = await Client.Detail(1000015);
        Assert.Equal(19.2104m, f15.GetProperty("company_commission_with_tax").GetDecimal());
        Assert.Equal(794.5396m, f15.GetProperty("company_net_amount").GetDecimal());
        Assert.Equal(794.54m, f15.GetProperty("netAmount").GetDecimal());
        Assert.Equal("Bonus", f15.GetProperty("bank_name").GetString());
        Assert.Equal("Peşin", f15.GetProperty("instalment_text").GetString());

        Assert.Equal("2024-01-16T00:00:00", (await Client.Detail(1000001)).GetProperty("company_vdate").GetString());
        Assert.Equal("0001-01-01T00:00:00", (await Client.Detail(1000001)).GetProperty("agent_vdate").GetString());

        var f13 = await Client.Detail(1000013);
        Assert.Equal("600222", f13.GetProperty("agent_id").GetString());
        Assert.Equal(1500.00m, f13.GetProperty("company_amount").GetDecimal());
        Assert.Equal(30.00m, f13.GetProperty("company_commission").GetDecimal());
        Assert.Equal(35.40m, f13.GetProperty("company_commission_with_tax").GetDecimal());
        Assert.Equal(1464.60m, f13.GetProperty("company_net_amount").GetDecimal());
        Assert.Equal(500.00m, f13.GetProperty("agent_amount").GetDecimal());
        Assert.Equal(10.00m, f13.GetProperty("agent_commission").GetDecimal());
        Assert.Equal(11.80m, f13.GetProperty("agent_commission_with_tax").GetDecimal());
        Assert.Equal(488.20m, f13.GetProperty("agent_net_amount").GetDecimal());
        Assert.Equal(40.00m, f13.GetProperty("comission").GetDecimal());
        Assert.Equal(7.20m, f13.GetProperty("comission_tax").GetDecimal());
        Assert.Equal(1952.80m, f13.GetProperty("netAmount").GetDecimal());
    }

    [Fact]
    public async Task Detail_of_a_cancelled_sale_points_at_its_cancel()
    {
        var f05 = await Client.Detail(1000005);
        Assert.True(f05.GetProperty("reversed").GetBoolean());
        Assert.Equal(await Client.XactIdOf(1000006), f05.GetProperty("reversed_xact_id").GetString());
        var f06 = await Client.Detail(1000006);
        Assert.Equal(2, f06.GetProperty("transaction_type").GetInt32());
        Assert.Equal("İptal", f06.GetProperty("xact_type_desc").GetString());
    }

    [Theory]
    [InlineData("id", "1000007")]
    [InlineData("xact", "1000007")]
    [InlineData("reference_no", "RCN-0007")]
    public async Task Detail_finds_by_every_documented_key(string key, string value)
    {
        var reply = await Client.Post("/v1/transaction/detail", new Dictionary<string, string> { [key] = value });
        Assert.Equal(1000007, reply.Row().GetProperty("id").GetInt64());
        Assert.Equal("transaction_detail", reply.Json.GetProperty("object_name").GetString());
    }

    [Fact]
    public async Task Every_fixture_has_the_golden_commission_figures()
    {
        var expected = new (long Id, decimal Amount, decimal Comission, decimal Tax, decimal Net)[]
        {
            (1000001, 1000.00m, 20.00m, 3.60m, 976.40m), (1000002, 59.35m, 2.37m, 0.43m, 56.55m),
            (1000003, 250.00m, 0, 0, 0), (1000004, 250.00m, 5.00m, 0.90m, 244.10m), (1000005, 500.00m, 12.50m, 2.25m, 485.25m),
            (1000007, 1200.00m, 72.00m, 12.96m, 1115.04m), (1000010, 280.00m, 5.60m, 1.01m, 273.39m),
            (1000013, 2000.00m, 40.00m, 7.20m, 1952.80m), (1000014, 75.50m, 1.12m, 0.20m, 74.18m),
            (1000015, 813.75m, 16.28m, 2.93m, 794.54m),
        };
        foreach (var f in expected)
        {
            var row = await Client.Detail(f.Id);
            Assert.Equal(f.Amount, row.GetProperty("amount").GetDecimal());
            Assert.Equal(f.Comission, row.GetProperty("comission").GetDecimal());
            Assert.Equal(f.Tax, row.GetProperty("comission_tax").GetDecimal());
            Assert.Equal(f.Net, row.GetProperty("netAmount").GetDecimal());
        }
    }

    [Fact]
    public async Task Every_successful_row_satisfies_amount_equals_net_plus_commission_plus_tax()
    {
        var rows = (await List(new { datab = "2024-01-15", datbi = "2024-01-18", limit = 1000 })).Data;
        Assert.Equal(14, rows.GetArrayLength());
        foreach (var r in rows.EnumerateArray())
            Assert.Equal(r.GetProperty("amount").GetDecimal(),
                r.GetProperty("net_amount").GetDecimal() + r.GetProperty("comission").GetDecimal() + r.GetProperty("comission_tax").GetDecimal());
    }

    [Fact]
    public async Task List_of_the_15th_has_12_successful_rows_and_13_with_failures()
    {
        var reply = await List(new { datab = "2024-01-15", datbi = "2024-01-16", limit = 100 });
        Assert.Equal(12, reply.Json.GetProperty("total").GetInt32());
        Assert.Equal(12, reply.Json.GetProperty("total_count").GetInt32());
        Assert.Equal("transaction_list", reply.Json.GetProperty("object_name").GetString());
        Assert.Equal(new long[] { 1000009, 1000001, 1000002, 1000004, 1000005, 1000010, 1000007, 1000011, 1000012, 1000013, 1000006, 1000015 },
            Ids(reply.Data));
        Assert.Equal("10001", reply.Json.GetProperty("companyCode").GetString());
        Assert.Equal("ACME TEST A.Ş.", reply.Json.GetProperty("companyName").GetString());

        var all = await List(new { datab = "2024-01-15", datbi = "2024-01-16", limit = 100, show_unsucceed = true });
        Assert.Equal(13, all.Json.GetProperty("total").GetInt32());
        Assert.Contains(1000003L, Ids(all.Data));
    }

    [Fact]
    public async Task List_rows_use_the_list_spellings_and_dates()
    {
        var row = (await List(new { datab = "2024-01-15", datbi = "2024-01-16", limit = 2 })).Row(1);
        Assert.True(row.TryGetProperty("net_amount", out _));
        Assert.False(row.TryGetProperty("netAmount", out _));
        Assert.Equal("15.01.2024", row.GetProperty("xact_date").GetString());
        Assert.Equal("15.01.2024 10:15:00", row.GetProperty("xact_time").GetString());
        Assert.Equal("S", row.GetProperty("xact_type").GetString());
        Assert.Equal("RCN-0001", row.GetProperty("xact_agent_reference").GetString());
        Assert.Equal(976.40m, row.GetProperty("ana_firma_odenecek_net_tutar").GetDecimal());
    }

    [Fact]
    public async Task List_pages_of_5_are_5_5_2_with_has_more_true_true_false()
    {
        var seen = new List<long>();
        var expected = new[] { (5, true), (5, true), (2, false) };
        for (int page = 0; page < 3; page++)
        {
            var reply = await List(new { datab = "2024-01-15", datbi = "2024-01-16", limit = 5, starting_after = page * 5 });
            Assert.Equal(12, reply.Json.GetProperty("total").GetInt32());
            Assert.Equal(expected[page].Item1, reply.Json.GetProperty("total_count").GetInt32());
            Assert.Equal(expected[page].Item2, reply.Json.GetProperty("has_more").GetBoolean());
            seen.AddRange(Ids(reply.Data));
        }
        var single = await List(new { datab = "2024-01-15", datbi = "2024-01-16", limit = 100 });
        Assert.Equal(Ids(single.Data), seen);
    }

    [Fact]
    public async Task Ending_before_pages_backwards()
    {
        var reply = await List(new { datab = "2024-01-15", datbi = "2024-01-16", limit = 5, ending_before = 12 });
        var all = Ids((await List(new { datab = "2024-01-15", datbi = "2024-01-16", limit = 100 })).Data);
        Assert.Equal(all[7..12], Ids(reply.Data));
        Assert.True(reply.Json.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task The_list_end_date_is_exclusive()
    {
        var none = await List(new { datab = "2024-01-15", datbi = "2024-01-15" });
        Assert.Equal(0, none.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Untransferred_leaves_out_rows_already_marked()
    {
        var without = await List(new { datab = "2024-01-16", datbi = "2024-01-17", untransferred = true });
        Assert.Equal(new long[] { 1000008 }, Ids(without.Data));
        var with = await List(new { datab = "2024-01-16", datbi = "2024-01-17" });
        Assert.Equal(new long[] { 1000008, 1000014 }, Ids(with.Data));
    }

    [Fact]
    public async Task List_filters_by_dealer_and_bank()
    {
        Assert.Equal(new long[] { 1000013 }, Ids((await List(new { datab = "2024-01-15", datbi = "2024-01-18", agent_id = "600222" })).Data));
        Assert.Equal(new long[] { 1000009, 1000002, 1000010 },
            Ids((await List(new { datab = "2024-01-15", datbi = "2024-01-18", bank_id = "AXSS" })).Data));
    }

    [Fact]
    public async Task Payment_list_of_the_16th_pays_out_the_sales_and_captures_of_the_15th()
    {
        var reply = await Client.Post("/v1/transaction/payment_list", new { date = "2024-01-16" });
        Assert.Equal(7, reply.Json.GetProperty("total").GetInt32());
        Assert.Equal(4924.62m, Sum(reply.Data, "company_pay_amount"));
        Assert.Equal(488.20m, Sum(reply.Data, "agent_pay_amount"));
        var f13 = reply.Data.EnumerateArray().Single(r => r.GetProperty("agent_id").GetString() == "600222");
        Assert.Equal(1464.60m, f13.GetProperty("company_pay_amount").GetDecimal());
        Assert.Equal(35.40m, f13.GetProperty("company_service_amount").GetDecimal());
        Assert.Equal(11.80m, f13.GetProperty("agent_service_amount").GetDecimal());
        Assert.All(reply.Data.EnumerateArray(), r => Assert.Equal("2024-01-16T00:00:00", r.GetProperty("due_date").GetString()));
        Assert.DoesNotContain(reply.Data.EnumerateArray(), r => r.GetProperty("reference_no").GetString() is "RCN-0005" or "RCN-0011");
    }

    [Fact]
    public async Task Payment_list_of_the_17th_has_F14_and_the_F08_deduction()
    {
        var reply = await Client.Post("/v1/transaction/payment_list", new { date = "2024-01-17" });
        Assert.Equal(2, reply.Json.GetProperty("total").GetInt32());
        Assert.Equal(-25.82m, Sum(reply.Data, "company_pay_amount"));
        var refund = reply.Data.EnumerateArray().Single(r => r.GetProperty("xact_type").GetString() == "CD");
        Assert.Equal(-100.00m, refund.GetProperty("company_pay_amount").GetDecimal());
    }

    [Fact]
    public async Task The_older_payment_list_path_answers_the_same()
    {
        var older = await Client.Post("/v1/payment_list", new { date = "2024-01-16" });
        var current = await Client.Post("/v1/transaction/payment_list", new { date = "2024-01-16" });
        Assert.Equal(current.Body, older.Body);
    }

    [Fact]
    public async Task Payment_list_without_a_date_uses_today_on_the_sandbox_clock()
    {
        await Client.SetClock("2024-01-17T12:00:00");
        var reply = await Client.Post("/v1/transaction/payment_list", new { });
        Assert.Equal(-25.82m, Sum(reply.Data, "company_pay_amount"));
    }

    [Fact]
    public async Task Reversal_list_shows_the_four_refund_requests_but_not_the_preauth_cancel()
    {
        var reply = await Client.Post("/v1/transaction/reversal_list", new { datab = "2024-01-15", datbi = "2024-01-18" });
        Assert.Equal("transaction_reversal_list", reply.Json.GetProperty("object_name").GetString());
        Assert.Equal(4, reply.Json.GetProperty("total").GetInt32());
        var rows = reply.Data.EnumerateArray().Select(r => (Id: r.GetProperty("id").GetString()!, Status: r.GetProperty("status").GetString()!)).ToArray();
        Assert.Equal(new[] { ("1000005", "approved"), ("1000007", "approved"), ("1000001", "pending"), ("1000015", "rejected") }, rows);
        Assert.Equal(await Client.XactIdOf(1000006), reply.Row(0).GetProperty("reversed_xact_id").GetString());
        Assert.Equal("1000006", reply.Row(0).GetProperty("reversed_id").GetString());
        Assert.Equal("", reply.Row(2).GetProperty("reversed_xact_id").GetString());
        Assert.Equal(50.00m, reply.Row(2).GetProperty("amount").GetDecimal());
        Assert.Equal("17.01.2024", reply.Row(2).GetProperty("entry_date").GetString());
    }

    [Fact]
    public async Task The_data_set_is_the_same_on_every_start()
    {
        await using var other = await SandboxServer.StartAsync();
        using var otherClient = new CardTestClient(other);
        Assert.Equal((await Client.Post("/v1/transaction/detail", new { id = 1000013 })).Body,
            (await otherClient.Post("/v1/transaction/detail", new { id = 1000013 })).Body);
        Assert.Equal(await Client.XactIdOf(1000001), await otherClient.XactIdOf(1000001));
    }
}
