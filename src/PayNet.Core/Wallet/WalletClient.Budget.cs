using System;
using PayNet.Core.Http;

namespace PayNet.Core.Wallet
{
    /// <summary>What <see cref="WalletClient.CallBudgetWarning"/> reports.</summary>
    public sealed class WalletCallBudgetEventArgs : EventArgs
    {
        public WalletCallBudgetEventArgs(int used, int limit, DateTimeOffset resetsAt)
        {
            Used = used;
            Limit = limit;
            ResetsAt = resetsAt;
        }

        public int Used { get; }
        public int Limit { get; }
        public int Left => Math.Max(0, Limit - Used);
        public DateTimeOffset ResetsAt { get; }

        public override string ToString() => $"{Used} of {Limit} Wallet calls used today";
    }

    public sealed partial class WalletClient
    {
        /// <summary>
        /// Raised once per UTC day, when the calls used reach 90 % of the daily budget (§3). The same text is
        /// written as a warning to the current <see cref="PayNetLog"/>. Handlers run on the calling thread.
        /// </summary>
        public event EventHandler<WalletCallBudgetEventArgs>? CallBudgetWarning;

        /// <summary>Calls used today (UTC): this client's own count, or the server's when it reports more.</summary>
        public int CallsUsedToday => _counter.Used;

        /// <summary>Calls left today: the daily limit (the server's when it sent one) minus <see cref="CallsUsedToday"/>.</summary>
        public int CallsLeftToday => _counter.Left;

        /// <summary>The daily limit: the server's X-RateLimit-Limit once seen, else <see cref="DailyCallBudget"/>.</summary>
        public int DailyCallLimit => _counter.Limit;

        /// <summary>When the budget comes back (the server's X-RateLimit-Reset, else the next midnight UTC).</summary>
        public DateTimeOffset CallBudgetResetsAt => _counter.ResetsAt;

        /// <summary>True while PayNet's "budget spent" refusal stands: Wallet calls fail here without being sent.</summary>
        public bool IsRateLimited => _counter.ExhaustedUntil.HasValue;

        private void OnCallBudgetWarning()
        {
            var args = new WalletCallBudgetEventArgs(_counter.Used, _counter.Limit, _counter.ResetsAt);
            PayNetLog.Current?.Warning(
                $"{args.Used} of {args.Limit} Wallet calls used today ({WalletCallCounter.WarnPercent} % of the daily budget); {args.Left} left until {args.ResetsAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.");
            try
            {
                CallBudgetWarning?.Invoke(this, args);
            }
            catch (Exception ex)
            {
                // A subscriber's bug must not fail the call that happened to cross the mark.
                PayNetLog.Current?.Warning($"A CallBudgetWarning handler failed: {ex.Message}");
            }
        }
    }
}
