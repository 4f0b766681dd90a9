using System.Net;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>The §2/§11.10 envelope on every kind of answer, and bad input that must never become a 500.</summary>
public sealed class WalletEnvelopeTests : WalletTestBase
{
    public WalletEnvelopeTests(WalletFixture fixture) : base(fixture) { }

    public static readonly TheoryData<string> JsonPostEndpoints = new()
    {
        "access/login", "members/registration/generate-otp", "members/registration/verify-otp", "members/registration",
        "payments/member-payment", "payments/confirm/member-payment", "payments/system-payment", "payments/confirm/system-payment",
        "members/self/pin", "agreements/accept", "qr/create", "qr/decode", "qr/pay", "disputes",
    };

    private static readonly string[] GarbageBodies =
    {
        "{not json", "[]", "null", "123", "\"text\"", """{"amount":1,"AMOUNT":2}""", """{"amount":{},"toMemberId":[1]}""",
        """{"transferTypeId":1.5,"amount":"1,000.00"}""", """{"agreementIds":[null],"qrString":123,"transferId":"abc"}""",
        """{"medium":[],"otp":{},"actionType":false}""", """{"resourceId":1,"groupId":true,"pin":null}""",
        """{"amount":-79228162514264337593543950335,"toMemberPrincipal":""}""", """{"customValues":[1,2]}""",
    };

    [Theory]
    [MemberData(nameof(JsonPostEndpoints))]
    public async Task Garbage_bodies_get_an_envelope_and_never_a_5xx(string path)
    {
        var jhon = await Wallet.Login();
        foreach (string body in GarbageBodies)
        {
            var response = await Wallet.Post(path, body, jhon.Token, r => WalletClient.Basic(r, "48889", "1234"));
            Assert.True((int)response.Status < 500, $"{path} {body}: {(int)response.Status} {response.Raw}");
            Assert.Equal(!response.Ok, response.Root.GetProperty("failed").GetBoolean());
            Assert.DoesNotContain("   at ", response.Raw);
            if (!response.Ok) Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        }
        Assert.Equal(1000.00m, await jhon.Balance());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"amount":1,"Amount":2}""")]
    public async Task Unreadable_JSON_is_a_400_VALIDATION_ERROR(string body)
    {
        var jhon = await Wallet.Login();
        (await jhon.Post("payments/member-payment", body)).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Theory]
    [InlineData("GET", "access/login")]
    [InlineData("GET", "payments/confirm/member-payment")]
    [InlineData("DELETE", "accounts")]
    [InlineData("POST", "accounts/default/history")]
    [InlineData("PUT", "qr/create")]
    [InlineData("DELETE", "disputes/70001")]
    public async Task A_wrong_method_on_a_known_path_is_405_METHOD_NOT_ALLOWED(string method, string path)
    {
        var jhon = await Wallet.Login();
        var response = await Wallet.Send(new HttpMethod(method), path, method == "GET" || method == "DELETE" ? null : new { }, jhon.Token);
        response.AssertFailure(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.False(response.SessionExpired);
    }

    [Theory]
    [InlineData("nothing/here")]
    [InlineData("accounts/abc")]
    [InlineData("disputes/abc")]
    public async Task An_unknown_path_is_404_ENTITY_NOT_FOUND(string path)
    {
        var jhon = await Wallet.Login();
        (await jhon.Get(path)).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
    }

    [Theory]
    [InlineData("500", HttpStatusCode.InternalServerError, "INTERNAL_ERROR")]
    [InlineData("503", HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE")]
    [InlineData("504", HttpStatusCode.GatewayTimeout, "GATEWAY_TIMEOUT")]
    public async Task The_X_Sandbox_Fault_header_injects_a_server_error_envelope(string fault, HttpStatusCode status, string code)
    {
        var jhon = await Wallet.Login();
        var response = await Wallet.Send(HttpMethod.Post, "payments/confirm/member-payment",
            new { toMemberId = 3, amount = 5, transactionPin = "1234" }, jhon.Token, r => r.Headers.Add("X-Sandbox-Fault", fault));
        response.AssertFailure(status, code);
        Assert.Equal(1000.00m, await jhon.Balance());
    }

    [Fact]
    public async Task Success_envelopes_carry_messages_and_omit_nulls()
    {
        var jhon = await Wallet.Login();
        long id = await jhon.Pay(new { toMemberId = 3, amount = 5, transactionPin = "1234" }); // no description, no trace
        foreach (string path in new[] { "accounts", "accounts/info", "accounts/default/history", $"accounts/transfer-data/{id}", "members/me", "agreements" })
        {
            var response = (await jhon.Get(path)).AssertSuccess();
            Assert.False(response.SessionExpired);
            Assert.NotEmpty(response.Root.GetProperty("messages").EnumerateArray());
            Assert.False(response.Root.TryGetProperty("errors", out _));
            Assert.DoesNotContain(":null", response.Raw);
        }
        var line = (await jhon.History())[0];
        Assert.False(line.TryGetProperty("description", out _));
        Assert.False(line.TryGetProperty("traceNumber", out _));
    }

    [Fact]
    public async Task Failure_envelopes_have_the_documented_fields_only()
    {
        var jhon = await Wallet.Login();
        var response = (await jhon.Post("payments/member-payment", new { toMemberId = 3, amount = 5000 })).AssertFailure(HttpStatusCode.BadRequest, "NOT_ENOUGH_FUNDS");
        Assert.Equal(new[] { "status", "sessionExpired", "failed", "responseCode", "errors" },
            response.Root.EnumerateObject().Select(p => p.Name).ToArray());
        var error = response.Root.GetProperty("errors")[0];
        Assert.Equal("Not enough funds", error.GetProperty("shortMessage").GetString());
        Assert.Equal(JsonValueKind.String, error.GetProperty("longMessage").ValueKind);
    }
}
