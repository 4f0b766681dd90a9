namespace PayNet.HelpTool;

/// <summary>What the front matter of every command help file must say.</summary>
public sealed record HelpToolOptions(string ModuleName = "PayNet", string ExternalHelpFile = "PayNet.PowerShell.dll-Help.xml")
{
    public static HelpToolOptions Default { get; } = new();

    /// <summary>PowerShell looks for "&lt;cmdlet DLL file name&gt;-Help.xml" next to the DLL.</summary>
    public static string HelpFileFor(System.Reflection.Assembly assembly) => Path.GetFileName(assembly.Location) is { Length: > 0 } file
        ? file + "-Help.xml"
        : assembly.GetName().Name + ".dll-Help.xml";
}
