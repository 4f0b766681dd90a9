using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using PayNet.Core;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>
/// What every object a cmdlet emits promises: flat enough for Export-Csv (no System.Object[] cells),
/// the shared Service/Id/Reference/Amount/Currency/State/Time columns on transaction-like types, a
/// table view in PayNet.format.ps1xml, and no property that could hold a secret.
/// </summary>
public sealed class OutputContractTests
{
    private static readonly string[] SecretWords = { "apikey", "pin", "token", "hash", "secret", "password", "session" };

    internal static IEnumerable<Type> OutputTypes() =>
        ModuleContractTests.Cmdlets()
            .SelectMany(c => c.OutputTypes)
            .Where(t => t != typeof(void) && t != typeof(string) && !t.IsPrimitive)
            .Distinct();

    private static bool IsFlat(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTimeOffset) ||
               t == typeof(DateTime) || t == typeof(Guid) || t == typeof(Uri) || t == typeof(TimeSpan) ||
               // PayNet's receipt of a top-up: six strings and its Text, exported as one column by Export-Csv (its ToString is the Text).
               t == typeof(PayNet.Core.TopUp.TopUpReceipt);
    }

    [Fact]
    public void Output_types_have_only_flat_properties()
    {
        var offenders = OutputTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !IsFlat(p.PropertyType)).Select(p => $"{t.Name}.{p.Name}: {p.PropertyType.Name}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Output_types_expose_no_secret_looking_property()
    {
        var allowed = new HashSet<string> { "VoucherPin", "RequiresPin", "PinChanged", "IsPinBased" };
        var offenders = OutputTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => !allowed.Contains(p.Name) && SecretWords.Any(w => p.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Transaction_like_outputs_share_the_common_columns()
    {
        foreach (var type in OutputTypes().Where(t => typeof(IPayNetRecord).IsAssignableFrom(t)))
        {
            foreach (var column in new[] { "Service", "Id", "Reference", "Amount", "Currency", "State", "Time" })
                Assert.True(type.GetProperty(column) is not null, $"{type.Name} has a {column} property");
        }
    }

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var format = XDocument.Load(RepoPaths.File("src", "PayNet.PowerShell", "PayNet.format.ps1xml"));
        var viewed = format.Descendants("View")
            .Where(v => v.Element("TableControl") is not null)
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(e => e.Value))
            .ToHashSet();
        var missing = OutputTypes().Where(t => !viewed.Contains(t.FullName!)).Select(t => t.FullName).ToList();
        Assert.Empty(missing);
    }
}
