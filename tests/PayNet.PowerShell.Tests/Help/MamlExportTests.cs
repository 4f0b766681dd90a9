using System.Xml.Linq;
using PayNet.HelpTool.Maml;
using PayNet.HelpTool.Markdown;
using static PayNet.HelpTool.Maml.MamlWriter;

namespace PayNet.PowerShell.Tests.Help;

/// <summary>The MAML Get-Help reads, and the about topic text, built from markdown.</summary>
public sealed class MamlExportTests
{
    private static XElement CommandFor(string markdown) =>
        Build(new[] { CommandHelpParser.Parse(markdown) }).Root!.Element(CommandNs + "command")!;

    private static XElement SyntaxParameter(XElement syntaxItem, string name) =>
        syntaxItem.Elements(CommandNs + "parameter").Single(p => (string?)p.Element(MamlNs + "name") == name);

    [Fact]
    public void Command_has_the_elements_of_PowerShells_own_help_in_the_same_order()
    {
        var document = Build(new[] { CommandHelpParser.Parse(HelpSamples.CompletedDoc(HelpSamples.Start)), CommandHelpParser.Parse(HelpSamples.CompletedDoc(HelpSamples.Get)) });
        var reparsed = XDocument.Parse(document.ToString()); // well-formed

        Assert.Empty(MamlValidator.Validate(reparsed));
        Assert.Equal(Msh + "helpItems", reparsed.Root!.Name);
        Assert.Equal(2, reparsed.Root.Elements(CommandNs + "command").Count());
        var command = reparsed.Root.Elements(CommandNs + "command").First();
        Assert.Equal(MamlValidator.CommandChildren, command.Elements().Select(e => e.Name));
        var details = command.Element(CommandNs + "details")!;
        Assert.Equal("Start-HelpSample", (string?)details.Element(CommandNs + "name"));
        Assert.Equal("Start", (string?)details.Element(CommandNs + "verb"));
        Assert.Equal("HelpSample", (string?)details.Element(CommandNs + "noun"));
        Assert.Equal("Does the HelpSample thing.", (string?)details.Element(MamlNs + "description")!.Element(MamlNs + "para"));
    }

    [Fact]
    public void Description_paragraphs_join_soft_line_breaks_and_drop_markdown_emphasis()
    {
        var command = CommandFor(HelpSamples.CompletedDoc(HelpSamples.Start));

        var paragraphs = command.Element(MamlNs + "description")!.Elements(MamlNs + "para").Select(p => p.Value).ToList();

        Assert.Equal(new[] { "The Start-HelpSample cmdlet exists for tests. It has two lines of description." }, paragraphs);
    }

    [Fact]
    public void One_syntax_item_per_parameter_set_with_that_sets_parameters_in_syntax_order()
    {
        var command = CommandFor(HelpSamples.CompletedDoc(HelpSamples.Start));
        var items = command.Element(CommandNs + "syntax")!.Elements(CommandNs + "syntaxItem").ToList();

        Assert.Equal(2, items.Count);
        var byAmount = items[0].Elements(CommandNs + "parameter").Select(p => (string?)p.Element(MamlNs + "name")).ToList();
        Assert.Equal(new[] { "PhoneNumber", "Amount", "Currency", "Reference" }, byAmount.Take(4));
        Assert.Equal(new[] { "WhatIf", "Confirm" }, byAmount.TakeLast(2));
        Assert.DoesNotContain("Quote", byAmount);
        Assert.Equal("true", (string?)SyntaxParameter(items[1], "Reference").Attribute("required"));
        Assert.Equal("false", (string?)SyntaxParameter(items[0], "Reference").Attribute("required"));

        var phone = SyntaxParameter(items[0], "PhoneNumber");
        Assert.Equal("0", (string?)phone.Attribute("position"));
        Assert.Equal("Msisdn, Phone", (string?)phone.Attribute("aliases"));
        Assert.Equal("True (ByPropertyName)", (string?)phone.Attribute("pipelineInput"));
        Assert.Equal("String", (string?)phone.Element(CommandNs + "parameterValue"));

        var currency = SyntaxParameter(items[0], "Currency");
        Assert.Equal(new[] { "EUR", "USD" }, currency.Element(CommandNs + "parameterValueGroup")!.Elements(CommandNs + "parameterValue").Select(v => v.Value));
        Assert.Null(SyntaxParameter(items[0], "NoWait").Element(CommandNs + "parameterValue")); // a switch takes no value
        Assert.Equal("False", (string?)SyntaxParameter(items[0], "NoWait").Element(DevNs + "defaultValue"));
    }

    [Fact]
    public void Parameters_inputs_outputs_notes_examples_and_links_are_all_there()
    {
        string markdown = HelpSamples.CompletedDoc(HelpSamples.Start)
            .Replace("## NOTES\n", "## NOTES\nTop-ups cannot be undone.\n")
            .Replace("## RELATED LINKS\n", "## RELATED LINKS\n\n[Get-HelpSample](Get-HelpSample.md)\n\n[PayNet](https://example.org/paynet)\n")
            .Replace("online version:", "online version: https://example.org/start-helpsample");
        var command = CommandFor(markdown);

        var parameters = command.Element(CommandNs + "parameters")!.Elements(CommandNs + "parameter").ToList();
        Assert.Equal(14, parameters.Count);
        Assert.Equal("The PhoneNumber of the sample.", parameters.Single(p => (string?)p.Element(MamlNs + "name") == "PhoneNumber").Element(MamlNs + "description")!.Value);
        Assert.Equal("Top-ups cannot be undone.", command.Element(MamlNs + "alertSet")!.Element(MamlNs + "alert")!.Element(MamlNs + "para")!.Value);
        Assert.Equal(new[] { "System.String", "PayNet.PowerShell.Tests.Help.SampleQuote" },
            command.Element(CommandNs + "inputTypes")!.Elements().Select(e => e.Element(DevNs + "type")!.Element(MamlNs + "name")!.Value));
        Assert.Equal("PayNet.PowerShell.Tests.Help.SampleReceipt", command.Element(CommandNs + "returnValues")!.Descendants(MamlNs + "name").Single().Value);

        var examples = command.Element(CommandNs + "examples")!.Elements(CommandNs + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("------------------ Example 1: Top up a phone ------------------", examples[0].Element(MamlNs + "title")!.Value);
        Assert.Equal("Start-HelpSample -PhoneNumber 5550100 -Amount 10", examples[0].Element(DevNs + "code")!.Value);
        Assert.Equal("Tops up the phone with 10 EUR.", examples[0].Element(DevNs + "remarks")!.Value);

        var links = command.Element(CommandNs + "relatedLinks")!.Elements(MamlNs + "navigationLink")
            .Select(l => (l.Element(MamlNs + "linkText")!.Value, l.Element(MamlNs + "uri")!.Value)).ToList();
        Assert.Equal(new[] { ("Online Version:", "https://example.org/start-helpsample"), ("Get-HelpSample", ""), ("PayNet", "https://example.org/paynet") }, links);
    }

    [Fact]
    public void The_validator_rejects_MAML_Get_Help_could_not_read()
    {
        var document = Build(new[] { CommandHelpParser.Parse(HelpSamples.CompletedDoc(HelpSamples.Get)) });
        var command = document.Root!.Element(CommandNs + "command")!;
        command.Element(CommandNs + "examples")!.Remove();
        command.Descendants(CommandNs + "parameter").First().Attribute("pipelineInput")!.Remove();

        var problems = MamlValidator.Validate(document);

        Assert.Contains(problems, p => p.Contains("expected details, description, syntax, parameters"));
        Assert.Contains(problems, p => p.Contains("no pipelineInput attribute"));
    }

    [Fact]
    public void Exporting_a_docs_folder_writes_the_dll_help_file_and_about_topics()
    {
        using var docs = new TempDirectory();
        using var output = new TempDirectory();
        docs.Write("Start-HelpSample.md", HelpSamples.CompletedDoc(HelpSamples.Start));
        docs.Write("Get-HelpSample.md", HelpSamples.CompletedDoc(HelpSamples.Get));
        docs.Write("about_HelpSample.help.md", "# about_HelpSample\n\n## Short description\nSamples.\n");

        var result = HelpExporter.Export(docs.Path, output.Path, HelpSamples.Options);

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { output.File("PayNet.PowerShell.dll-Help.xml") }, result.HelpFiles);
        Assert.Equal(new[] { output.File("about_HelpSample.help.txt") }, result.AboutFiles);
        var xml = XDocument.Load(result.HelpFiles[0]);
        Assert.Equal(new[] { "Get-HelpSample", "Start-HelpSample" }, xml.Root!.Elements(CommandNs + "command").Select(c => c.Element(CommandNs + "details")!.Element(CommandNs + "name")!.Value));
        Assert.StartsWith("TOPIC\r\n    about_HelpSample\r\n", File.ReadAllText(result.AboutFiles[0]));
    }

    [Fact]
    public void About_topic_text_has_TOPIC_capital_headings_indented_wrapped_text_code_and_aligned_tables()
    {
        const string markdown = """
            ---
            title: about_PayNet
            ---
            # about_PayNet

            ## Short description
            Move **PayNet** money from PowerShell.

            ## Long description

            Every money movement supports `-WhatIf` and `-Confirm`, and this sentence is long enough to wrap before eighty columns.

            ### Connecting
            - A list item that is long enough to be wrapped onto a second line, indented under its text.
            - Second item.

            ```powershell
            Connect-PayNet -Sandbox
            ```

            | ErrorId | Meaning |
            |---|---|
            | PayNetStateUnknown | See [Get-PayNetTransaction](Get-PayNetTransaction.md). |
            """;

        string text = AboutTopicRenderer.Render(markdown, "about_PayNet");
        var lines = text.Split("\r\n");

        Assert.Equal(new[] { "TOPIC", "    about_PayNet", "", "SHORT DESCRIPTION", "    Move PayNet money from PowerShell.", "", "LONG DESCRIPTION" }, lines.Take(7));
        Assert.All(lines, l => Assert.True(l.Length <= AboutTopicRenderer.Width, l));
        Assert.Contains("Connecting", lines);
        Assert.Contains("    - Second item.", lines);
        Assert.Contains(lines, l => l.StartsWith("      ", StringComparison.Ordinal) && !l.Contains('|')); // list continuation
        Assert.Contains("    Connect-PayNet -Sandbox", lines);
        Assert.Contains("    ErrorId             Meaning", lines);
        Assert.Contains("    ------------------  " + new string('-', "See Get-PayNetTransaction.".Length), lines);
        Assert.Contains("    PayNetStateUnknown  See Get-PayNetTransaction.", lines);
        Assert.DoesNotContain("**", text);
        Assert.EndsWith("\r\n", text);
        Assert.Equal("about_PayNet", AboutTopicRenderer.TopicNameFor("docs/en-US/about_PayNet.help.md"));
    }
}
