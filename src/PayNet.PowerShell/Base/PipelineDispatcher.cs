using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PayNet.PowerShell
{
    /// <summary>
    /// Runs async PayNet.Core work to completion on the pipeline thread while executing, on that same
    /// thread, the writes (Verbose, Debug, progress) that worker threads queued meanwhile. PowerShell
    /// forbids Write* from any other thread.
    /// </summary>
    internal sealed class PipelineDispatcher
    {
        private static readonly Action Wake = () => { };
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();
        private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;

        public bool OnPipelineThread => Environment.CurrentManagedThreadId == _pipelineThreadId;

        /// <summary>Runs now when called on the pipeline thread, else queues for the next pump.</summary>
        public void Post(Action write)
        {
            if (OnPipelineThread) write();
            else _queue.Add(write);
        }

        public T Wait<T>(Task<T> task)
        {
            Pump(task);
            return task.GetAwaiter().GetResult();
        }

        public void Wait(Task task)
        {
            Pump(task);
            task.GetAwaiter().GetResult();
        }

        /// <summary>Streams an async sequence item by item; the next page is fetched only when the caller asks.</summary>
        public IEnumerable<T> Enumerate<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
        {
            var enumerator = source.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    var moved = enumerator.MoveNextAsync();
                    bool hasItem = moved.IsCompleted ? moved.Result : Wait(moved.AsTask());
                    if (!hasItem) yield break;
                    yield return enumerator.Current;
                }
            }
            finally
            {
                var disposed = enumerator.DisposeAsync();
                if (!disposed.IsCompleted) Wait(disposed.AsTask());
            }
        }

        /// <summary>Executes queued writes until nothing is left; used between items too.</summary>
        public void Drain()
        {
            while (_queue.TryTake(out var write)) write();
        }

        private void Pump(Task task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => _queue.Add(Wake), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (!task.IsCompleted)
                {
                    _queue.Take()();
                }
            }
            Drain();
        }
    }
}
