using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.TopUp;

/// <summary>What a handler answers: a JSON body, or a raw non-JSON body (gateway pages), optionally delayed.</summary>
public sealed record TopUpOutcome(int Status, JsonNode? Json, string? Raw = null, int DelayMs = 0, int? RetryAfterSeconds = null);

/// <summary>The Paynet error codes of topup.md §7.2 with their documented texts.</summary>
public static class TopUpErrors
{
    public const int AuthFailed = 1, BadRequest = 2, PosNotActive = 5, TransactionNotFound = 20,
        ExternalNotFound = 22, NoTransactionInfo = 23, WrongInput = 50, ProviderError = 60,
        ProductUnavailable = 101, DuplicateExternalId = 105, WrongAccount = 201, LimitExceeded = 1000,
        NotEnoughFunds = 1001, CustomerBanned = 1200;

    public static string Message(int code) => code switch
    {
        AuthFailed => "Auth failed",
        BadRequest => "Bad request",
        PosNotActive => "POS sales not active",
        TransactionNotFound => "Transaction not found",
        ExternalNotFound => "External transaction not found",
        NoTransactionInfo => "Could not get transaction info",
        WrongInput => "Wrong input data",
        ProviderError => "Service provider error",
        ProductUnavailable => "Product is not available",
        DuplicateExternalId => "External transaction id already exists",
        WrongAccount => "Wrong account number",
        LimitExceeded => "Transactions limit exceeded",
        NotEnoughFunds => "Not enough funds for this transaction",
        CustomerBanned => "This customer is banned in our system",
        _ => "Error",
    };

    /// <summary>The error envelope `{"error":{code,message,display_error?}}`; a detail follows the documented text.</summary>
    public static JsonObject Envelope(int code, string? detail = null, string? displayError = null) =>
        EnvelopeWithMessage(code, detail is null ? Message(code) : $"{Message(code)}: {detail}", displayError);

    public static JsonObject EnvelopeWithMessage(int code, string message, string? displayError = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (displayError is not null) error["display_error"] = displayError;
        return new JsonObject { ["error"] = error };
    }
}

/// <summary>A parsed, authenticated request as a handler sees it.</summary>
public sealed class TopUpRequest
{
    public required JsonElement Body { get; init; }
    public required TopUpPos Pos { get; init; }
    public required TopUpState State { get; init; }
    public required SandboxOptions Options { get; init; }
    public required SandboxClock Clock { get; init; }
    public required MoneyLedger Ledger { get; init; }
    public required string RootUri { get; init; }

    public TopUpSandboxOptions TopUp => Options.TopUp;

    public TopUpOutcome Ok(JsonNode body) => new(200, body);

    public TopUpOutcome Error(int code, string? detail = null, string? displayError = null) =>
        new(TopUp.ErrorHttpStatus, TopUpErrors.Envelope(code, detail, displayError));

    /// <summary>Now, in the POS's local time, as Paynet prints it.</summary>
    public string Time(DateTimeOffset at) => TopUpFormat.Time(at, TopUp.TimeZoneOffset);
}

public static class TopUpFormat
{
    public static string Time(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>v2 bridge money as a string: "100", "4.56".</summary>
    public static string AmountString(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string PriceString(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Whether a member is absent, present with a usable value, or present with the wrong JSON type.</summary>
public enum FieldStatus { Missing, Ok, WrongType }

/// <summary>Typed reads of request members that tell "absent" from "wrong type" (code 2 either way, with a reason).</summary>
public static class TopUpFields
{
    public static FieldStatus String(JsonElement obj, string name, out string? value)
    {
        value = null;
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
            return FieldStatus.Missing;
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                value = e.GetString();
                return string.IsNullOrEmpty(value) ? FieldStatus.Missing : FieldStatus.Ok;
            case JsonValueKind.Number:
                value = e.GetRawText();
                return FieldStatus.Ok;
            default:
                return FieldStatus.WrongType;
        }
    }

    /// <summary>A number, or a string holding one. An absurd number (beyond decimal) is still WrongType.</summary>
    public static FieldStatus Decimal(JsonElement obj, string name, out decimal value)
    {
        value = 0;
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
            return FieldStatus.Missing;
        if (e.ValueKind == JsonValueKind.Number)
            return e.TryGetDecimal(out value) ? FieldStatus.Ok : FieldStatus.WrongType;
        if (e.ValueKind == JsonValueKind.String)
            return decimal.TryParse(e.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out value) ? FieldStatus.Ok : FieldStatus.WrongType;
        return FieldStatus.WrongType;
    }

    public static FieldStatus Long(JsonElement obj, string name, out long value)
    {
        value = 0;
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
            return FieldStatus.Missing;
        if (e.ValueKind == JsonValueKind.Number)
            return e.TryGetInt64(out value) ? FieldStatus.Ok : FieldStatus.WrongType;
        if (e.ValueKind == JsonValueKind.String)
            return long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) ? FieldStatus.Ok : FieldStatus.WrongType;
        return FieldStatus.WrongType;
    }

    /// <summary>true/false, or the strings "true"/"false" (PHP and form-built bodies send them).</summary>
    public static FieldStatus Bool(JsonElement obj, string name, out bool value)
    {
        value = false;
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
            return FieldStatus.Missing;
        switch (e.ValueKind)
        {
            case JsonValueKind.True: value = true; return FieldStatus.Ok;
            case JsonValueKind.False: return FieldStatus.Ok;
            case JsonValueKind.String when bool.TryParse(e.GetString(), out value): return FieldStatus.Ok;
            default: return FieldStatus.WrongType;
        }
    }

    public static FieldStatus Object(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
            return FieldStatus.Missing;
        if (e.ValueKind != JsonValueKind.Object) return FieldStatus.WrongType;
        value = e;
        return FieldStatus.Ok;
    }
}
