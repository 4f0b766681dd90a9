using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Money;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        /// <summary>Opens a dispute on a transfer the member took part in (§6.13); the amount defaults to the whole transfer.</summary>
        public async Task<WalletDispute> CreateDisputeAsync(long transferId, WalletDisputeReason reason, string description,
            decimal? amount = null, CancellationToken cancellationToken = default)
        {
            const string operation = "CreateDispute";
            if (transferId <= 0) throw Invalid(operation, $"Transfer id {transferId} is not valid.");
            if (reason == WalletDisputeReason.Unknown) throw Invalid(operation, "Say why: Unauthorized, NotReceived, WrongAmount, Duplicate or Other.");
            if (string.IsNullOrWhiteSpace(description)) throw Invalid(operation, "A description is required.");
            if (amount is decimal a) MoneyRules.Validate(PayNetApi.Wallet, operation, a, Settings.DefaultCurrency);
            var body = new DisputeCreateBody { TransferId = transferId, Reason = WalletEnumText.ToWire(reason), Description = description.Trim(), Amount = amount };
            var envelope = await CallOnceAsync(HttpMethod.Post, Settings.Routes.Disputes, body, operation,
                transferId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            return ReadDispute(operation, envelope);
        }

        public async Task<WalletDispute> GetDisputeAsync(long disputeId, CancellationToken cancellationToken = default)
        {
            const string operation = "GetDispute";
            var envelope = await CallAsync(HttpMethod.Get, DisputePath(operation, disputeId), null, operation, CallKind.Read, cancellationToken,
                reference: disputeId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return ReadDispute(operation, envelope);
        }

        /// <summary>The member's disputes, optionally in one state, read page by page as the consumer asks for more.</summary>
        /// <param name="totalCount">Called once with the number of disputes in the whole list, when PayNet says (its first page's totalCount).</param>
        public IAsyncEnumerable<WalletDispute> GetDisputesAsync(WalletDisputeState? state = null, int pageSize = 50, CancellationToken cancellationToken = default,
            Action<long>? totalCount = null)
        {
            if (pageSize < 1 || pageSize > 100) throw Invalid("GetDisputes", "Page size must be between 1 and 100.");
            if (state == WalletDisputeState.Unknown) throw Invalid("GetDisputes", "Unknown is not a state to filter on.");
            return ReadDisputesAsync(state, pageSize, totalCount, cancellationToken);
        }

        /// <summary>Adds a comment and/or replaces the description (only while OPEN or IN_REVIEW).</summary>
        public async Task<WalletDispute> UpdateDisputeAsync(long disputeId, string? description = null, string? comment = null, CancellationToken cancellationToken = default)
        {
            const string operation = "UpdateDispute";
            if (string.IsNullOrWhiteSpace(description) && string.IsNullOrWhiteSpace(comment)) throw Invalid(operation, "Give a new description, a comment, or both.");
            var body = new DisputeUpdateBody { Description = description?.Trim(), Comment = comment?.Trim() };
            var envelope = await CallOnceAsync(HttpMethod.Put, DisputePath(operation, disputeId), body, operation,
                disputeId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            return ReadDispute(operation, envelope);
        }

        /// <summary>Closes (withdraws) a dispute that is not closed yet.</summary>
        public async Task<WalletDispute> CloseDisputeAsync(long disputeId, string? resolution = null, CancellationToken cancellationToken = default)
        {
            const string operation = "CloseDispute";
            var envelope = await CallOnceAsync(HttpMethod.Post, DisputePath(operation, disputeId) + "/close", new DisputeCloseBody { Resolution = resolution?.Trim() },
                operation, disputeId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            return ReadDispute(operation, envelope);
        }

        private async IAsyncEnumerable<WalletDispute> ReadDisputesAsync(WalletDisputeState? state, int pageSize, Action<long>? totalCount, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string filter = state is WalletDisputeState s ? "status=" + WalletEnumText.ToWire(s) + "&" : string.Empty;
            long? firstIdOfPreviousPage = null;
            for (int page = 0; ; page++)
            {
                string path = $"{Settings.Routes.Disputes}?{filter}currentPage={page}&pageSize={pageSize}";
                var envelope = await CallAsync(HttpMethod.Get, path, null, "GetDisputes", CallKind.Read, cancellationToken).ConfigureAwait(false);
                var pageDto = envelope.Read<ResultPageDto<DisputeDto>>("DisputeResultPage");
                var elements = pageDto?.Elements ?? envelope.ReadList<DisputeDto>("DisputeResultPage", "Disputes");
                if (page == 0 && pageDto?.TotalCount is int all && all >= 0) totalCount?.Invoke(all);
                if (elements.Count == 0 || (page > 0 && elements[0].Id == firstIdOfPreviousPage)) yield break;
                firstIdOfPreviousPage = elements[0].Id;
                foreach (var element in elements) yield return _mapper.Dispute(element);

                int served = pageDto?.PageSize is int size && size > 0 ? size : pageSize;
                if (pageDto?.TotalCount is int total ? (page + 1) * (long)served >= total : elements.Count < served) yield break;
            }
        }

        private WalletDispute ReadDispute(string operation, WalletEnvelope envelope) =>
            _mapper.Dispute(envelope.Read<DisputeDto>("Dispute") ?? throw MissingPayload(operation, envelope));

        private string DisputePath(string operation, long disputeId)
        {
            if (disputeId <= 0) throw Invalid(operation, $"Dispute id {disputeId} is not valid.");
            return $"{Settings.Routes.Disputes}/{disputeId.ToString(CultureInfo.InvariantCulture)}";
        }
    }
}
