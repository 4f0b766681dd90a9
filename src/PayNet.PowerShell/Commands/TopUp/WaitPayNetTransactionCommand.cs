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
    [Cmdlet(VerbsLifecycle.Wait, "PayNetTransaction")]
    [OutputType(typeof(TopUpTransaction), typeof(WalletStatementLine))]
    public sealed class WaitPayNetTransactionCommand : PayNetConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public IPayNetRecord InputObject { get; set; } = null!;

        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 600;

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
                    var final = topUp.IsFinal ? topUp : TopUpWaiter.Wait(this, client, topUp, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec));
                    if (!TopUpWaiter.ReportFailure(this, final)) WriteObject(final);
                    break;
                default:
                    var wallet = RequireConnection(PayNetApi.Wallet).WalletClient;
                    var transfer = WalletTransferWaiter.Wait(this, wallet, InputObject, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec));
                    if (transfer is not null) WriteObject(transfer);
                    break;
            }
        }
    }
}
