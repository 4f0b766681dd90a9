using System.Text;
using System.Xml;
using System.Xml.Linq;
using PayNet.HelpTool.Markdown;

namespace PayNet.HelpTool.Maml;

public sealed record ExportResult(IReadOnlyList<string> HelpFiles, IReadOnlyList<string> AboutFiles, IReadOnlyList<string> Problems);

/// <summary>New-ExternalHelp without PowerShell: docs/en-US to &lt;dll&gt;-Help.xml and about_*.help.txt.</summary>
public static class HelpExporter
{
    // A BOM, as PlatyPS writes: Windows PowerShell 5.1 reads a BOM-less about_*.help.txt as the ANSI code page.
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static ExportResult Export(string docsFolder, string outputFolder, HelpToolOptions options, bool includeCommands = true, bool includeAbout = true)
    {
        Directory.CreateDirectory(outputFolder);
        var helpFiles = new List<string>();
        var aboutFiles = new List<string>();
        var problems = new List<string>();

        if (includeCommands)
        {
            var documents = DocsFolder.CommandHelpFiles(docsFolder).Select(CommandHelpParser.ParseFile).ToList();
            foreach (var group in documents.GroupBy(d => d.GetFrontMatter("external help file") is { Length: > 0 } f ? f : options.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
            {
                var maml = MamlWriter.Build(group.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase));
                string path = Path.Combine(outputFolder, group.Key);
                WriteXml(maml, path);
                problems.AddRange(MamlValidator.Validate(XDocument.Load(path)).Select(p => $"{Path.GetFileName(path)}: {p}"));
                helpFiles.Add(path);
            }
        }

        if (includeAbout)
        {
            foreach (var about in DocsFolder.AboutTopicFiles(docsFolder))
            {
                string topic = AboutTopicRenderer.TopicNameFor(about);
                string path = Path.Combine(outputFolder, topic + ".help.txt");
                File.WriteAllText(path, AboutTopicRenderer.Render(File.ReadAllText(about), topic), Utf8WithBom);
                aboutFiles.Add(path);
            }
        }
        return new ExportResult(helpFiles, aboutFiles, problems);
    }

    public static void WriteXml(XDocument document, string path)
    {
        var settings = new XmlWriterSettings { Encoding = Utf8WithBom, Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }
}
