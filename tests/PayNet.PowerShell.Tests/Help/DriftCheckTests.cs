using PayNet.HelpTool.Check;
using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;

namespace PayNet.PowerShell.Tests.Help;

/// <summary>Each kind of drift between help and the compiled cmdlets is caught, and finished help passes.</summary>
public sealed class DriftCheckTests
{
    private static IReadOnlyList<DriftProblem> CheckText(CmdletInfo cmdlet, string text) =>
        HelpDriftChecker.CheckDocument(cmdlet, CommandHelpParser.Parse(text, cmdlet.Name + ".md"), text, HelpSamples.Options);

    private static IReadOnlyList<DriftKind> Kinds(CmdletInfo cmdlet, string text) => CheckText(cmdlet, text).Select(p => p.Kind).Distinct().ToList();

    [Fact]
    public void Finished_help_for_every_sample_cmdlet_has_no_problems()
    {
        Assert.Empty(CheckText(HelpSamples.Start, HelpSamples.CompletedDoc(HelpSamples.Start)));
        Assert.Empty(CheckText(HelpSamples.Get, HelpSamples.CompletedDoc(HelpSamples.Get)));
    }

    [Fact]
    public void A_missing_help_file_and_a_file_for_a_cmdlet_that_does_not_exist_are_reported()
    {
        using var docs = new TempDirectory();
        docs.Write("Start-HelpSample.md", HelpSamples.CompletedDoc(HelpSamples.Start));
        docs.Write("Stop-HelpSample.md", HelpSamples.CompletedDoc(HelpSamples.Start).Replace("Start-HelpSample", "Stop-HelpSample"));
        docs.Write("about_HelpSample.help.md", "# about_HelpSample\n");

        var problems = HelpDriftChecker.Check(new[] { HelpSamples.Start, HelpSamples.Get }, docs.Path, HelpSamples.Options);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Kind == DriftKind.MissingDoc && p.Command == "Get-HelpSample");
        Assert.Contains(problems, p => p.Kind == DriftKind.OrphanDoc && p.Command == "Stop-HelpSample");
    }

    [Fact]
    public void Added_and_removed_parameters_are_reported()
    {
        var problems = CheckText(HelpSamples.StartV2, HelpSamples.CompletedDoc(HelpSamples.Start));

        Assert.Contains(problems, p => p.Kind == DriftKind.UndocumentedParameter && p.Message.Contains("-Value"));
        Assert.Contains(problems, p => p.Kind == DriftKind.UndocumentedParameter && p.Message.Contains("-Memo"));
        Assert.Contains(problems, p => p.Kind == DriftKind.StaleParameter && p.Message.Contains("-Amount"));
        Assert.Contains(problems, p => p.Kind == DriftKind.StaleParameter && p.Message.Contains("-Tags"));
        Assert.Contains(problems, p => p.Kind == DriftKind.SyntaxOutOfDate);
    }

    [Fact]
    public void Added_and_removed_parameter_sets_and_a_wrong_default_set_are_reported()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Start);

        var renamed = Kinds(HelpSamples.Start, text.Replace("### FromQuote\n", "### FromFile\n"));
        Assert.Contains(DriftKind.UndocumentedParameterSet, renamed);
        Assert.Contains(DriftKind.StaleParameterSet, renamed);

        Assert.Contains(DriftKind.DefaultParameterSetMismatch,
            Kinds(HelpSamples.Start, text.Replace("### ByAmount (Default)\n", "### ByAmount\n").Replace("### FromQuote\n", "### FromQuote (Default)\n")));

        var yamlOnly = CheckText(HelpSamples.Start, text.Replace("Parameter Sets: FromQuote\n", "Parameter Sets: FromFile\n"));
        Assert.Contains(yamlOnly, p => p.Kind == DriftKind.ParameterSetMembershipMismatch && p.Message.Contains("'FromFile'"));
        Assert.Contains(yamlOnly, p => p.Kind == DriftKind.ParameterSetMembershipMismatch && p.Message.Contains("no yaml block covers it"));
    }

    [Fact]
    public void Added_and_removed_aliases_are_reported()
    {
        var problems = CheckText(HelpSamples.Start, HelpSamples.CompletedDoc(HelpSamples.Start).Replace("Aliases: Msisdn, Phone", "Aliases: Msisdn, Mobile"));

        Assert.Contains(problems, p => p.Kind == DriftKind.UndocumentedAlias && p.Message.Contains("'Phone'"));
        Assert.Contains(problems, p => p.Kind == DriftKind.StaleAlias && p.Message.Contains("'Mobile'"));
        Assert.Equal(2, problems.Count);
    }

    [Theory]
    [InlineData("Type: String\nParameter Sets: (All)\nAliases: Msisdn", "Type: Int64\nParameter Sets: (All)\nAliases: Msisdn", DriftKind.TypeMismatch)]
    [InlineData("Aliases: Msisdn, Phone\n\nRequired: True", "Aliases: Msisdn, Phone\n\nRequired: False", DriftKind.RequiredMismatch)]
    [InlineData("Required: True\nPosition: 0", "Required: True\nPosition: Named", DriftKind.PositionMismatch)]
    [InlineData("Accept pipeline input: True (ByPropertyName)", "Accept pipeline input: False", DriftKind.PipelineInputMismatch)]
    [InlineData("Accepted values: EUR, USD", "Accepted values: EUR, USD, GBP", DriftKind.AcceptedValuesMismatch)]
    public void Yaml_that_disagrees_with_the_compiled_parameter_is_reported(string original, string edited, DriftKind expected)
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Start);
        Assert.Contains(original, text);

        var problems = CheckText(HelpSamples.Start, text.Replace(original, edited));

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(expected, p.Kind));
        Assert.All(problems, p => Assert.True(p.Line > 0, "problems point at a line"));
    }

    [Fact]
    public void Either_order_of_ByValue_and_ByPropertyName_is_accepted()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Get);
        Assert.Contains("True (ByValue, ByPropertyName)", text);

        Assert.Empty(CheckText(HelpSamples.Get, text.Replace("True (ByValue, ByPropertyName)", "True (ByPropertyName, ByValue)")));
    }

    [Fact]
    public void A_placeholder_or_empty_synopsis_and_description_are_reported_once_each()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Start)
            .Replace("Does the HelpSample thing.", "{{ Fill in the Synopsis }}")
            .Replace("The **Start-HelpSample** cmdlet exists for tests.\nIt has two lines of description.\n", "");

        var problems = CheckText(HelpSamples.Start, text);

        Assert.Equal(new[] { DriftKind.EmptySynopsis, DriftKind.EmptyDescription }, problems.Select(p => p.Kind));
    }

    [Fact]
    public void Fewer_than_two_examples_and_an_example_without_code_are_reported()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Start);
        string oneExample = text[..text.IndexOf("### Example 2", StringComparison.Ordinal)] + text[text.IndexOf("## PARAMETERS", StringComparison.Ordinal)..];

        Assert.Equal(new[] { DriftKind.TooFewExamples }, Kinds(HelpSamples.Start, oneExample));
        Assert.Equal(new[] { DriftKind.ExampleWithoutCode },
            Kinds(HelpSamples.Start, text.Replace("```powershell\nImport-Csv topups.csv | Start-HelpSample -WhatIf\n```\n", "")));
    }

    [Fact]
    public void Any_placeholder_left_anywhere_is_reported_with_its_line()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Start).Replace("The Pin of the sample.", "{{ Fill Pin Description }}");

        var problem = Assert.Single(CheckText(HelpSamples.Start, text));

        Assert.Equal(DriftKind.Placeholder, problem.Kind);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("{{ Fill Pin Description }}")) + 1, problem.Line);
        Assert.Contains("Start-HelpSample.md:", problem.ToString());
    }

    [Fact]
    public void A_fresh_skeleton_fails_the_check_until_its_prose_is_written()
    {
        var skeleton = HelpSamples.Options;
        string text = PayNet.HelpTool.Markdown.CommandHelpWriter.Write(PayNet.HelpTool.Update.HelpUpdater.CreateSkeleton(HelpSamples.Get, skeleton));

        var kinds = Kinds(HelpSamples.Get, text);

        Assert.Equal(new[] { DriftKind.EmptySynopsis, DriftKind.EmptyDescription, DriftKind.TooFewExamples, DriftKind.Placeholder }, kinds);
    }

    [Fact]
    public void Wrong_front_matter_or_title_is_reported_because_PlatyPS_names_the_MAML_file_after_it()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Get);

        Assert.Equal(new[] { DriftKind.FrontMatter }, Kinds(HelpSamples.Get, text.Replace("external help file: PayNet.PowerShell.dll-Help.xml", "external help file: Other-Help.xml")));
        Assert.Equal(new[] { DriftKind.NameMismatch }, Kinds(HelpSamples.Get, text.Replace("# Get-HelpSample\n", "# Get-Helpsample\n")));
    }

    [Fact]
    public void Layouts_platyPS_0_14_cannot_read_are_reported_so_every_converter_agrees()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Start);

        var codeInDescription = text.Replace("It has two lines of description.", "It has two lines of description.\n\n```powershell\nStart-HelpSample\n```");
        var textBetweenCode = text.Replace("Tops up the phone with 10 EUR.", "Tops up the phone with 10 EUR.\n\n```\nReceipt\n```\n\nMore text.");
        var plainLink = text.Replace("## RELATED LINKS\n", "## RELATED LINKS\n\nSee the wallet docs.\n");

        Assert.Equal(new[] { DriftKind.PlatyPSIncompatible }, Kinds(HelpSamples.Start, codeInDescription));
        Assert.Equal(new[] { DriftKind.PlatyPSIncompatible }, Kinds(HelpSamples.Start, textBetweenCode));
        Assert.Equal(new[] { DriftKind.PlatyPSIncompatible }, Kinds(HelpSamples.Start, plainLink));
        // Several code blocks together, with text before and after, is fine.
        Assert.Empty(CheckText(HelpSamples.Start, text.Replace("Tops up the phone with 10 EUR.", "```\nReceipt\n```\n\nTops up the phone with 10 EUR.")));
    }
}
