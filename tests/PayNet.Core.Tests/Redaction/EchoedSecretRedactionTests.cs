using System.Net;
using System.Text;
using System.Text.Json;
using PayNet.Core.Card;
using PayNet.Core.Security;
using PayNet.Core.Tests.Card;
using PayNet.Core.Tests.Support;
using PayNet.Core.Tests.TopUp;
using PayNet.Core.TopUp;

namespace PayNet.Core.Tests.Redaction;

/// <summary>
/// Issue 13 defect 7: a server that echoes a secret (raw or encoded) must not get it into an exception message,
/// its provider text, ToString() or the JSON a user would export from $Error.
/// </summary>
public sealed class EchoedSecretRedactionTests
{
    private static string Everything(PayNetException error) =>
        string.Join("\n", error.Message, error.ProviderMessage, error.ToString(), (error as TopUpApiException)?.DisplayError,
            JsonSerializer.Serialize(new { error.Message, error.ProviderMessage, error.ProviderCode, error.Reference, Display = (error as TopUpApiException)?.DisplayError }));

    public static TheoryData<string, Func<string, string>> Encodings => new()
    {
        { "raw", s => s },
        { "url-encoded", Uri.EscapeDataString },
        { "url-encoded lower hex", s => Uri.EscapeDataString(s).Replace("%2F", "%2f").Replace("%2B", "%2b") },
        { "json-escaped", s => JsonEncodedText.Encode(s).ToString() },
        { "base64", s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_TopUp_error_echoing_the_POS_token_comes_out_redacted(string name, Func<string, string> encode)
    {
        string echoed = encode(TopUpTestKit.Token);
        var handler = new ScriptedHandler((_, _) => TopUpTestKit.Error(50, $"Invalid request for token {echoed}", display: $"token {echoed} refused"));
        using var client = TopUpTestKit.Client(handler);

        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "red-1" }));

        string all = Everything(error);
        Assert.DoesNotContain(TopUpTestKit.Token, all);
        Assert.True(!all.Contains(echoed, StringComparison.OrdinalIgnoreCase), $"{name} form leaked: {all}");
        Assert.Contains("***", error.Message);
    }

    [Fact]
    public async Task A_TopUp_error_echoing_the_request_hash_comes_out_redacted()
    {
        var handler = new ScriptedHandler((r, _) =>
        {
            string hash = r.Json.GetProperty("auth").GetProperty("hash").GetString()!;
            return TopUpTestKit.Error(50, $"hash {hash} does not match");
        });
        using var client = TopUpTestKit.Client(handler);

        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "red-2" }));

        string hash = handler.Requests.Last().Json.GetProperty("auth").GetProperty("hash").GetString()!;
        Assert.DoesNotContain(hash, Everything(error));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_Card_error_echoing_the_secret_key_or_its_Basic_header_comes_out_redacted(string name, Func<string, string> encode)
    {
        string echoed = encode(CardTestKit.SecretKey);
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(
            JsonSerializer.Serialize(new { type = "authorization_error", message = $"Authorization: Basic {echoed} is not valid", code = 401, result_code = 7 }), HttpStatusCode.Unauthorized));
        using var client = CardTestKit.Client(handler);

        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => client.CheckAsync(xactId: CardTestKit.XactId));

        string all = Everything(error);
        Assert.True(!all.Contains(echoed, StringComparison.OrdinalIgnoreCase), $"{name} form leaked: {all}");
        Assert.DoesNotContain(CardTestKit.SecretKey, all);
    }

    [Fact]
    public void The_wallet_Basic_value_and_a_short_PIN_are_redacted_but_amounts_that_contain_the_PIN_are_not()
    {
        var redactor = new Redactor();
        redactor.AddBasicCredentials("233200000001", "4821");
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("233200000001:4821"));

        string text = redactor.Redact($"Basic {basic} with PIN 4821 refused; amount 4821.50 on 14821 kept");

        Assert.DoesNotContain(basic, text);
        Assert.Contains("PIN *** refused", text);
        Assert.Contains("4821.50", text);
        Assert.Contains("14821", text);
    }

    [Fact]
    public void Every_common_encoding_of_a_registered_secret_is_masked()
    {
        var redactor = new Redactor();
        const string secret = "sck_sbx_a/b+c=d&e f";
        redactor.AddSecret(secret);
        foreach (var form in new[]
        {
            secret, Uri.EscapeDataString(secret), Uri.EscapeDataString(secret).ToLowerInvariant(), WebUtility.UrlEncode(secret),
            JsonEncodedText.Encode(secret).ToString(), secret.Replace("/", "\\/"), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
        })
        {
            Assert.Equal("x *** y", redactor.Redact($"x {form} y"));
        }
    }
}
