using System.Text.Json;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Tests.TopUp;

/// <summary>topup.md §4.5/§5.6 (receipt), §9 (simulation), §12.3 (the documented reservations).</summary>
public sealed class TopUpReceiptAndSimulationTests : TopUpTestBase
{
    private async Task<JsonElement[]> Ledger() =>
        (await Client.Control(HttpMethod.Get, "/ledger")).GetProperty("entries").EnumerateArray().ToArray();

    [Fact]
    public async Task A_successful_direct_recharge_confirm_carries_the_receipt_built_from_the_transaction()
    {
        var confirm = await Client.Recharge("rcpt-1", "971550000000", 25);
        Assert.Equal(1, confirm.State);
        var receipt = confirm.Json.GetProperty("receipt");
        Assert.Equal("Etisalat", receipt.GetProperty("header").GetString());
        Assert.Equal("Wasel Prepaid", receipt.GetProperty("subheader").GetString());
        Assert.StartsWith($"Merchant: PAYNET, Terminal ID: {Client.PosId}", receipt.GetProperty("info").GetString());
        Assert.Contains("AED 25.00", receipt.GetProperty("info").GetString());
        Assert.Equal("", receipt.GetProperty("promo").GetString());
        Assert.EndsWith("RECEIPT NUMBER: " + confirm.Id, receipt.GetProperty("footer").GetString());
        Assert.False(confirm.Json.TryGetProperty("info", out _)); // Direct Recharge shows no info (seed 004)
    }

    [Fact]
    public async Task A_top_up_pending_at_confirm_gets_its_receipt_from_the_find_that_sees_it_succeed()
    {
        var confirm = await Client.Recharge("rcpt-2", "971550000001");
        Assert.Equal(0, confirm.State);
        Assert.False(confirm.Json.TryGetProperty("receipt", out _));
        Assert.False((await Client.Find("rcpt-2")).Json.TryGetProperty("receipt", out _));
        await Client.Find("rcpt-2");
        var done = await Client.Find("rcpt-2");
        Assert.Equal(1, done.State);
        Assert.EndsWith("RECEIPT NUMBER: " + done.Id, done.Json.GetProperty("receipt").GetProperty("footer").GetString());
    }

    [Fact]
    public async Task The_documented_bridge_reservation_confirms_to_the_seed_001_answer()
    {
        var confirm = await Client.ConfirmById("69d-7c9-5f1-098-494");
        Assert.Equal(1, confirm.State);
        Assert.Equal("MTNL", confirm.Transaction.GetProperty("provider_name").GetString());
        Assert.Equal(JsonValueKind.Array, confirm.Json.GetProperty("info").ValueKind);
        var receipt = confirm.Json.GetProperty("receipt");
        Assert.Equal("International Recharge", receipt.GetProperty("header").GetString());
        Assert.Equal("Country: India\nProvider: MTNL\nAccount: +911234567890\nAmount excluding local taxes: INR 100.00", receipt.GetProperty("info").GetString());
        Assert.Contains("RECEIPT NUMBER: 69d-7c9-5f1-098-494", receipt.GetProperty("footer").GetString());
        Assert.Equal(Sandbox.Options.TopUp.StartingBalance - 4.56m, await Client.Balance());
        var again = await Client.ConfirmById("69d-7c9-5f1-098-494"); // repeated: the same transaction, no second debit
        Assert.Equal(1, again.State);
        Assert.Equal(Sandbox.Options.TopUp.StartingBalance - 4.56m, await Client.Balance());
        Assert.Single(await Ledger());
    }

    [Fact]
    public async Task The_documented_check_example_replaces_the_unconfirmed_documented_reservation()
    {
        var check = await Client.Check("et-mc", "order-12345", "971550000000", 50);
        Assert.Null(check.ErrorCode);
        Assert.NotEqual("abc-123-def-456", check.Id);
        Assert.Equal(105, (await Client.Check("et-mc", "order-12345", "971550000000", 50)).ErrorCode); // a real one stays unique
        var confirm = await Client.Confirm("order-12345", 50);
        Assert.Equal(check.Id, confirm.Id);
    }

    [Fact]
    public async Task A_simulated_top_up_runs_through_its_states_without_touching_the_balance_or_the_ledger()
    {
        var check = await Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "et-mc", ["external_transaction_id"] = "sim-1", ["simulation"] = true,
            ["fields"] = new JsonObject { ["customer"] = "971550000001", ["account"] = "971550000001", ["amount"] = 50 },
        });
        Assert.True(check.Transaction.GetProperty("simulation").GetBoolean());
        var confirm = await Client.Post("/transaction/confirm", new JsonObject
        {
            ["external_transaction_id"] = "sim-1", ["simulation"] = true, ["fields"] = new JsonObject { ["amount"] = 50 },
        });
        Assert.Equal(0, confirm.State);
        Assert.True(confirm.Transaction.GetProperty("simulation").GetBoolean());
        for (int i = 0; i < 3; i++) await Client.Find("sim-1");
        var done = await Client.Find("sim-1");
        Assert.Equal(1, done.State);
        Assert.True(done.Transaction.GetProperty("simulation").GetBoolean());
        Assert.Equal(Sandbox.Options.TopUp.StartingBalance, await Client.Balance());
        Assert.Empty(await Ledger());
    }

    [Fact]
    public async Task A_confirm_cannot_turn_a_real_reservation_into_a_simulation()
    {
        Assert.Null((await Client.Check("et-mc", "real-1", "971550000000", 50)).ErrorCode);
        var confirm = await Client.Post("/transaction/confirm", new JsonObject
        {
            ["external_transaction_id"] = "real-1", ["simulation"] = true, ["fields"] = new JsonObject { ["amount"] = 50 },
        });
        Assert.Equal(2, confirm.ErrorCode);
        Assert.Equal(-1, (await Client.Find("real-1")).State);
        Assert.Equal(2, (await Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "et-mc", ["external_transaction_id"] = "sim-2", ["simulation"] = "maybe",
            ["fields"] = new JsonObject { ["account"] = "971550000000", ["amount"] = 50 },
        })).ErrorCode);
    }
}
