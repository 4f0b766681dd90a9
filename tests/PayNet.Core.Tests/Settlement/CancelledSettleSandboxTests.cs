using PayNet.Core.Tests.TopUp;
using PayNet.Core.Tests.Wallet;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using static PayNet.Core.Tests.TopUp.TopUpSandboxFixture;

namespace PayNet.Core.Tests.Settlement;

/// <summary>
/// Issue 13 defect 3 and issue 20 item 3: the caller cancels (Ctrl+C) while a money move is in flight or while it is
/// being settled. Settling runs under its own limit, so the caller always gets the booking or a state unknown
/// naming the reference; judged against the sandbox ledger.
/// </summary>
public sealed class CancelledSettleSandboxTests : IClassFixture<TopUpSandboxFixture>
{
    private readonly TopUpSandboxFixture _sandbox;

    public CancelledSettleSandboxTests(TopUpSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public async Task Cancelling_a_slow_top_up_confirm_still_reports_the_booked_top_up()
    {
        using var client = _sandbox.Client(configure: o => o.SettleDelays = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1) });
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile("24"), Amount = 15m, ExternalId = NewOrder() });
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var done = await client.ConfirmAsync(checkedTx, cancellationToken: ctrlC.Token);

        Assert.True(ctrlC.IsCancellationRequested);
        Assert.True(done.Reconciled);
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Single(await _sandbox.Control.LedgerForAsync(checkedTx.ExternalId, checkedTx.Id));
    }

    [Fact]
    public async Task Cancelling_a_wallet_withdrawal_whose_answer_is_late_still_reports_the_booking()
    {
        // Issue 20 item 3: the withdrawal commits, its answer is late, and Ctrl+C lands while the client waits.
        using var wallet = SandboxWallet.Client(_sandbox.Server);
        using var control = new HttpClient { BaseAddress = _sandbox.Server.RootUri };
        string trace = "WD-" + Guid.NewGuid().ToString("N")[..10];
        var quote = await wallet.ValidateSystemPaymentAsync(new WalletSystemPaymentRequest(wallet.Settings.TransferTypes.Withdraw, 5m) { TraceNumber = trace });
        await SandboxWallet.ArmFaultAsync(control, "/wallet/api/payments/confirm/system-payment", "DelayAfterCommit");
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var receipt = await wallet.ExecutePaymentAsync(quote, null, ctrlC.Token);

        Assert.True(ctrlC.IsCancellationRequested);
        Assert.True(receipt.Reconciled);
        Assert.Equal(trace, receipt.TraceNumber);
        Assert.Single(await SandboxWallet.LedgerAsync(control, trace));
    }

    [Fact]
    public async Task Cancelling_add_money_whose_answer_was_dropped_still_reports_it()
    {
        using var wallet = SandboxWallet.Client(_sandbox.Server);
        using var control = new HttpClient { BaseAddress = _sandbox.Server.RootUri };
        string trace = "AM-" + Guid.NewGuid().ToString("N")[..10];
        await SandboxWallet.ArmFaultAsync(control, "/wallet/api/payments/confirm/system-payment", "DelayAfterCommit");
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));

        var receipt = await wallet.AddMoneyAsync(7m, traceNumber: trace, cancellationToken: ctrlC.Token);

        Assert.True(receipt.Reconciled);
        Assert.True(receipt.Pending);
        Assert.Equal(7m, receipt.Amount);
    }
}
