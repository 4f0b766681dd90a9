using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>The manifest and the compiled cmdlets agree, and every cmdlet follows PowerShell's conventions.</summary>
public sealed class ModuleContractTests
{
    private static readonly Assembly CmdletAssembly = typeof(PayNet.PowerShell.PayNetCmdlet).Assembly;

    [Fact]
    public void Reflection_sees_real_cmdlet_metadata()
    {
        var start = Cmdlets().Single(c => c.Name == "Start-PayNetTopUp");
        Assert.True(start.SupportsShouldProcess);
        Assert.Equal(ConfirmImpact.High, start.ConfirmImpact);
        Assert.Contains(start.OutputTypes, t => t.Name == "TopUpTransaction");
    }

    // Get-Verb, PowerShell 7.4.
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        "Add","Clear","Close","Copy","Enter","Exit","Find","Format","Get","Hide","Join","Lock","Move","New","Open","Optimize","Pop","Push","Redo",
        "Remove","Rename","Reset","Resize","Search","Select","Set","Show","Skip","Split","Step","Switch","Undo","Unlock","Watch","Connect","Disconnect",
        "Read","Receive","Send","Write","Backup","Checkpoint","Compare","Compress","Convert","ConvertFrom","ConvertTo","Dismount","Edit","Expand",
        "Export","Group","Import","Initialize","Limit","Merge","Mount","Out","Publish","Restore","Save","Sync","Unpublish","Update","Debug","Measure",
        "Ping","Repair","Resolve","Test","Trace","Approve","Assert","Build","Complete","Confirm","Deny","Deploy","Disable","Enable","Install","Invoke",
        "Register","Request","Restart","Resume","Start","Stop","Submit","Suspend","Uninstall","Unregister","Wait","Block","Grant","Protect","Revoke",
        "Unblock","Unprotect","Use",
    };

    /// <summary>The module's cmdlets; test-only cmdlets in this assembly are not part of it.</summary>
    internal static IEnumerable<CmdletReflection.CmdletInfo> Cmdlets() => CmdletReflection.Cmdlets(CmdletAssembly);

    private static string ManifestText() => File.ReadAllText(RepoPaths.File("PayNet.psd1"));

    public static IReadOnlyList<string> ManifestCmdlets()
    {
        var block = Regex.Match(ManifestText(), @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)", RegexOptions.Singleline).Groups["list"].Value;
        return Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void CmdletsToExport_lists_exactly_the_compiled_cmdlets()
    {
        var compiled = Cmdlets().Select(c => c.Name).OrderBy(n => n).ToList();
        Assert.Equal(compiled, ManifestCmdlets().OrderBy(n => n).ToList());
        Assert.DoesNotContain(ManifestText().Split('\n'), l => l.Contains("ToExport") && l.Contains('*'));
    }

    [Fact]
    public void Manifest_declares_both_editions_PowerShell_5_1_formats_and_gallery_metadata()
    {
        string text = ManifestText();
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", text);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", text);
        Assert.Matches(@"FormatsToProcess\s*=\s*@\('PayNet\.format\.ps1xml'\)", text);
        Assert.Matches(@"RootModule\s*=\s*'PayNet\.psm1'", text);
        foreach (var tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" }) Assert.Contains($"'{tag}'", text);
        foreach (var key in new[] { "ProjectUri", "LicenseUri", "ReleaseNotes" }) Assert.Matches(key + @"\s*=\s*'\S", text);
        Assert.True(File.Exists(RepoPaths.File("LICENSE")));
    }

    [Fact]
    public void Manifest_version_is_the_one_in_Directory_Build_props()
    {
        var props = File.ReadAllText(RepoPaths.File("Directory.Build.props"));
        string version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        Assert.Equal(version, CmdletAssembly.GetName().Version!.ToString(3));
        string built = RepoPaths.File("out", "PayNet", "PayNet.psd1");
        Assert.True(File.Exists(built), "dotnet build lays out out/PayNet/PayNet.psd1");
        Assert.Matches($@"ModuleVersion\s*=\s*'{Regex.Escape(version)}'", File.ReadAllText(built));
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb_the_PayNet_prefix_and_declares_OutputType()
    {
        foreach (var cmdlet in Cmdlets())
        {
            Assert.Contains(cmdlet.Verb, ApprovedVerbs);
            Assert.StartsWith("PayNet", cmdlet.Noun);
            Assert.True(cmdlet.OutputTypes.Count > 0, $"{cmdlet.Name} declares [OutputType]");
        }
    }

    [Fact]
    public void No_cmdlet_declares_Confirm_or_WhatIf_parameters_of_its_own()
    {
        foreach (var cmdlet in Cmdlets())
        {
            var names = CmdletReflection.Parameters(cmdlet.Type).SelectMany(p => new[] { p.Property.Name }.Concat(p.Aliases));
            Assert.DoesNotContain(names, n => n.Equals("Confirm", StringComparison.OrdinalIgnoreCase) || n.Equals("WhatIf", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Cmdlets_that_change_state_support_ShouldProcess_and_money_movers_ask_with_high_impact()
    {
        var changing = new HashSet<string> { "Add", "Approve", "Close", "Invoke", "New", "Register", "Request", "Set", "Start", "Remove" };
        var moneyMovers = new HashSet<string> { "Invoke-PayNetPayment", "Start-PayNetTopUp", "Add-PayNetMoney", "Request-PayNetWithdrawal", "Request-PayNetRefund" };
        foreach (var cmdlet in Cmdlets().Where(c => changing.Contains(c.Verb)))
        {
            Assert.True(cmdlet.SupportsShouldProcess, $"{cmdlet.Name} supports ShouldProcess");
            if (moneyMovers.Contains(cmdlet.Name))
                Assert.Equal(ConfirmImpact.High, cmdlet.ConfirmImpact);
        }
    }
}
