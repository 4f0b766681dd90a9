using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

/// <summary>Login with 2FA (§6.1.1 <c>otp</c>) against the sandbox's 2FA tenant switch.</summary>
public sealed class WalletLoginOtpTests : IClassFixture<WalletSandboxFixture>, IAsyncLifetime
{
    private const string Hint = "Connect-PayNet -Wallet -BaseUri http://127.0.0.1/wallet/api -Principal 48889 -Otp <code>";
    private readonly WalletSandboxFixture _sandbox;

    public WalletLoginOtpTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    public async Task InitializeAsync()
    {
        await SandboxWallet.ResetAsync(_sandbox.Control);
        (await _sandbox.Control.PostAsJsonAsync("/__sandbox/wallet/switches", new { loginOtpRequired = true })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> LoginOtpAsync(string principal = "48889")
    {
        using var doc = JsonDocument.Parse(await _sandbox.Control.GetStringAsync($"/__sandbox/otp/login?principal={principal}"));
        return doc.RootElement.GetProperty("otp").GetString()!;
    }

    private WalletClient Client()
    {
        var client = SandboxWallet.Client(_sandbox.Server);
        client.Settings.ReconnectHint = Hint;
        return client;
    }

    [Fact]
    public async Task Without_an_otp_login_reports_OTP_required_distinctly()
    {
        using var client = Client();
        var error = await Assert.ThrowsAsync<PayNetOtpRequiredException>(() => client.LoginAsync());

        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Equal("OTP_REQUIRED", error.ProviderCode);
        Assert.False(error.DuringRenewal);
        Assert.Contains("requires a login OTP", error.Message);
        Assert.Contains(Hint, error.Message);
        Assert.False(client.IsLoggedIn);
    }

    [Fact]
    public async Task With_the_otp_the_member_signs_in_and_works()
    {
        using var client = Client();
        var data = await client.LoginAsync(await LoginOtpAsync());
        Assert.Equal(2, data.MemberId);
        Assert.Equal(1000.00m, (await client.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task A_wrong_otp_is_an_authentication_error_that_says_so()
    {
        using var client = Client();
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.LoginAsync("000000"));
        Assert.IsNotType<PayNetOtpRequiredException>(error);
        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Equal("INVALID_OTP", error.ProviderCode);
    }

    [Fact]
    public async Task Session_expiry_under_2FA_fails_fast_with_the_reconnect_command_and_never_loops()
    {
        using var client = Client();
        await client.LoginAsync(await LoginOtpAsync());
        await SandboxWallet.AdvanceClockAsync(_sandbox.Control, 16); // idle expiry

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<PayNetOtpRequiredException>(() => client.GetBalanceAsync());
        Assert.True(error.DuringRenewal);
        Assert.Contains("expired", error.Message);
        Assert.Contains("will not try again on its own", error.Message);
        Assert.Contains(Hint, error.Message);

        // Later calls fail at once, without another login attempt (each would text the member a new OTP).
        int calls = client.CallsToday;
        for (int i = 0; i < 3; i++)
            Assert.True((await Assert.ThrowsAsync<PayNetOtpRequiredException>(() => client.GetBalanceAsync())).DuringRenewal);
        Assert.Equal(calls, client.CallsToday);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");

        // A payment attempted meanwhile books nothing.
        await Assert.ThrowsAsync<PayNetOtpRequiredException>(() => client.ExecutePaymentAsync(new WalletPaymentRequest(3, 5.00m) { TraceNumber = "OTP-EXP-1" }));
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Control, "OTP-EXP-1"));

        // Reconnecting with a fresh OTP brings the client back.
        await client.LoginAsync(await LoginOtpAsync());
        Assert.Equal(1000.00m, (await client.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task A_lazy_first_call_on_a_2FA_tenant_is_not_called_a_renewal()
    {
        using var client = Client();
        var error = await Assert.ThrowsAsync<PayNetOtpRequiredException>(() => client.GetBalanceAsync());
        Assert.False(error.DuringRenewal);
    }
}

/// <summary>The login body on the wire.</summary>
public sealed class WalletLoginOtpWireTests
{
    [Fact]
    public async Task The_otp_travels_in_the_login_body_only_when_given_and_never_in_the_log()
    {
        using var kit = new WalletTestKit().WithLogin();
        await kit.Client.LoginAsync();
        var log = new CapturingLog();
        using (PayNet.Core.Http.PayNetLog.Push(log))
            await kit.Client.LoginAsync(" 482913 ");

        var logins = kit.Fake.To("/access/login");
        Assert.False(WalletTestKit.Body(logins[0]).TryGetProperty("otp", out _));
        Assert.Equal("482913", WalletTestKit.Body(logins[1]).GetProperty("otp").GetString());
        Assert.DoesNotContain("482913", log.All);
    }

    [Fact]
    public async Task Any_known_spelling_of_the_otp_refusal_is_recognised()
    {
        using var kit = new WalletTestKit();
        kit.Fake.OnJson("/access/login", WalletSpecExamples.Failure("LOGIN_OTP_REQUIRED", "Enter the code we sent"), 400);
        var error = await Assert.ThrowsAsync<PayNetOtpRequiredException>(() => kit.Client.LoginAsync());
        Assert.Equal("LOGIN_OTP_REQUIRED", error.ProviderCode);
        Assert.Contains("Enter the code we sent", error.Message);
    }
}
