using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayNet.Sandbox.Tests.TopUp;

public sealed class TopUpTransactionTests : TopUpTestBase
{
    [Fact]
    public async Task Check_reserves_a_transaction_in_state_minus_1_with_the_echo_fields()
    {
        var check = await Client.Check("et-mc", "order-12345", "971550000000", 50);
        Assert.Null(check.ErrorCode);
        var t = check.Transaction;
        Assert.Equal(-1, t.GetProperty("state").GetInt32());
        Assert.Matches(new Regex("^[0-9a-f]{3}(-[0-9a-f]{3}){4}$"), t.GetProperty("id").GetString());
        Assert.Equal("order-12345", t.GetProperty("external_transaction_id").GetString());
        Assert.Equal("", t.GetProperty("error").GetString());
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"), t.GetProperty("time").GetString());
        Assert.Equal("et-mc", t.GetProperty("service").GetProperty("id").GetString());
        Assert.Equal("971550000000", t.GetProperty("account").GetString());
        Assert.Equal(50m, t.GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Number, t.GetProperty("price").ValueKind);
    }

    [Fact]
    public async Task Times_are_UAE_local_time_from_the_sandbox_clock()
    {
        // The seed clock is 2024-01-18 06:00 UTC, i.e. 10:00 in Dubai.
        var check = await Client.Check("et-mc", "time-1", "971550000000", 50);
        Assert.Equal("2024-01-18 10:00:00", check.Transaction.GetProperty("time").GetString());
    }

    [Fact]
    public async Task Transaction_ids_are_the_same_on_every_run()
    {
        var first = (await Client.Check("et-mc", "det-1", "971550000000", 50)).Id;
        await Client.Reset();
        var again = (await Client.Check("et-mc", "det-other-name", "971550000000", 50)).Id;
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Confirm_debits_the_price_once_and_records_it_in_the_ledger()
    {
        decimal before = await Client.Balance();
        var confirm = await Client.Recharge("order-1", "971550000000", 50);
        Assert.Equal(1, confirm.State);
        Assert.Equal(before - 50, await Client.Balance());

        var again = await Client.Confirm("order-1", 50);
        Assert.Equal(1, again.State);
        Assert.Equal(confirm.Id, again.Id);
        Assert.Equal(before - 50, await Client.Balance());

        var ledger = await Client.Control(HttpMethod.Get, "/ledger");
        var entry = Assert.Single(ledger.GetProperty("entries").EnumerateArray());
        Assert.Equal("TopUp", entry.GetProperty("api").GetString());
        Assert.Equal("order-1", entry.GetProperty("reference").GetString());
        Assert.Equal(confirm.Id, entry.GetProperty("transactionId").GetString());
        Assert.Equal(50m, entry.GetProperty("amount").GetDecimal());
        Assert.Equal("AED", entry.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Find_by_either_id_returns_the_same_transaction()
    {
        var confirm = await Client.Recharge("order-2", "971550000000", 25);
        var byExternal = await Client.Find("order-2");
        var byId = await Client.FindById(confirm.Id);
        Assert.Equal(1, byExternal.State);
        Assert.Equal(confirm.Id, byExternal.Id);
        Assert.Equal(byExternal.Body, byId.Body);
    }

    [Fact]
    public async Task Confirm_by_transaction_id_works_too()
    {
        var check = await Client.Check("et-mc", "order-3", "971550000000", 10);
        var confirm = await Client.Post("/transaction/confirm", new JsonObject
        {
            ["transaction_id"] = check.Id,
            ["fields"] = new JsonObject { ["amount"] = 10 },
        });
        Assert.Equal(1, confirm.State);
    }

    [Theory]
    [InlineData("nope", 101)]
    [InlineData("test-inactive", 101)]
    public async Task Unknown_or_inactive_products_are_101(string product, int code)
    {
        Assert.Equal(code, (await Client.Check(product, "p-" + product, "971550000000", 10)).ErrorCode);
    }

    [Fact]
    public async Task A_reused_external_id_is_105()
    {
        Assert.Null((await Client.Check("et-mc", "dup-1", "971550000000", 50)).ErrorCode);
        Assert.Equal(105, (await Client.Check("et-mc", "dup-1", "971550000000", 50)).ErrorCode);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(530)]
    [InlineData(52)]
    [InlineData(50.5)]
    [InlineData(-5)]
    [InlineData(1e20)]
    public async Task Amounts_off_the_range_or_step_are_50(double amount)
    {
        Assert.Equal(50, (await Client.Check("et-mc", $"amt-{amount}", "971550000000", (decimal)amount)).ErrorCode);
    }

    [Fact]
    public async Task A_fixed_price_voucher_accepts_only_its_price()
    {
        Assert.Equal(50, (await Client.Check("slk100", "v-50", "voucher@example.com", 50)).ErrorCode);
        Assert.Null((await Client.Check("slk100", "v-100", "voucher@example.com", 100)).ErrorCode);
    }

    [Theory]
    [InlineData("971550000")]
    [InlineData("+971550000000")]
    [InlineData("441234567890")]
    public async Task UAE_mobile_accounts_must_be_12_digits_starting_971(string account)
    {
        Assert.Equal(50, (await Client.Check("et-mc", "acc-" + account, account, 50)).ErrorCode);
    }

    [Fact]
    public async Task A_missing_account_on_an_account_product_is_50()
    {
        var reply = await Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "et-mc", ["external_transaction_id"] = "no-acc", ["fields"] = new JsonObject { ["amount"] = 50 },
        });
        Assert.Equal(50, reply.ErrorCode);
    }

    [Theory]
    [InlineData("{\"product\":\"et-mc\",\"external_transaction_id\":\"x\"}")]
    [InlineData("{\"external_transaction_id\":\"x\",\"fields\":{\"account\":\"971550000000\",\"amount\":50}}")]
    [InlineData("{\"product\":\"et-mc\",\"fields\":{\"account\":\"971550000000\",\"amount\":50}}")]
    [InlineData("{\"product\":true,\"external_transaction_id\":\"x\",\"fields\":{}}")]
    [InlineData("{\"product\":\"et-mc\",\"external_transaction_id\":\"x\",\"fields\":[1]}")]
    [InlineData("{\"product\":\"et-mc\",\"external_transaction_id\":{},\"fields\":{\"account\":\"971550000000\",\"amount\":50}}")]
    [InlineData("{\"product\":\"et-mc\",\"external_transaction_id\":\"x\",\"fields\":{\"account\":\"971550000000\"}}")]
    public async Task Missing_members_or_wrong_types_are_code_2(string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(2, (await Client.Post("/transaction/check", body)).ErrorCode);
    }

    [Fact]
    public async Task A_confirm_amount_other_than_the_check_amount_is_50()
    {
        await Client.Check("et-mc", "mismatch", "971550000000", 50);
        Assert.Equal(50, (await Client.Confirm("mismatch", 55)).ErrorCode);
        Assert.Equal(2, (await Client.Confirm("mismatch")).ErrorCode);
        Assert.Equal(-1, (await Client.Find("mismatch")).State);
    }

    [Fact]
    public async Task Unknown_ids_are_22_for_external_and_20_for_Paynet_ids()
    {
        Assert.Equal(22, (await Client.Confirm("never-checked", 50)).ErrorCode);
        Assert.Equal(22, (await Client.Find("never-checked")).ErrorCode);
        Assert.Equal(20, (await Client.ConfirmById("fff-fff-fff-fff-fff")).ErrorCode);
        Assert.Equal(20, (await Client.FindById("fff-fff-fff-fff-fff")).ErrorCode);
        Assert.Equal(2, (await Client.Post("/transaction/find")).ErrorCode);
    }

    [Fact]
    public async Task Confirm_with_too_little_balance_is_1001_and_leaves_the_transaction_new()
    {
        await Client.Control(HttpMethod.Post, $"/topup/pos/{Client.PosId}/balance", new { balance = 20 });
        await Client.Check("et-mc", "poor-1", "971550000000", 50);
        Assert.Equal(1001, (await Client.Confirm("poor-1", 50)).ErrorCode);
        Assert.Equal(-1, (await Client.Find("poor-1")).State);
        Assert.Equal(20m, await Client.Balance());
    }

    [Fact]
    public async Task Find_before_confirm_shows_the_reservation()
    {
        await Client.Check("et-mc", "early", "971550000000", 50);
        var find = await Client.Find("early");
        Assert.Equal(-1, find.State);
    }

    [Fact]
    public async Task Another_POS_cannot_see_the_transaction()
    {
        await Client.Recharge("mine", "971550000000", 50);
        var o = Sandbox.Options.TopUp;
        Client.PosId = PayNet.Sandbox.TopUp.TopUpState.InactivePosId(o);
        Client.Token = PayNet.Sandbox.TopUp.TopUpState.InactivePosToken(o);
        await Client.Control(HttpMethod.Post, $"/topup/pos/{Client.PosId}/active", new { active = true });
        Assert.Equal(22, (await Client.Find("mine")).ErrorCode);
    }
}
