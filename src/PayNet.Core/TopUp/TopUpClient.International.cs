using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PayNet.Core.TopUp
{
    public sealed partial class TopUpClient
    {
        private readonly ConcurrentDictionary<string, TopUpBridgeAmount> _bridgeAmounts = new ConcurrentDictionary<string, TopUpBridgeAmount>(StringComparer.OrdinalIgnoreCase);

        // Legacy ("intl"): one /providers endpoint in three modes (topup.md §4.7.1).

        public async Task<IReadOnlyList<TopUpIntlCountry>> GetIntlCountriesAsync(CancellationToken cancellationToken = default)
        {
            var dto = await LegacyProvidersAsync(new LegacyProvidersBody(), "GetIntlCountries", cancellationToken).ConfigureAwait(false);
            return (dto.Countries ?? new List<LegacyCountryDto>())
                .Select(c => new TopUpIntlCountry { Id = c.Id ?? string.Empty, Name = c.Name, PhoneCode = c.PhoneCode })
                .ToList();
        }

        public async Task<IReadOnlyList<TopUpIntlOperator>> GetIntlOperatorsAsync(string countryId, CancellationToken cancellationToken = default)
        {
            int id = NumericId("GetIntlOperators", countryId, "country id");
            var dto = await LegacyProvidersAsync(new LegacyProvidersBody { CountryId = id }, "GetIntlOperators", cancellationToken).ConfigureAwait(false);
            return (dto.Providers ?? new List<LegacyOperatorDto>())
                .Select(p => new TopUpIntlOperator
                {
                    Id = p.Id ?? string.Empty,
                    ParentId = p.ParentId,
                    Name = p.Name,
                    Logo = p.Logo,
                    IsPinBased = p.IsPinBased ?? false,
                    CountryId = dto.Country?.Id ?? countryId,
                    CountryName = dto.Country?.Name,
                })
                .ToList();
        }

        public async Task<IReadOnlyList<TopUpIntlDenomination>> GetIntlDenominationsAsync(string providerId, CancellationToken cancellationToken = default)
        {
            int id = NumericId("GetIntlDenominations", providerId, "provider id");
            var dto = await LegacyProvidersAsync(new LegacyProvidersBody { ProviderId = id }, "GetIntlDenominations", cancellationToken).ConfigureAwait(false);
            string provider = dto.Provider?.Id ?? providerId;
            return (dto.Amounts ?? dto.Details?.Amounts ?? new List<DenominationDto>())
                .Select(d => TopUpMapper.Denomination(d, provider))
                .ToList();
        }

        private async Task<LegacyProvidersDto> LegacyProvidersAsync(LegacyProvidersBody body, string operation, CancellationToken cancellationToken)
        {
            var reply = await ReadAsync("providers", operation, body, null, cancellationToken).ConfigureAwait(false);
            return reply.Read<LegacyProvidersDto>(operation, null);
        }

        // International Bridge (v2, topup.md §4.7.2).

        public async Task<IReadOnlyList<TopUpBridgeCategory>> GetBridgeCategoriesAsync(CancellationToken cancellationToken = default)
        {
            var reply = await ReadAsync("international-bridge/categories", "GetBridgeCategories", null, null, cancellationToken).ConfigureAwait(false);
            var dto = reply.Read<BridgeCategoriesDto>("GetBridgeCategories", null);
            return (dto.Categories ?? new List<BridgeCategoryDto>())
                .Select(c => new TopUpBridgeCategory { Id = c.Id ?? string.Empty, ParentId = TopUpMapper.NullIfEmpty(c.ParentId), Name = c.Name })
                .ToList();
        }

        public async Task<IReadOnlyList<TopUpBridgeCountry>> GetBridgeCountriesAsync(CancellationToken cancellationToken = default)
        {
            var reply = await ReadAsync("international-bridge/countries", "GetBridgeCountries", null, null, cancellationToken).ConfigureAwait(false);
            var dto = reply.Read<BridgeCountriesDto>("GetBridgeCountries", null);
            return (dto.Countries ?? new List<BridgeCountryDto>()).Select(Country).ToList();
        }

        /// <summary>Operators of a country, by its ISO 3166 alpha-3 code ("IND").</summary>
        public async Task<IReadOnlyList<TopUpBridgeProvider>> GetBridgeProvidersAsync(string countryIso3, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(countryIso3) || countryIso3.Trim().Length != 3)
                throw Invalid("GetBridgeProviders", $"'{countryIso3}' is not an ISO 3166 alpha-3 country code such as IND.");
            string iso3 = countryIso3.Trim().ToUpperInvariant();
            var reply = await ReadAsync("international-bridge/providers", "GetBridgeProviders", new BridgeProvidersBody { CountryId = iso3 }, null, cancellationToken).ConfigureAwait(false);
            var dto = reply.Read<BridgeProvidersDto>("GetBridgeProviders", null);
            var country = dto.Country;
            return (dto.Providers ?? new List<BridgeProviderDto>())
                .Select(p => new TopUpBridgeProvider
                {
                    Id = p.Id ?? string.Empty,
                    Name = p.Name,
                    Logo = p.Logo,
                    CountryId = IsoOf(country) ?? p.CountryId ?? iso3,
                    CountryName = country?.Name,
                    PhoneCode = country?.PhoneCode,
                })
                .ToList();
        }

        /// <summary>The amounts of one operator; remembered so a later check can fill in amount and price.</summary>
        public async Task<IReadOnlyList<TopUpBridgeAmount>> GetBridgeAmountsAsync(string providerId, CancellationToken cancellationToken = default)
        {
            int id = NumericId("GetBridgeAmounts", providerId, "provider id");
            var reply = await ReadAsync("international-bridge/provider", "GetBridgeAmounts", new BridgeProviderBody { ProviderId = id }, null, cancellationToken).ConfigureAwait(false);
            var dto = reply.Read<BridgeProvidersDto>("GetBridgeAmounts", null);
            var provider = dto.Provider ?? new BridgeProviderDto { Id = providerId };
            provider.Id ??= providerId;
            var amounts = (dto.Amounts ?? dto.Provider?.Amounts ?? new List<BridgeAmountDto>())
                .Select(a => TopUpMapper.BridgeAmount(a, provider, dto.Country))
                .ToList();
            foreach (var amount in amounts.Where(a => a.AmountId.Length > 0)) _bridgeAmounts[amount.AmountId] = amount;
            return amounts;
        }

        private TopUpBridgeAmount? KnownBridgeAmount(string amountId) => _bridgeAmounts.TryGetValue(amountId, out var amount) ? amount : null;

        private static TopUpBridgeCountry Country(BridgeCountryDto c) => new TopUpBridgeCountry
        {
            Id = IsoOf(c) ?? c.Id ?? string.Empty,
            Name = c.Name,
            Currency = c.Currency,
            PhoneCode = c.PhoneCode,
            PhoneMask = c.PhoneMask,
            Logo = c.Logo,
        };

        /// <summary>country.id is "IND" in one answer and 233 in another (§11.8); prefer the letters.</summary>
        private static string? IsoOf(BridgeCountryDto? c)
        {
            if (c is null) return null;
            foreach (var candidate in new[] { c.Iso3, c.Code, c.Id })
            {
                if (!string.IsNullOrEmpty(candidate) && candidate!.Length == 3 && candidate.All(char.IsLetter)) return candidate.ToUpperInvariant();
            }
            return null;
        }

        private static int NumericId(string operation, string? id, string what)
        {
            if (id is not null && int.TryParse(id.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0) return value;
            throw Invalid(operation, $"'{id}' is not a numeric {what}.");
        }
    }
}
