using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Card;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;

namespace PayNet.Core.Journal
{
    /// <summary>The clients a settle may use; each settles only entries of its own connection.</summary>
    public sealed class JournalSettlerClients
    {
        public WalletClient? Wallet { get; set; }
        public TopUpClient? TopUp { get; set; }
        public CardClient? Card { get; set; }

        /// <summary>The Card connection's identity as written in its intents (see <see cref="JournalIdentity.CardKey"/>).</summary>
        public string? CardIdentity { get; set; }
    }

    /// <summary>What PayNet said about one entry: the state to record, why, and PayNet's id.</summary>
    internal readonly struct JournalVerdict
    {
        public JournalVerdict(MoneyMoveState state, string? reason, string? transactionId = null, bool lookedUp = true)
        {
            State = state;
            Reason = reason;
            TransactionId = transactionId;
            LookedUp = lookedUp;
        }

        /// <summary>False when no connection could look the entry up: then nothing is written to the journal.</summary>
        public bool LookedUp { get; }

        public MoneyMoveState State { get; }
        public string? Reason { get; }
        public string? TransactionId { get; }

        public static JournalVerdict Unknown(string reason) => new JournalVerdict(MoneyMoveState.Unknown, reason);
    }

    /// <summary>
    /// Looks open journal entries up at PayNet and records what it finds: TopUp by find on the external
    /// id, Wallet by the history (trace number, amount, currency and payee must all match), Card refunds by
    /// the refund list and the transaction detail. The match is strict: a line that shares the reference
    /// but not the amount, currency or payee settles nothing. A move PayNet has no trace of counts as not
    /// executed only once <see cref="NotFoundGrace"/> has passed since its intent; before that, and
    /// whenever a lookup fails, the entry stays (or becomes) Unknown with the reason.
    /// </summary>
    public sealed class JournalSettler
    {
        private readonly FileMoneyJournal _journal;
        private readonly JournalSettlerClients _clients;
        private List<WalletStatementLine>? _walletHistory;
        private bool _walletHistoryComplete;

        public JournalSettler(FileMoneyJournal journal, JournalSettlerClients clients)
        {
            _journal = journal ?? throw new ArgumentNullException(nameof(journal));
            _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        }

        /// <summary>
        /// How long after its intent a move that PayNet has no trace of is declared not executed (Failed).
        /// Longer than any request can stay in flight; until then it stays Unknown.
        /// </summary>
        public TimeSpan NotFoundGrace { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>How many wallet history lines (newest first) one settle reads at most.</summary>
        public int WalletHistoryMaxLines { get; set; } = 1000;

        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>
        /// Looks the entry up and appends the outcome; returns the entry as now folded. Final entries come back
        /// unchanged; so do entries no client here can look up (their Reason then names the connection needed).
        /// </summary>
        public async Task<JournalEntry> SettleAsync(JournalEntry entry, CancellationToken cancellationToken = default)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entry));
            if (!entry.IsOpen) return entry;
            JournalVerdict verdict;
            try
            {
                verdict = await DecideAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception lookup)
            {
                verdict = JournalVerdict.Unknown($"the lookup at PayNet failed ({lookup.Message}); run Sync-PayNetJournal again later");
            }
            if (!verdict.LookedUp)
            {
                // Nothing was learnt, so nothing is recorded: the entry keeps its state and says who can settle it.
                var unchanged = entry.Clone();
                unchanged.Reason = verdict.Reason;
                return unchanged;
            }
            if (verdict.State == entry.State && verdict.Reason == entry.Reason && (verdict.TransactionId is null || verdict.TransactionId == entry.TransactionId))
                return entry; // nothing new: no line
            return _journal.RecordSettlement(entry, verdict.State, verdict.Reason, verdict.TransactionId);
        }

        /// <summary>Whether a client given to this settler sent the entry (its member, POS or Card key), so it can look it up.</summary>
        public bool CanLookUp(JournalEntry entry)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entry));
            switch (entry.Service)
            {
                case PayNetApi.TopUp:
                    return _clients.TopUp is TopUpClient topUp && string.Equals(JournalIdentity.TopUp(topUp.PosId), entry.Connection, StringComparison.Ordinal);
                case PayNetApi.Wallet:
                    return _clients.Wallet is WalletClient wallet && string.Equals(JournalIdentity.Wallet(wallet.Principal), entry.Connection, StringComparison.OrdinalIgnoreCase);
                case PayNetApi.Card:
                    return _clients.Card is not null && string.Equals(_clients.CardIdentity, entry.Connection, StringComparison.Ordinal);
                default:
                    return false;
            }
        }

        internal Task<JournalVerdict> DecideAsync(JournalEntry entry, CancellationToken cancellationToken)
        {
            if (!CanLookUp(entry))
            {
                string what = entry.Service == PayNetApi.TopUp ? "TopUp POS" : entry.Service == PayNetApi.Wallet ? "Wallet member" : "Card key";
                return Task.FromResult(NoConnection(entry, what));
            }
            switch (entry.Service)
            {
                case PayNetApi.TopUp: return SettleTopUpAsync(_clients.TopUp!, entry, cancellationToken);
                case PayNetApi.Wallet: return SettleWalletAsync(_clients.Wallet!, entry, cancellationToken);
                default: return SettleCardAsync(_clients.Card!, entry, cancellationToken);
            }
        }

        private static JournalVerdict NoConnection(JournalEntry entry, string what) =>
            new JournalVerdict(entry.State, $"not looked up: connect to PayNet as {what} '{entry.Connection}' and run Sync-PayNetJournal again", lookedUp: false);

        private bool GraceOver(JournalEntry entry) => Clock() - entry.Time >= NotFoundGrace;

        private async Task<JournalVerdict> SettleTopUpAsync(TopUpClient client, JournalEntry entry, CancellationToken cancellationToken)
        {
            TopUpTransaction found;
            try
            {
                found = await client.FindAsync(externalId: entry.Reference, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (TopUpApiException missing) when (missing.Code == TopUpErrors.ExternalNotFound || missing.Code == TopUpErrors.TransactionNotFound || missing.Code == TopUpErrors.NoTransactionInfo)
            {
                // The check opened the transaction under this external id, so Paynet should know it whatever the confirm did.
                return JournalVerdict.Unknown($"Paynet does not know external id '{entry.Reference}' (code {missing.Code}); run Sync-PayNetJournal again later, or ask Paynet support");
            }

            string? mismatch = TopUpMismatch(entry, found);
            if (mismatch is not null)
                return JournalVerdict.Unknown($"Paynet's transaction '{entry.Reference}' does not match the journal: {mismatch}");
            string? id = string.IsNullOrEmpty(found.Id) ? null : found.Id;
            switch (found.State)
            {
                case TopUpState.Success:
                    return new JournalVerdict(MoneyMoveState.Succeeded, null, id);
                case TopUpState.Failed:
                case TopUpState.Cancelled:
                    return new JournalVerdict(MoneyMoveState.Failed, $"Paynet: {found.State}" + (string.IsNullOrEmpty(found.Error) ? string.Empty : $" ({found.Error})"), id);
                case TopUpState.Pending:
                case TopUpState.Paused:
                    return new JournalVerdict(MoneyMoveState.Pending, $"Paynet shows it {found.State}; run Sync-PayNetJournal again later", id);
                case TopUpState.New:
                    // Checked but the confirm never took: nothing was charged, unless a confirm is still in flight.
                    return GraceOver(entry)
                        ? new JournalVerdict(MoneyMoveState.Failed, "Paynet shows the transaction as New: the confirm never arrived, nothing was charged", id)
                        : JournalVerdict.Unknown("Paynet shows the transaction as New (confirm not applied yet); run Sync-PayNetJournal again in a few minutes");
                case TopUpState.Replaced:
                    return JournalVerdict.Unknown($"Paynet support replaced transaction '{entry.Reference}' manually; ask Paynet support what was delivered");
                default:
                    return JournalVerdict.Unknown($"Paynet reports a state this module does not know for '{entry.Reference}'");
            }
        }

        /// <summary>Amount (AED, or the international local amount), currency and account must be Paynet's where Paynet states them.</summary>
        private static string? TopUpMismatch(JournalEntry entry, TopUpTransaction found)
        {
            var problems = new List<string>();
            decimal? paynetAmount = found.Amount;
            if (paynetAmount.HasValue && paynetAmount.Value != entry.Amount)
                problems.Add($"amount {Money(paynetAmount.Value)}, not {Money(entry.Amount)}");
            if (!string.IsNullOrEmpty(found.AmountCurrency) && !string.Equals(found.AmountCurrency, entry.Currency, StringComparison.OrdinalIgnoreCase))
                problems.Add($"currency {found.AmountCurrency}, not {entry.Currency}");
            if (!string.IsNullOrEmpty(entry.Payee) && !string.IsNullOrEmpty(found.Account) && !string.Equals(found.Account, entry.Payee, StringComparison.Ordinal))
                problems.Add($"account {found.Account}, not {entry.Payee}");
            return problems.Count == 0 ? null : string.Join(", ", problems);
        }

        private async Task<JournalVerdict> SettleWalletAsync(WalletClient client, JournalEntry entry, CancellationToken cancellationToken)
        {
            var (history, complete) = await WalletHistoryAsync(client, cancellationToken).ConfigureAwait(false);
            var traced = history.Where(l => string.Equals(l.TraceNumber, entry.Reference, StringComparison.Ordinal)).ToList();
            bool anyTraceNumber = history.Any(l => !string.IsNullOrEmpty(l.TraceNumber));
            int read = history.Count;

            if (traced.Count == 0)
            {
                if (!complete)
                    return JournalVerdict.Unknown($"trace number '{entry.Reference}' is not in the newest {WalletHistoryMaxLines} history lines; look it up by date with Get-PayNetTransaction");
                if (!anyTraceNumber && read > 0)
                    return JournalVerdict.Unknown("this Wallet deployment does not show trace numbers in the history, so the payment cannot be told apart; check the history by hand");
                return GraceOver(entry)
                    ? new JournalVerdict(MoneyMoveState.Failed, $"no transfer with trace number '{entry.Reference}' in the whole history: the payment was not executed")
                    : JournalVerdict.Unknown($"no transfer with trace number '{entry.Reference}' in the history yet; run Sync-PayNetJournal again in a few minutes");
            }

            // Add money comes in; every other Wallet move goes out. A line the other way round is someone else's transfer
            // that reused the trace number (an incoming payment), never this move.
            bool comesIn = string.Equals(entry.Operation, "AddMoney", StringComparison.OrdinalIgnoreCase);
            var matching = traced.Where(l => Math.Abs(l.Amount) == entry.Amount
                                             && (l.Amount == 0 || (l.Amount > 0) == comesIn)
                                             && string.Equals(l.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase)
                                             && PayeeMatches(entry.Payee, l)).ToList();
            if (matching.Count == 0)
            {
                var first = traced[0];
                return JournalVerdict.Unknown(
                    $"the history has trace number '{entry.Reference}' with {Money(Math.Abs(first.Amount))} {first.Currency} to " +
                    $"'{first.CounterpartyPrincipal ?? first.CounterpartyName ?? "?"}', which does not match the journal's {Money(entry.Amount)} {entry.Currency}" +
                    (string.IsNullOrEmpty(entry.Payee) ? string.Empty : $" to '{entry.Payee}'") + "; check it by hand");
            }
            var transfer = matching[0];
            string id = transfer.TransferId.ToString(CultureInfo.InvariantCulture);
            switch (transfer.State)
            {
                case WalletTransferState.Processed:
                    return new JournalVerdict(MoneyMoveState.Succeeded, null, id);
                case WalletTransferState.Pending:
                case WalletTransferState.Scheduled:
                    return new JournalVerdict(MoneyMoveState.Pending, $"the transfer is {transfer.StateName}; run Sync-PayNetJournal again later", id);
                case WalletTransferState.Denied:
                case WalletTransferState.Canceled:
                case WalletTransferState.Failed:
                case WalletTransferState.Blocked:
                    return new JournalVerdict(MoneyMoveState.Failed, $"the transfer is {transfer.StateName}", id);
                default:
                    return new JournalVerdict(MoneyMoveState.Unknown, $"the transfer's state '{transfer.StateName}' is not one this module knows", id);
            }
        }

        /// <summary>
        /// The newest history lines, read once per settler (one Sync run): every open Wallet entry is matched
        /// against the same lines, so a run costs a few calls of the daily budget, not a few per entry. Not
        /// filtered by date: PayNet's clock, not this machine's, dates the lines. Complete when the whole
        /// history was read within <see cref="WalletHistoryMaxLines"/>.
        /// </summary>
        private async Task<(List<WalletStatementLine> Lines, bool Complete)> WalletHistoryAsync(WalletClient client, CancellationToken cancellationToken)
        {
            if (_walletHistory is not null) return (_walletHistory, _walletHistoryComplete);
            var lines = new List<WalletStatementLine>();
            bool complete = true;
            // Every account of the member: a loyalty payment is paid from the loyalty wallet, not the default one, and
            // looking only at the default account would call a booked payment "not executed".
            var accounts = await client.AccountIdsAsync(cancellationToken).ConfigureAwait(false);
            var accountIds = accounts.Count == 0 ? new long?[] { null } : accounts.Select(a => (long?)a.Id).ToArray();
            foreach (var accountId in accountIds)
            {
                int read = 0;
                await foreach (var line in client.GetStatementAsync(accountId: accountId, pageSize: 100, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (read >= WalletHistoryMaxLines)
                    {
                        complete = false;
                        break;
                    }
                    lines.Add(line);
                    read++;
                }
            }
            _walletHistory = lines;
            _walletHistoryComplete = complete;
            return (lines, complete);
        }

        /// <summary>No payee in the journal (add money, withdrawal): nothing to check. Else the line's member must be it, by principal, id or name.</summary>
        private static bool PayeeMatches(string? payee, WalletStatementLine line)
        {
            if (string.IsNullOrWhiteSpace(payee)) return true;
            string wanted = payee!.Trim();
            return string.Equals(line.CounterpartyPrincipal, wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(line.CounterpartyId?.ToString(CultureInfo.InvariantCulture), wanted, StringComparison.Ordinal)
                || string.Equals(line.CounterpartyName, wanted, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The Card refund operation as the Card client journals it; captures and reversals are settled by hand.</summary>
        public const string CardRefundOperation = "CardRefund";

        private async Task<JournalVerdict> SettleCardAsync(CardClient client, JournalEntry entry, CancellationToken cancellationToken)
        {
            if (!string.Equals(entry.Operation, CardRefundOperation, StringComparison.OrdinalIgnoreCase))
                return JournalVerdict.Unknown($"a Card {entry.Operation} is not settled automatically; check it with Get-PayNetTransaction -XactId '{entry.Reference}' -Detail");
            // The refund list tells the request's own state: read with the client's own window (Paynet's calendar, the
            // transaction's day and the intent's), so the settle path and Sync look at the same requests.
            var state = await client.RefundStateAsync(entry.Reference, cancellationToken, since: entry.Time).ConfigureAwait(false);
            var requests = state.Requests;
            var matching = requests.Where(r => r.Amount == entry.Amount && string.Equals(r.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matching.Count > 0)
            {
                // Requests carry no id of ours: several moves of this amount on one transaction need as many requests,
                // or one request would settle two moves.
                int moves = SameAmountRefundMoves(entry);
                if (moves > matching.Count)
                    return JournalVerdict.Unknown($"the journal holds {moves} refunds of {Money(entry.Amount)} {entry.Currency} for '{entry.Reference}' but Paynet lists {matching.Count} such request(s); check them with Get-PayNetRefund");
                var states = matching.Select(r => CardRequestState(r.Status)).Distinct().ToList();
                if (states.Count > 1)
                    return JournalVerdict.Unknown($"{matching.Count} refund requests of {Money(entry.Amount)} {entry.Currency} exist for '{entry.Reference}' in different states; check them with Get-PayNetRefund");
                var request = matching.OrderByDescending(r => r.EntryDate ?? DateTimeOffset.MinValue).First();
                string? id = string.IsNullOrEmpty(request.ReversedXactId) ? request.ReversedId : request.ReversedXactId;
                switch (states[0])
                {
                    case MoneyMoveState.Succeeded: return new JournalVerdict(MoneyMoveState.Succeeded, null, string.IsNullOrEmpty(id) ? null : id);
                    case MoneyMoveState.Failed: return new JournalVerdict(MoneyMoveState.Failed, $"Paynet rejected the refund request ({request.Status})");
                    case MoneyMoveState.Pending: return new JournalVerdict(MoneyMoveState.Pending, "Paynet is still reviewing the refund request; run Sync-PayNetJournal again later");
                    default: return JournalVerdict.Unknown($"the refund request's status '{request.Status}' is not one this module knows");
                }
            }
            if (requests.Count > 0)
                return JournalVerdict.Unknown($"the refund requests for '{entry.Reference}' are for other amounts than {Money(entry.Amount)} {entry.Currency}; check them with Get-PayNetRefund");

            // No request listed: the transaction detail tells whether the original is known and already reversed by something else.
            if (state.Reversed)
                return JournalVerdict.Unknown($"transaction '{entry.Reference}' is reversed but no refund request of {Money(entry.Amount)} {entry.Currency} is listed; check it with Get-PayNetRefund");
            return GraceOver(entry)
                ? new JournalVerdict(MoneyMoveState.Failed, $"Paynet lists no refund request for '{entry.Reference}' and the transaction is not reversed: the refund was not requested")
                : JournalVerdict.Unknown($"no refund request for '{entry.Reference}' is listed yet; run Sync-PayNetJournal again in a few minutes");
        }

        /// <summary>Journal entries of refunds of this amount on this transaction that may have made a request (all but Failed ones).</summary>
        private int SameAmountRefundMoves(JournalEntry entry)
        {
            var query = new JournalQuery { Service = PayNetApi.Card, Reference = entry.Reference };
            return _journal.Read(query).Count(e =>
                string.Equals(e.Connection, entry.Connection, StringComparison.Ordinal) &&
                string.Equals(e.Operation, CardRefundOperation, StringComparison.OrdinalIgnoreCase) &&
                e.Amount == entry.Amount && string.Equals(e.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase) &&
                e.State != MoneyMoveState.Failed);
        }

        private static MoneyMoveState CardRequestState(string? status)
        {
            switch ((status ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "approved": case "success": case "successful": case "completed": return MoneyMoveState.Succeeded;
                case "rejected": case "declined": case "failed": case "cancelled": case "canceled": return MoneyMoveState.Failed;
                case "pending": case "waiting": case "inreview": case "in review": return MoneyMoveState.Pending;
                default: return MoneyMoveState.Unknown;
            }
        }

        private static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
    }
}
