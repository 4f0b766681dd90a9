using PayNet.Core.Journal;

namespace PayNet.PowerShell
{
    public sealed partial class PayNetConnection
    {
        /// <summary>The journal directory this connection writes every money move to; empty with -NoJournal.</summary>
        public string? JournalPath => Journal?.Directory;

        /// <summary>Null when connected with -NoJournal.</summary>
        internal FileMoneyJournal? Journal { get; set; }

        /// <summary>The Card key's fingerprint as written in this connection's Card intents (never the key).</summary>
        internal string? CardIdentity { get; set; }
    }
}
