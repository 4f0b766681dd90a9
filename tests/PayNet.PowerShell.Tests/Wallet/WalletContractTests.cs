using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Completers;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>
/// The public contract of the Wallet cmdlets: names, parameter names and types, pipeline binding and
/// CSV aliases, ShouldProcess impact, table views. Read from metadata, as PowerShell reads it.
/// </summary>
public sealed class WalletContractTests
{
    private static readonly string[] WalletCmdlets =
    {
        "Invoke-PayNetPayment", "Get-PayNetWallet", "Get-PayNetStatement", "Register-PayNetMember", "Get-PayNetProfile",
        "Add-PayNetMoney", "Request-PayNetWithdrawal", "Set-PayNetPin", "Get-PayNetAgreement", "Approve-PayNetAgreement",
        "New-PayNetQrCode", "Resolve-PayNetQrCode", "Add-PayNetDocument", "Get-PayNetDocument", "New-PayNetDispute",
        "Get-PayNetDispute", "Set-PayNetDispute", "Close-PayNetDispute",
    };

    private static CmdletReflection.CmdletInfo Cmdlet(string name) =>
        CmdletReflection.Cmdlets(typeof(WalletCmdlet).Assembly).Single(c => c.Name == name);

    private static CmdletReflection.ParameterInfo Parameter(string cmdlet, string name) =>
        CmdletReflection.Parameters(Cmdlet(cmdlet).Type).Single(p => p.Property.Name == name);

    private static bool Any(CmdletReflection.ParameterInfo p, string flag, string? set = null) =>
        p.Sets.Any(s => (set is null || (s.TryGetValue("ParameterSetName", out var named) && Equals(named, set))) && s.TryGetValue(flag, out var v) && v is true);

    [Fact]
    public void Every_Wallet_cmdlet_is_compiled_and_exported()
    {
        var exported = ModuleContractTests.ManifestCmdlets();
        foreach (var name in WalletCmdlets)
        {
            Assert.NotNull(Cmdlet(name));
            Assert.Contains(name, exported);
        }
    }

    [Theory]
    [InlineData("Invoke-PayNetPayment", ConfirmImpact.High)]
    [InlineData("Add-PayNetMoney", ConfirmImpact.High)]
    [InlineData("Request-PayNetWithdrawal", ConfirmImpact.High)]
    [InlineData("Register-PayNetMember", ConfirmImpact.Medium)]
    [InlineData("Set-PayNetPin", ConfirmImpact.Medium)]
    [InlineData("Approve-PayNetAgreement", ConfirmImpact.Medium)]
    [InlineData("New-PayNetQrCode", ConfirmImpact.Low)]
    [InlineData("Add-PayNetDocument", ConfirmImpact.Medium)]
    [InlineData("New-PayNetDispute", ConfirmImpact.Medium)]
    [InlineData("Set-PayNetDispute", ConfirmImpact.Medium)]
    [InlineData("Close-PayNetDispute", ConfirmImpact.Medium)]
    public void State_changes_support_ShouldProcess_with_their_impact(string name, ConfirmImpact impact)
    {
        var cmdlet = Cmdlet(name);
        Assert.True(cmdlet.SupportsShouldProcess);
        Assert.Equal(impact, cmdlet.ConfirmImpact);
    }

    [Fact]
    public void Invoke_PayNetPayment_binds_CSV_columns_by_name_with_the_common_aliases()
    {
        const string name = "Invoke-PayNetPayment";
        var expected = new Dictionary<string, string[]>
        {
            ["ToMemberId"] = new[] { "MemberId", "PayeeId", "PayeeMemberId", "member_id" },
            ["ToPrincipal"] = new[] { "Payee", "Recipient", "To", "ToMemberPrincipal" },
            ["Amount"] = new[] { "Value", "Sum" },
            ["TransferType"] = new[] { "Type", "TransferTypeId" },
            ["Description"] = new[] { "Memo", "Note", "Narration" },
            ["Reference"] = new[] { "TraceNumber", "Ref" },
        };
        foreach (var (parameter, aliases) in expected)
        {
            var p = Parameter(name, parameter);
            Assert.True(Any(p, "ValueFromPipelineByPropertyName", "Member"), $"{parameter} binds by property name");
            foreach (var alias in aliases) Assert.Contains(alias, p.Aliases);
        }
        // A MemberId column or property (Get-PayNetMember's output) is a member id, read as an id only; a member's
        // Username is no alias of -ToPrincipal, so a piped member binds one way.
        Assert.DoesNotContain("Username", Parameter(name, "ToPrincipal").Aliases);
        Assert.Empty(Parameter(name, "ToMemberId").Aliases.Intersect(Parameter(name, "ToPrincipal").Aliases));
        Assert.Equal(typeof(PayNetAmount), Parameter(name, "Amount").Property.PropertyType);
        Assert.Contains(Parameter(name, "Amount").Property.GetCustomAttributesData(), a => a.AttributeType == typeof(PayNetAmountTransformationAttribute));
        Assert.True(Any(Parameter(name, "Quote"), "ValueFromPipeline", "Quote"));
        Assert.Equal(typeof(WalletPaymentQuote), Parameter(name, "Quote").Property.PropertyType);
        Assert.True(Any(Parameter(name, "QrString"), "Mandatory", "QrString"));
        Assert.Equal(typeof(SwitchParameter), Parameter(name, "Validate").Property.PropertyType);
        Assert.Contains(Parameter(name, "TransferType").Property.GetCustomAttributesData(),
            a => a.AttributeType == typeof(ArgumentCompleterAttribute) && (Type)a.ConstructorArguments[0].Value! == typeof(WalletTransferTypeCompleter));
    }

    [Fact]
    public void Pipelines_between_the_cmdlets_bind_by_property_name()
    {
        Assert.True(Any(Parameter("New-PayNetDispute", "TransferId"), "ValueFromPipelineByPropertyName"));
        Assert.NotNull(typeof(WalletPaymentReceipt).GetProperty("TransferId"));
        Assert.NotNull(typeof(WalletStatementLine).GetProperty("TransferId"));
        Assert.True(Any(Parameter("Approve-PayNetAgreement", "Id"), "ValueFromPipelineByPropertyName"));
        Assert.True(Any(Parameter("Set-PayNetDispute", "Id"), "ValueFromPipelineByPropertyName"));
        Assert.True(Any(Parameter("Close-PayNetDispute", "Id"), "ValueFromPipelineByPropertyName"));
        Assert.True(Any(Parameter("Resolve-PayNetQrCode", "QrString"), "ValueFromPipelineByPropertyName"));
        Assert.True(Any(Parameter("Add-PayNetDocument", "Path"), "ValueFromPipelineByPropertyName"));
        Assert.Contains("FullName", Parameter("Add-PayNetDocument", "Path").Aliases);
        Assert.True(Any(Parameter("Get-PayNetStatement", "InputObject"), "ValueFromPipeline"));
    }

    [Fact]
    public void Secrets_are_SecureStrings_and_paging_is_declared()
    {
        Assert.Equal(typeof(System.Security.SecureString), Parameter("Register-PayNetMember", "Pin").Property.PropertyType);
        Assert.Equal(typeof(System.Security.SecureString), Parameter("Set-PayNetPin", "CurrentPin").Property.PropertyType);
        Assert.Equal(typeof(System.Security.SecureString), Parameter("Set-PayNetPin", "NewPin").Property.PropertyType);
        foreach (var name in new[] { "Get-PayNetStatement", "Get-PayNetDispute" })
        {
            var attribute = Cmdlet(name).Type.GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute));
            Assert.Contains(attribute.NamedArguments, n => n.MemberName == "SupportsPaging" && (bool)n.TypedValue.Value!);
        }
    }

    [Fact]
    public void Every_Wallet_output_type_has_a_table_view_of_four_to_seven_columns()
    {
        var format = XDocument.Load(RepoPaths.File("src", "PayNet.PowerShell", "PayNet.format.ps1xml"));
        var views = format.Descendants("View").Where(v => v.Element("TableControl") is not null).ToList();
        var outputs = WalletCmdlets.SelectMany(n => Cmdlet(n).OutputTypes).Distinct().ToList();
        foreach (var type in outputs)
        {
            var view = views.SingleOrDefault(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(t => t.Value == type.FullName));
            Assert.True(view is not null, $"{type.FullName} has a table view");
            var columns = view!.Descendants("TableColumnHeader").Select(c => c.Element("Label")!.Value).ToList();
            Assert.InRange(columns.Count, 4, 7);
            foreach (var column in columns) Assert.True(type.GetProperty(column) is not null, $"{type.Name}.{column} exists");
        }
    }

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData(" 7 ", "7")]
    [InlineData("0.10", "0.10")]
    public void CSV_text_binds_as_decimal_with_a_dot_on_every_culture(string text, string expected)
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var amount = PayNetAmount.From(text);
            Assert.True(amount.IsValid, amount.Problem);
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount.Value);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(" 1,250.00 ")]
    [InlineData("10,00")]
    [InlineData("-3")]
    [InlineData("twelve")]
    [InlineData("")]
    public void Text_that_is_not_strictly_an_amount_binds_but_is_refused_with_a_reason(string text)
    {
        var amount = PayNetAmount.From(text);
        Assert.False(amount.IsValid);
        Assert.Equal(text, amount.Text);
        var error = Assert.Throws<PayNet.Core.Money.PayNetInvalidAmountException>(() => amount.For(PayNet.Core.PayNetApi.Wallet, "ValidatePayment"));
        Assert.Equal(amount.Problem, error.Message);
    }

    [Fact]
    public void Numbers_bind_exactly()
    {
        Assert.Equal(12.3m, PayNetAmount.From(12.3d).Value);
        Assert.Equal(15m, PayNetAmount.From(15).Value);
        Assert.Equal(0.1m, PayNetAmount.From(0.1d).Value);
        Assert.Equal(2.5m, PayNetAmount.From(new PSObject(2.5m)).Value);
        Assert.False(PayNetAmount.From(double.NaN).IsValid);
        Assert.False(PayNetAmount.From(-1d).IsValid);
    }

    [Fact]
    public void The_transfer_type_completer_offers_the_names_with_their_ids()
    {
        var all = WalletTransferTypeCompleter.Complete("", null).ToList();
        Assert.Equal(new[] { "P2P", "Loyalty", "FixedFee", "PercentFee", "Cashback", "Discount" }, all.Select(c => c.Name));
        var fee = WalletTransferTypeCompleter.Complete("fi", new WalletTransferTypeIds { FixedFee = 121 }).Single();
        Assert.Equal("FixedFee", fee.Name);
        Assert.Contains("121", fee.Tip);
    }

    [Theory]
    [InlineData("P2P", 14)]
    [InlineData("fixed fee", 21)]
    [InlineData("Percent-Fee", 22)]
    [InlineData("PercentageFee", 22)]
    [InlineData("cashback", 24)]
    [InlineData("30", 30)]
    public void Transfer_type_names_and_ids_resolve_through_the_tenant_table(string text, int id) =>
        Assert.Equal(id, WalletTransferTypes.Resolve(text, new WalletTransferTypeIds(), "Test"));
}
