using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;
using PayNet.Core.TopUp;
using PayNet.PowerShell.Completers;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Runs one top-up: check (validates and reserves), ShouldProcess, confirm, then polls until a
    /// final state with progress. Direct recharge, vouchers (the PIN comes back on the object) and
    /// international top-up (legacy "intl" with -Amount in local currency; bridge with -AmountId).
    /// A failed, cancelled or replaced top-up is a non-terminating error carrying the transaction.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "PayNetTopUp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(TopUpTransaction))]
    public sealed class StartPayNetTopUpCommand : PayNetConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ProductId", "Service", "Sku")]
        [ArgumentCompleter(typeof(TopUpProductCompleter))]
        public string Product { get; set; } = null!;

        /// <summary>The number (or e-mail for vouchers) to credit.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Phone", "Msisdn", "MobileNumber", "Number", "Recipient")]
        public string Account { get; set; } = null!;

        /// <summary>AED for direct recharge and vouchers; the local-currency denomination for legacy international top-up.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Value", "Denomination")]
        public decimal? Amount { get; set; }

        /// <summary>International Bridge: the amount id from Get-PayNetProduct -International.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? AmountId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Customer { get; set; }

        /// <summary>Your idempotency key; generated when omitted and always on the result.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ExternalTransactionId", "OrderId", "external_transaction_id")]
        public string? ExternalId { get; set; }

        /// <summary>Legacy international only: 1 mobile (default), 2 data bundle.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("1", "2")]
        public string? TypeId { get; set; }

        /// <summary>Return after confirm, pending or not; Wait-PayNetTransaction takes it from there.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>How long to poll for a final state (default 600 s).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>First polling interval; it doubles up to 60 s (PayNet's advice: 5 s to 60 s).</summary>
        [Parameter]
        [ValidateRange(0.01, 600)]
        public double PollIntervalSec { get; set; } = 5;

        private protected override void Process()
        {
            var request = new TopUpRequest { Product = Product, Account = Account, Amount = Amount, AmountId = AmountId, Customer = Customer, ExternalId = ExternalId };
            CurrentTarget = request;
            if (Amount is decimal amount && !TopUpProductIds.IsInternational(Product))
                MoneyRules.Validate(PayNetApi.TopUp, "Check", amount, "AED");

            var client = RequireConnection(PayNetApi.TopUp).TopUpClient;
            var reserved = Await(ct => client.CheckAsync(request, ct));
            CurrentTarget = reserved;

            if (!ShouldProcess(Describe(reserved), "Top up (moves money)")) return;

            int? typeId = TypeId is null ? (int?)null : int.Parse(TypeId, System.Globalization.CultureInfo.InvariantCulture);
            var confirmed = Await(ct => client.ConfirmAsync(reserved, Amount, typeId, ct));
            CurrentTarget = confirmed;
            if (NoWait.IsPresent || confirmed.IsFinal)
            {
                Emit(confirmed);
                return;
            }
            Emit(TopUpWaiter.Wait(this, client, confirmed, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec)));
        }

        private void Emit(TopUpTransaction transaction)
        {
            if (!TopUpWaiter.ReportFailure(this, transaction)) WriteObject(transaction);
        }

        private static string Describe(TopUpTransaction t)
        {
            string money = t.Price is decimal price ? $"{MoneyRules.Format(price)} {t.PriceCurrency ?? "AED"}" : t.Amount is decimal a ? $"{MoneyRules.Format(a)} {t.AmountCurrency ?? "AED"}" : "the reserved amount";
            return $"{t.Product} for {t.Account}: {money} (external id {t.ExternalId})";
        }
    }
}
