using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Looks transactions up in any of the three APIs: TopUp by -Id or -ExternalId, Card by -XactId or
    /// -ReferenceNo (with -Detail for the full record) or by period (-From/-To, streaming every page),
    /// Wallet by -TransferId, or any service by -Reference (your reference: a Card reference_no, a
    /// TopUp external id, a Wallet trace number found in the history); without -Service a reference is
    /// looked up in every connected service. Binds from the pipeline: PayNet objects, their CSV or JSON
    /// copies, plain reference strings, and Import-Csv rows with a ReferenceNo, ExternalId, XactId,
    /// TransferId or Reference column. Not found is a non-terminating error. Output keeps input order,
    /// also with -ThrottleLimit.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetTransaction", DefaultParameterSetName = CardListSet, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Get-PayNetTransaction.md")]
    [OutputType(typeof(TopUpTransaction), typeof(CardTransaction), typeof(CardTransactionDetail), typeof(WalletStatementLine))]
    public sealed class GetPayNetTransactionCommand : PayNetConnectedCmdlet
    {
        private const string InputObjectSet = "InputObject";
        private const string TopUpIdSet = "TopUpId";
        private const string TopUpExternalIdSet = "TopUpExternalId";
        private const string CardXactSet = "CardXactId";
        private const string CardReferenceSet = "CardReferenceNo";
        private const string CardListSet = "CardList";
        private const string WalletTransferSet = "WalletTransfer";
        private const string ReferenceSet = "Reference";

        private OrderedLookups<IReadOnlyList<object>>? _lookups;

        /// <summary>
        /// What to look up again: a PayNet object (top-up, card row, receipt, statement line), a CSV or JSON
        /// copy of one, an Import-Csv row with a ReferenceNo, ExternalId, XactId, TransferId or Reference
        /// column, or a plain reference string (looked up in every connected service, or in -Service).
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject InputObject { get; set; } = null!;

        /// <summary>
        /// Your reference: a Card reference_no, a TopUp external id, or a Wallet trace number (found in the
        /// wallet's history). Without -Service every connected service is asked.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ReferenceSet)]
        [Alias("TraceNumber")]
        public string Reference { get; set; } = null!;

        /// <summary>The services to look a -Reference (or a piped reference) up in; default every connected service.</summary>
        [Parameter(ParameterSetName = ReferenceSet)]
        [Parameter(ParameterSetName = InputObjectSet)]
        public PayNetApi[]? Service { get; set; }

        /// <summary>TopUp: PayNet's transaction id.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TopUpIdSet)]
        [Alias("TransactionId")]
        public string Id { get; set; } = null!;

        /// <summary>TopUp: your external_transaction_id.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TopUpExternalIdSet)]
        [Alias("ExternalTransactionId", "external_transaction_id", "OrderId")]
        public string ExternalId { get; set; } = null!;

        /// <summary>Card: PayNet's encrypted transaction id (xk_...).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CardXactSet)]
        [Alias("xact_id")]
        public string XactId { get; set; } = null!;

        /// <summary>Card: your reference_no; one reference can have several rows (a declined attempt and its retry).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CardReferenceSet)]
        [Alias("reference_no", "RefNo", "ReferenceNumber", "AgentReference")]
        public string ReferenceNo { get; set; } = null!;

        /// <summary>Card: the detail endpoint's full record (splits, value dates) instead of the check summary.</summary>
        [Parameter(ParameterSetName = CardXactSet)]
        [Parameter(ParameterSetName = CardReferenceSet)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Parameter(ParameterSetName = ReferenceSet)]
        public SwitchParameter Detail { get; set; }

        /// <summary>Card list: first day of the period (included).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CardListSet)]
        public DateTime From { get; set; }

        /// <summary>Card list: last day of the period (included): -From X -To X is the one day X.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CardListSet)]
        public DateTime To { get; set; }

        /// <summary>Card list: include declined transactions.</summary>
        [Parameter(ParameterSetName = CardListSet)]
        public SwitchParameter IncludeFailed { get; set; }

        /// <summary>Card list: skip rows already marked transferred.</summary>
        [Parameter(ParameterSetName = CardListSet)]
        public SwitchParameter Untransferred { get; set; }

        /// <summary>Wallet: the transfer id of a payment or statement line.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = WalletTransferSet)]
        [Alias("transfer_id")]
        public long TransferId { get; set; }

        /// <summary>
        /// Lookups in flight at once for pipeline input (output order is kept); 1 looks up one at a time.
        /// Every lookup is one API call either way, so the Wallet's daily budget is spent no faster per
        /// item; a 429 from PayNet is waited out (Retry-After) by the client.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Concurrent piped lookups unless -ThrottleLimit says otherwise.</summary>
        internal const int DefaultThrottleLimit = 4;

        /// <summary>Card list: rows per page read from PayNet (card.md §7.3 allows up to 1000).</summary>
        [Parameter(ParameterSetName = CardListSet)]
        [ValidateRange(1, CardClient.MaxPageSize)]
        public int PageSize { get; set; } = CardClient.MaxPageSize;

        private protected override void Begin() => _lookups = new OrderedLookups<IReadOnlyList<object>>(ThrottleLimit);

        private protected override void Process()
        {
            if (ParameterSetName == CardListSet)
            {
                CurrentTarget = $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
                var period = DayPeriod.Of(From, To, PayNetApi.Card, "List");
                var card = RequireConnection(PayNetApi.Card).CardClient;
                var query = new CardListQuery { From = period.FirstDay, To = period.ExclusiveEnd, IncludeFailed = IncludeFailed.IsPresent, Untransferred = Untransferred.IsPresent, PageSize = PageSize };
                foreach (var row in Stream(ct => card.ListAsync(query, ct))) WriteObject(row);
                return;
            }

            var (target, lookup) = Plan();
            foreach (var done in _lookups!.Add(target, lookup, Cancellation)) Write(done);
        }

        private protected override void End()
        {
            if (_lookups is null) return;
            foreach (var done in _lookups.Drain()) Write(done);
        }

        private void Write((object? Target, Task<IReadOnlyList<object>> Work) done)
        {
            CurrentTarget = done.Target;
            try
            {
                foreach (var item in Dispatcher.Wait(done.Work)) WriteObject(item);
            }
            catch (PayNetException error) when (error.Category != PayNetErrorCategory.StateUnknown && !Cancellation.IsCancellationRequested)
            {
                WriteError(PayNetErrors.From(error, done.Target));
            }
        }

        private (object? Target, Func<CancellationToken, Task<IReadOnlyList<object>>> Lookup) Plan()
        {
            // Lookups may run after PowerShell has bound the next pipeline row into these properties,
            // so every value the queued work needs is copied here, never read by the lambda later.
            switch (ParameterSetName)
            {
                case TopUpIdSet:
                    string id = Id;
                    return (id, TopUp(client => ct => client.FindAsync(transactionId: id, cancellationToken: ct)));
                case TopUpExternalIdSet:
                    string externalId = ExternalId;
                    return (externalId, TopUp(client => ct => client.FindAsync(externalId: externalId, cancellationToken: ct)));
                case CardXactSet: return (XactId, CardLookup(xactId: XactId, referenceNo: null));
                case CardReferenceSet: return (ReferenceNo, CardLookup(xactId: null, referenceNo: ReferenceNo));
                case WalletTransferSet: return (TransferId, WalletLookup(TransferId));
                case ReferenceSet: return (Reference, AnyService(Reference.Trim(), Service));
                default: return FromInput(InputObject);
            }
        }

        /// <summary>
        /// A piped object: a PayNet record as itself; anything else (a CSV or JSON copy of a record, a ledger
        /// row, a string) by the properties it carries, with its Service property when it has one.
        /// </summary>
        /// <remarks>The error target of a row is the value looked up (as for -ReferenceNo), of a record the record.</remarks>
        private (object? Target, Func<CancellationToken, Task<IReadOnlyList<object>>> Lookup) FromInput(PSObject input)
        {
            if (input.BaseObject is IPayNetRecord record) return (record, FromRecord(record));
            if (input.BaseObject is string text)
            {
                CurrentTarget = text;
                if (string.IsNullOrWhiteSpace(text)) throw Invalid("An empty reference cannot be looked up.");
                return (text.Trim(), AnyService(text.Trim(), Service));
            }
            CurrentTarget = input;
            var (key, lookup) = FromRow(input);
            return (key, lookup);
        }

        private (string Key, Func<CancellationToken, Task<IReadOnlyList<object>>> Lookup) FromRow(PSObject input)
        {
            string? Text(string name) => input.Properties[name]?.Value is { } value && value.ToString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
            PayNetApi? service = ServiceOf(input.Properties["Service"]?.Value);
            string? xactId = Text("XactId") ?? Text("xact_id");
            string? referenceNo = Text("ReferenceNo") ?? Text("reference_no");
            string? externalId = Text("ExternalId") ?? Text("external_transaction_id");
            string? transferId = Text("TransferId") ?? Text("transfer_id");
            string? reference = Text("Reference") ?? Text("TraceNumber");
            string? id = Text("Id");

            if (service == PayNetApi.Card || (service is null && (xactId ?? referenceNo) is not null))
            {
                if (xactId is not null) return (xactId, CardLookup(xactId, null));
                if ((referenceNo ?? reference) is string cardReference) return (cardReference, CardLookup(null, cardReference));
            }
            if (service == PayNetApi.TopUp || (service is null && externalId is not null))
            {
                if (service == PayNetApi.TopUp && id is not null) { string topUpId = id; return (topUpId, TopUp(client => ct => client.FindAsync(transactionId: topUpId, cancellationToken: ct))); }
                if ((externalId ?? reference) is string external) return (external, TopUp(client => ct => client.FindAsync(externalId: external, cancellationToken: ct)));
            }
            if (service == PayNetApi.Wallet || (service is null && transferId is not null))
            {
                if (long.TryParse(transferId ?? (service == PayNetApi.Wallet ? id : null), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long transfer))
                    return (transfer.ToString(System.Globalization.CultureInfo.InvariantCulture), WalletLookup(transfer));
                if (reference is not null) return (reference, WalletByReference(reference));
            }
            if (reference is not null) return (reference, AnyService(reference, service is PayNetApi one ? new[] { one } : Service));
            throw Invalid("The input has none of ReferenceNo, XactId, ExternalId, TransferId or Reference to look up.");
        }

        private static PayNetApi? ServiceOf(object? value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case PayNetApi api: return api;
                case string name when Enum.TryParse(name.Trim(), true, out PayNetApi parsed) && Enum.IsDefined(typeof(PayNetApi), parsed): return parsed;
                case int number when Enum.IsDefined(typeof(PayNetApi), number): return (PayNetApi)number;
                case long number when Enum.IsDefined(typeof(PayNetApi), (int)number): return (PayNetApi)(int)number;
                default: return null;
            }
        }

        /// <summary>
        /// A reference asked of every service named (default: every connected one), in the order Card, TopUp,
        /// Wallet; what any of them finds is the answer. Not found anywhere is one NotFound error naming the
        /// services asked.
        /// </summary>
        private Func<CancellationToken, Task<IReadOnlyList<object>>> AnyService(string reference, PayNetApi[]? services)
        {
            var asked = (services is { Length: > 0 } ? services.Distinct() : new[] { PayNetApi.Card, PayNetApi.TopUp, PayNetApi.Wallet }.Where(IsConnected)).ToList();
            if (asked.Count == 0) RequireConnection(PayNetApi.Card); // the usual "run Connect-PayNet" error
            var lookups = asked.Select(api => (Api: api, Lookup: api switch
            {
                PayNetApi.Card => CardLookup(null, reference),
                PayNetApi.TopUp => TopUp(client => ct => client.FindAsync(externalId: reference, cancellationToken: ct)),
                _ => WalletByReference(reference),
            })).ToList();
            return async ct =>
            {
                var found = new List<object>();
                var failures = new List<PayNetException>();
                foreach (var (api, lookup) in lookups)
                {
                    try
                    {
                        found.AddRange(await lookup(ct).ConfigureAwait(false));
                    }
                    catch (PayNetException error) when (error.Category == PayNetErrorCategory.NotFound || error.Category == PayNetErrorCategory.InvalidArgument)
                    {
                        failures.Add(error);
                    }
                }
                if (found.Count > 0) return found;
                if (failures.Count == 1 && asked.Count == 1) throw failures[0];
                throw new PayNetException(asked.Count == 1 ? asked[0] : PayNetApi.Card, "Find", PayNetErrorCategory.NotFound,
                    $"No transaction has reference '{reference}' in {string.Join(", ", asked)}.", reference: reference);
            };
        }

        private bool IsConnected(PayNetApi api) => Connection is { } given ? given.Has(api) : Connections.Get(api) is not null;

        /// <summary>
        /// A Wallet payment by its trace number, from the wallet's history (newest first, up to the
        /// connection's reconcile window of lines): Wallet has no lookup by trace number of its own.
        /// </summary>
        private Func<CancellationToken, Task<IReadOnlyList<object>>> WalletByReference(string traceNumber)
        {
            var client = RequireConnection(PayNetApi.Wallet).WalletClient;
            int maxLines = Math.Max(client.Settings.ReconcileMaxLines, 1000);
            return async ct =>
            {
                var found = new List<object>();
                int read = 0;
                await foreach (var line in client.GetStatementAsync(pageSize: 100, cancellationToken: ct).ConfigureAwait(false))
                {
                    if (string.Equals(line.TraceNumber, traceNumber, StringComparison.OrdinalIgnoreCase)) found.Add(line);
                    if (++read >= maxLines) break;
                }
                if (found.Count == 0)
                    throw new PayNetException(PayNetApi.Wallet, "History", PayNetErrorCategory.NotFound,
                        $"No Wallet transfer has trace number '{traceNumber}' in the newest {read} line(s) of the history.", reference: traceNumber);
                return found;
            };
        }

        private static PayNetException Invalid(string message) =>
            new PayNetException(PayNetApi.Card, "Find", PayNetErrorCategory.InvalidArgument, message);

        private Func<CancellationToken, Task<IReadOnlyList<object>>> FromRecord(IPayNetRecord record)
        {
            switch (record.Service)
            {
                case PayNetApi.TopUp:
                    string? external = record.Reference;
                    string id = record.Id;
                    return TopUp(client => ct => string.IsNullOrEmpty(id) ? client.FindAsync(externalId: external, cancellationToken: ct) : client.FindAsync(transactionId: id, cancellationToken: ct));
                case PayNetApi.Card:
                    if (record is PayNet.Core.Journal.JournalEntry journaled) return CardLookup(journaled.Reference, null); // journaled by xact id
                    return record is CardTransaction row && !string.IsNullOrEmpty(row.XactId) ? CardLookup(row.XactId, null) : CardLookup(null, record.Reference);
                default:
                    if (!long.TryParse(record.Id, out long transferId))
                        throw new PayNetException(PayNetApi.Wallet, "GetTransfer", PayNetErrorCategory.InvalidArgument, $"'{record.Id}' is not a Wallet transfer id.");
                    return WalletLookup(transferId);
            }
        }

        private Func<CancellationToken, Task<IReadOnlyList<object>>> TopUp(Func<TopUpClient, Func<CancellationToken, Task<TopUpTransaction>>> find)
        {
            var lookup = find(RequireConnection(PayNetApi.TopUp).TopUpClient);
            return async ct => new object[] { await lookup(ct).ConfigureAwait(false) };
        }

        private Func<CancellationToken, Task<IReadOnlyList<object>>> CardLookup(string? xactId, string? referenceNo)
        {
            var client = RequireConnection(PayNetApi.Card).CardClient;
            bool detail = Detail.IsPresent;
            string reference = xactId ?? referenceNo ?? string.Empty;
            return async ct =>
            {
                if (detail) return new object[] { await client.GetDetailAsync(xactId: xactId, referenceNo: referenceNo, cancellationToken: ct).ConfigureAwait(false) };
                var rows = await client.CheckAsync(xactId, referenceNo, ct).ConfigureAwait(false);
                if (rows.Count == 0)
                    throw new PayNetException(PayNetApi.Card, "Check", PayNetErrorCategory.NotFound, $"No card transaction has reference '{reference}'.", reference: reference);
                return rows.Cast<object>().ToList();
            };
        }

        private Func<CancellationToken, Task<IReadOnlyList<object>>> WalletLookup(long transferId)
        {
            var client = RequireConnection(PayNetApi.Wallet).WalletClient;
            return async ct => new object[] { await client.GetTransferAsync(transferId, ct).ConfigureAwait(false) };
        }
    }
}
