using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PayNet.Sandbox.TopUp;

/// <summary>
/// The body signature of topup.md §2/§12.2: `auth {id, key, hash = md5(id + token + key)}` with a key that must
/// grow strictly per POS. Only a request that authenticates advances the POS's last key.
/// </summary>
public static class TopUpAuth
{
    /// <summary>The authenticated POS, or null (code 1). Call under the state lock.</summary>
    public static TopUpPos? Authenticate(JsonElement body, TopUpState state, TopUpSandboxOptions options)
    {
        if (TopUpFields.Object(body, "auth", out var auth) != FieldStatus.Ok) return null;
        if (TopUpFields.Long(auth, "id", out long id) != FieldStatus.Ok || id is < int.MinValue or > int.MaxValue) return null;
        if (TopUpFields.Long(auth, "key", out long key) != FieldStatus.Ok || key < 0) return null;
        if (!auth.TryGetProperty("hash", out var hashElement) || hashElement.ValueKind != JsonValueKind.String) return null;

        var pos = state.Pos((int)id);
        if (pos is null) return null;

        string expected = Hash(pos.Id, pos.Token, key);
        if (!string.Equals(expected, hashElement.GetString(), StringComparison.OrdinalIgnoreCase)) return null;

        if (pos.LastKey is long last)
        {
            if (options.StrictKeys && key <= last) return null;
            pos.LastKey = Math.Max(last, key);
        }
        else
        {
            pos.LastKey = key;
        }
        return pos;
    }

    /// <summary>Lower-case hex md5 of the decimal id, the token and the decimal key, concatenated.</summary>
    public static string Hash(int posId, string token, long key)
    {
        string text = posId.ToString(CultureInfo.InvariantCulture) + token + key.ToString(CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
