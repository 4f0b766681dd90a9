using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PayNet.Sandbox.Wallet;

/// <summary>A refused call. The pipeline turns it into the §2 envelope with status false.</summary>
internal sealed class WalletException : Exception
{
    public WalletException(int httpStatus, string code, string shortMessage, string longMessage, bool sessionExpired = false)
        : base(longMessage)
    {
        HttpStatus = httpStatus;
        Code = code;
        ShortMessage = shortMessage;
        LongMessage = longMessage;
        SessionExpired = sessionExpired;
    }

    public int HttpStatus { get; }
    public string Code { get; }
    public string ShortMessage { get; }
    public string LongMessage { get; }
    public bool SessionExpired { get; }
}

/// <summary>The refusals of §2.5/§11.10, so every endpoint words the same failure the same way.</summary>
internal static class WalletErrors
{
    public static WalletException Validation(string detail) => new(400, "VALIDATION_ERROR", "Validation error", detail);
    public static WalletException InvalidAmount(string detail) => new(400, "INVALID_AMOUNT", "Invalid amount", detail);
    public static WalletException Business(string code, string shortMessage, string detail) => new(400, code, shortMessage, detail);
    public static WalletException MemberNotFound(string detail) => new(404, "MEMBER_NOT_FOUND", "Member not found", detail);
    public static WalletException NotFound(string detail) => new(404, "ENTITY_NOT_FOUND", "Not found", detail);
    public static WalletException InvalidCredentials(string detail = "Invalid username or PIN") => new(401, "INVALID_CREDENTIALS", "Invalid credentials", detail);
    public static WalletException BlockedCredentials() => new(401, "BLOCKED_CREDENTIALS", "Blocked credentials", "Too many wrong PINs; the credentials are blocked");
    public static WalletException InvalidApiKey() => new(401, "INVALID_API_KEY", "Invalid API key", "The apikey header is missing or not known");
    /// <summary>§11.7: the exact body for an expired or unknown token.</summary>
    public static WalletException SessionExpired() => new(401, "SESSION_EXPIRED", "Session expired", "Session expired", sessionExpired: true);
}

/// <summary>One answer of the Wallet API: HTTP status plus the §2 envelope.</summary>
internal sealed class WalletReply
{
    private WalletReply(int httpStatus, Dictionary<string, object?> body)
    {
        HttpStatus = httpStatus;
        Body = body;
    }

    public int HttpStatus { get; }
    public Dictionary<string, object?> Body { get; }

    public static WalletReply Ok(string? payloadKey, object? payload, string message = "Success", int httpStatus = 200)
    {
        var body = Head(true, false, "SUCCESS");
        if (payloadKey is not null && payload is not null)
            body["payload"] = new Dictionary<string, object?> { [payloadKey] = payload };
        body["messages"] = new[] { new WalletMessage(message, message) };
        return new WalletReply(httpStatus, body);
    }

    /// <summary>Login puts the token at the top level, beside the payload (§2.2).</summary>
    public WalletReply WithTopLevel(string key, object value)
    {
        var reordered = new Dictionary<string, object?>();
        foreach (var (k, v) in Body)
        {
            if (k == "payload" || k == "messages") reordered.TryAdd(key, value);
            reordered[k] = v;
        }
        reordered.TryAdd(key, value);
        return new WalletReply(HttpStatus, reordered);
    }

    public static WalletReply Fail(WalletException error)
    {
        var body = Head(false, error.SessionExpired, error.Code);
        body["errors"] = new[] { new WalletMessage(error.ShortMessage, error.LongMessage) };
        return new WalletReply(error.HttpStatus, body);
    }

    private static Dictionary<string, object?> Head(bool status, bool sessionExpired, string code) => new()
    {
        ["status"] = status,
        ["sessionExpired"] = sessionExpired,
        ["failed"] = !status,
        ["responseCode"] = code,
    };

    public async Task WriteAsync(HttpContext http)
    {
        http.Items[WalletPipeline.RepliedKey] = true;
        var (status, body) = WalletAnswerVariants.Apply(http, HttpStatus, Body);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, WalletJson.Options, http.RequestAborted);
    }
}

internal sealed record WalletMessage(string ShortMessage, string LongMessage);

internal static class WalletJson
{
    /// <summary>camelCase, nulls omitted (engine NON_NULL), payload keys kept as written (PascalCase).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Readable "+0000" and apostrophes; the body is JSON for API clients, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new WalletDateConverter() },
    };
}

/// <summary>Jackson's shape: <c>2024-02-18T10:15:30.000+0000</c>, offset without a colon, always UTC.</summary>
internal sealed class WalletDateConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
