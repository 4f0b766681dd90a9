using PayNet.HelpTool.Metadata;

namespace PayNet.HelpTool.Markdown;

/// <summary>
/// One ```yaml block under a parameter: flat "Key: value" lines, in the order PlatyPS 0.14 writes them. A
/// parameter whose Required/Position/pipeline input differs between parameter sets has one block per variant.
/// </summary>
public sealed class ParameterYaml
{
    public const string AllSetsMoniker = "(All)";

    public const string TypeKey = "Type";
    public const string ParameterSetsKey = "Parameter Sets";
    public const string AliasesKey = "Aliases";
    public const string AcceptedValuesKey = "Accepted values";
    public const string RequiredKey = "Required";
    public const string PositionKey = "Position";
    public const string DefaultValueKey = "Default value";
    public const string PipelineInputKey = "Accept pipeline input";
    public const string WildcardsKey = "Accept wildcard characters";

    private static readonly string[] IdentityKeys = { TypeKey, ParameterSetsKey, AliasesKey, AcceptedValuesKey };
    private static readonly string[] BindingKeys = { RequiredKey, PositionKey, DefaultValueKey, PipelineInputKey, WildcardsKey };

    private readonly List<KeyValuePair<string, string>> _entries = new();

    public int Line { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    public string? Get(string key)
    {
        foreach (var entry in _entries)
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)) return entry.Value;
        return null;
    }

    public void Set(string key, string value)
    {
        int index = _entries.FindIndex(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
        if (index >= 0) _entries[index] = new(key, value);
        else _entries.Add(new(key, value));
    }

    public string? Type => Get(TypeKey);
    public string? Required => Get(RequiredKey);
    public string? Position => Get(PositionKey);
    public string? DefaultValue => Get(DefaultValueKey);
    public string? PipelineInput => Get(PipelineInputKey);
    public string? Wildcards => Get(WildcardsKey);

    /// <summary>Null means "(All)" or no key: the block applies to every parameter set.</summary>
    public IReadOnlyList<string>? ParameterSets
    {
        get
        {
            var list = SplitList(Get(ParameterSetsKey));
            return list.Count == 0 || list.Any(s => s == AllSetsMoniker) ? null : list;
        }
    }

    public IReadOnlyList<string> Aliases => SplitList(Get(AliasesKey)).Where(a => !a.Equals("None", StringComparison.OrdinalIgnoreCase)).ToList();

    public IReadOnlyList<string> AcceptedValues => SplitList(Get(AcceptedValuesKey));

    public bool IsRequired => string.Equals(Required?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public bool AcceptsWildcards => string.Equals(Wildcards?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Array.Empty<string>()
            : value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    public static ParameterYaml Parse(string code, int line = 0)
    {
        var yaml = new ParameterYaml { Line = line };
        foreach (var raw in MarkdownBlocks.SplitLines(code))
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            int colon = raw.IndexOf(':');
            if (colon <= 0) continue;
            yaml._entries.Add(new(raw[..colon].Trim(), raw[(colon + 1)..].Trim()));
        }
        return yaml;
    }

    /// <summary>The block PlatyPS would write for a parameter in the given sets, keeping an author's default value.</summary>
    public static ParameterYaml Create(CmdletParameterInfo parameter, ParameterSetBinding binding, string parameterSets, string? defaultValue)
    {
        var yaml = new ParameterYaml();
        yaml.Set(TypeKey, parameter.TypeName);
        yaml.Set(ParameterSetsKey, parameterSets);
        yaml.Set(AliasesKey, string.Join(", ", parameter.Aliases));
        if (parameter.AcceptedValues.Count > 0) yaml.Set(AcceptedValuesKey, string.Join(", ", parameter.AcceptedValues));
        yaml.Set(RequiredKey, binding.RequiredText);
        yaml.Set(PositionKey, binding.PositionText);
        yaml.Set(DefaultValueKey, string.IsNullOrWhiteSpace(defaultValue) ? "None" : defaultValue);
        yaml.Set(PipelineInputKey, binding.PipelineInputText);
        yaml.Set(WildcardsKey, parameter.SupportsWildcards ? "True" : "False");
        return yaml;
    }

    /// <summary>PlatyPS layout: identity keys, a blank line, then the binding keys; unknown keys are kept at the end.</summary>
    public string ToMarkdown()
    {
        var lines = new List<string> { "```yaml" };
        void Append(string key)
        {
            string? value = Get(key);
            if (value is not null) lines.Add(value.Length == 0 ? key + ":" : $"{key}: {value}");
        }
        foreach (var key in IdentityKeys) Append(key);
        lines.Add("");
        foreach (var key in BindingKeys) Append(key);
        foreach (var entry in _entries.Where(e => !IdentityKeys.Concat(BindingKeys).Contains(e.Key, StringComparer.OrdinalIgnoreCase)))
            lines.Add(entry.Value.Length == 0 ? entry.Key + ":" : $"{entry.Key}: {entry.Value}");
        lines.Add("```");
        return string.Join("\n", lines);
    }
}
