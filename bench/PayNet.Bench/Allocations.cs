using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.TopUp;

namespace PayNet.Bench;

/// <summary>
/// P2 allocations: BenchmarkDotNet 0.14's MemoryDiagnoser over one sequential call, the fair raw side
/// against PayNet.Core, against the running sandbox. In-process toolchain (no generated project to
/// build on a shared 2-core machine); allocated bytes are counted on all threads, so the socket and
/// continuation work of an async call is included on both sides.
/// </summary>
[MemoryDiagnoser]
public class SequentialCalls
{
    internal static SandboxProcess Sandbox = null!;
    internal static string ExternalId = null!;

    private RawClients _raw = null!;
    private CardClient _card = null!;
    private TopUpClient _topUp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new RawClients(Sandbox);
        _card = new CardClient(new SecretString(Sandbox.CardKey), new PayNetClientOptions(Sandbox.CardUri));
        _topUp = new TopUpClient(new TopUpCredentials(Sandbox.PosId, new SecretString(Sandbox.PosToken)), new PayNetClientOptions(Sandbox.TopUpUri));
        _raw.ResetPosKeyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _card.Dispose();
        _topUp.Dispose();
    }

    [Benchmark] public Task<RawCardCheckAnswer> RawCardCheck() => _raw.CardCheckAsync("RCN-0001", CancellationToken.None);
    [Benchmark] public Task<IReadOnlyList<CardTransaction>> CoreCardCheck() => _card.CheckAsync(referenceNo: "RCN-0001");
    [Benchmark] public Task<RawTopUpTransaction> RawTopUpFind() => _raw.TopUpFindAsync(ExternalId, CancellationToken.None);
    [Benchmark] public Task<TopUpTransaction> CoreTopUpFind() => _topUp.FindAsync(externalId: ExternalId);

    /// <summary>Per benchmark method: mean time per call (ns) and bytes allocated per call.</summary>
    public static Dictionary<string, (double MeanNs, double Bytes)> Run(bool quick)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 2 : 4)
            .WithIterationCount(quick ? 5 : 12)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 150 : 400));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "paynet-bench-bdn"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<SequentialCalls>(config);
        var figures = new Dictionary<string, (double, double)>();
        foreach (var report in summary.Reports)
        {
            double bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is long b ? b : double.NaN;
            figures[report.BenchmarkCase.Descriptor.WorkloadMethod.Name] = (report.ResultStatistics?.Mean ?? double.NaN, bytes);
        }
        return figures;
    }
}
