using System.Reflection;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>
/// The cmdlet DLL loads in PowerShell's default load context; its dependencies load privately. If a
/// dependency type leaked into a public signature, the host's copy and ours would collide.
/// </summary>
public sealed class DependencyIsolationTests
{
    // Microsoft.Bcl.AsyncInterfaces is deliberately shared: it carries IAsyncEnumerable<T>, which the
    // paging API exposes, and the loader hands the default context the same copy PayNet.Core uses.
    private static readonly string[] IsolatedPrefixes =
        { "Microsoft.Extensions.", "Polly", "System.Text.Json", "Microsoft.Bcl.TimeProvider", "System.IO.Pipelines", "System.Diagnostics.DiagnosticSource" };

    private static bool IsIsolated(Type t) => IsolatedPrefixes.Any(p => (t.Assembly.GetName().Name ?? "").StartsWith(p, StringComparison.Ordinal));

    private static IEnumerable<Type> SignatureTypes(Type t)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (t.BaseType is not null) yield return t.BaseType;
        foreach (var i in t.GetInterfaces()) yield return i;
        foreach (var p in t.GetProperties(flags)) yield return p.PropertyType;
        foreach (var f in t.GetFields(flags)) yield return f.FieldType;
        foreach (var m in t.GetMethods(flags))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
        }
        foreach (var c in t.GetConstructors(flags))
            foreach (var p in c.GetParameters()) yield return p.ParameterType;
    }

    private static IEnumerable<Type> Expand(Type t) =>
        t.IsGenericType ? new[] { t }.Concat(t.GetGenericArguments().SelectMany(Expand)) : t.HasElementType ? Expand(t.GetElementType()!) : new[] { t };

    [Theory]
    [InlineData("PayNet.PowerShell")]
    [InlineData("PayNet.Core")]
    public void Public_surface_exposes_no_isolated_dependency_type(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var leaks = assembly.GetExportedTypes()
            .SelectMany(t => SignatureTypes(t).SelectMany(Expand).Where(IsIsolated).Select(d => $"{t.FullName} -> {d.FullName}"))
            .Distinct().ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void Cmdlet_assembly_references_no_isolated_dependency_directly()
    {
        var references = typeof(PayNet.PowerShell.PayNetCmdlet).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => IsolatedPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal)));
        Assert.Contains("PayNet.Core", references);
    }

    [Fact]
    public void Build_lays_dependencies_out_in_a_private_folder()
    {
        string module = RepoPaths.File("out", "PayNet");
        var root = Directory.GetFiles(module, "*.dll").Select(Path.GetFileName).ToList();
        Assert.Equal(new[] { "PayNet.PowerShell.dll" }, root);
        var deps = Directory.GetFiles(Path.Combine(module, "dependencies"), "*.dll").Select(Path.GetFileName).ToList();
        foreach (var expected in new[] { "PayNet.Core.dll", "Microsoft.Extensions.Http.dll", "Microsoft.Extensions.DependencyInjection.dll",
                     "Microsoft.Extensions.Options.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.Extensions.Primitives.dll", "Polly.Core.dll" })
            Assert.Contains(expected, deps);
        Assert.DoesNotContain("System.Management.Automation.dll", deps);
        Assert.True(File.Exists(Path.Combine(module, "PayNet.format.ps1xml")));
    }
}
