using System.Net;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>Tenant 2FA (§6.1.1 <c>otp</c>): the switch, the OTP_REQUIRED refusal, the OTP read through /__sandbox.</summary>
public sealed class WalletLoginOtpTests : WalletTestBase
{
    public WalletLoginOtpTests(WalletFixture fixture) : base(fixture) { }

    private Task<WalletResponse> LoginWith(string? otp, string principal = "48889", string pin = "1234") =>
        Wallet.LoginRaw(principal, pin, otp is null ? new { authType = "SESSION" } : new { authType = "SESSION", otp });

    [Fact]
    public async Task Without_the_switch_login_ignores_an_otp()
    {
        (await LoginWith(null)).AssertSuccess();
        (await LoginWith("000000")).AssertSuccess();
    }

    [Fact]
    public async Task A_2FA_tenant_refuses_a_login_without_otp_with_OTP_REQUIRED_and_sends_one()
    {
        await Wallet.Control("wallet/switches", new { loginOtpRequired = true });
        var refused = (await LoginWith(null)).AssertFailure(HttpStatusCode.Unauthorized, "OTP_REQUIRED");
        Assert.False(refused.SessionExpired);
        Assert.False(refused.Root.TryGetProperty("sessionId", out _));
        Assert.Contains("otp", refused.LongMessage, StringComparison.OrdinalIgnoreCase);

        // The OTP went to the member's registered mobile; the sandbox shows it.
        var (status, last) = await Wallet.ControlGet("otp/last?medium=9555292137");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Login", last.GetProperty("actionType").GetString());
        Assert.Equal("123456", last.GetProperty("otp").GetString());

        var admitted = (await LoginWith("123456")).AssertSuccess();
        Assert.Matches("^[0-9a-f]{32}$", admitted.Root.GetProperty("sessionId").GetString()!);
    }

    [Fact]
    public async Task The_PIN_is_checked_before_the_otp_and_a_wrong_pin_sends_nothing()
    {
        await Wallet.Control("wallet/switches", new { loginOtpRequired = true });
        (await LoginWith(null, pin: "9999")).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        Assert.Equal(HttpStatusCode.NotFound, (await Wallet.ControlGet("otp/last?medium=9555292137")).Status);
    }

    [Fact]
    public async Task A_login_otp_is_single_use_expires_and_three_wrong_tries_burn_it()
    {
        await Wallet.Control("wallet/switches", new { loginOtpRequired = true });
        var (_, issued) = await Wallet.ControlGet("otp/login?principal=48889");
        string otp = issued.GetProperty("otp").GetString()!;
        Assert.Equal("9555292137", issued.GetProperty("medium").GetString());

        (await LoginWith(otp)).AssertSuccess();
        (await LoginWith(otp)).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP"); // used up

        (await Wallet.ControlGet("otp/login?principal=48889")).Body.GetProperty("otp").GetString();
        await Wallet.AdvanceMinutes(6);
        (await LoginWith(otp)).AssertFailure(HttpStatusCode.BadRequest, "OTP_EXPIRED");

        (await Wallet.ControlGet("otp/login?principal=48889")).Body.GetProperty("otp").GetString();
        for (int i = 0; i < 3; i++) (await LoginWith("000000")).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
        (await LoginWith(otp)).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
    }

    [Fact]
    public async Task The_control_route_returns_the_outstanding_otp_rather_than_replacing_it()
    {
        await using var server = await SandboxServer.StartAsync(o =>
        {
            o.Wallet.LoginOtpRequired = true;
            o.Wallet.OtpFixedCode = ""; // random codes: the route must hand out the one that works
        });
        using var wallet = new WalletClient(server);
        (await wallet.LoginRaw("86888", "5678")).AssertFailure(HttpStatusCode.Unauthorized, "OTP_REQUIRED");
        var (_, first) = await wallet.ControlGet("otp/login?principal=86888");
        var (_, again) = await wallet.ControlGet("otp/login?principal=7836911911");
        string otp = first.GetProperty("otp").GetString()!;
        Assert.Matches("^[0-9]{6}$", otp);
        Assert.Equal(otp, again.GetProperty("otp").GetString());
        (await wallet.LoginRaw("86888", "5678", new { authType = "SESSION", otp })).AssertSuccess();
    }

    [Fact]
    public async Task Reset_turns_2FA_back_off()
    {
        var switched = await Wallet.Control("wallet/switches", new { loginOtpRequired = true });
        Assert.True(switched.GetProperty("loginOtpRequired").GetBoolean());
        await Wallet.Reset();
        (await LoginWith(null)).AssertSuccess();
    }
}
