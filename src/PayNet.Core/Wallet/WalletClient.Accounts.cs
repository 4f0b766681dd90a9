using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        private static readonly string[] AccountListKeys = { "MemberAccounts", "MemberAccountVO", "Accounts", "Wallets" };
        private static readonly string[] AccountStatusKeys = { "AccountStatus", "AccountStatusVO", "Balance" };
        private static readonly string[] MemberKeys = { "Member", "MemberVO" };

        /// <summary>Every wallet of the member with its balance (§6.8: one list call, one status call per wallet).</summary>
        public async Task<IReadOnlyList<WalletAccount>> GetWalletsAsync(CancellationToken cancellationToken = default)
        {
            var accounts = await ListAccountsAsync(cancellationToken).ConfigureAwait(false);
            var result = new List<WalletAccount>(accounts.Count);
            foreach (var account in accounts)
            {
                var status = await ReadStatusAsync(account.Id ?? 0, cancellationToken).ConfigureAwait(false);
                result.Add(_mapper.Account(account, status));
            }
            return result;
        }

        /// <summary>One wallet with its balance; the default wallet when <paramref name="accountId"/> is null.</summary>
        public async Task<WalletAccount> GetBalanceAsync(long? accountId = null, CancellationToken cancellationToken = default)
        {
            const string operation = "GetBalance";
            var accounts = await ListAccountsAsync(cancellationToken).ConfigureAwait(false);
            var account = accountId is long id
                ? accounts.FirstOrDefault(a => a.Id == id) ?? new MemberAccountDto { Id = id }
                : accounts.FirstOrDefault(a => a.IsDefaultAccount) ?? accounts.FirstOrDefault()
                  ?? throw new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.NotFound, "The member has no wallet.");
            var status = await ReadStatusAsync(account.Id ?? 0, cancellationToken).ConfigureAwait(false);
            return _mapper.Account(account, status);
        }

        /// <summary>
        /// The history of a wallet (the default one when <paramref name="accountId"/> is null), newest first,
        /// read one page at a time as the consumer asks for more. Dates are inclusive calendar days.
        /// </summary>
        /// <param name="totalCount">Called once with the number of lines in the whole period, when PayNet says (its first page's totalCount).</param>
        public IAsyncEnumerable<WalletStatementLine> GetStatementAsync(DateTimeOffset? from = null, DateTimeOffset? to = null,
            long? accountId = null, int pageSize = 50, CancellationToken cancellationToken = default, Action<long>? totalCount = null)
        {
            if (pageSize < 1 || pageSize > 100) throw Invalid("GetStatement", "Page size must be between 1 and 100.");
            if (from is DateTimeOffset f && to is DateTimeOffset t && f.Date > t.Date) throw Invalid("GetStatement", "The period starts after it ends.");
            return ReadHistoryAsync(from, to, accountId, pageSize, cancellationToken, totalCount);
        }

        /// <summary>One transfer by id (§6.7.2); NotFound when it does not involve the member.</summary>
        public async Task<WalletStatementLine> GetTransferAsync(long transferId, CancellationToken cancellationToken = default)
        {
            const string operation = "GetTransfer";
            if (transferId <= 0) throw Invalid(operation, $"Transfer id {transferId} is not valid.");
            var envelope = await CallAsync(HttpMethod.Get, Path(Settings.Routes.TransferData, transferId), null, operation, CallKind.Read,
                cancellationToken, reference: transferId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            var element = envelope.Find("TransferDataVO", "TransferData", "AccountHistoryTransferVO") ?? throw MissingPayload(operation, envelope);
            var inner = WalletEnvelope.Property(element, "accountHistoryTransfer") is JsonElement nested && nested.ValueKind == JsonValueKind.Object ? nested : element;
            var dto = inner.ValueKind == JsonValueKind.Object ? WalletEnvelope.Deserialize<HistoryTransferDto>(inner) : null;
            if (dto?.Id is null) throw MissingPayload(operation, envelope);
            return _mapper.Line(dto, null);
        }

        /// <summary>Looks a member up by login principal (username / mobile), e.g. to show the payee's name first.</summary>
        public Task<WalletMember> FindMemberAsync(string principal, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(principal)) throw Invalid("FindMember", "A principal is required.");
            return ReadMemberAsync(string.Format(CultureInfo.InvariantCulture, Settings.Routes.MemberByPrincipal, Escape(principal)), principal, cancellationToken);
        }

        public Task<WalletMember> FindMemberAsync(long memberId, CancellationToken cancellationToken = default)
        {
            if (memberId <= 0) throw Invalid("FindMember", $"Member id {memberId} is not valid.");
            return ReadMemberAsync(Path(Settings.Routes.MemberById, memberId), memberId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        private async Task<WalletMember> ReadMemberAsync(string path, string reference, CancellationToken cancellationToken)
        {
            const string operation = "FindMember";
            var envelope = await CallAsync(HttpMethod.Get, path, null, operation, CallKind.Read, cancellationToken, reference: reference).ConfigureAwait(false);
            var dto = envelope.Read<MemberDto>(MemberKeys) ?? throw MissingPayload(operation, envelope);
            return _mapper.Member(dto);
        }

        /// <summary>The member's accounts in one call (ids and which is the default, no balances): what settling and Sync read histories of.</summary>
        internal async Task<IReadOnlyList<(long Id, bool IsDefault)>> AccountIdsAsync(CancellationToken cancellationToken)
        {
            var accounts = await ListAccountsAsync(cancellationToken).ConfigureAwait(false);
            return accounts.Select(a => (a.Id!.Value, a.IsDefaultAccount)).ToList();
        }

        private async Task<List<MemberAccountDto>> ListAccountsAsync(CancellationToken cancellationToken)
        {
            var envelope = await CallAsync(HttpMethod.Get, Settings.Routes.Accounts, null, "GetWallets", CallKind.Read, cancellationToken).ConfigureAwait(false);
            return envelope.ReadList<MemberAccountDto>(AccountListKeys).Where(a => a.Id.HasValue).ToList();
        }

        private async Task<AccountStatusDto> ReadStatusAsync(long accountId, CancellationToken cancellationToken)
        {
            const string operation = "GetBalance";
            var envelope = await CallAsync(HttpMethod.Get, Path(Settings.Routes.AccountStatus, accountId), null, operation, CallKind.Read,
                cancellationToken, reference: accountId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return envelope.Read<AccountStatusDto>(AccountStatusKeys) ?? throw MissingPayload(operation, envelope);
        }

        private async IAsyncEnumerable<WalletStatementLine> ReadHistoryAsync(DateTimeOffset? from, DateTimeOffset? to, long? accountId, int pageSize,
            [EnumeratorCancellation] CancellationToken cancellationToken, Action<long>? totalCount = null)
        {
            string basePath = accountId is long id ? Path(Settings.Routes.AccountHistory, id) : Settings.Routes.DefaultHistory;
            var query = new List<string>();
            if (from is DateTimeOffset f) query.Add("beginDate=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (to is DateTimeOffset t) query.Add("endDate=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            long? firstIdOfPreviousPage = null;
            for (int page = 0; ; page++)
            {
                string path = $"{basePath}?{string.Join("&", query.Concat(new[] { $"currentPage={page}", $"pageSize={pageSize}" }))}";
                var envelope = await CallAsync(HttpMethod.Get, path, null, "GetStatement", CallKind.Read, cancellationToken).ConfigureAwait(false);
                var pageDto = envelope.Read<ResultPageDto<HistoryTransferDto>>("AccountHistoryResultPage");
                var elements = pageDto?.Elements ?? envelope.ReadList<HistoryTransferDto>("AccountHistoryResultPage");
                if (page == 0 && pageDto?.TotalCount is int all && all >= 0) totalCount?.Invoke(all);
                // A server that ignores currentPage would otherwise be read forever.
                if (elements.Count == 0 || (page > 0 && elements[0].Id == firstIdOfPreviousPage)) yield break;
                firstIdOfPreviousPage = elements[0].Id;
                foreach (var element in elements) yield return _mapper.Line(element, accountId);

                int served = pageDto?.PageSize is int size && size > 0 ? size : pageSize;
                if (pageDto?.TotalCount is int total ? (page + 1) * (long)served >= total : elements.Count < served) yield break;
            }
        }
    }
}
