using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using PayNet.Core.Json;

namespace PayNet.Core.TopUp
{
    // Wire shapes of topup.md §4-§7. Ids, states and codes are read as strings (numbers arrive either
    // way) and parsed when mapped; money is decimal; unknown members are kept in Extra.

    internal sealed class ErrorEnvelopeDto
    {
        [JsonPropertyName("error")] public ErrorDto? Error { get; set; }
    }

    internal sealed class ErrorDto
    {
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("display_error")] public string? DisplayError { get; set; }
    }

    internal sealed class BalanceDto : TopUpAnswerDto
    {
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("wallets")] public Dictionary<string, decimal?>? Wallets { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    internal sealed class ServicesDto : TopUpAnswerDto
    {
        [JsonPropertyName("services")] public List<ServiceDto>? Services { get; set; }
    }

    internal sealed class ServiceDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("active")] public bool? Active { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("biller_name")] public string? BillerName { get; set; }
        [JsonPropertyName("category_name")] public string? CategoryName { get; set; }
        [JsonPropertyName("subcategory_name")] public string? SubcategoryName { get; set; }
        [JsonPropertyName("amount_min")] public decimal? AmountMin { get; set; }
        [JsonPropertyName("amount_max")] public decimal? AmountMax { get; set; }
        [JsonPropertyName("amount_step")] public decimal? AmountStep { get; set; }
        [JsonPropertyName("commission")] public CommissionDto? Commission { get; set; }
        [JsonPropertyName("is_pin_based")] public bool? IsPinBased { get; set; }
        [JsonPropertyName("is_account_required")] public bool? IsAccountRequired { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    internal sealed class CommissionDto
    {
        [JsonPropertyName("value")] public decimal? Value { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
    }

    internal sealed class PointInfoDto : TopUpAnswerDto
    {
        [JsonPropertyName("pos")] public NamedDto? Pos { get; set; }
        [JsonPropertyName("agent")] public NamedDto? Agent { get; set; }
        [JsonPropertyName("support")] public NamedDto? Support { get; set; }
    }

    internal sealed class NamedDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("address")] public string? Address { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>The answer of check, confirm and find: a transaction, voucher info, receipt, offered denominations.</summary>
    internal sealed class TransactionReplyDto : TopUpAnswerDto
    {
        [JsonPropertyName("transaction")] public TransactionDto? Transaction { get; set; }
        /// <summary>The PIN object, or <c>[]</c> when there is none (seed 001): read as null then.</summary>
        [JsonPropertyName("info")] [JsonConverter(typeof(ObjectOrNothingConverter<VoucherInfoDto>))] public VoucherInfoDto? Info { get; set; }
        /// <summary>Six strings on success, <c>{}</c> or absent while pending (§5.6).</summary>
        [JsonPropertyName("receipt")] [JsonConverter(typeof(ObjectOrNothingConverter<ReceiptDto>))] public ReceiptDto? Receipt { get; set; }
        [JsonPropertyName("details")] [JsonConverter(typeof(ObjectOrNothingConverter<DetailsDto>))] public DetailsDto? Details { get; set; }

        // A check answer may carry the transaction's members at the root (its shape is undocumented, §11.1).
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("transaction_id")] public string? TransactionId { get; set; }
        [JsonPropertyName("external_transaction_id")] public string? ExternalTransactionId { get; set; }
    }

    internal sealed class TransactionDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("transaction_id")] public string? TransactionId { get; set; }
        [JsonPropertyName("external_transaction_id")] public string? ExternalTransactionId { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("error")] public string? Error { get; set; }
        [JsonPropertyName("time")] public string? Time { get; set; }
        [JsonPropertyName("service")] public NamedDto? Service { get; set; }
        [JsonPropertyName("product")] public string? Product { get; set; }
        [JsonPropertyName("account")] public string? Account { get; set; }
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("amount_currency")] public string? AmountCurrency { get; set; }
        [JsonPropertyName("price")] public decimal? Price { get; set; }
        [JsonPropertyName("price_currency")] public string? PriceCurrency { get; set; }
        [JsonPropertyName("country_id")] public string? CountryId { get; set; }
        [JsonPropertyName("country_name")] public string? CountryName { get; set; }
        [JsonPropertyName("provider_id")] public string? ProviderId { get; set; }
        [JsonPropertyName("provider_name")] public string? ProviderName { get; set; }
        [JsonPropertyName("simulation")] public bool? Simulation { get; set; }
        [JsonPropertyName("info")] [JsonConverter(typeof(ObjectOrNothingConverter<VoucherInfoDto>))] public VoucherInfoDto? Info { get; set; }
    }

    internal sealed class VoucherInfoDto
    {
        [JsonPropertyName("number")] public string? Number { get; set; }
        [JsonPropertyName("serial")] public string? Serial { get; set; }
        [JsonPropertyName("reference")] public string? Reference { get; set; }
    }

    internal sealed class ReceiptDto
    {
        [JsonPropertyName("header")] public string? Header { get; set; }
        [JsonPropertyName("subheader")] public string? Subheader { get; set; }
        [JsonPropertyName("info")] public string? Info { get; set; }
        [JsonPropertyName("instruction")] public string? Instruction { get; set; }
        [JsonPropertyName("promo")] public string? Promo { get; set; }
        [JsonPropertyName("footer")] public string? Footer { get; set; }
    }

    /// <summary>
    /// An object member that PayNet sends as an object when it has something and otherwise as <c>[]</c> (a PHP
    /// empty array), <c>{}</c>, a string or null: anything but an object reads as null.
    /// </summary>
    internal sealed class ObjectOrNothingConverter<T> : JsonConverter<T?> where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options)
        {
            // Read in place (the attribute applies this converter to the member, not to T, so no recursion).
            if (reader.TokenType == JsonTokenType.StartObject) return JsonSerializer.Deserialize<T>(ref reader, options);
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }

    internal sealed class DetailsDto
    {
        [JsonPropertyName("amounts")] public List<DenominationDto>? Amounts { get; set; }
    }

    /// <summary>A legacy denomination: local amount and currency, AED price, type 1 (mobile) or 2 (data).</summary>
    internal sealed class DenominationDto
    {
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("amount_currency")] public string? AmountCurrency { get; set; }
        [JsonPropertyName("price")] public decimal? Price { get; set; }
        [JsonPropertyName("price_currency")] public string? PriceCurrency { get; set; }
        [JsonPropertyName("type_id")] public string? TypeId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    internal sealed class LegacyProvidersDto : TopUpAnswerDto
    {
        [JsonPropertyName("countries")] public List<LegacyCountryDto>? Countries { get; set; }
        [JsonPropertyName("country")] public LegacyCountryDto? Country { get; set; }
        [JsonPropertyName("providers")] public List<LegacyOperatorDto>? Providers { get; set; }
        [JsonPropertyName("provider")] public LegacyOperatorDto? Provider { get; set; }
        [JsonPropertyName("amounts")] public List<DenominationDto>? Amounts { get; set; }
        [JsonPropertyName("details"), JsonConverter(typeof(ObjectOrEmptyConverter<DetailsDto>))] public DetailsDto? Details { get; set; }
    }

    internal sealed class LegacyCountryDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("phone_code")] public string? PhoneCode { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
    }

    internal sealed class LegacyOperatorDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("logo")] public string? Logo { get; set; }
        [JsonPropertyName("is_pin_based")] public bool? IsPinBased { get; set; }
    }

    internal sealed class BridgeCategoriesDto : TopUpAnswerDto
    {
        [JsonPropertyName("categories")] public List<BridgeCategoryDto>? Categories { get; set; }
    }

    internal sealed class BridgeCategoryDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    internal sealed class BridgeCountriesDto : TopUpAnswerDto
    {
        [JsonPropertyName("countries")] public List<BridgeCountryDto>? Countries { get; set; }
    }

    internal sealed class BridgeCountryDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("iso3")] public string? Iso3 { get; set; }
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("phone_code")] public string? PhoneCode { get; set; }
        [JsonPropertyName("phone_mask")] public string? PhoneMask { get; set; }
        [JsonPropertyName("logo")] public string? Logo { get; set; }
        [JsonPropertyName("logo_large")] public string? LogoLarge { get; set; }
    }

    internal sealed class BridgeProvidersDto : TopUpAnswerDto
    {
        [JsonPropertyName("country")] public BridgeCountryDto? Country { get; set; }
        [JsonPropertyName("providers")] public List<BridgeProviderDto>? Providers { get; set; }
        [JsonPropertyName("provider")] public BridgeProviderDto? Provider { get; set; }
        [JsonPropertyName("amounts")] public List<BridgeAmountDto>? Amounts { get; set; }
    }

    internal sealed class BridgeProviderDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("logo")] public string? Logo { get; set; }
        [JsonPropertyName("country_id")] public string? CountryId { get; set; }
        [JsonPropertyName("amounts")] public List<BridgeAmountDto>? Amounts { get; set; }
    }

    internal sealed class BridgeAmountDto
    {
        [JsonPropertyName("amount_id")] public string? AmountId { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("amount_currency")] public string? AmountCurrency { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("price")] public decimal? Price { get; set; }
        [JsonPropertyName("price_currency")] public string? PriceCurrency { get; set; }
        [JsonPropertyName("category_id")] public string? CategoryId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
