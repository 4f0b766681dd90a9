using System.Globalization;
using System.Text;

namespace PayNet.Sandbox.Wallet;

/// <summary>How an endpoint authenticates (§1: some calls need only the apikey).</summary>
internal enum WalletAuth
{
    /// <summary>apikey only: login, registration and its OTP calls.</summary>
    None,
    /// <summary>apikey + Paynet-Session-Token.</summary>
    Session,
    /// <summary>Session token, or HTTP Basic with the current PIN (change PIN, §6.9).</summary>
    SessionOrBasic,
}

internal enum WalletBodyKind { Json, Multipart }

/// <summary>One request as a handler sees it, already past apikey, rate limit and session checks.</summary>
internal sealed class WalletCall
{
    private readonly string? _rawBody;
    private WalletBody? _body;

    public WalletCall(HttpContext http, WalletState state, string? rawBody, IFormCollection? form, string? readProblem)
    {
        Http = http;
        State = state;
        _rawBody = rawBody;
        Form = form;
        ReadProblem = readProblem;
    }

    public HttpContext Http { get; }
    public WalletState State { get; }
    public IFormCollection? Form { get; }
    /// <summary>Why the body could not be read (too large, not multipart...), reported when a handler needs it.</summary>
    public string? ReadProblem { get; }
    public WalletSession? Session { get; set; }
    public WalletMember? Caller { get; set; }
    public DateTimeOffset Now => State.Now;

    public WalletMember Member => Caller ?? throw WalletErrors.SessionExpired();

    /// <summary>Parsed on first use, so a bad body is reported after the session check (§11.6 order).</summary>
    public WalletBody Body => _body ??= ReadProblem is null ? WalletBody.Parse(_rawBody) : throw WalletErrors.Validation(ReadProblem);

    public string? Route(string name) => Http.Request.RouteValues.TryGetValue(name, out var value) ? value?.ToString() : null;

    public long RouteId(string name, string what)
    {
        string? text = Route(name);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return id;
        throw WalletErrors.Validation($"{what} id '{text}' is not a number");
    }

    public string? Query(string name)
    {
        string? value = Http.Request.Query[name];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int QueryInt(string name, int fallback)
    {
        string? text = Query(name);
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        throw WalletErrors.Validation($"'{name}' must be a whole number");
    }

    /// <summary>The Basic header of §1 as (principal, PIN), or null when absent or unreadable.</summary>
    public (string Principal, string Pin)? BasicCredentials()
    {
        string? header = Http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            int colon = decoded.IndexOf(':');
            return colon <= 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
