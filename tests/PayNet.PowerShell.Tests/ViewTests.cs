using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PayNet.Core.TopUp;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>
/// The table views as a person at an 80- or 120-column console sees them (issue 16 item 8): every label is
/// a property to filter on, no column is dropped at 80, Time is never cut at 120, states are whole words.
/// </summary>
public sealed class ViewTests : SandboxCmdletTest
{
    public ViewTests(SandboxFixture sandbox) : base(sandbox) { }

    private static readonly XDocument Format = XDocument.Load(RepoPaths.File("src", "PayNet.PowerShell", "PayNet.format.ps1xml"));

    private static IEnumerable<XElement> TableViews => Format.Descendants("View").Where(v => v.Element("TableControl") is not null);

    private static Type TypeNamed(string name) =>
        new[] { typeof(PayNet.Core.PayNetApi).Assembly, typeof(PayNetConnection).Assembly }.Select(a => a.GetType(name)).FirstOrDefault(t => t is not null)
        ?? throw new InvalidOperationException($"No type {name}");

    private static List<string> Labels(XElement view) => view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value).ToList();

    private const string AnyRecord = "PayNet.Core.PayNetRecord";

    /// <summary>The columns every record has, so a table that takes any record shows them for every row.</summary>
    private static readonly string[] SharedColumns = { "Reference", "Amount", "Currency", "State" };

    private static IEnumerable<Type> RecordTypes =>
        typeof(PayNet.Core.PayNetRecord).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(PayNet.Core.PayNetRecord).IsAssignableFrom(t));

    [Fact]
    public void Every_column_label_is_a_property_of_every_type_the_view_shows()
    {
        var offenders = new List<string>();
        foreach (var view in TableViews)
            foreach (var typeName in view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value).Where(t => t != AnyRecord))
            {
                var type = TypeNamed(typeName);
                offenders.AddRange(Labels(view).Where(l => type.GetProperty(l, BindingFlags.Public | BindingFlags.Instance) is null).Select(l => $"{type.Name}: {l}"));
            }
        Assert.Empty(offenders);
    }

    [Fact]
    public void A_view_that_takes_any_record_shows_the_columns_every_record_has()
    {
        Assert.Contains(typeof(PayNet.Core.Card.CardRefund), RecordTypes);
        // Every record type is a PayNetRecord, so it can land in another record's table.
        var notRecords = typeof(PayNet.Core.PayNetRecord).Assembly.GetTypes()
            .Where(t => typeof(PayNet.Core.IPayNetRecord).IsAssignableFrom(t) && t.IsClass && !typeof(PayNet.Core.PayNetRecord).IsAssignableFrom(t));
        Assert.Empty(notRecords);
        foreach (var column in SharedColumns)
            foreach (var type in RecordTypes)
                Assert.True(type.GetProperty(column, BindingFlags.Public | BindingFlags.Instance) is not null, $"{type.Name} has no {column}");

        var anyRecordViews = TableViews.Where(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(t => t.Value == AnyRecord)).ToList();
        Assert.True(anyRecordViews.Count >= 6, "the statement, receipt, top-up, card, refund and journal views take any record");
        foreach (var view in anyRecordViews)
            Assert.All(SharedColumns, c => Assert.Contains(c, Labels(view)));
    }

    [Fact]
    public void Fixed_widths_fit_80_columns_and_times_get_19()
    {
        foreach (var view in TableViews)
        {
            var headers = view.Descendants("TableColumnHeader").ToList();
            int fixedWidth = headers.Sum(h => int.TryParse(h.Element("Width")?.Value, out int w) ? w : 0) + headers.Count - 1;
            // An 80-column console formats to 79 (one less than its width, so a full line never wraps).
            Assert.True(fixedWidth <= 79, $"{view.Element("Name")!.Value}: {fixedWidth} columns of fixed width");
            foreach (var header in headers)
            {
                string label = header.Element("Label")!.Value;
                if (int.TryParse(header.Element("Width")?.Value, out int width))
                    Assert.True(width >= label.Length, $"{view.Element("Name")!.Value}.{label} is narrower than its label");
            }
        }
    }

    /// <summary>Renders in this session at a width and returns the lines.</summary>
    private string[] Render(string producer, int width)
    {
        // As a console of that width lays tables out: one column less, so a full line never wraps.
        var result = Session.Run($"{producer} | Format-Table | Out-String -Width {width - 1}");
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        return string.Concat(result.Output.Select(o => o?.ToString())).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    private static string HeaderLine(string[] lines, string firstLabel) => lines.First(l => l.TrimStart().StartsWith(firstLabel, StringComparison.Ordinal));

    public static TheoryData<string, string> Producers => new()
    {
        { "Start-PayNetTopUp -Product slk100 -Account voucher00@example.com -Amount 100 -Confirm:$false -PollIntervalSec 0.02", "PayNet.Core.TopUp.TopUpTransaction" },
        { "Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Confirm:$false", "PayNet.Core.Wallet.WalletPaymentReceipt" },
        { "Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -TransferType FixedFee -Validate", "PayNet.Core.Wallet.WalletPaymentQuote" },
        { "Get-PayNetWallet", "PayNet.PowerShell.Models.PayNetBalance" },
        { "Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Confirm:$false | Out-Null; Get-PayNetStatement -From 2000-01-01 -To 2099-12-31 -First 5", "PayNet.Core.Wallet.WalletStatementLine" },
        { "Get-PayNetTransaction -From 2024-01-15 -To 2024-01-15 -IncludeFailed", "PayNet.Core.Card.CardTransaction" },
        { "Get-PayNetRefund -From 2024-01-15 -To 2024-01-18", "PayNet.Core.Card.CardRefund" },
        { "Get-PayNetPayout -Date 2024-01-16", "PayNet.Core.Card.CardPayout" },
        { "Get-PayNetProduct", "PayNet.Core.TopUp.TopUpProduct" },
        { "Get-PayNetConnection", "PayNet.PowerShell.PayNetConnection" },
        { "Import-Csv $ledger | Compare-PayNetTransaction -Service Card -From 2024-01-15 -To 2024-01-16", "PayNet.Core.Reconciliation.ReconciliationResult" },
    };

    [Theory]
    [MemberData(nameof(Producers))]
    public void At_80_columns_no_column_is_dropped_and_at_120_Time_is_whole(string producer, string viewName)
    {
        producer = producer.Replace("$ledger", "'" + RepoPaths.File("examples", "ledger-card.csv") + "'");
        var view = TableViews.Single(v => v.Element("Name")!.Value == viewName);
        var labels = Labels(view);

        var narrow = Render(producer, 80);
        var header = HeaderLine(narrow, labels[0]);
        foreach (var label in labels) Assert.Contains(label, header);
        Assert.All(narrow, l => Assert.True(l.Length <= 80, $"'{l}' is wider than 80"));

        var wide = Render(producer, 120);
        string text = string.Join("\n", wide);
        if (labels.Any(l => l is "Time" or "ConnectedAt" or "EntryDate"))
            Assert.Matches(new Regex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"), text);
        Assert.DoesNotContain("…ssed", text);
    }

    [Fact]
    public void Wallet_names_are_the_free_last_column_whole_at_120()
    {
        var names = Session.Run("Get-PayNetWallet | ForEach-Object Name").Output.Select(o => o.ToString()!).ToList();
        Assert.Contains(names, n => n.Length > 12);
        var wide = Render("Get-PayNetWallet", 120);
        foreach (var name in names) Assert.Contains(wide, l => l.TrimEnd().EndsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_voucher_PIN_is_on_screen_at_80_columns()
    {
        var topUp = Assert.IsType<TopUpTransaction>(Assert.Single(Session.Run(
            "Start-PayNetTopUp -Product slk100 -Account voucher00@example.com -Amount 100 -Confirm:$false -PollIntervalSec 0.02").Output));
        Assert.False(string.IsNullOrEmpty(topUp.VoucherPin));
        var lines = Render("Get-PayNetTransaction -ExternalId " + topUp.ExternalId, 80);
        Assert.Contains(lines, l => l.Contains(topUp.VoucherPin!));
        Assert.Contains(lines, l => l.Contains("Success"));
    }

    [Fact]
    public void What_the_table_shows_is_what_Where_Group_and_Select_use()
    {
        var result = Session.Run("Get-PayNetWallet | Where-Object IsDefault | Select-Object -ExpandProperty AvailableBalance");
        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
        var groups = Session.Run("Get-PayNetTransaction -From 2024-01-15 -To 2024-01-15 -IncludeFailed | Group-Object TransactionType | Select-Object -ExpandProperty Name");
        Assert.Contains("Sale", groups.Output.Select(o => o?.ToString()));
        var quote = Session.Run("Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -TransferType FixedFee -Validate | Select-Object PayeeName, TotalFees");
        Assert.Contains("Avatar S", quote.Output.Single()!.ToString());
    }

    [Fact]
    public void Enums_become_names_in_JSON_with_EnumsAsStrings_and_numbers_read_back()
    {
        var named = Session.Run("Get-PayNetTransaction -ReferenceNo RCN-0015 | Select-Object -First 1 | ConvertTo-Json -EnumsAsStrings");
        string json = string.Concat(named.Output.Select(o => o?.ToString()));
        Assert.Contains("\"Service\": \"Card\"", json);
        Assert.Contains("\"State\": \"Succeeded\"", json);
        var roundTrip = Session.Run("Get-PayNetTransaction -ReferenceNo RCN-0015 | Select-Object -First 1 | ConvertTo-Json | ConvertFrom-Json | Get-PayNetTransaction");
        Assert.Empty(roundTrip.Errors);
        Assert.NotEmpty(roundTrip.Output);
    }
}
