using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Card;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Card refund and cancel requests of a period with their state, streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "PayNetRefund")]
    [OutputType(typeof(CardRefund))]
    public sealed class GetPayNetRefundCommand : PayNetConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public DateTime From { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        public DateTime To { get; set; }

        /// <summary>Requests per page read from PayNet (card.md §7.3 allows up to 1000).</summary>
        [Parameter]
        [ValidateRange(1, CardClient.MaxPageSize)]
        public int PageSize { get; set; } = CardClient.MaxPageSize;

        private protected override void Process()
        {
            CurrentTarget = $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
            if (From > To)
                throw new PayNetException(PayNetApi.Card, "RefundList", PayNetErrorCategory.InvalidArgument, $"-From {From:yyyy-MM-dd} is after -To {To:yyyy-MM-dd}.");
            var client = RequireConnection(PayNetApi.Card).CardClient;
            foreach (var refund in Stream(ct => client.ListRefundsAsync(From, To, pageSize: PageSize, cancellationToken: ct))) WriteObject(refund);
        }
    }
}
