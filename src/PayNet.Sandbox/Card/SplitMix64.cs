namespace PayNet.Sandbox.Card;

/// <summary>
/// SplitMix64: a tiny PRNG whose sequence is fixed by its definition, unlike System.Random's, which .NET does
/// not promise to keep across versions. The card data set must be the same on every machine and release.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [min, max).</summary>
    public int Between(int min, int max) => min + (int)(Next() % (ulong)(max - min));

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count)];

    /// <summary>An upper-case GUID made of two draws (the shape of xact_transaction_id).</summary>
    public string Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Next());
        BitConverter.TryWriteBytes(bytes[8..], Next());
        return new System.Guid(bytes).ToString("D").ToUpperInvariant();
    }
}
