using System.Text.RegularExpressions;

namespace PayNet.HelpTool.Markdown;

public abstract record MarkdownBlock(int Line);

public sealed record HeadingBlock(int Line, int Level, string Text) : MarkdownBlock(Line);

public sealed record CodeBlock(int Line, string Language, string Code, string RawText) : MarkdownBlock(Line);

/// <summary>Consecutive non-heading, non-code lines, blank lines included.</summary>
public sealed record TextBlock(int Line, IReadOnlyList<string> Lines) : MarkdownBlock(Line)
{
    public string RawText => string.Join("\n", Lines);
}

/// <summary>
/// Just enough CommonMark for PlatyPS documents: ATX headings, fenced code (``` or ~~~, any length) and
/// everything else as text. A heading inside a fence is code, which is the one thing a naive split gets wrong.
/// </summary>
public static partial class MarkdownBlocks
{
    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:[ \t]+(?<text>.*?))?[ \t]*#*[ \t]*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})[ \t]*(?<info>[^`]*)$")]
    private static partial Regex FenceOpenPattern();

    public static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    public static IReadOnlyList<MarkdownBlock> Parse(string text, int firstLineNumber = 1) => Parse(SplitLines(text), firstLineNumber);

    public static IReadOnlyList<MarkdownBlock> Parse(IReadOnlyList<string> lines, int firstLineNumber = 1)
    {
        var blocks = new List<MarkdownBlock>();
        var text = new List<string>();
        int textStart = 0;

        void FlushText()
        {
            if (text.Count > 0) blocks.Add(new TextBlock(textStart, text.ToList()));
            text.Clear();
        }

        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            int lineNumber = firstLineNumber + i;
            var fence = FenceOpenPattern().Match(line);
            if (fence.Success)
            {
                FlushText();
                string marker = fence.Groups["fence"].Value;
                string language = fence.Groups["info"].Value.Trim().Split(' ', 2)[0];
                var code = new List<string>();
                var raw = new List<string> { line };
                int j = i + 1;
                for (; j < lines.Count; j++)
                {
                    raw.Add(lines[j]);
                    if (IsFenceClose(lines[j], marker)) break;
                    code.Add(lines[j]);
                }
                blocks.Add(new CodeBlock(lineNumber, language, string.Join("\n", code), string.Join("\n", raw)));
                i = j;
                continue;
            }

            var heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                FlushText();
                blocks.Add(new HeadingBlock(lineNumber, heading.Groups["hashes"].Length, heading.Groups["text"].Value.Trim()));
                continue;
            }

            if (text.Count == 0) textStart = lineNumber;
            text.Add(line);
        }
        FlushText();
        return blocks;
    }

    private static bool IsFenceClose(string line, string marker)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= marker.Length && trimmed.All(c => c == marker[0]);
    }

    /// <summary>Markdown source of blocks, as written, without leading or trailing blank lines.</summary>
    public static string ToRaw(IEnumerable<MarkdownBlock> blocks)
    {
        var lines = new List<string>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h: lines.Add(new string('#', h.Level) + (h.Text.Length > 0 ? " " + h.Text : "")); break;
                case CodeBlock c: lines.AddRange(SplitLines(c.RawText)); break;
                case TextBlock t: lines.AddRange(t.Lines); break;
            }
        }
        return TrimBlankLines(lines);
    }

    public static string TrimBlankLines(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        int start = 0, end = list.Count;
        while (start < end && string.IsNullOrWhiteSpace(list[start])) start++;
        while (end > start && string.IsNullOrWhiteSpace(list[end - 1])) end--;
        return string.Join("\n", list.Skip(start).Take(end - start));
    }

    public static string TrimBlankLines(string text) => TrimBlankLines(SplitLines(text));

    /// <summary>True when a block list starts with blank lines, i.e. the author left a blank line under the heading.</summary>
    public static bool StartsWithBlankLine(IReadOnlyList<MarkdownBlock> blocks) =>
        blocks.Count > 0 && blocks[0] is TextBlock t && t.Lines.Count > 0 && string.IsNullOrWhiteSpace(t.Lines[0]);
}
