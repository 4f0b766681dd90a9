using System.Net;

namespace PayNet.Sandbox.Tests.Wallet;

public sealed class WalletRateLimitTests
{
    private static readonly DateTimeOffset LateEvening = new(2024, 1, 18, 23, 50, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_response_carries_the_rate_limit_headers()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.RateLimitPerDay = 5);
        using var wallet = new WalletClient(server);
        var user = await wallet.Login(); // call 1
        var response = await user.Get("accounts"); // call 2
        Assert.Equal("5", response.Header("X-RateLimit-Limit"));
        Assert.Equal("3", response.Header("X-RateLimit-Remaining"));
        long nextMidnight = new DateTimeOffset(2024, 1, 19, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal(nextMidnight.ToString(), response.Header("X-RateLimit-Reset"));

        var failed = await user.Get("accounts/999"); // failures count too
        Assert.Equal("2", failed.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task The_call_after_the_budget_is_429_until_midnight_UTC_of_the_sandbox_clock()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.RateLimitPerDay = 5);
        using var wallet = new WalletClient(server);
        await wallet.SetClock(LateEvening);
        var user = await wallet.Login();
        for (int i = 0; i < 4; i++) (await user.Get("accounts")).AssertSuccess();

        var refused = (await user.Get("accounts")).AssertFailure(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.False(refused.SessionExpired);
        Assert.Equal("Rate limit exceeded", refused.Root.GetProperty("errors")[0].GetProperty("shortMessage").GetString());
        Assert.Equal("Maximum of 5 API calls per day reached", refused.LongMessage);
        Assert.Equal("0", refused.Header("X-RateLimit-Remaining"));

        // Sandbox routes are not counted and still work.
        var (status, _) = await wallet.ControlGet("ledger");
        Assert.Equal(HttpStatusCode.OK, status);

        await wallet.AdvanceMinutes(9); // 23:59, same day
        (await user.Get("accounts")).AssertFailure(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        await wallet.AdvanceMinutes(2); // 00:01 next day; the session is still fresh
        var allowed = (await user.Get("accounts")).AssertSuccess();
        Assert.Equal("4", allowed.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task The_budget_is_per_member_and_the_sandbox_can_reset_it()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.RateLimitPerDay = 3);
        using var wallet = new WalletClient(server);
        var jhon = await wallet.Login();
        (await jhon.Get("accounts")).AssertSuccess();
        (await jhon.Get("accounts")).AssertSuccess();
        (await jhon.Get("accounts")).AssertFailure(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");

        var avatar = await wallet.Login("86888", "5678");
        (await avatar.Get("accounts")).AssertSuccess();

        await wallet.Control("rate-limit/reset");
        (await jhon.Get("accounts")).AssertSuccess();
    }

    [Fact]
    public async Task The_rate_limit_status_can_be_503()
    {
        await using var server = await SandboxServer.StartAsync(o =>
        {
            o.Wallet.RateLimitPerDay = 1;
            o.Wallet.RateLimitStatus = 503;
        });
        using var wallet = new WalletClient(server);
        var user = await wallet.Login();
        (await user.Get("accounts")).AssertFailure(HttpStatusCode.ServiceUnavailable, "RATE_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task The_rate_limit_is_checked_before_the_session()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.RateLimitPerDay = 1);
        using var wallet = new WalletClient(server);
        var user = await wallet.Login();
        await wallet.AdvanceMinutes(16); // the session is idle-expired, the member's budget is spent
        (await user.Get("accounts")).AssertFailure(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
    }
}
