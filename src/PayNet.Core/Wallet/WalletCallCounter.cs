using System;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// Client-side count of HTTP attempts per UTC day against the documented 2000 calls/day/user budget
    /// (§3, §9), sharpened by what the server says: its <c>X-RateLimit-*</c> headers (other clients of the
    /// same member spend the same budget) and its refusal once the budget is spent, after which nothing is
    /// sent until the reset instead of asking again and again.
    /// </summary>
    internal sealed class WalletCallCounter
    {
        /// <summary>The warning fires when this share of the budget is used.</summary>
        public const int WarnPercent = 90;

        private readonly object _gate = new object();
        private readonly Func<DateTimeOffset> _clock;
        private DateTime _day;
        private int _count;
        private bool _warned;
        private int? _serverLimit;
        private int? _serverRemaining;
        private DateTimeOffset? _serverReset;
        private DateTimeOffset? _exhaustedUntil;

        public WalletCallCounter(int budget, Func<DateTimeOffset>? clock = null)
        {
            Budget = budget;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _day = _clock().UtcDateTime.Date;
        }

        /// <summary>The configured budget; the server's own limit, once it told us, wins in <see cref="Limit"/>.</summary>
        public int Budget { get; }

        /// <summary>Calls this client made today (UTC), retries and logins included.</summary>
        public int Today
        {
            get { lock (_gate) { Roll(); return _count; } }
        }

        /// <summary>The daily limit: the server's X-RateLimit-Limit when it sent one today, else the configured budget.</summary>
        public int Limit
        {
            get { lock (_gate) { Roll(); return _serverLimit ?? Budget; } }
        }

        /// <summary>Calls used today: ours, or the server's count when it knows of more (other clients of the member).</summary>
        public int Used
        {
            get { lock (_gate) { Roll(); return UsedCore(); } }
        }

        /// <summary>Calls left today, never below zero.</summary>
        public int Left
        {
            get { lock (_gate) { Roll(); return Math.Max(0, (_serverLimit ?? Budget) - UsedCore()); } }
        }

        /// <summary>When the budget comes back: the server's X-RateLimit-Reset, else the next midnight UTC.</summary>
        public DateTimeOffset ResetsAt
        {
            get { lock (_gate) { Roll(); return _serverReset ?? NextMidnight(_clock()); } }
        }

        /// <summary>Adds attempts; returns true exactly once a day, when the count first reaches 90 % of the limit.</summary>
        public bool Add(int attempts)
        {
            if (attempts <= 0) return false;
            lock (_gate)
            {
                Roll();
                _count += attempts;
                return WarnOnce();
            }
        }

        /// <summary>What the server's X-RateLimit-* headers said; returns true when that first crosses 90 %.</summary>
        public bool Observe(int? limit, int? remaining, DateTimeOffset? reset)
        {
            lock (_gate)
            {
                Roll();
                if (limit is int l && l > 0) _serverLimit = l;
                if (remaining is int r && r >= 0) _serverRemaining = r;
                if (reset is DateTimeOffset at && at > _clock() && at - _clock() <= TimeSpan.FromDays(2)) _serverReset = at;
                return WarnOnce();
            }
        }

        /// <summary>The server refused a call because the budget is spent: send nothing more until it resets.</summary>
        public void MarkExhausted(DateTimeOffset? reset)
        {
            lock (_gate)
            {
                Roll();
                var now = _clock();
                // A reset in the past or absurdly far away (a clock apart from ours) falls back to midnight UTC.
                var until = reset is DateTimeOffset at && at > now && at - now <= TimeSpan.FromDays(2) ? at : NextMidnight(now);
                _exhaustedUntil = until;
                _serverRemaining = 0;
                _serverReset = until;
            }
        }

        /// <summary>Non-null while the server's refusal stands: the instant the budget comes back.</summary>
        public DateTimeOffset? ExhaustedUntil
        {
            get
            {
                lock (_gate)
                {
                    Roll();
                    if (_exhaustedUntil is DateTimeOffset until && _clock() >= until) _exhaustedUntil = null;
                    return _exhaustedUntil;
                }
            }
        }

        private int UsedCore()
        {
            int used = _count;
            if (_serverLimit is int limit && _serverRemaining is int remaining) used = Math.Max(used, limit - remaining);
            else if (_serverRemaining is int left) used = Math.Max(used, Budget - left);
            return used;
        }

        private bool WarnOnce()
        {
            int limit = _serverLimit ?? Budget;
            if (_warned || limit <= 0 || UsedCore() * 100L < limit * (long)WarnPercent) return false;
            _warned = true;
            return true;
        }

        private void Roll()
        {
            var today = _clock().UtcDateTime.Date;
            if (today == _day) return;
            _day = today;
            _count = 0;
            _warned = false;
            _serverLimit = null;
            _serverRemaining = null;
            _serverReset = null;
            if (_exhaustedUntil is DateTimeOffset until && _clock() >= until) _exhaustedUntil = null;
        }

        private static DateTimeOffset NextMidnight(DateTimeOffset now) =>
            new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
    }
}
