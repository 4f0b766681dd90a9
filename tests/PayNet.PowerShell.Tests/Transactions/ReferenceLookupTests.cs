using System.Management.Automation;
using System.Text.RegularExpressions;
using PayNet.Core.Card;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;
using PayNet.PowerShell.Tests.Wallet;

namespace PayNet.PowerShell.Tests.Transactions;

/// <summary>
/// Get-PayNetTransaction by your own reference in any service (issue 16 items 1 and 5): a Wallet trace
/// number through the history, a reference asked of every connected service, and the module's own
/// output (objects, CSV and JSON copies, plain strings) read back.
/// </summary>
public sealed class ReferenceLookupTests : SandboxCmdletTest
{
    public ReferenceLookupTests(SandboxFixture sandbox) : base(sandbox) { }

    private WalletPaymentReceipt Pay(string reference, decimal amount = 12.50m) =>
        Assert.IsType<WalletPaymentReceipt>(Assert.Single(
            Session.Call("Invoke-PayNetPayment", new { ToMemberId = "3", Amount = amount, Reference = reference }, c => c.ConfirmAnswer = true).Output));

    [Fact]
    public void Service_Wallet_Reference_finds_a_wallet_payment_by_its_trace_number_in_the_history()
    {
        var receipt = Pay("trace-ref-1");
        var result = Session.Run("Get-PayNetTransaction -Service Wallet -Reference trace-ref-1");
        Assert.Empty(result.Errors);
        var line = Assert.IsType<WalletStatementLine>(Assert.Single(result.Output));
        Assert.Equal(receipt.TransferId, line.TransferId);
        Assert.Equal("trace-ref-1", line.TraceNumber);
    }

    [Fact]
    public void Without_Service_a_reference_is_looked_up_in_every_connected_service()
    {
        Pay("trace-ref-2");
        var topUp = Assert.IsType<TopUpTransaction>(Assert.Single(Session.Run(
            "Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId order-ref-2 -Confirm:$false -PollIntervalSec 0.02").Output));

        var wallet = Session.Run("Get-PayNetTransaction -Reference trace-ref-2");
        Assert.Empty(wallet.Errors);
        Assert.Equal("trace-ref-2", Assert.IsType<WalletStatementLine>(Assert.Single(wallet.Output)).TraceNumber);

        var byTopUp = Session.Run("Get-PayNetTransaction -Reference order-ref-2");
        Assert.Empty(byTopUp.Errors);
        Assert.Equal(topUp.Id, Assert.IsType<TopUpTransaction>(Assert.Single(byTopUp.Output)).Id);

        var card = Session.Run("Get-PayNetTransaction -Reference RCN-0015");
        Assert.Empty(card.Errors);
        Assert.All(card.Output, o => Assert.Equal("RCN-0015", Assert.IsType<CardTransaction>(o).ReferenceNo));

        var nowhere = Session.Run("Get-PayNetTransaction -Reference NOPE-404");
        var error = Assert.Single(nowhere.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        Assert.Equal("NOPE-404", error.Target);
        Assert.Contains("Card, TopUp, Wallet", error.Message);
    }

    [Fact]
    public void Plain_reference_strings_piped_in_are_looked_up_and_keep_their_order()
    {
        Pay("trace-ref-3");
        var result = Session.Run("'RCN-0001', 'trace-ref-3', 'NOPE-1' | Get-PayNetTransaction");
        Assert.Null(result.Terminating);
        Assert.IsType<CardTransaction>(result.Output[0]);
        Assert.Equal("trace-ref-3", Assert.IsType<WalletStatementLine>(result.Output[^1]).TraceNumber);
        Assert.Equal("NOPE-1", Assert.Single(result.Errors).Target);
    }

    [Theory]
    [InlineData("Get-PayNetTransaction -ReferenceNo RCN-0015 | ConvertTo-Csv | ConvertFrom-Csv | Get-PayNetTransaction")]
    [InlineData("Get-PayNetTransaction -ReferenceNo RCN-0015 | ConvertTo-Json | ConvertFrom-Json | Get-PayNetTransaction")]
    [InlineData("Get-PayNetTransaction -ReferenceNo RCN-0015 | Get-PayNetTransaction")]
    public void Card_rows_and_their_CSV_and_JSON_copies_are_looked_up_again(string script)
    {
        var result = Session.Run(script);
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, o => Assert.Equal("RCN-0015", Assert.IsType<CardTransaction>(o).ReferenceNo));
    }

    [Theory]
    [InlineData("ConvertTo-Csv | ConvertFrom-Csv")]
    [InlineData("ConvertTo-Json | ConvertFrom-Json")]
    public void Wallet_receipts_and_top_ups_copied_to_CSV_or_JSON_are_looked_up_again(string copy)
    {
        var receipt = Pay("trace-ref-4");
        var result = Session.Run($"$r | {copy} | Get-PayNetTransaction", new { r = receipt });
        Assert.Empty(result.Errors);
        Assert.Equal(receipt.TransferId, Assert.IsType<WalletStatementLine>(Assert.Single(result.Output)).TransferId);

        var topUp = Session.Run("Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -Confirm:$false -PollIntervalSec 0.02").Output.Single();
        var again = Session.Run($"$t | {copy} | Get-PayNetTransaction", new { t = topUp });
        Assert.Empty(again.Errors);
        Assert.Equal(((TopUpTransaction)topUp).ExternalId, Assert.IsType<TopUpTransaction>(Assert.Single(again.Output)).ExternalId);
    }

    /// <summary>
    /// The recommended action of an unknown money state names a reference; the command it describes,
    /// run as the user would, finds the payment that did execute.
    /// </summary>
    [Fact]
    public async Task The_state_unknown_advice_run_as_written_finds_the_payment()
    {
        await Sandbox.ArmFaultAsync("/wallet/api/payments/confirm/member-payment", "DropAfterCommit");
        await Sandbox.ArmFaultAsync("/wallet/api/accounts/*", "Status500", count: 50);
        var lost = Session.Call("Invoke-PayNetPayment", new { ToMemberId = "3", Amount = 9.00m, Reference = "lost-1" }, c => c.ConfirmAnswer = true);
        await Sandbox.Control.DeleteAsync("/__sandbox/faults");

        var unknown = lost.Terminating ?? Assert.Single(lost.Errors, e => e.ErrorId == ErrorIds.StateUnknown);
        Assert.Equal(ErrorIds.StateUnknown, unknown.ErrorId);
        var advice = unknown.RecommendedAction!;
        Assert.Equal("Sync-PayNetJournal -Reference 'lost-1'", advice);
        // The advice runs verbatim and settles the journal entry to what PayNet booked.
        var settled = Session.Run(advice);
        Assert.Empty(settled.Errors);
        Assert.Contains(settled.Output, e => e is PayNet.Core.Journal.JournalEntry j && j.Reference == "lost-1" && j.State == PayNet.Core.Journal.MoneyMoveState.Succeeded);
        var reference = Regex.Match(advice, "-Reference '([^']+)'").Groups[1].Value;
        var followUp = Session.Run($"Get-PayNetTransaction -Reference '{reference}'");
        Assert.Empty(followUp.Errors);
        Assert.Equal("lost-1", Assert.IsType<WalletStatementLine>(Assert.Single(followUp.Output)).TraceNumber);
        Assert.Single(await WalletTestKit.LedgerAsync(Sandbox.Control), l => l.Reference == "lost-1");
    }
}
