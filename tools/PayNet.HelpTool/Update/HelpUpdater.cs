using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;

namespace PayNet.HelpTool.Update;

/// <summary>
/// PlatyPS's New-MarkdownHelp and Update-MarkdownHelp: skeletons for new cmdlets, and for existing files a
/// fresh SYNTAX and fresh parameter yaml from the compiled cmdlet, with every hand-written word kept.
/// </summary>
public static class HelpUpdater
{
    public const string SynopsisPlaceholder = "{{ Fill in the Synopsis }}";
    public const string DescriptionPlaceholder = "{{ Fill in the Description }}";
    public const string ExamplePlaceholder = "### Example 1\n```powershell\nPS C:\\> {{ Add example code here }}\n```\n\n{{ Add example description here }}";

    public static string ParameterPlaceholder(string name) => $"{{{{ Fill {name} Description }}}}";

    // PlatyPS's own wording for the parameters PowerShell adds.
    private static readonly Dictionary<string, string> WellKnownDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
        ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
        ["Skip"] = "Ignores the specified number of objects and then gets the remaining objects. Enter the number of objects to skip.",
        ["First"] = "Gets only the specified number of objects. Enter the number of objects to get.",
        ["IncludeTotalCount"] = "Reports the total number of objects in the data set (an integer) followed by the selected objects. " +
            "If the cmdlet cannot determine the total count, it displays \"Unknown total count.\" The integer has an Accuracy property " +
            "that indicates the reliability of the total count value. The value of Accuracy ranges from 0.0 to 1.0 where 0.0 means that " +
            "the cmdlet could not count the objects, 1.0 means that the count is exact, and a value between 0.0 and 1.0 indicates an " +
            "increasingly reliable estimate.",
    };

    // PlatyPS sorts parameters alphabetically but keeps these, in this order, at the end.
    private static readonly string[] TailParameters = { "Confirm", "WhatIf", "IncludeTotalCount", "Skip", "First" };

    public static CommandHelpDocument CreateSkeleton(CmdletInfo cmdlet, HelpToolOptions options)
    {
        var document = new CommandHelpDocument { HasFrontMatter = true, Name = cmdlet.Name };
        document.FrontMatter.Add(new("external help file", options.ExternalHelpFile));
        document.FrontMatter.Add(new("Module Name", options.ModuleName));
        document.FrontMatter.Add(new("online version", ""));
        document.FrontMatter.Add(new("schema", "2.0.0"));
        return Update(cmdlet, document, options);
    }

    /// <summary>Brings <paramref name="document"/> in line with <paramref name="cmdlet"/> in place and returns it.</summary>
    public static CommandHelpDocument Update(CmdletInfo cmdlet, CommandHelpDocument document, HelpToolOptions options)
    {
        if (!document.HasFrontMatter)
        {
            document.HasFrontMatter = true;
            document.FrontMatter.Insert(0, new("external help file", options.ExternalHelpFile));
            document.FrontMatter.Insert(1, new("Module Name", options.ModuleName));
            document.FrontMatter.Insert(2, new("online version", ""));
        }
        document.SetFrontMatter("external help file", options.ExternalHelpFile);
        document.SetFrontMatter("Module Name", options.ModuleName);
        document.SetFrontMatter("schema", "2.0.0");
        document.Name = cmdlet.Name;

        EnsureSection(document, CommandHelpDocument.Synopsis, SynopsisPlaceholder, blankAfterHeading: false);
        document.SetSection(CommandHelpDocument.Syntax, RenderSyntax(cmdlet), blankAfterHeading: true);
        EnsureSection(document, CommandHelpDocument.Description, DescriptionPlaceholder, blankAfterHeading: false);
        EnsureSection(document, CommandHelpDocument.Examples, ExamplePlaceholder, blankAfterHeading: true);
        var parameters = BuildParameters(cmdlet, document.Section(CommandHelpDocument.Parameters) is null ? null : document.ParameterSection);
        document.SetSection(CommandHelpDocument.Parameters, CommandHelpWriter.RenderParameters(parameters), blankAfterHeading: true);
        EnsureSection(document, CommandHelpDocument.Inputs, RenderTypes(InputTypes(cmdlet)), blankAfterHeading: true);
        EnsureSection(document, CommandHelpDocument.Outputs, RenderTypes(cmdlet.OutputTypes.Count > 0 ? cmdlet.OutputTypes : new[] { "System.Object" }), blankAfterHeading: true);
        EnsureSection(document, CommandHelpDocument.Notes, "", blankAfterHeading: false);
        EnsureSection(document, CommandHelpDocument.RelatedLinks, "", blankAfterHeading: false);
        return document;
    }

    public static string RenderSyntax(CmdletInfo cmdlet) =>
        CommandHelpWriter.RenderSyntax(cmdlet.ParameterSets.Select(set =>
            (cmdlet.HasSingleParameterSet ? null : set.Name + (set.IsDefault ? SectionParsers.DefaultSetSuffix : ""),
             SyntaxFormatter.Format(cmdlet, set))));

    public static ParametersSection BuildParameters(CmdletInfo cmdlet, ParametersSection? existing)
    {
        var section = new ParametersSection { Intro = existing?.Intro ?? "", HasCommonParameters = true };
        foreach (var parameter in DocumentationOrder(cmdlet.Parameters))
        {
            var old = existing?.Find(parameter.Name);
            var doc = new ParameterDoc
            {
                Name = parameter.Name,
                Description = old?.Description ?? DefaultDescription(parameter),
                BlankAfterHeading = old?.BlankAfterHeading ?? false,
                Trailing = old?.Trailing ?? "",
            };
            doc.Yaml.AddRange(YamlBlocks(cmdlet, parameter, old));
            section.Parameters.Add(doc);
        }
        return section;
    }

    public static IEnumerable<CmdletParameterInfo> DocumentationOrder(IEnumerable<CmdletParameterInfo> parameters)
    {
        var list = parameters.ToList();
        var tail = TailParameters.Select(n => list.FirstOrDefault(p => p.Origin != ParameterOrigin.Declared && p.Name == n)).OfType<CmdletParameterInfo>().ToList();
        return list.Except(tail).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Concat(tail);
    }

    /// <summary>
    /// One block per distinct binding (Required, Position, pipeline input), naming its parameter sets, or "(All)"
    /// when it covers every set of the command, exactly as PlatyPS groups them.
    /// </summary>
    public static IEnumerable<ParameterYaml> YamlBlocks(CmdletInfo cmdlet, CmdletParameterInfo parameter, ParameterDoc? old)
    {
        var groups = new List<(ParameterSetBinding Binding, List<string> Sets)>();
        foreach (var set in cmdlet.ParameterSets)
        {
            if (!parameter.Bindings.TryGetValue(set.Name, out var binding)) continue;
            var group = groups.FirstOrDefault(g => g.Binding == binding);
            if (group.Sets is null) groups.Add((binding, new List<string> { set.Name }));
            else group.Sets.Add(set.Name);
        }
        foreach (var (binding, sets) in groups)
        {
            string setsText = cmdlet.HasSingleParameterSet || sets.Count == cmdlet.ParameterSets.Count ? ParameterYaml.AllSetsMoniker : string.Join(", ", sets);
            string? defaultValue = old?.Yaml.FirstOrDefault(y => y.ParameterSets is null || y.ParameterSets.Intersect(sets).Any())?.DefaultValue
                ?? old?.Yaml.FirstOrDefault()?.DefaultValue;
            yield return ParameterYaml.Create(parameter, binding, setsText, defaultValue);
        }
    }

    /// <summary>PlatyPS's order: the well-known text, else the parameter's HelpMessage, else a placeholder.</summary>
    public static string DefaultDescription(CmdletParameterInfo parameter) =>
        parameter.Origin != ParameterOrigin.Declared && WellKnownDescriptions.TryGetValue(parameter.Name, out var text) ? text
        : !string.IsNullOrWhiteSpace(parameter.HelpMessage) ? parameter.HelpMessage.Trim()
        : ParameterPlaceholder(parameter.Name);

    /// <summary>PlatyPS lists the types of parameters that take pipeline input, or None.</summary>
    public static IReadOnlyList<string> InputTypes(CmdletInfo cmdlet)
    {
        var types = cmdlet.Parameters.Where(p => p.AcceptsPipelineInput).Select(p => p.FullTypeName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return types.Count > 0 ? types : new List<string> { "None" };
    }

    private static string RenderTypes(IEnumerable<string> types) => string.Join("\n\n", types.Select(t => "### " + t));

    private static void EnsureSection(CommandHelpDocument document, string heading, string body, bool blankAfterHeading)
    {
        if (document.Section(heading) is null) document.SetSection(heading, body, blankAfterHeading);
    }
}
