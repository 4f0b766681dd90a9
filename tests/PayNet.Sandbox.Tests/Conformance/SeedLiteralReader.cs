using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Tests.Conformance;

/// <summary>
/// Reads the request bodies of the providers' code samples: JavaScript object literals, PHP arrays and Python
/// dicts (JSON is a subset of all three). Literal strings, numbers, booleans and nulls become JSON; anything
/// else (<c>$key</c>, <c>md5(123 . $token . $key)</c>, a JavaScript shorthand property such as <c>key</c>) is
/// kept as an <see cref="Expression"/> marker, which only the credentials may be (the test replaces them).
/// </summary>
public sealed class SeedLiteralReader
{
    public const string ExpressionPrefix = "\u0000expr:";

    private readonly string _s;
    private int _i;

    private SeedLiteralReader(string text, int start)
    {
        _s = text;
        _i = start;
    }

    /// <summary>The literal that starts at <paramref name="start"/> (a '{' or '['), and where it ends.</summary>
    public static (JsonNode? Value, int End) Read(string text, int start)
    {
        var reader = new SeedLiteralReader(text, start);
        var value = reader.Value();
        return (value, reader._i);
    }

    public static bool IsExpression(JsonNode? node, out string text)
    {
        text = "";
        if (node is JsonValue v && v.TryGetValue(out string? s) && s.StartsWith(ExpressionPrefix, StringComparison.Ordinal))
        {
            text = s[ExpressionPrefix.Length..];
            return true;
        }
        return false;
    }

    private static JsonNode Expression(string text) => JsonValue.Create(ExpressionPrefix + text.Trim());

    private JsonNode? Value()
    {
        SkipSpace();
        char c = _s[_i];
        if (c == '{') return Object();
        if (c == '[') return ArrayOrMap();
        int start = _i;
        JsonNode? literal = null;
        if (c is '\'' or '"') literal = JsonValue.Create(QuotedString());
        else if (char.IsAsciiDigit(c) || (c == '-' && _i + 1 < _s.Length && char.IsAsciiDigit(_s[_i + 1]))) literal = Number();
        else if (Word() is { } word)
        {
            literal = word switch
            {
                "true" or "True" => JsonValue.Create(true),
                "false" or "False" => JsonValue.Create(false),
                "null" or "None" => null,
                _ => Expression(word),
            };
            if (literal is not null && SeedLiteralReader.IsExpression(literal, out _)) { _i = start; return ReadExpression(); }
            if (literal is null && AtValueEnd()) return null;
        }
        if (AtValueEnd()) return literal;
        // Not a plain literal after all (e.g. `123 . $token`, `time() * 1000`): the whole thing is an expression.
        _i = start;
        return ReadExpression();
    }

    private JsonObject Object()
    {
        var result = new JsonObject();
        _i++; // {
        while (true)
        {
            SkipSpace();
            if (_s[_i] == '}') { _i++; return result; }
            string key = _s[_i] is '\'' or '"' ? QuotedString() : Word() ?? throw Fail("a property name");
            SkipSpace();
            JsonNode? value;
            if (_s[_i] == ':') { _i++; value = Value(); }
            else if (Starts("=>")) { _i += 2; value = Value(); }
            else value = Expression(key); // JavaScript shorthand: { key, hash }
            result[key] = value;
            SkipSpace();
            if (_s[_i] == ',') _i++;
        }
    }

    /// <summary>A JSON/JavaScript/Python list, or a PHP array, which is a map when its items have keys.</summary>
    private JsonNode ArrayOrMap()
    {
        var items = new List<(string? Key, JsonNode? Value)>();
        _i++; // [
        while (true)
        {
            SkipSpace();
            if (_s[_i] == ']') { _i++; break; }
            var first = Value();
            SkipSpace();
            if (Starts("=>"))
            {
                _i += 2;
                string key = first is JsonValue k ? (k.TryGetValue(out string? text) ? text : k.ToJsonString()) : throw Fail("a PHP array key");
                items.Add((key, Value()));
            }
            else items.Add((null, first));
            SkipSpace();
            if (_s[_i] == ',') _i++;
        }
        if (items.Any(item => item.Key is not null))
        {
            var map = new JsonObject();
            foreach (var (key, value) in items) map[key ?? map.Count.ToString(CultureInfo.InvariantCulture)] = value;
            return map;
        }
        return new JsonArray(items.Select(item => item.Value).ToArray());
    }

    private JsonNode ReadExpression()
    {
        int start = _i, depth = 0;
        while (_i < _s.Length)
        {
            char c = _s[_i];
            if (c is '\'' or '"' or '`') { SkipQuoted(c); continue; }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0) break;
                depth--;
            }
            else if (c == ',' && depth == 0) break;
            _i++;
        }
        return Expression(_s[start.._i]);
    }

    private bool AtValueEnd()
    {
        int save = _i;
        SkipSpace();
        bool end = _i >= _s.Length || _s[_i] is ',' or '}' or ']' or ')' || Starts("=>");
        _i = save;
        return end;
    }

    private JsonNode Number()
    {
        int start = _i;
        if (_s[_i] == '-') _i++;
        while (_i < _s.Length && (char.IsAsciiDigit(_s[_i]) || _s[_i] is '.' or 'e' or 'E')) _i++;
        return JsonNode.Parse(_s[start.._i])!;
    }

    private string? Word()
    {
        int start = _i;
        while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] is '_' or '$')) _i++;
        return _i > start ? _s[start.._i] : null;
    }

    private string QuotedString()
    {
        char quote = _s[_i++];
        var text = new StringBuilder();
        while (_s[_i] != quote)
        {
            char c = _s[_i++];
            if (c == '\\')
            {
                char next = _s[_i++];
                text.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
            }
            else text.Append(c);
        }
        _i++;
        return text.ToString();
    }

    private void SkipQuoted(char quote)
    {
        _i++;
        while (_i < _s.Length && _s[_i] != quote) _i += _s[_i] == '\\' ? 2 : 1;
        _i++;
    }

    private void SkipSpace()
    {
        while (_i < _s.Length)
        {
            if (char.IsWhiteSpace(_s[_i])) _i++;
            else if (Starts("//")) while (_i < _s.Length && _s[_i] != '\n') _i++;
            else break;
        }
    }

    private bool Starts(string token) => string.CompareOrdinal(_s, _i, token, 0, token.Length) == 0;

    private FormatException Fail(string what) =>
        new($"Expected {what} at offset {_i}: '{_s.Substring(_i, Math.Min(40, _s.Length - _i))}'");
}
