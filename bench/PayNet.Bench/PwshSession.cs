using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PayNet.Bench;

/// <summary>
/// Real PowerShell: `dotnet pwsh` (the repository's pinned local tool) running a bench script in a
/// child process, the module imported from out/PayNet as a user would.
/// </summary>
internal sealed class PwshSession : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private PwshSession(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
    }

    public static ProcessStartInfo StartInfo(string repo, SandboxProcess sandbox, string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(repo, "bench", script), "-Module", ModulePath(repo) }.Concat(arguments))
            info.ArgumentList.Add(a);
        info.Environment["PAYNET_BENCH_CARD_URI"] = sandbox.CardUri.ToString().TrimEnd('/');
        info.Environment["PAYNET_BENCH_CARD_KEY"] = sandbox.CardKey;
        return info;
    }

    public static string ModulePath(string repo) => Path.Combine(repo, "out", "PayNet", "PayNet.psd1");

    public static async Task<PwshSession> StartLookupsAsync(string repo, SandboxProcess sandbox, IEnumerable<string> references)
    {
        var info = StartInfo(repo, sandbox, "lookups.ps1");
        info.Environment["PAYNET_BENCH_REFERENCES"] = string.Join(',', references);
        var session = new PwshSession(Process.Start(info)!);
        string? line;
        while ((line = await session._process.StandardOutput.ReadLineAsync()) is not null && line != "ready") { }
        if (line is null) throw new InvalidOperationException("pwsh exited before it was ready: " + session.Errors);
        return session;
    }

    public string Errors { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>One timed sample of a mode of bench/lookups.ps1; calls per second.</summary>
    public async Task<double> SampleAsync(string mode, int concurrency, TimeSpan minimum)
    {
        await _process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {mode} {concurrency} {minimum.TotalSeconds}"));
        await _process.StandardInput.FlushAsync();
        string? line;
        while ((line = await _process.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line.StartsWith("rate ", StringComparison.Ordinal))
                return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
            if (line.StartsWith("error ", StringComparison.Ordinal))
                throw new InvalidOperationException($"pwsh {mode} at {concurrency}: {line[6..]}");
        }
        throw new InvalidOperationException("pwsh exited: " + Errors);
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.WriteLine("quit");
            _process.StandardInput.Flush();
            if (!_process.WaitForExit(10_000)) _process.Kill(true);
        }
        catch (Exception) when (_process.HasExited) { }
        _process.Dispose();
    }
}
