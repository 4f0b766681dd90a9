using System.Linq;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Money;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Asks PayNet to cancel (same day, full amount) or refund (later, full or partial) a successful
    /// card payment. PayNet reviews the request; follow it with Get-PayNetRefund. Never re-sent after
    /// it may have reached PayNet: a lost answer is settled from the transaction's detail and refund requests; what still cannot be known is a PayNetStateUnknown error naming the xact id.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Request, "PayNetRefund", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Request-PayNetRefund.md")]
    [OutputType(typeof(CardRefundResult))]
    public sealed class RequestPayNetRefundCommand : PayNetConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("xact_id")]
        public string XactId { get; set; } = null!;

        /// <summary>TRY to refund; omit for the full amount. Partial refunds are not possible on the payment's own day.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RefundAmount")]
        [PayNetAmountTransformation]
        public PayNetAmount? Amount { get; set; }

        /// <summary>PayNet posts the approval or rejection here.</summary>
        [Parameter]
        public string? SucceedUrl { get; set; }

        private protected override void Process()
        {
            string xactId = XactId;
            CurrentTarget = PipelineInput ?? (object)xactId;
            if (string.IsNullOrWhiteSpace(xactId))
                throw new PayNetException(PayNetApi.Card, "RefundRequest", PayNetErrorCategory.InvalidArgument, "-XactId cannot be empty.");
            decimal? given = Amount is null ? (decimal?)null : Amount.For(PayNetApi.Card, "RefundRequest");
            if (given is decimal amount) MoneyRules.Validate(PayNetApi.Card, "RefundRequest", amount, "TRY");
            if (BatchHalted()) return;
            var client = RequireConnection(PayNetApi.Card).CardClient;
            if (!ShouldMoveMoney(DescribeRefund(client, given), "Request a card refund (moves money)")) return;
            var result = MoveMoney(xactId, ct => client.RequestRefundAsync(xactId, given, SucceedUrl, ct));
            if (!result.Succeeded)
                throw new PayNetException(PayNetApi.Card, "RefundRequest", PayNetErrorCategory.Rejected,
                    $"PayNet refused the refund request for {XactId}: {result.ProviderMessage} (code {result.Code}).", providerCode: result.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), providerMessage: result.ProviderMessage, reference: XactId);
            WriteMoneyResult(result);
        }

        /// <summary>
        /// The question names the money: the payment's reference, amount and currency (read first, so an
        /// unknown xact id fails before anyone is asked) and what is refunded of it.
        /// </summary>
        private string DescribeRefund(PayNet.Core.Card.CardClient client, decimal? given)
        {
            string xactId = XactId.Trim();
            var payment = Await(ct => client.CheckAsync(xactId: xactId, cancellationToken: ct)).FirstOrDefault()
                ?? throw new PayNetException(PayNetApi.Card, "RefundRequest", PayNetErrorCategory.NotFound, $"No card transaction has xact id '{xactId}'.", reference: xactId);
            string currency = string.IsNullOrEmpty(payment.Currency) ? "TRY" : payment.Currency!;
            string paid = payment.Amount is decimal p ? $"{MoneyRules.Format(p)} {currency}" : "an unknown amount";
            string refund = given is decimal a ? $"{MoneyRules.Format(a)} {currency}" : $"the full amount ({paid})";
            return $"Refund {refund} of card payment {payment.ReferenceNo ?? xactId} ({paid}, xact id {xactId})";
        }
    }
}
