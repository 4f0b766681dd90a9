using System.Management.Automation;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Models;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>
/// Import-Csv payouts.csv | Invoke-PayNetPayment -Confirm:$false: each row binds by column name (the test
/// sets the properties PowerShell would bind), bad rows become errors carrying the row, and the batch goes on.
/// </summary>
public sealed class PaymentBatchTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public PaymentBatchTests(SandboxFixture sandbox) => _sandbox = sandbox;

    /// <summary>One CSV row as Import-Csv gives it: every cell a string, bound by property name (an empty cell is "not given").</summary>
    private static PSObject Row(string payee, string amount, string? type = null, string? memo = null, string? reference = null)
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("ToMemberId", payee));
        row.Properties.Add(new PSNoteProperty("Amount", amount));
        row.Properties.Add(new PSNoteProperty("TransferType", type ?? ""));
        row.Properties.Add(new PSNoteProperty("Description", memo ?? ""));
        row.Properties.Add(new PSNoteProperty("Reference", reference ?? ""));
        return row;
    }

    [Fact]
    public async Task Bad_rows_are_errors_with_the_row_as_target_and_the_good_rows_are_paid()
    {
        await _sandbox.ResetAsync();
        var store = _sandbox.Connect();
        var rows = new[]
        {
            Row("86888", "12.50", reference: "payout-1"),
            Row("86888", "12.345", reference: "payout-2"),
            Row("nobody-here", "10", reference: "payout-3"),
            Row("86888", "10", type: "Gift", reference: "payout-4"),
            Row("86888", "1,200.00", reference: "payout-5"),
            Row(" ", "3", reference: "payout-empty"),
            Row("9555", " 7 ", type: "P2P", memo: "Coffee", reference: "payout-6"),
        };

        var host = WalletTestKit.Pipeline(store, "Invoke-PayNetPayment", null, rows);

        Assert.Null(host.Terminating);
        var receipts = host.OutputOf<WalletPaymentReceipt>().ToList();
        Assert.Equal(new[] { "payout-1", "payout-6" }, receipts.Select(r => r.TraceNumber));
        Assert.Equal(new[] { 12.50m, 7m }, receipts.Select(r => r.Amount));

        Assert.Collection(host.Errors,
            e => AssertRowError(e, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, "86888", 12.345m, "payout-2"),
            e => AssertRowError(e, ErrorIds.NotFound, ErrorCategory.ObjectNotFound, "nobody-here", 10m, "payout-3"),
            e => AssertRowError(e, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, "86888", 10m, "payout-4"),
            e => AssertRowError(e, ErrorIds.Rejected, ErrorCategory.InvalidOperation, "86888", 1_200m, "payout-5"),
            e => AssertRowError(e, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, " ", 3m, "payout-empty"));
        Assert.Contains("Gift", host.Errors[2].Message);
        Assert.Contains("NOT_ENOUGH_FUNDS", host.Errors[3].Message);

        var ledger = await WalletTestKit.LedgerAsync(_sandbox.Control);
        Assert.Equal(new[] { "payout-1", "payout-6" }, ledger.Select(l => l.Reference));
        Assert.Equal(980.50m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task ConvertFrom_Csv_rows_bind_by_property_name_with_their_string_amounts_and_the_ledger_shows_exactly_them()
    {
        await _sandbox.ResetAsync();
        using var session = _sandbox.Connect();
        const string csv = "ToMemberId,Amount,Reference,Description\n86888,12.50,csv-1,Lunch\n9555,1.75,csv-2,\n86888,100,csv-3,Rent share\n";

        var result = session.Run("$csv | ConvertFrom-Csv | Invoke-PayNetPayment -Confirm:$false", new { csv });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Empty(result.ConfirmPrompts);
        Assert.Equal(new[] { "csv-1", "csv-2", "csv-3" }, result.OutputOf<WalletPaymentReceipt>().Select(r => r.TraceNumber));
        var ledger = await WalletTestKit.LedgerAsync(_sandbox.Control);
        Assert.Equal(new[] { ("csv-1", 12.50m), ("csv-2", 1.75m), ("csv-3", 100m) }, ledger.Select(l => (l.Reference, l.Amount)));
        Assert.Equal(1_000m - 12.50m - 1.75m - 100m, WalletTestKit.Balance(session));
    }

    [Fact]
    public async Task The_amount_check_happens_before_any_call_to_PayNet()
    {
        await _sandbox.ResetAsync();
        var store = _sandbox.Connect();
        var client = store.DefaultConnection(PayNet.Core.PayNetApi.Wallet)!.WalletClient;
        int before = client.CallsToday;

        var host = WalletTestKit.Pipeline(store, "Invoke-PayNetPayment", null, new[] { Row("86888", "-5"), Row("86888", "0"), Row("86888", "0.001") });

        Assert.Equal(3, host.Errors.Count);
        Assert.All(host.Errors, e => Assert.Equal(ErrorIds.InvalidArgument, e.ErrorId));
        Assert.Equal(before, client.CallsToday);
    }

    [Fact]
    public async Task Rerunning_a_batch_with_its_references_pays_nobody_twice()
    {
        await _sandbox.ResetAsync();
        var store = _sandbox.Connect();
        var rows = new[] { Row("86888", "5", reference: "again-1"), Row("9555", "6", reference: "again-2") };

        var first = WalletTestKit.Pipeline(store, "Invoke-PayNetPayment", null, rows);
        var second = WalletTestKit.Pipeline(store, "Invoke-PayNetPayment", null, rows);

        Assert.Equal(2, first.OutputOf<WalletPaymentReceipt>().Count());
        Assert.Empty(second.Output);
        Assert.Equal(2, second.Errors.Count);
        Assert.All(second.Errors, e => Assert.Equal(ErrorIds.Rejected, e.ErrorId));
        Assert.All(second.Errors, e => Assert.Contains("already used", e.Message));
        Assert.Equal(2, (await WalletTestKit.LedgerAsync(_sandbox.Control)).Count);
        Assert.Equal(989.00m, WalletTestKit.Balance(store));
    }

    private static void AssertRowError(ErrorRecord error, string id, ErrorCategory category, string payee, decimal amount, string reference)
    {
        Assert.Equal(id, error.ErrorId);
        Assert.Equal(category, error.Category);
        var row = Assert.IsType<WalletPaymentInput>(error.TargetObject);
        Assert.Equal(payee, row.ToMemberId);
        Assert.Equal(amount, row.Amount);
        Assert.Equal(reference, row.Reference);
    }
}
