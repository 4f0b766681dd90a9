using System.Text;

namespace PayNet.HelpTool.Markdown;

/// <summary>Writes a command help file in PlatyPS 0.14's layout (LF line endings, one trailing newline).</summary>
public static class CommandHelpWriter
{
    public const string CommonParametersText =
        "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, " +
        "-InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -Verbose, -WarningAction, and -WarningVariable. " +
        "For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).";

    public static void WriteFile(CommandHelpDocument document, string path) =>
        File.WriteAllText(path, Write(document), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public static string Write(CommandHelpDocument document)
    {
        var sb = new StringBuilder();
        if (document.HasFrontMatter || document.FrontMatter.Count > 0)
        {
            sb.Append("---\n");
            foreach (var (key, value) in document.FrontMatter)
                sb.Append(value.Length == 0 ? $"{key}:\n" : $"{key}: {value}\n");
            sb.Append("---\n\n");
        }
        sb.Append("# ").Append(document.Name).Append("\n\n");
        if (document.Preamble.Length > 0) sb.Append(document.Preamble).Append("\n\n");
        foreach (var section in document.Sections)
        {
            sb.Append("## ").Append(section.Heading).Append('\n');
            if (section.BlankAfterHeading || section.Body.Length == 0) sb.Append('\n');
            if (section.Body.Length > 0) sb.Append(section.Body).Append("\n\n");
        }
        return sb.ToString().TrimEnd('\n', ' ') + "\n";
    }

    public static string RenderSyntax(IEnumerable<(string? Heading, string Code)> entries)
    {
        var parts = entries.Select(e => (e.Heading is null ? "" : $"### {e.Heading}\n") + "```\n" + e.Code + "\n```");
        return string.Join("\n\n", parts);
    }

    public static string RenderParameters(ParametersSection section)
    {
        var parts = new List<string>();
        if (section.Intro.Length > 0) parts.Add(section.Intro);
        foreach (var parameter in section.Parameters)
        {
            var sb = new StringBuilder();
            sb.Append("### -").Append(parameter.Name).Append('\n');
            if (parameter.BlankAfterHeading) sb.Append('\n');
            if (parameter.Description.Length > 0) sb.Append(parameter.Description).Append("\n\n");
            sb.Append(string.Join("\n\n", parameter.Yaml.Select(y => y.ToMarkdown())));
            if (parameter.Trailing.Length > 0) sb.Append("\n\n").Append(parameter.Trailing);
            parts.Add(sb.ToString().TrimEnd('\n'));
        }
        if (section.HasCommonParameters) parts.Add("### CommonParameters\n" + CommonParametersText);
        return string.Join("\n\n", parts);
    }
}
