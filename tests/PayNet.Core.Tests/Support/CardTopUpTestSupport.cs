using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using PayNet.Core.Http;

namespace PayNet.Core.Tests.Support;

/// <summary>One request as the fake server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A scripted stand-in for the network: each request is recorded and answered by the responder,
/// which sees the request and its 1-based sequence number.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    public ScriptedHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public ScriptedHandler(Func<RecordedRequest, int, HttpResponseMessage> respond)
        : this((r, n, _) => Task.FromResult(respond(r, n))) { }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public IEnumerable<string> Paths => Requests.Select(r => r.Path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, body, headers);
        _requests.Enqueue(recorded);
        int n = Interlocked.Increment(ref _count);
        return await _respond(recorded, n, cancellationToken);
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(string text, HttpStatusCode status) =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, "text/html") };
}

/// <summary>Collects what the pipeline logs, to prove what does and does not appear in Verbose and Debug.</summary>
public sealed class CapturingLog : IPayNetLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public bool IsVerboseEnabled => true;
    public bool IsDebugEnabled => true;
    public void Verbose(string message) => _lines.Enqueue("VERBOSE: " + message);
    public void Debug(string message) => _lines.Enqueue("DEBUG: " + message);
    public void Warning(string message) => _lines.Enqueue("WARNING: " + message);
    public string All => string.Join("\n", _lines);
    public IReadOnlyList<string> Lines => _lines.ToArray();
}

public static class TestOptions
{
    /// <summary>Options whose retries are fast enough for unit tests.</summary>
    public static PayNetClientOptions Fast(Uri baseUri, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        var options = new PayNetClientOptions(baseUri)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            SettleDelays = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(5) },
        };
        if (handler is not null) options.PrimaryHandlerFactory = () => handler;
        return options;
    }
}

/// <summary>The sandbox's control surface (/__sandbox): faults, ledger, reset.</summary>
public sealed class SandboxControl : IDisposable
{
    private readonly HttpClient _http;

    public SandboxControl(Uri root) => _http = new HttpClient { BaseAddress = root };

    public async Task ArmFaultAsync(string path, string kind, int count = 1, bool afterCommit = false, int delayMs = 5000)
    {
        string body = JsonSerializer.Serialize(new { path, kind, count, afterCommit, delayMs });
        using var response = await _http.PostAsync("/__sandbox/faults", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Faults armed and not yet consumed by a request.</summary>
    public async Task<int> ArmedFaultCountAsync()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/__sandbox/faults"));
        return doc.RootElement.GetProperty("armed").GetArrayLength();
    }

    public async Task ClearFaultsAsync() => (await _http.DeleteAsync("/__sandbox/faults")).EnsureSuccessStatusCode();

    public async Task ResetAsync()
    {
        using var response = await _http.PostAsync("/__sandbox/reset", new StringContent("{}", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Ledger entries (executed money movements) whose reference or transaction id is one of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> LedgerForAsync(params string?[] ids)
    {
        string text = await _http.GetStringAsync("/__sandbox/ledger");
        var entries = JsonDocument.Parse(text).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList();
        var wanted = ids.Where(i => !string.IsNullOrEmpty(i)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return entries.Where(e => wanted.Contains(Prop(e, "reference")) || wanted.Contains(Prop(e, "transactionId"))).ToList();
    }

    private static string Prop(JsonElement e, string name) =>
        e.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString()! : "";

    public void Dispose() => _http.Dispose();
}
