using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Cryptography;
using System.Text;

namespace PayNet.Bench;

/// <summary>
/// The fair baseline: what a careful C# developer writes for the same requests. One shared HttpClient,
/// typed request and answer models read by System.Text.Json source generation straight from the
/// response stream, the status and the API's own code checked. No retry, no timeout per attempt,
/// no logging, no redaction: that is the difference the ratios price.
/// </summary>
internal sealed class RawClients : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SandboxProcess _sandbox;
    private readonly Uri _check, _find;
    private readonly object _keyGate = new();
    private long _lastKey;
    private int _resigned;

    public RawClients(SandboxProcess sandbox)
    {
        _sandbox = sandbox;
        _check = new Uri(sandbox.CardUri + "/v1/transaction/check");
        _find = new Uri(sandbox.TopUpUri + "/transaction/find");
    }

    public int Resigned => Volatile.Read(ref _resigned);

    public async Task<RawCardCheckAnswer> CardCheckAsync(string reference, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _check)
        {
            Content = Json(JsonSerializer.SerializeToUtf8Bytes(new RawCardCheckRequest { ReferenceNo = reference }, RawJson.Default.RawCardCheckRequest)),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + _sandbox.CardKey);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync(RawJson.Default.RawCardCheckAnswer, ct)
            ?? throw new InvalidOperationException("Empty Card answer.");
        if (answer.Code != 0 || answer.Data is not { Count: > 0 }) throw new InvalidOperationException($"Card check failed: {answer.Code} {answer.Message}");
        return answer;
    }

    public async Task<RawTopUpTransaction> TopUpFindAsync(string externalId, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            long key;
            lock (_keyGate) key = _lastKey = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastKey + 1);
            string hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{_sandbox.PosId}{_sandbox.PosToken}{key}")));
            var body = new RawTopUpFindRequest { Auth = new RawTopUpAuth { Id = _sandbox.PosId, Key = key, Hash = hash }, ExternalTransactionId = externalId };
            using var response = await _http.PostAsync(_find, Json(JsonSerializer.SerializeToUtf8Bytes(body, RawJson.Default.RawTopUpFindRequest)), ct);
            var answer = await response.Content.ReadFromJsonAsync(RawJson.Default.RawTopUpAnswer, ct)
                ?? throw new InvalidOperationException("Empty TopUp answer.");
            // A key overtaken by a concurrent request is refused (code 1) without executing: sign again (as
            // PayNet.Core does, up to 25 rounds).
            if (answer.Error is { Code: 1 } && attempt < 25) { Interlocked.Increment(ref _resigned); continue; }
            response.EnsureSuccessStatusCode();
            return answer.Transaction ?? throw new InvalidOperationException($"TopUp find failed: {answer.Error?.Code} {answer.Error?.Message}");
        }
    }

    /// <summary>
    /// Two signers on one POS (this loop and PayNet.Core) keep separate key sequences, and a loop faster
    /// than one request per millisecond runs ahead of the clock; the sandbox's "support" reset lets each
    /// sample start clean.
    /// </summary>
    public async Task ResetPosKeyAsync()
    {
        using var response = await _http.PostAsync(new Uri(_sandbox.Root, $"/__sandbox/topup/pos/{_sandbox.PosId}/reset-key"), null);
        response.EnsureSuccessStatusCode();
        lock (_keyGate) _lastKey = 0;
    }

    /// <summary>A sized JSON body (Content-Length, as PayNet.Core sends), not a chunked JsonContent stream.</summary>
    private static ByteArrayContent Json(byte[] utf8)
    {
        var content = new ByteArrayContent(utf8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    public void Dispose() => _http.Dispose();
}
