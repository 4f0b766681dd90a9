using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Reconciliation;
using PayNet.Core.TopUp;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Reconciles a ledger (rows from the pipeline, usually Import-Csv) against PayNet: the Card list
    /// or Wallet statement of the period, or a TopUp lookup per reference. One result per reference:
    /// Matched, MissingAtPayNet, MissingInLedger, AmountMismatch, StateMismatch or CurrencyMismatch,
    /// with both sides and the difference. The ledger is streamed; only PayNet's side is held.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "PayNetTransaction", HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Compare-PayNetTransaction.md")]
    [OutputType(typeof(ReconciliationResult), typeof(ReconciliationSummary))]
    public sealed class ComparePayNetTransactionCommand : PayNetConnectedCmdlet
    {
        private Reconciler? _reconciler;
        private OrderedLookups<PayNetSideEntry?>? _lookups;
        private long _rows;

        /// <summary>A ledger row.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public object InputObject { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0)]
        public PayNetApi Service { get; set; }

        /// <summary>First day of the period (Card, Wallet), included.</summary>
        [Parameter]
        public DateTime? From { get; set; }

        /// <summary>Last day of the period (Card, Wallet), included: -From X -To X is the one day X.</summary>
        [Parameter]
        public DateTime? To { get; set; }

        /// <summary>The ledger column with PayNet's reference (default: Reference, ReferenceNo, ExternalId, OrderId, TraceNumber, TransactionId, Id).</summary>
        [Parameter]
        public string? ReferenceProperty { get; set; }

        /// <summary>Default: Amount, Total, GrossAmount, Value.</summary>
        [Parameter]
        public string? AmountProperty { get; set; }

        /// <summary>Default: Currency, CurrencyCode, Ccy.</summary>
        [Parameter]
        public string? CurrencyProperty { get; set; }

        /// <summary>Default: StateName, State, Status, PaymentStatus, Result. An empty cell means paid.</summary>
        [Parameter]
        public string? StateProperty { get; set; }

        /// <summary>
        /// Wallet: the ledger column that says Debit or Credit (default: Direction, DebitCredit, DrCr, Type). Wallet
        /// amounts are signed as Get-PayNetStatement writes them: a debit (money out) negative, a credit positive.
        /// </summary>
        [Parameter]
        public string? DirectionProperty { get; set; }

        /// <summary>
        /// The culture the ledger's amounts were written in (de-DE reads '1.234,56'). Without it, amounts are
        /// read strictly: digits and at most one '.', and anything else is that row's PayNetInvalidAmount error.
        /// </summary>
        [Parameter]
        public System.Globalization.CultureInfo? Culture { get; set; }

        /// <summary>Largest amount difference still counted as matched.</summary>
        [Parameter]
        [ValidateRange(0, 1_000_000)]
        public decimal Tolerance { get; set; }

        /// <summary>Emit counts and totals per status instead of one result per reference.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>TopUp: lookups in flight at once (results keep the ledger's order); 1 looks up one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = GetPayNetTransactionCommand.DefaultThrottleLimit;

        /// <summary>Pending ledger row of a TopUp lookup in flight.</summary>
        private sealed class PendingRow
        {
            public PendingRow(LedgerEntry entry, object row) { Entry = entry; Row = row; }
            public LedgerEntry Entry { get; }
            public object Row { get; }
        }

        private protected override void Begin()
        {
            _reconciler = new Reconciler(Service, Tolerance);
            if (Service == PayNetApi.TopUp)
            {
                RequireConnection(PayNetApi.TopUp);
                _lookups = new OrderedLookups<PayNetSideEntry?>(ThrottleLimit);
                return;
            }
            if (From is null || To is null)
                throw Terminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, Service, $"-From and -To are required to reconcile {Service}: PayNet's side is the period's list.");
            if (From.Value.Date > To.Value.Date)
                throw Terminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, From, $"-From {From:yyyy-MM-dd} is after -To {To:yyyy-MM-dd} (both days are included: -From X -To X is the one day X).");
            var period = DayPeriod.Of(From.Value, To.Value, Service, "Reconcile");
            var connection = RequireConnection(Service);
            if (Service == PayNetApi.Card)
            {
                // The whole period is read, so at the largest page PayNet serves: fewest requests.
                var query = new CardListQuery { From = period.FirstDay, To = period.ExclusiveEnd, IncludeFailed = true, PageSize = CardClient.MaxPageSize };
                _reconciler.AddPayNetSide(PayNetSides.FromCard(Stream(ct => connection.CardClient.ListAsync(query, ct))));
            }
            else
            {
                var from = new DateTimeOffset(From.Value.Date, TimeSpan.Zero);
                var to = new DateTimeOffset(To.Value.Date, TimeSpan.Zero);
                _reconciler.AddPayNetSide(PayNetSides.FromWallet(Stream(ct => connection.WalletClient.GetStatementAsync(from, to, pageSize: GetPayNetStatementCommand.MaxPageSize, cancellationToken: ct))));
            }
            WriteVerbose($"PayNet side: {_reconciler.PayNetCount} reference(s) for {Service}.");
        }

        private protected override void Process()
        {
            var row = InputObject is PSObject ps && ps.BaseObject is not null && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : InputObject;
            CurrentTarget = InputObject;
            _rows++;
            string? reference = Column(row, ReferenceProperty, LedgerRowReader.ReferenceColumns);
            if (string.IsNullOrWhiteSpace(reference))
            {
                WriteItemError(ErrorIds.InvalidArgument, ErrorCategory.InvalidData, InputObject,
                    $"Ledger row {_rows} has no reference in {(ReferenceProperty ?? string.Join(", ", LedgerRowReader.ReferenceColumns))}; name the column that holds it with -ReferenceProperty.",
                    FollowUpCommands.ParameterHelp("Compare-PayNetTransaction", "ReferenceProperty"));
                return;
            }
            string? amountText = Column(row, AmountProperty, LedgerRowReader.AmountColumns);
            decimal? amount = null;
            if (!string.IsNullOrWhiteSpace(amountText))
            {
                if (!LedgerRowReader.TryParseAmount(amountText, Culture, out var parsed, out var problem))
                {
                    WriteItemError(ErrorIds.InvalidAmount, ErrorCategory.InvalidData, InputObject, $"Ledger row {_rows} ({reference}): {problem}");
                    return;
                }
                amount = parsed;
            }
            if (Service == PayNetApi.Wallet && !SignWalletAmount(row, reference!, ref amount)) return;
            var entry = new LedgerEntry(reference!.Trim(), amount, Column(row, CurrencyProperty, LedgerRowReader.CurrencyColumns), Column(row, StateProperty, LedgerRowReader.StateColumns));

            if (Service == PayNetApi.TopUp)
            {
                // Looked up side by side; compared and written in ledger order as each head finishes.
                var client = RequireConnection(PayNetApi.TopUp).TopUpClient;
                string lookupReference = entry.Reference;
                foreach (var done in _lookups!.Add(new PendingRow(entry, InputObject), ct => FindTopUpAsync(client, lookupReference, ct), Cancellation))
                    CompareLookedUp(done);
                return;
            }
            var result = _reconciler!.Compare(entry, null);
            if (!Summary.IsPresent) WriteObject(result);
        }

        private protected override void End()
        {
            if (_reconciler is null) return;
            if (_lookups is not null)
                foreach (var done in _lookups.Drain()) CompareLookedUp(done);
            foreach (var unclaimed in _reconciler.Unclaimed())
                if (!Summary.IsPresent) WriteObject(unclaimed);
            if (Summary.IsPresent)
                foreach (var line in _reconciler.Summary()) WriteObject(line);
        }

        private static async Task<PayNetSideEntry?> FindTopUpAsync(TopUpClient client, string reference, CancellationToken cancellationToken)
        {
            try
            {
                return PayNetSides.FromTopUp(reference, await client.FindAsync(externalId: reference, cancellationToken: cancellationToken).ConfigureAwait(false));
            }
            catch (PayNetException error) when (error.Category == PayNetErrorCategory.NotFound)
            {
                return null;
            }
        }

        /// <summary>Compares one looked-up row; a failed lookup is that row's error and the ledger goes on.</summary>
        private void CompareLookedUp((object? Target, Task<PayNetSideEntry?> Work) done)
        {
            var pending = (PendingRow)done.Target!;
            CurrentTarget = pending.Row;
            PayNetSideEntry? lookedUp;
            try
            {
                lookedUp = Dispatcher.Wait(done.Work);
            }
            catch (PayNetException error) when (error.Category != PayNetErrorCategory.StateUnknown && !Cancellation.IsCancellationRequested)
            {
                WriteError(PayNetErrors.From(error, pending.Row));
                return;
            }
            var result = _reconciler!.Compare(pending.Entry, lookedUp);
            if (!Summary.IsPresent) WriteObject(result);
        }

        /// <summary>
        /// PayNet's Wallet side is signed from the account holder's view (debit negative), so a ledger row is
        /// signed the same way: by its direction column when it has one, else by the amount's own sign.
        /// </summary>
        private bool SignWalletAmount(object row, string reference, ref decimal? amount)
        {
            if (!LedgerRowReader.TryReadDirection(row, DirectionProperty, out int sign, out string? direction, out string problem))
            {
                WriteItemError(ErrorIds.InvalidArgument, ErrorCategory.InvalidData, InputObject, $"Ledger row {_rows} ({reference}): {problem}", "Name the direction column with -DirectionProperty.");
                return false;
            }
            if (amount is not decimal value) return true;
            if (!LedgerRowReader.TrySignWalletAmount(value, sign, direction, out var signed, out problem))
            {
                WriteItemError(ErrorIds.InvalidAmount, ErrorCategory.InvalidData, InputObject, $"Ledger row {_rows} ({reference}): {problem}");
                return false;
            }
            amount = signed;
            return true;
        }

        private string? Column(object row, string? explicitName, string[] defaults)
        {
            if (explicitName is null) return LedgerRowReader.Read(row, defaults);
            return LedgerRowReader.TryRead(row, explicitName, out var value) ? value : null;
        }
    }
}
