using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PayNet.Sandbox.Tests.Card;

/// <summary>reversed_request → pending → approve/reject through the control surface (card.md §3.4, §7.5).</summary>
public sealed class CardRefundTests : CardTestBase
{
    private Task<CardReply> Request(string xactId, string? amount = null, string? succeedUrl = null) =>
        Client.Post("/v1/transaction/reversed_request", new Dictionary<string, string?>
        {
            ["xact_id"] = xactId, ["amount"] = amount, ["succeedUrl"] = succeedUrl,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));

    private async Task<JsonElement> PendingRequestFor(string xactId)
    {
        var state = await Client.Control(HttpMethod.Get, "/card/state");
        return state.GetProperty("reversalRequests").EnumerateArray()
            .Last(r => r.GetProperty("originalXactId").GetString() == xactId && r.GetProperty("status").GetString() == "pending");
    }

    [Fact]
    public async Task A_same_day_full_cancel_becomes_an_R_once_approved_and_removes_the_payout()
    {
        await Client.SetClock("2024-01-15T17:00:00");
        string f04 = await Client.XactIdOf(1000004);
        var reply = await Request(f04);
        Assert.Equal(0, reply.Code);
        Assert.Equal("transaction_reversed_request", reply.Json.GetProperty("object_name").GetString());
        Assert.Equal("Başarılı İşlem", reply.Json.GetProperty("message").GetString());

        var pending = await PendingRequestFor(f04);
        Assert.Equal("R", pending.GetProperty("kind").GetString());
        Assert.False((await Client.Detail(1000004)).GetProperty("reversed").GetBoolean());

        var approved = await Client.Control(HttpMethod.Post, $"/card/reversals/{pending.GetProperty("requestId").GetInt32()}/approve");
        long reversalId = approved.GetProperty("reversalId").GetInt64();
        var cancel = await Client.Detail(reversalId);
        Assert.Equal(2, cancel.GetProperty("transaction_type").GetInt32());
        Assert.Equal(250.00m, cancel.GetProperty("amount").GetDecimal());
        Assert.Equal("RCN-0003", cancel.GetProperty("agent_reference").GetString());
        var original = await Client.Detail(1000004);
        Assert.True(original.GetProperty("reversed").GetBoolean());
        Assert.Equal(cancel.GetProperty("xact_id").GetString(), original.GetProperty("reversed_xact_id").GetString());

        var payout = await Client.Post("/v1/transaction/payment_list", new { date = "2024-01-16" });
        Assert.Equal(4924.62m - 244.10m, Sum(payout.Data, "company_pay_amount"));

        var entry = Assert.Single((await Client.Control(HttpMethod.Get, "/ledger")).GetProperty("entries").EnumerateArray());
        Assert.Equal("Card", entry.GetProperty("api").GetString());
        Assert.Equal("Cancel", entry.GetProperty("operation").GetString());
        Assert.Equal("RCN-0003", entry.GetProperty("reference").GetString());
        Assert.Equal(250.00m, entry.GetProperty("amount").GetDecimal());
        Assert.Equal("TRY", entry.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_same_day_partial_cancel_or_a_second_cancel_is_refused_with_code_1()
    {
        await Client.SetClock("2024-01-15T17:00:00");
        string f04 = await Client.XactIdOf(1000004);
        Assert.Equal(1, (await Request(f04, "10000")).Code);
        Assert.Equal(0, (await Request(f04, "25000")).Code);
        Assert.Equal(1, (await Request(f04)).Code);
    }

    [Fact]
    public async Task A_later_day_partial_refund_becomes_a_CD_with_a_deduction_row()
    {
        string f02 = await Client.XactIdOf(1000002);
        Assert.Equal(0, (await Request(f02, "2000")).Code);
        var pending = await PendingRequestFor(f02);
        Assert.Equal("CD", pending.GetProperty("kind").GetString());
        Assert.Equal(20.00m, pending.GetProperty("amount").GetDecimal());

        await Client.Control(HttpMethod.Post, $"/card/reversals/{pending.GetProperty("requestId").GetInt32()}/approve");
        // Approved on Thursday 2024-01-18: the deduction is due on Friday the 19th.
        var payout = await Client.Post("/v1/transaction/payment_list", new { date = "2024-01-19" });
        var row = Assert.Single(payout.Data.EnumerateArray());
        Assert.Equal("CD", row.GetProperty("xact_type").GetString());
        Assert.Equal(-20.00m, row.GetProperty("company_pay_amount").GetDecimal());
        var entry = Assert.Single((await Client.Control(HttpMethod.Get, "/ledger")).GetProperty("entries").EnumerateArray());
        Assert.Equal("Refund", entry.GetProperty("operation").GetString());
        Assert.Equal("RCN-0002", entry.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task The_pending_F16_request_can_be_approved_and_shows_in_the_refund_list()
    {
        var approved = await Client.Control(HttpMethod.Post, "/card/reversals/3/approve");
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var list = await Client.Post("/v1/transaction/reversal_list", new { datab = "2024-01-17", datbi = "2024-01-18" });
        var f16 = list.Data.EnumerateArray().Single(r => r.GetProperty("request_id").GetInt32() == 3);
        Assert.Equal("approved", f16.GetProperty("status").GetString());
        Assert.NotEqual("", f16.GetProperty("reversed_xact_id").GetString());
    }

    [Fact]
    public async Task A_rejected_request_creates_nothing_and_cannot_be_resolved_twice()
    {
        var rejected = await Client.Control(HttpMethod.Post, "/card/reversals/3/reject");
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("reversalId").ValueKind);
        Assert.False((await Client.Detail(1000001)).GetProperty("reversed").GetBoolean());
        using var again = await Client.Http.PostAsync("/__sandbox/card/reversals/3/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknown = await Client.Http.PostAsync("/__sandbox/card/reversals/999/approve", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await Client.Control(HttpMethod.Get, "/ledger")).GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Refunds_cannot_exceed_what_is_left_counting_pending_requests()
    {
        string f01 = await Client.XactIdOf(1000001);
        Assert.Equal(1, (await Request(f01, "95001")).Code); // 950.01 > 1000.00 - 50.00 pending (F16)
        Assert.Equal(0, (await Request(f01, "95000")).Code);
        Assert.Equal(1, (await Request(f01, "1")).Code);
    }

    [Fact]
    public async Task A_failed_original_is_noprocess_and_a_cancelled_one_has_nothing_left()
    {
        Assert.Equal(6, (await Request(await Client.XactIdOf(1000003))).Code);
        Assert.Equal(1, (await Request(await Client.XactIdOf(1000005))).Code);
        Assert.Equal(19, (await Request(await Client.XactIdOf(1000009))).Code);
    }

    [Fact]
    public async Task Unknown_ids_and_bad_amounts_are_refused()
    {
        var unknown = await Request("xk_EAAAAnotthere");
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(12, unknown.Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await Request(await Client.XactIdOf(1000001), "10,00")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.Post("/v1/transaction/reversed_request", new { amount = "100" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Request(await Client.XactIdOf(1000001), null, "not a url")).Status);
    }

    [Fact]
    public async Task The_succeed_url_receives_the_callback_when_the_request_resolves()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.MapPost("/callback", async (HttpRequest request) =>
        {
            received.TrySetResult((await JsonDocument.ParseAsync(request.Body)).RootElement.Clone());
            return Results.Ok();
        });
        await receiver.StartAsync();
        string url = PayNet.Sandbox.SandboxApp.RootUri(receiver) + "callback";

        string f07 = await Client.XactIdOf(1000007);
        Assert.Equal(0, (await Request(f07, "5000", url)).Code);
        var pending = await PendingRequestFor(f07);
        var approved = await Client.Control(HttpMethod.Post, $"/card/reversals/{pending.GetProperty("requestId").GetInt32()}/approve");

        var callback = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("0", callback.GetProperty("code").GetString());
        Assert.Equal(approved.GetProperty("reversalXactId").GetString(), callback.GetProperty("xact_id").GetString());
        Assert.Equal("approved", callback.GetProperty("status").GetString());
        await receiver.StopAsync();
    }
}
