using System.Reflection;
using PayNet.PowerShell.Loader;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Loader;

/// <summary>
/// The Windows PowerShell 5.1 resolver (AssemblyResolve + LoadFrom) cannot run here, but the rule it
/// applies can: serve a dependency from out/PayNet/dependencies only when its version is at least the
/// one asked for, and never a file that is not an assembly.
/// </summary>
public sealed class DependencyFileTests
{
    private static readonly string Dependencies = RepoPaths.File("out", "PayNet", "dependencies");

    private static AssemblyName Shipped(string name) =>
        AssemblyName.GetAssemblyName(Path.Combine(Dependencies, name + ".dll"));

    [Fact]
    public void A_request_for_the_shipped_version_or_an_older_one_is_served()
    {
        var shipped = Shipped("Microsoft.Extensions.Http");
        Assert.NotNull(DependencyFile.Find(Dependencies, shipped));
        var older = new AssemblyName(shipped.Name!) { Version = new Version(6, 0, 0, 0) };
        Assert.NotNull(DependencyFile.Find(Dependencies, older));
    }

    [Fact]
    public void A_request_for_a_newer_version_than_shipped_is_refused_instead_of_failing_later()
    {
        var shipped = Shipped("Microsoft.Extensions.Http");
        var newer = new AssemblyName(shipped.Name!) { Version = new Version(shipped.Version!.Major + 1, 0, 0, 0) };
        Assert.Null(DependencyFile.Find(Dependencies, newer));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_never_served()
    {
        string directory = Path.Combine(Path.GetTempPath(), "paynet-deps-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "Polly.Core.dll"), "not an assembly");
            Assert.Null(DependencyFile.Find(directory, new AssemblyName("Polly.Core") { Version = new Version(8, 0, 0, 0) }));
            Assert.Null(DependencyFile.Find(directory, new AssemblyName("Missing.Assembly")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_module_assembly_that_scripts_name_types_from_is_not_isolated()
    {
        Assert.True(DependencyFile.IsModuleAssembly(new AssemblyName("PayNet.Core")));
        Assert.False(DependencyFile.IsModuleAssembly(new AssemblyName("Microsoft.Extensions.Http")));
        Assert.False(File.Exists(Path.Combine(Dependencies, "PayNet.PowerShell.dll")));
    }
}
