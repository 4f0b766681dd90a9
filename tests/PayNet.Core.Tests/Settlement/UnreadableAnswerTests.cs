using System.Net;
using PayNet.Core.Card;
using PayNet.Core.Tests.Card;
using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.Settlement;

/// <summary>
/// Issue 13 defect 4: an answer to a money move that cannot be read or mapped is never "unavailable, try again
/// later" (a user who follows that advice pays twice): it is settled, else state unknown naming the reference.
/// And the documented international confirm answer with "info": [] (topup.md §5.3) is simply read.
/// </summary>
public sealed class UnreadableAnswerTests
{
    private static TopUpTransaction Checked(string externalId = "intl-1") =>
        new() { Id = "abc-123-def-456", ExternalId = externalId, Product = "et-mc", Account = "971550000000", Amount = 50m, AmountCurrency = "AED", State = TopUpState.New };

    [Theory]
    [InlineData("""{"transaction":{"id":"abc-123-def-456","external_transaction_id":"intl-1","state":1,"error":"","time":"2024-01-27 12:00:05"},"info":[]}""")]
    [InlineData("""{"transaction":{"id":"abc-123-def-456","external_transaction_id":"intl-1","state":1,"error":"","time":"2024-01-27 12:00:05","info":[]},"info":""}""")]
    [InlineData("""{"transaction":{"id":"abc-123-def-456","external_transaction_id":"intl-1","state":1,"error":"","time":"2024-01-27 12:00:05"},"info":null,"details":[]}""")]
    public async Task A_confirm_answer_with_empty_info_is_read_as_the_outcome(string answer)
    {
        var handler = new ScriptedHandler((r, _) => r.Path == "/transaction/confirm" ? Ok(answer) : Ok(Tx("abc-123-def-456", "intl-1", -1)));
        using var client = Client(handler);

        var done = await client.ConfirmAsync(Checked());

        Assert.Equal(TopUpState.Success, done.State);
        Assert.False(done.Reconciled);
        Assert.Null(done.VoucherPin);
        Assert.Equal(new[] { "/transaction/confirm" }, handler.Paths);
    }

    [Fact]
    public async Task A_find_answer_with_empty_info_is_read_too()
    {
        var handler = new ScriptedHandler((_, _) => Ok("""{"transaction":{"id":"t-1","external_transaction_id":"intl-2","state":1},"info":[]}"""));
        using var client = Client(handler);

        var found = await client.FindAsync(externalId: "intl-2");

        Assert.Equal(TopUpState.Success, found.State);
    }

    [Theory]
    [InlineData("""{"transaction":{"id":"abc-123-def-456","state":{"nested":true}}}""")]
    [InlineData("""{"transaction":[1,2,3]}""")]
    [InlineData("""{"transaction":{"id":"abc-123-def-456","amount":"ten"}}""")]
    public async Task An_unmappable_200_to_a_confirm_is_settled_by_find_not_reported_unavailable(string answer)
    {
        var handler = new ScriptedHandler((r, _) => r.Path == "/transaction/confirm" ? Ok(answer) : Ok(Tx("abc-123-def-456", "intl-3", 1)));
        using var client = Client(handler);

        var done = await client.ConfirmAsync(Checked("intl-3"));

        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        Assert.Single(handler.Paths, p => p == "/transaction/confirm");
        Assert.Contains("/transaction/find", handler.Paths);
    }

    [Fact]
    public async Task An_unmappable_200_to_a_confirm_that_find_cannot_settle_is_state_unknown_not_unavailable()
    {
        var handler = new ScriptedHandler((r, _) => r.Path == "/transaction/confirm"
            ? Ok("""{"transaction":[1]}""")
            : Error(23, "Could not get transaction info"));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => client.ConfirmAsync(Checked("intl-4")));

        Assert.Equal("intl-4", error.Reference);
        Assert.Single(handler.Paths, p => p == "/transaction/confirm");
    }

    [Fact]
    public async Task An_unmappable_200_to_a_card_capture_is_state_unknown_not_unavailable()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("""{"Data":"not rows","code":0}"""));
        using var client = CardTestKit.Client(handler);

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => client.CaptureAsync(CardTestKit.XactId, 10m));

        Assert.Equal(CardTestKit.XactId, error.Reference);
        Assert.Single(handler.Requests);
    }
}

/// <summary>Found by the model soak (seed 2DCns4sen9a3): a Card refund answered 200 with JSON of no known shape was reported as a success.</summary>
public sealed class CardUnreadableAnswerTests
{
    [Fact]
    public async Task A_refund_answered_with_an_unknown_200_body_is_settled_not_taken_for_success()
    {
        var handler = new ScriptedHandler((r, _) => r.Path switch
        {
            "/v1/transaction/detail" => ScriptedHandler.Json(CardTestKit.DetailExample),
            "/v1/transaction/reversal_list" => ScriptedHandler.Json("""{"object_name":"transaction_reversal_list","Data":[],"code":12,"message":"nodata"}"""),
            _ => ScriptedHandler.Json("""{"unexpected":[{"shape":true}],"status":"maybe","transaction":[1]}"""),
        });
        using var client = CardTestKit.Client(handler);

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => client.RequestRefundAsync(CardTestKit.XactId, 7.83m));

        Assert.Equal(CardTestKit.XactId, error.Reference);
        Assert.Single(handler.Requests, r => r.Path == "/v1/transaction/reversed_request");
    }

    [Fact]
    public async Task A_capture_answered_with_an_unknown_200_body_is_state_unknown_not_a_capture()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("""{"unexpected":[{"shape":true}]}"""));
        using var client = CardTestKit.Client(handler);

        await Assert.ThrowsAsync<PayNetStateUnknownException>(() => client.CaptureAsync(CardTestKit.XactId, 10m));
    }
}
