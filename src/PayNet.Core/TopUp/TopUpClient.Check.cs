using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Money;

namespace PayNet.Core.TopUp
{
    public sealed partial class TopUpClient
    {
        /// <summary>
        /// Validates the target and reserves a transaction (state New). Always sends an external id, and
        /// returns it: it is the only key that finds the transaction again when an answer is lost. A check
        /// whose answer is lost is repeated only after find says Paynet never saw it (code 22).
        /// </summary>
        public async Task<TopUpTransaction> CheckAsync(TopUpRequest request, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var plan = PlanCheck(request);
            string externalId = plan.Seed.ExternalId!;
            for (int attempt = 1; ; attempt++)
            {
                TopUpReply reply;
                try
                {
                    // Not a money move, but not repeatable either (a second check with the id is refused with 105),
                    // so the pipeline must never re-send it on its own: MoneyMove gives exactly that.
                    reply = await _transport.PostAsync("transaction/check", "Check", CallKind.MoneyMove, plan.Payload, externalId, cancellationToken).ConfigureAwait(false);
                }
                catch (PayNetAmbiguousOutcomeException lost)
                {
                    var arrived = await FindAfterLostCheckAsync(plan.Seed, lost, cancellationToken).ConfigureAwait(false);
                    if (arrived is not null) return arrived;
                    if (attempt >= Settings.ReconcileAttempts)
                        throw new PayNetException(PayNetApi.TopUp, "Check", PayNetErrorCategory.Unavailable,
                            $"TopUp Check failed {attempt} times without an answer; Paynet has no transaction '{externalId}'.", reference: externalId, inner: lost);
                    Verbose($"TopUp Check '{externalId}': the answer was lost and Paynet never saw the request (code 22); sending it again.");
                    await Task.Delay(ReconcileDelay(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (reply.IsError)
                {
                    if (reply.ErrorCode == TopUpErrors.DuplicateExternalId && attempt > 1)
                    {
                        // An earlier attempt we had given up on did arrive after all.
                        var found = await TryFindAsync(plan.Seed, cancellationToken).ConfigureAwait(false);
                        if (found is not null) return Reconciled(found);
                    }
                    throw reply.ToException("Check", externalId);
                }
                var checkedTx = TopUpMapper.Transaction(reply.Read<TransactionReplyDto>("Check", externalId)).MergeFrom(plan.Seed);
                if (checkedTx.State == TopUpState.Unknown) checkedTx.State = TopUpState.New;
                checkedTx.Reconciled = attempt > 1;
                return checkedTx;
            }
        }

        /// <summary>The transaction a lost check created, or null when Paynet says it never arrived (22).</summary>
        private async Task<TopUpTransaction?> FindAfterLostCheckAsync(TopUpTransaction seed, Exception lost, CancellationToken cancellationToken)
        {
            try
            {
                var found = await FindOnceAsync(seed.ExternalId, null, "Check", cancellationToken).ConfigureAwait(false);
                return Reconciled(found.MergeFrom(seed));
            }
            catch (TopUpApiException notThere) when (notThere.Code == TopUpErrors.ExternalNotFound)
            {
                return null;
            }
            catch (PayNetException unknown) when (!(unknown is TopUpApiException api) || api.Code != TopUpErrors.AuthFailed)
            {
                throw new PayNetException(PayNetApi.TopUp, "Check", PayNetErrorCategory.Unavailable,
                    $"TopUp Check got no answer and the follow-up find failed too ({unknown.Message}). The check may have reached Paynet: " +
                    $"look up external id '{seed.ExternalId}' before retrying with the same id.", reference: seed.ExternalId, inner: lost);
            }
        }

        private sealed class CheckPlan
        {
            public CheckPlan(object payload, TopUpTransaction seed)
            {
                Payload = payload;
                Seed = seed;
            }

            public object Payload { get; }
            public TopUpTransaction Seed { get; }
        }

        /// <summary>Every rule that can be checked without the network, applied before anything is sent.</summary>
        private CheckPlan PlanCheck(TopUpRequest request)
        {
            string product = (request.Product ?? string.Empty).Trim();
            if (product.Length == 0 && !string.IsNullOrWhiteSpace(request.AmountId)) product = TopUpProductIds.Bridge;
            if (product.Length == 0) throw Invalid("Check", "A product id is required (see Get-PayNetTopUpProduct / GetServicesAsync).");
            string account = (request.Account ?? string.Empty).Trim();
            string? externalId = string.IsNullOrWhiteSpace(request.ExternalId) ? NewExternalId() : request.ExternalId!.Trim();
            var known = KnownProduct(product);
            var seed = new TopUpTransaction
            {
                ExternalId = externalId,
                State = TopUpState.New,
                Product = known?.Id ?? product,
                ProductName = known?.Name,
                Account = account.Length == 0 ? null : account,
                Customer = request.Customer,
                Simulation = request.Simulation,
            };
            bool? simulation = request.Simulation ? true : (bool?)null;

            if (known is not null && !known.Active)
                throw new PayNetException(PayNetApi.TopUp, "Check", PayNetErrorCategory.NotFound, $"Product '{known.Id}' is not available at the moment.", reference: externalId);

            if (TopUpProductIds.IsBridge(product))
            {
                if (string.IsNullOrWhiteSpace(request.AmountId)) throw Invalid("Check", "An International Bridge top-up needs an AmountId (see GetBridgeAmountsAsync).", externalId);
                if (account.Length == 0) throw Invalid("Check", "An International Bridge top-up needs the recipient's number as Account.", externalId);
                seed.AmountId = request.AmountId!.Trim();
                var offer = KnownBridgeAmount(seed.AmountId);
                if (request.Amount.HasValue && offer?.Amount is decimal fixedAmount && request.Amount.Value != fixedAmount)
                    throw Invalid("Check", $"Amount id '{seed.AmountId}' is {MoneyText.Of(fixedAmount)} {offer.AmountCurrency}; the amount cannot be changed.", externalId);
                if (offer is not null)
                {
                    seed.Amount = offer.Amount;
                    seed.AmountCurrency = offer.AmountCurrency;
                    seed.Price = offer.Price;
                    seed.PriceCurrency = offer.PriceCurrency;
                    seed.ProviderId = offer.ProviderId;
                    seed.ProviderName = offer.ProviderName;
                    seed.CountryName = offer.CountryName;
                }
                var bridgeFields = new BridgeCheckFields { AmountId = seed.AmountId, Account = account, Customer = request.Customer };
                return new CheckPlan(new CheckBody { Simulation = simulation, Product = seed.Product!, ExternalTransactionId = externalId, Fields = bridgeFields }, seed);
            }

            if (account.Length == 0 && (known is null || known.IsAccountRequired || TopUpProductIds.IsLegacy(product)))
                throw Invalid("Check", $"Product '{product}' needs the number to top up as Account.", externalId);
            var fields = new CheckFields { Account = account, Customer = string.IsNullOrWhiteSpace(request.Customer) ? account : request.Customer };

            if (TopUpProductIds.IsLegacy(product))
            {
                // The legacy amount is in the destination's currency and is chosen at confirm; remember it for then.
                if (request.Amount.HasValue) ValidateLocalAmount("Check", request.Amount.Value, null, externalId);
                seed.ConfirmAmount = request.Amount;
                return new CheckPlan(new CheckBody { Simulation = simulation, Product = seed.Product!, ExternalTransactionId = externalId, Fields = fields }, seed);
            }

            decimal? amount = request.Amount;
            if (!amount.HasValue && known is not null && known.IsFixedPrice) amount = known.AmountMin;
            if (!amount.HasValue) throw Invalid("Check", $"Product '{product}' needs an Amount in AED.", externalId);
            ValidateAed("Check", amount.Value, externalId);
            string? rule = known?.AmountProblem(amount.Value);
            if (rule is not null) throw Invalid("Check", rule, externalId);
            fields.Amount = amount;
            seed.Amount = amount;
            seed.AmountCurrency = "AED";
            return new CheckPlan(new CheckBody { Simulation = simulation, Product = seed.Product!, ExternalTransactionId = externalId, Fields = fields }, seed);
        }

        private static void ValidateAed(string operation, decimal amount, string? reference)
        {
            string? problem = MoneyRules.Problem(amount, "AED");
            if (problem is not null) throw Invalid(operation, problem, reference);
        }

        /// <summary>Legacy international amounts are in the destination's currency; its decimals when known, else two.</summary>
        private static void ValidateLocalAmount(string operation, decimal amount, string? currency, string? reference)
        {
            string rulesOf = currency is not null && MoneyRules.IsKnownCurrency(currency) ? currency : "AED";
            string? problem = MoneyRules.Problem(amount, rulesOf);
            if (problem is not null) throw Invalid(operation, problem.Replace("AED", currency ?? "the local currency"), reference);
        }

        /// <summary>"pnps-" and 24 random hex digits: unique per POS without coordination.</summary>
        public static string NewExternalId()
        {
            var bytes = new byte[12];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return "pnps-" + BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
        }

        private static TopUpTransaction Reconciled(TopUpTransaction tx)
        {
            tx.Reconciled = true;
            return tx;
        }

        private TimeSpan ReconcileDelay(int attempt)
        {
            var options = _transport.Options;
            double ms = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
            return TimeSpan.FromMilliseconds(Math.Min(ms, options.MaxRetryDelay.TotalMilliseconds));
        }
    }
}
