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
    /// Wallet by -TransferId. Binds from the pipeline: PayNet objects by value, Import-Csv rows by a
    /// ReferenceNo, ExternalId, XactId or TransferId column. Not found is a non-terminating error.
    /// Output keeps input order, also with -ThrottleLimit.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetTransaction", DefaultParameterSetName = CardListSet)]
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

        private OrderedLookups<IReadOnlyList<object>>? _lookups;

        /// <summary>A PayNet object (top-up, card row, receipt, statement line): looked up again for its current state.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public IPayNetRecord InputObject { get; set; } = null!;

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
        public SwitchParameter Detail { get; set; }

        /// <summary>Card list: first day of the period.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CardListSet)]
        public DateTime From { get; set; }

        /// <summary>Card list: end of the period (exclusive midnight, as PayNet's list is).</summary>
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
                if (From > To)
                    throw new PayNetException(PayNetApi.Card, "List", PayNetErrorCategory.InvalidArgument, $"-From {From:yyyy-MM-dd} is after -To {To:yyyy-MM-dd}.");
                var card = RequireConnection(PayNetApi.Card).CardClient;
                var query = new CardListQuery { From = From, To = To, IncludeFailed = IncludeFailed.IsPresent, Untransferred = Untransferred.IsPresent, PageSize = PageSize };
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
                default: return (InputObject, FromRecord(InputObject));
            }
        }

        private Func<CancellationToken, Task<IReadOnlyList<object>>> FromRecord(IPayNetRecord record)
        {
            switch (record.Service)
            {
                case PayNetApi.TopUp:
                    string? external = record.Reference;
                    string id = record.Id;
                    return TopUp(client => ct => string.IsNullOrEmpty(id) ? client.FindAsync(externalId: external, cancellationToken: ct) : client.FindAsync(transactionId: id, cancellationToken: ct));
                case PayNetApi.Card:
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
