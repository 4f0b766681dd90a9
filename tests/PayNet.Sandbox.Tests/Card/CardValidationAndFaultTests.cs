using System.Diagnostics;
using System.Net;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.Card;

public sealed class CardValidationTests : CardTestBase
{
    private static void AssertBadRequest(CardReply reply)
    {
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("invalid_request_error", reply.Json.GetProperty("type").GetString());
        Assert.Equal(400, reply.Json.GetProperty("code").GetInt32());
        Assert.Equal(11, reply.Json.GetProperty("result_code").GetInt32());
    }

    [Theory]
    [InlineData("/v1/transaction/check", "{}")]
    [InlineData("/v1/transaction/check", "")]
    [InlineData("/v1/transaction/check", "{\"xact_id\":{\"a\":1}}")]
    [InlineData("/v1/transaction/check", "{ not json")]
    [InlineData("/v1/transaction/check", "[1]")]
    [InlineData("/v1/transaction/detail", "{\"user_id\":\"x\"}")]
    [InlineData("/v1/transaction/list", "{\"datab\":\"2024-01-15\"}")]
    [InlineData("/v1/transaction/list", "{\"datab\":\"2024-01-16\",\"datbi\":\"2024-01-15\"}")]
    [InlineData("/v1/transaction/list", "{\"datab\":\"yesterday\",\"datbi\":\"2024-01-15\"}")]
    [InlineData("/v1/transaction/list", "{\"datab\":\"2024-01-15\",\"datbi\":\"2024-01-16\",\"limit\":\"ten\"}")]
    [InlineData("/v1/transaction/list", "{\"datab\":\"2024-01-15\",\"datbi\":\"2024-01-16\",\"show_unsucceed\":\"maybe\"}")]
    [InlineData("/v1/transaction/reversal_list", "{\"datbi\":\"2024-01-15\"}")]
    [InlineData("/v1/transaction/payment_list", "{\"date\":\"16/01/2024\"}")]
    public async Task Bad_requests_get_the_400_error_object(string path, string body)
    {
        AssertBadRequest(await Client.PostRaw(path, body, "application/json"));
    }

    [Fact]
    public async Task Form_bodies_with_the_same_field_names_work()
    {
        var reply = await Client.PostRaw("/v1/transaction/check", "reference_no=RCN-0003", "application/x-www-form-urlencoded");
        Assert.Equal(2, reply.Data.GetArrayLength());
    }

    [Fact]
    public async Task Field_names_are_case_insensitive()
    {
        var reply = await Client.PostRaw("/v1/transaction/check", "{\"Reference_No\":\"RCN-0003\"}", "application/json");
        Assert.Equal(2, reply.Data.GetArrayLength());
    }

    [Fact]
    public async Task Limit_zero_means_10_and_a_huge_limit_is_capped()
    {
        var zero = await Client.Post("/v1/transaction/list", new { datab = "2024-01-15", datbi = "2024-01-16", limit = 0 });
        Assert.Equal(10, zero.Json.GetProperty("limit").GetInt32());
        Assert.Equal(10, zero.Data.GetArrayLength());
        var huge = await Client.Post("/v1/transaction/list", new { datab = "2024-01-15", datbi = "2024-01-16", limit = 5000 });
        Assert.Equal(1000, huge.Json.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Not_found_is_HTTP_200_with_an_empty_Data_and_code_12_by_default()
    {
        var reply = await Client.Post("/v1/transaction/check", new { reference_no = "NO-SUCH-REF" });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(12, reply.Code);
        Assert.Equal(0, reply.Data.GetArrayLength());
        Assert.Equal(12, (await Client.Post("/v1/transaction/detail", new { id = "42" })).Code);
    }

    [Fact]
    public async Task An_oversized_body_is_a_400_not_a_500()
    {
        await using var small = await SandboxServer.StartAsync(o => o.MaxBodyBytes = 1024);
        using var client = new CardTestClient(small);
        AssertBadRequest(await client.PostRaw("/v1/transaction/check", "{\"reference_no\":\"" + new string('x', 5000) + "\"}", "application/json"));
    }

    [Fact]
    public async Task Fault_reference_ERR_500_answers_an_api_error()
    {
        var reply = await Client.Post("/v1/transaction/check", new { reference_no = "ERR-500" });
        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("api_error", reply.Json.GetProperty("type").GetString());
        Assert.Equal(500, reply.Json.GetProperty("code").GetInt32());
        Assert.Equal(8, reply.Json.GetProperty("result_code").GetInt32());
    }

    [Fact]
    public async Task Fault_reference_ERR_NODATA_takes_the_not_found_path()
    {
        var reply = await Client.Post("/v1/transaction/detail", new { reference_no = "ERR-NODATA" });
        Assert.Equal(12, reply.Code);
        Assert.Equal(0, reply.Data.GetArrayLength());
    }
}

public sealed class CardHttp404AndTimeoutTests : CardTestBase
{
    protected override void Configure(SandboxOptions options)
    {
        options.Card.NotFoundMode = "http404";
        options.Card.SlowMs = 300;
        options.Card.EmitBothNetSpellings = true;
    }

    [Fact]
    public async Task In_http404_mode_not_found_is_a_no_data_error_object()
    {
        foreach (var reply in new[]
                 {
                     await Client.Post("/v1/transaction/check", new { reference_no = "ERR-NODATA" }),
                     await Client.Post("/v1/transaction/check", new { xact_id = "xk_missing" }),
                     await Client.Post("/v1/transaction/mark_transferred", new { xact_id = "xk_missing" }),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, reply.Status);
            Assert.Equal("no_data_error", reply.Json.GetProperty("type").GetString());
            Assert.Equal(12, reply.Json.GetProperty("result_code").GetInt32());
        }
    }

    [Fact]
    public async Task Fault_reference_ERR_TIMEOUT_answers_late()
    {
        var watch = Stopwatch.StartNew();
        var reply = await Client.Post("/v1/transaction/check", new { reference_no = "ERR-TIMEOUT" });
        Assert.True(watch.ElapsedMilliseconds >= 250, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task Both_net_spellings_can_be_emitted()
    {
        var row = (await Client.Post("/v1/transaction/check", new { reference_no = "RCN-0015" })).Row();
        Assert.Equal(794.54m, row.GetProperty("netAmount").GetDecimal());
        Assert.Equal(794.54m, row.GetProperty("net_amount").GetDecimal());
    }
}

public sealed class CardRandomRowsTests : CardTestBase
{
    protected override void Configure(SandboxOptions options) => options.Card.RandomCount = 250;

    [Fact]
    public async Task Random_rows_extend_the_window_deterministically_and_page_without_gaps()
    {
        var first = await Client.Post("/v1/transaction/list", new { datab = "2024-01-15", datbi = "2024-01-18", limit = 1000, show_unsucceed = true });
        int total = first.Json.GetProperty("total").GetInt32();
        Assert.Equal(250 + 15, total);

        var paged = new List<long>();
        for (int offset = 0; ; offset += 100)
        {
            var page = await Client.Post("/v1/transaction/list", new { datab = "2024-01-15", datbi = "2024-01-18", limit = 100, starting_after = offset, show_unsucceed = true });
            paged.AddRange(page.Data.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
            if (!page.Json.GetProperty("has_more").GetBoolean()) break;
        }
        Assert.Equal(first.Data.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()), paged);

        await using var twin = await SandboxServer.StartAsync(o => o.Card.RandomCount = 250);
        using var twinClient = new CardTestClient(twin);
        var again = await twinClient.Post("/v1/transaction/detail", new { id = 1000200 });
        Assert.Equal((await Client.Post("/v1/transaction/detail", new { id = 1000200 })).Body, again.Body);
        Assert.StartsWith("RND-", again.Row().GetProperty("agent_reference").GetString());
    }
}
