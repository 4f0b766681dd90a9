using System.Net;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

public sealed class WalletAuthTests : WalletTestBase
{
    public WalletAuthTests(WalletFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Login_returns_a_top_level_session_id_and_InitialData()
    {
        var response = (await Wallet.LoginRaw("48889", "1234")).AssertSuccess();
        Assert.Matches("^[0-9a-f]{32}$", response.Root.GetProperty("sessionId").GetString());
        Assert.False(response.SessionExpired);
        var data = response.Payload("InitialData");
        Assert.Equal(2, data.GetProperty("profile").GetProperty("id").GetInt64());
        Assert.Equal("Jhon Doe", data.GetProperty("profile").GetProperty("name").GetString());
        Assert.False(data.GetProperty("requireTransactionPassword").GetBoolean()); // the seed tenant (wallet.md §11.2)
        Assert.Equal(2, data.GetProperty("decimalCount").GetInt32());
        var wallet = data.GetProperty("accounts")[0];
        Assert.True(wallet.GetProperty("isDefault").GetBoolean());
        Assert.Equal("Customer Wallet", wallet.GetProperty("type").GetProperty("name").GetString());
        Assert.Equal("$", wallet.GetProperty("type").GetProperty("currency").GetProperty("symbol").GetString());
        Assert.Equal("Login successful", response.Root.GetProperty("messages")[0].GetProperty("shortMessage").GetString());
        Assert.False(response.Root.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Login_also_accepts_the_mobile_number_as_principal()
    {
        var user = await Wallet.Login("9555292137", "1234");
        Assert.Equal(1000.00m, await user.Balance());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("SBX-WALLET-APIKEY-4F6C2A9E")]
    public async Task A_missing_or_wrong_apikey_is_401_INVALID_API_KEY_and_reveals_no_data(string? apiKey)
    {
        var user = await Wallet.Login();
        var response = await Wallet.Send(HttpMethod.Get, "accounts/default/status", token: user.Token, configure: r =>
        {
            r.Headers.Remove("apikey");
            if (apiKey is not null) r.Headers.Add("apikey", apiKey);
        });
        response.AssertFailure(HttpStatusCode.Unauthorized, "INVALID_API_KEY");
        Assert.False(response.SessionExpired);
        Assert.DoesNotContain("balance", response.Raw);
    }

    [Fact]
    public async Task The_apikey_is_checked_before_the_credentials_on_login()
    {
        var response = await Wallet.Send(HttpMethod.Post, "access/login", new { authType = "SESSION" }, configure: r =>
        {
            r.Headers.Remove("apikey");
            WalletClient.Basic(r, "48889", "1234");
        });
        response.AssertFailure(HttpStatusCode.Unauthorized, "INVALID_API_KEY");
        Assert.False(response.Root.TryGetProperty("sessionId", out _));
    }

    [Fact]
    public async Task A_wrong_PIN_is_401_INVALID_CREDENTIALS_and_the_third_blocks_until_unblocked()
    {
        (await Wallet.LoginRaw("48889", "9999")).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await Wallet.LoginRaw("48889", "9999")).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await Wallet.LoginRaw("48889", "9999")).AssertFailure(HttpStatusCode.Unauthorized, "BLOCKED_CREDENTIALS");
        (await Wallet.LoginRaw("48889", "1234")).AssertFailure(HttpStatusCode.Unauthorized, "BLOCKED_CREDENTIALS");

        await Wallet.Control("members/2/unblock");
        await Wallet.Login("48889", "1234");
    }

    [Fact]
    public async Task A_correct_login_resets_the_failure_count()
    {
        await Wallet.LoginRaw("48889", "9999");
        await Wallet.LoginRaw("48889", "9999");
        await Wallet.Login();
        (await Wallet.LoginRaw("48889", "9999")).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Unknown_principal_missing_or_garbled_Basic_header_are_INVALID_CREDENTIALS()
    {
        (await Wallet.LoginRaw("00000", "1234")).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await Wallet.Post("access/login", new { authType = "SESSION" })).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await Wallet.Post("access/login", new { authType = "SESSION" }, configure: r => r.Headers.Add("Authorization", "Basic !!notbase64")))
            .AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Login_needs_authType_SESSION()
    {
        (await Wallet.LoginRaw("48889", "1234", new { })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.LoginRaw("48889", "1234", new { authType = "COOKIE" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.LoginRaw("48889", "1234", new { AUTHTYPE = "session" })).AssertSuccess();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Missing_or_unknown_token_gets_exactly_the_session_expired_body(string? token)
    {
        var response = await Wallet.Get("accounts", token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        AssertExactSessionExpiredBody(response);
    }

    [Fact]
    public async Task The_session_header_name_is_case_insensitive()
    {
        var user = await Wallet.Login();
        var response = await Wallet.Send(HttpMethod.Get, "accounts", configure: r => r.Headers.Add("PAYNET-SESSION-TOKEN", user.Token));
        response.AssertSuccess();
    }

    [Fact]
    public async Task A_session_idle_for_15_minutes_expires_by_the_sandbox_clock()
    {
        var user = await Wallet.Login();
        await Wallet.AdvanceMinutes(14);
        (await user.Get("accounts")).AssertSuccess(); // refreshes idle time
        await Wallet.AdvanceMinutes(14);
        (await user.Get("accounts")).AssertSuccess();
        await Wallet.AdvanceMinutes(16);
        var expired = await user.Get("accounts");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        AssertExactSessionExpiredBody(expired);

        var again = await Wallet.Login();
        (await again.Get("accounts")).AssertSuccess();
    }

    [Fact]
    public async Task A_session_ends_after_24_hours_even_when_used()
    {
        var user = await Wallet.Login();
        for (int i = 0; i < 24 * 6 - 1; i++)
        {
            await Wallet.AdvanceMinutes(10);
            (await user.Get("accounts")).AssertSuccess(); // never idle; the last one is at 23 h 50 min
        }
        await Wallet.AdvanceMinutes(10);
        AssertExactSessionExpiredBody(await user.Get("accounts"));
    }

    [Fact]
    public async Task The_sandbox_can_expire_one_session()
    {
        var first = await Wallet.Login();
        var second = await Wallet.Login();
        await Wallet.Control($"sessions/{first.Token}/expire");
        AssertExactSessionExpiredBody(await first.Get("accounts"));
        (await second.Get("accounts")).AssertSuccess();
        await Wallet.Control($"sessions/{first.Token}/expire", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Logout_ends_the_calling_session_and_the_members_other_sessions()
    {
        var first = await Wallet.Login();
        var second = await Wallet.Login();
        var other = await Wallet.Login("86888", "5678");
        (await first.Post("access/logout")).AssertSuccess();
        AssertExactSessionExpiredBody(await first.Get("accounts"));
        AssertExactSessionExpiredBody(await second.Get("accounts"));
        (await other.Get("accounts")).AssertSuccess();
    }

    [Fact]
    public async Task InitialData_and_profile_are_available_without_logging_in_again()
    {
        var user = await Wallet.Login();
        var data = (await user.Get("access/initialData")).AssertSuccess().Payload("InitialData");
        Assert.Equal("48889", data.GetProperty("profile").GetProperty("username").GetString());
        var me = (await user.Get("members/me")).AssertSuccess().Payload("Member");
        Assert.Equal(2, me.GetProperty("id").GetInt64());
        Assert.Equal("9555292137", me.GetProperty("mobileNumber").GetString());
        Assert.Equal(JsonValueKind.Array, me.GetProperty("customValues").ValueKind);
    }

    [Fact]
    public async Task Session_failures_come_before_body_errors()
    {
        var response = await Wallet.Post("payments/member-payment", "{not json", token: "unknown");
        AssertExactSessionExpiredBody(response);
    }

    internal static void AssertExactSessionExpiredBody(WalletResponse response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        using var expected = JsonDocument.Parse("""
            {"status":false,"sessionExpired":true,"failed":true,"responseCode":"SESSION_EXPIRED","errors":[{"shortMessage":"Session expired","longMessage":"Session expired"}]}
            """);
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement), response.Raw);
    }
}
