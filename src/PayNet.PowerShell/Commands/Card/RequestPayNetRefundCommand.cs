using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Money;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Asks PayNet to cancel (same day, full amount) or refund (later, full or partial) a successful
    /// card payment. PayNet reviews the request; follow it with Get-PayNetRefund. Never re-sent after
    /// it may have reached PayNet: an unknown outcome stops with the xact id to check.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Request, "PayNetRefund", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CardOperationResult))]
    public sealed class RequestPayNetRefundCommand : PayNetConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("xact_id")]
        public string XactId { get; set; } = null!;

        /// <summary>TRY to refund; omit for the full amount. Partial refunds are not possible on the payment's own day.</summary>
        [Parameter(Position = 1)]
        public decimal? Amount { get; set; }

        /// <summary>PayNet posts the approval or rejection here.</summary>
        [Parameter]
        public string? SucceedUrl { get; set; }

        private protected override void Process()
        {
            CurrentTarget = XactId;
            if (string.IsNullOrWhiteSpace(XactId))
                throw new PayNetException(PayNetApi.Card, "RefundRequest", PayNetErrorCategory.InvalidArgument, "-XactId cannot be empty.");
            if (Amount is decimal amount) MoneyRules.Validate(PayNetApi.Card, "RefundRequest", amount, "TRY");
            var client = RequireConnection(PayNetApi.Card).CardClient;
            string what = Amount is decimal a ? $"{MoneyRules.Format(a)} TRY" : "the full amount";
            if (!ShouldProcess($"card transaction {XactId}", $"Request a refund of {what}")) return;
            var result = Await(ct => client.RequestRefundAsync(XactId, Amount, SucceedUrl, ct));
            if (!result.Succeeded)
                throw new PayNetException(PayNetApi.Card, "RefundRequest", PayNetErrorCategory.Rejected,
                    $"PayNet refused the refund request for {XactId}: {result.Message} (code {result.Code}).", providerCode: result.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), providerMessage: result.Message, reference: XactId);
            WriteObject(result);
        }
    }
}
