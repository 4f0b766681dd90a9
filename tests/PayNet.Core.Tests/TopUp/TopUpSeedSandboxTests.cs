using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpSandboxFixture;

namespace PayNet.Core.Tests.TopUp;

/// <summary>The client against the sandbox: PayNet's receipt reaches the result, and simulated top-ups move no money.</summary>
public class TopUpSeedSandboxTests : IClassFixture<TopUpSandboxFixture>
{
    private readonly TopUpSandboxFixture _sandbox;

    public TopUpSeedSandboxTests(TopUpSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public async Task A_direct_recharge_result_carries_the_receipt_PayNet_sent()
    {
        using var client = _sandbox.Client();
        string account = Mobile("00");
        var done = await client.ConfirmAsync(await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = account, Amount = 25m }));
        Assert.Equal(TopUpState.Success, done.State);
        Assert.False(done.Simulation);
        var receipt = done.Receipt!;
        Assert.Equal(("Etisalat", "Wasel Prepaid"), (receipt.Header, receipt.Subheader));
        Assert.Contains("Account: " + account, receipt.Info);
        Assert.EndsWith("RECEIPT NUMBER: " + done.Id, receipt.Footer);
        Assert.Contains("RECEIPT NUMBER: " + done.Id, receipt.Text);
    }

    [Fact]
    public async Task A_top_up_pending_at_confirm_gets_its_receipt_while_polling()
    {
        using var client = _sandbox.Client();
        var confirmed = await client.ConfirmAsync(await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile("01"), Amount = 50m }));
        Assert.Equal(TopUpState.Pending, confirmed.State);
        Assert.Null(confirmed.Receipt);
        Assert.Equal(50m, confirmed.Amount); // the short pending answer leaves it out; the check said it
        var done = await client.WaitForFinalStateAsync(confirmed);
        Assert.Equal(TopUpState.Success, done.State);
        Assert.EndsWith("RECEIPT NUMBER: " + done.Id, done.Receipt!.Footer);
    }

    [Fact]
    public async Task A_simulated_top_up_succeeds_says_so_and_leaves_the_balance_and_the_ledger_alone()
    {
        using var client = _sandbox.Client();
        decimal before = (await client.GetBalanceAsync()).Main!.Value;
        var request = new TopUpRequest { Product = "et-mc", Account = Mobile("01"), Amount = 50m, ExternalId = NewOrder(), Simulation = true };
        var checkedTx = await client.CheckAsync(request);
        Assert.True(checkedTx.Simulation);
        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));
        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Simulation);
        Assert.Equal(before, (await client.GetBalanceAsync()).Main!.Value);
        Assert.Empty(await _sandbox.Control.LedgerForAsync(request.ExternalId));
    }
}
