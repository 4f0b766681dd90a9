using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Journal;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Lists the money moves this machine asked PayNet to make, from the local write-ahead journal,
    /// newest first. Streams the month files; a torn line (a crash mid-write) becomes a warning.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetJournal", HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Get-PayNetJournal.md")]
    [OutputType(typeof(JournalEntry))]
    public sealed class GetPayNetJournalCommand : PayNetCmdlet
    {
        /// <summary>Only entries without a final outcome (Sent, Pending, Unknown).</summary>
        [Parameter]
        public SwitchParameter Open { get; set; }

        [Parameter]
        public MoneyMoveState[]? State { get; set; }

        [Parameter]
        public PayNetApi? Service { get; set; }

        /// <summary>Exact reference: trace number, external id or Card xact id.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ExternalId", "TraceNumber", "XactId")]
        public string? Reference { get; set; }

        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>The journal directory; default: the connection's, else $env:PAYNET_JOURNAL, else the per-user data directory.</summary>
        [Parameter]
        public string? Path { get; set; }

        private protected override void Process()
        {
            var journal = JournalResolver.Resolve(Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), null, JournalResolver.RunspaceConnections);
            var query = JournalQueries.Build(Open.IsPresent, State, Service, Reference, Since);
            WriteVerbose($"Reading the PayNet journal in {journal.Directory}.");
            foreach (var entry in journal.Read(query, WriteWarning))
            {
                if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
                WriteObject(entry);
            }
        }
    }

    internal static class JournalQueries
    {
        public static JournalQuery Build(bool open, MoneyMoveState[]? states, PayNetApi? service, string? reference, DateTime? since)
        {
            var query = new JournalQuery
            {
                OpenOnly = open,
                Service = service,
                Reference = string.IsNullOrWhiteSpace(reference) ? null : reference!.Trim(),
                // A DateTime without a kind is the user's local time, as Get-Date gives it.
                Since = since.HasValue ? new DateTimeOffset(since.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(since.Value, DateTimeKind.Local) : since.Value) : (DateTimeOffset?)null,
            };
            if (states is not null) foreach (var state in states) query.States.Add(state);
            return query;
        }
    }
}
