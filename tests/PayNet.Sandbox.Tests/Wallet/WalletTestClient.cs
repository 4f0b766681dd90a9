using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>One Wallet answer: HTTP status, headers and the parsed envelope.</summary>
public sealed class WalletResponse
{
    public WalletResponse(HttpStatusCode status, HttpResponseHeaders headers, string raw)
    {
        Status = status;
        Headers = headers;
        Raw = raw;
        Root = JsonDocument.Parse(raw).RootElement.Clone();
    }

    public HttpStatusCode Status { get; }
    public HttpResponseHeaders Headers { get; }
    public string Raw { get; }
    public JsonElement Root { get; }

    public bool Ok => Root.GetProperty("status").GetBoolean();
    public string Code => Root.GetProperty("responseCode").GetString()!;
    public bool SessionExpired => Root.GetProperty("sessionExpired").GetBoolean();
    public string LongMessage => Root.GetProperty("errors")[0].GetProperty("longMessage").GetString()!;
    public JsonElement Payload(string key) => Root.GetProperty("payload").GetProperty(key);
    public string Header(string name) => Headers.GetValues(name).Single();

    /// <summary>Asserts a refusal: HTTP status, envelope flags and code all agree.</summary>
    public WalletResponse AssertFailure(HttpStatusCode status, string code)
    {
        Assert.True(status == Status && code == Code, $"Expected {(int)status} {code}, got {(int)Status}: {Raw}");
        Assert.False(Ok);
        Assert.True(Root.GetProperty("failed").GetBoolean());
        Assert.False(Root.TryGetProperty("payload", out _));
        Assert.NotEmpty(Root.GetProperty("errors").EnumerateArray());
        return this;
    }

    public WalletResponse AssertSuccess()
    {
        Assert.True(Ok && Status == HttpStatusCode.OK, $"Expected success, got {(int)Status}: {Raw}");
        Assert.False(Root.GetProperty("failed").GetBoolean());
        Assert.Equal("SUCCESS", Code);
        return this;
    }
}

/// <summary>Talks to the sandbox over real loopback HTTP, the way a client would.</summary>
public sealed class WalletClient : IDisposable
{
    private readonly HttpClient _http;

    public WalletClient(SandboxServer sandbox)
    {
        Sandbox = sandbox;
        _http = new HttpClient { BaseAddress = sandbox.RootUri };
    }

    public SandboxServer Sandbox { get; }
    public string ApiKey => Sandbox.Options.Wallet.ApiKey;

    public async Task<WalletResponse> Send(HttpMethod method, string path, object? body = null, string? token = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, "/wallet/api/" + path.TrimStart('/'));
        request.Headers.Add("apikey", ApiKey);
        if (token is not null) request.Headers.Add("Paynet-Session-Token", token);
        if (body is string text) request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        else if (body is HttpContent content) request.Content = content;
        else if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        configure?.Invoke(request);
        using var response = await _http.SendAsync(request);
        return new WalletResponse(response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync());
    }

    public Task<WalletResponse> Post(string path, object? body = null, string? token = null, Action<HttpRequestMessage>? configure = null) =>
        Send(HttpMethod.Post, path, body ?? new { }, token, configure);

    public Task<WalletResponse> Get(string path, string? token = null) => Send(HttpMethod.Get, path, null, token);

    public static void Basic(HttpRequestMessage request, string principal, string pin) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{principal}:{pin}")));

    public Task<WalletResponse> LoginRaw(string principal, string pin, object? body = null) =>
        Post("access/login", body ?? new { authType = "SESSION" }, configure: r => Basic(r, principal, pin));

    public async Task<WalletUser> Login(string principal = "48889", string pin = "1234")
    {
        var response = (await LoginRaw(principal, pin)).AssertSuccess();
        return new WalletUser(this, response.Root.GetProperty("sessionId").GetString()!);
    }

    public async Task<JsonElement> Control(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _http.PostAsync("/__sandbox/" + path.TrimStart('/'),
            new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"));
        string raw = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {(int)expected}, got {(int)response.StatusCode}: {raw}");
        return JsonDocument.Parse(raw).RootElement.Clone();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> ControlGet(string path)
    {
        using var response = await _http.GetAsync("/__sandbox/" + path.TrimStart('/'));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public Task Reset() => Control("reset");
    public Task AdvanceMinutes(double minutes) => Control("clock", new { advanceMinutes = minutes });
    public Task SetClock(DateTimeOffset now) => Control("clock", new { now = now.ToString("O") });

    /// <summary>The ledger entries the Wallet API wrote, in order.</summary>
    public async Task<JsonElement[]> Ledger()
    {
        var (_, body) = await ControlGet("ledger");
        return body.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("api").GetString() == "Wallet").ToArray();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A logged-in member: every call carries its session token.</summary>
public sealed class WalletUser
{
    public WalletUser(WalletClient client, string token)
    {
        Client = client;
        Token = token;
    }

    public WalletClient Client { get; }
    public string Token { get; }

    public Task<WalletResponse> Post(string path, object? body = null) => Client.Post(path, body, Token);
    public Task<WalletResponse> Get(string path) => Client.Get(path, Token);
    public Task<WalletResponse> Put(string path, object body) => Client.Send(HttpMethod.Put, path, body, Token);

    public async Task<decimal> Balance(string account = "default") =>
        (await Get($"accounts/{account}/status")).AssertSuccess().Payload("AccountStatus").GetProperty("balance").GetDecimal();

    public async Task<JsonElement> Status(string account = "default") =>
        (await Get($"accounts/{account}/status")).AssertSuccess().Payload("AccountStatus");

    /// <summary>Confirms a member payment; returns the created transfer id.</summary>
    public async Task<long> Pay(object body)
    {
        var response = (await Post("payments/confirm/member-payment", body)).AssertSuccess();
        return response.Payload("ConfirmPaymentResult").GetProperty("id").GetInt64();
    }

    public async Task<JsonElement[]> History(string query = "", string account = "default") =>
        (await Get($"accounts/{account}/history{query}")).AssertSuccess()
            .Payload("AccountHistoryResultPage").GetProperty("elements").EnumerateArray().ToArray();
}

/// <summary>One sandbox per test class; each test starts from the seed via /__sandbox/reset.</summary>
public sealed class WalletFixture : IAsyncLifetime
{
    public SandboxServer Sandbox { get; private set; } = null!;
    public WalletClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync();
        Client = new WalletClient(Sandbox);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>Base for tests sharing a fixture: resets the sandbox before each test.</summary>
public abstract class WalletTestBase : IClassFixture<WalletFixture>, IAsyncLifetime
{
    protected WalletTestBase(WalletFixture fixture) => Wallet = fixture.Client;

    protected WalletClient Wallet { get; }

    public Task InitializeAsync() => Wallet.Reset();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A sandbox with non-default options, for the few tests that need one.</summary>
    protected static async Task<(SandboxServer Server, WalletClient Client)> StartWith(Action<SandboxOptions> configure)
    {
        var server = await SandboxServer.StartAsync(configure);
        return (server, new WalletClient(server));
    }
}
