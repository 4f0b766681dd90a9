using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PayNet.Core.Card;
using PayNet.Core.Tests.Support;
using static PayNet.Core.Tests.Card.CardTestKit;

namespace PayNet.Core.Tests.Card;

/// <summary>
/// Card answers are read as bytes into a pooled buffer and parsed once: whatever the server's encoding,
/// size or framing, and however many calls run at once, each caller gets its own answer, whole.
/// </summary>
public class CardAnswerBytesTests
{
    private static string Row(string reference, string holder = "TEST KART") =>
        $$"""{"id":1,"xact_id":"xk_{{reference}}","xact_date":"2024-01-15T10:15:00.000","transaction_type":1,"agent_reference":"{{reference}}","card_holder":"{{holder}}","amount":"123,45","is_succeed":true}""";

    private static string Answer(params string[] rows) => $$"""{"Data":[{{string.Join(",", rows)}}],"object_name":"transaction_check","code":0,"message":"Başarılı İşlem"}""";

    private static HttpResponseMessage Bytes(byte[] body, string? charset)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = charset };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    [Fact]
    public async Task An_answer_in_a_declared_legacy_charset_keeps_its_letters()
    {
        var latin1 = Encoding.Latin1.GetBytes(Answer(Row("RCN-0001", "JÜRGEN MÜLLER")));
        using var client = Client(new ScriptedHandler((_, _) => Bytes(latin1, "iso-8859-1")));

        var tx = Assert.Single(await client.CheckAsync(referenceNo: "RCN-0001"));

        Assert.Equal("JÜRGEN MÜLLER", tx.CardHolder);
        Assert.Equal(123.45m, tx.Amount);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_before_the_answer_is_ignored()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Answer(Row("RCN-0001", "ŞÜKRÜ ÇAĞLAR")))).ToArray();
        using var client = Client(new ScriptedHandler((_, _) => Bytes(body, "utf-8")));

        var tx = Assert.Single(await client.CheckAsync(referenceNo: "RCN-0001"));

        Assert.Equal("ŞÜKRÜ ÇAĞLAR", tx.CardHolder);
    }

    [Fact]
    public async Task A_streamed_answer_without_a_length_larger_than_the_first_buffer_is_read_whole()
    {
        var rows = Enumerable.Range(1, 3000).Select(i => Row($"RCN-{i:D5}")).ToArray();
        byte[] body = Encoding.UTF8.GetBytes(Answer(rows));
        Assert.True(body.Length > 256 * 1024);
        using var client = Client(new ScriptedHandler((_, _) =>
        {
            var content = new StreamContent(new MemoryStream(body), 1000);   // no Content-Length: read until the end
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }));

        var found = await client.CheckAsync(referenceNo: "RCN-00001");

        Assert.Equal(3000, found.Count);
        Assert.Equal("RCN-03000", found[^1].ReferenceNo);
    }

    [Fact]
    public async Task Concurrent_checks_each_get_their_own_answer()
    {
        // Pooled buffers go back to the pool after each parse: no answer may leak into another call.
        using var client = Client(new ScriptedHandler(async (request, _, ct) =>
        {
            await Task.Yield();
            string reference = request.Json.GetProperty("reference_no").GetString()!;
            return ScriptedHandler.Json(Answer(Row(reference, new string('X', reference.Length * 37 % 500))));
        }));

        var references = Enumerable.Range(1, 400).Select(i => $"RCN-{i:D4}").ToArray();
        var results = await Task.WhenAll(references.Select(r => client.CheckAsync(referenceNo: r)));

        for (int i = 0; i < references.Length; i++)
        {
            var tx = Assert.Single(results[i]);
            Assert.Equal(references[i], tx.ReferenceNo);
            Assert.Equal(references[i].Length * 37 % 500, tx.CardHolder?.Length ?? 0);
        }
    }

    [Fact]
    public async Task A_failing_return_code_wins_over_rows_that_do_not_fit()
    {
        const string body = """{"Data":"none","code":"7","message":"Yetkisiz erişim"}""";
        using var client = Client(new ScriptedHandler((_, _) => ScriptedHandler.Json(body)));

        var error = await Assert.ThrowsAsync<CardApiException>(() => client.CheckAsync(referenceNo: "RCN-0001"));

        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Contains("Yetkisiz", error.Message);
    }

    [Fact]
    public async Task A_successful_code_with_rows_that_do_not_fit_is_unavailable_not_a_json_error()
    {
        const string body = """{"Data":[{"amount":{"oops":1}}],"code":0}""";
        using var client = Client(new ScriptedHandler((_, _) => ScriptedHandler.Json(body)));

        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => client.CheckAsync(referenceNo: "RCN-0001"));

        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }
}

/// <summary>Amounts that arrive as text: a comma is never read as a thousands separator on its own (100x errors).</summary>
public class TolerantAmountTextTests
{
    [Theory]
    [InlineData("123,45", "123.45")]
    [InlineData("123.45", "123.45")]
    [InlineData(" 1000 ", "1000")]
    [InlineData("-0,01", "-0.01")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1,5", "1.5")]
    public void Text_amounts_keep_their_value(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PayNet.Core.Json.TolerantJson.ParseDecimalText(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("12,34,56")]
    [InlineData("1.2.3")]
    public void Text_that_is_not_an_amount_is_refused(string text) =>
        Assert.Null(PayNet.Core.Json.TolerantJson.ParseDecimalText(text));
}
