using System.Management.Automation;
using PayNet.HelpTool.Metadata;

namespace PayNet.PowerShell.Tests.Help;

/// <summary>The help tool sees a compiled cmdlet the way Get-Command does.</summary>
public sealed class CmdletMetadataTests
{
    [Fact]
    public void Reads_name_parameter_sets_with_the_default_first_and_output_types()
    {
        var cmdlet = HelpSamples.Start;

        Assert.Equal("Start-HelpSample", cmdlet.Name);
        Assert.Equal(new[] { "ByAmount", "FromQuote" }, cmdlet.ParameterSets.Select(s => s.Name));
        Assert.True(cmdlet.ParameterSets[0].IsDefault);
        Assert.False(cmdlet.ParameterSets[1].IsDefault);
        Assert.True(cmdlet.SupportsShouldProcess);
        Assert.Equal(new[] { typeof(SampleReceipt).FullName! }, cmdlet.OutputTypes);
    }

    [Fact]
    public void Type_names_are_the_short_names_PlatyPS_prints()
    {
        var start = HelpSamples.Start;
        string TypeOf(string name) => start.FindParameter(name)!.TypeName;

        Assert.Equal("String", TypeOf("PhoneNumber"));
        Assert.Equal("Decimal", TypeOf("Amount"));
        Assert.Equal("SwitchParameter", TypeOf("NoWait"));
        Assert.Equal("SecureString", TypeOf("Pin"));
        Assert.Equal("PSCredential", TypeOf("Credential"));
        Assert.Equal("DateTime", TypeOf("NotAfter"));
        Assert.Equal("String[]", TypeOf("Tags"));
        Assert.Equal("PayNetConnection", TypeOf("Connection"));
        Assert.Equal("SampleOperator", TypeOf("Operator"));
        Assert.Equal("Int32", HelpSamples.Get.FindParameter("Limit")!.TypeName);
        Assert.True(start.FindParameter("NoWait")!.IsSwitch);
    }

    [Fact]
    public void A_parameter_without_a_set_joins_every_set_and_a_parameter_can_bind_differently_per_set()
    {
        var start = HelpSamples.Start;

        var phone = start.FindParameter("PhoneNumber")!;
        Assert.Equal(new[] { "ByAmount", "FromQuote" }, phone.Bindings.Keys.OrderBy(k => k));
        Assert.All(phone.Bindings.Values, b => Assert.Equal(new ParameterSetBinding(true, 0, false, true), b));
        Assert.Equal(new[] { "Msisdn", "Phone" }, phone.Aliases);

        var reference = start.FindParameter("Reference")!;
        Assert.False(reference.Bindings["ByAmount"].Mandatory);
        Assert.True(reference.Bindings["FromQuote"].Mandatory);

        Assert.Equal(new[] { "ByAmount" }, start.FindParameter("Amount")!.Bindings.Keys);
        Assert.Equal("True (ByValue)", start.FindParameter("Quote")!.Bindings["FromQuote"].PipelineInputText);
        Assert.Equal(new[] { "EUR", "USD" }, start.FindParameter("Currency")!.AcceptedValues);
        Assert.Equal(new[] { "Alpha", "Beta" }, start.FindParameter("Operator")!.AcceptedValues); // enums list their names, as Get-Help does
        Assert.Empty(start.FindParameter("PhoneNumber")!.AcceptedValues);
    }

    [Fact]
    public void ShouldProcess_adds_WhatIf_and_Confirm_and_paging_adds_First_Skip_IncludeTotalCount()
    {
        var whatIf = HelpSamples.Start.FindParameter("WhatIf")!;
        var confirm = HelpSamples.Start.FindParameter("Confirm")!;
        Assert.Equal(new[] { "wi" }, whatIf.Aliases);
        Assert.Equal(new[] { "cf" }, confirm.Aliases);
        Assert.True(whatIf.IsSwitch);
        Assert.Equal(2, whatIf.Bindings.Count);
        Assert.Null(HelpSamples.Get.FindParameter("WhatIf"));

        var get = HelpSamples.Get;
        Assert.Equal("UInt64", get.FindParameter("First")!.TypeName);
        Assert.Equal("UInt64", get.FindParameter("Skip")!.TypeName);
        Assert.True(get.FindParameter("IncludeTotalCount")!.IsSwitch);
        Assert.Null(HelpSamples.Start.FindParameter("First"));
    }

    [Fact]
    public void Without_named_sets_there_is_one_set_and_syntax_order_is_positional_then_declared_then_common()
    {
        var get = HelpSamples.Get;

        var set = Assert.Single(get.ParameterSets);
        Assert.Equal(CmdletMetadataReader.AllParameterSets, set.Name);
        Assert.Equal(new[] { "Reference", "From", "Limit", "Connection", "IncludeTotalCount", "Skip", "First" }, set.Parameters.Select(p => p.Name));
        Assert.True(get.FindParameter("Reference")!.SupportsWildcards);
        Assert.Equal("True (ByValue, ByPropertyName)", get.FindParameter("Reference")!.Bindings[set.Name].PipelineInputText);
        Assert.Equal(new[] { typeof(SampleReceipt).FullName!, "System.String" }, get.OutputTypes);
    }

    [Fact]
    public void Reading_an_assembly_finds_concrete_cmdlets_only()
    {
        var cmdlets = CmdletMetadataReader.Read(typeof(StartHelpSampleCommand).Assembly).Select(c => c.Name).ToList();

        Assert.Contains("Get-HelpSample", cmdlets);
        Assert.Contains("Start-HelpSample", cmdlets);
        Assert.DoesNotContain("Get-HelpSampleAbstract", cmdlets);
    }

    [Fact]
    public void Cmdlets_read_from_the_built_module_DLL_match_the_compiled_assembly()
    {
        string built = Support.RepoPaths.File("out", "PayNet", "PayNet.PowerShell.dll");
        Assert.True(File.Exists(built), "dotnet build lays out out/PayNet/PayNet.PowerShell.dll");

        var fromModule = CmdletMetadataReader.Read(ModuleAssemblyLoader.Load(built));
        var compiled = CmdletMetadataReader.Read(typeof(PayNetCmdlet).Assembly);

        Assert.Equal(compiled.Select(c => c.Name), fromModule.Select(c => c.Name));
        Assert.Equal(compiled.SelectMany(c => c.Parameters.Select(p => $"{c.Name} -{p.Name} {p.TypeName}")),
            fromModule.SelectMany(c => c.Parameters.Select(p => $"{c.Name} -{p.Name} {p.TypeName}")));
    }

    [Theory]
    [InlineData("True (ByValue, ByPropertyName)", true, true)]
    [InlineData("True (ByPropertyName, ByValue)", true, true)]
    [InlineData("true (ByPropertyName)", false, true)]
    [InlineData("True (ByValue)", true, false)]
    [InlineData("False", false, false)]
    public void Pipeline_input_text_is_read_in_every_spelling_PlatyPS_has_used(string text, bool byValue, bool byPropertyName)
    {
        Assert.Equal((byValue, byPropertyName), PipelineInput.Parse(text));
    }
}
