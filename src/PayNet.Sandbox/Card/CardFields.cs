using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PayNet.Sandbox.Card;

/// <summary>
/// The request's top-level fields, whatever the encoding (JSON or form), matched case-insensitively (card.md
/// §7.1). Scalars keep their text; objects and arrays are remembered as such so a typed read can refuse them.
/// </summary>
public sealed class CardFields
{
    public static readonly CardFields Empty = new(new List<(string, string?, bool)>());

    private readonly List<(string Name, string? Text, bool Complex)> _items;

    private CardFields(List<(string, string?, bool)> items) => _items = items;

    /// <summary>True when the field is absent, null or a scalar; false (with a reason) when it is an object or array.</summary>
    public bool TryText(string name, out string? text, out string? error)
    {
        text = null;
        error = null;
        foreach (var item in _items)
        {
            if (!string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            if (item.Complex)
            {
                error = $"{name} must be a single value";
                return false;
            }
            text = string.IsNullOrEmpty(item.Text) ? null : item.Text;
            return true;
        }
        return true;
    }

    public bool TryInt(string name, out int? value, out string? error)
    {
        value = null;
        if (!TryText(name, out var text, out error)) return false;
        if (text is null) return true;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
        {
            value = parsed;
            return true;
        }
        error = $"{name} must be an integer";
        return false;
    }

    public bool TryBool(string name, out bool? value, out string? error)
    {
        value = null;
        if (!TryText(name, out var text, out error)) return false;
        if (text is null) return true;
        switch (text.ToLowerInvariant())
        {
            case "true" or "1": value = true; return true;
            case "false" or "0": value = false; return true;
        }
        error = $"{name} must be true or false";
        return false;
    }

    public bool TryDecimal(string name, out decimal? value, out string? error)
    {
        value = null;
        if (!TryText(name, out var text, out error)) return false;
        if (text is null) return true;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal parsed))
        {
            value = parsed;
            return true;
        }
        error = $"{name} must be a decimal number";
        return false;
    }

    /// <summary>Parses a JSON object body; null when the body is not a JSON object.</summary>
    public static CardFields? FromJson(ReadOnlySequence<byte> body)
    {
        var items = new List<(string, string?, bool)>(4);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.String: items.Add((name, reader.GetString(), false)); break;
                    case JsonTokenType.Number: items.Add((name, Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan), false)); break;
                    case JsonTokenType.True: items.Add((name, "true", false)); break;
                    case JsonTokenType.False: items.Add((name, "false", false)); break;
                    case JsonTokenType.Null: items.Add((name, null, false)); break;
                    default:
                        items.Add((name, null, true));
                        reader.Skip();
                        break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
        }
        catch (JsonException)
        {
            return null;
        }
        return new CardFields(items);
    }

    public static CardFields FromForm(ReadOnlySequence<byte> body)
    {
        var items = new List<(string, string?, bool)>();
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(body));
        foreach (var (key, values) in form) items.Add((key, values.Count > 0 ? values[^1] : null, false));
        return new CardFields(items);
    }
}
