using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PayNet.Bench;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.PowerShell;
using PayNet.PowerShell.Commands;

// One command: dotnet run -c Release --project bench/PayNet.Bench [-- --quick] [--output bench/results.md]
// --split prints where a sequential Card call spends its time: raw HttpClient, the pipeline alone, the client.
bool quick = args.Contains("--quick");
string repo = FindRepo();
string output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault() ?? Path.Combine(repo, "bench", "results.md");
int lookups = quick ? 2_000 : 10_000, sequential = quick ? 600 : 3_000, reps = quick ? 1 : 3, rounds = quick ? 4 : 10, streamRows = quick ? 20_000 : 100_000;
var rows = new List<string[]>();
var notes = new List<string>();
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

if (args.Contains("--split"))
{
    using var sb = await SandboxProcess.StartAsync(repo);
    using var rw = new RawClients(sb);
    var opts = new PayNetClientOptions(sb.CardUri);
    using var pipeline = new PayNetHttpPipeline(PayNet.Core.PayNetApi.Card, opts, null);
    using var cc = new CardClient(new SecretString(sb.CardKey), new PayNetClientOptions(sb.CardUri));
    async Task Pipe(CancellationToken ct)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "v1/transaction/check") { Content = new StringContent("{\"reference_no\":\"RCN-0001\"}", Encoding.UTF8, "application/json") };
        req.Headers.TryAddWithoutValidation("Authorization", "Basic " + sb.CardKey);
        await pipeline.SendAsync(req, new CallInfo(PayNet.Core.PayNetApi.Card, "Check", CallKind.Read), ct);
    }
    for (int k = 0; k < 2; k++)
    {
        double r = await Measure.ThroughputAsync(3000, 1, (i, ct) => rw.CardCheckAsync("RCN-0001", ct), 3);
        double p2 = await Measure.ThroughputAsync(3000, 1, (i, ct) => Pipe(ct), 3);
        double c2 = await Measure.ThroughputAsync(3000, 1, (i, ct) => cc.CheckAsync(referenceNo: "RCN-0001", cancellationToken: ct), 3);
        Console.WriteLine($"raw {1e6 / r:0} us, pipeline {1e6 / p2:0} us, client {1e6 / c2:0} us");
    }
    return 0;
}

string[] references = { "RCN-0001", "RCN-0002", "RCN-0003", "RCN-0005", "RCN-0007", "RCN-0013", "RCN-0015" };
using (var sandbox = await SandboxProcess.StartAsync(repo))
using (var raw = new RawClients(sandbox))
using (var card = new CardClient(new SecretString(sandbox.CardKey), new PayNetClientOptions(sandbox.CardUri)))
using (var topUp = new TopUpClient(new TopUpCredentials(sandbox.PosId, new SecretString(sandbox.PosToken)), new PayNetClientOptions(sandbox.TopUpUri)))
{
    await raw.ResetPosKeyAsync();
    var reserved = await topUp.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 10m });
    string external = (await topUp.ConfirmAsync(reserved, 10m)).ExternalId!;
    using var store = new BenchHost(repo);
    store.Run("Connect-PayNet", new Hashtable { ["SecretKey"] = Secure(sandbox.CardKey), ["BaseUri"] = sandbox.CardUri });

    foreach (int c in new[] { 1, 4, 16 })
    {
        var (coreCard, rawCard) = await Measure.CompareAsync(lookups, c,
            (i, ct) => card.CheckAsync(referenceNo: references[i % references.Length], cancellationToken: ct), (i, ct) => raw.CardCheckAsync(references[i % references.Length], ct), rounds);
        rows.Add(Row($"P1 Card check, concurrency {c}", coreCard, rawCard, "req/s", ">= 0.8x", coreCard / rawCard >= 0.8));
        await raw.ResetPosKeyAsync();
        var (coreTopUp, rawTopUp) = await Measure.CompareAsync(lookups, c,
            async (_, ct) => { await raw.ResetWhenSwitching(false); await topUp.FindAsync(externalId: external, cancellationToken: ct); },
            async (_, ct) => { await raw.ResetWhenSwitching(true); await raw.TopUpFindAsync(external, ct); }, rounds);
        rows.Add(Row($"P1 TopUp find, concurrency {c}", coreTopUp, rawTopUp, "req/s", ">= 0.8x", coreTopUp / rawTopUp >= 0.8));
        double cmdlet = CmdletThroughput(store, references, lookups, c, reps);
        rows.Add(Row($"P1 Get-PayNetTransaction -ThrottleLimit {c}", cmdlet, rawCard, "req/s", ">= 0.8x", cmdlet / rawCard >= 0.8));
    }
    notes.Add("TopUp: the raw loop and PayNet.Core sign for the same POS with separate key sequences, so the POS key is reset (the sandbox's stand-in for PayNet support) before each TopUp phase.");
    if (raw.Resigned > 0) notes.Add($"The raw TopUp loop re-signed {raw.Resigned} request(s) whose key a concurrent request overtook, as the client does.");

    var (coreRate, rawRate) = await Measure.CompareAsync(sequential, 1,
        (i, ct) => card.CheckAsync(referenceNo: references[i % references.Length], cancellationToken: ct), (i, ct) => raw.CardCheckAsync(references[i % references.Length], ct), rounds);
    double rawLatency = 1e6 / rawRate, coreLatency = 1e6 / coreRate;
    rows.Add(new[] { "P2 per-call time, Card check, sequential", $"{coreLatency:0} µs", $"{rawLatency:0} µs", $"{coreLatency / rawLatency:0.00}x", "<= 1.15x", coreLatency / rawLatency <= 1.15 ? "met" : "missed" });

    rows.Add(Wrk(sandbox) ?? new[] { "P5 sandbox Card check (wrk)", "skipped", "", "", ">= 15,000 req/s", "wrk not installed" });
}

using (var big = await SandboxProcess.StartAsync(repo, $"--Sandbox:Card:RandomCount={streamRows}"))
{
    var (rowsRead, pages, firstAt, peakMb, seconds) = await StreamCardList(big);
    rows.Add(new[] { $"P4 stream {rowsRead:N0} Card list rows", $"+{peakMb:0.0} MB peak live managed", "", $"{rowsRead / seconds:0} rows/s", "< 64 MB", peakMb < 64 ? "met" : "missed" });
    rows.Add(new[] { "P4 first row before the second page", $"first row after {firstAt} request(s)", $"{pages} pages", "", "1 request", firstAt == 1 ? "met" : "missed" });
    var (ledgerRows, results, ledgerPeakMb, ledgerSeconds) = await ReconcileLedger(big);
    rows.Add(new[] { $"P4 Compare-PayNetTransaction, {ledgerRows:N0}-row ledger", $"+{ledgerPeakMb:0.0} MB peak live managed", "", $"{ledgerRows / ledgerSeconds:0} rows/s", "bounded by PayNet's side", $"{results:N0} results" });
    var (lines, statementPages, statementFirstAt, statementPeakMb, statementSeconds) = await StreamStatement(big, streamRows);
    rows.Add(new[] { $"P4 stream {lines:N0} Wallet statement lines", $"+{statementPeakMb:0.0} MB peak live managed", "", $"{lines / statementSeconds:0} lines/s", "< 64 MB", statementPeakMb < 64 ? "met" : "missed" });
    rows.Add(new[] { "P4 first statement line before the second page", $"first line after {statementFirstAt} request(s)", $"{statementPages} requests", "", "first page only", statementFirstAt <= 2 ? "met" : "missed" });
}

var report = new StringBuilder();
report.AppendLine("# PayNet benchmark results").AppendLine();
report.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {(quick ? "quick run" : "full run")}. Machine: {Environment.ProcessorCount} cores, {Cpu()}, {Memory()}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
report.AppendLine("The sandbox runs as a separate Release process on 127.0.0.1; both sides of each ratio ran in the same run against it.").AppendLine();
report.AppendLine("| Benchmark | PayNet | Raw HttpClient | Ratio | Target | Result |").AppendLine("|---|---|---|---|---|---|");
foreach (var r in rows) report.AppendLine("| " + string.Join(" | ", r) + " |");
foreach (var n in notes) report.AppendLine().Append("- ").AppendLine(n);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllText(output, report.ToString());
Console.WriteLine(report);
Console.WriteLine($"Written to {output}");
return 0;

static string[] Row(string name, double payNet, double raw, string unit, string target, bool met) =>
    new[] { name, $"{payNet:0} {unit}", $"{raw:0} {unit}", $"{payNet / raw:0.00}x", target, met ? "met" : "missed" };

static double CmdletThroughput(BenchHost host, string[] references, int count, int throttle, int reps)
{
    var rates = new List<double>();
    for (int r = 0; r < reps + 1; r++)
    {
        var watch = Stopwatch.StartNew();
        host.Run("Get-PayNetTransaction", new Hashtable { ["ThrottleLimit"] = throttle },
            Enumerable.Range(0, r == 0 ? Math.Min(200, count) : count).Select(i => new { ReferenceNo = references[i % references.Length] }));
        if (r > 0) rates.Add(count / watch.Elapsed.TotalSeconds);
        if (host.Errors > 0) throw new InvalidOperationException($"{host.Errors} cmdlet lookups failed.");
    }
    return Measure.Median(rates);
}

// History is seeded in the sandbox (POST /__sandbox/history/seed); the client pages 100 lines at a time.
static async Task<(int Lines, int Requests, int FirstAt, double PeakMb, double Seconds)> StreamStatement(SandboxProcess sandbox, int count)
{
    using (var http = new HttpClient())
        (await http.PostAsync(new Uri(sandbox.Root, "/__sandbox/history/seed"),
            new StringContent($"{{\"memberId\":2,\"count\":{count}}}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    var counter = new CountingHandler(new SocketsHttpHandler());
    using var wallet = new PayNet.Core.Wallet.WalletClient(
        new PayNet.Core.Wallet.WalletCredentials(new SecretString(sandbox.WalletApiKey), sandbox.WalletPrincipal, new SecretString(sandbox.WalletPin)),
        new PayNetClientOptions(sandbox.WalletUri) { PrimaryHandlerFactory = () => counter, Timeout = TimeSpan.FromMinutes(2) });
    await wallet.LoginAsync();
    GC.Collect();
    long baseline = GC.GetTotalMemory(true), peak = baseline;
    int lines = 0, firstAt = 0, before = counter.Requests;
    var watch = Stopwatch.StartNew();
    await foreach (var line in wallet.GetStatementAsync(pageSize: 100))
    {
        if (lines++ == 0) firstAt = counter.Requests - before;
        if (lines % 5000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(true));
    }
    return (lines, counter.Requests - before, firstAt, (peak - baseline) / 1048576.0, watch.Elapsed.TotalSeconds);
}

static async Task<(int Rows, int Pages, int FirstAt, double PeakMb, double Seconds)> StreamCardList(SandboxProcess sandbox)
{
    var counter = new CountingHandler(new SocketsHttpHandler());
    using var card = new CardClient(new SecretString(sandbox.CardKey), new PayNetClientOptions(sandbox.CardUri) { PrimaryHandlerFactory = () => counter });
    GC.Collect();
    GC.WaitForPendingFinalizers();
    long baseline = GC.GetTotalMemory(true), peak = baseline;
    int rows = 0, firstAt = 0;
    var watch = Stopwatch.StartNew();
    await foreach (var row in card.ListAsync(new CardListQuery { From = new DateTime(2024, 1, 1), To = new DateTime(2024, 2, 1), IncludeFailed = true, PageSize = 1000 }))
    {
        if (rows++ == 0) firstAt = counter.Requests;
        // Live memory (after a full collection): what the stream holds on to, not garbage awaiting the GC.
        if (rows % 5000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(true));
    }
    return (rows, counter.Requests, firstAt, (peak - baseline) / 1048576.0, watch.Elapsed.TotalSeconds);
}

// The ledger is generated row by row from PayNet's own list (every 7th amount off by a cent), so the
// harness never holds it: memory is what Compare-PayNetTransaction keeps, i.e. PayNet's side.
static async Task<(int Rows, int Results, double PeakMb, double Seconds)> ReconcileLedger(SandboxProcess sandbox)
{
    using var host = new BenchHost(FindRepo());
    host.Run("Connect-PayNet", new Hashtable { ["SecretKey"] = Secure(sandbox.CardKey), ["BaseUri"] = sandbox.CardUri });
    using var source = new CardClient(new SecretString(sandbox.CardKey), new PayNetClientOptions(sandbox.CardUri));
    var period = new CardListQuery { From = new DateTime(2024, 1, 1), To = new DateTime(2024, 2, 1), IncludeFailed = true, PageSize = 1000 };
    GC.Collect();
    long baseline = GC.GetTotalMemory(true), peak = baseline;
    int rows = 0;
    var watch = Stopwatch.StartNew();
    IEnumerable<Dictionary<string, object?>> Ledger()
    {
        var e = source.ListAsync(period).GetAsyncEnumerator();
        while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            var t = e.Current;
            if (string.IsNullOrEmpty(t.ReferenceNo)) continue;
            var row = new Dictionary<string, object?> { ["Reference"] = t.ReferenceNo, ["Amount"] = ((t.Amount ?? 0m) + (rows % 7 == 0 ? 0.01m : 0m)).ToString(CultureInfo.InvariantCulture), ["Currency"] = "TRY" };
            if (++rows % 5000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(true));
            yield return row;
        }
    }
    host.Run("Compare-PayNetTransaction", new Hashtable { ["Service"] = PayNet.Core.PayNetApi.Card, ["From"] = period.From, ["To"] = period.To }, Ledger());
    peak = Math.Max(peak, GC.GetTotalMemory(true));
    return (rows, host.Objects, (peak - baseline) / 1048576.0, watch.Elapsed.TotalSeconds);
}

static string[]? Wrk(SandboxProcess sandbox)
{
    if (!File.Exists("/usr/bin/wrk")) return null;
    string script = Path.Combine(Path.GetTempPath(), "paynet-card-check.lua");
    File.WriteAllText(script, "wrk.method = \"POST\"\nwrk.body = '{\"reference_no\":\"RCN-0001\"}'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
    var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true };
    foreach (var a in new[] { "-t2", "-c32", "-d10s", "-s", script, "-H", "Authorization: Basic " + sandbox.CardKey, sandbox.CardUri + "/v1/transaction/check" }) info.ArgumentList.Add(a);
    using var wrk = Process.Start(info)!;
    string text = wrk.StandardOutput.ReadToEnd();
    wrk.WaitForExit();
    var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("Requests/sec:"));
    if (line is null) return new[] { "P5 sandbox Card check (wrk)", "no figure", "", "", ">= 15,000 req/s", "wrk gave no figure" };
    double rps = double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
    return new[] { "P5 sandbox Card check (wrk -t2 -c32 -d10s)", $"{rps:0} req/s", "", "", ">= 15,000 req/s", rps >= 15000 ? "met" : "missed" };
}

static System.Security.SecureString Secure(string text)
{
    var s = new System.Security.SecureString();
    foreach (var ch in text) s.AppendChar(ch);
    return s;
}

static string FindRepo()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PayNet.sln"))) dir = dir.Parent;
    dir ??= new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PayNet.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

static string Cpu() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU" : "unknown CPU";

static string Memory() => File.Exists("/proc/meminfo")
    ? $"{long.Parse(File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim().Split(' ')[0]) / 1048576.0:0} GB RAM" : "";

internal sealed class CountingHandler : DelegatingHandler
{
    public CountingHandler(HttpMessageHandler inner) : base(inner) { }
    public int Requests;
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Requests);
        return base.SendAsync(request, cancellationToken);
    }
}
