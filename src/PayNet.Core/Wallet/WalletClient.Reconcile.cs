using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Money;
using PayNet.Core.Settlement;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        private const int ReconcilePageSize = 50;

        /// <summary>Confirms in flight per trace number from this client (see <see cref="TraceSends"/>).</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TraceSends> _traceSends =
            new System.Collections.Concurrent.ConcurrentDictionary<string, TraceSends>(StringComparer.Ordinal);

        /// <summary>How far before now a history scan must reach to be sure it covers a confirm sent seconds ago, clocks apart.</summary>
        private static readonly TimeSpan HistoryCoverMargin = TimeSpan.FromHours(1);

        /// <summary>
        /// One settle lookup for a confirm whose answer was lost: reads the newest lines of the default account's
        /// history and looks for the trace number exactly as PayNet compares it (ordinal: the server treats
        /// "INV-1" and "inv-1" as two trace numbers, wallet.md §11.6 step 11). A line with that trace number is
        /// only this payment when it also agrees on transfer type, amount, currency and counterparty; a line
        /// that carries the trace number and differs in any of them is a mismatch (state unknown), never a success.
        /// </summary>
        private async Task<SettleStep<WalletPaymentReceipt>> SettleFromHistoryAsync(WalletPaymentQuote quote, TraceSends.Send sends, CancellationToken cancellationToken)
        {
            var traced = new List<WalletStatementLine>();
            int scanned = 0;
            // The default account first: it pays every type but loyalty. Only when it shows nothing are the member's other
            // accounts read (a loyalty payment is paid from the loyalty wallet, wallet.md §4/§11): "nothing" means no
            // account of the member shows the trace number, never just the default one.
            bool coversTheSend = await ScanAsync(null).ConfigureAwait(false);
            if (traced.Count == 0)
            {
                var accounts = await AccountIdsAsync(cancellationToken).ConfigureAwait(false);
                foreach (var account in accounts.Where(a => !a.IsDefault)) coversTheSend &= await ScanAsync(account.Id).ConfigureAwait(false);
            }

            // Reads one account's newest lines; true when the scan provably covers the moment the confirm was sent: it read
            // the whole history, or reached lines older than an hour before now (clock skew). A busy account whose newest
            // lines all fall after the send could hide the booking further down: that is "not yet", never "not booked".
            async Task<bool> ScanAsync(long? accountId)
            {
                int read = 0;
                DateTimeOffset? oldest = null;
                await foreach (var line in ReadHistoryAsync(null, null, accountId, ReconcilePageSize, cancellationToken).ConfigureAwait(false))
                {
                    if (string.Equals(line.TraceNumber, quote.TraceNumber, StringComparison.Ordinal)) traced.Add(line);
                    if (line.Time is DateTimeOffset time && (oldest is null || time < oldest)) oldest = time;
                    scanned++;
                    if (++read >= Settings.ReconcileMaxLines)
                        return oldest is DateTimeOffset o && o < DateTimeOffset.UtcNow - HistoryCoverMargin;
                }
                return true;
            }

            if (traced.Count == 0)
            {
                string why = $"no transfer with trace number '{quote.TraceNumber}' in the newest {scanned} history lines";
                return coversTheSend
                    ? SettleStep<WalletPaymentReceipt>.Nothing(why)
                    : SettleStep<WalletPaymentReceipt>.NotYet(why + ", all of them recent: the scan may not reach it");
            }

            var problems = new List<string>();
            foreach (var line in traced)
            {
                string? problem = Disagreement(quote, line, moneyComesIn: quote.IsSystemPayment && quote.TransferTypeId == Settings.TransferTypes.AddMoney);
                if (problem is null && sends.Overlapped)
                    return SettleStep<WalletPaymentReceipt>.Mismatch(
                        $"trace number '{quote.TraceNumber}' was sent again from this connection while this send was in flight; transfer {line.TransferId.ToString(CultureInfo.InvariantCulture)} may be the other send's");
                if (problem is null && sends.ClaimedBefore(line.TransferId))
                    return SettleStep<WalletPaymentReceipt>.Mismatch(
                        $"transfer {line.TransferId.ToString(CultureInfo.InvariantCulture)} under trace number '{quote.TraceNumber}' was already reported for an earlier send from this connection; PayNet refuses a reused trace number, so this send likely booked nothing");
                if (problem is null)
                {
                    var log = Http.PayNetLog.Current;
                    if (log is not null && log.IsVerboseEnabled)
                        log.Verbose($"Wallet: found transfer {line.TransferId} ({line.StateName}) for trace number {quote.TraceNumber}.");
                    return SettleStep<WalletPaymentReceipt>.Found(_mapper.Reconciled(quote, line));
                }
                problems.Add($"transfer {line.TransferId.ToString(CultureInfo.InvariantCulture)} {problem}");
            }
            return SettleStep<WalletPaymentReceipt>.Mismatch(
                $"trace number '{quote.TraceNumber}' is in the history, but not as this payment: {string.Join("; ", problems)}");
        }

        /// <summary>Null when the history line is this payment; else what differs, in words.</summary>
        internal static string? Disagreement(WalletPaymentQuote quote, WalletStatementLine line, bool moneyComesIn = false)
        {
            if (line.TransferTypeId != quote.TransferTypeId)
                return $"is transfer type {(line.TransferTypeId?.ToString(CultureInfo.InvariantCulture) ?? "unknown")}, not {quote.TransferTypeId.ToString(CultureInfo.InvariantCulture)}";
            // Signed from the member's side (§11.5): a payment or withdrawal is a debit, add money a credit. A line the
            // other way round is someone else's transfer that reused the trace number (an incoming payment), never ours.
            if (line.Amount != 0 && (line.Amount > 0) != moneyComesIn)
                return line.Amount > 0 ? "is money coming in, not this payment going out" : "is money going out, not this add money coming in";
            decimal booked = Math.Abs(line.Amount);
            if (booked != quote.BaseAmount && booked != quote.FinalAmount && booked != quote.ConsolidatedAmount)
                return $"is for {MoneyRules.Format(booked)}, not {MoneyRules.Format(quote.BaseAmount)}";
            if (!string.IsNullOrEmpty(quote.Currency) && !string.Equals(line.Currency, quote.Currency, StringComparison.OrdinalIgnoreCase))
                return $"is in {(string.IsNullOrEmpty(line.Currency) ? "an unstated currency" : line.Currency)}, not {quote.Currency}";
            if (quote.IsSystemPayment)
            {
                if (line.CounterpartyId is long member)
                    return $"went to member {member.ToString(CultureInfo.InvariantCulture)}, not to a system account";
                return null;
            }
            if (quote.ToMemberId is long payeeId)
                return line.CounterpartyId == payeeId ? null
                    : $"went to {(line.CounterpartyId is long other ? "member " + other.ToString(CultureInfo.InvariantCulture) : "a system account")}, not member {payeeId.ToString(CultureInfo.InvariantCulture)}";
            if (!string.IsNullOrEmpty(quote.ToMemberPrincipal))
                return string.Equals(line.CounterpartyPrincipal, quote.ToMemberPrincipal, StringComparison.OrdinalIgnoreCase) ? null
                    : $"went to '{line.CounterpartyPrincipal ?? line.CounterpartyName}', not '{quote.ToMemberPrincipal}'";
            return "names no payee this payment can be checked against";
        }
    }

    /// <summary>
    /// Sends of one trace number from one client that overlap in time (two rows of one batch, or two runspaces, with the
    /// same reference): a booking found under the trace number then cannot be told to be this send's.
    /// </summary>
    internal sealed class TraceSends
    {
        private int _started;
        private int _inFlight;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _claimed = new System.Collections.Concurrent.ConcurrentDictionary<long, byte>();

        public static Send For(System.Collections.Concurrent.ConcurrentDictionary<string, TraceSends> all, string traceNumber) =>
            new Send(all.GetOrAdd(traceNumber, _ => new TraceSends()));

        public sealed class Send
        {
            private readonly TraceSends _trace;
            private int _startedAt = -1;
            private bool _othersInFlightAtStart;

            public Send(TraceSends trace) => _trace = trace;

            public void Start()
            {
                if (_startedAt >= 0) return;
                _othersInFlightAtStart = Interlocked.Increment(ref _trace._inFlight) > 1;
                _startedAt = Interlocked.Increment(ref _trace._started);
            }

            public void Finish()
            {
                if (_startedAt >= 0) Interlocked.Decrement(ref _trace._inFlight);
            }

            /// <summary>Another send of the trace number was in flight when this one started, or started since.</summary>
            public bool Overlapped => _startedAt >= 0 && (_othersInFlightAtStart || Volatile.Read(ref _trace._started) > _startedAt);

            /// <summary>This send's outcome is that transfer: a later send of the trace number cannot claim it too.</summary>
            public void Claim(long transferId) { if (transferId > 0) _trace._claimed.TryAdd(transferId, 0); }

            /// <summary>An earlier send of the trace number from this client already reported that transfer as its own.</summary>
            public bool ClaimedBefore(long transferId) => _trace._claimed.ContainsKey(transferId);
        }
    }
}
