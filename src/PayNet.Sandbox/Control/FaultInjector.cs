using System.Text.Json.Serialization;

namespace PayNet.Sandbox.Control;

public enum FaultKind
{
    /// <summary>
    /// Wait, then process normally: the operation commits late, even after the client has given up (the request
    /// is detached from the client's connection before the wait). With AfterCommit it commits first and only the
    /// answer is late (same as <see cref="DelayAfterCommit"/>).
    /// </summary>
    Delay,
    /// <summary>HTTP 500. With AfterCommit the operation runs first and its answer is replaced.</summary>
    Status500,
    /// <summary>HTTP 503 with Retry-After. With AfterCommit the operation runs first.</summary>
    Status503,
    /// <summary>HTTP 429 with Retry-After, before anything runs.</summary>
    Status429,
    /// <summary>The operation commits, then the connection is dropped without an answer.</summary>
    DropAfterCommit,
    /// <summary>The operation commits, then a truncated, unparsable body is sent.</summary>
    Malformed,
    /// <summary>The operation commits at once; its answer is held DelayMs (past the client's timeout), then sent if anyone still listens.</summary>
    DelayAfterCommit,
    /// <summary>The operation commits, then HTTP 200 with a body that is JSON of no known shape.</summary>
    UnreadableAfterCommit,
}

/// <summary>A fault armed for the next <see cref="Count"/> requests whose path and method match.</summary>
public sealed class FaultRule
{
    /// <summary>Full request path, e.g. "/topup/transaction/confirm". A trailing "*" matches a prefix.</summary>
    public string Path { get; set; } = "";
    public string? Method { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public FaultKind Kind { get; set; }
    public int Count { get; set; } = 1;
    public int DelayMs { get; set; } = 5000;
    public bool AfterCommit { get; set; }
    public int RetryAfterSeconds { get; set; } = 1;

    internal bool Matches(HttpRequest request) =>
        (Method is null || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase)) &&
        (Path.EndsWith('*')
            ? request.Path.Value!.StartsWith(Path[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(Path, request.Path.Value, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Arms faults on the next N requests of a route and applies them as middleware, so every API gets
/// the same fault kinds without knowing about them.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();
    private int _injected;

    public int InjectedCount => Volatile.Read(ref _injected);

    private int _inFlight;

    /// <summary>Faulted requests still running (a delay that books late): a judge of the ledger waits for none.</summary>
    public int InFlightCount => Volatile.Read(ref _inFlight);

    public void Arm(FaultRule rule) { lock (_gate) _rules.Add(rule); }

    public void Clear() { lock (_gate) { _rules.Clear(); _injected = 0; } }

    public IReadOnlyList<FaultRule> Armed() { lock (_gate) return _rules.ToArray(); }

    private FaultRule? Take(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/__sandbox")) return null;
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Count > 0 && r.Matches(request));
            if (rule is null) return null;
            if (--rule.Count == 0) _rules.Remove(rule);
            _injected++;
            return rule;
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var rule = Take(context.Request);
        if (rule is null)
        {
            await next(context);
            return;
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            await ApplyAsync(rule, context, next);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ApplyAsync(FaultRule rule, HttpContext context, RequestDelegate next)
    {
        switch (rule.Kind)
        {
            case FaultKind.Delay when !rule.AfterCommit:
                // Deliberately not RequestAborted: the operation must still commit after the client left.
                await DetachFromClient(context);
                await Task.Delay(rule.DelayMs);
                await RunAndAnswerIfListening(context, next);
                return;
            case FaultKind.Delay:
            case FaultKind.DelayAfterCommit:
            {
                await DetachFromClient(context);
                var (status, contentType, body) = await RunAndCaptureResponse(context, next);
                await Task.Delay(rule.DelayMs);
                await AnswerIfListening(context, status, contentType, body);
                return;
            }
            case FaultKind.Status429:
                await WriteStatus(context, 429, rule);
                return;
            case FaultKind.Status500:
            case FaultKind.Status503:
                if (rule.AfterCommit) await RunAndDiscard(context, next);
                await WriteStatus(context, rule.Kind == FaultKind.Status500 ? 500 : 503, rule);
                return;
            case FaultKind.DropAfterCommit:
                await RunAndDiscard(context, next);
                context.Abort();
                return;
            case FaultKind.Malformed:
            {
                string body = await RunAndCapture(context, next);
                context.Response.Clear();
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body.Length > 8 ? body[..(body.Length / 2)] : "{\"stat");
                return;
            }
            case FaultKind.UnreadableAfterCommit:
                await RunAndDiscard(context, next);
                context.Response.Clear();
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"unexpected\":[{\"shape\":true}],\"status\":\"maybe\",\"transaction\":[1]}");
                return;
        }
    }

    /// <summary>
    /// Reads the whole request body now and cuts the request's cancellation from the client's connection, so the
    /// operation can run (and commit) after the client has hung up, as a real server that already has the request does.
    /// </summary>
    private static async Task DetachFromClient(HttpContext context)
    {
        var buffered = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffered);
        buffered.Position = 0;
        context.Request.Body = buffered;
        context.Request.ContentLength = buffered.Length;
        context.RequestAborted = CancellationToken.None;
    }

    private static async Task RunAndAnswerIfListening(HttpContext context, RequestDelegate next)
    {
        var (status, contentType, body) = await RunAndCaptureResponse(context, next);
        await AnswerIfListening(context, status, contentType, body);
    }

    private static async Task<(int Status, string? ContentType, byte[] Body)> RunAndCaptureResponse(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        return (context.Response.StatusCode, context.Response.ContentType, buffer.ToArray());
    }

    private static async Task AnswerIfListening(HttpContext context, int status, string? contentType, byte[] body)
    {
        try
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = contentType;
                context.Response.ContentLength = body.Length;
            }
            await context.Response.Body.WriteAsync(body);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // The client left; the booking stands.
        }
    }

    private static async Task RunAndDiscard(HttpContext context, RequestDelegate next) => await RunAndCapture(context, next);

    private static async Task<string> RunAndCapture(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Each API's own error shape for a server-side failure; TopUp's is an HTML page, as gateways send.</summary>
    private static async Task WriteStatus(HttpContext context, int status, FaultRule rule)
    {
        var response = context.Response;
        if (!response.HasStarted) response.Clear();
        response.StatusCode = status;
        if (status is 429 or 503) response.Headers.RetryAfter = rule.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/wallet", StringComparison.OrdinalIgnoreCase))
        {
            string code = status switch { 429 => "RATE_LIMIT_EXCEEDED", 503 => "SERVICE_UNAVAILABLE", _ => "INTERNAL_ERROR" };
            await response.WriteAsJsonAsync(new
            {
                status = false, sessionExpired = false, failed = true, responseCode = code,
                errors = new[] { new { shortMessage = code, longMessage = $"Injected fault: HTTP {status}" } },
            });
        }
        else if (path.StartsWith("/card", StringComparison.OrdinalIgnoreCase))
        {
            await response.WriteAsJsonAsync(new { type = "api_error", message = $"Injected fault: HTTP {status}", code = status, result_code = 8 });
        }
        else
        {
            response.ContentType = "text/html";
            await response.WriteAsync($"<html><body><h1>{status}</h1>Injected fault</body></html>");
        }
    }
}
