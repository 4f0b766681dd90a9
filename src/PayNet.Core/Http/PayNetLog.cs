using System;
using System.Threading;

namespace PayNet.Core.Http
{
    /// <summary>Where the pipeline reports what it does. Messages arrive already redacted.</summary>
    public interface IPayNetLog
    {
        bool IsVerboseEnabled { get; }
        bool IsDebugEnabled { get; }
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    /// <summary>
    /// The log of the current logical call. A cmdlet pushes its own sink for the length of one
    /// invocation, so two runspaces sharing a connection never write into each other's streams.
    /// </summary>
    public static class PayNetLog
    {
        private static readonly AsyncLocal<IPayNetLog?> CurrentSink = new AsyncLocal<IPayNetLog?>();

        public static IPayNetLog? Current => CurrentSink.Value;

        public static IDisposable Push(IPayNetLog log)
        {
            var previous = CurrentSink.Value;
            CurrentSink.Value = log;
            return new Restore(previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly IPayNetLog? _previous;
            public Restore(IPayNetLog? previous) => _previous = previous;
            public void Dispose() => CurrentSink.Value = _previous;
        }
    }
}
