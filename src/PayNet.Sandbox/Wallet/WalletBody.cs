using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// A JSON request body read the way deployments send it (§1): property names in any case, amounts
/// and ids as numbers or strings, booleans as true/"true". Every misfit becomes a 400 envelope.
/// </summary>
internal sealed class WalletBody
{
    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };
    private readonly JsonObject _root;

    private WalletBody(JsonObject root) => _root = root;

    public static WalletBody Empty => new(new JsonObject(CaseInsensitive));

    public static WalletBody Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        try
        {
            if (JsonNode.Parse(text, CaseInsensitive) is not JsonObject root)
                throw WalletErrors.Validation("The request body must be a JSON object");
            _ = root.Count; // materialises the dictionary, so properties repeated in another case fail here
            return new WalletBody(root);
        }
        catch (JsonException)
        {
            throw WalletErrors.Validation("The request body is not valid JSON");
        }
        catch (ArgumentException)
        {
            throw WalletErrors.Validation("The request body repeats a property");
        }
    }

    public bool Has(string name) => _root.TryGetPropertyValue(name, out var node) && node is not null;

    public JsonNode? Node(string name) => _root.TryGetPropertyValue(name, out var node) ? node : null;

    public string? String(string name)
    {
        var node = Node(name);
        if (node is null) return null;
        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw WalletErrors.Validation($"'{name}' must be a string"),
        };
    }

    public string RequiredString(string name)
    {
        string? value = String(name);
        if (string.IsNullOrWhiteSpace(value)) throw WalletErrors.Validation($"'{name}' is required");
        return value.Trim();
    }

    public long? Long(string name)
    {
        var node = Node(name);
        if (node is null) return null;
        if (TryLong(node, out long value)) return value;
        throw WalletErrors.Validation($"'{name}' must be a whole number");
    }

    public long RequiredLong(string name) => Long(name) ?? throw WalletErrors.Validation($"'{name}' is required");

    public bool? Bool(string name)
    {
        var node = Node(name);
        if (node is null) return null;
        switch (node.GetValueKind())
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String when bool.TryParse(node.GetValue<string>().Trim(), out bool parsed): return parsed;
            default: throw WalletErrors.Validation($"'{name}' must be true or false");
        }
    }

    /// <summary>An amount as decimal, straight from the JSON number or string; never via double.</summary>
    public decimal? Amount(string name = "amount")
    {
        var node = Node(name);
        if (node is null) return null;
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out decimal number)) return number;
        if (node.GetValueKind() == JsonValueKind.String && TryParseDecimal(node.GetValue<string>(), out decimal parsed)) return parsed;
        throw WalletErrors.InvalidAmount($"'{name}' must be a decimal number");
    }

    /// <summary>customValues as the array of {internalName, value} the engine takes, or as a plain map.</summary>
    public Dictionary<string, string> CustomValues()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (Node("customValues"))
        {
            case null:
                return result;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not JsonObject field)
                        throw WalletErrors.Validation("'customValues' must hold objects with internalName and value");
                    var entry = new WalletBody(field);
                    string fieldName = entry.String("internalName") ?? entry.String("fieldId")
                        ?? throw WalletErrors.Validation("Every custom value needs an 'internalName'");
                    result[fieldName] = entry.String("value") ?? "";
                }
                return result;
            case JsonObject map:
                foreach (var (key, _) in map) result[key] = new WalletBody(map).String(key) ?? "";
                return result;
            default:
                throw WalletErrors.Validation("'customValues' must be an array");
        }
    }

    public List<long> LongList(string name)
    {
        if (Node(name) is not JsonArray array) throw WalletErrors.Validation($"'{name}' must be an array of ids");
        var ids = new List<long>();
        foreach (var item in array)
        {
            if (item is null || !TryLong(item, out long id)) throw WalletErrors.Validation($"'{name}' must hold whole numbers");
            ids.Add(id);
        }
        return ids;
    }

    public static bool TryParseDecimal(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static bool TryLong(JsonNode node, out long value)
    {
        value = 0;
        return node.GetValueKind() switch
        {
            JsonValueKind.Number => node.AsValue().TryGetValue(out value),
            JsonValueKind.String => long.TryParse(node.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
