using System.Text;
using System.Text.RegularExpressions;
using PayNet.HelpTool.Markdown;

namespace PayNet.HelpTool.Maml;

/// <summary>
/// An about_*.md topic as the plain about_*.help.txt Get-Help shows: "TOPIC" and the topic name, section
/// headings in capitals at the margin, text indented four spaces and wrapped at 80 columns (PlatyPS's
/// New-ExternalHelp layout). Tables and code keep their lines.
/// </summary>
public static partial class AboutTopicRenderer
{
    public const int Width = 80;
    private const string Indent = "    ";

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparatorPattern();

    /// <summary>"about_PayNet" for docs/en-US/about_PayNet.help.md or about_PayNet.md.</summary>
    public static string TopicNameFor(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        if (name.EndsWith(".help", StringComparison.OrdinalIgnoreCase)) name = name[..^".help".Length];
        return name.StartsWith("about_", StringComparison.OrdinalIgnoreCase) ? name : "about_" + name;
    }

    public static string Render(string markdown, string topicName)
    {
        var lines = MarkdownBlocks.SplitLines(markdown.TrimStart('\uFEFF'));
        int start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            int end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
            if (end > 0) start = end + 1;
        }
        var blocks = MarkdownBlocks.Parse(lines.Skip(start).ToList()).ToList();
        blocks.RemoveAll(b => b is TextBlock t && t.Lines.All(string.IsNullOrWhiteSpace));

        // PlatyPS 0.14 template: "# Title" then "## about_Name"; later styles use "# about_Name" alone.
        int index = 0;
        if (index < blocks.Count && blocks[index] is HeadingBlock { Level: 1 }) index++;
        if (index < blocks.Count && blocks[index] is HeadingBlock { Level: 2 } lookup && lookup.Text.StartsWith("about_", StringComparison.OrdinalIgnoreCase)) index++;

        var output = new List<string> { "TOPIC", Indent + topicName, "" };
        var headings = blocks.Skip(index).OfType<HeadingBlock>().ToList();
        int sectionLevel = headings.Count == 0 ? 1 : headings.Min(h => h.Level);

        foreach (var block in blocks.Skip(index))
        {
            switch (block)
            {
                case HeadingBlock heading:
                    string title = MarkdownProse.Inline(heading.Text);
                    output.Add(heading.Level == sectionLevel ? title.ToUpperInvariant() : title);
                    break;
                case CodeBlock code:
                    output.AddRange(MarkdownBlocks.SplitLines(code.Code).Select(l => (Indent + l).TrimEnd()));
                    output.Add("");
                    break;
                case TextBlock text:
                    output.AddRange(TextLines(MarkdownBlocks.SplitLines(MarkdownBlocks.TrimBlankLines(text.Lines))));
                    break;
            }
        }

        var sb = new StringBuilder();
        string? previous = null;
        foreach (var line in output)
        {
            if (line.Length == 0 && previous is { Length: 0 }) continue;
            sb.Append(line).Append("\r\n");
            previous = line;
        }
        return sb.ToString().TrimEnd('\r', '\n') + "\r\n";
    }

    private static IEnumerable<string> TextLines(IReadOnlyList<string> lines)
    {
        var output = new List<string>();
        var paragraph = new List<string>();
        var table = new List<string>();
        bool isListItem = false;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                string text = MarkdownProse.Inline(string.Join(" ", paragraph));
                output.AddRange(Wrap(text, Indent, isListItem ? Indent + "  " : Indent));
                paragraph.Clear();
            }
            if (table.Count > 0)
            {
                output.AddRange(Table(table));
                table.Clear();
            }
        }

        foreach (var raw in lines)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                Flush();
                isListItem = false;
                output.Add("");
                continue;
            }
            string line = raw.Trim();
            if (line.StartsWith('|'))
            {
                if (paragraph.Count > 0) Flush();
                table.Add(line);
                continue;
            }
            if (table.Count > 0 || ListItemPattern().IsMatch(raw))
            {
                Flush();
                isListItem = ListItemPattern().IsMatch(raw);
            }
            paragraph.Add(line);
        }
        Flush();
        output.Add("");
        return output;
    }

    /// <summary>A markdown table as aligned columns with a dashed rule under the header.</summary>
    private static IEnumerable<string> Table(IReadOnlyList<string> rows)
    {
        var cells = rows.Where(r => !TableSeparatorPattern().IsMatch(r))
            .Select(r => r.Trim().Trim('|').Split('|').Select(c => MarkdownProse.Inline(c.Trim())).ToList())
            .ToList();
        int columns = cells.Max(c => c.Count);
        var widths = Enumerable.Range(0, columns).Select(i => cells.Max(c => i < c.Count ? c[i].Length : 0)).ToList();
        string Row(IReadOnlyList<string> row) =>
            (Indent + string.Join("  ", Enumerable.Range(0, columns).Select(i => (i < row.Count ? row[i] : "").PadRight(widths[i])))).TrimEnd();
        bool hasHeader = rows.Count > 1 && TableSeparatorPattern().IsMatch(rows[1]);
        for (int i = 0; i < cells.Count; i++)
        {
            yield return Row(cells[i]);
            if (i == 0 && hasHeader) yield return Row(widths.Select(w => new string('-', w)).ToList());
        }
    }

    public static IEnumerable<string> Wrap(string text, string firstIndent, string nextIndent)
    {
        var lines = new List<string>();
        var current = new StringBuilder(firstIndent);
        bool empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && current.Length + 1 + word.Length > Width)
            {
                lines.Add(current.ToString());
                current.Clear().Append(nextIndent);
                empty = true;
            }
            if (!empty) current.Append(' ');
            current.Append(word);
            empty = false;
        }
        if (!empty) lines.Add(current.ToString());
        return lines;
    }
}
