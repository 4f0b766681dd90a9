using System.Management.Automation;
using System.Reflection;

namespace PayNet.PowerShell.Tests.Support;

/// <summary>
/// Reads cmdlet attributes from raw metadata. PowerShellStandard.Library's attribute classes are inert
/// at run time (CmdletAttribute.VerbName reads null), so instantiating them tells nothing.
/// </summary>
public static class CmdletReflection
{
    public sealed record CmdletInfo(Type Type, string Verb, string Noun, bool SupportsShouldProcess, ConfirmImpact ConfirmImpact, IReadOnlyList<Type> OutputTypes)
    {
        public string Name => $"{Verb}-{Noun}";
    }

    public sealed record ParameterInfo(PropertyInfo Property, IReadOnlyList<string> Aliases, IReadOnlyList<IDictionary<string, object?>> Sets);

    public static IEnumerable<CmdletInfo> Cmdlets(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t))
            .Select(Describe)
            .Where(c => c is not null)
            .Select(c => c!);

    public static CmdletInfo? Describe(Type type)
    {
        var cmdlet = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(CmdletAttribute));
        if (cmdlet is null) return null;
        var named = Named(cmdlet);
        var outputs = type.GetCustomAttributesData().Where(a => a.AttributeType == typeof(OutputTypeAttribute))
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
            .OfType<Type>()
            .ToList();
        return new CmdletInfo(type, (string)cmdlet.ConstructorArguments[0].Value!, (string)cmdlet.ConstructorArguments[1].Value!,
            named.TryGetValue("SupportsShouldProcess", out var sp) && (bool)sp!,
            named.TryGetValue("ConfirmImpact", out var ci) ? (ConfirmImpact)(int)ci! : ConfirmImpact.Medium,
            outputs);
    }

    public static IEnumerable<ParameterInfo> Parameters(Type cmdletType) =>
        cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, data: p.GetCustomAttributesData()))
            .Where(x => x.data.Any(a => a.AttributeType == typeof(ParameterAttribute)))
            .Select(x => new ParameterInfo(x.p,
                x.data.Where(a => a.AttributeType == typeof(AliasAttribute))
                    .SelectMany(a => a.ConstructorArguments)
                    .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
                    .ToList(),
                x.data.Where(a => a.AttributeType == typeof(ParameterAttribute)).Select(Named).ToList()));

    private static IDictionary<string, object?> Named(CustomAttributeData data) =>
        data.NamedArguments.ToDictionary(n => n.MemberName, n => n.TypedValue.Value);
}
