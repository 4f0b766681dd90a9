using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PayNet.Bench;

/// <summary>One goal's line: the figure as min / median / max over rounds, the target and a plain verdict.</summary>
internal sealed record GoalRow(string Goal, string Figure, string Target, string Verdict);

internal sealed class Report
{
    public List<GoalRow> Goals { get; } = new();
    public List<string> Details { get; } = new();
    public List<string> Notes { get; } = new();

    /// <summary>Higher is better: met when the median reaches the target; says whether every round did.</summary>
    public static string AtLeast(Spread s, double target, string unit = "x") =>
        s.Median >= target
            ? (s.Min == s.Max ? "met" : s.Min >= target ? "met (every round)" : $"met at the median; lowest round {Fmt(s.Min)}{unit}")
            : $"missed: {(s.Min == s.Max ? "" : "median ")}{Fmt(s.Median)}{unit} is {Fmt(target - s.Median)}{unit} ({(target - s.Median) / target:P0}) short";

    /// <summary>Lower is better.</summary>
    public static string AtMost(Spread s, double target, string unit = "x") =>
        s.Median <= target
            ? (s.Min == s.Max ? "met" : s.Max <= target ? "met (every round)" : $"met at the median; worst round {Fmt(s.Max)}{unit}")
            : $"missed: {(s.Min == s.Max ? "" : "median ")}{Fmt(s.Median)}{unit} is {Fmt(s.Median - target)}{unit} ({(s.Median - target) / target:P0}) over";

    public static string Fmt(double v) => Math.Abs(v) >= 100 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Cpu()}, {Memory()}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}";

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public string Render(string header)
    {
        var text = new StringBuilder(header).AppendLine();
        text.AppendLine("| Goal | Figure (min / median / max over rounds) | Target | Verdict |").AppendLine("|---|---|---|---|");
        foreach (var g in Goals) text.AppendLine($"| {g.Goal} | {g.Figure} | {g.Target} | {g.Verdict} |");
        if (Details.Count > 0)
        {
            text.AppendLine().AppendLine("Per-side figures (medians over the same rounds):").AppendLine();
            foreach (var d in Details) text.AppendLine("- " + d);
        }
        if (Notes.Count > 0)
        {
            text.AppendLine().AppendLine("Notes:").AppendLine();
            foreach (var n in Notes) text.AppendLine("- " + n);
        }
        return text.ToString();
    }

    private static string Cpu() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU" : "unknown CPU";

    private static string Memory() => File.Exists("/proc/meminfo")
        ? $"{long.Parse(File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim().Split(' ')[0]) / 1048576.0:0} GB RAM" : "";
}
