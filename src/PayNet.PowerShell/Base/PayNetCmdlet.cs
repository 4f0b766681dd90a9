using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core;
using PayNet.Core.Http;
using PayNet.PowerShell.Host;

namespace PayNet.PowerShell
{
    /// <summary>
    /// Owns what every PayNet cmdlet shares: the host seam, cancellation (Ctrl+C cancels in-flight
    /// HTTP), pipeline-thread writes, and mapping PayNet errors to error records. A failed pipeline
    /// item becomes a non-terminating error and the batch goes on; an unknown money state, a missing
    /// connection or bad configuration stops the pipeline.
    /// </summary>
    public abstract class PayNetCmdlet : PSCmdlet
    {
        private CancellationTokenSource? _cancellation;
        private HostLogSink? _log;

        internal ICmdletHost CmdletHost { get; private set; } = null!;
        internal PipelineDispatcher Dispatcher { get; private set; } = null!;

        protected CancellationToken Cancellation => _cancellation?.Token ?? CancellationToken.None;

        internal CancellationToken CancellationToken => Cancellation;

        /// <summary>The input the current item failed on; becomes the error record's TargetObject.</summary>
        protected object? CurrentTarget { get; set; }

        /// <summary>Lets tests run the cmdlet through a recording host.</summary>
        internal void AttachHost(ICmdletHost host) => CmdletHost = host;

        internal void InvokeBegin() => BeginProcessing();
        internal void InvokeProcess() => ProcessRecord();
        internal void InvokeEnd() => EndProcessing();
        internal void InvokeStop() => StopProcessing();

        protected sealed override void BeginProcessing()
        {
            if (CmdletHost is null) CmdletHost = new PSCmdletHost(this);
            Dispatcher = new PipelineDispatcher();
            _cancellation = new CancellationTokenSource();
            _log = new HostLogSink(CmdletHost, Dispatcher);
            Run(Begin);
        }

        protected sealed override void ProcessRecord()
        {
            CurrentTarget = null;
            Run(Process);
        }

        protected sealed override void EndProcessing()
        {
            try
            {
                Run(End);
            }
            finally
            {
                _cancellation?.Dispose();
                _cancellation = null;
            }
        }

        protected sealed override void StopProcessing()
        {
            try { _cancellation?.Cancel(); } catch (ObjectDisposedException) { }
        }

        private protected virtual void Begin() { }
        private protected virtual void Process() { }
        private protected virtual void End() { }

        private void Run(Action step)
        {
            using (PayNetLog.Push(_log!))
            {
                try
                {
                    step();
                    Dispatcher.Drain();
                }
                catch (PayNetTerminatingException terminating)
                {
                    Dispatcher.Drain();
                    Terminate(terminating.Record);
                }
                catch (PayNetException error) when (error.Category == PayNetErrorCategory.StateUnknown)
                {
                    Dispatcher.Drain();
                    Terminate(PayNetErrorRecord.From(error, CurrentTarget));
                }
                catch (Exception error) when (Cancellation.IsCancellationRequested && (error is OperationCanceledException || error is PayNetException))
                {
                    throw new PipelineStoppedException();
                }
                catch (PayNetException error)
                {
                    Dispatcher.Drain();
                    CmdletHost.WriteError(PayNetErrorRecord.From(error, CurrentTarget));
                }
            }
        }

        private void Terminate(PayNetErrorRecord record)
        {
            if (CmdletHost is PSCmdletHost) ThrowTerminatingError(record.ToErrorRecord());
            throw new PayNetTerminatingException(record);
        }

        /// <summary>Reads a switch through the host: <c>On(NoWait, nameof(NoWait))</c>.</summary>
        private protected bool On(SwitchParameter value, string name) => CmdletHost.IsSwitchOn(name, value);

        /// <summary>Runs PayNet.Core work on the pipeline thread, pumping its log lines meanwhile.</summary>
        private protected T Await<T>(Func<CancellationToken, Task<T>> work) => Dispatcher.Wait(work(Cancellation));

        private protected void Await(Func<CancellationToken, Task> work) => Dispatcher.Wait(work(Cancellation));

        private protected IEnumerable<T> Stream<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) => Dispatcher.Enumerate(source(Cancellation), Cancellation);

        /// <summary>Writes each item of a paged stream, applying -Skip and -First without fetching pages past -First.</summary>
        private protected void WritePaged<T>(IEnumerable<T> items)
        {
            ulong skip = CmdletHost.PagingSkip, first = CmdletHost.PagingFirst, seen = 0, written = 0;
            if (first == 0) return;
            foreach (var item in items)
            {
                if (seen++ < skip) continue;
                CmdletHost.WriteObject(item);
                if (++written >= first) break;
            }
        }

        private protected void WriteItemError(string errorId, ErrorCategory category, object? target, string message, string? recommendedAction = null) =>
            CmdletHost.WriteError(new PayNetErrorRecord(errorId, category, target, message, null, recommendedAction));

        private protected static PayNetTerminatingException Terminating(string errorId, ErrorCategory category, object? target, string message, string? recommendedAction = null) =>
            new PayNetTerminatingException(new PayNetErrorRecord(errorId, category, target, message, null, recommendedAction));
    }
}
