using System.Net;
using System.Text.Json.Nodes;
using PayNet.Sandbox;
using PayNet.Sandbox.TopUp;

namespace PayNet.Sandbox.Tests.TopUp;

public sealed class TopUpAuthTests : TopUpTestBase
{
    [Fact]
    public async Task A_correctly_signed_request_gets_the_balance_in_AED()
    {
        var reply = await Client.Post("/balance");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("AED", reply.Json.GetProperty("currency").GetString());
        Assert.Equal(Sandbox.Options.TopUp.StartingBalance, reply.Json.GetProperty("wallets").GetProperty("main").GetDecimal());
    }

    [Fact]
    public async Task A_wrong_hash_fails_with_code_1_and_HTTP_200()
    {
        var reply = await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(hash: new string('0', 32)) });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, reply.ErrorCode);
        Assert.Equal("Auth failed", reply.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_hash_made_with_another_token_fails()
    {
        var reply = await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(token: "not-the-token") });
        Assert.Equal(1, reply.ErrorCode);
    }

    [Fact]
    public async Task The_hash_is_compared_without_regard_to_case()
    {
        long key = TopUpTestClient.NextKey();
        string upper = TopUpTestClient.Md5Hex($"{Client.PosId}{Client.Token}{key}").ToUpperInvariant();
        var reply = await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(key, upper) });
        Assert.Null(reply.ErrorCode);
    }

    [Fact]
    public async Task A_reused_key_is_refused()
    {
        long key = TopUpTestClient.NextKey();
        Assert.Null((await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(key) })).ErrorCode);
        Assert.Equal(1, (await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(key) })).ErrorCode);
    }

    [Fact]
    public async Task A_smaller_key_than_the_last_accepted_one_is_refused()
    {
        long older = TopUpTestClient.NextKey();
        Assert.Null((await Client.Post("/balance")).ErrorCode);
        Assert.Equal(1, (await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(older) })).ErrorCode);
    }

    [Fact]
    public async Task A_failed_authentication_does_not_advance_the_key()
    {
        long farFuture = TopUpTestClient.NextKey() + 1_000_000_000;
        var bad = await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(farFuture, new string('f', 32)) });
        Assert.Equal(1, bad.ErrorCode);
        Assert.Null((await Client.Post("/balance")).ErrorCode);
    }

    [Fact]
    public async Task An_unknown_POS_is_refused()
    {
        var reply = await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(posId: 987654) });
        Assert.Equal(1, reply.ErrorCode);
    }

    [Theory]
    [InlineData("{\"product\":\"et-mc\"}")]
    [InlineData("{\"auth\":\"123\"}")]
    [InlineData("{\"auth\":{\"id\":123,\"key\":\"abc\",\"hash\":\"x\"}}")]
    [InlineData("{\"auth\":{\"id\":123,\"key\":1}}")]
    public async Task Missing_or_malformed_auth_is_code_1(string body)
    {
        Assert.Equal(1, (await Client.PostRaw("/balance", body)).ErrorCode);
    }

    [Fact]
    public async Task An_inactive_POS_may_read_its_balance_but_not_transact()
    {
        var o = Sandbox.Options.TopUp;
        Client.PosId = TopUpState.InactivePosId(o);
        Client.Token = TopUpState.InactivePosToken(o);
        Assert.Null((await Client.Post("/balance")).ErrorCode);
        Assert.Null((await Client.Post("/services")).ErrorCode);
        var check = await Client.Check("et-mc", "inactive-1", "971550000000", 50);
        Assert.Equal(5, check.ErrorCode);
        Assert.Equal(5, (await Client.Find("inactive-1")).ErrorCode);
    }

    [Fact]
    public async Task The_control_route_resets_a_POS_key_as_support_would()
    {
        long farFuture = TopUpTestClient.NextKey() + 10_000_000_000;
        Assert.Null((await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(farFuture) })).ErrorCode);
        Assert.Equal(1, (await Client.Post("/balance")).ErrorCode);

        await Client.Control(HttpMethod.Post, $"/topup/pos/{Client.PosId}/reset-key");
        Assert.Null((await Client.Post("/balance")).ErrorCode);
    }

    [Fact]
    public async Task Invalid_JSON_is_code_2_and_never_a_500()
    {
        var reply = await Client.PostRaw("/balance", "{ not json");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(2, reply.ErrorCode);
        Assert.Equal(2, (await Client.PostRaw("/balance", "[1,2]")).ErrorCode);
    }

    [Fact]
    public async Task Unknown_paths_and_other_methods_are_404_with_code_2()
    {
        var unknown = await Client.Post("/transaction/refund");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(2, unknown.ErrorCode);

        using var get = await Client.Http.GetAsync("/topup/balance");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("\"code\":2", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_body_gets_the_bad_request_envelope()
    {
        await using var small = await SandboxServer.StartAsync(o => o.MaxBodyBytes = 1024);
        using var client = new TopUpTestClient(small);
        var body = new JsonObject { ["auth"] = client.Auth(), ["padding"] = new string('x', 4096) };
        var reply = await client.PostRaw("/balance", body.ToJsonString());
        Assert.Equal(2, reply.ErrorCode);
    }
}

public sealed class TopUpLenientKeyAndStatusTests : TopUpTestBase
{
    protected override void Configure(SandboxOptions options)
    {
        options.TopUp.StrictKeys = false;
        options.TopUp.ErrorHttpStatus = 400;
    }

    [Fact]
    public async Task Without_strict_keys_a_repeated_key_is_accepted()
    {
        long key = TopUpTestClient.NextKey();
        Assert.Null((await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(key) })).ErrorCode);
        Assert.Null((await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(key) })).ErrorCode);
    }

    [Fact]
    public async Task Error_envelopes_come_with_the_configured_HTTP_status()
    {
        var reply = await Client.Post("/balance", new JsonObject { ["auth"] = Client.Auth(hash: "bad") });
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(1, reply.ErrorCode);
        var ok = await Client.Post("/balance");
        Assert.Equal(HttpStatusCode.OK, ok.Status);
    }
}
