using System.Globalization;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.TopUp;

/// <summary>`/balance`, `/services`, `/point_info`, legacy `/providers` and the four International Bridge catalogue endpoints.</summary>
public static class TopUpCatalogueRoutes
{
    public static TopUpOutcome Balance(TopUpRequest req) => req.Ok(new JsonObject
    {
        ["currency"] = "AED",
        ["wallets"] = new JsonObject { ["main"] = decimal.Round(req.Pos.Balance, 2, MidpointRounding.AwayFromZero) },
    });

    public static TopUpOutcome Services(TopUpRequest req) => req.Ok(new JsonObject
    {
        ["services"] = new JsonArray(TopUpCatalogue.Services(req.TopUp.IntlMode).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["active"] = s.Active,
            ["name"] = s.Name,
            ["biller_name"] = s.BillerName,
            ["category_name"] = s.CategoryName,
            ["subcategory_name"] = s.SubcategoryName,
            ["amount_min"] = s.AmountMin,
            ["amount_max"] = s.AmountMax,
            ["amount_step"] = s.AmountStep,
            ["commission"] = new JsonObject { ["value"] = 0, ["type"] = 0 },
            ["is_pin_based"] = s.IsPinBased,
            ["is_account_required"] = s.IsAccountRequired,
        }).ToArray()),
    });

    public static TopUpOutcome PointInfo(TopUpRequest req) => req.Ok(new JsonObject
    {
        ["pos"] = new JsonObject { ["id"] = req.Pos.Id.ToString(CultureInfo.InvariantCulture) },
        ["agent"] = new JsonObject { ["name"] = req.Pos.AgentName, ["address"] = req.Pos.AgentAddress },
        // The docs hide the real address; this one cannot reach anybody.
        ["support"] = new JsonObject { ["email"] = "support@sandbox.paynet.invalid" },
    });

    /// <summary>Legacy `/providers`: countries; with `country_id` its operators; with `provider_id` its denominations.</summary>
    public static TopUpOutcome LegacyProviders(TopUpRequest req)
    {
        if (!TopUpCatalogue.LegacyEnabled(req.TopUp.IntlMode)) return req.Error(TopUpErrors.ProductUnavailable);
        var providerStatus = TopUpFields.Long(req.Body, "provider_id", out long providerId);
        var countryStatus = TopUpFields.Long(req.Body, "country_id", out long countryId);
        if (providerStatus == FieldStatus.WrongType) return req.Error(TopUpErrors.BadRequest, "provider_id must be an integer");
        if (countryStatus == FieldStatus.WrongType) return req.Error(TopUpErrors.BadRequest, "country_id must be an integer");

        if (providerStatus == FieldStatus.Ok)
        {
            var op = TopUpCatalogue.LegacyOperators.FirstOrDefault(o => o.Id == providerId);
            if (op is null) return req.Error(TopUpErrors.WrongInput, "unknown provider_id");
            return req.Ok(new JsonObject
            {
                ["provider"] = LegacyOperatorJson(op),
                ["amounts"] = TopUpJson.Denominations(TopUpCatalogue.LegacyDenominations(op.Id)),
            });
        }
        if (countryStatus == FieldStatus.Ok)
        {
            var country = TopUpCatalogue.LegacyCountries.FirstOrDefault(c => c.Id == countryId);
            if (country is null) return req.Error(TopUpErrors.WrongInput, "unknown country_id");
            return req.Ok(new JsonObject
            {
                ["country"] = new JsonObject { ["id"] = Id(country.Id), ["name"] = country.Name },
                ["providers"] = new JsonArray(TopUpCatalogue.LegacyOperators.Where(o => o.CountryId == country.Id)
                    .Select(o => (JsonNode)LegacyOperatorJson(o)).ToArray()),
            });
        }
        return req.Ok(new JsonObject
        {
            ["countries"] = new JsonArray(TopUpCatalogue.LegacyCountries.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = Id(c.Id), ["name"] = c.Name, ["phone_code"] = c.PhoneCode,
            }).ToArray()),
        });
    }

    private static JsonObject LegacyOperatorJson(LegacyOperator op) => new()
    {
        ["id"] = Id(op.Id),
        ["parent_id"] = 0,
        ["name"] = op.Name,
        ["logo"] = TopUpCatalogue.OperatorLogo(op.Id),
        ["is_pin_based"] = false,
    };

    public static TopUpOutcome BridgeCategories(TopUpRequest req)
    {
        if (!TopUpCatalogue.BridgeEnabled(req.TopUp.IntlMode)) return req.Error(TopUpErrors.ProductUnavailable);
        return req.Ok(new JsonObject
        {
            ["categories"] = new JsonArray(TopUpCatalogue.BridgeCategories.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id, ["parent_id"] = c.ParentId, ["name"] = c.Name,
            }).ToArray()),
        });
    }

    public static TopUpOutcome BridgeCountries(TopUpRequest req)
    {
        if (!TopUpCatalogue.BridgeEnabled(req.TopUp.IntlMode)) return req.Error(TopUpErrors.ProductUnavailable);
        return req.Ok(new JsonObject
        {
            ["countries"] = new JsonArray(TopUpCatalogue.BridgeCountries.Select(c => (JsonNode)CountryJson(req, c, c.Id)).ToArray()),
        });
    }

    /// <summary>`country_id` is an ISO alpha-3 string here (topup.md §4.7.2).</summary>
    public static TopUpOutcome BridgeProviders(TopUpRequest req)
    {
        if (!TopUpCatalogue.BridgeEnabled(req.TopUp.IntlMode)) return req.Error(TopUpErrors.ProductUnavailable);
        if (!req.Body.TryGetProperty("country_id", out var idElement) || idElement.ValueKind == System.Text.Json.JsonValueKind.Null)
            return req.Error(TopUpErrors.BadRequest, "country_id is required");
        if (idElement.ValueKind != System.Text.Json.JsonValueKind.String)
            return req.Error(TopUpErrors.BadRequest, "country_id must be an ISO 3166 alpha-3 string");
        var country = TopUpCatalogue.BridgeCountry(idElement.GetString()!.ToUpperInvariant());
        if (country is null) return req.Error(TopUpErrors.WrongInput, "unknown country_id");
        return req.Ok(new JsonObject
        {
            ["country"] = CountryJson(req, country, country.Id),
            ["providers"] = new JsonArray(TopUpCatalogue.BridgeProviders.Where(p => p.CountryId == country.Id)
                .Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name }).ToArray()),
        });
    }

    /// <summary>`provider_id` is an integer here; the country object carries the numeric id (233), as documented.</summary>
    public static TopUpOutcome BridgeProvider(TopUpRequest req)
    {
        if (!TopUpCatalogue.BridgeEnabled(req.TopUp.IntlMode)) return req.Error(TopUpErrors.ProductUnavailable);
        switch (TopUpFields.Long(req.Body, "provider_id", out long providerId))
        {
            case FieldStatus.Missing: return req.Error(TopUpErrors.BadRequest, "provider_id is required");
            case FieldStatus.WrongType: return req.Error(TopUpErrors.BadRequest, "provider_id must be an integer");
        }
        var provider = TopUpCatalogue.BridgeProviders.FirstOrDefault(p => p.Id == providerId);
        if (provider is null) return req.Error(TopUpErrors.WrongInput, "unknown provider_id");
        var country = TopUpCatalogue.BridgeCountry(provider.CountryId)!;
        return req.Ok(new JsonObject
        {
            ["country"] = CountryJson(req, country, country.NumericId),
            ["provider"] = new JsonObject { ["id"] = provider.Id, ["name"] = provider.Name, ["country_id"] = country.Id },
            ["amounts"] = new JsonArray(TopUpCatalogue.BridgeAmounts.Where(a => a.ProviderId == provider.Id).Select(a => (JsonNode)new JsonObject
            {
                ["amount_id"] = a.AmountId,
                ["category_id"] = a.CategoryId,
                ["name"] = a.Name,
                ["amount"] = TopUpFormat.AmountString(a.Amount),
                ["amount_currency"] = a.Currency,
                ["price"] = TopUpFormat.PriceString(a.Price),
                ["price_currency"] = "AED",
            }).ToArray()),
        });
    }

    private static JsonObject CountryJson(TopUpRequest req, BridgeCountry c, JsonNode id) => new()
    {
        ["id"] = id,
        ["name"] = c.Name,
        ["phone_code"] = c.PhoneCode,
        ["phone_mask"] = c.PhoneMask,
        ["currency"] = c.Currency,
        ["logo"] = $"{req.RootUri}/static-media/country-flags/{c.Id}.png",
        ["logo_large"] = $"{req.RootUri}/static-media/country-flags/large/{c.Id}.png",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
