using System.Diagnostics.Tracing;

namespace PayNet.Bench;

/// <summary>
/// `--alloc-profile`: which types a call allocates, sampled from the runtime's AllocationTick events
/// (one event about every 100 KB allocated, naming the type that crossed the line). Diagnostic only.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private readonly Dictionary<string, long> _bytesByType = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int nameAt = e.PayloadNames!.IndexOf("TypeName"), amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
        string type = nameAt >= 0 ? e.Payload[nameAt] as string ?? "?" : "?";
        long amount = amountAt >= 0 ? Convert.ToInt64(e.Payload[amountAt]) : 100_000;
        lock (_bytesByType) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
    }

    public string Top(int count, long calls)
    {
        lock (_bytesByType)
            return string.Join("\n", _bytesByType.OrderByDescending(kv => kv.Value).Take(count)
                .Select(kv => $"{kv.Value / (double)calls,8:0} B/call  {kv.Key}"));
    }
}
