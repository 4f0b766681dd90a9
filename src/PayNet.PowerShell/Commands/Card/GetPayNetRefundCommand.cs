using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Card;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Card refund and cancel requests of a period with their state, streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "PayNetRefund", HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Get-PayNetRefund.md")]
    [OutputType(typeof(CardRefund))]
    public sealed class GetPayNetRefundCommand : PayNetConnectedCmdlet
    {
        /// <summary>First day of the period (included).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public DateTime From { get; set; }

        /// <summary>Last day of the period (included): -From X -To X is the one day X.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public DateTime To { get; set; }

        /// <summary>Requests per page read from PayNet (card.md §7.3 allows up to 1000).</summary>
        [Parameter]
        [ValidateRange(1, CardClient.MaxPageSize)]
        public int PageSize { get; set; } = CardClient.MaxPageSize;

        private protected override void Process()
        {
            CurrentTarget = $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
            var period = DayPeriod.Of(From, To, PayNetApi.Card, "RefundList");
            var client = RequireConnection(PayNetApi.Card).CardClient;
            foreach (var refund in Stream(ct => client.ListRefundsAsync(period.FirstDay, period.ExclusiveEnd, pageSize: PageSize, cancellationToken: ct))) WriteObject(refund);
        }
    }
}
