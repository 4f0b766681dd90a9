using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Security;

namespace PayNet.Core.Card
{
    /// <summary>
    /// Typed client of the Paynet Turkey card API's reconciliation services (card.md §3). Thread-safe.
    /// Lists stream page by page: the next page is requested only when the consumer reaches it.
    /// </summary>
    public sealed partial class CardClient : IDisposable
    {
        /// <summary>
        /// The largest page the list services serve (card.md §7.3: "enforce a max, e.g. 1000, matching the
        /// sample's default"); the sandbox clamps to it too. Reconciliation pages at this size.
        /// </summary>
        public const int MaxPageSize = 1000;
        private readonly CardTransport _transport;

        public CardClient(SecretString secretKey, PayNetClientOptions options)
        {
            if (secretKey is null) throw new ArgumentNullException(nameof(secretKey));
            if (options is null) throw new ArgumentNullException(nameof(options));
            _transport = new CardTransport(secretKey, options);
            KeyFingerprint = Fingerprint(secretKey);
        }

        /// <summary>A non-secret name of the key (first 8 hex digits of its SHA-256), for the money journal.</summary>
        public string KeyFingerprint { get; }

        private static string Fingerprint(SecretString key)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create())
            {
                var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(key.Reveal()));
                return "key " + BitConverter.ToString(hash, 0, 4).Replace("-", string.Empty).ToLowerInvariant();
            }
        }

        public Uri BaseUri => _transport.Options.BaseUri;

        /// <summary>Payment check: every transaction with this Paynet id or merchant reference (a failed try and its retry share one).</summary>
        public async Task<IReadOnlyList<CardTransaction>> CheckAsync(string? xactId = null, string? referenceNo = null, CancellationToken cancellationToken = default)
        {
            var body = Lookup("Check", null, xactId, referenceNo);
            string reference = (xactId ?? referenceNo)!;
            var rows = (await _transport.ReadAsync<CardRowDto>("v1/transaction/check", "Check", body, reference, false, cancellationToken).ConfigureAwait(false)).Rows;
            if (rows.Count == 0) throw NotFound("Check", reference);
            var transactions = new List<CardTransaction>(rows.Count);
            foreach (var row in rows) transactions.Add(CardMapper.Transaction(row));
            return transactions;
        }

        /// <summary>
        /// The full record of one transaction. A reference shared by several rows yields the successful
        /// one (the latest, if several succeeded), else the latest.
        /// </summary>
        public async Task<CardTransactionDetail> GetDetailAsync(string? id = null, string? xactId = null, string? referenceNo = null, CancellationToken cancellationToken = default)
        {
            var body = Lookup("GetDetail", id, xactId, referenceNo);
            string reference = (id ?? xactId ?? referenceNo)!;
            var page = await _transport.ReadAsync<CardDetailRowDto>("v1/transaction/detail", "GetDetail", body, reference, false, cancellationToken).ConfigureAwait(false);
            var rows = page.Rows.Select(CardMapper.Detail).ToList();
            if (rows.Count == 0) throw NotFound("GetDetail", reference);
            return rows.OrderByDescending(r => r.IsSucceeded).ThenByDescending(r => r.Time ?? DateTimeOffset.MinValue).First();
        }

        /// <summary>Transactions between From (inclusive) and To (exclusive), streamed with starting_after / has_more.</summary>
        public IAsyncEnumerable<CardTransaction> ListAsync(CardListQuery query, CancellationToken cancellationToken = default)
        {
            if (query is null) throw new ArgumentNullException(nameof(query));
            ValidateRange("List", query.From, query.To);
            int pageSize = ValidatePageSize("List", query.PageSize);
            var template = new CardListBody
            {
                Datab = CardAmounts.ToWireDate(query.From),
                Datbi = CardAmounts.ToWireDate(query.To),
                AgentId = Blank(query.AgentId),
                BankId = Blank(query.BankId)?.ToUpperInvariant(),
                UserId = Blank(query.UserId),
                ShowUnsucceed = query.IncludeFailed ? true : (bool?)null,
                Untransferred = query.Untransferred ? true : (bool?)null,
                Limit = pageSize,
            };
            return Pages<CardRowDto, CardTransaction>("v1/transaction/list", "List", offset =>
            {
                template.StartingAfter = offset;
                return template;
            }, pageSize, CardMapper.Transaction, cancellationToken);
        }

        /// <summary>Cancel/refund requests entered between From (inclusive) and To (exclusive), with their state.</summary>
        public IAsyncEnumerable<CardRefund> ListRefundsAsync(DateTime from, DateTime to, string? agentId = null, string? bankId = null, int pageSize = 100, CancellationToken cancellationToken = default)
        {
            ValidateRange("ListRefunds", from, to);
            int size = ValidatePageSize("ListRefunds", pageSize);
            var template = new CardListBody
            {
                Datab = CardAmounts.ToWireDate(from),
                Datbi = CardAmounts.ToWireDate(to),
                AgentId = Blank(agentId),
                BankId = Blank(bankId)?.ToUpperInvariant(),
                Limit = size,
            };
            return Pages<CardRefundDto, CardRefund>("v1/transaction/reversal_list", "ListRefunds", offset =>
            {
                template.StartingAfter = offset;
                return template;
            }, size, CardMapper.Refund, cancellationToken);
        }

        /// <summary>What Paynet pays out on a due date (payment_list): one row per transaction share, refunds as deductions.</summary>
        public async Task<IReadOnlyList<CardPayout>> GetPayoutReportAsync(DateTime date, CancellationToken cancellationToken = default)
        {
            var body = new CardPaymentListBody { Date = CardAmounts.ToWireDate(date) };
            var page = await _transport.ReadAsync<CardPayoutDto>("v1/transaction/payment_list", "GetPayoutReport", body, body.Date, true, cancellationToken).ConfigureAwait(false);
            if (page.IsNoData) return Array.Empty<CardPayout>();
            return page.Rows.Select(CardMapper.Payout).ToList();
        }

        private async IAsyncEnumerable<TModel> Pages<TRow, TModel>(string path, string operation, Func<int, CardListBody> bodyAt, int pageSize,
            Func<TRow, TModel> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            int offset = 0;
            while (true)
            {
                var reply = await _transport.ReadAsync<TRow>(path, operation, bodyAt(offset), null, true, cancellationToken).ConfigureAwait(false);
                if (reply.IsNoData) yield break;
                var page = reply.Envelope;
                var rows = reply.Rows;
                foreach (var row in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return map(row);
                }
                offset += rows.Count;
                int? total = CardErrors.ParseInt(page.Total);
                bool more = page.HasMore ?? (total.HasValue ? offset < total.Value : rows.Count >= pageSize);
                if (!more || rows.Count == 0) yield break;
            }
        }

        private static CardLookupBody Lookup(string operation, string? id, string? xactId, string? referenceNo)
        {
            var body = new CardLookupBody { Id = Blank(id), XactId = Blank(xactId), ReferenceNo = Blank(referenceNo) };
            if (body.Id is null && body.XactId is null && body.ReferenceNo is null)
                throw Invalid(operation, operation == "Check" ? "Give the Paynet xact id or the merchant reference." : "Give the Paynet id, xact id or merchant reference.");
            if (body.ReferenceNo is not null && body.ReferenceNo.Length > 50)
                throw Invalid(operation, "A merchant reference is at most 50 characters.");
            return body;
        }

        private static void ValidateRange(string operation, DateTime from, DateTime to)
        {
            // Dates only: the API has no time-of-day filter, so the time part is ignored.
            if (to.Date <= from.Date)
                throw Invalid(operation, $"To ({CardAmounts.ToWireDate(to)}) must be after From ({CardAmounts.ToWireDate(from)}); To is exclusive, so one day is From..From+1.");
        }

        private static int ValidatePageSize(string operation, int pageSize)
        {
            if (pageSize < 1 || pageSize > MaxPageSize) throw Invalid(operation, $"Page size {pageSize} is outside 1-{MaxPageSize}.");
            return pageSize;
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static PayNetException Invalid(string operation, string message, string? reference = null) =>
            new PayNetException(PayNetApi.Card, operation, PayNetErrorCategory.InvalidArgument, message, reference: reference);

        private static CardApiException NotFound(string operation, string reference) =>
            new CardApiException(operation, PayNetErrorCategory.NotFound, $"Card {operation}: no transaction '{reference}'.", 200, CardErrors.NoData, null, null, reference);

        public void Dispose() => _transport.Dispose();

        public override string ToString() => $"Card API at {BaseUri}";
    }
}
