using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace PayNet.Core.TopUp
{
    public sealed partial class TopUpClient
    {
        /// <summary>
        /// Polls find until the transaction is Success, Failed, Cancelled or Replaced (topup.md §6), waiting
        /// <see cref="TopUpSettings.PollInitialInterval"/> and doubling up to <see cref="TopUpSettings.PollMaxInterval"/>.
        /// A transaction this client confirmed that is seen back at New gets its confirm re-sent, as §8
        /// prescribes. Throws <see cref="PayNetException"/> with category Timeout and the external id when
        /// the wait runs out; the transaction may still complete later. <paramref name="initialInterval"/>
        /// overrides the first interval for this wait only.
        /// </summary>
        public async Task<TopUpTransaction> WaitForFinalStateAsync(TopUpTransaction transaction, IProgress<TopUpPollStatus>? progress = null,
            TimeSpan? timeout = null, CancellationToken cancellationToken = default, TimeSpan? initialInterval = null)
        {
            if (transaction is null) throw new ArgumentNullException(nameof(transaction));
            if (transaction.IsFinal) return transaction;
            if (string.IsNullOrEmpty(transaction.ExternalId) && string.IsNullOrEmpty(transaction.Id))
                throw Invalid("Wait", "The transaction has neither an external id nor a Paynet id.");
            var limit = timeout ?? Settings.PollTimeout;
            if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "The timeout must be positive.");
            string reference = transaction.ExternalId ?? transaction.Id;

            var clock = Stopwatch.StartNew();
            var current = transaction;
            // Per call, not on the shared settings: parallel runspaces share one client.
            var interval = initialInterval ?? Settings.PollInitialInterval;
            for (int poll = 1; ; poll++)
            {
                var remaining = limit - clock.Elapsed;
                if (remaining <= TimeSpan.Zero) throw TimedOut(current, reference, limit, poll - 1);
                await Task.Delay(interval < remaining ? interval : remaining, cancellationToken).ConfigureAwait(false);

                try
                {
                    current = await FindForReconcileAsync(current, "Wait", cancellationToken).ConfigureAwait(false);
                }
                catch (PayNetException transient) when (IsTransient(transient))
                {
                    Verbose($"TopUp Wait '{reference}': find {poll} gave no news ({transient.Message}); polling on.");
                }

                if (current.State == TopUpState.New)
                {
                    if (!current.ConfirmSent)
                        throw Invalid("Wait", $"Transaction '{reference}' was checked but never confirmed; confirm it before waiting for it.", reference);
                    Verbose($"TopUp Wait '{reference}': Paynet shows the transaction as New, so the confirm did not take; sending it again.");
                    current = await ConfirmAsync(current, current.ConfirmAmount, current.ConfirmTypeId, cancellationToken).ConfigureAwait(false);
                }

                bool final = current.IsFinal;
                var next = interval + interval;
                if (next > Settings.PollMaxInterval) next = Settings.PollMaxInterval;
                progress?.Report(new TopUpPollStatus(current, poll, clock.Elapsed, final ? (TimeSpan?)null : next, limit));
                if (final) return current;
                interval = next;
            }
        }

        private static PayNetException TimedOut(TopUpTransaction current, string reference, TimeSpan limit, int polls) =>
            new PayNetException(PayNetApi.TopUp, "Wait", PayNetErrorCategory.Timeout,
                $"Transaction '{reference}' is still {current.State} after {FormatSpan(limit)} ({polls} polls). It may still complete: " +
                $"look it up later by external id '{reference}', and contact Paynet support if it stays {current.State}.",
                reference: reference);

        private static string FormatSpan(TimeSpan span) =>
            span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";
    }
}
