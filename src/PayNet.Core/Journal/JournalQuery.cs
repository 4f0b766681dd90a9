using System;
using System.Collections.Generic;

namespace PayNet.Core.Journal
{
    /// <summary>Which entries a read returns. Every filter that is set must match.</summary>
    public sealed class JournalQuery
    {
        /// <summary>Only entries without a final outcome (Sent, Pending, Unknown).</summary>
        public bool OpenOnly { get; set; }

        /// <summary>Only entries in one of these states (empty: any).</summary>
        public ICollection<MoneyMoveState> States { get; } = new HashSet<MoneyMoveState>();

        public PayNetApi? Service { get; set; }

        /// <summary>Exact reference (trace number, external id, xact id); case-sensitive, as PayNet compares it.</summary>
        public string? Reference { get; set; }

        /// <summary>Only entries whose intent was written at or after this time. Older month files are not opened.</summary>
        public DateTimeOffset? Since { get; set; }

        public bool Matches(JournalEntry entry)
        {
            if (OpenOnly && !entry.IsOpen) return false;
            if (States.Count > 0 && !States.Contains(entry.State)) return false;
            if (Service.HasValue && entry.Service != Service.Value) return false;
            if (Reference is not null && !string.Equals(entry.Reference, Reference, StringComparison.Ordinal)) return false;
            if (Since.HasValue && entry.Time < Since.Value) return false;
            return true;
        }
    }
}
