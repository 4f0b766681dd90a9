using System.Diagnostics;

namespace PayNet.Bench;

internal static class Measure
{
    /// <summary>Requests per second for <paramref name="count"/> calls at the given concurrency; median of the repetitions.</summary>
    public static async Task<double> ThroughputAsync(int count, int concurrency, Func<int, CancellationToken, Task> call, int repetitions)
    {
        await RunAsync(Math.Min(200, count), concurrency, call); // warm-up
        var rates = new List<double>();
        for (int r = 0; r < repetitions; r++)
        {
            var watch = Stopwatch.StartNew();
            await RunAsync(count, concurrency, call);
            rates.Add(count / watch.Elapsed.TotalSeconds);
        }
        return Median(rates);
    }

    private static Task RunAsync(int count, int concurrency, Func<int, CancellationToken, Task> call) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) => await call(i, ct));

    /// <summary>
    /// Both sides in alternating rounds (a, b, a, b, ...) after a warm-up of each, so JIT tiering and the
    /// machine's noise hit them alike; returns each side's median requests per second.
    /// </summary>
    public static async Task<(double A, double B)> CompareAsync(int count, int concurrency, Func<int, CancellationToken, Task> a, Func<int, CancellationToken, Task> b, int rounds)
    {
        await RunAsync(Math.Min(2000, count), concurrency, a);
        await RunAsync(Math.Min(2000, count), concurrency, b);
        var ra = new List<double>();
        var rb = new List<double>();
        int perRound = Math.Max(1, count / rounds);
        for (int r = 0; r < rounds; r++)
        {
            foreach (var (call, rates) in r % 2 == 0 ? new[] { (a, ra), (b, rb) } : new[] { (b, rb), (a, ra) })
            {
                var watch = Stopwatch.StartNew();
                await RunAsync(perRound, concurrency, call);
                rates.Add(perRound / watch.Elapsed.TotalSeconds);
            }
        }
        return (Median(ra), Median(rb));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
