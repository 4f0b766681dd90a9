using System.Xml.Linq;
using static PayNet.HelpTool.Maml.MamlWriter;

namespace PayNet.HelpTool.Maml;

/// <summary>
/// The shape Get-Help's MAML reader relies on, as seen in PowerShell's own *.dll-Help.xml files: a helpItems
/// root (schema="maml"), and per command the details, syntax, parameter and example elements in that order.
/// </summary>
public static class MamlValidator
{
    /// <summary>Children of command:command, in the order PowerShell's own help files have them.</summary>
    public static readonly IReadOnlyList<XName> CommandChildren = new[]
    {
        CommandNs + "details", MamlNs + "description", CommandNs + "syntax", CommandNs + "parameters", CommandNs + "inputTypes",
        CommandNs + "returnValues", MamlNs + "alertSet", CommandNs + "examples", CommandNs + "relatedLinks",
    };

    public static readonly IReadOnlyList<string> ParameterAttributes = new[] { "required", "variableLength", "globbing", "pipelineInput", "position", "aliases" };

    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var problems = new List<string>();
        var root = document.Root;
        if (root is null || root.Name != Msh + "helpItems") return new[] { "root element is not {http://msh}helpItems" };
        if ((string?)root.Attribute("schema") != "maml") problems.Add("helpItems lacks schema=\"maml\"");

        foreach (var command in root.Elements(CommandNs + "command"))
        {
            string name = (string?)command.Element(CommandNs + "details")?.Element(CommandNs + "name") ?? "(unnamed)";
            var children = command.Elements().Select(e => e.Name).ToList();
            if (!children.SequenceEqual(CommandChildren))
                problems.Add($"{name}: children are {string.Join(", ", children.Select(c => c.LocalName))}; expected {string.Join(", ", CommandChildren.Select(c => c.LocalName))}");

            var details = command.Element(CommandNs + "details");
            foreach (var part in new[] { CommandNs + "name", CommandNs + "verb", CommandNs + "noun", MamlNs + "description" })
                if (details?.Element(part) is null) problems.Add($"{name}: details lacks {part.LocalName}");

            var syntaxItems = command.Element(CommandNs + "syntax")?.Elements(CommandNs + "syntaxItem").ToList() ?? new();
            if (syntaxItems.Count == 0) problems.Add($"{name}: no syntaxItem");
            foreach (var item in syntaxItems)
                if ((string?)item.Element(MamlNs + "name") != name) problems.Add($"{name}: a syntaxItem is not named after the command");

            var parameters = syntaxItems.SelectMany(i => i.Elements(CommandNs + "parameter"))
                .Concat(command.Element(CommandNs + "parameters")?.Elements(CommandNs + "parameter") ?? Enumerable.Empty<XElement>());
            foreach (var parameter in parameters)
            {
                string parameterName = (string?)parameter.Element(MamlNs + "name") ?? "(unnamed)";
                foreach (var attribute in ParameterAttributes.Where(a => parameter.Attribute(a) is null))
                    problems.Add($"{name} -{parameterName}: no {attribute} attribute");
                if (parameter.Element(DevNs + "type")?.Element(MamlNs + "name") is null)
                    problems.Add($"{name} -{parameterName}: no dev:type/maml:name");
            }

            foreach (var example in command.Element(CommandNs + "examples")?.Elements(CommandNs + "example") ?? Enumerable.Empty<XElement>())
            {
                var parts = example.Elements().Select(e => e.Name).ToList();
                if (!parts.SequenceEqual(new[] { MamlNs + "title", DevNs + "code", DevNs + "remarks" }))
                    problems.Add($"{name}: an example is not title, code, remarks");
            }
        }
        return problems;
    }
}
