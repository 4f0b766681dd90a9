using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.TopUp;

/// <summary>topup.md §6 and §8: poll find with back-off until a final state, within a bounded wait.</summary>
public class TopUpPollingTests
{
    private static TopUpTransaction Confirmed(TopUpState state = TopUpState.Pending) =>
        new() { Id = "abc", ExternalId = "order-5", Product = "et-mc", Amount = 50m, AmountCurrency = "AED", State = state };

    private sealed class Collect : IProgress<TopUpPollStatus>
    {
        public List<TopUpPollStatus> Reports { get; } = new();
        public void Report(TopUpPollStatus value) { lock (Reports) Reports.Add(value); }
    }

    [Fact]
    public async Task Polls_until_a_final_state_doubling_the_interval_up_to_the_ceiling()
    {
        var handler = new ScriptedHandler((_, n) => Ok(Tx("abc", "order-5", n < 5 ? 0 : 1)));
        using var client = Client(handler, new TopUpSettings
        {
            PollInitialInterval = TimeSpan.FromMilliseconds(10),
            PollMaxInterval = TimeSpan.FromMilliseconds(40),
            PollTimeout = TimeSpan.FromSeconds(10),
        });
        var progress = new Collect();
        var done = await client.WaitForFinalStateAsync(Confirmed(), progress);

        Assert.Equal(TopUpState.Success, done.State);
        Assert.Equal(50m, done.Amount);
        Assert.Equal(5, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/transaction/find", r.Path));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, progress.Reports.Select(p => p.Poll));
        Assert.Equal(new double?[] { 20, 40, 40, 40, null }, progress.Reports.Select(p => p.NextPollIn?.TotalMilliseconds));
    }

    [Theory]
    [InlineData(2, TopUpState.Failed)]
    [InlineData(3, TopUpState.Cancelled)]
    [InlineData(4, TopUpState.Replaced)]
    public async Task Every_final_state_stops_the_polling(int wire, TopUpState expected)
    {
        var handler = new ScriptedHandler((_, n) => Ok(Tx("abc", "order-5", n == 1 ? 6 : wire)));
        using var client = Client(handler);
        var done = await client.WaitForFinalStateAsync(Confirmed(TopUpState.Paused));
        Assert.Equal(expected, done.State);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_final_transaction_is_returned_without_a_request()
    {
        var handler = new ScriptedHandler((_, _) => Ok("{}"));
        using var client = Client(handler);
        var tx = Confirmed(TopUpState.Success);
        Assert.Same(tx, await client.WaitForFinalStateAsync(tx));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Running_out_of_time_throws_Timeout_with_the_external_id()
    {
        var handler = new ScriptedHandler((_, _) => Ok(Tx("abc", "order-5", 0)));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.WaitForFinalStateAsync(Confirmed(), timeout: TimeSpan.FromMilliseconds(150)));
        Assert.Equal(PayNetErrorCategory.Timeout, error.Category);
        Assert.Equal("order-5", error.Reference);
        Assert.Contains("Pending", error.Message);
        Assert.NotEmpty(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        var handler = new ScriptedHandler((_, _) => Ok(Tx("abc", "order-5", 0)));
        using var client = Client(handler, new TopUpSettings { PollInitialInterval = TimeSpan.FromSeconds(30), PollMaxInterval = TimeSpan.FromSeconds(60) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForFinalStateAsync(Confirmed(), cancellationToken: cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Transient_find_errors_do_not_end_the_wait()
    {
        var handler = new ScriptedHandler((_, n) => n switch
        {
            1 => Error(23, "Could not get transaction info"),
            2 => Error(20, "Transaction not found"),
            _ => Ok(Tx("abc", "order-5", 1)),
        });
        using var client = Client(handler);
        Assert.Equal(TopUpState.Success, (await client.WaitForFinalStateAsync(Confirmed())).State);
    }

    [Fact]
    public async Task New_seen_while_polling_re_sends_the_confirm_the_client_made()
    {
        int finds = 0;
        var handler = new ScriptedHandler((r, _) => r.Path switch
        {
            "/transaction/confirm" => Ok(Tx("abc", "order-5", 0)),
            _ => Ok(Tx("abc", "order-5", Interlocked.Increment(ref finds) == 1 ? -1 : 1)),
        });
        using var client = Client(handler);
        var checkedTx = Confirmed(TopUpState.New);
        var pending = await client.ConfirmAsync(checkedTx);
        var done = await client.WaitForFinalStateAsync(pending);
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Equal(new[] { "/transaction/confirm", "/transaction/find", "/transaction/confirm", "/transaction/find" }, handler.Paths);
        Assert.Equal(50m, handler.Requests[2].Json.GetProperty("fields").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_checked_but_never_confirmed_transaction_is_not_confirmed_by_waiting()
    {
        var handler = new ScriptedHandler((_, _) => Ok(Tx("abc", "order-5", -1)));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.WaitForFinalStateAsync(Confirmed(TopUpState.New)));
        Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
        Assert.DoesNotContain("/transaction/confirm", handler.Paths);
    }
}
