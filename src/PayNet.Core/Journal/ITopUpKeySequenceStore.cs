namespace PayNet.Core.Journal
{
    /// <summary>
    /// Durable, cross-process memory of the last TopUp auth key per POS. Paynet refuses any key not greater
    /// than the last one it saw for the POS, so two processes on one POS, or a restarted process, must never
    /// reuse a key or fall behind one. The key source consults this under its own per-POS lock.
    /// </summary>
    public interface ITopUpKeySequenceStore
    {
        /// <summary>
        /// Atomically (across processes) picks max(<paramref name="atLeast"/>, last stored + 1), stores it as
        /// the POS's last key and returns it.
        /// </summary>
        long ReserveTopUpKey(int posId, long atLeast);

        /// <summary>The last key any process reserved for the POS (0 when none): a refusal of an earlier key may be an overtake.</summary>
        long LastTopUpKey(int posId);
    }
}
