using System.Net.Http.Json;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

/// <summary>Lost answers to a confirm, injected by the sandbox: reconciled from the history, never executed twice.</summary>
public sealed class WalletSandboxFaultTests : IClassFixture<WalletSandboxFixture>, IAsyncLifetime
{
    private readonly WalletSandboxFixture _sandbox;

    public WalletSandboxFaultTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => SandboxWallet.ResetAsync(_sandbox.Control);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("DropAfterCommit", false)]
    [InlineData("Status500", true)]
    [InlineData("Status503", true)]
    [InlineData("Malformed", false)]
    public async Task A_confirm_that_committed_but_lost_its_answer_is_reconciled_and_executed_once(string kind, bool afterCommit)
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 50.00m) { Description = "Fault " + kind });
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SandboxWallet.ConfirmMemberPaymentPath, kind, afterCommit);

        var receipt = await client.ExecutePaymentAsync(quote);

        Assert.True(receipt.Reconciled);
        Assert.Equal(quote.TraceNumber, receipt.TraceNumber);
        Assert.Equal(WalletTransferState.Processed, receipt.State);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber));
        Assert.Equal(950.00m, (await client.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task A_confirm_answered_500_before_committing_is_reported_not_booked_and_nothing_moved()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 50.00m));
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SandboxWallet.ConfirmMemberPaymentPath, "Status500");

        // A 500 is a complete answer, and every settle lookup after it showed nothing: a known failure, safe to send again.
        var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() => client.ExecutePaymentAsync(quote));

        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.Equal(500, error.HttpStatus);
        Assert.Equal(quote.TraceNumber, error.Reference);
        Assert.Contains("not booked", error.Message);
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber));
        Assert.Equal(1000.00m, (await client.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task A_confirm_with_no_answer_that_books_after_the_settle_lookups_is_state_unknown_never_not_booked()
    {
        // No answer proves nothing: the request may still be running. Here it books after the client's settle schedule.
        using var client = SandboxWallet.Client(_sandbox.Server, configure: o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 50.00m));
        (await _sandbox.Control.PostAsJsonAsync("/__sandbox/faults",
            new { path = SandboxWallet.ConfirmMemberPaymentPath, kind = "Delay", count = 1, delayMs = 3000 })).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => client.ExecutePaymentAsync(quote));

        Assert.Equal(quote.TraceNumber, error.Reference);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber));
    }

    [Fact]
    public async Task Executing_the_same_quote_twice_is_refused_as_a_duplicate_and_books_once()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 50.00m));

        await client.ExecutePaymentAsync(quote);
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.ExecutePaymentAsync(quote));

        Assert.Equal(PayNetErrorCategory.Rejected, error.Category);
        Assert.Equal("DUPLICATE_TRACE_NUMBER", error.ProviderCode);
        Assert.Equal(quote.TraceNumber, error.Reference);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber));
        Assert.Equal(950.00m, (await client.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task A_confirm_refused_for_an_expired_session_is_replayed_once_and_books_once()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 50.00m));
        await SandboxWallet.AdvanceClockAsync(_sandbox.Control, 16);

        var receipt = await client.ExecutePaymentAsync(quote);

        Assert.False(receipt.Reconciled);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber));
    }

    [Fact]
    public async Task A_rate_limited_read_is_retried_after_the_servers_wait()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, "/wallet/api/accounts", "Status429");

        var wallets = await client.GetWalletsAsync();

        Assert.NotEmpty(wallets);
    }
}

/// <summary>§12.7 with a small budget so the test stays short.</summary>
public sealed class WalletSandboxRateLimitTests
{
    [Fact]
    public async Task Calls_past_the_daily_budget_are_limits_exceeded_until_midnight_UTC()
    {
        await using var server = await Sandbox.SandboxServer.StartAsync(o => o.Wallet.RateLimitPerDay = 5);
        using var control = new HttpClient { BaseAddress = server.RootUri };
        using var client = SandboxWallet.Client(server, configure: o => o.MaxRetries = 0);

        PayNetException? error = null;
        for (int i = 0; i < 10 && error is null; i++)
        {
            try { await client.GetProfileAsync(); }
            catch (PayNetException ex) { error = ex; }
        }

        Assert.NotNull(error);
        Assert.Equal(PayNetErrorCategory.LimitsExceeded, error!.Category);
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.ProviderCode);
        Assert.True(client.CallsToday > 5, $"counted {client.CallsToday}");
        Assert.IsType<PayNetRateLimitedException>(error);

        // This connection sends nothing more until the reset it was told; a new day on the server serves a new connection.
        int sent = client.CallsToday;
        Assert.False((await Assert.ThrowsAsync<PayNetRateLimitedException>(() => client.GetProfileAsync())).WasSent);
        Assert.Equal(sent, client.CallsToday);
        await SandboxWallet.AdvanceClockAsync(control, 24 * 60);
        using var nextDay = SandboxWallet.Client(server, configure: o => o.MaxRetries = 0);
        Assert.Equal("Jhon Doe", (await nextDay.GetProfileAsync()).Name);
    }
}
