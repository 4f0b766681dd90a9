using System.Diagnostics;

namespace PayNet.Bench;

/// <summary>
/// P3: what Import-Module adds to a cold `dotnet pwsh` start. Runs in pairs (bare start, start that
/// imports), the order alternating from pair to pair; the figure is the difference within each pair.
/// </summary>
internal static class ImportTime
{
    public static async Task<(double[] AddedMs, double[] BareMs)> MeasureAsync(string repo, int pairs)
    {
        string import = $"Import-Module '{PwshSession.ModulePath(repo)}'; exit";
        await StartAsync(repo, "exit");      // warm the disk cache for both commands
        await StartAsync(repo, import);
        var added = new double[pairs];
        var bare = new double[pairs];
        for (int i = 0; i < pairs; i++)
        {
            double b, m;
            if (i % 2 == 0) { b = await StartAsync(repo, "exit"); m = await StartAsync(repo, import); }
            else { m = await StartAsync(repo, import); b = await StartAsync(repo, "exit"); }
            added[i] = m - b;
            bare[i] = b;
        }
        return (added, bare);
    }

    private static async Task<double> StartAsync(string repo, string command)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", command }) info.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var drainOut = process.StandardOutput.ReadToEndAsync();
        var drainErr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        double ms = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"pwsh -Command \"{command}\" exited with {process.ExitCode}: {await drainErr}");
        await drainOut;
        return ms;
    }
}
