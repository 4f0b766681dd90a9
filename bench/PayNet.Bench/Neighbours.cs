namespace PayNet.Bench;

/// <summary>
/// Watches the machine while the bench runs (every 5 s): the load average and the .NET build, test
/// and compiler processes that are not ours, so results.md can say whether other work competed.
/// </summary>
internal sealed class Neighbours : IDisposable
{
    private readonly Timer _timer;
    private readonly HashSet<int> _ours = new();
    private readonly Dictionary<int, string> _seen = new();
    private double _peakLoad;

    public Neighbours()
    {
        _ours.Add(Environment.ProcessId);
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    public void AddOurs(int pid) { lock (_seen) _ours.Add(pid); }

    private void Sample()
    {
        try
        {
            if (File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load))
                lock (_seen) _peakLoad = Math.Max(_peakLoad, load);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
                string cmd;
                try { cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim(); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
                bool busy = cmd.Contains("MSBuild", StringComparison.OrdinalIgnoreCase) || cmd.Contains("VBCSCompiler", StringComparison.Ordinal)
                    || cmd.Contains("testhost", StringComparison.OrdinalIgnoreCase) || cmd.Contains(" test ", StringComparison.Ordinal) || cmd.Contains(" build ", StringComparison.Ordinal)
                    || cmd.Contains("Pester", StringComparison.Ordinal);
                if (!busy) continue;
                lock (_seen) if (!_ours.Contains(pid)) _seen[pid] = cmd.Length > 80 ? cmd[..80] + "..." : cmd;
            }
        }
        catch (Exception) { /* best effort: a vanished process or an unreadable /proc is not a bench failure */ }
    }

    public string Summary()
    {
        lock (_seen)
            return _seen.Count == 0
                ? $"No other .NET build, test or compiler process was seen during the run (sampled every 5 s); peak 1-minute load average {_peakLoad:0.00} on {Environment.ProcessorCount} cores."
                : $"Other work ran concurrently: {_seen.Count} .NET build/test/compiler process(es) not started by the bench were seen during the run (sampled every 5 s; e.g. `{_seen.Values.First()}`); peak 1-minute load average {_peakLoad:0.00} on {Environment.ProcessorCount} cores. Ratios are taken within a round, so both sides shared that load, but absolute rates are lower than on a quiet machine.";
    }

    public void Dispose() => _timer.Dispose();
}
