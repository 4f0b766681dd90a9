using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpSandboxFixture;

namespace PayNet.Core.Tests.TopUp;

/// <summary>Generic faults from /__sandbox/faults; the ledger proves nothing executed twice.</summary>
public class TopUpSandboxFaultTests : IClassFixture<TopUpSandboxFixture>
{
    private readonly TopUpSandboxFixture _sandbox;

    public TopUpSandboxFaultTests(TopUpSandboxFixture sandbox) => _sandbox = sandbox;

    private Task<TopUpTransaction> CheckAsync(TopUpClient client, string suffix = "00") =>
        client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile(suffix), Amount = 15m, ExternalId = NewOrder() });

    [Theory]
    [InlineData("DropAfterCommit")]
    [InlineData("Malformed")]
    public async Task A_confirm_that_committed_but_lost_its_answer_is_found_and_executed_once(string kind)
    {
        using var client = _sandbox.Client();
        var checkedTx = await CheckAsync(client);
        await _sandbox.Control.ArmFaultAsync("/topup/transaction/confirm", kind);

        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));

        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        Assert.Equal(checkedTx.ExternalId, done.ExternalId);
        Assert.Single(await _sandbox.Control.LedgerForAsync(checkedTx.ExternalId, checkedTx.Id));
    }

    [Fact]
    public async Task A_confirm_refused_with_500_before_it_ran_is_sent_again_and_executes_once()
    {
        using var client = _sandbox.Client();
        var checkedTx = await CheckAsync(client);
        await _sandbox.Control.ArmFaultAsync("/topup/transaction/confirm", "Status500");

        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));

        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        Assert.Single(await _sandbox.Control.LedgerForAsync(checkedTx.ExternalId, checkedTx.Id));
    }

    [Fact]
    public async Task A_check_lost_after_it_was_recorded_is_not_sent_twice()
    {
        using var client = _sandbox.Client();
        await _sandbox.Control.ArmFaultAsync("/topup/transaction/check", "DropAfterCommit");
        var checkedTx = await CheckAsync(client);
        Assert.True(checkedTx.Reconciled);
        Assert.Equal(TopUpState.New, checkedTx.State);

        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Single(await _sandbox.Control.LedgerForAsync(checkedTx.ExternalId, checkedTx.Id));
    }

    [Fact]
    public async Task A_check_refused_with_503_before_it_ran_is_repeated_with_the_same_external_id()
    {
        using var client = _sandbox.Client();
        await _sandbox.Control.ArmFaultAsync("/topup/transaction/check", "Status503");
        string order = NewOrder();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile("00"), Amount = 15m, ExternalId = order });
        Assert.Equal((order, TopUpState.New), (checkedTx.ExternalId, checkedTx.State));
    }

    [Fact]
    public async Task A_read_answered_with_503_is_retried()
    {
        using var client = _sandbox.Client();
        await _sandbox.Control.ArmFaultAsync("/topup/balance", "Status503");
        Assert.Equal("AED", (await client.GetBalanceAsync()).Currency);
    }
}
