using System.Text;

namespace PayNet.Sandbox.Card;

/// <summary>
/// card.md §1.1/§7.2: `Authorization: Basic &lt;secret key&gt;`, the raw `sck_…` key, not base64. The live and the
/// test key both open the same data set. `Basic base64(key:)` only with AcceptBase64Basic.
/// </summary>
public static class CardAuth
{
    public static bool IsAuthorized(HttpRequest request, CardSandboxOptions options)
    {
        var values = request.Headers.Authorization;
        if (values.Count != 1) return false;
        ReadOnlySpan<char> header = values[0];
        if (header.Length <= 6 || !header[..6].Equals("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        var credential = header[6..].Trim();
        if (IsKnownKey(credential, options)) return true;
        return options.AcceptBase64Basic && IsBase64Key(credential, options);
    }

    private static bool IsKnownKey(ReadOnlySpan<char> key, CardSandboxOptions options) =>
        (options.SecretKey.Length > 0 && key.SequenceEqual(options.SecretKey)) ||
        (options.TestSecretKey.Length > 0 && key.SequenceEqual(options.TestSecretKey));

    private static bool IsBase64Key(ReadOnlySpan<char> credential, CardSandboxOptions options)
    {
        Span<byte> bytes = stackalloc byte[256];
        if (credential.Length > 340 || !Convert.TryFromBase64Chars(credential, bytes, out int written)) return false;
        string decoded = Encoding.UTF8.GetString(bytes[..written]);
        return IsKnownKey(decoded.EndsWith(':') ? decoded[..^1] : decoded, options);
    }
}
