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
    /// and the batch goes on; a missing connection or bad configuration stops the pipeline. An unknown
    /// money state is a non-terminating error too, so every receipt already written reaches the caller,
    /// but it halts the batch: every later money move of this invocation gets PayNetBatchHalted and is
    /// not sent (see about_PayNet). Once a money move may have been sent, Ctrl+C never hides its
    /// outcome: Core settles it under its own time limit and the outcome is reported on the host and
    /// in $Error even though the pipeline is stopping.
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

        /// <summary>
        /// The pipeline object this record came from (an Import-Csv row, a piped receipt), or null when the
        /// input came from the command line. It is the TargetObject users expect on a row's error.
        /// PowerShell keeps it on an internal property (also there in Windows PowerShell 5.1); when that
        /// cannot be read, callers fall back to a copy of the bound values.
        /// </summary>
        private protected object? PipelineInput
        {
            get
            {
                // Without pipeline input the property holds whatever PowerShell last set, not a row of ours.
                if (!MyInvocation.ExpectingInput) return null;
                try { return CurrentPipelineObjectProperty?.GetValue(this) is PSObject row && row.BaseObject is not null ? row : null; }
                catch (Exception e) when (e is System.Reflection.TargetInvocationException || e is MemberAccessException) { return null; }
            }
        }

        private static readonly System.Reflection.PropertyInfo? CurrentPipelineObjectProperty =
            typeof(Cmdlet).BaseType?.GetProperty("CurrentPipelineObject", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);

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

        /// <summary>The command that signs this cmdlet's Wallet connection in again (recommended when a login OTP is needed), if known.</summary>
        private protected virtual string? ReconnectCommand => null;

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
                    var record = PayNetErrors.From(error, CurrentTarget, ReconnectCommand);
                    _halt ??= error.Reference ?? NoReference;
                    if (Stopping) ReportAfterStop(record);
                    WriteError(record);
                }
                catch (Exception error) when (Cancellation.IsCancellationRequested && (error is OperationCanceledException || error is PayNetException))
                {
                    WarnAboutSentMoves();
                    throw new PipelineStoppedException();
                }
                catch (PayNetException error)
                {
                    Dispatcher.Drain();
                    WriteError(PayNetErrors.From(error, CurrentTarget, ReconnectCommand));
                }
            }
        }

        // ---- Money moves: batch halt, results that survive Ctrl+C, one warning on stop ----

        private string? _halt;
        private const string NoReference = "(no reference)";
        private int _moneyMovesSent;
        private readonly System.Collections.Generic.List<string> _sentReferences = new System.Collections.Generic.List<string>();
        private bool _warnedOnStop;
        private readonly DateTimeOffset _startedAt = DateTimeOffset.Now;

        /// <summary>
        /// ShouldProcess for a money move, after the batch guard: once a money move of this invocation
        /// ended in an unknown state, no later one is sent (PayNetBatchHalted for each), so a batch cannot
        /// pay around a payment nobody knows the fate of. -WhatIf still only describes.
        /// </summary>
        private protected bool ShouldMoveMoney(string target, string action)
        {
            if (BatchHalted()) return false;
            return ShouldProcess(target, action);
        }

        /// <summary>
        /// True (after writing this row's PayNetBatchHalted error) when an earlier money move of this
        /// invocation ended in an unknown state. Money movers call it first, so a halted row sends nothing,
        /// not even a validation.
        /// </summary>
        private protected bool BatchHalted()
        {
            if (_halt is null) return false;
            WriteError(PayNetErrors.Create(ErrorIds.BatchHalted, ErrorCategory.OperationStopped, CurrentTarget,
                $"Not sent: an earlier money move in this batch ended in an unknown state (reference '{_halt}'). No more money moves in this batch until it is settled.",
                null, _halt == NoReference ? "Get-PayNetJournal -Open" : FollowUpCommands.SettleReference(_halt)));
            return true;
        }

        /// <summary>Sends one money move (through Core's settle path) and waits for its outcome, whatever Ctrl+C does meanwhile.</summary>
        private protected T MoveMoney<T>(string? reference, Func<CancellationToken, Task<T>> work)
        {
            _moneyMovesSent++;
            if (!string.IsNullOrEmpty(reference)) _sentReferences.Add(reference!);
            return Await(work);
        }

        /// <summary>
        /// Writes a money move's result. When Ctrl+C landed while it was being sent or settled, the
        /// pipeline no longer takes output: the result is then reported on the host and in $Error, so a
        /// booked payment is never silent.
        /// </summary>
        private protected void WriteMoneyResult(object result)
        {
            if (!Stopping)
            {
                try { WriteObject(result); return; }
                catch (PipelineStoppedException) { /* stopped between the check and the write: report below */ }
            }
            // A top-up still pending is followed up by waiting for it again; anything else is listed from the journal.
            string followUp = result is Core.TopUp.TopUpTransaction { IsFinal: false, ExternalId: string externalId } && externalId.Length > 0
                ? FollowUpCommands.WaitForTopUp(externalId, FollowUpCommands.DefaultWaitSec)
                : "Get-PayNetJournal -Since (Get-Date).AddHours(-1)";
            ReportAfterStop(PayNetErrors.Create(ErrorIds.StoppedAfterMoneyMoved, ErrorCategory.OperationStopped, result,
                $"Stopped, but this money move had already happened: {result}. It is in the journal.",
                null, followUp));
            throw new PipelineStoppedException();
        }

        /// <summary>The host's error line and $Error: what still reaches the user once the pipeline is stopping.</summary>
        private void ReportAfterStop(ErrorRecord record)
        {
            try
            {
                string text = record.ErrorDetails?.Message ?? record.Exception.Message;
                if (record.ErrorDetails?.RecommendedAction is string action) text += " " + action;
                Host?.UI?.WriteErrorLine($"{MyInvocation.MyCommand?.Name}: {text}");
                if (SessionState?.PSVariable.GetValue("global:Error") is System.Collections.ArrayList errors) errors.Insert(0, record);
            }
            catch (Exception e) when (!(e is OutOfMemoryException)) { /* a host that cannot write must not hide the stop */ }
            WarnAboutSentMoves();
        }

        /// <summary>One warning per stopped invocation: how many money moves were sent and the command that lists them.</summary>
        private void WarnAboutSentMoves()
        {
            if (_warnedOnStop || _moneyMovesSent == 0) return;
            _warnedOnStop = true;
            string since = _startedAt.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            string references = _sentReferences.Count == 0 ? string.Empty
                : " (" + string.Join(", ", _sentReferences.GetRange(Math.Max(0, _sentReferences.Count - 3), Math.Min(3, _sentReferences.Count))) + (_sentReferences.Count > 3 ? ", ..." : string.Empty) + ")";
            try
            {
                Host?.UI?.WriteWarningLine(
                    $"Stopped after {_moneyMovesSent} money move(s) had been sent{references}; each is in the journal with its outcome. List them: Get-PayNetJournal -Since '{since}'. Settle any still open: Sync-PayNetJournal");
            }
            catch (Exception e) when (!(e is OutOfMemoryException)) { }
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

        /// <summary>The size of a whole paged set as PayNet states it, set by Core from its first page (on any thread), read on the pipeline thread.</summary>
        private protected sealed class StatedTotal
        {
            private long _value = -1;

            public void Set(long value) => Interlocked.Exchange(ref _value, value);

            public long? Get() => Interlocked.Read(ref _value) is long v && v >= 0 ? v : (long?)null;
        }

        /// <summary>
        /// Writes each item of a paged stream, applying -Skip and -First without fetching pages past -First.
        /// With -IncludeTotalCount the total comes first when PayNet says it (<paramref name="serverTotal"/>,
        /// known once the first page is read); otherwise the items are counted, reading on past -First if
        /// need be, and the exact total follows them.
        /// </summary>
        /// <param name="serverTotal">The whole set's size as PayNet stated it, or null until (or unless) it did.</param>
        private protected void WritePaged<T>(IEnumerable<T> items, Func<long?>? serverTotal = null)
        {
            ulong skip = PagingSkip, first = PagingFirst, seen = 0, written = 0;
            bool wantTotal = PagingParameters?.IncludeTotalCount.IsPresent == true, totalWritten = false;
            if (first == 0 && !wantTotal) return;
            void WriteTotal(ulong total)
            {
                if (totalWritten) return;
                totalWritten = true;
                WriteObject(PagingParameters!.NewTotalCount(total, 1.0));
            }
            foreach (var item in items)
            {
                if (wantTotal && serverTotal?.Invoke() is long stated && stated >= 0) WriteTotal((ulong)stated);
                seen++;
                if (seen <= skip || written >= first)
                {
                    // Past -First only the count is still wanted; stop as soon as PayNet's total is known.
                    if (written >= first && (!wantTotal || totalWritten)) break;
                    continue;
                }
                WriteObject(item);
                written++;
                if (written >= first && (!wantTotal || totalWritten)) break;
            }
            if (wantTotal && !totalWritten) WriteTotal(serverTotal?.Invoke() is long late && late >= 0 ? (ulong)late : seen);
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
