using PayNet.Core.Card;
using PayNet.Core.Tests.Support;
using static PayNet.Core.Tests.Card.CardTestKit;

namespace PayNet.Core.Tests.Card;

/// <summary>
/// Issue 16 item 10: a refund request's answer is typed (payment, amount, currency, state by name), with
/// PayNet's own words kept as ProviderMessage and the names earlier versions used still answering.
/// </summary>
public class CardRefundResultTests
{
    private static ScriptedHandler Answering(string refundAnswer) => new((r, _) => r.Path switch
    {
        "/v1/transaction/detail" => ScriptedHandler.Json(DetailExample),
        "/v1/transaction/reversal_list" => ScriptedHandler.Json("""{"Data":[],"code":0,"has_more":false}"""),
        _ => ScriptedHandler.Json(refundAnswer),
    });

    [Fact]
    public async Task An_accepted_full_refund_names_the_payment_its_whole_amount_and_Pending()
    {
        using var client = Client(Answering("""{"object_name":"transaction_reversed_request","message":"Başarılı İşlem","code":0}"""));

        var result = await client.RequestRefundAsync(XactId);

        Assert.Equal(XactId, result.XactId);
        Assert.Equal("RCN-0015", result.ReferenceNo);
        Assert.Equal(813.75m, result.Amount);
        Assert.True(result.FullAmount);
        Assert.Equal(813.75m, result.PaymentAmount);
        Assert.Equal("TRY", result.Currency);
        Assert.Equal(CardRefundState.Pending, result.State);
        Assert.Equal("Pending", result.StateName);
        Assert.Equal("Başarılı İşlem", result.ProviderMessage);
        Assert.Equal(result.ProviderMessage, result.Message);
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.Code);
        Assert.False(result.Reconciled);
        Assert.Equal("Refund 813.75 TRY of RCN-0015: Pending", result.ToString());
    }

    [Fact]
    public async Task A_refused_request_is_a_rejection_carrying_PayNets_words_not_a_result()
    {
        using var client = Client(Answering("""{"object_name":"transaction_reversed_request","message":"İşlem başarısız","code":1}"""));

        var error = await Assert.ThrowsAsync<PayNet.Core.Card.CardApiException>(() => client.RequestRefundAsync(XactId, 10.00m));

        Assert.Equal(PayNetErrorCategory.Rejected, error.Category);
        Assert.Equal("İşlem başarısız", error.ProviderMessage);
        Assert.Equal(XactId, error.Reference);
    }

    [Theory]
    [InlineData("pending", CardRefundState.Pending)]
    [InlineData("", CardRefundState.Pending)]
    [InlineData("approved", CardRefundState.Approved)]
    [InlineData("Onaylandı", CardRefundState.Approved)]
    [InlineData("rejected", CardRefundState.Rejected)]
    [InlineData("Reddedildi", CardRefundState.Rejected)]
    [InlineData("transferred", CardRefundState.Unknown)]
    public void Refund_list_statuses_read_as_states(string status, CardRefundState expected) =>
        Assert.Equal(expected, CardClient.StateOf(status));
}
