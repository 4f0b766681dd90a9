using System.Text.Json.Serialization;

namespace PayNet.Core.TopUp
{
    // Request bodies without the auth object, which TopUpSigner adds per send. Nulls are left out.

    internal sealed class CheckBody
    {
        [JsonPropertyName("product")] public string Product { get; set; } = string.Empty;
        [JsonPropertyName("external_transaction_id")] public string? ExternalTransactionId { get; set; }
        [JsonPropertyName("fields")] public object? Fields { get; set; }
        /// <summary>true for a test transaction (seed 002); left out otherwise.</summary>
        [JsonPropertyName("simulation")] public bool? Simulation { get; set; }
    }

    internal sealed class CheckFields
    {
        [JsonPropertyName("customer")] public string? Customer { get; set; }
        [JsonPropertyName("account")] public string? Account { get; set; }
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
    }

    internal sealed class BridgeCheckFields
    {
        [JsonPropertyName("amount_id")] public string? AmountId { get; set; }
        [JsonPropertyName("account")] public string? Account { get; set; }
        [JsonPropertyName("customer")] public string? Customer { get; set; }
    }

    internal sealed class ConfirmBody
    {
        [JsonPropertyName("external_transaction_id")] public string? ExternalTransactionId { get; set; }
        [JsonPropertyName("transaction_id")] public string? TransactionId { get; set; }
        [JsonPropertyName("fields")] public ConfirmFields? Fields { get; set; }
        /// <summary>Repeated on the confirm of a transaction checked as a simulation; left out otherwise.</summary>
        [JsonPropertyName("simulation")] public bool? Simulation { get; set; }
    }

    internal sealed class ConfirmFields
    {
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("type_id")] public int? TypeId { get; set; }
    }

    internal sealed class FindBody
    {
        [JsonPropertyName("external_transaction_id")] public string? ExternalTransactionId { get; set; }
        [JsonPropertyName("transaction_id")] public string? TransactionId { get; set; }
    }

    internal sealed class LegacyProvidersBody
    {
        [JsonPropertyName("country_id")] public int? CountryId { get; set; }
        [JsonPropertyName("provider_id")] public int? ProviderId { get; set; }
    }

    internal sealed class BridgeProvidersBody
    {
        [JsonPropertyName("country_id")] public string? CountryId { get; set; }
    }

    internal sealed class BridgeProviderBody
    {
        [JsonPropertyName("provider_id")] public int ProviderId { get; set; }
    }
}
