namespace PayNet.HelpTool.Markdown;

/// <summary>Reads a PlatyPS command help file into sections, keeping each section's markdown verbatim.</summary>
public static class CommandHelpParser
{
    public static CommandHelpDocument ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static CommandHelpDocument Parse(string text, string? sourcePath = null)
    {
        var lines = MarkdownBlocks.SplitLines(text.TrimStart('\uFEFF'));
        var document = new CommandHelpDocument { SourcePath = sourcePath };
        int bodyStart = ReadFrontMatter(lines, document);

        var blocks = MarkdownBlocks.Parse(lines.Skip(bodyStart).ToList(), bodyStart + 1);
        int index = blocks.ToList().FindIndex(b => b is HeadingBlock { Level: 1 });
        if (index < 0) return document;
        document.Name = ((HeadingBlock)blocks[index]).Text;

        var preamble = new List<MarkdownBlock>();
        for (index++; index < blocks.Count && blocks[index] is not HeadingBlock { Level: <= 2 }; index++) preamble.Add(blocks[index]);
        document.Preamble = MarkdownBlocks.ToRaw(preamble);

        while (index < blocks.Count)
        {
            var heading = (HeadingBlock)blocks[index];
            var body = new List<MarkdownBlock>();
            for (index++; index < blocks.Count && blocks[index] is not HeadingBlock { Level: <= 2 }; index++) body.Add(blocks[index]);
            document.Sections.Add(new HelpSection(heading.Text, MarkdownBlocks.ToRaw(body), MarkdownBlocks.StartsWithBlankLine(body), heading.Line));
        }
        return document;
    }

    private static int ReadFrontMatter(string[] lines, CommandHelpDocument document)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---") return 0;
        int end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) return 0;
        document.HasFrontMatter = true;
        for (int i = 1; i < end; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon <= 0) continue;
            document.FrontMatter.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }
        return end + 1;
    }
}
