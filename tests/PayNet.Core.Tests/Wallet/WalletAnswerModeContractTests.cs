using System.Net.Http.Json;
using System.Text.Json;
using PayNet.Core.Security;
using PayNet.Core.Wallet;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Wallet;

/// <summary>
/// The client's contract with the Wallet API, run in every answer mode the spec allows and the sandbox can
/// produce: responseCode or statusCode (§2.2), 401 or 400 for an expired session (§10.5), 200 or 201/202
/// (§11.10 Http:UseCreatedAccepted), 429 or 503 for the spent budget (§11.8).
/// </summary>
public sealed class WalletAnswerModeContractTests
{
    public static IEnumerable<object[]> Modes() => new[]
    {
        new object[] { "Default" },
        new object[] { "StatusCode" },
        new object[] { "CreatedAccepted" },
        new object[] { "ExpiredAs400" },
        new object[] { "All" },
    };

    private static void Configure(string mode, SandboxOptions options)
    {
        var wallet = options.Wallet;
        if (mode is "StatusCode" or "All") wallet.CodeField = "statusCode";
        if (mode is "CreatedAccepted" or "All") wallet.UseCreatedAccepted = true;
        if (mode is "ExpiredAs400" or "All") wallet.SessionExpiredStatus = 400;
        if (mode is "All") wallet.RateLimitStatus = 503;
    }

    private static async Task<(SandboxServer Server, HttpClient Control)> StartAsync(string mode)
    {
        var server = await SandboxServer.StartAsync(o => Configure(mode, o));
        var control = new HttpClient { BaseAddress = server.RootUri };
        using var doc = JsonDocument.Parse(await control.GetStringAsync("/__sandbox/wallet/switches"));
        Assert.Equal(mode is "StatusCode" or "All" ? "statusCode" : "responseCode", doc.RootElement.GetProperty("codeField").GetString());
        return (server, control);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Registration_payment_and_add_money_work_in_every_mode(string mode)
    {
        var (server, control) = await StartAsync(mode);
        await using var _ = server;
        using var __ = control;
        using var anonymous = SandboxWallet.Client(server);

        const string mobile = "9779800000077";
        await anonymous.GenerateOtpAsync(mobile);
        string resourceId = await anonymous.VerifyOtpAsync(mobile, "123456");
        var member = await anonymous.RegisterAsync(new WalletRegistration(resourceId, "Maya Gurung", "maya@example.com", mobile, new SecretString("1357")));
        Assert.Equal(6, member.MemberId);

        using var jhon = SandboxWallet.Client(server);
        var paid = await jhon.ExecutePaymentAsync(new WalletPaymentRequest(3, 50.00m) { TraceNumber = $"MODE-{mode}-P2P" });
        Assert.False(paid.Pending);
        Assert.False(paid.Reconciled);
        Assert.Single(await SandboxWallet.LedgerAsync(control, paid.TraceNumber));

        var added = await jhon.AddMoneyAsync(200.00m, traceNumber: $"MODE-{mode}-ADD");
        Assert.True(added.Pending);
        Assert.False(added.Reconciled);
        Assert.Equal(950.00m, (await jhon.GetBalanceAsync()).Balance);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Provider_codes_are_read_in_every_mode(string mode)
    {
        var (server, control) = await StartAsync(mode);
        await using var _ = server;
        using var __ = control;
        using var jhon = SandboxWallet.Client(server);

        var missing = await Assert.ThrowsAnyAsync<PayNetException>(() => jhon.ValidatePaymentAsync(new WalletPaymentRequest("00000", 5.00m)));
        Assert.Equal(PayNetErrorCategory.NotFound, missing.Category);
        Assert.Equal("MEMBER_NOT_FOUND", missing.ProviderCode);

        var poor = await Assert.ThrowsAnyAsync<PayNetException>(() => jhon.ValidatePaymentAsync(new WalletPaymentRequest(3, 4_000.00m)));
        Assert.Equal("NOT_ENOUGH_FUNDS", poor.ProviderCode);
        Assert.Equal(PayNetErrorCategory.Rejected, poor.Category);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_expired_session_is_renewed_and_a_refused_confirm_is_sent_again_once(string mode)
    {
        var (server, control) = await StartAsync(mode);
        await using var _ = server;
        using var __ = control;
        using var jhon = SandboxWallet.Client(server);

        await jhon.LoginAsync();
        await SandboxWallet.AdvanceClockAsync(control, 16);
        Assert.Equal(1000.00m, (await jhon.GetBalanceAsync()).Balance);

        var quote = await jhon.ValidatePaymentAsync(new WalletPaymentRequest(3, 25.00m) { TraceNumber = $"MODE-{mode}-EXP" });
        await SandboxWallet.AdvanceClockAsync(control, 16);
        var receipt = await jhon.ExecutePaymentAsync(quote);
        Assert.False(receipt.Reconciled);
        Assert.Single(await SandboxWallet.LedgerAsync(control, quote.TraceNumber));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_spent_budget_and_the_login_otp_are_recognised_in_every_mode(string mode)
    {
        var (server, control) = await StartAsync(mode);
        await using var _ = server;
        using var __ = control;

        (await control.PostAsJsonAsync("/__sandbox/wallet/switches", new { loginOtpRequired = true })).EnsureSuccessStatusCode();
        using (var gated = SandboxWallet.Client(server))
        {
            var otp = await Assert.ThrowsAsync<PayNetOtpRequiredException>(() => gated.LoginAsync());
            Assert.Equal("OTP_REQUIRED", otp.ProviderCode);
            await gated.LoginAsync("123456");
        }

        (await control.PostAsJsonAsync("/__sandbox/rate-limit", new { limit = 0 })).EnsureSuccessStatusCode();
        using var jhon = SandboxWallet.Client(server, configure: o => o.MaxRetries = 3);
        var limited = await Assert.ThrowsAsync<PayNetRateLimitedException>(() => jhon.GetProfileAsync());
        Assert.Equal("RATE_LIMIT_EXCEEDED", limited.ProviderCode);
        Assert.Equal(mode == "All" ? 503 : 429, limited.HttpStatus);
        Assert.Equal(1, jhon.CallsToday); // the login was refused once and not retried
    }
}
