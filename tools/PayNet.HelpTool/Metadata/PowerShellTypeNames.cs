namespace PayNet.HelpTool.Metadata;

/// <summary>Type names the way PlatyPS prints them: String, Int32, String[], SwitchParameter, an enum by its name.</summary>
public static class PowerShellTypeNames
{
    public const string SwitchParameterFullName = "System.Management.Automation.SwitchParameter";

    public static string Display(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return underlying.Name;
        // Generic arguments carry meaning (List`1 alone says nothing), so PlatyPS keeps the full form.
        if (type.IsGenericType) return type.ToString();
        return type.Name;
    }

    public static string Full(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        return (underlying ?? type).FullName ?? (underlying ?? type).Name;
    }

    public static bool IsSwitch(Type type) => type.FullName == SwitchParameterFullName;
}
