using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.TopUp;

/// <summary>A TopUp response: HTTP status, the raw body, and the JSON root when the body is JSON.</summary>
public sealed record TopUpReply(HttpStatusCode Status, string Body, JsonElement Json)
{
    public int? ErrorCode => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("error", out var e) ? e.GetProperty("code").GetInt32() : null;
    public JsonElement Transaction => Json.GetProperty("transaction");
    public int State => Transaction.GetProperty("state").GetInt32();
    public string Id => Transaction.GetProperty("id").GetString()!;
}

/// <summary>
/// Signs TopUp requests as the spec says a client must: auth {id, key, hash = md5(id + token + key)} with a fresh,
/// strictly increasing key for every request.
/// </summary>
public sealed class TopUpTestClient : IDisposable
{
    private static long _lastKey = 1_706_360_400_000;
    private readonly HttpClient _http;

    public TopUpTestClient(SandboxServer sandbox)
    {
        _http = new HttpClient { BaseAddress = sandbox.RootUri, Timeout = TimeSpan.FromSeconds(30) };
        PosId = sandbox.Options.TopUp.PosId;
        Token = sandbox.Options.TopUp.Token;
    }

    public int PosId { get; set; }
    public string Token { get; set; }
    public HttpClient Http => _http;

    public static long NextKey() => Interlocked.Increment(ref _lastKey);

    public static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    public JsonObject Auth(long? key = null, string? hash = null, int? posId = null, string? token = null)
    {
        long k = key ?? NextKey();
        int id = posId ?? PosId;
        string h = hash ?? Md5Hex(id.ToString(CultureInfo.InvariantCulture) + (token ?? Token) + k.ToString(CultureInfo.InvariantCulture));
        return new JsonObject { ["id"] = id, ["key"] = k, ["hash"] = h };
    }

    /// <summary>Posts <paramref name="body"/> with a freshly signed auth object added.</summary>
    public Task<TopUpReply> Post(string path, JsonObject? body = null)
    {
        body ??= new JsonObject();
        if (!body.ContainsKey("auth")) body["auth"] = Auth();
        return PostRaw(path, body.ToJsonString());
    }

    public async Task<TopUpReply> PostRaw(string path, string body)
    {
        using var response = await _http.PostAsync("/topup" + path, new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        try { json = JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { }
        return new TopUpReply(response.StatusCode, text, json);
    }

    public Task<TopUpReply> Check(string product, string externalId, string account, decimal? amount = null) =>
        Post("/transaction/check", new JsonObject
        {
            ["product"] = product,
            ["external_transaction_id"] = externalId,
            ["fields"] = amount is decimal a
                ? new JsonObject { ["customer"] = account, ["account"] = account, ["amount"] = a }
                : new JsonObject { ["customer"] = account, ["account"] = account },
        });

    public Task<TopUpReply> Confirm(string externalId, decimal? amount = null, int? typeId = null)
    {
        var fields = new JsonObject();
        if (amount is decimal a) fields["amount"] = a;
        if (typeId is int t) fields["type_id"] = t;
        return Post("/transaction/confirm", new JsonObject { ["external_transaction_id"] = externalId, ["fields"] = fields });
    }

    public Task<TopUpReply> ConfirmById(string transactionId) =>
        Post("/transaction/confirm", new JsonObject { ["transaction_id"] = transactionId });

    public Task<TopUpReply> Find(string externalId) =>
        Post("/transaction/find", new JsonObject { ["external_transaction_id"] = externalId });

    public Task<TopUpReply> FindById(string transactionId) =>
        Post("/transaction/find", new JsonObject { ["transaction_id"] = transactionId });

    public async Task<decimal> Balance() =>
        (await Post("/balance")).Json.GetProperty("wallets").GetProperty("main").GetDecimal();

    /// <summary>Direct recharge on et-mc: check then confirm, 50 AED to the given 971… account.</summary>
    public async Task<TopUpReply> Recharge(string externalId, string account, decimal amount = 50)
    {
        var check = await Check("et-mc", externalId, account, amount);
        Assert.Null(check.ErrorCode);
        return await Confirm(externalId, amount);
    }

    public async Task<JsonElement> Control(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/__sandbox" + path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task Reset() => Control(HttpMethod.Post, "/reset");

    public void Dispose() => _http.Dispose();
}

/// <summary>One sandbox per test class; every test starts from the seed.</summary>
public abstract class TopUpTestBase : IAsyncLifetime
{
    protected SandboxServer Sandbox { get; private set; } = null!;
    protected TopUpTestClient Client { get; private set; } = null!;

    protected virtual void Configure(SandboxOptions options) { }

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync(Configure);
        Client = new TopUpTestClient(Sandbox);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
