using System;
using System.Linq;
using PayNet.Core.Journal;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Which journal directory a journal cmdlet reads: -Path, else the connection's, else $env:PAYNET_JOURNAL or the per-user default.</summary>
    internal static class JournalResolver
    {
        /// <summary>The default connections of the calling runspace.</summary>
        public static ConnectionStore RunspaceConnections => ConnectionStore.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);

        public static FileMoneyJournal Resolve(string? path, PayNetConnection? connection, ConnectionStore connections)
        {
            if (!string.IsNullOrWhiteSpace(path)) return new FileMoneyJournal(path);
            var journal = connection?.Journal ?? connections.All().Select(c => c.Journal).FirstOrDefault(j => j is not null);
            return journal ?? new FileMoneyJournal(JournalLocation.Resolve(null));
        }
    }
}
