using System;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// Client-side count of HTTP attempts per UTC day, against the documented 2000 calls/day/user
    /// budget. Other clients share the server's counter, so this is a floor, not the truth.
    /// </summary>
    internal sealed class WalletCallCounter
    {
        private readonly object _gate = new object();
        private readonly Func<DateTimeOffset> _clock;
        private DateTime _day;
        private int _count;
        private bool _warned;

        public WalletCallCounter(int budget, Func<DateTimeOffset>? clock = null)
        {
            Budget = budget;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _day = _clock().UtcDateTime.Date;
        }

        public int Budget { get; }

        public int Today
        {
            get { lock (_gate) { Roll(); return _count; } }
        }

        /// <summary>Adds attempts; returns true exactly once a day, when the count first reaches 90 % of the budget.</summary>
        public bool Add(int attempts)
        {
            if (attempts <= 0) return false;
            lock (_gate)
            {
                Roll();
                _count += attempts;
                if (_warned || Budget <= 0 || _count < Budget * 9L / 10) return false;
                _warned = true;
                return true;
            }
        }

        private void Roll()
        {
            var today = _clock().UtcDateTime.Date;
            if (today == _day) return;
            _day = today;
            _count = 0;
            _warned = false;
        }
    }
}
