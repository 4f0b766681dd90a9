using System.Text.Json;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Tests.Conformance;

/// <summary>
/// Compares the shape of two JSON documents: member names and JSON kinds (object, array, string, number,
/// boolean, null), recursively. Array elements are compared with the expected array's first element.
/// </summary>
public static class JsonShape
{
    /// <summary>Every member the expected document shows is in the actual one, with the same kind (extra members allowed).</summary>
    public static List<string> Covers(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, exact: false);

    /// <summary>Same members, same kinds, nothing more and nothing less.</summary>
    public static List<string> Same(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, exact: true);

    /// <summary>Members of the actual document that the expected one does not show (for the test log).</summary>
    public static List<string> Extras(JsonNode? expected, JsonNode? actual)
    {
        var all = Compare(expected, actual, exact: true);
        return all.Where(p => p.EndsWith(": not in the seed", StringComparison.Ordinal)).ToList();
    }

    private static List<string> Compare(JsonNode? expected, JsonNode? actual, bool exact)
    {
        var problems = new List<string>();
        Walk(expected, actual, "$", exact, problems);
        return problems;
    }

    public static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, bool exact, List<string> problems)
    {
        string want = Kind(expected), got = Kind(actual);
        if (want != got)
        {
            problems.Add($"{path}: the seed shows {want}, the answer has {got}");
            return;
        }
        switch (expected)
        {
            case JsonObject e:
                var a = (JsonObject)actual!;
                foreach (var (name, value) in e)
                {
                    if (!a.TryGetPropertyValue(name, out var other)) problems.Add($"{path}.{name}: missing (the seed shows {Kind(value)})");
                    else Walk(value, other, $"{path}.{name}", exact, problems);
                }
                if (exact)
                    foreach (var (name, _) in a)
                        if (!e.ContainsKey(name)) problems.Add($"{path}.{name}: not in the seed");
                break;
            case JsonArray e:
                var items = (JsonArray)actual!;
                if (e.Count == 0)
                {
                    if (exact && items.Count > 0) problems.Add($"{path}: the seed shows an empty array, the answer has {items.Count} item(s)");
                    break;
                }
                if (items.Count == 0)
                {
                    problems.Add($"{path}: the seed shows items, the answer has none");
                    break;
                }
                for (int i = 0; i < items.Count; i++) Walk(e[0], items[i], $"{path}[{i}]", exact, problems);
                break;
        }
    }
}
