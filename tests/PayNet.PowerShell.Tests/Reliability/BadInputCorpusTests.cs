using PayNet.Core;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Reliability;

/// <summary>
/// Bad input at the cmdlet surface, against a live sandbox: each case must end in a clear,
/// non-terminating error with a stable ErrorId, never an unhandled exception, and move no money.
/// </summary>
public sealed class BadInputCorpusTests : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly HashSet<string> StableIds = typeof(ErrorIds).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToHashSet();

    private static readonly decimal[] BadAmounts = { 0m, -1m, -0.01m, 0.001m, 12.345m, 100_000_000.01m, decimal.MaxValue, 1e-20m };
    private static readonly string[] BadIds = { "", " ", "\t", new string('x', 10_000), "ü名前🙂", "'; DROP TABLE tx;--", "../../etc/passwd", "\0" };
    private static readonly (DateTime From, DateTime To)[] ReversedPeriods =
        { (new(2024, 1, 16), new(2024, 1, 15)), (new(2024, 2, 1), new(2024, 1, 1)), (new(2025, 1, 1), new(2024, 12, 31)) };

    private static readonly string[] PowerShellBindingRefusals =
        { "ParameterArgumentValidationErrorEmptyStringNotAllowed", "ParameterArgumentValidationError", "ParameterArgumentTransformationError", "ParameterArgumentValidationErrorNullNotAllowed" };

    private readonly SandboxFixture _sandbox;
    private readonly PwshSession _session;

    public BadInputCorpusTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _session = sandbox.Connect();
    }

    public void Dispose() => _session.Dispose();

    private sealed record Case(string Command, object Parameters, string[] Switches);

    private static readonly Dictionary<string, Case> Cases = BuildCases();

    public static IEnumerable<object[]> CaseNames() => Cases.Keys.Select(k => new object[] { k });

    private static Dictionary<string, Case> BuildCases()
    {
        var cases = new Dictionary<string, Case>();
        void Add(string name, string command, object parameters, params string[] switches) => cases[name] = new Case(command, parameters, switches);

        foreach (var a in BadAmounts)
        {
            string n = a.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Add($"Invoke-PayNetPayment -Amount {n}", "Invoke-PayNetPayment", new { ToMemberId = "3", Amount = a });
            Add($"Invoke-PayNetPayment -Validate -Amount {n}", "Invoke-PayNetPayment", new { ToMemberId = "3", Amount = a }, "Validate");
            Add($"Start-PayNetTopUp -Amount {n}", "Start-PayNetTopUp", new { Product = "et-mc", Account = "971550000000", Amount = a, PollIntervalSec = 0.02 });
            Add($"Add-PayNetMoney -Amount {n}", "Add-PayNetMoney", new { Amount = a });
            Add($"Request-PayNetWithdrawal -Amount {n}", "Request-PayNetWithdrawal", new { Amount = a });
            Add($"Request-PayNetRefund -Amount {n}", "Request-PayNetRefund", new { XactId = "xk_unknown", Amount = a });
            Add($"New-PayNetQrCode -Amount {n}", "New-PayNetQrCode", new { Amount = a }, "Amount");
        }
        for (int i = 0; i < BadIds.Length; i++)
        {
            string id = BadIds[i];
            string n = $"id#{i}";
            Add($"Get-PayNetTransaction -ReferenceNo {n}", "Get-PayNetTransaction", new { ReferenceNo = id });
            Add($"Get-PayNetTransaction -XactId {n}", "Get-PayNetTransaction", new { XactId = id });
            Add($"Get-PayNetTransaction -ExternalId {n}", "Get-PayNetTransaction", new { ExternalId = id });
            Add($"Get-PayNetTransaction -Id {n}", "Get-PayNetTransaction", new { Id = id });
            Add($"Resolve-PayNetQrCode -QrString {n}", "Resolve-PayNetQrCode", new { QrString = id });
            Add($"Invoke-PayNetPayment -ToMemberId {n}", "Invoke-PayNetPayment", new { ToMemberId = id, Amount = 5m });
            // An empty or blank cell means "not given" (the default type), as Import-Csv batches expect.
            if (!string.IsNullOrWhiteSpace(id))
                Add($"Invoke-PayNetPayment -TransferType {n}", "Invoke-PayNetPayment", new { ToMemberId = "3", Amount = 5m, TransferType = id });
            Add($"Start-PayNetTopUp -Product {n}", "Start-PayNetTopUp", new { Product = id, Account = "971550000000", Amount = 10m, PollIntervalSec = 0.02 });
            Add($"Start-PayNetTopUp -Account {n}", "Start-PayNetTopUp", new { Product = "et-mc", Account = id, Amount = 10m, PollIntervalSec = 0.02 });
            Add($"Request-PayNetRefund -XactId {n}", "Request-PayNetRefund", new { XactId = id });
        }
        foreach (var (from, to) in ReversedPeriods)
        {
            string n = $"{from:yyyy-MM-dd}>{to:yyyy-MM-dd}";
            Add($"Get-PayNetTransaction -From {n}", "Get-PayNetTransaction", new { From = from, To = to });
            Add($"Get-PayNetRefund -From {n}", "Get-PayNetRefund", new { From = from, To = to });
            Add($"Get-PayNetStatement -From {n}", "Get-PayNetStatement", new { From = from, To = to });
        }
        foreach (var member in new[] { "999999", "nobody-at-all", "id:424242" })
            Add($"Invoke-PayNetPayment unknown member {member}", "Invoke-PayNetPayment", new { ToMemberId = member, Amount = 5m });
        foreach (var type in new[] { "99", "Bogus", "-1", "0" })
            Add($"Invoke-PayNetPayment unknown transfer type {type}", "Invoke-PayNetPayment", new { ToMemberId = "3", Amount = 5m, TransferType = type });
        foreach (var product in new[] { "no-such-product", "test-inactive", "ET-MC-X" })
            Add($"Start-PayNetTopUp unknown product {product}", "Start-PayNetTopUp", new { Product = product, Account = "971550000000", Amount = 10m, PollIntervalSec = 0.02 });
        return cases;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_a_clear_stable_error_and_moves_no_money(string name)
    {
        var c = Cases[name];
        string ledgerBefore = await _sandbox.LedgerAsync();

        var host = _session.Call(c.Command, c.Parameters, call => call.Bind(c.Switches));

        if (host.Terminating is { } refused)
        {
            // PowerShell's own binder refused the argument before the cmdlet ran (an empty mandatory
            // string, a value outside [ValidateRange]): the statement stops, nothing was sent.
            Assert.Contains(refused.FullyQualifiedErrorId.Split(',')[0], PowerShellBindingRefusals);
            Assert.Equal(ledgerBefore, await _sandbox.LedgerAsync());
            return;
        }
        Assert.NotEmpty(host.Errors);
        Assert.All(host.Errors, e => Assert.Contains(e.ErrorId, StableIds));
        Assert.All(host.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.All(host.Errors, e => Assert.NotNull(e.TargetObject));
        Assert.Empty(host.Output.OfType<IPayNetRecord>().Where(r => r.Service != PayNetApi.Card));
        Assert.Equal(ledgerBefore, await _sandbox.LedgerAsync());
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("abc")]
    [InlineData("1e400")]
    [InlineData("--5")]
    [InlineData("12,34,56")]
    [InlineData("∞")]
    public void A_ledger_row_with_an_unreadable_amount_is_an_error_and_the_rest_is_compared(string amount)
    {
        var rows = new object[]
        {
            new Dictionary<string, object?> { ["Reference"] = "RCN-0001", ["Amount"] = amount },
            new Dictionary<string, object?> { ["Reference"] = "RCN-0015", ["Amount"] = "813.75" },
        };
        var host = _session.CallPipeline("Compare-PayNetTransaction", rows, new { Service = PayNetApi.Card, From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16) });
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.InvalidArgument, error.ErrorId);
        Assert.Same(rows[0], error.Target);
        Assert.Contains(host.Output.OfType<PayNet.Core.Reconciliation.ReconciliationResult>(), r => r.Reference == "RCN-0015");
    }

    [Fact]
    public void The_cmdlet_corpus_covers_amounts_ids_periods_members_types_and_products() => Assert.True(Cases.Count >= 150, $"{Cases.Count} cmdlet cases");
}
