using System.Text.RegularExpressions;
using PayNet.HelpTool.Markdown;

namespace PayNet.HelpTool.Check;

/// <summary>
/// Layouts this tool reads but platyPS 0.14's New-ExternalHelp rejects ("Expect Heading", "Expect hyperlink"),
/// so that Build-Help.ps1 gives the same result whichever converter a machine has.
/// </summary>
internal static partial class PlatyPSCompatibilityChecks
{
    [GeneratedRegex(@"^\s*\[[^\]]*\]\([^)]*\)\s*$")]
    private static partial Regex LinkLinePattern();

    private static readonly string[] ProseOnlySections = { CommandHelpDocument.Synopsis, CommandHelpDocument.Description, CommandHelpDocument.Notes };

    public static void Check(CommandHelpDocument document, Action<DriftKind, int, string> add)
    {
        foreach (var heading in ProseOnlySections)
        {
            var section = document.Section(heading);
            if (section is null) continue;
            var code = MarkdownBlocks.Parse(section.Body, section.BodyLine).OfType<CodeBlock>().FirstOrDefault();
            if (code is not null)
                add(DriftKind.PlatyPSIncompatible, code.Line, $"{heading} has a code block, which platyPS 0.14 cannot read; move the code into an example");
        }

        foreach (var heading in new[] { CommandHelpDocument.Inputs, CommandHelpDocument.Outputs })
        {
            var section = document.Section(heading);
            if (section is null) continue;
            var code = MarkdownBlocks.Parse(section.Body, section.BodyLine).OfType<CodeBlock>().FirstOrDefault();
            if (code is not null)
                add(DriftKind.PlatyPSIncompatible, code.Line, $"{heading} has a code block, which platyPS 0.14 cannot read");
        }

        foreach (var example in document.ExampleEntries)
        {
            // platyPS 0.14 reads an example as: optional text, one or more code blocks, optional text.
            var shape = example.Body.Where(b => b is not TextBlock t || t.Lines.Any(l => l.Trim().Length > 0))
                .Select(b => b is CodeBlock ? 'C' : 'T');
            string layout = string.Concat(shape);
            if (layout.Contains('C') && !Regex.IsMatch(layout, "^T?C+T?$")) // no code at all is ExampleWithoutCode
                add(DriftKind.PlatyPSIncompatible, example.Line,
                    $"example '{example.Title}' mixes text between code blocks; platyPS 0.14 needs text, then all code blocks, then text");
        }

        var links = document.Section(CommandHelpDocument.RelatedLinks);
        if (links is not null)
        {
            var lines = MarkdownBlocks.SplitLines(links.Body);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0 || LinkLinePattern().IsMatch(lines[i])) continue;
                add(DriftKind.PlatyPSIncompatible, links.BodyLine + i, $"RELATED LINKS line is not a [text](address) link, which platyPS 0.14 rejects: {lines[i].Trim()}");
            }
        }
    }
}
