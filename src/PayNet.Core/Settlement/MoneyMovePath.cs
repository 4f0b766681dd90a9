using System;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Journal;

namespace PayNet.Core.Settlement
{
    /// <summary>What one settle lookup learned about a money move whose answer was lost.</summary>
    internal enum SettleVerdict
    {
        /// <summary>PayNet shows the move, and everything about it agrees with what was sent.</summary>
        Found,
        /// <summary>Nothing under the reference yet: ask again later (it may still appear).</summary>
        NotYet,
        /// <summary>Something carries the reference but differs (amount, type, payee...): never a success.</summary>
        Mismatch,
        /// <summary>PayNet provably did not execute it (a repeated TopUp confirm it refused): a failure, thrown as is.</summary>
        Refused,
    }

    /// <summary>One lookup's answer: a result when found, else why not.</summary>
    internal struct SettleStep<T> where T : class
    {
        private SettleStep(SettleVerdict verdict, T? result, string why, Exception? refusal = null)
        {
            Verdict = verdict;
            Result = result;
            Why = why;
            Refusal = refusal;
        }

        public Exception? Refusal { get; }

        public SettleVerdict Verdict { get; }
        public T? Result { get; }
        public string Why { get; }

        public static SettleStep<T> Found(T result) => new SettleStep<T>(SettleVerdict.Found, result, string.Empty);
        public static SettleStep<T> NotYet(string why) => new SettleStep<T>(SettleVerdict.NotYet, null, why);

        /// <summary>
        /// NotYet from a lookup that answered and shows nothing at all under the reference (not a lookup that could not
        /// answer): after a complete 500/503 answer, a whole schedule of these proves the move was not booked.
        /// </summary>
        public static SettleStep<T> Nothing(string why) => new SettleStep<T>(SettleVerdict.NotYet, null, why) { ShowsNothing = true };

        public bool ShowsNothing { get; private set; }
        public static SettleStep<T> Mismatch(string why) => new SettleStep<T>(SettleVerdict.Mismatch, null, why);
        public static SettleStep<T> Refused(Exception refusal) => new SettleStep<T>(SettleVerdict.Refused, null, refusal.Message, refusal);
    }

    /// <summary>
    /// The one path every money move of every service takes (Wallet member, system and QR payments, add money,
    /// withdrawals, TopUp confirms, Card refunds): journal the intent, send once, and when anything goes wrong
    /// after the request may have left (timeout, dropped connection, 5xx, an unreadable or unmappable answer,
    /// cancellation, any exception type) settle it by asking PayNet, never by re-sending and never by guessing.
    /// Settling ignores the caller's token: it runs under its own time limit
    /// (<see cref="PayNetClientOptions.SettleTimeout"/>) and re-checks on the schedule of
    /// <see cref="PayNetClientOptions.SettleDelays"/>, because a booking often shows up a moment after its answer
    /// was lost. What it cannot settle is <see cref="PayNetStateUnknownException"/> naming the reference.
    /// </summary>
    internal static class MoneyMovePath
    {
        /// <param name="send">Sends the request once and maps a clear answer. Throws a PayNetException for a refusal.</param>
        /// <param name="outcomeOf">The journal state and transaction id of a result (Succeeded, Pending or Failed).</param>
        /// <param name="lookup">
        /// One settle lookup; called with the round number (1-based) and the settle token. Null for a move PayNet
        /// offers no way to look up: a failure after sending is then state unknown at once.
        /// </param>
        public static async Task<T> RunAsync<T>(PayNetClientOptions options, MoneyMoveIntent intent,
            Func<CancellationToken, Task<T>> send,
            Func<T, (MoneyMoveState State, string? TransactionId)> outcomeOf,
            Func<int, CancellationToken, Task<SettleStep<T>>>? lookup,
            CancellationToken cancellationToken) where T : class
        {
            // Cancelled before anything left: nothing to settle, nothing to journal.
            cancellationToken.ThrowIfCancellationRequested();
            var journal = options.Journal ?? NullMoneyJournal.Instance;
            journal.RecordIntent(intent);

            Exception failure;
            try
            {
                var result = await send(cancellationToken).ConfigureAwait(false);
                var (state, id) = outcomeOf(result);
                journal.RecordOutcome(intent, state, null, id);
                return result;
            }
            catch (Exception ex) when (IsProvenRefusal(ex))
            {
                journal.RecordOutcome(intent, MoneyMoveState.Failed, Redact(options, ex.Message), null);
                throw;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            string why = Describe(failure);
            Log(options, intent, $"{why}; settling by reference '{intent.Reference}' instead of re-sending.");
            return await SettleAsync(options, intent, why, failure, outcomeOf, lookup).ConfigureAwait(false);
        }

        /// <summary>Settles under its own bound, whatever happened to the caller's token.</summary>
        private static async Task<T> SettleAsync<T>(PayNetClientOptions options, MoneyMoveIntent intent, string why, Exception failure,
            Func<T, (MoneyMoveState State, string? TransactionId)> outcomeOf,
            Func<int, CancellationToken, Task<SettleStep<T>>>? lookup) where T : class
        {
            var journal = options.Journal ?? NullMoneyJournal.Instance;
            var delays = lookup is null ? Array.Empty<TimeSpan>() : options.SettleDelays;
            string last = lookup is null ? "PayNet offers no lookup for this move" : "no lookup ran";
            int clearRounds = 0; // lookups that answered and showed nothing under the reference
            using (var own = new CancellationTokenSource(options.SettleTimeout))
            {
                for (int round = 1; round <= delays.Count; round++)
                {
                    SettleStep<T> step;
                    try
                    {
                        if (delays[round - 1] > TimeSpan.Zero) await Task.Delay(delays[round - 1], own.Token).ConfigureAwait(false);
                        step = await lookup!(round, own.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (own.IsCancellationRequested)
                    {
                        last = $"the settle lookups ran out of their {Seconds(options.SettleTimeout)} s";
                        break;
                    }
                    catch (Exception lookupFailure) when (!(lookupFailure is PayNetStateUnknownException))
                    {
                        last = "the lookup failed: " + lookupFailure.Message;
                        continue;
                    }

                    if (step.Verdict == SettleVerdict.Found)
                    {
                        var (state, id) = outcomeOf(step.Result!);
                        journal.RecordOutcome(intent, state, "settled after: " + why, id);
                        Log(options, intent, $"settled as {state} ({id}).");
                        return step.Result!;
                    }
                    if (step.Verdict == SettleVerdict.Refused)
                    {
                        journal.RecordOutcome(intent, MoneyMoveState.Failed, Redact(options, step.Why), null);
                        throw step.Refusal!;
                    }
                    last = step.Why;
                    if (step.Verdict == SettleVerdict.Mismatch) break;
                    if (step.ShowsNothing) clearRounds++;
                }
            }

            if (AnsweredWithoutBooking(failure, clearRounds, delays.Count))
            {
                string notBooked = Redact(options,
                    $"PayNet answered HTTP {((PayNetAmbiguousOutcomeException)failure).AnsweredStatus} and, looked up {clearRounds} times over " +
                    $"{Seconds(Total(delays))} s after that answer, shows nothing under reference '{intent.Reference}': " +
                    "it was not booked, and sending it again is safe");
                journal.RecordOutcome(intent, MoneyMoveState.Failed, notBooked, null);
                Log(options, intent, notBooked + ".");
                throw new PayNetNotBookedException(intent.Service, intent.Operation, char.ToUpperInvariant(notBooked[0]) + notBooked.Substring(1) + ".",
                    ((PayNetAmbiguousOutcomeException)failure).AnsweredStatus!.Value, intent.Reference, failure);
            }

            string detail = Redact(options, $"{why}, and settling by reference could not tell ({last})");
            journal.RecordOutcome(intent, MoneyMoveState.Unknown, detail, null);
            throw new PayNetStateUnknownException(intent.Service, intent.Operation, intent.Reference, detail, failure);
        }

        /// <summary>
        /// A 500 or 503 is a complete answer: the server had finished with the request when it sent it, so a booking the
        /// request made is already in PayNet's records. When every lookup of the full settle schedule (at least two, spread
        /// over seconds for read lag) answered and showed nothing, the move was not booked. No answer (timeout, dropped
        /// connection, cancellation), an unreadable answer, a gateway's 502/504 (the server behind it may still be working)
        /// or a lookup that failed proves nothing: those stay state unknown. docs/design/money-settle.md.
        /// </summary>
        internal static bool AnsweredWithoutBooking(Exception failure, int clearRounds, int scheduledRounds) =>
            failure is PayNetAmbiguousOutcomeException { AnsweredStatus: 500 or 503 } && scheduledRounds >= 2 && clearRounds == scheduledRounds;

        /// <summary>Seconds as every user reads them, whatever the culture ("0.5", never "0,5").</summary>
        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

        private static TimeSpan Total(System.Collections.Generic.IReadOnlyList<TimeSpan> delays)
        {
            var total = TimeSpan.Zero;
            foreach (var delay in delays) total += delay;
            return total;
        }

        /// <summary>
        /// True only when the server provably did not execute the move: it answered with a refusal, or the
        /// connection never opened. Everything else may have executed and is settled.
        /// </summary>
        internal static bool IsProvenRefusal(Exception error)
        {
            if (error is PayNetStateUnknownException) return false;
            if (error is PayNetException p)
            {
                switch (p.Category)
                {
                    case PayNetErrorCategory.InvalidArgument:
                    case PayNetErrorCategory.Authentication:
                    case PayNetErrorCategory.NotFound:
                    case PayNetErrorCategory.LimitsExceeded:
                    case PayNetErrorCategory.Rejected:
                        return true;
                }
            }
            return RetryHandler.ProvablyNotSent(error);
        }

        private static string Describe(Exception error) => error switch
        {
            PayNetAmbiguousOutcomeException lost => lost.Message,
            OperationCanceledException _ => "the call was cancelled while the request may have been in flight",
            PayNetException p => p.Message.TrimEnd('.'),
            _ => $"the answer could not be handled ({error.GetType().Name}: {error.Message})",
        };

        private static string Redact(PayNetClientOptions options, string text) => options.Redactor.Redact(text) ?? string.Empty;

        private static void Log(PayNetClientOptions options, MoneyMoveIntent intent, string text)
        {
            var log = PayNetLog.Current;
            if (log is not null && log.IsVerboseEnabled) log.Verbose(Redact(options, $"{intent.Service} {intent.Operation} '{intent.Reference}': {text}"));
        }
    }
}
