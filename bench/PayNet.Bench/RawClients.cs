using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace PayNet.Bench;

/// <summary>The baseline: the same requests with a bare HttpClient, no pipeline, no models.</summary>
internal sealed class RawClients : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SandboxProcess _sandbox;
    private readonly object _keyGate = new();
    private long _lastKey;
    private int _resigned;

    public RawClients(SandboxProcess sandbox) => _sandbox = sandbox;

    public int Resigned => Volatile.Read(ref _resigned);

    public async Task CardCheckAsync(string reference, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_sandbox.CardUri + "/v1/transaction/check"))
        {
            Content = new StringContent($"{{\"reference_no\":\"{reference}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + _sandbox.CardKey);
        using var response = await _http.SendAsync(request, ct);
        await response.Content.ReadAsStringAsync(ct);
        response.EnsureSuccessStatusCode();
    }

    public async Task TopUpFindAsync(string externalId, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            long key;
            lock (_keyGate) key = _lastKey = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastKey + 1);
            string hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{_sandbox.PosId}{_sandbox.PosToken}{key}"))).ToLowerInvariant();
            using var content = new StringContent($"{{\"auth\":{{\"id\":{_sandbox.PosId},\"key\":{key},\"hash\":\"{hash}\"}},\"external_transaction_id\":\"{externalId}\"}}", Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri(_sandbox.TopUpUri + "/transaction/find"), content, ct);
            string body = await response.Content.ReadAsStringAsync(ct);
            // A key overtaken by a concurrent request is refused (code 1) without executing: sign again.
            if (body.Contains("\"code\":1,") && attempt < 5) { Interlocked.Increment(ref _resigned); continue; }
            response.EnsureSuccessStatusCode();
            return;
        }
    }

    /// <summary>
    /// Two signers on one POS (this loop and PayNet.Core) keep separate key sequences, and a loop faster
    /// than one request per millisecond runs ahead of the clock; the sandbox's "support" reset lets each
    /// phase start clean.
    /// </summary>
    public async Task ResetPosKeyAsync()
    {
        using var response = await _http.PostAsync(new Uri(_sandbox.Root, $"/__sandbox/topup/pos/{_sandbox.PosId}/reset-key"), null);
        response.EnsureSuccessStatusCode();
        lock (_keyGate) _lastKey = 0;
    }

    private int _lastSide = -1;
    private readonly SemaphoreSlim _switch = new(1, 1);

    /// <summary>Resets the POS key when the measured side changes (rounds alternate between the two signers).</summary>
    public async Task ResetWhenSwitching(bool rawSide)
    {
        int side = rawSide ? 1 : 0;
        if (Volatile.Read(ref _lastSide) == side) return;
        await _switch.WaitAsync();
        try
        {
            if (_lastSide != side) { await ResetPosKeyAsync(); _lastSide = side; }
        }
        finally { _switch.Release(); }
    }

    public void Dispose() => _http.Dispose();
}
