using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;

namespace PayNet.Core.TopUp
{
    public sealed partial class TopUpClient
    {
        /// <summary>
        /// Executes a checked transaction. When the answer is lost, or Paynet answers 20/23/60, the
        /// outcome is recovered with find and, while the transaction is still New, by repeating the same
        /// confirm (the docs' prescription); the result then has Reconciled set. A new transaction is never
        /// opened for the same order. If nothing can tell, <see cref="PayNetStateUnknownException"/> names the external id.
        /// </summary>
        /// <param name="amount">Direct Recharge / vouchers: the checked AED amount (default). Legacy international: the local amount from the offered denominations.</param>
        /// <param name="typeId">Legacy international only: 1 = mobile, 2 = data.</param>
        public async Task<TopUpTransaction> ConfirmAsync(TopUpTransaction checkedTransaction, decimal? amount = null, int? typeId = null, CancellationToken cancellationToken = default)
        {
            if (checkedTransaction is null) throw new ArgumentNullException(nameof(checkedTransaction));
            var body = PlanConfirm(checkedTransaction, amount, typeId);
            if (checkedTransaction.Simulation) body.Simulation = true; // a test transaction says so at every step
            string reference = checkedTransaction.ExternalId ?? checkedTransaction.Id;
            checkedTransaction.ConfirmSent = true;

            Exception cause;
            try
            {
                var reply = await _transport.PostAsync("transaction/confirm", "Confirm", CallKind.MoneyMove, body, reference, cancellationToken).ConfigureAwait(false);
                if (!reply.IsError) return Map(reply, checkedTransaction, reference);
                if (!TopUpErrors.IsRetryable(reply.ErrorCode ?? 0)) throw reply.ToException("Confirm", reference);
                cause = reply.ToException("Confirm", reference);
                Verbose($"TopUp Confirm '{reference}': Paynet answered code {reply.ErrorCode}; recovering the transaction's state.");
            }
            catch (PayNetAmbiguousOutcomeException lost)
            {
                cause = lost;
                Verbose($"TopUp Confirm '{reference}': {lost.Message}; recovering the transaction's state by find.");
            }
            return await ReconcileConfirmAsync(checkedTransaction, body, reference, cause, cancellationToken).ConfigureAwait(false);
        }

        private async Task<TopUpTransaction> ReconcileConfirmAsync(TopUpTransaction checkedTx, ConfirmBody body, string reference, Exception cause, CancellationToken cancellationToken)
        {
            Exception last = cause;
            for (int round = 1; round <= Settings.ReconcileAttempts; round++)
            {
                TopUpTransaction found;
                try
                {
                    await Task.Delay(ReconcileDelay(round), cancellationToken).ConfigureAwait(false);
                    found = await FindForReconcileAsync(checkedTx, "Confirm", cancellationToken).ConfigureAwait(false);
                }
                catch (PayNetException transient) when (IsTransient(transient))
                {
                    last = transient;
                    continue;
                }
                catch (PayNetException other)
                {
                    throw new PayNetStateUnknownException(PayNetApi.TopUp, "Confirm", reference, $"no answer, and the follow-up find failed ({other.Message})", other);
                }
                catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested)
                {
                    throw new PayNetStateUnknownException(PayNetApi.TopUp, "Confirm", reference, "the call was cancelled before its outcome was known", stopped);
                }
                if (found.State != TopUpState.New) return Reconciled(found);

                // Still New: the confirm was not applied, and repeating it is what Paynet asks for.
                try
                {
                    var reply = await _transport.PostAsync("transaction/confirm", "Confirm", CallKind.MoneyMove, body, reference, cancellationToken).ConfigureAwait(false);
                    if (!reply.IsError) return Reconciled(Map(reply, checkedTx, reference));
                    if (!TopUpErrors.IsRetryable(reply.ErrorCode ?? 0)) throw reply.ToException("Confirm", reference);
                    last = reply.ToException("Confirm", reference);
                }
                catch (PayNetAmbiguousOutcomeException lost)
                {
                    last = lost;
                }
                catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested)
                {
                    throw new PayNetStateUnknownException(PayNetApi.TopUp, "Confirm", reference, "the call was cancelled before its outcome was known", stopped);
                }
            }
            throw new PayNetStateUnknownException(PayNetApi.TopUp, "Confirm", reference,
                $"no answer, and {Settings.ReconcileAttempts} follow-up lookups could not tell ({last.Message})", last);
        }

        /// <summary>Finds a transaction. Codes 20 and 23 ("retry the request") are retried a few times; 22 is final.</summary>
        public async Task<TopUpTransaction> FindAsync(string? externalId = null, string? transactionId = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(externalId) && string.IsNullOrWhiteSpace(transactionId))
                throw Invalid("Find", "Give the external id or Paynet's transaction id.");
            int attempts = Math.Max(1, _transport.Options.MaxRetries + 1);
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await FindOnceAsync(externalId, transactionId, "Find", cancellationToken).ConfigureAwait(false);
                }
                catch (TopUpApiException retry) when (attempt < attempts && (retry.Code == TopUpErrors.TransactionNotFound || retry.Code == TopUpErrors.NoTransactionInfo))
                {
                    Verbose($"TopUp Find: Paynet answered code {retry.Code}; asking again.");
                    await Task.Delay(ReconcileDelay(attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        internal async Task<TopUpTransaction> FindOnceAsync(string? externalId, string? transactionId, string operation, CancellationToken cancellationToken)
        {
            bool byExternal = !string.IsNullOrWhiteSpace(externalId);
            var body = byExternal ? new FindBody { ExternalTransactionId = externalId!.Trim() } : new FindBody { TransactionId = transactionId!.Trim() };
            string reference = byExternal ? externalId!.Trim() : transactionId!.Trim();
            var reply = await ReadAsync("transaction/find", operation, body, reference, cancellationToken).ConfigureAwait(false);
            var tx = TopUpMapper.Transaction(reply.Read<TransactionReplyDto>(operation, reference));
            if (byExternal) tx.ExternalId ??= reference;
            else if (string.IsNullOrEmpty(tx.Id)) tx.Id = reference;
            return tx;
        }

        /// <summary>By external id first; by Paynet id when the external id is not indexed (the bridge examples never use it).</summary>
        private async Task<TopUpTransaction> FindForReconcileAsync(TopUpTransaction known, string operation, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(known.ExternalId))
            {
                try
                {
                    return (await FindOnceAsync(known.ExternalId, null, operation, cancellationToken).ConfigureAwait(false)).MergeFrom(known);
                }
                catch (TopUpApiException missing) when (!string.IsNullOrEmpty(known.Id) && (missing.Code == TopUpErrors.ExternalNotFound || missing.Code == TopUpErrors.TransactionNotFound))
                {
                }
            }
            return (await FindOnceAsync(null, known.Id, operation, cancellationToken).ConfigureAwait(false)).MergeFrom(known);
        }

        private async Task<TopUpTransaction?> TryFindAsync(TopUpTransaction known, CancellationToken cancellationToken)
        {
            try
            {
                return await FindForReconcileAsync(known, "Check", cancellationToken).ConfigureAwait(false);
            }
            catch (PayNetException transient) when (IsTransient(transient))
            {
                return null;
            }
        }

        /// <summary>Lookups that say "not yet" rather than "never": retry them.</summary>
        private static bool IsTransient(PayNetException error) =>
            error is TopUpApiException api
                ? api.Code == TopUpErrors.TransactionNotFound || api.Code == TopUpErrors.ExternalNotFound || api.Code == TopUpErrors.NoTransactionInfo || api.Code == TopUpErrors.ProviderError
                : error.Category == PayNetErrorCategory.Unavailable || error.Category == PayNetErrorCategory.Timeout;

        private static TopUpTransaction Map(TopUpReply reply, TopUpTransaction known, string reference)
        {
            return TopUpMapper.Transaction(reply.Read<TransactionReplyDto>("Confirm", reference)).MergeFrom(known);
        }

        private ConfirmBody PlanConfirm(TopUpTransaction tx, decimal? amount, int? typeId)
        {
            string? reference = tx.ExternalId ?? tx.Id;
            if (string.IsNullOrEmpty(tx.ExternalId) && string.IsNullOrEmpty(tx.Id))
                throw Invalid("Confirm", "The transaction has neither an external id nor a Paynet id; confirm the object CheckAsync returned.");
            if (typeId.HasValue && typeId != 1 && typeId != 2)
                throw Invalid("Confirm", $"Type id {typeId} is not 1 (mobile) or 2 (data).", reference);

            if (tx.IsBridge)
            {
                if (string.IsNullOrEmpty(tx.Id)) throw Invalid("Confirm", "An International Bridge confirm needs Paynet's transaction id from the check.", reference);
                if (amount.HasValue && amount != tx.Amount)
                    throw Invalid("Confirm", "The amount of an International Bridge top-up was fixed at check by its amount id.", reference);
                return new ConfirmBody { TransactionId = tx.Id };
            }

            var ids = string.IsNullOrEmpty(tx.ExternalId)
                ? new ConfirmBody { TransactionId = tx.Id }
                : new ConfirmBody { ExternalTransactionId = tx.ExternalId };

            if (tx.IsLegacyInternational)
            {
                decimal? local = amount ?? tx.ConfirmAmount;
                if (!local.HasValue) throw Invalid("Confirm", "A legacy international confirm needs the local amount, one of: " + (tx.OfferedAmounts ?? "the operator's denominations") + ".", reference);
                var offered = tx.Offered;
                ValidateLocalAmount("Confirm", local.Value, offered?.FirstOrDefault()?.Currency, reference);
                var match = offered?.FirstOrDefault(d => d.Amount == local && (!typeId.HasValue || d.TypeId is null || d.TypeId == typeId));
                if (offered is not null && offered.Count > 0 && match is null)
                    throw Invalid("Confirm", $"Amount {MoneyText.Of(local)} is not one of the offered denominations: {tx.OfferedAmounts}.", reference);
                int? type = typeId ?? tx.ConfirmTypeId ?? match?.TypeId;
                tx.ConfirmAmount = local;
                tx.ConfirmTypeId = type;
                ids.Fields = new ConfirmFields { Amount = local, TypeId = type };
                return ids;
            }

            decimal? aed = amount ?? tx.ConfirmAmount ?? tx.Amount;
            if (!aed.HasValue) throw Invalid("Confirm", "The confirm needs the amount that was checked.", reference);
            ValidateAed("Confirm", aed.Value, reference);
            if (tx.Amount.HasValue && aed.Value != tx.Amount.Value)
                throw Invalid("Confirm", $"Amount {MoneyText.Of(aed)} AED differs from the {MoneyText.Of(tx.Amount)} AED that was checked; check again for a different amount.", reference);
            tx.ConfirmAmount = aed;
            ids.Fields = new ConfirmFields { Amount = aed };
            return ids;
        }
    }
}
