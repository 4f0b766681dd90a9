using System.Net;
using System.Text;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.Card;

public sealed class CardAuthTests : CardTestBase
{
    private const string Check = "/v1/transaction/check";
    private const string Body = "{\"reference_no\":\"RCN-0001\"}";

    private static void AssertError(CardReply reply, HttpStatusCode status, string type, int resultCode)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal(type, reply.Json.GetProperty("type").GetString());
        Assert.Equal((int)status, reply.Json.GetProperty("code").GetInt32());
        Assert.Equal(resultCode, reply.Json.GetProperty("result_code").GetInt32());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task The_raw_secret_key_after_Basic_is_accepted()
    {
        var reply = await Client.PostRaw(Check, Body, "application/json");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0, reply.Code);
    }

    [Fact]
    public async Task The_test_key_is_accepted_too()
    {
        var reply = await Client.PostRaw(Check, Body, "application/json", "Basic " + Sandbox.Options.Card.TestSecretKey);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task A_missing_header_is_401_authorization_error()
    {
        Client.SecretKey = null;
        AssertError(await Client.PostRaw(Check, Body, "application/json"), HttpStatusCode.Unauthorized, "authorization_error", 7);
    }

    [Theory]
    [InlineData("Basic sck_sbx_unknown")]
    [InlineData("Bearer sck_sbx_jECRyoZq0khnsV9elaF/SIBVvxQI+bIW")]
    [InlineData("Basic ")]
    public async Task An_unknown_key_or_scheme_is_401(string header)
    {
        AssertError(await Client.PostRaw(Check, Body, "application/json", header), HttpStatusCode.Unauthorized, "authorization_error", 7);
    }

    [Fact]
    public async Task The_base64_form_is_refused_by_default()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Sandbox.Options.Card.SecretKey + ":"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostRaw(Check, Body, "application/json", "Basic " + encoded)).Status);
    }

    [Fact]
    public async Task Another_method_on_a_known_path_is_405()
    {
        var reply = await Client.PostRaw(Check, "", "application/json", method: HttpMethod.Get);
        AssertError(reply, HttpStatusCode.MethodNotAllowed, "invalid_request_error", 11);
    }

    [Fact]
    public async Task An_unknown_path_is_404()
    {
        AssertError(await Client.PostRaw("/v1/transaction/nothing", Body, "application/json"), HttpStatusCode.NotFound, "404 Not Found", 12);
    }
}

public sealed class CardBase64AuthTests : CardTestBase
{
    protected override void Configure(SandboxOptions options) => options.Card.AcceptBase64Basic = true;

    [Fact]
    public async Task With_the_switch_on_the_base64_form_is_accepted_as_well_as_the_raw_key()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Sandbox.Options.Card.SecretKey + ":"));
        var reply = await Client.PostRaw("/v1/transaction/check", "{\"reference_no\":\"RCN-0001\"}", "application/json", "Basic " + encoded);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.Post("/v1/transaction/check", new { reference_no = "RCN-0001" })).Status);
    }
}
