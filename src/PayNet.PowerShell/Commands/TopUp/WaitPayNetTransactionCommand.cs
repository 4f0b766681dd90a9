using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Waits for pending operations to reach a final state, with progress: a top-up from
    /// Start-PayNetTopUp -NoWait (polls find), or a pending Wallet receipt such as Add-PayNetMoney's
    /// (polls the transfer). Emits the final object; failures are non-terminating errors.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "PayNetTransaction", HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Wait-PayNetTransaction.md")]
    [OutputType(typeof(TopUpTransaction), typeof(WalletStatementLine))]
    public sealed class WaitPayNetTransactionCommand : PayNetConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public IPayNetRecord InputObject { get; set; } = null!;

        /// <summary>
        /// How long to wait for a final state (default 120 s, as Start-PayNetTopUp: a prompt should not hang
        /// for ten minutes). When it runs out the operation is not lost: a top-up comes back Pending, a Wallet
        /// transfer is a PayNetTimeout error whose RecommendedAction waits again.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = DefaultTimeoutSec;

        /// <summary>The default of -TimeoutSec, the same as Start-PayNetTopUp's.</summary>
        internal const int DefaultTimeoutSec = FollowUpCommands.DefaultWaitSec;

        [Parameter]
        [ValidateRange(0.01, 600)]
        public double PollIntervalSec { get; set; } = 5;

        private protected override void Process()
        {
            CurrentTarget = InputObject;
            switch (InputObject)
            {
                case TopUpTransaction topUp:
                    var client = RequireConnection(PayNetApi.TopUp).TopUpClient;
                    TopUpTransaction final;
                    try
                    {
                        final = topUp.IsFinal ? topUp : TopUpWaiter.Wait(this, client, topUp, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec));
                    }
                    catch (Exception) when (Stopping)
                    {
                        WarnStoppedWaiting($"top-up {topUp.ExternalId ?? topUp.Id}",
                            topUp.ExternalId is string externalId ? FollowUpCommands.WaitForTopUp(externalId, TimeoutSec) : "Sync-PayNetJournal");
                        throw;
                    }
                    if (!TopUpWaiter.ReportFailure(this, final)) WriteObject(final);
                    break;
                default:
                    var wallet = RequireConnection(PayNetApi.Wallet).WalletClient;
                    WalletStatementLine? transfer;
                    try
                    {
                        transfer = WalletTransferWaiter.Wait(this, wallet, InputObject, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec));
                    }
                    catch (Exception) when (Stopping)
                    {
                        WarnStoppedWaiting($"Wallet transfer {InputObject.Id}",
                            long.TryParse(InputObject.Id, out long transferId) ? FollowUpCommands.WaitForTransfer(transferId, TimeoutSec) : "Get-PayNetJournal -Open");
                        throw;
                    }
                    if (transfer is not null) WriteObject(transfer);
                    break;
            }
        }

        /// <summary>
        /// Ctrl+C stops the wait, not the operation: PayNet carries on with it. The pipeline is stopping, so
        /// the warning goes straight to the host, naming the operation and the command that follows it up.
        /// </summary>
        private void WarnStoppedWaiting(string what, string followUp)
        {
            try
            {
                Host?.UI?.WriteWarningLine($"Stopped waiting for {what}; it is not cancelled and PayNet may still complete it. Follow it up: {followUp}");
            }
            catch (Exception e) when (!(e is OutOfMemoryException)) { /* a host that cannot write must not hide the stop */ }
        }
    }
}
