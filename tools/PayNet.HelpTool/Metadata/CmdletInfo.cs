namespace PayNet.HelpTool.Metadata;

/// <summary>What Get-Command would say about one compiled cmdlet, in the terms PlatyPS documents it with.</summary>
public sealed record CmdletInfo(
    string Name,
    string Verb,
    string Noun,
    string? DefaultParameterSetName,
    IReadOnlyList<ParameterSetInfo> ParameterSets,
    IReadOnlyList<CmdletParameterInfo> Parameters,
    bool SupportsShouldProcess,
    bool SupportsPaging,
    IReadOnlyList<string> OutputTypes)
{
    public bool HasSingleParameterSet => ParameterSets.Count == 1;

    public CmdletParameterInfo? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}

/// <summary>A parameter set with its parameters in Get-Command -Syntax order.</summary>
public sealed record ParameterSetInfo(string Name, bool IsDefault, IReadOnlyList<CmdletParameterInfo> Parameters);

public sealed record CmdletParameterInfo(
    string Name,
    string TypeName,
    string FullTypeName,
    bool IsSwitch,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool SupportsWildcards,
    IReadOnlyDictionary<string, ParameterSetBinding> Bindings,
    ParameterOrigin Origin,
    string? HelpMessage = null)
{
    public bool AcceptsPipelineInput => Bindings.Values.Any(b => b.ValueFromPipeline || b.ValueFromPipelineByPropertyName);

    public override string ToString() => Name;
}

/// <summary>Where a parameter comes from: the cmdlet class, or what PowerShell adds for SupportsShouldProcess/SupportsPaging.</summary>
public enum ParameterOrigin
{
    Declared,
    ShouldProcess,
    Paging,
}

/// <summary>How a parameter binds in one parameter set.</summary>
public sealed record ParameterSetBinding(bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName)
{
    public static readonly ParameterSetBinding Optional = new(false, null, false, false);

    /// <summary>"Named" or the position number, as PlatyPS writes it.</summary>
    public string PositionText => Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named";

    public string RequiredText => Mandatory ? "True" : "False";

    public string PipelineInputText => PipelineInput.Format(ValueFromPipeline, ValueFromPipelineByPropertyName);
}

public static class PipelineInput
{
    public static string Format(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    /// <summary>
    /// Reads any spelling PlatyPS versions have written ("True (ByPropertyName, ByValue)", "true (ByValue)",
    /// "False"); null when the text is not a pipeline-input value at all.
    /// </summary>
    public static (bool ByValue, bool ByPropertyName)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string value = text.Trim();
        if (value.StartsWith("false", StringComparison.OrdinalIgnoreCase)) return (false, false);
        if (!value.StartsWith("true", StringComparison.OrdinalIgnoreCase)) return null;
        bool byValue = value.Contains("ByValue", StringComparison.OrdinalIgnoreCase);
        bool byPropertyName = value.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase);
        // A bare "True" is how very old help said "by value".
        return byValue || byPropertyName ? (byValue, byPropertyName) : (true, false);
    }
}
