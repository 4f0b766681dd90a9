using System;
using System.Linq;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Journal;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Looks every open journal entry up at PayNet (TopUp by find, Wallet by history, Card refunds by the
    /// refund list and detail) and records the final state; what cannot be settled stays Unknown with
    /// the reason. Moves no money. Shows progress and outputs every entry it looked at, as now recorded.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "PayNetJournal", HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Sync-PayNetJournal.md")]
    [OutputType(typeof(JournalEntry))]
    public sealed class SyncPayNetJournalCommand : PayNetConnectedCmdlet
    {
        private const int ProgressId = 15;

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ExternalId", "TraceNumber", "XactId")]
        public string? Reference { get; set; }

        [Parameter]
        public PayNetApi? Service { get; set; }

        [Parameter]
        public DateTime? Since { get; set; }

        [Parameter]
        public string? Path { get; set; }

        private protected override void Process()
        {
            var journal = JournalResolver.Resolve(Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), Connection, JournalResolver.RunspaceConnections);
            var query = JournalQueries.Build(open: true, null, Service, Reference, Since);
            // Open entries are few (the in-flight and the unknown): listing them first gives the progress bar its total.
            var open = journal.Read(query, WriteWarning).ToList();
            WriteVerbose($"{open.Count} open entr{(open.Count == 1 ? "y" : "ies")} in the PayNet journal in {journal.Directory}.");
            if (open.Count == 0) return;

            var settler = new JournalSettler(journal, Clients());
            int stillUnknown = 0, notLookedUp = 0;
            try
            {
                for (int i = 0; i < open.Count; i++)
                {
                    var entry = open[i];
                    CurrentTarget = entry;
                    WriteProgress(new ProgressRecord(ProgressId, "Settling the PayNet journal", $"{i + 1} of {open.Count}: {entry.Service} {entry.Reference}")
                    {
                        PercentComplete = i * 100 / open.Count,
                    });
                    if (!settler.CanLookUp(entry)) notLookedUp++;
                    var settled = Await(ct => settler.SettleAsync(entry, ct));
                    if (settler.CanLookUp(entry) && settled.State == MoneyMoveState.Unknown) stillUnknown++;
                    WriteObject(settled);
                }
            }
            finally
            {
                WriteProgress(new ProgressRecord(ProgressId, "Settling the PayNet journal", "Done") { RecordType = ProgressRecordType.Completed });
            }
            if (notLookedUp > 0)
                WriteWarning($"{notLookedUp} journal entr{(notLookedUp == 1 ? "y was" : "ies were")} not looked up: no connection of this session sent {(notLookedUp == 1 ? "it" : "them")}. Their Reason names the connection to use.");
            if (stillUnknown > 0)
                WriteWarning($"{stillUnknown} journal entr{(stillUnknown == 1 ? "y stays" : "ies stay")} Unknown; their Reason says why. List them with: Get-PayNetJournal -State Unknown");
        }

        /// <summary>For each service: -Connection when it has the service, else this runspace's default connection for it.</summary>
        private JournalSettlerClients Clients()
        {
            PayNetConnection? For(PayNetApi service) => Connection is not null && Connection.Has(service) ? Connection : JournalResolver.RunspaceConnections.Get(service);
            var card = For(PayNetApi.Card);
            return new JournalSettlerClients
            {
                Wallet = For(PayNetApi.Wallet)?.Wallet,
                TopUp = For(PayNetApi.TopUp)?.TopUp,
                Card = card?.Card,
                CardIdentity = card?.CardIdentity,
            };
        }
    }
}
