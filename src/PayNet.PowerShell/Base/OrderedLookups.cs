using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PayNet.PowerShell
{
    /// <summary>
    /// Runs up to N lookups at once for pipeline input and hands their results back in input order,
    /// so -ThrottleLimit speeds a batch up without shuffling it. Results are written by the caller on
    /// the pipeline thread; a lookup's failure stays attached to its own input.
    /// </summary>
    internal sealed class OrderedLookups<T>
    {
        private readonly Queue<(object? Target, Task<T> Work)> _inFlight = new Queue<(object?, Task<T>)>();
        private readonly int _limit;

        public OrderedLookups(int limit) => _limit = Math.Max(1, limit);

        /// <summary>Starts a lookup; returns those that must be written now to stay within the limit.</summary>
        public IEnumerable<(object? Target, Task<T> Work)> Add(object? target, Func<CancellationToken, Task<T>> lookup, CancellationToken cancellationToken)
        {
            _inFlight.Enqueue((target, Task.Run(() => lookup(cancellationToken), cancellationToken)));
            while (_inFlight.Count >= _limit) yield return _inFlight.Dequeue();
        }

        /// <summary>Everything still running, oldest first.</summary>
        public IEnumerable<(object? Target, Task<T> Work)> Drain()
        {
            while (_inFlight.Count > 0) yield return _inFlight.Dequeue();
        }
    }
}
