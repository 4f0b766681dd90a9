using System;
using PayNet.Core;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// -From/-To mean the same on every cmdlet: whole calendar days, both included, so -From X -To X is
    /// the one day X. Any time of day on either is ignored. Core's Card calls take an exclusive end
    /// (PayNet's list stops before it), so the cmdlets convert here and only here.
    /// </summary>
    internal readonly struct DayPeriod
    {
        private DayPeriod(DateTime firstDay, DateTime lastDay)
        {
            FirstDay = firstDay;
            LastDay = lastDay;
        }

        public DateTime FirstDay { get; }

        /// <summary>The last day included.</summary>
        public DateTime LastDay { get; }

        /// <summary>Midnight after the last day: the exclusive end Core's Card list and refund calls take.</summary>
        public DateTime ExclusiveEnd => LastDay.AddDays(1);

        /// <summary>"2024-01-15..2024-01-16": both days included; the TargetObject of a period's errors.</summary>
        public override string ToString() => $"{FirstDay:yyyy-MM-dd}..{LastDay:yyyy-MM-dd}";

        /// <summary>The days From..To; -From after -To is a PayNetInvalidArgument error.</summary>
        public static DayPeriod Of(DateTime from, DateTime to, PayNetApi api, string operation)
        {
            if (from.Date > to.Date)
                throw new PayNetException(api, operation, PayNetErrorCategory.InvalidArgument,
                    $"-From {from:yyyy-MM-dd} is after -To {to:yyyy-MM-dd} (both days are included: -From X -To X is the one day X).");
            return new DayPeriod(from.Date, to.Date);
        }
    }
}
