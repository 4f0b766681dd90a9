using System.Text.Json;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// Tenant switches a test can flip at run time through <c>/__sandbox/wallet/switches</c>: login 2FA, the
/// daily call budget, and the answer variants the spec allows (§2.2 <c>statusCode</c>, §10.5 400 for an
/// expired session, §11.10 201/202). They start from the options and return to them on reset.
/// Callers hold <see cref="WalletState.Gate"/>.
/// </summary>
internal sealed class WalletSwitches
{
    public const string ResponseCode = "responseCode";
    public const string StatusCode = "statusCode";

    public bool LoginOtpRequired { get; set; }
    public int RateLimitPerDay { get; set; }
    public bool UseCreatedAccepted { get; set; }
    public string CodeField { get; set; } = ResponseCode;
    public int SessionExpiredStatus { get; set; } = 401;

    public static WalletSwitches From(WalletSandboxOptions options) => new()
    {
        LoginOtpRequired = options.LoginOtpRequired,
        RateLimitPerDay = options.RateLimitPerDay,
        UseCreatedAccepted = options.UseCreatedAccepted,
        CodeField = NormalizeCodeField(options.CodeField) ?? ResponseCode,
        SessionExpiredStatus = options.SessionExpiredStatus is 400 ? 400 : 401,
    };

    /// <summary>Applies the members present in <paramref name="body"/>; anything malformed is refused whole.</summary>
    public void Apply(JsonObject? body)
    {
        if (body is null || body.Count == 0)
            throw WalletErrors.Validation("Send one or more of loginOtpRequired, rateLimitPerDay, useCreatedAccepted, codeField, sessionExpiredStatus");
        bool? loginOtp = Flag(body, "loginOtpRequired");
        bool? createdAccepted = Flag(body, "useCreatedAccepted");
        int? limit = Number(body, "rateLimitPerDay");
        if (limit is < 0) throw WalletErrors.Validation("'rateLimitPerDay' must be 0 or more");
        int? expiredStatus = Number(body, "sessionExpiredStatus");
        if (expiredStatus is not null and not 400 and not 401) throw WalletErrors.Validation("'sessionExpiredStatus' must be 400 or 401");
        string? codeField = null;
        if (body["codeField"] is JsonNode field)
            codeField = NormalizeCodeField(field.ToString()) ?? throw WalletErrors.Validation("'codeField' must be \"responseCode\" or \"statusCode\"");

        if (loginOtp is { } l) LoginOtpRequired = l;
        if (createdAccepted is { } c) UseCreatedAccepted = c;
        if (limit is { } n) RateLimitPerDay = n;
        if (expiredStatus is { } s) SessionExpiredStatus = s;
        if (codeField is not null) CodeField = codeField;
    }

    public object View() => new
    {
        loginOtpRequired = LoginOtpRequired,
        rateLimitPerDay = RateLimitPerDay,
        useCreatedAccepted = UseCreatedAccepted,
        codeField = CodeField,
        sessionExpiredStatus = SessionExpiredStatus,
    };

    /// <summary>201 for a registration, when the tenant answers that way.</summary>
    public int CreatedStatus => UseCreatedAccepted ? 201 : 200;

    /// <summary>202 for a confirm that left its transfer pending (add money awaiting the gateway).</summary>
    public int ConfirmStatus(bool pending) => UseCreatedAccepted && pending ? 202 : 200;

    private static string? NormalizeCodeField(string? value) =>
        string.Equals(value?.Trim(), StatusCode, StringComparison.OrdinalIgnoreCase) ? StatusCode
        : string.Equals(value?.Trim(), ResponseCode, StringComparison.OrdinalIgnoreCase) ? ResponseCode
        : null;

    private static bool? Flag(JsonObject body, string name)
    {
        if (body[name] is not JsonNode node) return null;
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WalletErrors.Validation($"'{name}' must be true or false"),
        };
    }

    private static int? Number(JsonObject body, string name)
    {
        if (body[name] is not JsonNode node) return null;
        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out int value)
            ? value
            : throw WalletErrors.Validation($"'{name}' must be a whole number");
    }
}
