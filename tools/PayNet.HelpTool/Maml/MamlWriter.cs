using System.Text.RegularExpressions;
using System.Xml.Linq;
using PayNet.HelpTool.Markdown;

namespace PayNet.HelpTool.Maml;

/// <summary>
/// Command help markdown to MAML, the XML Get-Help reads for binary cmdlets (PayNet.PowerShell.dll-Help.xml).
/// Element names, order and attributes follow what PlatyPS's New-ExternalHelp writes and what PowerShell's
/// own *.dll-Help.xml files contain.
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MSHelpNs = "http://msdn.microsoft.com/mshelp";

    public static XDocument Build(IEnumerable<CommandHelpDocument> documents) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), documents.Select(CommandElement)));

    public static XElement CommandElement(CommandHelpDocument document)
    {
        string name = document.Name;
        int dash = name.IndexOf('-');
        string verb = dash < 0 ? name : name[..dash];
        string noun = dash < 0 ? "" : name[(dash + 1)..];
        var sets = MamlParameterSets.Resolve(document);

        return new XElement(CommandNs + "command",
            new XAttribute(XNamespace.Xmlns + "maml", MamlNs),
            new XAttribute(XNamespace.Xmlns + "command", CommandNs),
            new XAttribute(XNamespace.Xmlns + "dev", DevNs),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelpNs),
            new XElement(CommandNs + "details",
                new XElement(CommandNs + "name", name),
                new XElement(CommandNs + "verb", verb),
                new XElement(CommandNs + "noun", noun),
                Description(document.SectionText(CommandHelpDocument.Synopsis))),
            Description(document.SectionText(CommandHelpDocument.Description)),
            new XElement(CommandNs + "syntax", sets.Select(set =>
                new XElement(CommandNs + "syntaxItem",
                    new XElement(MamlNs + "name", name),
                    set.Parameters.Select(p => Parameter(p.Doc, p.Yaml, inSyntax: true))))),
            new XElement(CommandNs + "parameters", document.ParameterSection.Parameters
                .Where(p => p.Yaml.Count > 0)
                .Select(p => Parameter(p, p.Yaml[0], inSyntax: false))),
            new XElement(CommandNs + "inputTypes", document.InputEntries.Select(i => TypedEntry("inputType", i))),
            new XElement(CommandNs + "returnValues", document.OutputEntries.Select(o => TypedEntry("returnValue", o))),
            new XElement(MamlNs + "alertSet", new XElement(MamlNs + "alert", Paragraphs(document.SectionText(CommandHelpDocument.Notes)))),
            new XElement(CommandNs + "examples", document.ExampleEntries.Select(Example)),
            new XElement(CommandNs + "relatedLinks", Links(document)));
    }

    private static XElement Description(string markdown) => new(MamlNs + "description", Paragraphs(markdown));

    private static IEnumerable<XElement> Paragraphs(string markdown) =>
        MarkdownProse.ToParagraphs(markdown).Select(p => new XElement(MamlNs + "para", p));

    private static XElement Parameter(ParameterDoc parameter, ParameterYaml yaml, bool inSyntax)
    {
        string type = yaml.Type?.Trim() ?? "";
        bool isSwitch = type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase)
            || type.Equals("System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);
        string defaultValue = yaml.DefaultValue is { Length: > 0 } d ? d : "None";
        if (isSwitch && defaultValue.Equals("None", StringComparison.OrdinalIgnoreCase)) defaultValue = "False";
        var aliases = yaml.Aliases;

        return new XElement(CommandNs + "parameter",
            new XAttribute("required", yaml.IsRequired ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", yaml.AcceptsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", yaml.PipelineInput is { Length: > 0 } pipeline ? pipeline : "False"),
            new XAttribute("position", (yaml.Position is { Length: > 0 } position ? position : "named").ToLowerInvariant()),
            new XAttribute("aliases", aliases.Count > 0 ? string.Join(", ", aliases) : "none"),
            new XElement(MamlNs + "name", parameter.Name),
            Description(parameter.Description),
            inSyntax && yaml.AcceptedValues.Count > 0
                ? new XElement(CommandNs + "parameterValueGroup", yaml.AcceptedValues.Select(v =>
                    new XElement(CommandNs + "parameterValue", new XAttribute("required", "false"), new XAttribute(CommandNs + "variableLength", "false"), v)))
                : null,
            // A switch takes no value, so the syntax shows none for it.
            !inSyntax || !isSwitch
                ? new XElement(CommandNs + "parameterValue", new XAttribute("required", isSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), type)
                : null,
            new XElement(DevNs + "type", new XElement(MamlNs + "name", type), new XElement(MamlNs + "uri")),
            new XElement(DevNs + "defaultValue", defaultValue));
    }

    private static XElement TypedEntry(string elementName, TypedEntry entry) =>
        new(CommandNs + elementName,
            new XElement(DevNs + "type", new XElement(MamlNs + "name", entry.TypeName)),
            Description(entry.Description));

    private static XElement Example(ExampleDoc example)
    {
        string code = string.Join("\n\n", example.Code.Select(c => c.Code));
        // PlatyPS drops an example's introduction; Get-Help readers need it, so it leads the remarks.
        var remarks = MarkdownProse.ToParagraphs(example.Introduction).Concat(MarkdownProse.ToParagraphs(example.Remarks));
        return new XElement(CommandNs + "example",
            new XElement(MamlNs + "title", PadExampleTitle(example.Title)),
            new XElement(DevNs + "code", code),
            new XElement(DevNs + "remarks", remarks.Select(p => new XElement(MamlNs + "para", p))));
    }

    private static IEnumerable<XElement> Links(CommandHelpDocument document)
    {
        var links = document.LinkEntries.ToList();
        string? online = document.GetFrontMatter("online version");
        if (!string.IsNullOrWhiteSpace(online) && IsAbsolute(online) && !links.Any(l => l.Uri == online))
            links.Insert(0, new LinkDoc("Online Version:", online));
        // Get-Help rejects relative addresses (links between markdown files), so those keep only their text.
        return links.Select(l => new XElement(MamlNs + "navigationLink",
            new XElement(MamlNs + "linkText", l.Text),
            new XElement(MamlNs + "uri", l.Uri is not null && IsAbsolute(l.Uri) ? l.Uri : "")));
    }

    private static bool IsAbsolute(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https";

    /// <summary>"-------- Example 1: Title --------", 64 wide, the way Get-Help has always shown example titles.</summary>
    public static string PadExampleTitle(string title)
    {
        title = title.Trim();
        if (title.Length == 0 || title.Length >= 62) return title;
        int pad = (64 - title.Length - 2) / 2;
        string dashes = new('-', pad);
        return $"{dashes} {title} {dashes}";
    }
}

/// <summary>Parameter sets of a markdown command: names from SYNTAX headings (or yaml), parameters in syntax order.</summary>
internal static class MamlParameterSets
{
    public sealed record SetParameter(ParameterDoc Doc, ParameterYaml Yaml);

    public sealed record Set(string? Name, IReadOnlyList<SetParameter> Parameters);

    public static IReadOnlyList<Set> Resolve(CommandHelpDocument document)
    {
        var syntax = document.SyntaxEntries;
        var parameters = document.ParameterSection.Parameters.Where(p => p.Yaml.Count > 0).ToList();
        var names = syntax.Select(e => e.SetName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
            names = parameters.SelectMany(p => p.Yaml).SelectMany(y => y.ParameterSets ?? Array.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count <= 1)
            return new[] { new Set(names.FirstOrDefault(), Order(parameters.Select(p => new SetParameter(p, p.Yaml[0])), syntax.FirstOrDefault()?.Code)) };

        return names.Select(name =>
        {
            var members = parameters
                .Select(p => new SetParameter(p, p.Yaml.FirstOrDefault(y => y.ParameterSets is null || y.ParameterSets.Contains(name, StringComparer.OrdinalIgnoreCase))!))
                .Where(m => m.Yaml is not null);
            string? code = syntax.FirstOrDefault(e => string.Equals(e.SetName, name, StringComparison.OrdinalIgnoreCase))?.Code;
            return new Set(name, Order(members, code));
        }).ToList();
    }

    /// <summary>The order the SYNTAX line shows (positional first, as PowerShell prints it); unknown ones last.</summary>
    private static IReadOnlyList<SetParameter> Order(IEnumerable<SetParameter> members, string? syntaxCode)
    {
        int IndexIn(string name)
        {
            if (syntaxCode is null) return int.MaxValue;
            var match = Regex.Match(syntaxCode, $@"(?<![\w-])-{Regex.Escape(name)}(?![\w-])", RegexOptions.IgnoreCase);
            return match.Success ? match.Index : int.MaxValue;
        }
        return members.Select((m, i) => (m, i)).OrderBy(x => IndexIn(x.m.Doc.Name)).ThenBy(x => x.i).Select(x => x.m).ToList();
    }
}
