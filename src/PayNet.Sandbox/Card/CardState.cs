using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Card;

/// <summary>
/// The card emulator's state: one <see cref="CardData"/> generation at a time. Changes happen under
/// <see cref="Gate"/>; a reset builds the new generation outside the lock and swaps it in, so readers never wait.
/// </summary>
public sealed class CardState : ISandboxState
{
    private readonly CardSandboxOptions _options;
    private volatile CardData _data;

    public CardState(SandboxOptions options)
    {
        _options = options.Card;
        _data = Build(null, null, null);
    }

    public object Gate { get; } = new();

    public CardData Data => _data;

    public void Reset() => Rebuild(null, null, null);

    /// <summary>Rebuilds the data set, optionally with another seed, tax rate or number of random rows.</summary>
    public void Rebuild(ulong? seed, decimal? taxRate, int? randomCount)
    {
        var data = Build(seed, taxRate, randomCount);
        lock (Gate) _data = data;
    }

    private CardData Build(ulong? seed, decimal? taxRate, int? randomCount) => CardSeed.Build(
        seed ?? _options.Seed, taxRate ?? _options.TaxRate, Math.Max(0, randomCount ?? _options.RandomCount), _options.EmitBothNetSpellings);

    /// <summary>Transactions named by any of the lookup fields, in stable order; empty when none match.</summary>
    public static IReadOnlyList<CardTransaction> Lookup(CardData data, string? id, string? xactId, string? referenceNo)
    {
        if (id is not null)
        {
            return long.TryParse(id, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long n)
                && data.ById.TryGetValue(n, out var byId) ? new[] { byId } : Array.Empty<CardTransaction>();
        }
        if (xactId is not null)
            return data.ByXactId.TryGetValue(xactId, out var byXact) ? new[] { byXact } : Array.Empty<CardTransaction>();
        if (referenceNo is not null)
            return data.ByReference.TryGetValue(referenceNo, out var byReference) ? byReference : Array.Empty<CardTransaction>();
        return Array.Empty<CardTransaction>();
    }
}
