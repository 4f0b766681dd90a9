namespace PayNet.Sandbox.Control;

/// <summary>One executed money movement, as the sandbox booked it.</summary>
public sealed record LedgerEntry(
    string Api,
    string Operation,
    string Reference,
    string TransactionId,
    decimal Amount,
    string Currency,
    DateTimeOffset At)
{
    /// <summary>Who received the money: a member's principal, a system account, a TopUp account, a Card transaction.</summary>
    public string? Payee { get; init; }
}

/// <summary>
/// Every money movement any API executed, in order. Tests read it through GET /__sandbox/ledger to
/// prove that nothing executed twice.
/// </summary>
public sealed class MoneyLedger
{
    private readonly object _gate = new();
    private readonly List<LedgerEntry> _entries = new();

    public void Record(LedgerEntry entry) { lock (_gate) _entries.Add(entry); }

    public IReadOnlyList<LedgerEntry> Snapshot() { lock (_gate) return _entries.ToArray(); }

    public void Clear() { lock (_gate) _entries.Clear(); }
}

/// <summary>Implemented by each API's in-memory state so /__sandbox/reset can reload every seed.</summary>
public interface ISandboxState
{
    void Reset();
}
