using PayNet.HelpTool.Cli;
using PayNet.HelpTool.Metadata;

namespace PayNet.PowerShell.Tests.Help;

/// <summary>The command line Build-Help.ps1 and developers call.</summary>
public sealed class HelpToolCliTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = HelpToolCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("publish")]
    [InlineData("check")]
    [InlineData("maml", "--docs", "docs/en-US")]
    [InlineData("check", "--docs")]
    [InlineData("check", "--docs", "docs/en-US", "--verbose", "yes")]
    public void Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(HelpToolCli.BadArguments, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains("Usage:", error);
        Assert.Contains("update --docs <folder>", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Help_prints_the_usage_and_succeeds()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(HelpToolCli.Success, code);
        Assert.Contains("maml   --docs <folder> --out <folder>", output);
    }

    [Fact]
    public void Update_then_check_then_maml_on_the_compiled_module()
    {
        using var docs = new TempDirectory();
        using var output = new TempDirectory();
        int cmdletCount = CmdletMetadataReader.Read(typeof(PayNetCmdlet).Assembly).Count;

        var update = Run("update", "--docs", docs.Path);
        Assert.Equal(HelpToolCli.Success, update.ExitCode);
        Assert.Contains($"{cmdletCount} cmdlet(s): {cmdletCount} created", update.Output);
        Assert.Equal(cmdletCount, Directory.GetFiles(docs.Path, "*.md").Length);

        // Fresh skeletons are unfinished, so the check fails exactly when there is something to document.
        var check = Run("check", "--docs", docs.Path);
        Assert.Equal(cmdletCount == 0 ? HelpToolCli.Success : HelpToolCli.Failed, check.ExitCode);
        if (cmdletCount > 0) Assert.Contains("[Placeholder]", check.Error);

        docs.Write("about_PayNet.help.md", "# about_PayNet\n\n## Short description\nPayNet.\n");
        var maml = Run("maml", "--docs", docs.Path, "--out", output.Path);
        Assert.Equal(HelpToolCli.Success, maml.ExitCode);
        Assert.True(File.Exists(output.File("about_PayNet.help.txt")));
        Assert.Equal(cmdletCount > 0, File.Exists(output.File("PayNet.PowerShell.dll-Help.xml")));
    }

    [Fact]
    public void Check_reads_a_built_module_DLL_and_exits_1_on_drift()
    {
        using var docs = new TempDirectory();
        docs.Write("Stop-NothingAtAll.md", HelpSamples.CompletedDoc(HelpSamples.Get).Replace("Get-HelpSample", "Stop-NothingAtAll"));

        var (code, _, error) = Run("check", "--docs", docs.Path, "--assembly", Support.RepoPaths.File("out", "PayNet", "PayNet.PowerShell.dll"));

        Assert.Equal(HelpToolCli.Failed, code);
        Assert.Contains("Stop-NothingAtAll: documents a cmdlet the module does not export", error);
    }

    [Fact]
    public void A_missing_assembly_is_an_error_not_a_crash()
    {
        using var docs = new TempDirectory();

        var (code, _, error) = Run("check", "--docs", docs.Path, "--assembly", docs.File("nope.dll"));

        Assert.Equal(HelpToolCli.Failed, code);
        Assert.Contains("nope.dll", error);
    }
}
