using System.Diagnostics;

namespace PayNet.Bench;

/// <summary>One side of a comparison: a timed sample that returns calls per second.</summary>
internal sealed record Side(string Name, Func<Task<double>> Sample);

/// <summary>min / median / max of the per-round figures.</summary>
internal readonly record struct Spread(double Min, double Median, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return new Spread(double.NaN, double.NaN, double.NaN);
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Spread(sorted[0], median, sorted[^1]);
    }

    public string Format(string format, string unit = "") => $"{Min.ToString(format)}{unit} / {Median.ToString(format)}{unit} / {Max.ToString(format)}{unit}";
}

internal static class Rounds
{
    /// <summary>
    /// Calls per second over one timed sample: <paramref name="concurrency"/> workers call back to back
    /// until <paramref name="duration"/> has passed; the sample ends when the last call in flight ends,
    /// so it always lasts at least that long.
    /// </summary>
    public static async Task<double> SampleAsync(int concurrency, TimeSpan duration, Func<int, CancellationToken, Task> call)
    {
        long completed = 0;
        int next = -1;
        var watch = Stopwatch.StartNew();
        var workers = new Task[concurrency];
        for (int w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (watch.Elapsed < duration)
                {
                    await call(Interlocked.Increment(ref next), CancellationToken.None);
                    Interlocked.Increment(ref completed);
                }
            });
        }
        await Task.WhenAll(workers);
        return completed / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Every side once per round, the order rotating from round to round (a b, b a, ... or a b c, b c a,
    /// c a b, ...), so drift and the neighbours' load hit all sides alike. Returns each side's figure per
    /// round: ratios are then taken within a round, never across rounds or phases.
    /// </summary>
    public static async Task<double[][]> RunAsync(int rounds, IReadOnlyList<Side> sides, Action<string>? log = null)
    {
        var figures = sides.Select(_ => new double[rounds]).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            for (int k = 0; k < sides.Count; k++)
            {
                int s = sides.Count == 2 ? (r % 2 == 0 ? k : 1 - k) : (k + r) % sides.Count;
                figures[s][r] = await sides[s].Sample();
                log?.Invoke($"  round {r + 1} {sides[s].Name}: {figures[s][r]:0} /s");
            }
        }
        return figures;
    }

    public static double[] Ratios(double[] numerator, double[] denominator) =>
        numerator.Zip(denominator, (a, b) => a / b).ToArray();
}
