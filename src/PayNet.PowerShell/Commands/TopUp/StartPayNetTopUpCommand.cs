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
    [Cmdlet(VerbsLifecycle.Start, "PayNetTopUp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Start-PayNetTopUp.md")]
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
        [PayNetAmountTransformation]
        public PayNetAmount? Amount { get; set; }

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

        /// <summary>
        /// A test transaction (PayNet's simulation flag on check and confirm): it moves no money, and the
        /// result says Simulation. The confirm question says so too.
        /// </summary>
        [Parameter]
        public SwitchParameter Simulation { get; set; }

        /// <summary>Return after confirm, pending or not; Wait-PayNetTransaction takes it from there.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>
        /// How long to poll for a final state (default 120 s: a prompt should not hang for ten minutes;
        /// a top-up still pending then is returned Pending and Wait-PayNetTransaction follows it up).
        /// </summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 120;

        /// <summary>First polling interval; it doubles up to 60 s (PayNet's advice: 5 s to 60 s).</summary>
        [Parameter]
        [ValidateRange(0.01, 600)]
        public double PollIntervalSec { get; set; } = 5;

        private protected override void Process()
        {
            // Every bound value is read here, once: nothing later reads the (rebindable) parameters.
            CurrentTarget = PipelineInput;
            decimal? given = Amount is null ? (decimal?)null : Amount.For(PayNetApi.TopUp, "Check");
            var request = new TopUpRequest { Product = Product, Account = Account, Amount = given, AmountId = AmountId, Customer = Customer, ExternalId = ExternalId, Simulation = Simulation.IsPresent };
            CurrentTarget ??= request;
            if (given is decimal amount && !TopUpProductIds.IsInternational(Product))
                MoneyRules.Validate(PayNetApi.TopUp, "Check", amount, "AED");
            if (BatchHalted()) return;

            var client = RequireConnection(PayNetApi.TopUp).TopUpClient;
            var reserved = Await(ct => client.CheckAsync(request, ct));
            CurrentTarget = reserved;

            if (!ShouldMoveMoney(Describe(reserved), "Top up (moves money)")) return;

            int? typeId = TypeId is null ? (int?)null : int.Parse(TypeId, System.Globalization.CultureInfo.InvariantCulture);
            var confirmed = MoveMoney(reserved.ExternalId, ct => client.ConfirmAsync(reserved, given, typeId, ct));
            CurrentTarget = confirmed;
            // Ctrl+C while confirming: Core settled it under its own time limit; say what happened, then stop.
            if (Stopping) WriteMoneyResult(confirmed);
            if (NoWait.IsPresent || confirmed.IsFinal)
            {
                Emit(confirmed);
                return;
            }
            TopUpTransaction final;
            try
            {
                final = TopUpWaiter.Wait(this, client, confirmed, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec));
            }
            catch (Exception) when (Stopping)
            {
                // Ctrl+C while waiting: the top-up was confirmed (still pending), so it goes to the host and $Error.
                WriteMoneyResult(confirmed);
                throw;
            }
            Emit(final);
        }

        private void Emit(TopUpTransaction transaction)
        {
            if (!TopUpWaiter.ReportFailure(this, transaction)) WriteMoneyResult(transaction);
        }

        private static string Describe(TopUpTransaction t)
        {
            string money = t.Price is decimal price ? $"{MoneyRules.Format(price)} {t.PriceCurrency ?? "AED"}" : t.Amount is decimal a ? $"{MoneyRules.Format(a)} {t.AmountCurrency ?? "AED"}" : "the reserved amount";
            string text = $"{t.Product} for {t.Account}: {money} (external id {t.ExternalId})";
            return t.Simulation ? "SIMULATION: test transaction, moves no money. " + text : text;
        }
    }
}
