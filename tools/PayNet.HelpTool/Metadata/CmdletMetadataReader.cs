using System.Collections.ObjectModel;
using System.Reflection;

namespace PayNet.HelpTool.Metadata;

/// <summary>
/// Reads cmdlet metadata from attribute data alone (CustomAttributeData), never by running PowerShell code:
/// PowerShellStandard.Library is a reference assembly whose members do nothing at run time, and the
/// cmdlet assembly may come from a separate load context.
/// </summary>
public static class CmdletMetadataReader
{
    public const string AllParameterSets = "__AllParameterSets";

    private const string Sma = "System.Management.Automation.";
    private const int NamedPosition = int.MinValue;

    public static IReadOnlyList<CmdletInfo> Read(Assembly assembly) => Read(LoadableTypes(assembly));

    public static IReadOnlyList<CmdletInfo> Read(IEnumerable<Type> types) =>
        types.Where(IsCmdlet)
            .Select(ReadCmdlet)
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static bool IsCmdlet(Type type) =>
        type.IsClass && !type.IsAbstract && FindAttribute(type.GetCustomAttributesData(), "CmdletAttribute") is not null && DerivesFrom(type, Sma + "Cmdlet");

    public static CmdletInfo ReadCmdlet(Type type)
    {
        var cmdlet = FindAttribute(type.GetCustomAttributesData(), "CmdletAttribute")
            ?? throw new ArgumentException($"{type.FullName} has no [Cmdlet] attribute.", nameof(type));
        string verb = (string)cmdlet.ConstructorArguments[0].Value!;
        string noun = (string)cmdlet.ConstructorArguments[1].Value!;
        string? defaultSet = Named<string>(cmdlet, "DefaultParameterSetName");
        bool shouldProcess = Named<bool>(cmdlet, "SupportsShouldProcess");
        bool paging = Named<bool>(cmdlet, "SupportsPaging");

        var declared = ReadDeclaredParameters(type);
        var setNames = ParameterSetNames(declared, defaultSet);
        var parameters = declared.Select(d => d.ToInfo(setNames)).ToList();
        if (shouldProcess)
        {
            parameters.Add(CommonSwitch("WhatIf", "wi", ParameterOrigin.ShouldProcess, setNames));
            parameters.Add(CommonSwitch("Confirm", "cf", ParameterOrigin.ShouldProcess, setNames));
        }
        if (paging)
        {
            parameters.Add(CommonSwitch("IncludeTotalCount", null, ParameterOrigin.Paging, setNames));
            parameters.Add(CommonValue("Skip", typeof(ulong), setNames));
            parameters.Add(CommonValue("First", typeof(ulong), setNames));
        }

        string? effectiveDefault = setNames.Count == 1 ? setNames[0] : defaultSet;
        var sets = setNames
            .Select(name => new ParameterSetInfo(name, string.Equals(name, effectiveDefault, StringComparison.Ordinal), SyntaxOrder(parameters, name)))
            .ToList();

        return new CmdletInfo($"{verb}-{noun}", verb, noun, defaultSet, sets, parameters, shouldProcess, paging, OutputTypes(type));
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
    }

    private static bool DerivesFrom(Type type, string baseFullName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.FullName == baseFullName) return true;
        return false;
    }

    private static CustomAttributeData? FindAttribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.FullName == Sma + name);

    private static IEnumerable<CustomAttributeData> FindAttributes(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.Where(a => a.AttributeType.FullName == Sma + name);

    private static T? Named<T>(CustomAttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
            if (argument.MemberName == name && argument.TypedValue.Value is T value) return value;
        return default;
    }

    /// <summary>Values of a params-array constructor argument ([Alias("a","b")], [ValidateSet(...)]).</summary>
    private static IReadOnlyList<string> StringArguments(CustomAttributeData attribute)
    {
        var values = new List<string>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items)
                values.AddRange(items.Select(i => i.Value?.ToString()).OfType<string>());
            else if (argument.Value is string single)
                values.Add(single);
        }
        return values;
    }

    /// <summary>Public properties and fields with [Parameter], most derived first, as PowerShell's reflection sees them.</summary>
    private static List<DeclaredParameter> ReadDeclaredParameters(Type type)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
        var result = new List<DeclaredParameter>();
        foreach (var member in members)
        {
            var attributes = member.GetCustomAttributesData();
            var parameterAttributes = FindAttributes(attributes, "ParameterAttribute").ToList();
            if (parameterAttributes.Count == 0) continue;
            if (result.Any(r => string.Equals(r.Name, member.Name, StringComparison.OrdinalIgnoreCase))) continue; // hidden by a 'new' member

            var memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
            var bindings = new Dictionary<string, ParameterSetBinding>(StringComparer.Ordinal);
            string? helpMessage = parameterAttributes.Select(a => Named<string>(a, "HelpMessage")).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
            foreach (var attribute in parameterAttributes)
            {
                string set = Named<string>(attribute, "ParameterSetName") ?? AllParameterSets;
                int position = attribute.NamedArguments.Any(a => a.MemberName == "Position") ? Named<int>(attribute, "Position") : NamedPosition;
                bindings[set] = new ParameterSetBinding(
                    Named<bool>(attribute, "Mandatory"),
                    position == NamedPosition ? null : position,
                    Named<bool>(attribute, "ValueFromPipeline"),
                    Named<bool>(attribute, "ValueFromPipelineByPropertyName"));
            }

            result.Add(new DeclaredParameter(
                member.Name,
                memberType,
                FindAttributes(attributes, "AliasAttribute").SelectMany(StringArguments).ToList(),
                AcceptedValues(attributes, memberType),
                FindAttribute(attributes, "SupportsWildcardsAttribute") is not null,
                bindings,
                helpMessage));
        }
        return result;
    }

    /// <summary>[ValidateSet] values, else an enum's names: what Get-Help and PlatyPS list as accepted values.</summary>
    private static IReadOnlyList<string> AcceptedValues(IEnumerable<CustomAttributeData> attributes, Type type)
    {
        var validateSet = FindAttributes(attributes, "ValidateSetAttribute").SelectMany(StringArguments).ToList();
        if (validateSet.Count > 0) return validateSet;
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsEnum ? Enum.GetNames(element) : Array.Empty<string>();
    }

    /// <summary>The default set first, then the others in the order parameters name them (PowerShell's order).</summary>
    private static List<string> ParameterSetNames(IEnumerable<DeclaredParameter> parameters, string? defaultSet)
    {
        var names = new List<string>();
        if (!string.IsNullOrEmpty(defaultSet)) names.Add(defaultSet);
        foreach (var set in parameters.SelectMany(p => p.Bindings.Keys))
            if (set != AllParameterSets && !names.Contains(set, StringComparer.Ordinal)) names.Add(set);
        if (names.Count == 0) names.Add(AllParameterSets);
        return names;
    }

    private static IReadOnlyList<CmdletParameterInfo> SyntaxOrder(IEnumerable<CmdletParameterInfo> parameters, string set)
    {
        var inSet = parameters.Where(p => p.Bindings.ContainsKey(set)).ToList();
        var positional = inSet.Where(p => p.Bindings[set].Position is not null).OrderBy(p => p.Bindings[set].Position);
        var named = inSet.Where(p => p.Bindings[set].Position is null);
        return positional.Concat(named).ToList();
    }

    private static IReadOnlyList<string> OutputTypes(Type type)
    {
        var names = new List<string>();
        foreach (var attribute in FindAttributes(type.GetCustomAttributesData(), "OutputTypeAttribute"))
        foreach (var argument in attribute.ConstructorArguments)
        {
            var values = argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };
            foreach (var value in values)
            {
                string? name = value switch { Type t => PowerShellTypeNames.Full(t), string s => s, _ => null };
                if (name is not null && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
            }
        }
        return names;
    }

    private static CmdletParameterInfo CommonSwitch(string name, string? alias, ParameterOrigin origin, IReadOnlyList<string> sets) =>
        new(name, "SwitchParameter", PowerShellTypeNames.SwitchParameterFullName, IsSwitch: true,
            alias is null ? Array.Empty<string>() : new[] { alias }, Array.Empty<string>(), SupportsWildcards: false,
            sets.ToDictionary(s => s, _ => ParameterSetBinding.Optional, StringComparer.Ordinal), origin);

    private static CmdletParameterInfo CommonValue(string name, Type type, IReadOnlyList<string> sets) =>
        new(name, PowerShellTypeNames.Display(type), PowerShellTypeNames.Full(type), IsSwitch: false,
            Array.Empty<string>(), Array.Empty<string>(), SupportsWildcards: false,
            sets.ToDictionary(s => s, _ => ParameterSetBinding.Optional, StringComparer.Ordinal), ParameterOrigin.Paging);

    private sealed record DeclaredParameter(
        string Name, Type Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> AcceptedValues, bool SupportsWildcards,
        IReadOnlyDictionary<string, ParameterSetBinding> Bindings, string? HelpMessage)
    {
        /// <summary>A parameter without a set of its own joins every set, except where it also names that set explicitly.</summary>
        public CmdletParameterInfo ToInfo(IReadOnlyList<string> sets)
        {
            var perSet = new Dictionary<string, ParameterSetBinding>(StringComparer.Ordinal);
            foreach (var set in sets)
            {
                if (Bindings.TryGetValue(set, out var own)) perSet[set] = own;
                else if (Bindings.TryGetValue(AllParameterSets, out var all)) perSet[set] = all;
            }
            return new CmdletParameterInfo(Name, PowerShellTypeNames.Display(Type), PowerShellTypeNames.Full(Type), PowerShellTypeNames.IsSwitch(Type),
                Aliases, AcceptedValues, SupportsWildcards, perSet, ParameterOrigin.Declared, HelpMessage);
        }
    }
}
