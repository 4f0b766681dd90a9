using System.Management.Automation;
using System.Text.Json;
using PayNet.Core.Card;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Tests.Support;
using PayNet.PowerShell.Tests.Wallet;

namespace PayNet.PowerShell.Tests.Reliability;

/// <summary>
/// The money-safety defects found from outside, at the cmdlet surface in real PowerShell, judged against
/// the sandbox's ledger (never against what the module says about itself): amount text from CSV rows, a
/// batch that meets an unknown state, and Ctrl+C after a money move was sent.
/// </summary>
public sealed class MoneySafetyCmdletTests : SandboxCmdletTest
{
    public MoneySafetyCmdletTests(SandboxFixture sandbox) : base(sandbox) { }

    public static TheoryData<string> BadAmounts => new() { "10,00", "1,5", "1,0", "abc", "١٠", "1e1", "0x10", "1 000", "10.0.0", "-5", "+5", "" };

    private async Task<IReadOnlyList<JsonElement>> LedgerAsync(string api) => LedgerJson.Entries(await Sandbox.LedgerAsync(), api);

    private static string Cell(PSObject row, string name) => row.Properties[name]?.Value?.ToString() ?? "";

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public async Task A_payment_row_whose_amount_is_not_strict_text_is_its_own_error_and_the_next_row_is_paid(string amount)
    {
        string csv = $"ToPrincipal,Amount,Reference\n86888,\"{amount}\",bad-1\n86888,2.50,good-1\n";
        var result = Session.Run("$csv | ConvertFrom-Csv | Invoke-PayNetPayment -Confirm:$false", new { csv });

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal("PayNetInvalidAmount", error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        var row = Assert.IsType<PSObject>(error.TargetObject);
        Assert.Equal("bad-1", Cell(row, "Reference"));
        Assert.Equal(amount, Cell(row, "Amount"));
        Assert.Equal(new[] { "good-1" }, result.OutputOf<WalletPaymentReceipt>().Select(r => r.TraceNumber));
        var ledger = await WalletTestKit.LedgerAsync(Sandbox.Control);
        Assert.Equal(new[] { ("good-1", 2.50m) }, ledger.Select(l => (l.Reference, l.Amount)));
    }

    [Theory]
    [InlineData("Add-PayNetMoney")]
    [InlineData("Request-PayNetWithdrawal")]
    public async Task Add_money_and_withdrawals_refuse_a_decimal_comma_and_book_nothing(string command)
    {
        foreach (var amount in new[] { "10,00", "1,5", "1e1" })
        {
            var result = Session.Run($"[pscustomobject]@{{ Amount = $amount; Reference = 'sys-1' }} | {command} -Confirm:$false", new { amount });
            var error = Assert.Single(result.Errors);
            Assert.Equal("PayNetInvalidAmount", error.ErrorId);
            Assert.Equal(amount, Cell(Assert.IsType<PSObject>(error.TargetObject), "Amount"));
            Assert.Empty(result.ConfirmPrompts);
        }
        Assert.Empty(await WalletTestKit.LedgerAsync(Sandbox.Control));
    }

    [Theory]
    [InlineData("10,00")]
    [InlineData("1,5")]
    [InlineData("1e1")]
    public async Task A_refund_amount_is_read_by_the_same_strict_reader(string amount)
    {
        var f01 = Session.Call("Get-PayNetTransaction", new { ReferenceNo = "RCN-0001" }).OutputOf<CardTransaction>().Single();
        string before = await Sandbox.LedgerAsync();

        var result = Session.Run("Request-PayNetRefund -XactId $x -Amount $amount -Confirm:$false", new { x = f01.XactId, amount });

        Assert.Equal("PayNetInvalidAmount", Assert.Single(result.Errors).ErrorId);
        Assert.Empty(result.Output);
        Assert.Equal(LedgerJson.Entries(before, "Card").Count, (await LedgerAsync("Card")).Count);
    }

    [Fact]
    public async Task A_top_up_row_with_a_decimal_comma_is_an_error_and_WhatIf_never_shows_ten()
    {
        const string csv = "Product,Account,Amount\net-mc,971550000000,\"1,0\"\n";
        var result = Session.Run("$csv | ConvertFrom-Csv | Start-PayNetTopUp -WhatIf", new { csv });

        Assert.Equal("PayNetInvalidAmount", Assert.Single(result.Errors).ErrorId);
        Assert.Empty(result.WhatIf);
        Assert.Empty(await LedgerAsync("TopUp"));
    }

    [Fact]
    public async Task Numbers_typed_in_a_script_still_pay_exactly_what_they_say()
    {
        var result = Session.Run("Invoke-PayNetPayment -ToPrincipal 86888 -Amount 12.5 -Reference n-1 -Confirm:$false; Invoke-PayNetPayment -ToPrincipal 86888 -Amount ([decimal]'1.10') -Reference n-2 -Confirm:$false; Invoke-PayNetPayment -ToPrincipal 86888 -Amount 3 -Reference n-3 -Confirm:$false");

        Assert.True(result.Errors.Count == 0, string.Join(" | ", result.Errors.Select(e => e.ErrorId + ": " + e.Message)));
        var ledger = await WalletTestKit.LedgerAsync(Sandbox.Control);
        Assert.Equal(new[] { ("n-1", 12.5m), ("n-2", 1.10m), ("n-3", 3m) }, ledger.Select(l => (l.Reference, l.Amount)));
    }

    /// <summary>
    /// A pipeline step that passes rows on and, just before the row with <paramref name="reference"/> reaches the cmdlet,
    /// arms an HTTP 500 (before anything is booked) on the member-payment confirm. Needs $root in the script.
    /// </summary>
    private static string Arm500WhenRowArrives(string reference) => @"ForEach-Object {
                if ($_.Reference -eq '" + reference + @"') {
                    $fault = @{ path = '/wallet/api/payments/confirm/member-payment'; kind = 'Status500'; count = 1 } | ConvertTo-Json
                    $null = Invoke-RestMethod -Method Post -Uri ""$root/__sandbox/faults"" -ContentType 'application/json' -Body $fault
                }
                $_
            }";

    [Fact]
    public async Task An_unknown_state_keeps_the_receipts_already_written_and_halts_the_rest_of_the_batch()
    {
        // An earlier run already paid 5.00 under b-2. Row b-2 (2.00) is answered with HTTP 500: the history shows
        // b-2 for another amount, so the client cannot tell and b-2 is PayNetStateUnknown. Rows after it are not
        // sent at all. The fault is armed from inside the pipeline, just before b-2 reaches the cmdlet.
        const string csv = "ToPrincipal,Amount,Reference\n86888,1.00,b-1\n86888,2.00,b-2\n86888,3.00,b-3\n9555,4.00,b-4\n";
        var result = Session.Run(@"
            $null = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5.00 -Reference b-2 -Confirm:$false
            $out = $csv | ConvertFrom-Csv | " + Arm500WhenRowArrives("b-2") + @" | Invoke-PayNetPayment -Confirm:$false
            $out", new { csv, root = Sandbox.Server.RootUri.ToString().TrimEnd('/') });

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "b-1" }, result.OutputOf<WalletPaymentReceipt>().Select(r => r.TraceNumber));
        Assert.Collection(result.Errors,
            e =>
            {
                Assert.Equal("PayNetStateUnknown", e.ErrorId);
                Assert.Equal("b-2", Cell(Assert.IsType<PSObject>(e.TargetObject), "Reference"));
                Assert.Contains("b-2", e.RecommendedAction);
            },
            e => { Assert.Equal("PayNetBatchHalted", e.ErrorId); Assert.Equal("b-3", Cell(Assert.IsType<PSObject>(e.TargetObject), "Reference")); },
            e => { Assert.Equal("PayNetBatchHalted", e.ErrorId); Assert.Equal("b-4", Cell(Assert.IsType<PSObject>(e.TargetObject), "Reference")); });
        var ledger = await WalletTestKit.LedgerAsync(Sandbox.Control);
        Assert.Equal(new[] { ("b-2", 5.00m), ("b-1", 1.00m) }, ledger.Select(l => (l.Reference, l.Amount)));
    }

    [Fact]
    public async Task An_add_money_the_gateway_failed_settled_after_a_dropped_answer_is_a_rejected_error_never_a_receipt()
    {
        // Sandbox magic (wallet.md §11.4): add money ending in .13 fails at the gateway. Its answer is dropped, so the
        // client settles from the history, which shows the transfer FAILED: that must not look like money added.
        string fault = "$null = Invoke-RestMethod -Method Post -Uri \"$root/__sandbox/faults\" -ContentType 'application/json' -Body (@{ path = '/wallet/api/payments/confirm/system-payment'; kind = 'DropAfterCommit'; count = 1 } | ConvertTo-Json)";
        var result = Session.Run(fault + @"
            Add-PayNetMoney -Amount 3.13 -Reference am-13 -Confirm:$false
            Add-PayNetMoney -Amount 3.00 -Reference am-00 -Confirm:$false", new { root = Sandbox.Server.RootUri.ToString().TrimEnd('/') });

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "am-00" }, result.OutputOf<WalletPaymentReceipt>().Select(r => r.TraceNumber));
        var error = Assert.Single(result.Errors);
        Assert.Equal("PayNetRejected", error.ErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        var failed = Assert.IsType<WalletPaymentReceipt>(error.TargetObject is PSObject wrapped ? wrapped.BaseObject : error.TargetObject);
        Assert.Equal("am-13", failed.TraceNumber);
        Assert.Contains("no money moved", error.ToString());
        Assert.DoesNotContain(await WalletTestKit.LedgerAsync(Sandbox.Control), l => l.Reference == "am-13");
    }

    [Fact]
    public async Task A_payment_answered_500_that_nothing_booked_is_its_rows_error_and_the_batch_goes_on()
    {
        // HTTP 500 is a complete answer and the history, read on the whole settle schedule, has nothing under c-2:
        // it was not booked. That is a known failure (PayNetUnavailable naming c-2), not an unknown state, so the
        // batch is not halted and c-3 is paid.
        const string csv = "ToPrincipal,Amount,Reference\n86888,1.00,c-1\n86888,2.00,c-2\n86888,3.00,c-3\n";
        var result = Session.Run(@"
            $out = $csv | ConvertFrom-Csv | " + Arm500WhenRowArrives("c-2") + @" | Invoke-PayNetPayment -Confirm:$false
            $out", new { csv, root = Sandbox.Server.RootUri.ToString().TrimEnd('/') });

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "c-1", "c-3" }, result.OutputOf<WalletPaymentReceipt>().Select(r => r.TraceNumber));
        var error = Assert.Single(result.Errors);
        Assert.Equal("PayNetUnavailable", error.ErrorId);
        Assert.Equal("c-2", Cell(Assert.IsType<PSObject>(error.TargetObject), "Reference"));
        Assert.Contains("not booked", error.ToString());
        Assert.DoesNotContain("did not answer", error.ToString());
        Assert.Equal("Get-PayNetJournal -Reference 'c-2'", error.RecommendedAction);
        var journal = Session.Run("Get-PayNetJournal -Reference 'c-2' | ForEach-Object State");
        Assert.Equal("Failed", Assert.Single(journal.Output).ToString());
        var ledger = await WalletTestKit.LedgerAsync(Sandbox.Control);
        Assert.Equal(new[] { ("c-1", 1.00m), ("c-3", 3.00m) }, ledger.Select(l => (l.Reference, l.Amount)).OrderBy(l => l.Reference));
    }

    [Fact]
    public async Task Ctrl_C_during_a_slow_top_up_confirm_still_reports_the_booked_top_up_in_Error()
    {
        // Account suffix 24: the sandbox books at once and answers 1.5 s later. Ctrl+C lands once the
        // ledger shows the booking, i.e. while the client waits for the answer.
        var stopped = Session.RunStopping(
            "Start-PayNetTopUp -Product et-mc -Account 971550000024 -Amount 10 -ExternalId slow-24 -Confirm:$false",
            ps => { WaitForLedger("TopUp", "slow-24"); ps.Stop(); });

        Assert.True(stopped.Stopped);
        Assert.Single(await LedgerAsync("TopUp"), e => e.GetProperty("reference").GetString() == "slow-24");
        var lastError = LastError(stopped);
        Assert.Contains(lastError.ErrorId, new[] { "PayNetStoppedAfterMoneyMoved", "PayNetStateUnknown" });
        if (lastError.ErrorId == "PayNetStoppedAfterMoneyMoved")
            Assert.Equal("slow-24", Assert.IsType<TopUpTransaction>(lastError.Target).ExternalId);
        Assert.Contains(stopped.HostLines.Concat(stopped.Warnings), l => l.Contains("slow-24"));
        Assert.Contains(stopped.HostLines.Concat(stopped.Warnings), l => l.Contains("Get-PayNetJournal"));
    }

    [Fact]
    public async Task Ctrl_C_while_a_payment_answer_is_late_still_reports_the_booked_payment_in_Error()
    {
        await Sandbox.ArmFaultAsync("/wallet/api/payments/confirm/member-payment", "DelayAfterCommit", delayMs: 3000);
        var stopped = Session.RunStopping(
            "Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5 -Reference late-1 -Confirm:$false",
            ps => { WaitForLedger("Wallet", "late-1"); ps.Stop(); });

        Assert.True(stopped.Stopped);
        Assert.Single(await WalletTestKit.LedgerAsync(Sandbox.Control), l => l.Reference == "late-1");
        var lastError = LastError(stopped);
        Assert.Equal("PayNetStoppedAfterMoneyMoved", lastError.ErrorId);
        var receipt = Assert.IsType<WalletPaymentReceipt>(lastError.Target);
        Assert.Equal("late-1", receipt.TraceNumber);
        Assert.Equal(5m, receipt.Amount);
    }

    [Fact]
    public async Task Ctrl_C_while_a_withdrawal_answer_is_late_still_reports_it()
    {
        await Sandbox.ArmFaultAsync("/wallet/api/payments/confirm/system-payment", "DelayAfterCommit", delayMs: 3000);
        var stopped = Session.RunStopping(
            "Request-PayNetWithdrawal -Amount 7 -Reference wd-late -Confirm:$false",
            ps => { WaitForLedger("Wallet", "wd-late"); ps.Stop(); });

        Assert.True(stopped.Stopped);
        Assert.Single(await WalletTestKit.LedgerAsync(Sandbox.Control), l => l.Reference == "wd-late");
        var lastError = LastError(stopped);
        Assert.Contains(lastError.ErrorId, new[] { "PayNetStoppedAfterMoneyMoved", "PayNetStateUnknown" });
        Assert.Contains("wd-late", lastError.ErrorDetails?.Message + lastError.ErrorDetails?.RecommendedAction + lastError.TargetObject);
    }

    [Fact]
    public async Task Ctrl_C_while_waiting_for_a_pending_top_up_puts_it_in_Error()
    {
        // Suffix 07: confirmed, then pending forever; Ctrl+C lands during the wait.
        var stopped = Session.RunStopping(
            "Start-PayNetTopUp -Product et-mc -Account 971550000007 -Amount 10 -ExternalId wait-07 -PollIntervalSec 0.05 -Confirm:$false",
            ps => { WaitForLedger("TopUp", "wait-07"); Thread.Sleep(300); ps.Stop(); });

        Assert.True(stopped.Stopped);
        var lastError = LastError(stopped);
        Assert.Equal("PayNetStoppedAfterMoneyMoved", lastError.ErrorId);
        Assert.Equal("wait-07", Assert.IsType<TopUpTransaction>(lastError.Target).ExternalId);
        Assert.Single(await LedgerAsync("TopUp"), e => e.GetProperty("reference").GetString() == "wait-07");
    }

    /// <summary>$Error[0] of the session, or a failure that says what the stopped command showed instead.</summary>
    private ErrorRecord LastError(PwshResult stopped)
    {
        var all = Session.Run("$Error").OutputOf<ErrorRecord>().ToList();
        Assert.True(all.Count > 0, "$Error is empty. Host lines: " + string.Join(" | ", stopped.HostLines) + " Warnings: " + string.Join(" | ", stopped.Warnings)
            + " Errors: " + string.Join(" | ", stopped.Errors.Select(e => e.ErrorId + ": " + e.Message)) + " Output: " + string.Join(" | ", stopped.Output));
        return all[0];
    }

    /// <summary>Polls the sandbox ledger (at most 10 s) until the reference is booked.</summary>
    private void WaitForLedger(string api, string reference)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var entries = LedgerJson.Entries(Sandbox.LedgerAsync().GetAwaiter().GetResult(), api);
            if (entries.Any(e => e.GetProperty("reference").GetString() == reference)) return;
            Thread.Sleep(50);
        }
        throw new TimeoutException($"{reference} never reached the {api} ledger.");
    }
}
