using System.Text.Json;
using System.Text.Json.Nodes;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.TopUp;

public sealed class TopUpCatalogueTests : TopUpTestBase
{
    private static JsonElement Service(JsonElement services, string id) =>
        services.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Services_lists_the_documented_products_with_their_limits()
    {
        var services = (await Client.Post("/services")).Json.GetProperty("services");
        var ids = services.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        foreach (var id in new[] { "et-mc", "itunes_aed_100", "virgin-m100", "slk50", "slk100", "noon_25AED", "gplay_aed_50",
                     "steam-aed-100", "netflix-aed-100", "psn_aed_1m", "intl", "international-bridge", "test-inactive" })
            Assert.Contains(id, ids);

        var etisalat = Service(services, "et-mc");
        Assert.Equal("Etisalat Wasel Prepaid", etisalat.GetProperty("name").GetString());
        Assert.Equal(5m, etisalat.GetProperty("amount_min").GetDecimal());
        Assert.Equal(525m, etisalat.GetProperty("amount_max").GetDecimal());
        Assert.Equal(5m, etisalat.GetProperty("amount_step").GetDecimal());
        Assert.False(etisalat.GetProperty("is_pin_based").GetBoolean());
        Assert.True(etisalat.GetProperty("is_account_required").GetBoolean());
        Assert.Equal(0, etisalat.GetProperty("commission").GetProperty("type").GetInt32());

        var apple = Service(services, "itunes_aed_100");
        Assert.True(apple.GetProperty("is_pin_based").GetBoolean());
        Assert.Equal(0m, apple.GetProperty("amount_step").GetDecimal());
        Assert.False(Service(services, "test-inactive").GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Point_info_describes_the_POS_with_its_id_as_a_string()
    {
        var info = (await Client.Post("/point_info")).Json;
        Assert.Equal(Client.PosId.ToString(), info.GetProperty("pos").GetProperty("id").GetString());
        Assert.Equal("Demo Agent #1", info.GetProperty("agent").GetProperty("name").GetString());
        Assert.Equal("Dubai", info.GetProperty("agent").GetProperty("address").GetString());
        Assert.Contains("@", info.GetProperty("support").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Legacy_providers_answers_countries_then_operators_then_denominations()
    {
        var countries = (await Client.Post("/providers")).Json.GetProperty("countries");
        Assert.Equal(new[] { "74", "110", "17" }, countries.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("+92", countries[0].GetProperty("phone_code").GetString());

        var pakistan = (await Client.Post("/providers", new JsonObject { ["country_id"] = 74 })).Json;
        Assert.Equal("Pakistan", pakistan.GetProperty("country").GetProperty("name").GetString());
        var ufone = pakistan.GetProperty("providers")[0];
        Assert.Equal("46", ufone.GetProperty("id").GetString());
        Assert.Equal(0, ufone.GetProperty("parent_id").GetInt32());
        Assert.Equal("Ufone Pakistan", ufone.GetProperty("name").GetString());
        Assert.Equal("https://bo.paynet.one/uploads/operator-logo/46.png", ufone.GetProperty("logo").GetString());
        Assert.False(ufone.GetProperty("is_pin_based").GetBoolean());
        Assert.Equal("47", pakistan.GetProperty("providers")[1].GetProperty("id").GetString());

        var amounts = (await Client.Post("/providers", new JsonObject { ["provider_id"] = 46 })).Json.GetProperty("amounts");
        var first = amounts[0];
        Assert.Equal(100m, first.GetProperty("amount").GetDecimal());
        Assert.Equal("PKR", first.GetProperty("currency").GetString());
        Assert.Equal(5.00m, first.GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("price").ValueKind);
        Assert.All(amounts.EnumerateArray(), a => Assert.Contains(a.GetProperty("type_id").GetInt32(), new[] { 1, 2 }));

        Assert.Equal(50, (await Client.Post("/providers", new JsonObject { ["provider_id"] = 999 })).ErrorCode);
        Assert.Equal(2, (await Client.Post("/providers", new JsonObject { ["country_id"] = "abc" })).ErrorCode);
    }

    [Fact]
    public async Task Bridge_categories_form_a_two_level_tree()
    {
        var categories = (await Client.Post("/international-bridge/categories")).Json.GetProperty("categories");
        Assert.Equal(6, categories.GetArrayLength());
        var airtime = categories.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "mobile-airtime");
        Assert.Equal("mobile", airtime.GetProperty("parent_id").GetString());
        Assert.Equal(JsonValueKind.Null, categories[0].GetProperty("parent_id").ValueKind);
    }

    [Fact]
    public async Task Bridge_countries_providers_and_provider_give_the_India_seed()
    {
        var india = (await Client.Post("/international-bridge/countries")).Json.GetProperty("countries")[0];
        Assert.Equal("IND", india.GetProperty("id").GetString());
        Assert.Equal("INR", india.GetProperty("currency").GetString());

        var providers = (await Client.Post("/international-bridge/providers", new JsonObject { ["country_id"] = "IND" })).Json;
        Assert.Equal("+91 ($$$) $$$-$$-$$", providers.GetProperty("country").GetProperty("phone_mask").GetString());
        var airtel = providers.GetProperty("providers")[0];
        Assert.Equal(56, airtel.GetProperty("id").GetInt32());
        Assert.Equal("Airtel", airtel.GetProperty("name").GetString());

        Assert.Contains(providers.GetProperty("providers").EnumerateArray(),
            p => p.GetProperty("id").GetInt32() == 284 && p.GetProperty("name").GetString() == "MTNL"); // seed 001

        var provider = (await Client.Post("/international-bridge/provider", new JsonObject { ["provider_id"] = 284 })).Json;
        Assert.Equal(233, provider.GetProperty("country").GetProperty("id").GetInt32());
        Assert.EndsWith("/static-media/country-flags/IND.png", provider.GetProperty("country").GetProperty("logo").GetString());
        var amount = provider.GetProperty("amounts").EnumerateArray()
            .Single(a => a.GetProperty("amount_id").GetString() == "389c9b72d2677970916fac310a36e5a4");
        Assert.Equal("100", amount.GetProperty("amount").GetString());
        Assert.Equal("4.56", amount.GetProperty("price").GetString());
        Assert.Equal("mobile-airtime", amount.GetProperty("category_id").GetString());
        var airtelAmounts = (await Client.Post("/international-bridge/provider", new JsonObject { ["provider_id"] = 56 })).Json;
        Assert.Contains(airtelAmounts.GetProperty("amounts").EnumerateArray(), a => a.GetProperty("category_id").GetString() == "mobile-bundles");
    }

    [Fact]
    public async Task Bridge_catalogue_refuses_wrong_types_and_unknown_ids()
    {
        Assert.Equal(2, (await Client.Post("/international-bridge/providers")).ErrorCode);
        Assert.Equal(2, (await Client.Post("/international-bridge/providers", new JsonObject { ["country_id"] = 233 })).ErrorCode);
        Assert.Equal(50, (await Client.Post("/international-bridge/providers", new JsonObject { ["country_id"] = "XYZ" })).ErrorCode);
        Assert.Equal(2, (await Client.Post("/international-bridge/provider", new JsonObject { ["provider_id"] = "Airtel" })).ErrorCode);
        Assert.Equal(50, (await Client.Post("/international-bridge/provider", new JsonObject { ["provider_id"] = 1 })).ErrorCode);
    }
}

public sealed class TopUpLegacyOnlyCatalogueTests : TopUpTestBase
{
    protected override void Configure(SandboxOptions options) => options.TopUp.IntlMode = "legacy";

    [Fact]
    public async Task In_legacy_mode_the_bridge_is_neither_listed_nor_served()
    {
        var ids = (await Client.Post("/services")).Json.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        Assert.Contains("intl", ids);
        Assert.DoesNotContain("international-bridge", ids);
        Assert.Equal(101, (await Client.Post("/international-bridge/categories")).ErrorCode);
        var check = await Client.Post("/transaction/check", new JsonObject
        {
            ["product"] = "international-bridge",
            ["fields"] = new JsonObject { ["amount_id"] = "389c9b72d2677970916fac310a36e5a4", ["account"] = "911234567890" },
        });
        Assert.Equal(101, check.ErrorCode);
    }
}

public sealed class TopUpBridgeOnlyCatalogueTests : TopUpTestBase
{
    protected override void Configure(SandboxOptions options) => options.TopUp.IntlMode = "bridge";

    [Fact]
    public async Task In_bridge_mode_the_legacy_intl_product_is_neither_listed_nor_served()
    {
        var ids = (await Client.Post("/services")).Json.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        Assert.Contains("international-bridge", ids);
        Assert.DoesNotContain("intl", ids);
        Assert.Equal(101, (await Client.Post("/providers")).ErrorCode);
        Assert.Equal(101, (await Client.Check("intl", "intl-x", "+923001234567")).ErrorCode);
    }
}
