using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayNet.Sandbox.Tests.TopUp;

/// <summary>e-Voucher PINs and both international variants (legacy `intl`, v2 International Bridge).</summary>
public sealed class TopUpProductFlowTests : TopUpTestBase
{
    private const string BridgeAmountId = "389c9b72d2677970916fac310a36e5a4";

    [Fact]
    public async Task A_voucher_delivers_its_PIN_in_a_top_level_info_on_confirm_and_find()
    {
        await Client.Check("slk100", "voucher-12345", "voucher@example.com", 100);
        var confirm = await Client.Confirm("voucher-12345", 100);
        Assert.Equal(1, confirm.State);
        var info = confirm.Json.GetProperty("info");
        Assert.Matches(new Regex(@"^\d{4}-\d{4}-\d{4}-\d{4}$"), info.GetProperty("number").GetString());
        Assert.Matches(new Regex(@"^SN\d{9}$"), info.GetProperty("serial").GetString());
        Assert.Matches(new Regex(@"^\d{10}$"), info.GetProperty("reference").GetString());
        Assert.False(confirm.Transaction.TryGetProperty("info", out _));

        var find = await Client.Find("voucher-12345");
        Assert.Equal(info.GetRawText(), find.Json.GetProperty("info").GetRawText());
    }

    [Fact]
    public async Task The_same_transaction_id_always_gives_the_same_PIN()
    {
        await Client.Check("itunes_aed_100", "pin-a", "buyer@example.com", 100);
        string pin = (await Client.Confirm("pin-a", 100)).Json.GetProperty("info").GetProperty("number").GetString()!;
        await Client.Reset();
        await Client.Check("itunes_aed_100", "pin-b", "other@example.com", 100);
        Assert.Equal(pin, (await Client.Confirm("pin-b", 100)).Json.GetProperty("info").GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_pending_voucher_has_no_info_until_it_is_delivered()
    {
        await Client.Check("slk50", "v01", "voucher01@example.com", 50);
        var confirm = await Client.Confirm("v01", 50);
        Assert.Equal(0, confirm.State);
        Assert.False(confirm.Json.TryGetProperty("info", out _));
        await Client.Find("v01");
        await Client.Find("v01");
        var delivered = await Client.Find("v01");
        Assert.Equal(1, delivered.State);
        Assert.True(delivered.Json.TryGetProperty("info", out _));
    }

    [Fact]
    public async Task Voucher_suffix_30_omits_the_serial()
    {
        await Client.Check("slk50", "v30", "voucher30@example.com", 50);
        var info = (await Client.Confirm("v30", 50)).Json.GetProperty("info");
        Assert.False(info.TryGetProperty("serial", out _));
        Assert.True(info.TryGetProperty("number", out _));
    }

    [Fact]
    public async Task Voucher_accounts_take_the_scenario_from_the_digits_of_the_local_part()
    {
        await Client.Check("slk50", "v03", "voucher03@example.com", 50);
        Assert.Equal(2, (await Client.Confirm("v03", 50)).State);
    }

    [Fact]
    public async Task Legacy_intl_check_offers_denominations_and_confirm_picks_one()
    {
        decimal before = await Client.Balance();
        var check = await Client.Check("intl", "intl-12345", "+923001234567");
        Assert.Equal(-1, check.State);
        Assert.Equal("PKR", check.Transaction.GetProperty("amount_currency").GetString());
        var amounts = check.Json.GetProperty("details").GetProperty("amounts");
        var five = amounts.EnumerateArray().Single(a => a.GetProperty("amount").GetDecimal() == 500 && a.GetProperty("type_id").GetInt32() == 1);
        Assert.Equal("PKR", five.GetProperty("currency").GetString());
        decimal price = five.GetProperty("price").GetDecimal();

        var confirm = await Client.Confirm("intl-12345", 500, 1);
        Assert.Equal(1, confirm.State);
        var t = (await Client.Find("intl-12345")).Transaction;
        Assert.Equal("intl", t.GetProperty("service").GetProperty("id").GetString());
        Assert.Equal("Int-l Top-up", t.GetProperty("service").GetProperty("name").GetString());
        Assert.Equal("+923001234567", t.GetProperty("account").GetString());
        Assert.Equal(JsonValueKind.Number, t.GetProperty("amount").ValueKind);
        Assert.Equal(500m, t.GetProperty("amount").GetDecimal());
        Assert.Equal(before - price, await Client.Balance());
    }

    [Fact]
    public async Task Legacy_intl_confirm_refuses_amounts_not_offered_and_bad_type_ids()
    {
        await Client.Check("intl", "intl-bad", "+923331234567");
        Assert.Equal(50, (await Client.Confirm("intl-bad", 123, 1)).ErrorCode);
        Assert.Equal(50, (await Client.Confirm("intl-bad", 500, 3)).ErrorCode);
        Assert.Equal(1, (await Client.Confirm("intl-bad", 1000, 2)).State);
    }

    [Fact]
    public async Task Legacy_intl_numbers_without_an_operator_are_201()
    {
        Assert.Equal(201, (await Client.Check("intl", "intl-ug", "+256701234567")).ErrorCode);
    }

    [Fact]
    public async Task Bridge_check_locks_the_amount_and_confirm_needs_only_the_transaction_id()
    {
        var check = await Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "international-bridge",
            ["fields"] = new JsonObject { ["amount_id"] = BridgeAmountId, ["account"] = "911234567890" },
        });
        Assert.Equal(-1, check.State);
        Assert.False(check.Transaction.TryGetProperty("external_transaction_id", out _));

        var confirm = await Client.ConfirmById(check.Id);
        Assert.Equal(1, confirm.State);
        var t = (await Client.FindById(check.Id)).Transaction;
        Assert.Equal("international-bridge", t.GetProperty("service").GetProperty("id").GetString());
        Assert.Equal("International Bridge", t.GetProperty("service").GetProperty("name").GetString());
        Assert.Equal("100", t.GetProperty("amount").GetString());
        Assert.Equal("INR", t.GetProperty("amount_currency").GetString());
        Assert.Equal("4.56", t.GetProperty("price").GetString());
        Assert.Equal("AED", t.GetProperty("price_currency").GetString());
        Assert.Equal("IND", t.GetProperty("country_id").GetString());
        Assert.Equal("India", t.GetProperty("country_name").GetString());
        Assert.Equal("284", t.GetProperty("provider_id").GetString());
        Assert.Equal("MTNL", t.GetProperty("provider_name").GetString()); // seed 001
        Assert.Equal("", t.GetProperty("error").GetString());
        Assert.Equal(Sandbox.Options.TopUp.StartingBalance - 4.56m, await Client.Balance());
    }

    [Fact]
    public async Task Bridge_check_with_an_external_id_enforces_uniqueness_too()
    {
        JsonObject Body() => new()
        {
            ["product"] = "international-bridge", ["external_transaction_id"] = "bridge-1",
            ["fields"] = new JsonObject { ["amount_id"] = BridgeAmountId, ["account"] = "911234567890" },
        };
        Assert.Null((await Client.Post("/transaction/check", Body())).ErrorCode);
        Assert.Equal(105, (await Client.Post("/transaction/check", Body())).ErrorCode);
        Assert.Equal(1, (await Client.Post("/transaction/confirm", new JsonObject { ["external_transaction_id"] = "bridge-1" })).State);
    }

    [Fact]
    public async Task Bridge_check_refuses_unknown_amounts_and_foreign_numbers()
    {
        Task<TopUpReply> Check(string amountId, string account) => Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "international-bridge",
            ["fields"] = new JsonObject { ["amount_id"] = amountId, ["account"] = account },
        });
        Assert.Equal(50, (await Check("00000000000000000000000000000000", "911234567890")).ErrorCode);
        Assert.Equal(201, (await Check(BridgeAmountId, "923001234567")).ErrorCode);
        Assert.Equal(2, (await Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "international-bridge", ["fields"] = new JsonObject { ["account"] = "911234567890" },
        })).ErrorCode);
    }

    [Fact]
    public async Task Bridge_transactions_follow_the_magic_suffixes_too()
    {
        var check = await Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "international-bridge",
            ["fields"] = new JsonObject { ["amount_id"] = BridgeAmountId, ["account"] = "911234567801" },
        });
        Assert.Equal(0, (await Client.ConfirmById(check.Id)).State);
    }
}
