using System.Text.Json;

namespace PayNet.Sandbox.Tests.TopUp;

/// <summary>The sandbox-only routes under /__sandbox/topup.</summary>
public sealed class TopUpControlTests : TopUpTestBase
{
    [Fact]
    public async Task Settling_a_pending_top_up_finishes_it()
    {
        var confirm = await Client.Recharge("settle-1", "971550000007", 50);
        Assert.Equal(0, confirm.State);
        var settled = await Client.Control(HttpMethod.Post, $"/topup/transactions/{confirm.Id}/settle", new { state = 1 });
        Assert.Equal(1, settled.GetProperty("transaction").GetProperty("state").GetInt32());
        Assert.Equal(1, (await Client.Find("settle-1")).State);
    }

    [Fact]
    public async Task Settling_as_failed_refunds_and_settling_a_final_one_is_refused()
    {
        decimal before = await Client.Balance();
        await Client.Recharge("settle-2", "971550000008", 50);
        await Client.Control(HttpMethod.Post, "/topup/transactions/settle-2/settle", new { state = 2, error = "Timeout at operator" });
        var find = await Client.Find("settle-2");
        Assert.Equal(2, find.State);
        Assert.Equal("Timeout at operator", find.Transaction.GetProperty("error").GetString());
        Assert.Equal(before, await Client.Balance());

        using var again = await Client.Http.PostAsync("/__sandbox/topup/transactions/settle-2/settle", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Forcing_a_state_overrides_the_scenario()
    {
        var confirm = await Client.Recharge("force-1", "971550000001", 50);
        await Client.Control(HttpMethod.Post, $"/topup/transactions/{confirm.Id}/state", new { state = 6 });
        for (int i = 0; i < 4; i++) Assert.Equal(6, (await Client.Find("force-1")).State);
    }

    [Fact]
    public async Task An_armed_error_answers_the_next_calls_then_goes_away()
    {
        var confirm = await Client.Recharge("err-1", "971550000000", 50);
        await Client.Control(HttpMethod.Post, $"/topup/transactions/{confirm.Id}/state", new { errorCode = 23, errorCount = 2 });
        Assert.Equal(23, (await Client.Find("err-1")).ErrorCode);
        Assert.Equal(23, (await Client.FindById(confirm.Id)).ErrorCode);
        Assert.Equal(1, (await Client.Find("err-1")).State);
    }

    [Fact]
    public async Task Transactions_can_be_listed_with_their_sandbox_details()
    {
        await Client.Recharge("list-1", "971550000001", 50);
        await Client.Find("list-1");
        var list = await Client.Control(HttpMethod.Get, "/topup/transactions");
        // The documented confirm examples' reservations are listed too (SeedDocumentedTransactions).
        var t = Assert.Single(list.GetProperty("transactions").EnumerateArray(),
            x => x.GetProperty("transaction").TryGetProperty("external_transaction_id", out var e) && e.GetString() == "list-1");
        Assert.Equal("list-1", t.GetProperty("transaction").GetProperty("external_transaction_id").GetString());
        Assert.Equal("01", t.GetProperty("sandbox").GetProperty("scenario").GetString());
        Assert.Equal(1, t.GetProperty("sandbox").GetProperty("finds").GetInt32());
    }

    [Fact]
    public async Task The_balance_can_be_set_and_reset_restores_the_seed()
    {
        await Client.Control(HttpMethod.Post, $"/topup/pos/{Client.PosId}/balance", new { balance = 12.34m });
        Assert.Equal(12.34m, await Client.Balance());
        await Client.Recharge("gone", "971550000000", 5);
        await Client.Reset();
        Assert.Equal(Sandbox.Options.TopUp.StartingBalance, await Client.Balance());
        Assert.Equal(22, (await Client.Find("gone")).ErrorCode);
        var pos = await Client.Control(HttpMethod.Get, "/topup/pos");
        Assert.Equal(2, pos.GetProperty("pos").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_POS_or_transaction_in_a_control_route_is_404()
    {
        using var pos = await Client.Http.PostAsync("/__sandbox/topup/pos/999999/reset-key", null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, pos.StatusCode);
        using var t = await Client.Http.PostAsync("/__sandbox/topup/transactions/nope/settle", null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, t.StatusCode);
    }
}
