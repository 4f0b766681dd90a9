using System.Net;
using System.Text;
using System.Text.Json;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.Card;

public sealed record CardReply(HttpStatusCode Status, string Body, JsonElement Json)
{
    public int Code => Json.GetProperty("code").GetInt32();
    public JsonElement Data => Json.GetProperty("Data");
    public JsonElement Row(int index = 0) => Data[index];
}

/// <summary>Posts JSON to the card API with `Authorization: Basic &lt;raw secret key&gt;`.</summary>
public sealed class CardTestClient : IDisposable
{
    private readonly HttpClient _http;

    public CardTestClient(SandboxServer sandbox)
    {
        _http = new HttpClient { BaseAddress = sandbox.RootUri, Timeout = TimeSpan.FromSeconds(30) };
        SecretKey = sandbox.Options.Card.SecretKey;
    }

    public string? SecretKey { get; set; }
    public HttpClient Http => _http;

    public Task<CardReply> Post(string path, object? body = null) =>
        PostRaw(path, body is null ? "{}" : JsonSerializer.Serialize(body), "application/json");

    public async Task<CardReply> PostRaw(string path, string body, string contentType, string? authorization = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, "/card" + path);
        if (method != HttpMethod.Get) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        string? header = authorization ?? (SecretKey is null ? null : "Basic " + SecretKey);
        if (header is not null) request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        try { json = JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { }
        return new CardReply(response.StatusCode, text, json);
    }

    public async Task<string> XactIdOf(long id) =>
        (await Post("/v1/transaction/detail", new { id })).Row().GetProperty("xact_id").GetString()!;

    public async Task<JsonElement> Detail(long id) => (await Post("/v1/transaction/detail", new { id })).Row();

    public async Task<JsonElement> Control(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/__sandbox" + path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Moves the sandbox clock to a Turkey-local instant.</summary>
    public Task SetClock(string turkeyLocal) => Control(HttpMethod.Post, "/clock", new { now = turkeyLocal + "+03:00" });

    public void Dispose() => _http.Dispose();
}

public abstract class CardTestBase : IAsyncLifetime
{
    protected SandboxServer Sandbox { get; private set; } = null!;
    protected CardTestClient Client { get; private set; } = null!;

    protected virtual void Configure(SandboxOptions options) { }

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync(Configure);
        Client = new CardTestClient(Sandbox);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }

    protected static decimal Sum(JsonElement rows, string field) => rows.EnumerateArray().Sum(r => r.GetProperty(field).GetDecimal());
}
