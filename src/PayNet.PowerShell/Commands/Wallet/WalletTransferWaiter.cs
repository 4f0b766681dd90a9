using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;
using PayNet.Core;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Polls a pending Wallet transfer (add money waiting for the gateway, a pending withdrawal) until
    /// it is processed, failed or denied, with progress; backs off from the first interval to 60 s.
    /// </summary>
    internal static class WalletTransferWaiter
    {
        public const int ProgressActivityId = 0x70_0002;
        private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(60);

        /// <summary>The final transfer, or null after writing a non-terminating error (failed, or still pending at the timeout).</summary>
        public static WalletStatementLine? Wait(PayNetCmdlet cmdlet, WalletClient client, IPayNetRecord record, TimeSpan timeout, TimeSpan firstInterval)
        {
            if (record.Service != PayNetApi.Wallet || !long.TryParse(record.Id, out long transferId))
                throw new PayNetException(PayNetApi.Wallet, "WaitTransfer", PayNetErrorCategory.InvalidArgument, $"{record} is not a Wallet transfer or top-up this cmdlet can wait for.");

            string activity = $"Waiting for Wallet transfer {transferId}";
            var watch = Stopwatch.StartNew();
            var interval = firstInterval;
            int polls = 0;
            try
            {
                while (true)
                {
                    var line = cmdlet.Dispatcher.Wait(client.GetTransferAsync(transferId, cmdlet.CancellationToken));
                    polls++;
                    if (line.State != WalletTransferState.Pending && line.State != WalletTransferState.Scheduled)
                    {
                        if (line.State == WalletTransferState.Processed) return line;
                        cmdlet.WriteError(PayNetErrors.Create(ErrorIds.Rejected, ErrorCategory.InvalidResult, line,
                            $"Wallet transfer {transferId} ended {line.State}.", new PayNetException(PayNetApi.Wallet, "WaitTransfer", PayNetErrorCategory.Rejected, line.State.ToString(), reference: line.TraceNumber)));
                        return null;
                    }
                    if (watch.Elapsed >= timeout)
                    {
                        cmdlet.WriteError(PayNetErrors.Create(ErrorIds.Timeout, ErrorCategory.OperationTimeout, line,
                            $"Wallet transfer {transferId} is still {line.State} after {timeout.TotalSeconds:0} s. It is not lost: wait for it again later.", null,
                            FollowUpCommands.WaitForTransfer(transferId, Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)))));
                        return null;
                    }
                    var wait = interval < timeout - watch.Elapsed ? interval : timeout - watch.Elapsed;
                    cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{line.State} after {polls} check(s), next in {wait.TotalSeconds:0.#} s")
                    {
                        PercentComplete = (int)Math.Min(99, watch.Elapsed.TotalMilliseconds * 100 / timeout.TotalMilliseconds),
                    });
                    cmdlet.Dispatcher.Wait(Task.Delay(wait, cmdlet.CancellationToken));
                    interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxInterval.Ticks));
                }
            }
            finally
            {
                cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { PercentComplete = 100, RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
