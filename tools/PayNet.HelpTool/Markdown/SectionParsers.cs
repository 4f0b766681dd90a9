using System.Text.RegularExpressions;

namespace PayNet.HelpTool.Markdown;

/// <summary>Typed readings of the structured sections (SYNTAX, PARAMETERS, EXAMPLES, INPUTS/OUTPUTS, RELATED LINKS).</summary>
public static partial class SectionParsers
{
    public const string DefaultSetSuffix = " (Default)";

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<uri>[^)\s]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    public static IReadOnlyList<SyntaxEntry> ParseSyntax(HelpSection? section)
    {
        var entries = new List<SyntaxEntry>();
        if (section is null) return entries;
        string? pendingName = null;
        bool pendingDefault = false;
        foreach (var block in MarkdownBlocks.Parse(section.Body, section.BodyLine))
        {
            switch (block)
            {
                case HeadingBlock { Level: 3 } heading:
                    pendingDefault = heading.Text.EndsWith(DefaultSetSuffix, StringComparison.OrdinalIgnoreCase);
                    pendingName = pendingDefault ? heading.Text[..^DefaultSetSuffix.Length].Trim() : heading.Text;
                    break;
                case CodeBlock code:
                    entries.Add(new SyntaxEntry(pendingName, pendingDefault, code.Code, code.Line));
                    pendingName = null;
                    pendingDefault = false;
                    break;
            }
        }
        return entries;
    }

    public static ParametersSection ParseParameters(HelpSection? section)
    {
        var result = new ParametersSection();
        if (section is null) return result;
        var blocks = MarkdownBlocks.Parse(section.Body, section.BodyLine);
        int i = 0;
        var intro = new List<MarkdownBlock>();
        for (; i < blocks.Count && blocks[i] is not HeadingBlock { Level: 3 }; i++) intro.Add(blocks[i]);
        result.Intro = MarkdownBlocks.ToRaw(intro);

        while (i < blocks.Count)
        {
            var heading = (HeadingBlock)blocks[i];
            var body = new List<MarkdownBlock>();
            for (i++; i < blocks.Count && blocks[i] is not HeadingBlock { Level: <= 3 }; i++) body.Add(blocks[i]);

            string name = heading.Text.Trim('<', '>', ' ');
            if (name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                result.HasCommonParameters = true;
                continue;
            }

            var parameter = new ParameterDoc
            {
                Name = name.TrimStart('-'),
                Line = heading.Line,
                BlankAfterHeading = MarkdownBlocks.StartsWithBlankLine(body),
            };
            var description = new List<MarkdownBlock>();
            var trailing = new List<MarkdownBlock>();
            foreach (var block in body)
            {
                if (block is CodeBlock code && code.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase))
                    parameter.Yaml.Add(ParameterYaml.Parse(code.Code, code.Line));
                else if (parameter.Yaml.Count == 0)
                    description.Add(block);
                else
                    trailing.Add(block);
            }
            parameter.Description = MarkdownBlocks.ToRaw(description);
            parameter.Trailing = MarkdownBlocks.ToRaw(trailing);
            result.Parameters.Add(parameter);
        }
        return result;
    }

    public static IReadOnlyList<ExampleDoc> ParseExamples(HelpSection? section)
    {
        var examples = new List<ExampleDoc>();
        if (section is null) return examples;
        var blocks = MarkdownBlocks.Parse(section.Body, section.BodyLine);
        int i = 0;
        while (i < blocks.Count && blocks[i] is not HeadingBlock { Level: 3 }) i++;
        while (i < blocks.Count)
        {
            var heading = (HeadingBlock)blocks[i];
            var body = new List<MarkdownBlock>();
            for (i++; i < blocks.Count && blocks[i] is not HeadingBlock { Level: <= 3 }; i++) body.Add(blocks[i]);
            examples.Add(new ExampleDoc(heading.Text, body, heading.Line));
        }
        return examples;
    }

    public static IReadOnlyList<TypedEntry> ParseTypedEntries(HelpSection? section)
    {
        var entries = new List<TypedEntry>();
        if (section is null) return entries;
        var blocks = MarkdownBlocks.Parse(section.Body, section.BodyLine);
        int i = 0;
        while (i < blocks.Count && blocks[i] is not HeadingBlock { Level: 3 }) i++;
        while (i < blocks.Count)
        {
            var heading = (HeadingBlock)blocks[i];
            var body = new List<MarkdownBlock>();
            for (i++; i < blocks.Count && blocks[i] is not HeadingBlock { Level: <= 3 }; i++) body.Add(blocks[i]);
            entries.Add(new TypedEntry(heading.Text, MarkdownBlocks.ToRaw(body)));
        }
        return entries;
    }

    /// <summary>"[text](uri)" links; a line of plain text is a link without an address, as PlatyPS allows.</summary>
    public static IReadOnlyList<LinkDoc> ParseLinks(HelpSection? section)
    {
        var links = new List<LinkDoc>();
        if (section is null) return links;
        foreach (var line in MarkdownBlocks.SplitLines(section.Body))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var matches = LinkPattern().Matches(line);
            if (matches.Count == 0)
            {
                links.Add(new LinkDoc(line.Trim().TrimStart('-', '*', ' '), null));
                continue;
            }
            foreach (Match match in matches)
            {
                string uri = match.Groups["uri"].Value.Trim();
                links.Add(new LinkDoc(match.Groups["text"].Value.Trim(), uri.Length == 0 ? null : uri));
            }
        }
        return links;
    }
}
