using System.Globalization;

namespace PayNet.Bench;

/// <summary>
/// Measures how much CPU other processes used while the bench ran, so results.md can say whether
/// other work competed for the cores. Reads only /proc/stat and /proc/&lt;pid&gt;/stat (name, parent,
/// CPU times), every second; the bench's own process tree (sandbox, pwsh children) is left out.
/// </summary>
internal sealed class Neighbours : IDisposable
{
    private readonly Timer _timer;
    private readonly Dictionary<int, long> _lastTicks = new();
    private readonly object _gate = new();
    private readonly DateTime _start = DateTime.UtcNow;
    private long _otherTicks;
    private double _peakLoad;
    private bool _first = true;
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    public Neighbours() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));

    private void Sample()
    {
        if (!Directory.Exists("/proc")) return;
        try
        {
            lock (_gate)
            {
                if (double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load))
                    _peakLoad = Math.Max(_peakLoad, load);
                var parent = new Dictionary<int, int>();
                var ticks = new Dictionary<int, long>();
                foreach (var dir in Directory.EnumerateDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
                    string stat;
                    try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (Exception) { continue; }
                    // pid (comm) state ppid ... utime(14) stime(15): fields after the closing parenthesis.
                    var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parent[pid] = int.Parse(rest[1], CultureInfo.InvariantCulture);
                    ticks[pid] = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
                }
                int self = Environment.ProcessId;
                foreach (var (pid, t) in ticks)
                {
                    if (IsOurs(pid, self, parent)) continue;
                    long before = _lastTicks.TryGetValue(pid, out var b) ? b : (_first ? t : 0);
                    _otherTicks += Math.Max(0, t - before);
                    _lastTicks[pid] = t;
                }
                _first = false;
            }
        }
        catch (Exception) { /* best effort: a vanished process is not a bench failure */ }
    }

    private static bool IsOurs(int pid, int self, Dictionary<int, int> parent)
    {
        for (int p = pid, depth = 0; p > 1 && depth < 64; depth++)
        {
            if (p == self) return true;
            if (!parent.TryGetValue(p, out p)) return false;
        }
        return false;
    }

    public string Summary()
    {
        Sample();
        lock (_gate)
        {
            double seconds = (DateTime.UtcNow - _start).TotalSeconds, other = _otherTicks / TicksPerSecond;
            double share = other / (seconds * Environment.ProcessorCount);
            string verdict = share >= 0.10
                ? "other work (other engineers' builds and tests) ran concurrently and competed for the cores. Ratios are taken within a round, so both sides of a ratio shared that load, but absolute rates are lower and spreads wider than on a quiet machine"
                : "the machine was otherwise quiet";
            return $"Processes outside the bench used {other:0} CPU-seconds during its {seconds:0} s ({share:P0} of the {Environment.ProcessorCount} cores; peak 1-minute load average {_peakLoad:0.0}): {verdict}.";
        }
    }

    public void Dispose() => _timer.Dispose();
}
