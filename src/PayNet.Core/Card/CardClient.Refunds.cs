using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Journal;
using PayNet.Core.Settlement;

namespace PayNet.Core.Card
{
    public sealed partial class CardClient
    {
        private const string RefundOperation = "RequestRefund";

        /// <summary>
        /// Asks Paynet to cancel (same day, full) or refund (later, full or partial) a transaction. The request is
        /// reviewed asynchronously; follow it with <see cref="ListRefundsAsync"/>. Never re-sent. Before sending, the
        /// client notes what Paynet already shows for the transaction (its detail and its refund requests); when the
        /// answer is lost it settles from what changed: a new request for this amount (or the transaction now
        /// reversed) is the outcome; nothing new after a few lookups, or something that differs, is
        /// <see cref="PayNetStateUnknownException"/> naming the xact id.
        /// </summary>
        /// <param name="amount">TRY to refund; null = the full amount. Sent in kuruş.</param>
        /// <param name="succeedUrl">Where Paynet posts the outcome, if anywhere.</param>
        public async Task<CardRefundResult> RequestRefundAsync(string xactId, decimal? amount = null, string? succeedUrl = null, CancellationToken cancellationToken = default)
        {
            string id = RequireXactId(RefundOperation, xactId);
            var body = new CardRefundBody { XactId = id, Amount = Kurus(RefundOperation, amount, id), SucceedUrl = CallbackUrl(succeedUrl, id) };
            // Read before anything moves: a failure here sends nothing. The count of refunds this client sent for the
            // transaction is noted first, so a sibling sent meanwhile (ForEach-Object -Parallel on one connection) is seen.
            int sentBefore = RefundsSent(id);
            var before = await RefundStateAsync(id, cancellationToken).ConfigureAwait(false);
            RefuseWhatPaynetWouldRefuse(id, amount, before);
            // A full refund asks for what is left: the amount less the requests already pending or approved.
            var intent = new MoneyMoveIntent(PayNetApi.Card, KeyFingerprint, "CardRefund", id, amount ?? Refundable(before), "TRY") { ProductOrAccount = id };

            return await MoneyMovePath.RunAsync(_transport.Options, intent,
                async token =>
                {
                    _refundsSent.AddOrUpdate(id, 1, (_, n) => n + 1);
                    var reply = await _transport.PostAsync("v1/transaction/reversed_request", RefundOperation, CallKind.MoneyMove, body, id, false, token).ConfigureAwait(false);
                    return Answered(id, reply, amount, before);
                },
                // A refused request moved nothing; an accepted one is reviewed by PayNet, so it stays Pending in the journal.
                result => (result.State == CardRefundState.Rejected ? MoneyMoveState.Failed : MoneyMoveState.Pending, result.XactId),
                async (round, token) => SettleRefund(id, amount, before, await RefundStateAsync(id, token).ConfigureAwait(false), RefundsSent(id) - sentBefore - 1),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Refuses, before anything is sent, a refund Paynet would refuse for what it already shows (card.md §3.4: "amount
        /// &gt; remaining refundable", §7.3 "unsuccessful original"): the transaction did not succeed, or the amount asked is more than the transaction's amount less its open and approved
        /// refund requests. (Its "reversed" flag is not used: a partial refund sets it too, card.md gap 24.) Sending it would only risk a refusal whose answer is lost, which
        /// the client could not tell from a booking. Request states are undocumented: a request counts against the
        /// remainder unless its state reads as refused; when a request carries no amount, Paynet judges alone.
        /// </summary>
        internal static void RefuseWhatPaynetWouldRefuse(string xactId, decimal? amount, RefundState before)
        {
            string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " TRY";
            if (before.Failed)
                throw new PayNetException(PayNetApi.Card, RefundOperation, PayNetErrorCategory.InvalidArgument,
                    $"Card transaction '{xactId}' did not succeed (Paynet: is_succeed false), so there is nothing to refund. Nothing was sent.", reference: xactId);
            if (before.Amount is not decimal total) return;
            var claiming = Claiming(before);
            if (claiming.Any(r => r.Amount is null)) return;
            decimal remaining = Refundable(before);
            decimal asked = amount ?? remaining;
            if (remaining <= 0m || asked > remaining)
                throw new PayNetException(PayNetApi.Card, RefundOperation, PayNetErrorCategory.InvalidArgument,
                    $"Card transaction '{xactId}' ({Money(total)}) has {claiming.Count} open or approved refund request(s) for {Money(claiming.Sum(r => r.Amount!.Value))}; " +
                    $"{(remaining <= 0m ? "nothing is left to refund" : $"{Money(asked)} is more than the {Money(remaining)} left")}. Nothing was sent. " +
                    "Get-PayNetRefund lists the requests.", reference: xactId);
        }

        private static bool ReadsAsRefused(string? status) =>
            status is not null && new[] { "reject", "declin", "refus", "fail", "redd", "cancel" }
                .Any(word => status.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _refundsSent =
            new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Paynet's clock as its latest answer told it, for windows Paynet dates by its own calendar.</summary>
        internal DateTimeOffset? ServerTime => _transport.ServerTime;

        private int RefundsSent(string xactId) => _refundsSent.TryGetValue(xactId, out int n) ? n : 0;

        /// <summary>What Paynet shows about the refunds of one transaction at one moment.</summary>
        internal sealed class RefundState
        {
            public bool Reversed { get; set; }
            /// <summary>Paynet says the transaction did not succeed (is_succeed false): there is nothing to refund.</summary>
            public bool Failed { get; set; }
            public decimal? Amount { get; set; }
            public string? ReferenceNo { get; set; }
            public string Currency { get; set; } = "TRY";
            public List<CardRefund> Requests { get; } = new List<CardRefund>();
        }

        /// <summary>The requests listed now that the earlier listing does not hold (each earlier one accounts for one of the same amount and entry date).</summary>
        internal static List<CardRefund> NewRequests(RefundState before, RefundState now)
        {
            var earlier = before.Requests.ToList();
            var added = new List<CardRefund>();
            foreach (var request in now.Requests)
            {
                int match = earlier.FindIndex(e => e.Amount == request.Amount && e.EntryDate == request.EntryDate);
                if (match >= 0) earlier.RemoveAt(match);
                else added.Add(request);
            }
            return added;
        }

        /// <summary>The requests that count against the remainder: every one whose state does not read as refused.</summary>
        private static List<CardRefund> Claiming(RefundState state) => state.Requests.Where(r => !ReadsAsRefused(r.Status)).ToList();

        /// <summary>What a full refund would ask for: the transaction's amount less requests not rejected.</summary>
        internal static decimal Refundable(RefundState state) =>
            Math.Max(0m, (state.Amount ?? 0m) - Claiming(state).Sum(r => r.Amount ?? 0m));

        /// <summary>
        /// The transaction's detail and its refund requests, read once: the settle path's before and after, and
        /// Sync-PayNetJournal's look at a journaled refund. Requests are listed by entry date in Paynet's calendar, so
        /// the window runs from the earlier of <paramref name="since"/> and the transaction's day to two days past the
        /// latest of this machine's clock, Paynet's (its Date header) and the transaction's.
        /// </summary>
        internal async Task<RefundState> RefundStateAsync(string xactId, CancellationToken cancellationToken, DateTimeOffset? since = null)
        {
            var detail = await GetDetailAsync(xactId: xactId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var state = new RefundState
            {
                Reversed = detail.IsReversed, Amount = detail.Amount, Failed = detail.State == CardTransactionState.Failed,
                ReferenceNo = detail.ReferenceNo, Currency = string.IsNullOrEmpty(detail.Currency) ? "TRY" : detail.Currency,
            };
            DateTime earliest = detail.Time?.UtcDateTime ?? DateTime.UtcNow;
            if (since is DateTimeOffset asked && asked.UtcDateTime < earliest) earliest = asked.UtcDateTime;
            DateTime from = earliest.Date.AddDays(-1);
            DateTime now = _transport.ServerTime is DateTimeOffset server && server.UtcDateTime > DateTime.UtcNow ? server.UtcDateTime : DateTime.UtcNow;
            DateTime latest = detail.Time is DateTimeOffset t && t.UtcDateTime > now ? t.UtcDateTime : now;
            await foreach (var refund in ListRefundsAsync(from, latest.Date.AddDays(2), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(refund.XactId, xactId, StringComparison.Ordinal) ||
                    (detail.Id is string plain && plain.Length > 0 && string.Equals(refund.TransactionId, plain, StringComparison.Ordinal)))
                    state.Requests.Add(refund);
            }
            return state;
        }

        /// <summary>The refund is settled when exactly one new request appeared and it is for the asked amount.</summary>
        /// <param name="sentAlongside">Refunds of the same transaction this client sent since the snapshot, besides this one.</param>
        internal static SettleStep<CardRefundResult> SettleRefund(string xactId, decimal? amount, RefundState before, RefundState now, int sentAlongside = 0)
        {
            int added = now.Requests.Count - before.Requests.Count;
            if (added == 0)
                // The transaction turning "reversed" is no proof: another request's approval sets it too.
                return now.Reversed && !before.Reversed
                    ? SettleStep<CardRefundResult>.NotYet($"'{xactId}' is now reversed but no new refund request is listed; another refund's approval may have done it")
                    : SettleStep<CardRefundResult>.Nothing($"no new refund request for '{xactId}' yet");
            if (sentAlongside > 0)
                return SettleStep<CardRefundResult>.Mismatch(
                    $"{sentAlongside + 1} refunds of '{xactId}' were sent from this connection at once; the new request(s) cannot be told apart");
            if (added > 1)
                return SettleStep<CardRefundResult>.Mismatch($"{added} new refund requests for '{xactId}' appeared; another caller may be refunding it too");
            if (added < 0)
                return SettleStep<CardRefundResult>.Mismatch($"the refund requests of '{xactId}' changed unexpectedly");

            // The new request is the one the earlier listing does not account for; the latest entry date is not it when
            // several requests share one (Paynet dates them coarsely), which took an earlier refund's amount for this one's.
            CardRefund? fresh = null;
            if (added == 1)
            {
                var unaccounted = NewRequests(before, now);
                if (unaccounted.Count != 1)
                    return SettleStep<CardRefundResult>.Mismatch($"the refund requests of '{xactId}' changed unexpectedly");
                fresh = unaccounted[0];
            }
            if (fresh?.Amount is decimal booked && amount is decimal asked && booked != asked)
                return SettleStep<CardRefundResult>.Mismatch(
                    $"a new refund request for '{xactId}' is for {booked.ToString("0.00", CultureInfo.InvariantCulture)} TRY, not {asked.ToString("0.00", CultureInfo.InvariantCulture)}");
            return SettleStep<CardRefundResult>.Found(new CardRefundResult
            {
                Operation = RefundOperation,
                XactId = xactId,
                ReferenceNo = now.ReferenceNo ?? before.ReferenceNo,
                Code = 0,
                ProviderMessage = fresh is null ? "reversed (settled from the transaction detail)" : $"refund request {fresh.State} (settled from the refund list)",
                Amount = amount ?? fresh?.Amount ?? before.Amount,
                FullAmount = amount is null,
                PaymentAmount = before.Amount,
                Currency = before.Currency,
                State = fresh is null ? CardRefundState.Approved : StateOf(fresh.Status),
                Time = fresh?.EntryDate,
                Reconciled = true,
            });
        }

        /// <summary>The answer to the request: 0 (or 100, an earlier identical request) is accepted and under review; any other code is refused.</summary>
        private static CardRefundResult Answered(string xactId, CardReply reply, decimal? amount, RefundState before)
        {
            // An answer without a return code is unreadable, not a success: the request may or may not have run.
            int code = reply.Code ?? throw new PayNetAmbiguousOutcomeException($"the answer to {RefundOperation} carried no return code");
            return new CardRefundResult
            {
                Operation = RefundOperation,
                XactId = xactId,
                ReferenceNo = before.ReferenceNo,
                Code = code,
                ProviderMessage = reply.Message,
                Amount = amount ?? before.Amount,
                FullAmount = amount is null,
                PaymentAmount = before.Amount,
                Currency = before.Currency,
                State = code == 0 || code == 100 ? CardRefundState.Pending : CardRefundState.Rejected,
            };
        }

        /// <summary>A refund list status (values undocumented; the sandbox says pending, approved, rejected) as a state.</summary>
        internal static CardRefundState StateOf(string? status)
        {
            string s = (status ?? string.Empty).Trim().ToLowerInvariant();
            if (s.Contains("approv") || s.Contains("onay") || s.Contains("success") || s.Contains("başarılı")) return CardRefundState.Approved;
            if (s.Contains("reject") || s.StartsWith("red", StringComparison.Ordinal) || s.Contains("fail")) return CardRefundState.Rejected;
            return s.Length == 0 || s.Contains("pend") || s.Contains("bekl") || s.Contains("wait") ? CardRefundState.Pending : CardRefundState.Unknown;
        }
    }
}
