using System.Globalization;
using PayNet.Core.Reconciliation;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;
using PayNet.PowerShell.Tests.Wallet;

namespace PayNet.PowerShell.Tests.Reconciliation;

/// <summary>
/// What the module writes, it reads back (issue 16 item 5): Get-PayNetStatement lines, and their CSV and JSON
/// copies, reconcile as Matched against the same Wallet statement. Amounts are signed from the wallet holder's
/// side (a debit negative), so a debit never matches a credit of the same size and a wrong amount stays a mismatch.
/// </summary>
public sealed class CompareWalletStatementTests : SandboxCmdletTest
{
    public CompareWalletStatementTests(SandboxFixture sandbox) : base(sandbox) { }

    private const string Period = "-From 2000-01-01 -To 2099-12-31";

    /// <summary>A plain payment, a payment with its fee line, a pending add-money credit and a withdrawal.</summary>
    private List<WalletStatementLine> MoveMoney()
    {
        var moves = Session.Run(
            "Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Reference wal-pay-1 -Confirm:$false | Out-Null\n" +
            "Invoke-PayNetPayment -ToMemberId 4 -Amount 12.5 -TransferType FixedFee -Reference wal-fee-1 -Confirm:$false | Out-Null\n" +
            "Add-PayNetMoney -Amount 40 -Reference wal-add-1 -Confirm:$false | Out-Null\n" +
            "Request-PayNetWithdrawal -Amount 7 -BankAccount GB29NWBK60161331926819 -Reference wal-wd-1 -Confirm:$false | Out-Null");
        Assert.Null(moves.Terminating);
        Assert.Empty(moves.Errors);
        var lines = Session.Run($"Get-PayNetStatement {Period}").OutputOf<WalletStatementLine>().ToList();
        Assert.Contains(lines, l => l.Amount < 0m);
        Assert.Contains(lines, l => l.Amount > 0m); // the add-money credit
        Assert.Contains(lines, l => l.TraceNumber!.EndsWith("-FEE", StringComparison.Ordinal));
        return lines;
    }

    private Dictionary<string, ReconciliationResult> Compare(string ledger)
    {
        var result = Session.Run($"{ledger} | Compare-PayNetTransaction -Service Wallet {Period}");
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        return result.OutputOf<ReconciliationResult>().ToDictionary(r => r.Reference, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every executed Wallet move in the sandbox ledger is Matched, with the caller's money out as a negative amount.</summary>
    private async Task AssertEveryLineMatched(List<WalletStatementLine> lines, Dictionary<string, ReconciliationResult> results)
    {
        Assert.Equal(lines.Count, results.Count);
        Assert.All(results.Values, r => Assert.True(r.Status == ReconciliationStatus.Matched, $"{r.Reference}: {r.Status} ledger {r.LedgerAmount} PayNet {r.PayNetAmount} {r.Note}"));
        var executed = await WalletTestKit.LedgerAsync(Sandbox.Control);
        Assert.NotEmpty(executed);
        foreach (var move in executed)
        {
            Assert.True(results.TryGetValue(move.Reference, out var result), $"{move.Reference} of the sandbox ledger was not reconciled");
            Assert.Equal(-move.Amount, result!.PayNetAmount);
            Assert.Equal(-move.Amount, result.LedgerAmount);
        }
    }

    [Fact]
    public async Task Statement_lines_piped_straight_in_are_all_Matched()
    {
        var lines = MoveMoney();
        await AssertEveryLineMatched(lines, Compare($"Get-PayNetStatement {Period}"));
    }

    [Fact]
    public async Task Statement_lines_exported_to_CSV_and_imported_again_are_all_Matched()
    {
        var lines = MoveMoney();
        string path = Path.Combine(Path.GetTempPath(), $"paynet-statement-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Empty(Session.Run($"Get-PayNetStatement {Period} | Export-Csv -LiteralPath '{path}'").Errors);
            await AssertEveryLineMatched(lines, Compare($"Import-Csv -LiteralPath '{path}'"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ConvertTo-Json")]
    [InlineData("ConvertTo-Json -EnumsAsStrings")]
    public async Task Statement_lines_copied_through_JSON_are_all_Matched_even_in_a_comma_decimal_culture(string toJson)
    {
        var lines = MoveMoney();
        // JSON numbers come back as doubles: in de-DE their text is "-7,5", and State comes back as a number
        // (Processed is 2). The culture is set in the same script, on the thread that runs the pipeline.
        var results = Compare("[System.Globalization.CultureInfo]::CurrentCulture = 'de-DE'\n" +
            "if ((1.5).ToString() -ne '1,5') { throw 'the culture did not take' }\n" +
            $"Get-PayNetStatement {Period} | {toJson} | ConvertFrom-Json");
        await AssertEveryLineMatched(lines, results);
    }

    [Fact]
    public async Task A_users_ledger_with_unsigned_amounts_and_a_Type_column_or_with_signed_amounts_is_Matched()
    {
        var lines = MoveMoney();
        Session.SetVariable("lines", lines);
        // Every ledger names the state too: the add-money credit is still pending, and an empty state means paid.
        var unsigned = Compare("$lines | ForEach-Object { [pscustomobject]@{ Reference = $_.TraceNumber; Amount = [Math]::Abs($_.Amount).ToString([cultureinfo]::InvariantCulture); Type = $_.Direction.ToUpperInvariant(); Currency = $_.Currency; Status = $_.StateName } }");
        await AssertEveryLineMatched(lines, unsigned);
        var signed = Compare("$lines | ForEach-Object { @{ TraceNumber = $_.TraceNumber; Total = $_.Amount; Status = $_.StateName } }");
        await AssertEveryLineMatched(lines, signed);
        var drCr = Compare("$lines | ForEach-Object { [pscustomobject]@{ Ref = $_.TraceNumber; Amount = [Math]::Abs($_.Amount); DrCr = if ($_.Amount -lt 0) { 'Dr' } else { 'Cr' }; PaymentStatus = $_.StateName } }");
        await AssertEveryLineMatched(lines, drCr);
    }

    [Fact]
    public async Task Payment_add_money_and_withdrawal_receipts_and_their_CSV_copy_read_back_as_Matched()
    {
        string path = Path.Combine(Path.GetTempPath(), $"paynet-receipts-{Guid.NewGuid():N}.csv");
        try
        {
            var made = Session.Run(
                "$receipts = @(Invoke-PayNetPayment -ToMemberId 4 -Amount 12.5 -TransferType FixedFee -Reference rc-pay -Confirm:$false\n" +
                "  Add-PayNetMoney -Amount 40 -Reference rc-add -Confirm:$false\n" +
                "  Request-PayNetWithdrawal -Amount 7 -BankAccount GB29NWBK60161331926819 -Reference rc-wd -Confirm:$false)\n" +
                $"$receipts | Export-Csv -LiteralPath '{path}'");
            Assert.Null(made.Terminating);
            Assert.Empty(made.Errors);
            foreach (var ledger in new[] { "$receipts", $"Import-Csv -LiteralPath '{path}'" })
            {
                var results = Compare(ledger);
                Assert.Equal(ReconciliationStatus.Matched, results["rc-pay"].Status);
                Assert.Equal(-12.5m, results["rc-pay"].LedgerAmount);
                Assert.Equal(ReconciliationStatus.Matched, results["rc-add"].Status);
                Assert.Equal(40m, results["rc-add"].LedgerAmount);
                Assert.Equal(ReconciliationStatus.Matched, results["rc-wd"].Status);
                Assert.Equal(-7m, results["rc-wd"].LedgerAmount);
                // The fee is PayNet's own line: no receipt books it, so it is reported, not matched.
                Assert.Equal(ReconciliationStatus.MissingInLedger, results["rc-pay-FEE"].Status);
            }
            var executed = await WalletTestKit.LedgerAsync(Sandbox.Control);
            Assert.Contains(executed, m => m.Reference == "rc-pay" && m.Amount == 12.5m);
            Assert.Contains(executed, m => m.Reference == "rc-wd" && m.Amount == 7m);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_wrong_amount_is_an_AmountMismatch_and_a_debit_never_matches_a_credit_of_the_same_size()
    {
        var lines = MoveMoney();
        var debit = lines.First(l => l.Amount < 0m && !l.TraceNumber!.EndsWith("-FEE", StringComparison.Ordinal));
        var credit = lines.Single(l => l.Amount > 0m);
        Session.SetVariable("debit", debit.TraceNumber);
        Session.SetVariable("credit", credit.TraceNumber);
        Session.SetVariable("debitSize", Math.Abs(debit.Amount));
        Session.SetVariable("creditSize", credit.Amount);
        var results = Compare("@(" +
            "[pscustomobject]@{ Reference = $debit; Amount = ($debitSize + 0.01); Direction = 'Debit' }, " +   // one cent too much
            "[pscustomobject]@{ Reference = $credit; Amount = $creditSize; Direction = 'Debit'; State = 'Pending' })"); // money in booked as out

        var wrong = results[debit.TraceNumber!];
        Assert.Equal(ReconciliationStatus.AmountMismatch, wrong.Status);
        Assert.Equal(debit.Amount - 0.01m, wrong.LedgerAmount);
        Assert.Equal(-0.01m, wrong.Difference);

        var flipped = results[credit.TraceNumber!];
        Assert.Equal(ReconciliationStatus.AmountMismatch, flipped.Status);
        Assert.Equal(-credit.Amount, flipped.LedgerAmount);
        Assert.Equal(credit.Amount, flipped.PayNetAmount);
        Assert.Contains("opposite direction", flipped.Note);

        // The same without a direction column: an unsigned amount is money in, so it does not match a debit.
        var unsignedDebit = Compare("[pscustomobject]@{ Reference = $debit; Amount = $debitSize }")[debit.TraceNumber!];
        Assert.Equal(ReconciliationStatus.AmountMismatch, unsignedDebit.Status);
        Assert.Contains("Direction column", unsignedDebit.Note);
        // Not even a tolerance as large as the difference makes them match: it is for rounding, not for direction.
        var tolerant = Session.Run($"[pscustomobject]@{{ Reference = $debit; Amount = $debitSize }} | Compare-PayNetTransaction -Service Wallet {Period} -Tolerance (2 * $debitSize)");
        Assert.Equal(ReconciliationStatus.AmountMismatch, tolerant.OutputOf<ReconciliationResult>().Single(r => r.Reference == debit.TraceNumber).Status);
    }

    [Fact]
    public void A_direction_that_contradicts_the_sign_or_is_no_direction_is_that_rows_error_and_the_ledger_goes_on()
    {
        var lines = MoveMoney();
        var debit = lines.First(l => l.Amount < 0m);
        Session.SetVariable("debit", debit.TraceNumber);
        Session.SetVariable("size", Math.Abs(debit.Amount));
        var result = Session.Run("@(" +
            "[pscustomobject]@{ Reference = 'row-1'; Amount = -5; Direction = 'Credit' }, " +
            "[pscustomobject]@{ Reference = 'row-2'; Amount = 5; Direction = 'sideways' }, " +
            "[pscustomobject]@{ Reference = $debit; Amount = $size; Type = 'Payment'; Flow = 'OUT' }) | " +
            $"Compare-PayNetTransaction -Service Wallet {Period} -DirectionProperty Flow");
        Assert.Null(result.Terminating);
        // -DirectionProperty names the only column read: row-1's Direction and row-2's are not looked at.
        Assert.Empty(result.Errors);
        Assert.Equal(ReconciliationStatus.Matched, result.OutputOf<ReconciliationResult>().Single(r => r.Reference == debit.TraceNumber).Status);

        var defaults = Session.Run("@(" +
            "[pscustomobject]@{ Reference = 'row-1'; Amount = -5; Direction = 'Credit' }, " +
            "[pscustomobject]@{ Reference = 'row-2'; Amount = 5; Direction = 'sideways' }, " +
            "[pscustomobject]@{ Reference = $debit; Amount = -$size; Type = 'Payment' }) | " +
            $"Compare-PayNetTransaction -Service Wallet {Period}");
        Assert.Null(defaults.Terminating);
        Assert.Collection(defaults.Errors,
            e => { Assert.Equal(ErrorIds.InvalidAmount, e.ErrorId); Assert.Contains("Credit", e.Message); },
            e => { Assert.Equal(ErrorIds.InvalidArgument, e.ErrorId); Assert.Contains("sideways", e.Message); });
        Assert.All(defaults.Errors, e => Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, e.Category));
        // A Type column holding a transfer type is not a direction: the signed amount decides.
        Assert.Equal(ReconciliationStatus.Matched, defaults.OutputOf<ReconciliationResult>().Single(r => r.Reference == debit.TraceNumber).Status);
    }
}
