using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core;
using PayNet.Core.Http;

namespace PayNet.PowerShell
{
    /// <summary>
    /// Owns what every PayNet cmdlet shares and PowerShell itself lacks: cancellation (Ctrl+C cancels
    /// in-flight HTTP), running async PayNet.Core work on the pipeline thread (Write* only there), and
    /// mapping PayNet errors to error records. A failed pipeline item becomes a non-terminating error
    /// and the batch goes on; an unknown money state, a missing connection or bad configuration stops
    /// the pipeline.
    /// </summary>
    public abstract class PayNetCmdlet : PSCmdlet
    {
        private CancellationTokenSource? _cancellation;
        private CmdletLogSink? _log;

        internal PipelineDispatcher Dispatcher { get; private set; } = null!;

        protected CancellationToken Cancellation => _cancellation?.Token ?? CancellationToken.None;

        internal CancellationToken CancellationToken => Cancellation;

        /// <summary>The input the current item failed on; becomes the error record's TargetObject.</summary>
        protected object? CurrentTarget { get; set; }

        /// <summary>The default connections of this runspace.</summary>
        internal ConnectionStore Connections => ConnectionStore.For(Runspace.DefaultRunspace);

        protected sealed override void BeginProcessing()
        {
            Dispatcher = new PipelineDispatcher();
            _cancellation = new CancellationTokenSource();
            _log = new CmdletLogSink(this, Dispatcher, PreferenceOn("Verbose", "VerbosePreference"), PreferenceOn("Debug", "DebugPreference"));
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
                    ThrowTerminatingError(terminating.Record);
                }
                catch (PayNetException error) when (error.Category == PayNetErrorCategory.StateUnknown)
                {
                    Dispatcher.Drain();
                    ThrowTerminatingError(PayNetErrors.From(error, CurrentTarget));
                }
                catch (Exception error) when (Cancellation.IsCancellationRequested && (error is OperationCanceledException || error is PayNetException))
                {
                    throw new PipelineStoppedException();
                }
                catch (PayNetException error)
                {
                    Dispatcher.Drain();
                    WriteError(PayNetErrors.From(error, CurrentTarget));
                }
            }
        }

        /// <summary>Whether the parameter was given (bound by name, position or pipeline), as opposed to left at its default.</summary>
        private protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>Runs PayNet.Core work on the pipeline thread, pumping its log lines meanwhile.</summary>
        private protected T Await<T>(Func<CancellationToken, Task<T>> work) => Dispatcher.Wait(work(Cancellation));

        private protected void Await(Func<CancellationToken, Task> work) => Dispatcher.Wait(work(Cancellation));

        private protected IEnumerable<T> Stream<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) => Dispatcher.Enumerate(source(Cancellation), Cancellation);

        /// <summary>-First of SupportsPaging cmdlets (everything when not given).</summary>
        private protected ulong PagingFirst => PagingParameters?.First ?? ulong.MaxValue;

        private protected ulong PagingSkip => PagingParameters?.Skip ?? 0;

        /// <summary>Writes each item of a paged stream, applying -Skip and -First without fetching pages past -First.</summary>
        private protected void WritePaged<T>(IEnumerable<T> items)
        {
            ulong skip = PagingSkip, first = PagingFirst, seen = 0, written = 0;
            if (first == 0) return;
            foreach (var item in items)
            {
                if (seen++ < skip) continue;
                WriteObject(item);
                if (++written >= first) break;
            }
        }

        private protected void WriteItemError(string errorId, ErrorCategory category, object? target, string message, string? recommendedAction = null) =>
            WriteError(PayNetErrors.Create(errorId, category, target, message, null, recommendedAction));

        private protected static PayNetTerminatingException Terminating(string errorId, ErrorCategory category, object? target, string message, string? recommendedAction = null) =>
            new PayNetTerminatingException(PayNetErrors.Create(errorId, category, target, message, null, recommendedAction));

        /// <summary>Asks the person at the console (e.g. for an OTP). Null when nobody can answer.</summary>
        private protected string? Prompt(string caption, string message) => Ask(caption, message, ui => ui.ReadLine());

        private protected SecureString? PromptSecret(string caption, string message) => Ask(caption, message, ui => ui.ReadLineAsSecureString());

        /// <summary>Null when nobody can answer: CI, -NonInteractive, or a host that cannot read.</summary>
        private T? Ask<T>(string caption, string message, Func<System.Management.Automation.Host.PSHostUserInterface, T> read) where T : class
        {
            var ui = Host?.UI;
            if (ui is null || !ConsoleCanAnswer()) return null;
            try
            {
                ui.Write($"{caption}: {message} ");
                return read(ui);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is NotImplementedException || ex is InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>
        /// The console host reads from a terminal that may have nobody at it (CI, -NonInteractive);
        /// any other host (an editor, an embedding application) answers prompts itself.
        /// </summary>
        private bool ConsoleCanAnswer()
        {
            if (!string.Equals(Host?.Name, "ConsoleHost", StringComparison.OrdinalIgnoreCase)) return true;
            return !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && Environment.UserInteractive &&
                !Array.Exists(Environment.GetCommandLineArgs(), a => a.StartsWith("-NonI", StringComparison.OrdinalIgnoreCase));
        }

        private bool PreferenceOn(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound) && bound is SwitchParameter s) return s.IsPresent;
            var preference = GetVariableValue(preferenceVariable);
            return preference is ActionPreference p ? p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore
                : preference is not null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }
    }
}
