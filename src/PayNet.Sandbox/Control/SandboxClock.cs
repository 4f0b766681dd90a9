namespace PayNet.Sandbox.Control;

/// <summary>
/// The sandbox's only source of "now". Tests set or advance it through /__sandbox/clock, which drives
/// session expiry, daily rate limits, same-day card rules and top-up progression.
/// </summary>
public sealed class SandboxClock
{
    private readonly object _gate = new();
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;

    public SandboxClock(SandboxOptions options)
    {
        _start = options.StartTime;
        _now = _start;
    }

    public DateTimeOffset UtcNow { get { lock (_gate) return _now; } }

    public void Set(DateTimeOffset now) { lock (_gate) _now = now.ToUniversalTime(); }

    public void Advance(TimeSpan by) { lock (_gate) _now = _now.Add(by); }

    public void Reset() { lock (_gate) _now = _start; }
}
