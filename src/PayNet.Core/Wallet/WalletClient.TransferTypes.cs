using System;
using System.Collections.Concurrent;
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
        private static readonly string[] TransferTypeKeys = { "TransferTypes", "TransferTypeVO", "TransferTypeList" };
        private static readonly string[] PaymentDataKeys = { "PaymentData", "PaymentDataVO" };
        private readonly ConcurrentDictionary<string, IReadOnlyList<WalletTransferType>> _transferTypes =
            new ConcurrentDictionary<string, IReadOnlyList<WalletTransferType>>(StringComparer.Ordinal);

        /// <summary>
        /// The transfer types this member may use (§6.15 <c>transferTypes</c>), for a destination, a payee (by
        /// principal) and a currency (ISO code) when given. Cached for the life of this client per question;
        /// <paramref name="refresh"/> asks again. A tenant that does not serve the route (404/405) gets the
        /// configured table (<see cref="WalletTransferTypeSource.Configuration"/>) instead.
        /// </summary>
        public async Task<IReadOnlyList<WalletTransferType>> GetTransferTypesAsync(WalletPaymentDestination? destination = null,
            string? toMemberPrincipal = null, string? currency = null, bool refresh = false, CancellationToken cancellationToken = default)
        {
            const string operation = "GetTransferTypes";
            string? iso = NormalizeCurrency(currency, operation);
            string key = string.Join("|", destination?.ToString() ?? "*", toMemberPrincipal?.Trim() ?? "", iso ?? "");
            if (!refresh && _transferTypes.TryGetValue(key, out var cached)) return cached;

            IReadOnlyList<WalletTransferType> types;
            try
            {
                var envelope = await CallAsync(HttpMethod.Get, Settings.Routes.TransferTypes + Query(destination, toMemberPrincipal), null, operation,
                    CallKind.Read, cancellationToken, reference: toMemberPrincipal).ConfigureAwait(false);
                types = ReadTypes(envelope.ReadList<TransferTypeDto>(TransferTypeKeys), destination, iso);
            }
            catch (PayNetException ex) when (IsRouteMissing(ex))
            {
                types = ConfiguredTypes(destination);
            }
            _transferTypes[key] = types;
            return types;
        }

        /// <summary>§6.15 <c>paymentData</c>: usable transfer types, available balance per wallet type, and the payee.</summary>
        public async Task<WalletPaymentData> GetPaymentDataAsync(WalletPaymentDestination? destination = null, string? toMemberPrincipal = null,
            CancellationToken cancellationToken = default)
        {
            const string operation = "GetPaymentData";
            var envelope = await CallAsync(HttpMethod.Get, Settings.Routes.PaymentData + Query(destination, toMemberPrincipal), null, operation,
                CallKind.Read, cancellationToken, reference: toMemberPrincipal).ConfigureAwait(false);
            var element = envelope.Find(PaymentDataKeys) ?? throw MissingPayload(operation, envelope);
            var dto = element.ValueKind == JsonValueKind.Object ? WalletEnvelope.Deserialize<PaymentDataDto>(element) : null;
            if (dto is null) throw MissingPayload(operation, envelope);
            var balances = new Dictionary<long, decimal>();
            foreach (var entry in dto.AccountsStatus ?? new Dictionary<string, AccountStatusDto>())
            {
                if (long.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out long typeId) && entry.Value?.AvailableBalance is decimal available)
                    balances[typeId] = available;
            }
            return new WalletPaymentData
            {
                TransferTypes = ReadTypes(dto.TransferTypes ?? new List<TransferTypeDto>(), destination, null),
                AvailableBalances = balances,
                ToMember = dto.ToMember is null ? null : _mapper.Member(dto.ToMember),
            };
        }

        /// <summary>§6.14 search by keywords (name, username, mobile), every page.</summary>
        public async IAsyncEnumerable<WalletMember> SearchMembersAsync(string keywords, int pageSize = 50,
            [EnumeratorCancellation] CancellationToken cancellationToken = default, Action<long>? totalCount = null)
        {
            const string operation = "SearchMembers";
            if (string.IsNullOrWhiteSpace(keywords)) throw Invalid(operation, "Keywords are required.");
            if (pageSize < 1 || pageSize > 100) throw Invalid(operation, "The page size must be between 1 and 100.");
            for (int page = 0; ; page++)
            {
                string path = string.Format(CultureInfo.InvariantCulture, "{0}?keywords={1}&currentPage={2}&pageSize={3}",
                    Settings.Routes.MemberSearch, Uri.EscapeDataString(keywords.Trim()), page, pageSize);
                var envelope = await CallAsync(HttpMethod.Get, path, null, operation, CallKind.Read, cancellationToken, reference: keywords).ConfigureAwait(false);
                var pageDto = envelope.Read<ResultPageDto<MemberDto>>("MemberResultPage");
                var elements = pageDto?.Elements ?? envelope.ReadList<MemberDto>("MemberResultPage");
                if (page == 0 && pageDto?.TotalCount is int all && all >= 0) totalCount?.Invoke(all);
                foreach (var element in elements) yield return _mapper.Member(element);
                int served = pageDto?.PageSize is int size && size > 0 ? size : pageSize;
                if (elements.Count == 0 || (pageDto?.TotalCount is int total ? (page + 1) * (long)served >= total : elements.Count < served)) yield break;
            }
        }

        private List<WalletTransferType> ReadTypes(List<TransferTypeDto> dtos, WalletPaymentDestination? destination, string? iso)
        {
            var list = new List<WalletTransferType>();
            foreach (var dto in dtos)
            {
                if (!(dto.Id is int id) || id <= 0) continue;
                string currency = dto.From?.Currency is null && dto.To?.Currency is null ? string.Empty : _mapper.Currency(dto.From?.Currency ?? dto.To?.Currency);
                if (iso is not null && currency.Length > 0 && !string.Equals(currency, iso, StringComparison.OrdinalIgnoreCase)) continue;
                list.Add(new WalletTransferType
                {
                    Id = id,
                    Name = dto.Name,
                    ConfiguredName = ConfiguredName(id),
                    Destination = destination ?? DestinationOf(id),
                    FromAccountTypeId = dto.From?.Id,
                    FromAccountType = dto.From?.Name,
                    ToAccountTypeId = dto.To?.Id,
                    ToAccountType = dto.To?.Name,
                    Currency = currency,
                    Source = WalletTransferTypeSource.PayNet,
                });
            }
            return list.GroupBy(t => t.Id).Select(g => g.First()).OrderBy(t => t.Id).ToList();
        }

        /// <summary>The fallback: the tenant table of <see cref="WalletSettings.TransferTypes"/>.</summary>
        private IReadOnlyList<WalletTransferType> ConfiguredTypes(WalletPaymentDestination? destination) =>
            ConfiguredTable()
                .Where(t => destination is null || t.Destination == destination)
                .Select(t => new WalletTransferType
                {
                    Id = t.Id, Name = t.Name, ConfiguredName = t.Name, Destination = t.Destination,
                    Currency = Settings.DefaultCurrency, Source = WalletTransferTypeSource.Configuration,
                })
                .GroupBy(t => t.Id).Select(g => g.First()).OrderBy(t => t.Id).ToList();

        private IEnumerable<(int Id, string Name, WalletPaymentDestination Destination)> ConfiguredTable()
        {
            var ids = Settings.TransferTypes;
            yield return (ids.P2P, "P2P", WalletPaymentDestination.Member);
            yield return (ids.Loyalty, "Loyalty", WalletPaymentDestination.Member);
            yield return (ids.FixedFee, "FixedFee", WalletPaymentDestination.Member);
            yield return (ids.PercentFee, "PercentFee", WalletPaymentDestination.Member);
            yield return (ids.Cashback, "Cashback", WalletPaymentDestination.Member);
            yield return (ids.Discount, "Discount", WalletPaymentDestination.Member);
            yield return (ids.AddMoney, "AddMoney", WalletPaymentDestination.System);
            yield return (ids.Withdraw, "Withdraw", WalletPaymentDestination.System);
        }

        private string? ConfiguredName(int id) => ConfiguredTable().Where(t => t.Id == id).Select(t => t.Name).FirstOrDefault();

        private WalletPaymentDestination? DestinationOf(int id) =>
            ConfiguredTable().Where(t => t.Id == id).Select(t => (WalletPaymentDestination?)t.Destination).FirstOrDefault();

        private static string Query(WalletPaymentDestination? destination, string? toMemberPrincipal)
        {
            var query = new List<string>();
            if (destination is WalletPaymentDestination d) query.Add("destination=" + (d == WalletPaymentDestination.Member ? "MEMBER" : "SYSTEM"));
            if (!string.IsNullOrWhiteSpace(toMemberPrincipal)) query.Add("toMemberPrincipal=" + Uri.EscapeDataString(toMemberPrincipal!.Trim()));
            return query.Count == 0 ? string.Empty : "?" + string.Join("&", query);
        }

        /// <summary>Only "there is no such route" falls back; a refusal about this member or payee is the answer.</summary>
        private static bool IsRouteMissing(PayNetException ex) =>
            ex.HttpStatus == 405 || ex.HttpStatus == 501
            || (ex.HttpStatus == 404 && (ex.ProviderCode is null || string.Equals(ex.ProviderCode, "ENTITY_NOT_FOUND", StringComparison.OrdinalIgnoreCase)
                || string.Equals(ex.ProviderCode, "METHOD_NOT_ALLOWED", StringComparison.OrdinalIgnoreCase)));

        private static string? NormalizeCurrency(string? currency, string operation)
        {
            if (string.IsNullOrWhiteSpace(currency)) return null;
            string code = currency!.Trim().ToUpperInvariant();
            if (!Money.MoneyRules.IsKnownCurrency(code)) throw Invalid(operation, $"Currency '{currency}' is not a known ISO 4217 code.");
            return code;
        }
    }
}
