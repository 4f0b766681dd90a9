using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Update;

namespace PayNet.PowerShell.Tests.Help;

/// <summary>The markdown reader/writer and the update command: PlatyPS's layout, and prose is never lost.</summary>
public sealed class MarkdownUpdateTests
{
    [Fact]
    public void Skeleton_has_PlatyPS_front_matter_sections_placeholders_and_syntax_per_set()
    {
        string text = CommandHelpWriter.Write(HelpUpdater.CreateSkeleton(HelpSamples.Start, HelpSamples.Options));

        Assert.StartsWith("---\nexternal help file: PayNet.PowerShell.dll-Help.xml\nModule Name: PayNet\nonline version:\nschema: 2.0.0\n---\n\n# Start-HelpSample\n\n## SYNOPSIS\n{{ Fill in the Synopsis }}\n\n## SYNTAX\n\n### ByAmount (Default)\n```\n", text);
        Assert.Contains("\n### FromQuote\n```\nStart-HelpSample [-PhoneNumber] <String> -Quote <SampleQuote> -Reference <String>", text);
        Assert.Contains("## EXAMPLES\n\n### Example 1\n```powershell\nPS C:\\> {{ Add example code here }}\n```\n\n{{ Add example description here }}\n", text);
        Assert.Contains("### -Amount\n{{ Fill Amount Description }}\n\n```yaml\n", text);
        Assert.Contains("### CommonParameters\nThis cmdlet supports the common parameters: -Debug, -ErrorAction,", text);
        Assert.Contains("## INPUTS\n\n### System.String\n\n### PayNet.PowerShell.Tests.Help.SampleQuote\n\n## OUTPUTS\n\n### PayNet.PowerShell.Tests.Help.SampleReceipt\n\n## NOTES\n\n## RELATED LINKS\n", text);
        Assert.EndsWith("## RELATED LINKS\n", text);
        var headings = text.Split('\n').Where(l => l.StartsWith("## ")).ToList();
        Assert.Equal(CommandHelpDocument.SectionOrder.Select(s => "## " + s), headings);
    }

    [Fact]
    public void Syntax_lines_look_like_Get_Command_Syntax_and_wrap_before_110_columns()
    {
        string syntax = HelpUpdater.RenderSyntax(HelpSamples.Start);

        Assert.Contains("Start-HelpSample [-PhoneNumber] <String> [-Amount] <Decimal> [-Currency <String>] [-Reference <String>]", syntax);
        Assert.Contains(" [-NoWait]", syntax);
        Assert.Contains(" [-WhatIf] [-Confirm] [<CommonParameters>]", syntax);
        Assert.All(syntax.Split('\n'), line => Assert.True(line.Length <= 110, line));
        Assert.Contains("\n [", syntax); // continuation lines start with a space, as PlatyPS writes them

        var get = HelpUpdater.RenderSyntax(HelpSamples.Get);
        Assert.StartsWith("```\nGet-HelpSample [[-Reference] <String[]>] [-From <DateTime>] [-Limit <Int32>] [-Connection <PayNetConnection>]", get);
        Assert.DoesNotContain("###", get); // one parameter set: no heading
    }

    [Fact]
    public void A_HelpMessage_becomes_the_first_description_of_a_new_parameter()
    {
        string text = CommandHelpWriter.Write(HelpUpdater.CreateSkeleton(HelpSamples.Get, HelpSamples.Options));

        Assert.Contains("### -From\nOnly references created on or after this time.\n\n```yaml", text);
    }

    [Fact]
    public void Yaml_groups_parameter_sets_by_binding_as_PlatyPS_does()
    {
        string text = CommandHelpWriter.Write(HelpUpdater.CreateSkeleton(HelpSamples.Start, HelpSamples.Options));

        Assert.Contains("""
            ### -PhoneNumber
            {{ Fill PhoneNumber Description }}

            ```yaml
            Type: String
            Parameter Sets: (All)
            Aliases: Msisdn, Phone

            Required: True
            Position: 0
            Default value: None
            Accept pipeline input: True (ByPropertyName)
            Accept wildcard characters: False
            ```
            """.Replace("\r\n", "\n"), text);
        Assert.Contains("Type: String\nParameter Sets: ByAmount\nAliases:\nAccepted values: EUR, USD\n\nRequired: False", text);
        Assert.Contains("Type: String\nParameter Sets: ByAmount\nAliases:\n\nRequired: False\nPosition: Named", text); // -Reference, optional here
        Assert.Contains("Type: String\nParameter Sets: FromQuote\nAliases:\n\nRequired: True\nPosition: Named", text); // and required there
        Assert.Contains("### -NoWait\n{{ Fill NoWait Description }}", text);
        Assert.Contains("### -WhatIf\nShows what would happen if the cmdlet runs. The cmdlet is not run.\n\n```yaml\nType: SwitchParameter\nParameter Sets: (All)\nAliases: wi\n", text);
    }

    [Fact]
    public void Parameters_are_alphabetical_with_Confirm_WhatIf_and_paging_last()
    {
        var start = CommandHelpParser.Parse(CommandHelpWriter.Write(HelpUpdater.CreateSkeleton(HelpSamples.Start, HelpSamples.Options)));
        Assert.Equal(new[] { "Amount", "Connection", "Credential", "Currency", "NotAfter", "NoWait", "Operator", "PhoneNumber", "Pin", "Quote", "Reference", "Tags", "Confirm", "WhatIf" },
            start.ParameterSection.Parameters.Select(p => p.Name));

        var get = CommandHelpParser.Parse(CommandHelpWriter.Write(HelpUpdater.CreateSkeleton(HelpSamples.Get, HelpSamples.Options)));
        Assert.Equal(new[] { "Connection", "From", "Limit", "Reference", "IncludeTotalCount", "Skip", "First" }, get.ParameterSection.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Writing_a_parsed_file_gives_back_the_same_text()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Start);
        Assert.Equal(text, CommandHelpWriter.Write(CommandHelpParser.Parse(text)));

        // Hand-written layouts survive too: blank lines after headings, code in a parameter description, extra keys.
        string handWritten = text
            .Replace("## SYNOPSIS\n", "## SYNOPSIS\n\n")
            .Replace("### -Amount\nThe Amount of the sample.", "### -Amount\n\nThe amount, in major units:\n\n```powershell\n-Amount 10.50\n```")
            .Replace("schema: 2.0.0", "schema: 2.0.0\nms.date: 01/02/2026");
        Assert.Equal(handWritten, CommandHelpWriter.Write(CommandHelpParser.Parse(handWritten)));
    }

    [Fact]
    public void Headings_inside_code_blocks_are_code_not_sections()
    {
        string text = HelpSamples.CompletedDoc(HelpSamples.Get).Replace(
            "Shows what would be topped up, without moving money.",
            "Output:\n\n```\n## NOT A SECTION\n### Nor an example\n```");

        var document = CommandHelpParser.Parse(text);

        Assert.DoesNotContain(document.Sections, s => s.Heading == "NOT A SECTION");
        Assert.Equal(2, document.ExampleEntries.Count);
        Assert.Contains("## NOT A SECTION", document.ExampleEntries[1].Code[1].Code);
    }

    [Fact]
    public void Update_refreshes_syntax_and_yaml_but_keeps_every_hand_written_word()
    {
        string written = HelpSamples.CompletedDoc(HelpSamples.Start)
            .Replace("The PhoneNumber of the sample.", "The phone to top up, in international format.")
            .Replace("## NOTES\n", "## NOTES\nTop-ups cannot be undone.\n")
            .Replace("## RELATED LINKS\n", "## RELATED LINKS\n\n[Get-HelpSample](Get-HelpSample.md)\n")
            .Replace("Position: 0", "Position: 3")
            .Replace("Aliases: Msisdn, Phone", "Aliases: Mobile");

        var document = HelpUpdater.Update(HelpSamples.StartV2, CommandHelpParser.Parse(written), HelpSamples.Options);
        string updated = CommandHelpWriter.Write(document);

        foreach (var prose in new[] { "Does the HelpSample thing.", "It has two lines of description.", "### Example 2: Top up from a CSV file",
                     "Shows what would be topped up, without moving money.", "The phone to top up, in international format.",
                     "Top-ups cannot be undone.", "[Get-HelpSample](Get-HelpSample.md)", "### PayNet.PowerShell.Tests.Help.SampleReceipt" })
            Assert.Contains(prose, updated);
        Assert.Contains("### -Value\n{{ Fill Value Description }}", updated);
        Assert.Contains("### -Memo\n{{ Fill Memo Description }}", updated);
        Assert.DoesNotContain("### -Amount", updated);
        Assert.DoesNotContain("### -Tags", updated);
        Assert.DoesNotContain("[-Amount]", updated);
        Assert.Contains("[-Value] <Decimal>", updated);
        Assert.Contains("Aliases: Msisdn, Phone\n\nRequired: True\nPosition: 0", updated);

        // A second update has nothing left to change.
        Assert.Equal(updated, CommandHelpWriter.Write(HelpUpdater.Update(HelpSamples.StartV2, CommandHelpParser.Parse(updated), HelpSamples.Options)));
    }

    [Fact]
    public void Update_keeps_an_authors_default_value_and_fixes_front_matter_and_title()
    {
        string written = HelpSamples.CompletedDoc(HelpSamples.Start)
            .Replace("### -Currency\nThe Currency of the sample.\n\n```yaml\nType: String\nParameter Sets: ByAmount\nAliases:\nAccepted values: EUR, USD\n\nRequired: False\nPosition: Named\nDefault value: None",
                     "### -Currency\nThe Currency of the sample.\n\n```yaml\nType: String\nParameter Sets: ByAmount\nAliases:\nAccepted values: EUR, USD\n\nRequired: False\nPosition: Named\nDefault value: EUR")
            .Replace("Module Name: PayNet", "Module Name: Other")
            .Replace("# Start-HelpSample", "# start-helpsample");
        Assert.Contains("Default value: EUR", written);

        string updated = CommandHelpWriter.Write(HelpUpdater.Update(HelpSamples.Start, CommandHelpParser.Parse(written), HelpSamples.Options));

        Assert.Contains("Default value: EUR", updated);
        Assert.Contains("Module Name: PayNet\n", updated);
        Assert.Contains("\n# Start-HelpSample\n", updated);
    }

    [Fact]
    public void Updating_a_folder_creates_missing_files_refreshes_old_ones_and_reports_orphans()
    {
        using var docs = new TempDirectory();
        string start = docs.Write("Start-HelpSample.md", HelpSamples.CompletedDoc(HelpSamples.Start));
        string orphan = docs.Write("Remove-HelpSample.md", HelpSamples.CompletedDoc(HelpSamples.Get).Replace("Get-HelpSample", "Remove-HelpSample"));
        docs.Write("about_HelpSample.help.md", "# about_HelpSample\n");

        var report = HelpFolderUpdater.UpdateFolder(new[] { HelpSamples.StartV2, HelpSamples.Get }, docs.Path, HelpSamples.Options);

        Assert.Equal(new[] { docs.File("Get-HelpSample.md") }, report.Created);
        Assert.Equal(new[] { start }, report.Updated);
        Assert.Equal(new[] { orphan }, report.Orphans);
        Assert.True(File.Exists(orphan), "orphaned help is reported, never deleted");
        Assert.Contains("### -Value", File.ReadAllText(start));

        var again = HelpFolderUpdater.UpdateFolder(new[] { HelpSamples.StartV2, HelpSamples.Get }, docs.Path, HelpSamples.Options);
        Assert.Empty(again.Created);
        Assert.Empty(again.Updated);
        Assert.Equal(2, again.Unchanged.Count);
    }
}
