using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// Session tokens of §11.7. Expiry (idle and absolute) is judged only against the sandbox clock, so
/// tests drive it through /__sandbox/clock. Callers hold <see cref="WalletState.Gate"/>.
/// </summary>
internal sealed class WalletSessions
{
    private readonly WalletState _state;
    private readonly Dictionary<string, WalletSession> _byToken = new(StringComparer.Ordinal);
    private long _counter;

    public WalletSessions(WalletState state) => _state = state;

    /// <summary>Drops every session. The counter keeps counting, so a reset never brings an old token back to life.</summary>
    public void Clear() => _byToken.Clear();

    /// <summary>Deterministic in the sandbox: SHA-256 of <c>sess-&lt;memberId&gt;-&lt;counter&gt;</c>, 32 hex digits.</summary>
    public WalletSession Open(long memberId)
    {
        string seed = string.Create(CultureInfo.InvariantCulture, $"sess-{memberId}-{++_counter}");
        string token = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];
        var now = _state.Now;
        var session = new WalletSession { Token = token, MemberId = memberId, CreatedAt = now, LastSeen = now };
        _byToken[token] = session;
        return session;
    }

    /// <summary>The session behind a token without touching it (rate-limit keying).</summary>
    public WalletSession? Peek(string? token) => token is not null && _byToken.TryGetValue(token, out var s) ? s : null;

    /// <summary>A live session, its idle time refreshed; anything else is §11.7's 401.</summary>
    public WalletSession Authenticate(string? token)
    {
        var session = Peek(token?.Trim());
        if (session is null) throw WalletErrors.SessionExpired();
        var now = _state.Now;
        bool idle = now - session.LastSeen >= TimeSpan.FromMinutes(_state.Options.SessionIdleMinutes);
        bool tooOld = now - session.CreatedAt >= TimeSpan.FromHours(_state.Options.SessionAbsoluteHours);
        if (idle || tooOld)
        {
            _byToken.Remove(session.Token);
            throw WalletErrors.SessionExpired();
        }
        session.LastSeen = now;
        return session;
    }

    public bool Expire(string token) => _byToken.Remove(token);

    /// <summary>Logout and PIN change end the member's other sessions (§11.7).</summary>
    public void EndAllOf(long memberId, string? keepToken = null)
    {
        foreach (var token in _byToken.Values.Where(s => s.MemberId == memberId && s.Token != keepToken).Select(s => s.Token).ToList())
            _byToken.Remove(token);
    }
}

internal readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds);

/// <summary>
/// §11.8: a budget of calls per calendar day (UTC of the sandbox clock) per (apikey, member) or, before
/// a member is known, per (apikey, client address). Callers hold <see cref="WalletState.Gate"/>.
/// </summary>
internal sealed class WalletRateLimiter
{
    private readonly WalletState _state;
    private readonly Dictionary<string, (DateOnly Day, int Count)> _counts = new(StringComparer.Ordinal);

    public WalletRateLimiter(WalletState state) => _state = state;

    public void Clear() => _counts.Clear();

    public RateDecision Count(string key)
    {
        var now = _state.Now.ToUniversalTime();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        long reset = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        int limit = _state.Switches.RateLimitPerDay;

        int used = _counts.TryGetValue(key, out var entry) && entry.Day == today ? entry.Count : 0;
        if (used >= limit)
            return new RateDecision(false, limit, 0, reset);
        used++;
        _counts[key] = (today, used);
        return new RateDecision(true, limit, Math.Max(0, limit - used), reset);
    }
}
