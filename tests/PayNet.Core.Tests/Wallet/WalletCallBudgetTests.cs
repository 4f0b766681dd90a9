using System.Net.Http.Json;
using PayNet.Core.Http;
using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

/// <summary>The daily call budget (§3, §9, §11.8): counting, the 90 % warning, and the refusal that is never retried.</summary>
public sealed class WalletCallBudgetTests
{
    private const string Accounts = """{ "status": true, "payload": { "MemberAccounts": [ { "id": 1001, "isDefault": true, "type": { "id": 5, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "GHS" } } } ] } }""";

    private static HttpResponseMessage WithBudgetHeaders(HttpResponseMessage response, int limit, int remaining, long reset)
    {
        response.Headers.Add("X-RateLimit-Limit", limit.ToString());
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString());
        response.Headers.Add("X-RateLimit-Reset", reset.ToString());
        return response;
    }

    [Theory]
    [InlineData(429, "responseCode")]
    [InlineData(503, "responseCode")]
    [InlineData(400, "statusCode")]
    [InlineData(200, "statusCode")]
    public async Task A_budget_refusal_is_PayNetRateLimited_sent_once_even_with_retries(int http, string codeField)
    {
        using var kit = new WalletTestKit(maxRetries: 3).WithLogin();
        string body = WalletSpecExamples.RateLimited.Replace("responseCode", codeField);
        kit.Fake.On("/accounts", _ => FakeHandler.Json(http, body));

        var error = await Assert.ThrowsAsync<PayNetRateLimitedException>(() => kit.Client.GetWalletsAsync());

        Assert.Equal(PayNetErrorCategory.LimitsExceeded, error.Category);
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.ProviderCode);
        Assert.True(error.WasSent);
        Assert.Single(kit.Fake.To("/accounts"));
        Assert.Contains("Nothing was executed", error.Message);
        Assert.True(kit.Client.IsRateLimited);
        Assert.Equal(0, kit.Client.CallsLeftToday);
    }

    [Fact]
    public async Task After_the_refusal_nothing_is_sent_until_the_reset()
    {
        using var kit = new WalletTestKit(maxRetries: 3).WithLogin();
        long reset = DateTimeOffset.UtcNow.AddHours(3).ToUnixTimeSeconds();
        kit.Fake.On("/accounts", _ => WithBudgetHeaders(FakeHandler.Json(429, WalletSpecExamples.RateLimited), 2000, 0, reset));
        await Assert.ThrowsAsync<PayNetRateLimitedException>(() => kit.Client.GetWalletsAsync());
        int sent = kit.Fake.Requests.Count;

        for (int i = 0; i < 5; i++)
        {
            var local = await Assert.ThrowsAsync<PayNetRateLimitedException>(() => kit.Client.GetWalletsAsync());
            Assert.False(local.WasSent);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset), local.ResetsAt);
            Assert.Contains("was not sent", local.Message);
        }
        Assert.Equal(sent, kit.Fake.Requests.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset), kit.Client.CallBudgetResetsAt);
    }

    [Fact]
    public async Task A_confirm_refused_for_the_budget_is_not_an_unknown_outcome_and_is_not_reconciled()
    {
        using var kit = new WalletTestKit(maxRetries: 3).WithLogin();
        kit.Fake.OnJson("/payments/member-payment", WalletSpecExamples.DoPaymentResult)
            .On("/payments/confirm/member-payment", _ => FakeHandler.Json(503, WalletSpecExamples.RateLimited));
        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 100.00m));

        var error = await Assert.ThrowsAsync<PayNetRateLimitedException>(() => kit.Client.ExecutePaymentAsync(quote));

        Assert.Equal(quote.TraceNumber, error.Reference);
        Assert.Single(kit.Fake.To("/payments/confirm/member-payment"));
        Assert.Empty(kit.Fake.To("/history"));
    }

    [Fact]
    public async Task The_90_percent_warning_is_raised_once_and_written_once()
    {
        using var kit = new WalletTestKit(configure: s => s.DailyCallBudget = 10).WithLogin();
        kit.Fake.OnJson("/accounts", Accounts).OnJson("/accounts/1001/status", """{ "status": true, "payload": { "AccountStatus": { "balance": 1 } } }""");
        var raised = new List<WalletCallBudgetEventArgs>();
        kit.Client.CallBudgetWarning += (_, e) => raised.Add(e);
        var log = new CapturingLog();
        using (PayNetLog.Push(log))
        {
            for (int i = 0; i < 4; i++) await kit.Client.GetWalletsAsync(); // login + 8 calls = 9 of 10
        }

        var warning = Assert.Single(raised);
        Assert.Equal(9, warning.Used);
        Assert.Equal(10, warning.Limit);
        Assert.Equal(1, warning.Left);
        Assert.Single(log.Lines, l => l.StartsWith("WARNING:") && l.Contains("9 of 10 Wallet calls used today"));
        Assert.Equal(9, kit.Client.CallsUsedToday);
        Assert.Equal(1, kit.Client.CallsLeftToday);
    }

    [Fact]
    public async Task The_servers_headers_count_calls_other_clients_of_the_member_made()
    {
        using var kit = new WalletTestKit().WithLogin();
        long reset = DateTimeOffset.UtcNow.AddHours(5).ToUnixTimeSeconds();
        kit.Fake.On("/accounts", _ => WithBudgetHeaders(FakeHandler.Json(200, Accounts), 500, 40, reset));
        var raised = 0;
        kit.Client.CallBudgetWarning += (_, _) => raised++;

        await Assert.ThrowsAnyAsync<PayNetException>(() => kit.Client.GetWalletsAsync()); // the status route is not served

        Assert.Equal(500, kit.Client.DailyCallLimit);
        Assert.Equal(460, kit.Client.CallsUsedToday);
        Assert.Equal(40, kit.Client.CallsLeftToday);
        Assert.Equal(1, raised); // 460 of 500 is past 90 %
        Assert.True(kit.Client.CallsToday < 10);
    }

    [Fact]
    public void The_counter_starts_afresh_each_UTC_day()
    {
        var now = new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.Zero);
        var counter = new WalletCallCounter(10, () => now);
        Assert.False(counter.Add(8));
        Assert.True(counter.Add(1));
        counter.MarkExhausted(null);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), counter.ExhaustedUntil);

        now = now.AddMinutes(2);
        Assert.Null(counter.ExhaustedUntil);
        Assert.Equal(0, counter.Today);
        Assert.Equal(10, counter.Left);
        Assert.False(counter.Add(8));
        Assert.True(counter.Add(1)); // the warning comes back with the new day
    }

    [Fact]
    public void A_reset_time_from_a_clock_far_from_ours_falls_back_to_midnight()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var counter = new WalletCallCounter(10, () => now);
        counter.MarkExhausted(new DateTimeOffset(2024, 1, 19, 0, 0, 0, TimeSpan.Zero)); // a sandbox clock in 2024
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), counter.ExhaustedUntil);
    }
}

/// <summary>The budget against the sandbox, which enforces it (§11.8) and can set it low.</summary>
public sealed class WalletSandboxBudgetTests : IClassFixture<WalletSandboxFixture>, IAsyncLifetime
{
    private readonly WalletSandboxFixture _sandbox;

    public WalletSandboxBudgetTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => SandboxWallet.ResetAsync(_sandbox.Control);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_sandbox_limit_is_reached_refused_once_and_then_not_asked_again()
    {
        (await _sandbox.Control.PostAsJsonAsync("/__sandbox/rate-limit", new { limit = 6 })).EnsureSuccessStatusCode();
        using var client = SandboxWallet.Client(_sandbox.Server, configure: o => o.MaxRetries = 3);
        var warnings = 0;
        client.CallBudgetWarning += (_, _) => warnings++;
        await client.LoginAsync();                 // 1
        await client.GetBalanceAsync(201);         // 2, 3 (list + status)
        Assert.Equal(6, client.DailyCallLimit);
        Assert.Equal(3, client.CallsLeftToday);
        await client.GetBalanceAsync(201);         // 4, 5
        Assert.Equal(0, warnings);

        // Validate is call 6 (the last one; the warning fires), the confirm is refused before anything is booked.
        var refused = await Assert.ThrowsAsync<PayNetRateLimitedException>(() =>
            client.ExecutePaymentAsync(new WalletPaymentRequest(3, 10.00m) { TraceNumber = "BUDGET-1" }));
        Assert.True(refused.WasSent);
        Assert.Equal(6, refused.Limit);
        Assert.Equal(1, warnings);
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Control, "BUDGET-1"));

        int counted = client.CallsToday;
        var local = await Assert.ThrowsAsync<PayNetRateLimitedException>(() => client.GetBalanceAsync(201));
        Assert.False(local.WasSent);
        Assert.Equal(counted, client.CallsToday);
    }
}
