using System.Text.RegularExpressions;
using PayNet.HelpTool.Markdown;

namespace PayNet.HelpTool.Maml;

/// <summary>
/// Markdown prose as Get-Help shows it: paragraphs (soft line breaks become spaces, as PlatyPS does), list
/// items and table rows one per paragraph, links as "text (address)", emphasis markers and escapes removed.
/// </summary>
public static partial class MarkdownProse
{
    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparatorPattern();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<uri>[^)\s]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\*\*(?<text>.+?)\*\*|__(?<text>.+?)__")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!<>|])")]
    private static partial Regex EscapePattern();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    public static IReadOnlyList<string> ToParagraphs(string? markdown)
    {
        var paragraphs = new List<string>();
        if (string.IsNullOrWhiteSpace(markdown)) return paragraphs;
        foreach (var block in MarkdownBlocks.Parse(CommentPattern().Replace(markdown, "")))
        {
            switch (block)
            {
                case HeadingBlock heading:
                    paragraphs.Add(Inline(heading.Text));
                    break;
                case CodeBlock code:
                    paragraphs.AddRange(MarkdownBlocks.SplitLines(code.Code).Select(line => "    " + line.TrimEnd()));
                    break;
                case TextBlock text:
                    paragraphs.AddRange(TextParagraphs(text.Lines));
                    break;
            }
        }
        return paragraphs;
    }

    /// <summary>Lines grouped into paragraphs: blank lines, list items, table rows and hard breaks start a new one.</summary>
    public static IEnumerable<string> TextParagraphs(IEnumerable<string> lines)
    {
        var current = new List<string>();
        var result = new List<string>();
        void Flush()
        {
            if (current.Count > 0) result.Add(Inline(string.Join(" ", current)));
            current.Clear();
        }

        foreach (var raw in lines)
        {
            if (string.IsNullOrWhiteSpace(raw)) { Flush(); continue; }
            string line = raw.Trim();
            if (line.StartsWith('|'))
            {
                Flush();
                if (!TableSeparatorPattern().IsMatch(line)) result.Add(Inline(line));
                continue;
            }
            if (ListItemPattern().IsMatch(raw)) Flush();
            bool hardBreak = raw.EndsWith("  ", StringComparison.Ordinal) || line.EndsWith('\\');
            current.Add(hardBreak ? line.TrimEnd('\\').TrimEnd() : line);
            if (hardBreak) Flush();
        }
        Flush();
        return result;
    }

    /// <summary>Inline markdown to plain text; code spans keep their backticks, which read well at a prompt.</summary>
    public static string Inline(string text)
    {
        text = LinkPattern().Replace(text, m =>
        {
            string label = m.Groups["text"].Value;
            string uri = m.Groups["uri"].Value;
            bool absolute = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == "http" || parsed.Scheme == "https");
            return absolute && label != uri ? $"{label} ({uri})" : label;
        });
        text = BoldPattern().Replace(text, m => m.Groups["text"].Value);
        text = EscapePattern().Replace(text, m => m.Groups["char"].Value);
        return text.Trim();
    }
}
