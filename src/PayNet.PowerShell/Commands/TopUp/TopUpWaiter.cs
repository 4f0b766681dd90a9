using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.TopUp;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Polling with Write-Progress, shared by Start-PayNetTopUp and Wait-PayNetTransaction.</summary>
    internal static class TopUpWaiter
    {
        public const int ProgressActivityId = 0x70_0001;

        public static TopUpTransaction Wait(PayNetCmdlet cmdlet, TopUpClient client, TopUpTransaction pending, TimeSpan timeout, TimeSpan firstInterval)
        {
            var dispatcher = cmdlet.Dispatcher;
            string activity = $"Waiting for top-up {pending.ExternalId ?? pending.Id}";
            cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"State {pending.State}") { PercentComplete = 0 });
            var progress = new Progress(status => dispatcher.Post(() =>
            {
                int percent = (int)Math.Min(99, status.Elapsed.TotalMilliseconds * 100 / Math.Max(1, status.Timeout.TotalMilliseconds));
                string next = status.NextPollIn is TimeSpan n ? $", next check in {n.TotalSeconds:0.#} s" : string.Empty;
                cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"State {status.State} after {status.Poll} check(s){next}")
                {
                    PercentComplete = percent,
                    SecondsRemaining = (int)Math.Max(0, (status.Timeout - status.Elapsed).TotalSeconds),
                });
            }));
            try
            {
                return dispatcher.Wait(client.WaitForFinalStateAsync(pending, progress, timeout, cmdlet.CancellationToken, firstInterval));
            }
            finally
            {
                cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { PercentComplete = 100, RecordType = ProgressRecordType.Completed });
            }
        }

        /// <summary>Writes a non-terminating error for a top-up that ended badly; true when it did.</summary>
        public static bool ReportFailure(PayNetCmdlet cmdlet, TopUpTransaction t)
        {
            if (t.State != TopUpState.Failed && t.State != TopUpState.Cancelled && t.State != TopUpState.Replaced) return false;
            string why = string.IsNullOrEmpty(t.Error) ? t.State.ToString() : t.Error!;
            string advice = t.State == TopUpState.Replaced ? "PayNet support replaced this transaction; ask them for details." : "No money was kept for it; you may try again with a new external id.";
            // No command helps here: the top-up is final. The advice is part of the message.
            cmdlet.WriteError(PayNetErrors.Create(ErrorIds.Rejected, ErrorCategory.InvalidResult, t,
                $"Top-up {t.ExternalId ?? t.Id} ended {t.State}: {why}. {advice}", new PayNetException(PayNetApi.TopUp, "TopUp", PayNetErrorCategory.Rejected, why, reference: t.ExternalId)));
            return true;
        }

        private sealed class Progress : IProgress<TopUpPollStatus>
        {
            private readonly Action<TopUpPollStatus> _report;
            public Progress(Action<TopUpPollStatus> report) => _report = report;
            public void Report(TopUpPollStatus value) => _report(value);
        }
    }
}
