using System.Diagnostics;
using System.Globalization;
using System.Text;
using PayNet.Bench;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.TopUp;

// ./build.ps1 Bench, or: dotnet run -c Release --project bench/PayNet.Bench [-- --quick] [--output bench/results.md] [--only P1,P1pwsh,P2,P3,P4,P5]
// Needs the Release module in out/PayNet (build.ps1 Bench builds it) and the pinned pwsh tool (dotnet tool restore).
bool quick = args.Contains("--quick");
string repo = FindRepo();
string output = Arg("--output") ?? Path.Combine(repo, "bench", "results.md");
var only = (Arg("--only") ?? "P1,P1pwsh,P2,P3,P4,P5").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
var sample = TimeSpan.FromSeconds(quick ? 0.5 : 2.0);
int rounds = quick ? 3 : 5, importPairs = quick ? 3 : 11, ledgerRows = quick ? 20_000 : 100_000;
int[] concurrencies = { 1, 4, 16 };
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var report = new Report();
var started = DateTime.UtcNow;
string loadAtStart = Report.LoadAverage();
using var neighbours = new Neighbours();
void Log(string line) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}");

if (args.Contains("--cpu-profile")) { await CpuProfile.RunAsync(); return 0; }

if (args.Contains("--list-profile"))
{
    // Diagnostic: streaming a 100,000-row Card list through PayNet.Core at several page sizes.
    using var sb = await SandboxProcess.StartAsync(repo, "--Sandbox:Card:RandomCount=100000");
    using var cc = new CardClient(new SecretString(sb.CardKey), new PayNetClientOptions(sb.CardUri) { Timeout = TimeSpan.FromMinutes(2) });
    foreach (int size in new[] { 1000, 100, 1000 })
    {
        var watch = Stopwatch.StartNew();
        var (ownCpu, serverCpu) = (Process.GetCurrentProcess().TotalProcessorTime, sb.CpuTime);
        int n = 0;
        await foreach (var _ in cc.ListAsync(new CardListQuery { From = new DateTime(2024, 1, 1), To = new DateTime(2024, 2, 1), IncludeFailed = true, PageSize = size })) n++;
        Console.WriteLine($"page {size}: {n} rows in {watch.Elapsed.TotalSeconds:0.0} s = {n / watch.Elapsed.TotalSeconds:0} rows/s; client CPU {(Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds:0.0} s, sandbox CPU {(sb.CpuTime - serverCpu).TotalSeconds:0.0} s");
    }
    return 0;
}

if (args.Contains("--alloc-profile"))
{
    // Diagnostic: allocation profile of sequential calls (which types, bytes per call), raw then PayNet.Core.
    using var sb = await SandboxProcess.StartAsync(repo);
    using var rw = new RawClients(sb);
    using var cc = new CardClient(new SecretString(sb.CardKey), new PayNetClientOptions(sb.CardUri));
    using var tc = new TopUpClient(new TopUpCredentials(sb.PosId, new SecretString(sb.PosToken)), new PayNetClientOptions(sb.TopUpUri));
    await rw.ResetPosKeyAsync();
    var held = await tc.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 10m });
    string ext = (await tc.ConfirmAsync(held, 10m)).ExternalId!;
    foreach (var (name, call) in new (string, Func<Task>)[]
    {
        ("raw Card check", () => rw.CardCheckAsync("RCN-0001", CancellationToken.None)), ("PayNet.Core Card check", () => cc.CheckAsync(referenceNo: "RCN-0001")),
        ("raw TopUp find", () => rw.TopUpFindAsync(ext, CancellationToken.None)), ("PayNet.Core TopUp find", () => tc.FindAsync(externalId: ext)),
    })
    {
        await rw.ResetPosKeyAsync();
        for (int i = 0; i < 2000; i++) await call();
        const int calls = 20_000;
        long before = GC.GetTotalAllocatedBytes(true);
        using (var profile = new AllocationProfile())
        {
            for (int i = 0; i < calls; i++) await call();
            Console.WriteLine($"{name}: {(GC.GetTotalAllocatedBytes(true) - before) / (double)calls:0} B/call\n{profile.Top(30, calls)}\n");
        }
    }
    return 0;
}

string[] references = { "RCN-0001", "RCN-0002", "RCN-0003", "RCN-0005", "RCN-0007", "RCN-0013", "RCN-0015" };
Spread? cardC1 = null;
using (var sandbox = await SandboxProcess.StartAsync(repo))
using (var raw = new RawClients(sandbox))
using (var card = new CardClient(new SecretString(sandbox.CardKey), new PayNetClientOptions(sandbox.CardUri)))
using (var topUp = new TopUpClient(new TopUpCredentials(sandbox.PosId, new SecretString(sandbox.PosToken)), new PayNetClientOptions(sandbox.TopUpUri)))
{
    await raw.ResetPosKeyAsync();
    var reserved = await topUp.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 10m });
    string external = (await topUp.ConfirmAsync(reserved, 10m)).ExternalId!;
    Task<double> RawCard(int c) => Rounds.SampleAsync(c, sample, (i, ct) => raw.CardCheckAsync(references[i % references.Length], ct));

    if (only.Contains("P1") || only.Contains("P2"))
    {
        foreach (int c in concurrencies)
        {
            Log($"P1 Card check, concurrency {c}");
            var cardFigures = await Rounds.RunAsync(rounds, new[]
            {
                new Side("PayNet.Core", () => Rounds.SampleAsync(c, sample, (i, ct) => card.CheckAsync(referenceNo: references[i % references.Length], cancellationToken: ct))),
                new Side("raw", () => RawCard(c)),
            }, Log);
            var cardRatio = Spread.Of(Rounds.Ratios(cardFigures[0], cardFigures[1]));
            if (c == 1) cardC1 = cardRatio;
            report.Goals.Add(new GoalRow($"P1 Card check through PayNet.Core, concurrency {c}", cardRatio.Format("0.00", "x") + " of fair raw", ">= 0.9x", Report.AtLeast(cardRatio, 0.9)));
            report.Details.Add($"Card check, concurrency {c}: PayNet.Core {Spread.Of(cardFigures[0]).Median:0} calls/s, fair raw {Spread.Of(cardFigures[1]).Median:0} calls/s.");

            Log($"P1 TopUp find, concurrency {c}");
            var topUpFigures = await Rounds.RunAsync(rounds, new[]
            {
                // Both signers share one POS: the sandbox's support reset starts each sample's key sequence clean.
                new Side("PayNet.Core", async () => { await raw.ResetPosKeyAsync(); return await Rounds.SampleAsync(c, sample, (_, ct) => topUp.FindAsync(externalId: external, cancellationToken: ct)); }),
                new Side("raw", async () => { await raw.ResetPosKeyAsync(); return await Rounds.SampleAsync(c, sample, (_, ct) => raw.TopUpFindAsync(external, ct)); }),
            }, Log);
            var topUpRatio = Spread.Of(Rounds.Ratios(topUpFigures[0], topUpFigures[1]));
            report.Goals.Add(new GoalRow($"P1 TopUp find through PayNet.Core, concurrency {c}", topUpRatio.Format("0.00", "x") + " of fair raw", ">= 0.9x", Report.AtLeast(topUpRatio, 0.9)));
            report.Details.Add($"TopUp find, concurrency {c}: PayNet.Core {Spread.Of(topUpFigures[0]).Median:0} calls/s, fair raw {Spread.Of(topUpFigures[1]).Median:0} calls/s.");
        }
        if (raw.Resigned > 0) report.Notes.Add($"The raw TopUp loop re-signed {raw.Resigned} request(s) whose key a concurrent request overtook (the sandbox refuses them unexecuted, code 1), as PayNet.Core does.");
    }

    if (only.Contains("P1pwsh"))
    {
        Log("P1 the cmdlet path in real pwsh");
        using var pwsh = await PwshSession.StartLookupsAsync(repo, sandbox, references);
        foreach (int c in concurrencies)
        {
            string baseline = c == 1 ? "irm" : "irmpar";
            string baselineName = c == 1 ? "an Invoke-RestMethod loop" : $"ForEach-Object -Parallel -ThrottleLimit {c} with Invoke-RestMethod";
            var brief = TimeSpan.FromSeconds(0.5);
            await pwsh.SampleAsync("cmdlet", c, brief);      // warm-up and row-count calibration, not reported
            await pwsh.SampleAsync(baseline, c, brief);
            var figures = await Rounds.RunAsync(rounds, new[]
            {
                new Side("Get-PayNetTransaction", () => pwsh.SampleAsync("cmdlet", c, sample)),
                new Side("fair raw (C#)", () => RawCard(c)),
                new Side(baseline, () => pwsh.SampleAsync(baseline, c, sample)),
            }, Log);
            var vsRaw = Spread.Of(Rounds.Ratios(figures[0], figures[1]));
            var vsIrm = Spread.Of(Rounds.Ratios(figures[0], figures[2]));
            double irmTarget = c == 1 ? 5 : 20;
            report.Goals.Add(new GoalRow($"P1 `Get-PayNetTransaction -ThrottleLimit {c}` in pwsh vs fair raw at concurrency {c}", vsRaw.Format("0.00", "x"), ">= 0.8x", Report.AtLeast(vsRaw, 0.8)));
            report.Goals.Add(new GoalRow($"P1 `Get-PayNetTransaction -ThrottleLimit {c}` vs {baselineName}", vsIrm.Format("0.0", "x"), $">= {irmTarget}x", Report.AtLeast(vsIrm, irmTarget)));
            report.Details.Add($"pwsh, concurrency {c}: Get-PayNetTransaction {Spread.Of(figures[0]).Median:0} lookups/s, fair raw C# {Spread.Of(figures[1]).Median:0} calls/s, {baselineName} {Spread.Of(figures[2]).Median:0} calls/s.");
        }
    }

    if (only.Contains("P2"))
    {
        if (cardC1 is Spread s)
        {
            var perCall = new Spread(1 / s.Max, 1 / s.Median, 1 / s.Min);
            report.Goals.Add(new GoalRow("P2 per-call time, sequential Card check (PayNet.Core / fair raw, from the concurrency-1 rounds)", perCall.Format("0.00", "x"), "<= 1.10x", Report.AtMost(perCall, 1.10)));
        }
        Log("P2 allocations (BenchmarkDotNet MemoryDiagnoser)");
        SequentialCalls.Sandbox = sandbox;
        SequentialCalls.ExternalId = external;
        var bdn = SequentialCalls.Run(quick);
        foreach (var (api, coreName, rawName) in new[] { ("Card check", "CoreCardCheck", "RawCardCheck"), ("TopUp find", "CoreTopUpFind", "RawTopUpFind") })
        {
            if (!bdn.TryGetValue(coreName, out var core) || !bdn.TryGetValue(rawName, out var bare)) { report.Notes.Add($"BenchmarkDotNet gave no figure for {api}."); continue; }
            double ratio = core.Bytes / bare.Bytes;
            var one = new Spread(ratio, ratio, ratio);
            report.Goals.Add(new GoalRow($"P2 allocations per sequential {api} (BenchmarkDotNet MemoryDiagnoser)",
                $"{core.Bytes / 1024:0.0} KB against {bare.Bytes / 1024:0.0} KB: {ratio:0.00}x (time {core.MeanNs / 1000:0} µs against {bare.MeanNs / 1000:0} µs)", "<= 1.5x", Report.AtMost(one, 1.5)));
        }
        report.Notes.Add("P2 allocations come from one BenchmarkDotNet 0.14 run (in-process toolchain, MemoryDiagnoser, all threads counted); allocation counts barely vary between runs, so no spread is given. The sandbox runs in its own process, so only client-side allocations are counted.");
    }

    if (only.Contains("P5")) report.Goals.Add(Wrk(sandbox, Log));
}

if (only.Contains("P3"))
{
    Log($"P3 Import-Module, {importPairs} paired cold starts");
    var (added, bare) = await ImportTime.MeasureAsync(repo, importPairs);
    var spread = Spread.Of(added);
    report.Goals.Add(new GoalRow($"P3 `Import-Module PayNet` added to a cold `dotnet pwsh` start ({importPairs} pairs)", spread.Format("0", " ms") + $" (bare start median {Spread.Of(bare).Median:0} ms)", "< 250 ms", Report.AtMost(spread, 250, " ms")));
}

if (only.Contains("P4"))
{
    Log($"P4 reconciliation of a {ledgerRows:N0}-row ledger in pwsh");
    using var big = await SandboxProcess.StartAsync(repo, $"--Sandbox:Card:RandomCount={ledgerRows}");
    var period = new CardListQuery { From = new DateTime(2024, 1, 1), To = new DateTime(2024, 2, 1), IncludeFailed = true, PageSize = 1000 };
    string ledger = Path.Combine(Path.GetTempPath(), $"paynet-bench-ledger-{Environment.ProcessId}.csv");
    try
    {
        int written = await WriteLedger(big, period, ledger, ledgerRows);
        var info = PwshSession.StartInfo(repo, big, "reconcile.ps1", "-Ledger", ledger, "-From", "2024-01-01", "-To", "2024-02-01");
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        string text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("reconciled ", StringComparison.Ordinal));
        if (line is null) throw new InvalidOperationException("reconcile.ps1 gave no figure: " + text + await errors);
        var f = line.Split(' ');
        int rows = int.Parse(f[1], CultureInfo.InvariantCulture), results = int.Parse(f[2], CultureInfo.InvariantCulture);
        double seconds = double.Parse(f[3], CultureInfo.InvariantCulture), liveMb = double.Parse(f[4], CultureInfo.InvariantCulture) / 1048576.0, rssMb = double.Parse(f[5], CultureInfo.InvariantCulture) / 1048576.0;
        var rate = new Spread(rows / seconds, rows / seconds, rows / seconds);
        report.Goals.Add(new GoalRow($"P4 `Import-Csv | Compare-PayNetTransaction -Service Card`, {rows:N0}-row ledger in pwsh (one run)",
            $"{rows / seconds:0} rows/s ({seconds:0.0} s, {results:N0} results)", ">= 10,000 rows/s", Report.AtLeast(rate, 10_000, " rows/s")));
        var memory = new Spread(liveMb, liveMb, liveMb);
        report.Goals.Add(new GoalRow("P4 peak memory growth during that reconciliation",
            $"+{liveMb:0.0} MB live managed (after full collections every 10,000 rows); +{rssMb:0.0} MB resident high-water mark", "< 64 MB", Report.AtMost(memory, 64, " MB") + (rssMb >= 64 ? $"; the resident high-water mark grew {rssMb:0} MB" : "")));
        report.Notes.Add($"P4 ledger: {written:N0} rows written from the sandbox's own Card list of January 2024 (every 7th amount off by one kuruş), PayNet's side the {ledgerRows:N0} generated + 15 seeded transactions; the rate covers Import-Csv, the comparison and the period's list paged in by the cmdlet.");
    }
    finally
    {
        File.Delete(ledger);
    }
}

string loadAtEnd = Report.LoadAverage();
report.Notes.Add($"Load average (1, 5, 15 min) at start {loadAtStart}, at end {loadAtEnd}. " + neighbours.Summary());
report.Notes.Add("Method: every timed sample lasts at least " + sample.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s; each comparison runs " + rounds + " rounds, the sides' order rotating every round; a ratio is taken within one round and the table gives min / median / max of those per-round ratios. The sandbox runs as a separate Release process on 127.0.0.1. The fair raw side is one HttpClient with System.Text.Json source-generated typed models, status and API code checked. The cmdlet rows run in `dotnet pwsh` (7.6.10, the repository's pinned tool) importing out/PayNet.");

string header = $"# PayNet benchmark results\n\n{started:yyyy-MM-dd HH:mm} UTC, {(quick ? "quick run (short samples, fewer rounds: not for the README)" : "full run")}, {(DateTime.UtcNow - started).TotalMinutes:0.0} min. Machine: {Report.Machine()}.\n";
string markdown = report.Render(header);
if (!only.SetEquals(new[] { "P1", "P1pwsh", "P2", "P3", "P4", "P5" }) && Arg("--output") is null)
    output = Path.Combine(Path.GetTempPath(), "paynet-bench-partial.md");   // a partial run never overwrites the committed results
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllText(output, markdown);
Console.WriteLine(markdown);
Console.WriteLine($"Written to {output}");
return 0;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

// The ledger comes from PayNet's own list (harness work, not timed): Reference, Amount, Currency.
static async Task<int> WriteLedger(SandboxProcess sandbox, CardListQuery period, string path, int limit)
{
    using var source = new CardClient(new SecretString(sandbox.CardKey), new PayNetClientOptions(sandbox.CardUri) { Timeout = TimeSpan.FromMinutes(2) });
    await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
    await writer.WriteLineAsync("Reference,Amount,Currency");
    int rows = 0;
    await foreach (var t in source.ListAsync(period))
    {
        if (string.IsNullOrEmpty(t.ReferenceNo)) continue;
        decimal amount = (t.Amount ?? 0m) + (rows % 7 == 0 ? 0.01m : 0m);
        await writer.WriteLineAsync($"{t.ReferenceNo},{amount.ToString(CultureInfo.InvariantCulture)},{t.Currency}");
        if (++rows == limit) break;
    }
    return rows;
}

static GoalRow Wrk(SandboxProcess sandbox, Action<string> log)
{
    const string goal = "P5 sandbox Card checks per second (wrk -t2 -c32 -d10s, one run)";
    if (!File.Exists("/usr/bin/wrk") && File.Exists("/usr/bin/apt-get"))
    {
        log("P5: wrk is missing; apt-get install -y wrk");
        foreach (var apt in new[] { "update", "install -y wrk" })
        {
            using var p = Process.Start(new ProcessStartInfo("apt-get", apt) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
        }
    }
    if (!File.Exists("/usr/bin/wrk")) return new GoalRow(goal, "skipped", ">= 15,000 req/s", "not measured: wrk is not installed and apt-get could not install it (no root, or no Debian package source)");
    log("P5 wrk");
    string script = Path.Combine(Path.GetTempPath(), "paynet-card-check.lua");
    File.WriteAllText(script, "wrk.method = \"POST\"\nwrk.body = '{\"reference_no\":\"RCN-0001\"}'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
    var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true };
    foreach (var a in new[] { "-t2", "-c32", "-d10s", "-s", script, "-H", "Authorization: Basic " + sandbox.CardKey, sandbox.CardUri + "/v1/transaction/check" }) info.ArgumentList.Add(a);
    using var wrk = Process.Start(info)!;
    string text = wrk.StandardOutput.ReadToEnd();
    wrk.WaitForExit();
    var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("Requests/sec:"));
    if (line is null) return new GoalRow(goal, "no figure", ">= 15,000 req/s", "not measured: wrk printed no Requests/sec line");
    var non2xx = text.Split('\n').FirstOrDefault(l => l.Contains("Non-2xx"));
    double rps = double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
    var s = new Spread(rps, rps, rps);
    return new GoalRow(goal, $"{rps:0} req/s" + (non2xx is null ? "" : $" ({non2xx.Trim()})"), ">= 15,000 req/s", Report.AtLeast(s, 15_000, " req/s"));
}

static string FindRepo()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PayNet.sln"))) dir = dir.Parent;
        if (dir is not null) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository.");
}
