using System.Diagnostics;
using PayNet.Core.Journal;
using static PayNet.Core.Tests.Journal.JournalTestKit;

namespace PayNet.Core.Tests.Journal;

/// <summary>Many writers at once, in one process and in several: no torn or lost line, no TopUp key twice.</summary>
public class JournalConcurrencyTests
{
    [Fact]
    public async Task Sixteen_threads_on_four_store_instances_lose_no_line_and_corrupt_none()
    {
        using var dir = new TempJournalDirectory();
        var stores = Enumerable.Range(0, 4).Select(_ => dir.Store()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Run(() =>
        {
            var store = stores[t % stores.Length];
            for (int i = 0; i < 40; i++)
            {
                var intent = Intent($"t{t}-{i}", 1m + i);
                store.RecordIntent(intent);
                store.RecordOutcome(intent, i % 3 == 0 ? MoneyMoveState.Failed : MoneyMoveState.Succeeded, null, $"x{t}-{i}");
            }
        })));

        var warnings = new List<string>();
        var entries = dir.Store().ReadAll(warnings);
        Assert.Empty(warnings);
        Assert.Equal(16 * 40, entries.Count);
        Assert.Equal(16 * 40, entries.Select(e => e.Reference).Distinct().Count());
        Assert.All(entries, e => Assert.False(e.IsOpen));
        Assert.Equal(16 * 40 * 2, File.ReadAllLines(Assert.Single(dir.MonthFiles())).Length);
    }

    [Fact]
    public async Task Many_new_store_instances_racing_to_write_first_into_a_new_directory_all_succeed()
    {
        for (int round = 0; round < 20; round++)
        {
            using var dir = new TempJournalDirectory();
            using var start = new ManualResetEventSlim();
            var writers = Enumerable.Range(0, 12).Select(t => Task.Run(() =>
            {
                var store = dir.Store();
                start.Wait();
                store.RecordIntent(Intent($"first-{t}"));
            })).ToList();
            start.Set();
            await Task.WhenAll(writers);
            Assert.Equal(12, dir.Store().ReadAll().Count);
        }
    }

    [Fact]
    public async Task Readers_running_alongside_writers_never_see_a_torn_line()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        using var stop = new CancellationTokenSource();
        var warnings = new System.Collections.Concurrent.ConcurrentBag<string>();
        var reader = Task.Run(() =>
        {
            int reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                foreach (var _ in store.Read(null, warnings.Add)) { }
                reads++;
            }
            return reads;
        });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < 100; i++) store.RecordIntent(Intent($"r{t}-{i}"));
        })));
        stop.Cancel();
        Assert.True(await reader > 0);
        Assert.Empty(warnings);
        Assert.Equal(400, store.ReadAll().Count);
    }

    [Fact]
    public void Two_processes_and_this_one_append_and_draw_TopUp_keys_at_once_without_a_clash()
    {
        using var dir = new TempJournalDirectory();
        Directory.CreateDirectory(dir.Path);
        string core = typeof(FileMoneyJournal).Assembly.Location;
        const int perChild = 60;
        int pos = 900000 + Random.Shared.Next(99999);
        string script = $$"""
            $ErrorActionPreference = 'Stop'
            Add-Type -Path '{{core}}'
            $journal = [PayNet.Core.Journal.FileMoneyJournal]::new('{{dir.Path}}', [TimeSpan]::FromSeconds(60), $null)
            $keys = [System.Collections.Generic.List[long]]::new()
            for ($i = 0; $i -lt {{perChild}}; $i++) {
                $intent = [PayNet.Core.Journal.MoneyMoveIntent]::new([PayNet.Core.PayNetApi]::TopUp, '4242', 'TopUpConfirm', "p$PID-$i", [decimal]'1.25', 'AED')
                $journal.RecordIntent($intent)
                $keys.Add($journal.ReserveTopUpKey({{pos}}, [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()))
                $journal.RecordOutcome($intent, [PayNet.Core.Journal.MoneyMoveState]::Succeeded, $null, "t$i")
            }
            $keys -join ','
            """;
        var children = Enumerable.Range(0, 2).Select(_ => StartPwsh(script)).ToList();

        var own = new List<long>();
        var store = dir.Store(lockTimeout: TimeSpan.FromSeconds(60));
        for (int i = 0; i < perChild; i++)
        {
            var intent = Intent($"self-{i}");
            store.RecordIntent(intent);
            own.Add(store.ReserveTopUpKey(pos, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            store.RecordOutcome(intent, MoneyMoveState.Succeeded, null, null);
        }

        var keysPerProcess = new List<List<long>> { own };
        foreach (var child in children)
        {
            string output = child.StandardOutput.ReadToEnd();
            string errors = child.StandardError.ReadToEnd();
            Assert.True(child.WaitForExit(120_000), "the child pwsh did not finish");
            Assert.True(child.ExitCode == 0, $"child pwsh failed ({child.ExitCode}): {errors}");
            keysPerProcess.Add(output.Trim().Split(',').Select(long.Parse).ToList());
        }

        var warnings = new List<string>();
        var entries = dir.Store().ReadAll(warnings);
        Assert.Empty(warnings);
        Assert.Equal(3 * perChild, entries.Count);
        Assert.All(entries, e => Assert.Equal(MoneyMoveState.Succeeded, e.State));
        Assert.Equal(3, entries.Select(e => e.ProcessId).Distinct().Count());
        var allKeys = keysPerProcess.SelectMany(k => k).ToList();
        Assert.Equal(allKeys.Count, allKeys.Distinct().Count()); // no key handed out twice across processes
        Assert.All(keysPerProcess, keys => Assert.True(keys.Zip(keys.Skip(1)).All(p => p.Second > p.First)));
        Assert.Equal(allKeys.Max(), dir.Store().LastTopUpKey(pos));
    }

    internal static Process StartPwsh(string script)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script }) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    /// <summary>Where the local tool manifest (pwsh) lives.</summary>
    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PayNet.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PayNet.sln not found above " + AppContext.BaseDirectory);
    }
}
