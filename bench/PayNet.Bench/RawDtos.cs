using System.Text.Json.Serialization;

namespace PayNet.Bench;

// The fair raw side's models: what a careful C# developer declares for the answers they use, read by
// System.Text.Json's source generator (no reflection at run time). Money is decimal, as it must be.

public sealed class RawCardCheckAnswer
{
    [JsonPropertyName("Data")] public List<RawCardRow>? Data { get; set; }
    [JsonPropertyName("object_name")] public string? ObjectName { get; set; }
    [JsonPropertyName("code")] public int Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

public sealed class RawCardRow
{
    [JsonPropertyName("xact_id")] public string? XactId { get; set; }
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("xact_date")] public DateTime XactDate { get; set; }
    [JsonPropertyName("transaction_type")] public int TransactionType { get; set; }
    [JsonPropertyName("pos_type")] public int PosType { get; set; }
    [JsonPropertyName("is_tds")] public bool IsTds { get; set; }
    [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
    [JsonPropertyName("note")] public string? Note { get; set; }
    [JsonPropertyName("ratio")] public decimal Ratio { get; set; }
    [JsonPropertyName("agent_reference")] public string? AgentReference { get; set; }
    [JsonPropertyName("bank_id")] public string? BankId { get; set; }
    [JsonPropertyName("instalment")] public int Instalment { get; set; }
    [JsonPropertyName("card_type")] public string? CardType { get; set; }
    [JsonPropertyName("card_no")] public string? CardNo { get; set; }
    [JsonPropertyName("card_holder")] public string? CardHolder { get; set; }
    [JsonPropertyName("amount")] public decimal Amount { get; set; }
    [JsonPropertyName("netAmount")] public decimal NetAmount { get; set; }
    [JsonPropertyName("comission")] public decimal Commission { get; set; }
    [JsonPropertyName("comission_tax")] public decimal CommissionTax { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
    [JsonPropertyName("authorization_code")] public string? AuthorizationCode { get; set; }
    [JsonPropertyName("reference_code")] public string? ReferenceCode { get; set; }
    [JsonPropertyName("order_id")] public string? OrderId { get; set; }
    [JsonPropertyName("is_succeed")] public bool IsSucceed { get; set; }
    [JsonPropertyName("reversed")] public bool? Reversed { get; set; }
    [JsonPropertyName("xact_transaction_id")] public string? XactTransactionId { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonPropertyName("ratio_code")] public string? RatioCode { get; set; }
}

public sealed class RawTopUpAnswer
{
    [JsonPropertyName("transaction")] public RawTopUpTransaction? Transaction { get; set; }
    [JsonPropertyName("error")] public RawTopUpError? Error { get; set; }
}

public sealed class RawTopUpError
{
    [JsonPropertyName("code")] public int Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

public sealed class RawTopUpTransaction
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("external_transaction_id")] public string? ExternalTransactionId { get; set; }
    [JsonPropertyName("state")] public int State { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("time")] public string? Time { get; set; }
    [JsonPropertyName("service")] public RawTopUpService? Service { get; set; }
    [JsonPropertyName("customer")] public string? Customer { get; set; }
    [JsonPropertyName("account")] public string? Account { get; set; }
    [JsonPropertyName("amount")] public decimal Amount { get; set; }
    [JsonPropertyName("amount_currency")] public string? AmountCurrency { get; set; }
    [JsonPropertyName("price")] public decimal Price { get; set; }
    [JsonPropertyName("price_currency")] public string? PriceCurrency { get; set; }
}

public sealed class RawTopUpService
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class RawCardCheckRequest
{
    [JsonPropertyName("reference_no")] public string? ReferenceNo { get; set; }
}

public sealed class RawTopUpAuth
{
    [JsonPropertyName("id")] public int Id { get; set; }
    [JsonPropertyName("key")] public long Key { get; set; }
    [JsonPropertyName("hash")] public string? Hash { get; set; }
}

public sealed class RawTopUpFindRequest
{
    [JsonPropertyName("auth")] public RawTopUpAuth? Auth { get; set; }
    [JsonPropertyName("external_transaction_id")] public string? ExternalTransactionId { get; set; }
}

[JsonSerializable(typeof(RawCardCheckAnswer))]
[JsonSerializable(typeof(RawTopUpAnswer))]
[JsonSerializable(typeof(RawCardCheckRequest))]
[JsonSerializable(typeof(RawTopUpFindRequest))]
public sealed partial class RawJson : JsonSerializerContext
{
}
