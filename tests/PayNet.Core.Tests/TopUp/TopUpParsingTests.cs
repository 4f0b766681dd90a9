using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.TopUp;

/// <summary>The documented example bodies of topup.md §4, §5 and §7, fed verbatim to the client.</summary>
public class TopUpParsingTests
{
    private static TopUpClient Answering(string json, out ScriptedHandler handler)
    {
        handler = new ScriptedHandler((_, _) => Ok(json));
        return Client(handler);
    }

    [Fact]
    public async Task Balance_example_gives_the_main_wallet_in_AED()
    {
        using var client = Answering("""{ "currency": "AED", "wallets": { "main": 1250.50 } }""", out var handler);
        var balance = await client.GetBalanceAsync();
        Assert.Equal("AED", balance.Currency);
        Assert.Equal(1250.50m, balance.Main);
        Assert.Equal("main=1250.50", balance.Wallets);
        Assert.Equal("/balance", handler.Requests.Single().Path);
    }

    [Fact]
    public async Task Services_example_maps_every_column_and_is_remembered_for_validation()
    {
        using var client = Answering(ServicesExample, out _);
        var products = await client.GetServicesAsync();
        Assert.Equal(2, products.Count);
        var etisalat = products[0];
        Assert.Equal(("et-mc", "Etisalat Wasel Prepaid", "Etisalat", "Mobile Prepaid", "Airtime"),
            (etisalat.Id, etisalat.Name, etisalat.Biller, etisalat.Category, etisalat.Subcategory));
        Assert.Equal((5m, 525m, 5m), (etisalat.AmountMin!.Value, etisalat.AmountMax!.Value, etisalat.AmountStep!.Value));
        Assert.False(etisalat.IsPinBased);
        Assert.True(etisalat.IsAccountRequired);
        Assert.True(etisalat.Active);
        Assert.Equal("AED", etisalat.Currency);
        Assert.Equal(0m, etisalat.CommissionValue);
        Assert.Equal("0", etisalat.CommissionType);
        var apple = products[1];
        Assert.True(apple.IsPinBased);
        Assert.True(apple.IsFixedPrice);
        Assert.Same(products, client.KnownCatalogue);
    }

    [Fact]
    public async Task Point_info_example_maps_pos_agent_and_support()
    {
        using var client = Answering("""
            {
              "pos":     { "id": "123" },
              "agent":   { "name": "Demo Agent #1", "address": "Dubai" },
              "support": { "email": "<e-mail address, not documented>" }
            }
            """, out _);
        var info = await client.GetPointInfoAsync();
        Assert.Equal(("123", "Demo Agent #1", "Dubai"), (info.PosId, info.AgentName, info.AgentAddress));
        Assert.Equal("<e-mail address, not documented>", info.SupportEmail);
    }

    [Fact]
    public async Task Direct_recharge_find_example_keeps_ids_and_state_and_tolerates_a_cut_time()
    {
        using var client = Answering("""{ "transaction": { "id": "abc-123-def-456", "external_transaction_id": "order-12345", "state": 1, "time": "2024-01-27 12..." } }""", out var handler);
        var tx = await client.FindAsync(externalId: "order-12345");
        Assert.Equal("abc-123-def-456", tx.Id);
        Assert.Equal("order-12345", tx.ExternalId);
        Assert.Equal(TopUpState.Success, tx.State);
        Assert.True(tx.IsFinal);
        Assert.Null(tx.Time);
        Assert.Equal("order-12345", handler.Requests.Single().Json.GetProperty("external_transaction_id").GetString());
    }

    [Fact]
    public async Task Voucher_find_example_reads_the_PIN_from_the_top_level_info()
    {
        using var client = Answering("""
            {
              "transaction": { "id": "...", "state": 1, "...": "..." },
              "info": { "reference": "1234567890", "number": "5678-1234-9012-3456", "serial": "SN123456789" }
            }
            """, out _);
        var tx = await client.FindAsync(externalId: "voucher-12345");
        Assert.Equal("5678-1234-9012-3456", tx.VoucherPin);
        Assert.Equal("SN123456789", tx.VoucherSerial);
        Assert.Equal("1234567890", tx.VoucherReference);
        Assert.Equal("voucher-12345", tx.ExternalId);
        Assert.Null(tx.Receipt); // the find example carries no receipt, and the client invents none
    }

    [Fact]
    public async Task Legacy_international_find_example_reads_service_account_and_local_amount()
    {
        using var client = Answering("""
            { "transaction": {
              "id": "abc-123-def-456", "external_transaction_id": "intl-12345", "state": 1,
              "time": "2024-01-27 12:00:05",
              "service": { "id": "intl", "name": "Int-l Top-up" },
              "account": "+923001234567", "amount": 500, "amount_currency": "..." } }
            """, out _);
        var tx = await client.FindAsync(externalId: "intl-12345");
        Assert.Equal(("intl", "Int-l Top-up", "+923001234567"), (tx.Product, tx.ProductName, tx.Account));
        Assert.Equal(500m, tx.Amount);
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 12, 0, 5, TimeSpan.FromHours(4)), tx.Time);
    }

    [Fact]
    public async Task Bridge_find_example_reads_amounts_sent_as_strings()
    {
        using var client = Answering("""
            { "transaction": {
              "id": "69d-7c9-5f1-098-494", "state": 1, "error": "", "time": "2026-04-09 19:58:45",
              "service": { "id": "international-bridge", "name": "International Bridge" },
              "account": "911234567890",
              "amount": "100", "amount_currency": "INR",
              "price": "4.56", "price_currency": "AED",
              "country_id": "IND", "country_name": "India",
              "provider_id": "284", "provider_na...": "..." } }
            """, out var handler);
        var tx = await client.FindAsync(transactionId: "69d-7c9-5f1-098-494");
        Assert.Equal((100m, "INR", 4.56m, "AED"), (tx.Amount!.Value, tx.AmountCurrency, tx.Price!.Value, tx.PriceCurrency));
        Assert.Equal(("IND", "India", "284"), (tx.CountryId, tx.CountryName, tx.ProviderId));
        Assert.Equal("INR", ((IPayNetRecord)tx).Currency);
        Assert.Equal("69d-7c9-5f1-098-494", handler.Requests.Single().Json.GetProperty("transaction_id").GetString());
    }

    [Fact]
    public async Task Bridge_confirm_success_example_gives_a_final_transaction()
    {
        using var client = Answering("""{ "transaction": { "id": "69d-7c9-5f1-098-494", "state": 1, "error": "", "time": "2026-04-0..." } }""", out var handler);
        var checkedTx = new TopUpTransaction { Id = "69d-7c9-5f1-098-494", ExternalId = "pnps-1", Product = "international-bridge", State = TopUpState.New };
        var done = await client.ConfirmAsync(checkedTx);
        Assert.Equal(TopUpState.Success, done.State);
        var sent = handler.Requests.Single().Json;
        Assert.Equal("69d-7c9-5f1-098-494", sent.GetProperty("transaction_id").GetString());
        Assert.False(sent.TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task Legacy_providers_examples_give_countries_and_operators()
    {
        var handler = new ScriptedHandler((r, n) => Ok(n == 1
            ? """{"countries":[{"id":"74","name":"Pakistan","phone_code":"+92"},{"id":"110","name":"Uganda","phone_code":"+256"},{"id":"17","name":"Burundi","phone_code":"+257"}]}"""
            : """{"country":{"id":"74","name":"Pakistan"},"providers":[{"id":"46","parent_id":0,"name":"Ufone Pakistan","logo":"https://bo.paynet.one/uploads/operator-logo/46.png","is_pin_based":false},{"id":"47","parent_id":0,"name":"Jazz Pakistan","logo":"https://bo.paynet.one/uploads/operator-logo/47.png","is_pin_based":false}]}"""));
        using var client = Client(handler);
        var countries = await client.GetIntlCountriesAsync();
        Assert.Equal(new[] { "74", "110", "17" }, countries.Select(c => c.Id));
        Assert.Equal("+256", countries[1].PhoneCode);
        var operators = await client.GetIntlOperatorsAsync("74");
        Assert.Equal(new[] { "Ufone Pakistan", "Jazz Pakistan" }, operators.Select(o => o.Name));
        Assert.All(operators, o => Assert.Equal(("74", "Pakistan", "0"), (o.CountryId, o.CountryName, o.ParentId)));
        Assert.Equal(74, handler.Requests[1].Json.GetProperty("country_id").GetInt32());
    }

    [Fact]
    public async Task Bridge_categories_example_keeps_the_two_level_tree()
    {
        using var client = Answering("""
            { "categories": [
              { "id": "mobile",         "parent_id": null,     "name": "Mobile Recharge" },
              { "id": "utility",        "parent_id": null,     "name": "Utilities" },
              { "id": "gift-cards",     "parent_id": null,     "name": "Gift Cards & Games" },
              { "id": "transport",      "parent_id": null,     "name": "Transport" },
              { "id": "mobile-airtime", "parent_id": "mobile", "name": "Airtime / Calls" },
              { "id": "mobile-bundles", "parent_id": "mobile", "name": "Bun..." }
            ] }
            """, out var handler);
        var categories = await client.GetBridgeCategoriesAsync();
        Assert.Equal(6, categories.Count);
        Assert.Null(categories[0].ParentId);
        Assert.Equal("mobile", categories[4].ParentId);
        Assert.Equal("/international-bridge/categories", handler.Requests.Single().Path);
    }

    [Fact]
    public async Task Bridge_provider_amounts_are_flat_and_feed_later_checks()
    {
        var handler = new ScriptedHandler((r, n) => Ok(n == 1
            ? """
              { "country": { "id": 233, "name": "India", "phone_code": "+91", "phone_mask": "+91 ($$$) $$$-$$-$$", "currency": "INR" },
                "provider": { "id": 56, "name": "Airtel" },
                "amounts": [ { "amount_id": "389c9b72d2677970916fac310a36e5a4", "amount": "100", "amount_currency": "INR", "price": "4.56", "price_currency": "AED", "category_id": "mobile-airtime" } ] }
              """
            : Tx("69d-7c9-5f1-098-494", "x", -1)));
        using var client = Client(handler);
        var amounts = await client.GetBridgeAmountsAsync("56");
        var amount = Assert.Single(amounts);
        Assert.Equal(("389c9b72d2677970916fac310a36e5a4", 100m, "INR", 4.56m, "AED", "mobile-airtime"),
            (amount.AmountId, amount.Amount!.Value, amount.AmountCurrency, amount.Price!.Value, amount.PriceCurrency, amount.CategoryId));
        Assert.Equal(56, handler.Requests[0].Json.GetProperty("provider_id").GetInt32());

        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "international-bridge", AmountId = amount.AmountId, Account = "911234567890" });
        Assert.Equal((100m, "INR", 4.56m, "Airtel"), (checkedTx.Amount!.Value, checkedTx.AmountCurrency, checkedTx.Price!.Value, checkedTx.ProviderName));
        var fields = handler.Requests[1].Json.GetProperty("fields");
        Assert.Equal("389c9b72d2677970916fac310a36e5a4", fields.GetProperty("amount_id").GetString());
    }

    [Theory]
    [InlineData("""{ "error": { "code": 1001, "message": "Not enough funds for this transaction" } }""", 1001, null)]
    [InlineData("""{ "error": { "code": 1200, "message": "This customer is banned in our system", "display_error": "This customer is banned" } }""", 1200, "This customer is banned")]
    public async Task Error_envelope_examples_carry_code_message_display_text_and_the_external_id(string body, int code, string? display)
    {
        using var client = Answering(body, out _);
        var checkedTx = new TopUpTransaction { Id = "abc", ExternalId = "order-12345", Product = "et-mc", Amount = 50m, State = TopUpState.New };
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.ConfirmAsync(checkedTx));
        Assert.Equal(code, error.Code);
        Assert.Equal(display, error.DisplayError);
        Assert.Equal("order-12345", error.Reference);
        Assert.Equal(code.ToString(), error.ProviderCode);
        Assert.Contains("order-12345", error.Message);
        if (display is not null) Assert.Contains(display, error.Message);
    }
}
