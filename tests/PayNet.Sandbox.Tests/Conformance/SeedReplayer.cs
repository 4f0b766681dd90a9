using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Tests.Conformance;

public enum SeedApi { Wallet, TopUp, Card }

/// <summary>What the sandbox answered to a replayed sample.</summary>
public sealed record SeedReply(HttpStatusCode Status, string Body, JsonNode? Json, string SentBody);

/// <summary>
/// Sends a seed's sample request to the sandbox with only the endpoint and the credentials replaced:
/// Wallet's <c>apikey</c> and <c>Paynet-Session-Token</c> headers (a fresh session of the sandbox's default
/// member), TopUp's <c>auth</c> object re-signed for the sandbox POS as topup.md §2 says (a fresh,
/// increasing key; md5(id + token + key)), Card's Basic secret key. Method, path, content type and every
/// other byte of the body stay as the page shows them.
/// </summary>
public sealed class SeedReplayer
{
    /// <summary>Non-ASCII text goes as the page wrote it, not as \u escapes.</summary>
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static long _lastKey = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private readonly SandboxServer _sandbox;
    private readonly HttpClient _http;

    public SeedReplayer(SandboxServer sandbox, HttpClient http)
    {
        _sandbox = sandbox;
        _http = http;
    }

    public static SeedApi ApiOf(Uri url) =>
        url.Host.Equals("gateway.paynet.systems", StringComparison.OrdinalIgnoreCase) ? SeedApi.Wallet
        : url.Host.EndsWith("paynet.com.tr", StringComparison.OrdinalIgnoreCase) ? SeedApi.Card
        : SeedApi.TopUp;

    /// <summary>The sandbox path for a documented URL: each API keeps its spec's paths below its prefix.</summary>
    public static string SandboxPath(Uri url) => ApiOf(url) switch
    {
        SeedApi.Wallet => "/wallet/api" + (url.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) ? url.AbsolutePath[4..] : url.AbsolutePath),
        SeedApi.Card => "/card" + url.AbsolutePath,
        _ => "/topup" + url.AbsolutePath,
    };

    public async Task<SeedReply> SendAsync(SeedRequest request)
    {
        var api = ApiOf(request.Url);
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_sandbox.RootUri, SandboxPath(request.Url)));
        foreach (var (name, value) in request.Headers)
        {
            string replaced = await CredentialFor(api, name) ?? value;
            if (replaced.Contains("{{", StringComparison.Ordinal))
                throw new InvalidOperationException($"{request.Describe()}: header {name} holds a placeholder the test does not know how to fill: {value}");
            message.Headers.TryAddWithoutValidation(name, replaced);
        }
        if (api == SeedApi.Card && !message.Headers.Contains("Authorization"))
            message.Headers.TryAddWithoutValidation("Authorization", "Basic " + _sandbox.Options.Card.SecretKey);

        string body = BodyToSend(request);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (request.ContentType is { } contentType) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        message.Content = content;

        using var response = await _http.SendAsync(message);
        string text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = JsonNode.Parse(text); } catch (JsonException) { }
        return new SeedReply(response.StatusCode, text, json, body);
    }

    /// <summary>The body as written, unless it carries TopUp's auth object, which is re-signed in place.</summary>
    private string BodyToSend(SeedRequest request)
    {
        if (request.Body is JsonObject obj && obj.ContainsKey("auth") && ApiOf(request.Url) == SeedApi.TopUp)
        {
            var copy = (JsonObject)obj.DeepClone();
            copy["auth"] = SignedAuth();
            AssertNoExpressions(request, copy, "$");
            return copy.ToJsonString(AsWritten);
        }
        if (request.RawBody is { } raw) return raw;
        AssertNoExpressions(request, request.Body, "$");
        return request.Body?.ToJsonString(AsWritten) ?? "";
    }

    private JsonObject SignedAuth()
    {
        var topUp = _sandbox.Options.TopUp;
        long key = Interlocked.Increment(ref _lastKey);
        string id = topUp.PosId.ToString(CultureInfo.InvariantCulture);
        string hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(id + topUp.Token + key.ToString(CultureInfo.InvariantCulture))));
        return new JsonObject { ["id"] = topUp.PosId, ["key"] = key, ["hash"] = hash };
    }

    private async Task<string?> CredentialFor(SeedApi api, string header)
    {
        if (api == SeedApi.Wallet && header.Equals("apikey", StringComparison.OrdinalIgnoreCase)) return _sandbox.Options.Wallet.ApiKey;
        if (api == SeedApi.Wallet && header.Equals("Paynet-Session-Token", StringComparison.OrdinalIgnoreCase)) return await WalletSessionAsync();
        if (api == SeedApi.Card && header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) return "Basic " + _sandbox.Options.Card.SecretKey;
        return null;
    }

    /// <summary>A session of the sandbox's default member (member 2, the seed's caller).</summary>
    private async Task<string> WalletSessionAsync()
    {
        var wallet = _sandbox.Options.Wallet;
        using var login = new HttpRequestMessage(HttpMethod.Post, new Uri(_sandbox.RootUri, "/wallet/api/access/login"))
        {
            Content = new StringContent("""{"authType":"SESSION"}""", Encoding.UTF8, "application/json"),
        };
        login.Headers.TryAddWithoutValidation("apikey", wallet.ApiKey);
        login.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(wallet.Principal + ":" + wallet.Pin)));
        using var response = await _http.SendAsync(login);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return json?["sessionId"]?.GetValue<string>() ?? throw new InvalidOperationException("The sandbox login gave no sessionId.");
    }

    private static void AssertNoExpressions(SeedRequest request, JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o) AssertNoExpressions(request, value, $"{path}.{name}");
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++) AssertNoExpressions(request, a[i], $"{path}[{i}]");
                break;
            default:
                if (SeedLiteralReader.IsExpression(node, out string text))
                    throw new InvalidOperationException($"{request.Describe()}: {path} is computed ({text}); only credentials may be, and the test replays only literals.");
                break;
        }
    }
}
