using PayNet.HelpTool;
using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;
using PayNet.HelpTool.Update;

namespace PayNet.PowerShell.Tests.Help;

internal static class HelpSamples
{
    public static HelpToolOptions Options => HelpToolOptions.Default;

    public static CmdletInfo Start => CmdletMetadataReader.ReadCmdlet(typeof(StartHelpSampleCommand));

    public static CmdletInfo StartV2 => CmdletMetadataReader.ReadCmdlet(typeof(StartHelpSampleV2Command));

    public static CmdletInfo Get => CmdletMetadataReader.ReadCmdlet(typeof(GetHelpSampleCommand));

    public const string Examples = """
        ### Example 1: Top up a phone
        ```powershell
        Start-HelpSample -PhoneNumber 5550100 -Amount 10
        ```

        Tops up the phone with 10 EUR.

        ### Example 2: Top up from a CSV file
        ```powershell
        Import-Csv topups.csv | Start-HelpSample -WhatIf
        ```

        Shows what would be topped up, without moving money.
        """;

    /// <summary>A finished help file: the skeleton with every placeholder replaced by prose.</summary>
    public static string CompletedDoc(CmdletInfo cmdlet)
    {
        var document = HelpUpdater.CreateSkeleton(cmdlet, Options);
        document.SetSection(CommandHelpDocument.Synopsis, $"Does the {cmdlet.Noun} thing.", blankAfterHeading: false);
        document.SetSection(CommandHelpDocument.Description, $"The **{cmdlet.Name}** cmdlet exists for tests.\nIt has two lines of description.", blankAfterHeading: false);
        document.SetSection(CommandHelpDocument.Examples, Examples, blankAfterHeading: true);
        var parameters = document.ParameterSection;
        foreach (var parameter in parameters.Parameters.Where(p => p.Description.Contains("{{")))
            parameter.Description = $"The {parameter.Name} of the sample.";
        document.SetSection(CommandHelpDocument.Parameters, CommandHelpWriter.RenderParameters(parameters), blankAfterHeading: true);
        return CommandHelpWriter.Write(document);
    }
}

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paynet-help-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
