using System.Net.Http.Json;
using System.Text.Json;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.TopUp;

/// <summary>
/// Issue 16 item 10: a receipt's Time is PayNet's time, not the client's clock. The sandbox's clock is
/// moved years away from this machine's, so a time taken from the client's clock cannot pass.
/// </summary>
public sealed class ReceiptTimeTests : SandboxCmdletTest
{
    private static readonly DateTimeOffset PayNetNow = new(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public ReceiptTimeTests(SandboxFixture sandbox) : base(sandbox) { }

    private async Task MoveSandboxClockAsync() =>
        (await Sandbox.Control.PostAsJsonAsync("/__sandbox/clock", new { now = PayNetNow.ToString("O") })).EnsureSuccessStatusCode();

    private static void IsPayNetsTime(DateTimeOffset? time)
    {
        Assert.NotNull(time);
        Assert.True((time!.Value - PayNetNow).Duration() <= TimeSpan.FromMinutes(5), $"{time:O} is not PayNet's time ({PayNetNow:O})");
    }

    [Fact]
    public async Task A_top_up_that_succeeds_at_once_carries_PayNets_time()
    {
        await MoveSandboxClockAsync();
        var done = Session.Run("Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId time-1 -Confirm:$false");

        Assert.Empty(done.Errors);
        var topUp = Assert.IsType<TopUpTransaction>(done.Output.Single());
        Assert.Equal(TopUpState.Success, topUp.State);
        IsPayNetsTime(topUp.Time);
    }

    [Fact]
    public async Task A_pending_top_up_waited_for_carries_PayNets_time()
    {
        await MoveSandboxClockAsync();
        var pending = Assert.IsType<TopUpTransaction>(Session.Run("Start-PayNetTopUp -Product et-mc -Account 971550000001 -Amount 10 -ExternalId time-2 -NoWait -Confirm:$false").Output.Single());
        IsPayNetsTime(pending.Time);

        var final = Assert.IsType<TopUpTransaction>(Session.Run("$p | Wait-PayNetTransaction -PollIntervalSec 0.05 -TimeoutSec 20", new { p = pending }).Output.Single());
        IsPayNetsTime(final.Time);
    }

    [Fact]
    public async Task A_Wallet_transfer_waited_for_carries_PayNets_time()
    {
        await MoveSandboxClockAsync();
        var receipt = Assert.IsType<WalletPaymentReceipt>(Session.Call("Add-PayNetMoney", new { Amount = 20.00m, Reference = "time-w" }).Output.Single());
        (await Sandbox.Control.PostAsync($"/__sandbox/transfers/{receipt.TransferId}/confirm", null)).EnsureSuccessStatusCode();

        var line = Assert.IsType<WalletStatementLine>(Session.Run("$r | Wait-PayNetTransaction -PollIntervalSec 0.05 -TimeoutSec 20", new { r = receipt }).Output.Single());
        IsPayNetsTime(line.Time);
    }

    [Fact]
    public async Task A_Wallet_payment_settled_from_the_history_carries_PayNets_time()
    {
        await MoveSandboxClockAsync();
        await Sandbox.ArmFaultAsync("/wallet/api/payments/confirm/member-payment", "DropAfterCommit");

        var receipt = Assert.IsType<WalletPaymentReceipt>(Session.Call("Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 3.00m, Reference = "time-r" }).Output.Single());

        Assert.True(receipt.Reconciled);
        IsPayNetsTime(receipt.Time);
    }

    [Theory]
    [InlineData("Invoke-PayNetPayment -ToPrincipal 86888 -Amount 3.00 -Reference time-p -Confirm:$false")]
    [InlineData("Add-PayNetMoney -Amount 4.00 -Reference time-a -Confirm:$false")]
    [InlineData("Request-PayNetWithdrawal -Amount 5.00 -AccountNumber 0123456789 -Reference time-d -Confirm:$false")]
    public async Task A_Wallet_payment_answered_at_once_carries_PayNets_time_from_its_answer(string command)
    {
        // The confirm answer carries no time in its body (seed 000: id and pending): the receipt takes PayNet's clock
        // from the answer's Date header, never this machine's.
        await MoveSandboxClockAsync();

        var result = Session.Run(command);

        Assert.Empty(result.Errors);
        var receipt = Assert.IsType<WalletPaymentReceipt>(result.Output.Single());
        Assert.False(receipt.Reconciled);
        IsPayNetsTime(receipt.Time);
    }
}
