using System.Net;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Tests.Support;
using static PayNet.Core.Tests.Card.CardTestKit;

namespace PayNet.Core.Tests.Card;

/// <summary>card.md §1.2 error layers, refunds that are never re-sent, and secrets kept out of logs.</summary>
public class CardSafetyTests
{
    [Theory]
    [InlineData(401, """{"type":"authorization_error","message":"Geçersiz anahtar","code":401,"result_code":7}""", PayNetErrorCategory.Authentication)]
    [InlineData(403, """{"type":"authorization_error","message":"IP","code":403,"result_code":7}""", PayNetErrorCategory.Authentication)]
    [InlineData(404, """{"type":"no_data_error","message":"Kayıt yok","code":404,"result_code":12}""", PayNetErrorCategory.NotFound)]
    [InlineData(400, """{"type":"invalid_request_error","message":"xact_id or reference_no","code":400,"result_code":11}""", PayNetErrorCategory.InvalidArgument)]
    [InlineData(500, """{"type":"api_error","message":"Hata","code":500,"result_code":8}""", PayNetErrorCategory.Unavailable)]
    [InlineData(502, "<html>bad gateway</html>", PayNetErrorCategory.Unavailable)]
    [InlineData(200, """{"Data":[],"code":12,"message":"nodata"}""", PayNetErrorCategory.NotFound)]
    [InlineData(200, """{"Data":[],"code":"2","message":"companyblocked"}""", PayNetErrorCategory.Authentication)]
    [InlineData(200, """{"Data":[],"code":6,"message":"noprocess"}""", PayNetErrorCategory.Rejected)]
    public async Task Both_error_layers_map_to_categories_with_the_reference(int status, string body, PayNetErrorCategory category)
    {
        var handler = new ScriptedHandler((_, _) => body.StartsWith('<') ? ScriptedHandler.Text(body, (HttpStatusCode)status) : ScriptedHandler.Json(body, (HttpStatusCode)status));
        using var client = Client(handler);
        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => client.CheckAsync(referenceNo: "RCN-0099"));
        Assert.Equal(category, error.Category);
        Assert.Equal("RCN-0099", error.Reference);
        Assert.Equal(PayNetApi.Card, error.Api);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"object_name":"transaction_list","Data":[],"code":12,"message":"nodata"}""")]
    [InlineData(HttpStatusCode.NotFound, """{"type":"no_data_error","message":"Kayıt yok","code":404,"result_code":12}""")]
    public async Task An_empty_range_is_an_empty_list_not_an_error(HttpStatusCode status, string body)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(body, status));
        using var client = Client(handler);
        int count = 0;
        await foreach (var _ in client.ListAsync(new CardListQuery { From = new DateTime(2020, 1, 1), To = new DateTime(2020, 1, 2) })) count++;
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task A_partial_refund_is_sent_in_kurus_once()
    {
        var handler = Refunds(_ => ScriptedHandler.Json("""{"object_name":"transaction_reversed_request","message":"Başarılı İşlem","code":0}"""));
        using var client = Client(handler);
        var result = await client.RequestRefundAsync(XactId, 100.00m, "https://erp.example/paynet/refund");
        Assert.True(result.Succeeded);
        var sent = handler.Requests.Single(r => r.Path == RefundPath);
        Assert.Equal("/v1/transaction/reversed_request", sent.Path);
        Assert.Equal("10000", sent.Json.GetProperty("amount").GetString());
        Assert.Equal(XactId, sent.Json.GetProperty("xact_id").GetString());
        Assert.Equal("https://erp.example/paynet/refund", sent.Json.GetProperty("succeedUrl").GetString());
    }

    [Fact]
    public async Task A_full_refund_leaves_the_amount_out()
    {
        var handler = Refunds(_ => ScriptedHandler.Json("""{"code":0}"""));
        using var client = Client(handler);
        await client.RequestRefundAsync(XactId);
        Assert.False(handler.Requests.Single(r => r.Path == RefundPath).Json.TryGetProperty("amount", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.001)]
    public async Task A_bad_refund_or_capture_amount_is_refused_before_any_request(double raw)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("""{"code":0}"""));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.RequestRefundAsync(XactId, (decimal)raw));
        Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(XactId, error.Reference);
        await Assert.ThrowsAsync<PayNetException>(() => client.CaptureAsync(XactId, (decimal)raw));
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_refund_answered_500_or_503_is_never_re_sent_and_is_not_booked_when_no_request_appears(HttpStatusCode status)
    {
        var handler = Refunds(_ => ScriptedHandler.Json("""{"type":"api_error","code":500,"result_code":8}""", status));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() => client.RequestRefundAsync(XactId, 50m));
        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.Contains("not booked", error.Message);
        Assert.Equal(XactId, error.Reference);
        Assert.Single(handler.Requests, r => r.Path == RefundPath);
        Assert.Contains(handler.Requests, r => r.Path == "/v1/transaction/reversal_list");
    }

    [Fact]
    public async Task A_refund_whose_answer_is_lost_is_settled_when_a_new_request_for_that_amount_appears()
    {
        int refundsSent = 0;
        var handler = new ScriptedHandler((r, _) => r.Path switch
        {
            "/v1/transaction/detail" => ScriptedHandler.Json(DetailExample),
            "/v1/transaction/reversal_list" => ScriptedHandler.Json(Volatile.Read(ref refundsSent) == 0 ? NoRefunds
                : """{"object_name":"transaction_reversal_list","has_more":false,"code":0,"Data":[{"id":"2527054","xact_id":"XACT","entry_date":"2024-01-17T10:00:00","amount":50.00,"status":"pending"}]}""".Replace("XACT", XactId)),
            _ => Lost(ref refundsSent),
        });
        using var client = Client(handler);

        var result = await client.RequestRefundAsync(XactId, 50m);

        Assert.True(result.Reconciled);
        Assert.Equal(50m, result.Amount);
        Assert.Single(handler.Requests, r => r.Path == RefundPath);
    }

    [Fact]
    public async Task A_lost_refund_whose_new_request_is_for_another_amount_is_state_unknown()
    {
        int refundsSent = 0;
        var handler = new ScriptedHandler((r, _) => r.Path switch
        {
            "/v1/transaction/detail" => ScriptedHandler.Json(DetailExample),
            "/v1/transaction/reversal_list" => ScriptedHandler.Json(Volatile.Read(ref refundsSent) == 0 ? NoRefunds
                : """{"object_name":"transaction_reversal_list","has_more":false,"code":0,"Data":[{"id":"2527054","xact_id":"XACT","entry_date":"2024-01-17T10:00:00","amount":70.00,"status":"pending"}]}""".Replace("XACT", XactId)),
            _ => Lost(ref refundsSent),
        });
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => client.RequestRefundAsync(XactId, 50m));

        Assert.Equal(XactId, error.Reference);
        Assert.Contains("70.00", error.Message);
    }

    private const string RefundPath = "/v1/transaction/reversed_request";
    private const string NoRefunds = """{"object_name":"transaction_reversal_list","Data":[],"code":12,"message":"nodata"}""";

    private static HttpResponseMessage Lost(ref int sent)
    {
        Interlocked.Increment(ref sent);
        return ScriptedHandler.Json("""{"type":"api_error","code":500,"result_code":8}""", HttpStatusCode.InternalServerError);
    }

    /// <summary>Detail and refund list answer as for a transaction with no refunds; the refund request itself as scripted.</summary>
    private static ScriptedHandler Refunds(Func<RecordedRequest, HttpResponseMessage> refund) => new((r, _) => r.Path switch
    {
        "/v1/transaction/detail" => ScriptedHandler.Json(DetailExample),
        "/v1/transaction/reversal_list" => ScriptedHandler.Json(NoRefunds),
        _ => refund(r),
    });

    [Fact]
    public async Task A_capture_is_sent_in_kurus_and_a_bank_decline_is_a_rejection()
    {
        var handler = new ScriptedHandler((_, n) => ScriptedHandler.Json(n == 1
            ? """{"xact_id":"xk_cap","transaction_type":4,"amount":280.00,"net_amount":273.39,"comission":5.60,"comission_tax":1.01,"is_succeed":true,"code":0}"""
            : """{"xact_id":"xk_cap","transaction_type":4,"is_succeed":false,"bank_error_message":"Limit yetersiz","code":0}"""));
        using var client = Client(handler);
        var captured = await client.CaptureAsync(XactId, 280m);
        Assert.Equal(("28000", CardTransactionType.Capture, 273.39m), (handler.Requests[0].Json.GetProperty("amount").GetString(), captured.TransactionType, captured.NetAmount!.Value));
        var error = await Assert.ThrowsAsync<CardApiException>(() => client.CaptureAsync(XactId));
        Assert.Equal(PayNetErrorCategory.Rejected, error.Category);
        Assert.Contains("Limit yetersiz", error.Message);
    }

    [Fact]
    public async Task Verbose_and_debug_output_never_show_the_secret_key()
    {
        var handler = new ScriptedHandler((_, n) => n == 1
            ? ScriptedHandler.Text("busy", HttpStatusCode.ServiceUnavailable)
            : ScriptedHandler.Json(DetailExample));
        using var client = Client(handler);
        var log = new CapturingLog();
        using (PayNetLog.Push(log)) await client.GetDetailAsync(xactId: XactId);

        Assert.Contains(log.Lines, l => l.StartsWith("DEBUG: POST /v1/transaction/detail"));
        Assert.Contains(log.Lines, l => l.Contains("Authorization: ***"));
        Assert.DoesNotContain(SecretKey, log.All);
        Assert.DoesNotContain("jECRyoZq0khnsV9elaF", log.All);
        Assert.DoesNotContain(SecretKey, client.ToString());
    }

    [Fact]
    public async Task A_hung_call_is_cancelled_promptly()
    {
        var handler = new ScriptedHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedHandler.Json("{}");
        });
        using var client = Client(handler, timeout: TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CheckAsync(xactId: XactId, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Lookups_and_ranges_are_validated_before_any_request()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{}"));
        using var client = Client(handler);
        await Assert.ThrowsAsync<PayNetException>(() => client.CheckAsync());
        await Assert.ThrowsAsync<PayNetException>(() => client.GetDetailAsync());
        Assert.Throws<PayNetException>(() => client.ListAsync(new CardListQuery { From = new DateTime(2024, 1, 16), To = new DateTime(2024, 1, 15) }));
        Assert.Throws<PayNetException>(() => client.ListAsync(new CardListQuery { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16), PageSize = 0 }));
        await Assert.ThrowsAsync<PayNetException>(() => client.RequestRefundAsync(" "));
        Assert.Empty(handler.Requests);
    }
}
