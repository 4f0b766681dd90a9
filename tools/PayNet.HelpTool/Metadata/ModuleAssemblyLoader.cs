using System.Reflection;
using System.Runtime.Loader;

namespace PayNet.HelpTool.Metadata;

/// <summary>
/// Loads a built module's cmdlet DLL (for example out/PayNet/PayNet.PowerShell.dll) beside the copy this tool
/// was compiled against. Assemblies found next to it or under dependencies/ load privately; framework assemblies
/// and System.Management.Automation come from the tool, so attribute types stay comparable.
/// </summary>
public sealed class ModuleAssemblyLoader : AssemblyLoadContext
{
    private readonly string[] _probeDirectories;

    private ModuleAssemblyLoader(string assemblyPath) : base("PayNet.HelpTool.Module", isCollectible: false)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        _probeDirectories = new[] { directory, Path.Combine(directory, "dependencies") };
    }

    public static Assembly Load(string assemblyPath)
    {
        if (!File.Exists(assemblyPath)) throw new FileNotFoundException($"Cmdlet assembly not found: {assemblyPath}", assemblyPath);
        return new ModuleAssemblyLoader(assemblyPath).LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The runtime's own System.* beats the netstandard2.0 copies under dependencies/.
        if (assemblyName.Name is null || IsFramework(assemblyName.Name)) return null;
        foreach (var directory in _probeDirectories)
        {
            string candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            if (File.Exists(candidate)) return LoadFromAssemblyPath(candidate);
        }
        return null;
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.OrdinalIgnoreCase)
        || name.Equals("netstandard", StringComparison.OrdinalIgnoreCase)
        || name.Equals("mscorlib", StringComparison.OrdinalIgnoreCase);
}
