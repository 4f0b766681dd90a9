using System.Reflection;
using System.Xml.Linq;
using PayNet.HelpTool;
using PayNet.HelpTool.Check;
using PayNet.HelpTool.Maml;
using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Help;

/// <summary>
/// The project's own help: docs/en-US against the compiled PayNet.PowerShell. Fix failures with
/// `dotnet run --project tools/PayNet.HelpTool -- update --docs docs/en-US`, then write the prose it asks for.
/// </summary>
public sealed class ProjectHelpTests
{
    private static readonly Assembly CmdletAssembly = typeof(PayNetCmdlet).Assembly;
    private static string DocsFolder => RepoPaths.File("docs", "en-US");
    private static string AboutTopic => RepoPaths.File("docs", "en-US", "about_PayNet.help.md");

    [Fact]
    public void Every_exported_cmdlet_is_documented_and_docs_match_the_compiled_cmdlets()
    {
        var cmdlets = CmdletMetadataReader.Read(CmdletAssembly);

        var problems = HelpDriftChecker.Check(cmdlets, DocsFolder, HelpToolOptions.Default);

        Assert.True(problems.Count == 0,
            $"{problems.Count} help problem(s). Run 'dotnet run --project tools/PayNet.HelpTool -- update --docs docs/en-US', " +
            "then write the prose it leaves as {{ ... }}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_repos_help_builds_into_valid_MAML_that_names_every_cmdlet()
    {
        using var output = new TempDirectory();
        var cmdlets = CmdletMetadataReader.Read(CmdletAssembly).Select(c => c.Name).ToList();

        var result = HelpExporter.Export(DocsFolder, output.Path, HelpToolOptions.Default);

        Assert.Empty(result.Problems);
        var documented = result.HelpFiles.SelectMany(f => XDocument.Load(f).Root!.Elements(MamlWriter.CommandNs + "command"))
            .Select(c => c.Element(MamlWriter.CommandNs + "details")!.Element(MamlWriter.CommandNs + "name")!.Value)
            .ToList();
        Assert.Empty(cmdlets.Except(documented, StringComparer.OrdinalIgnoreCase));
        Assert.All(result.HelpFiles, f => Assert.Equal(HelpToolOptions.HelpFileFor(CmdletAssembly), Path.GetFileName(f)));
    }

    [Fact]
    public void About_PayNet_covers_connecting_the_three_APIs_money_safety_reconciliation_troubleshooting_and_every_ErrorId()
    {
        Assert.True(File.Exists(AboutTopic), $"{AboutTopic} is missing: Get-Help about_PayNet is how users find their way in.");

        var missing = AboutTopicRequirements.Missing(File.ReadAllText(AboutTopic), AboutTopicRequirements.ErrorIdsOf(CmdletAssembly));

        Assert.True(missing.Count == 0, "about_PayNet.help.md needs:\n" + string.Join("\n", missing));
    }
}
