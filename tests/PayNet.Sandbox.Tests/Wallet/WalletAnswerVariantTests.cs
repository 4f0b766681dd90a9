using System.Net;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>
/// The answer variants a tenant may use (§2.2 statusCode, §10.5 400 on expiry, §11.10 Http:UseCreatedAccepted),
/// each switchable by option and by control route, and the control route that sets the daily budget.
/// </summary>
public sealed class WalletAnswerVariantTests : WalletTestBase
{
    public WalletAnswerVariantTests(WalletFixture fixture) : base(fixture) { }

    [Fact]
    public async Task The_switches_report_the_defaults_and_refuse_nonsense_whole()
    {
        var (status, view) = await Wallet.ControlGet("wallet/switches");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(view.GetProperty("loginOtpRequired").GetBoolean());
        Assert.Equal(2000, view.GetProperty("rateLimitPerDay").GetInt32());
        Assert.False(view.GetProperty("useCreatedAccepted").GetBoolean());
        Assert.Equal("responseCode", view.GetProperty("codeField").GetString());
        Assert.Equal(401, view.GetProperty("sessionExpiredStatus").GetInt32());

        await Wallet.Control("wallet/switches", new { useCreatedAccepted = true, sessionExpiredStatus = 404 }, HttpStatusCode.BadRequest);
        await Wallet.Control("wallet/switches", new { codeField = "code" }, HttpStatusCode.BadRequest);
        await Wallet.Control("wallet/switches", new { loginOtpRequired = "yes" }, HttpStatusCode.BadRequest);
        await Wallet.Control("wallet/switches", new { }, HttpStatusCode.BadRequest);
        var (_, unchanged) = await Wallet.ControlGet("wallet/switches");
        Assert.False(unchanged.GetProperty("useCreatedAccepted").GetBoolean());
    }

    [Fact]
    public async Task StatusCode_replaces_responseCode_in_every_envelope()
    {
        await Wallet.Control("wallet/switches", new { codeField = "statusCode" });
        var user = await WalletLoginAllowingStatusCode();
        var ok = await user.Get("accounts");
        Assert.Equal("SUCCESS", ok.Root.GetProperty("statusCode").GetString());
        Assert.False(ok.Root.TryGetProperty("responseCode", out _));

        var refused = await user.Post("payments/member-payment", new { transferTypeId = 14, toMemberId = 3, amount = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("INVALID_AMOUNT", refused.Root.GetProperty("statusCode").GetString());
        Assert.False(refused.Root.TryGetProperty("responseCode", out _));

        // Refusals made before any endpoint runs (apikey, unknown path) follow the switch too.
        var unknown = await user.Get("no/such/route");
        Assert.Equal("ENTITY_NOT_FOUND", unknown.Root.GetProperty("statusCode").GetString());
    }

    [Fact]
    public async Task An_expired_session_can_be_400_with_the_same_body()
    {
        await Wallet.Control("wallet/switches", new { sessionExpiredStatus = 400 });
        var user = await Wallet.Login();
        await Wallet.Control($"sessions/{user.Token}/expire");
        var expired = (await user.Get("accounts")).AssertFailure(HttpStatusCode.BadRequest, "SESSION_EXPIRED");
        Assert.True(expired.SessionExpired);
        Assert.Equal("Session expired", expired.LongMessage);

        // Only the expiry moves: bad credentials stay 401.
        (await Wallet.LoginRaw("48889", "0000")).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Created_and_accepted_answer_201_on_registration_and_202_on_a_pending_add_money()
    {
        await Wallet.Control("wallet/switches", new { useCreatedAccepted = true });
        const string mobile = "233249621900";
        (await Wallet.Post("members/registration/generate-otp", new { medium = mobile, actionType = "Registration", otpToMobile = true })).AssertSuccess();
        string resourceId = (await Wallet.Post("members/registration/verify-otp", new { medium = mobile, otp = "123456" }))
            .Root.GetProperty("payloadX").GetProperty("resourceId").GetString()!;
        var registered = await Wallet.Post("members/registration",
            new { resourceId, groupId = 5, name = "Kofi Boateng", email = "kofi@example.com", mobileNo = mobile, pin = "2580", confirmPin = "2580" });
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.True(registered.Ok);

        var user = await Wallet.Login();
        var pending = await user.Post("payments/confirm/system-payment", new { transferTypeId = 27, amount = 200.00m, traceNumber = "ADD-202", transactionPin = "1234" });
        Assert.Equal(HttpStatusCode.Accepted, pending.Status);
        Assert.True(pending.Payload("ConfirmPaymentResult").GetProperty("pending").GetBoolean());

        // A payment that is processed at once is still 200, and so is a validation.
        var paid = await user.Post("payments/confirm/member-payment", new { transferTypeId = 14, toMemberId = 3, amount = 10.00m, traceNumber = "P2P-200", transactionPin = "1234" });
        Assert.Equal(HttpStatusCode.OK, paid.Status);
        Assert.Equal(HttpStatusCode.OK, (await user.Post("payments/system-payment", new { transferTypeId = 27, amount = 5.00m })).Status);
    }

    [Fact]
    public async Task Options_set_the_same_variants_at_start()
    {
        await using var server = await SandboxServer.StartAsync(o =>
        {
            o.Wallet.CodeField = "statusCode";
            o.Wallet.SessionExpiredStatus = 400;
            o.Wallet.UseCreatedAccepted = true;
        });
        using var wallet = new WalletClient(server);
        var (_, view) = await wallet.ControlGet("wallet/switches");
        Assert.Equal("statusCode", view.GetProperty("codeField").GetString());
        var unknownToken = await wallet.Get("accounts", token: "0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.BadRequest, unknownToken.Status);
        Assert.Equal("SESSION_EXPIRED", unknownToken.Root.GetProperty("statusCode").GetString());
        Assert.True(unknownToken.SessionExpired);
    }

    [Fact]
    public async Task The_rate_limit_route_sets_the_daily_budget_low_and_reset_restores_it()
    {
        var set = await Wallet.Control("rate-limit", new { limit = 3 });
        Assert.Equal(3, set.GetProperty("limit").GetInt32());
        var user = await Wallet.Login();
        var second = (await user.Get("accounts")).AssertSuccess();
        Assert.Equal("3", second.Header("X-RateLimit-Limit"));
        (await user.Get("accounts")).AssertSuccess();
        (await user.Get("accounts")).AssertFailure(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        await Wallet.Control("rate-limit", new { limit = -1 }, HttpStatusCode.BadRequest);
        await Wallet.Control("rate-limit", new { }, HttpStatusCode.BadRequest);

        await Wallet.Reset();
        var fresh = await Wallet.Login();
        Assert.Equal("2000", (await fresh.Get("accounts")).Header("X-RateLimit-Limit"));
    }

    private async Task<WalletUser> WalletLoginAllowingStatusCode()
    {
        var response = await Wallet.LoginRaw("48889", "1234");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("SUCCESS", response.Root.GetProperty("statusCode").GetString());
        return new WalletUser(Wallet, response.Root.GetProperty("sessionId").GetString()!);
    }
}
