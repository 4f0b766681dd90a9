using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PayNet.Core.Tests.Support;

/// <summary>What the fake saw: one entry per HTTP attempt that reached the "network".</summary>
public sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string Path => Uri.AbsolutePath;

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// A stand-in for the socket handler: rules answer matching requests (first match with calls left
/// wins), and every attempt is recorded. A responder may throw to simulate a dropped connection.
/// </summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();
    private readonly List<CapturedRequest> _requests = new();

    public IReadOnlyList<CapturedRequest> Requests { get { lock (_gate) return _requests.ToArray(); } }

    public IReadOnlyList<CapturedRequest> To(string pathSuffix) =>
        Requests.Where(r => r.Path.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Answers requests whose path ends with <paramref name="pathSuffix"/>; <paramref name="times"/> null means always.</summary>
    public FakeHandler On(string pathSuffix, Func<CapturedRequest, HttpResponseMessage> respond, int? times = null) =>
        On(r => r.Path.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase), respond, times);

    public FakeHandler On(Func<CapturedRequest, bool> match, Func<CapturedRequest, HttpResponseMessage> respond, int? times = null)
    {
        lock (_gate) _rules.Add(new Rule(match, respond, times));
        return this;
    }

    public FakeHandler OnJson(string pathSuffix, string body, int status = 200, int? times = null) =>
        On(pathSuffix, _ => Json(status, body), times);

    public static HttpResponseMessage Json(int status, string body, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (retryAfter is TimeSpan wait) response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        return response;
    }

    public static HttpResponseMessage Text(int status, string body, string mediaType = "text/html") =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        string? body = null;
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(",", h.Value);
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }
        var captured = new CapturedRequest(request.Method, request.RequestUri!, headers, body);
        Rule? rule;
        lock (_gate)
        {
            _requests.Add(captured);
            rule = _rules.FirstOrDefault(r => r.Remaining != 0 && r.Match(captured));
            if (rule is not null && rule.Remaining > 0) rule.Remaining--;
        }
        if (rule is null) return Json(404, "{\"status\":false,\"errors\":[{\"shortMessage\":\"No fake rule\"}]}");
        var response = rule.Respond(captured);
        response.RequestMessage = request;
        return response;
    }

    private sealed class Rule
    {
        public Rule(Func<CapturedRequest, bool> match, Func<CapturedRequest, HttpResponseMessage> respond, int? times)
        {
            Match = match;
            Respond = respond;
            Remaining = times ?? -1;
        }

        public Func<CapturedRequest, bool> Match { get; }
        public Func<CapturedRequest, HttpResponseMessage> Respond { get; }
        public int Remaining { get; set; }
    }
}
