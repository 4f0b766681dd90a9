using System.Net.Http.Json;
using PayNet.Core.Card;
using PayNet.Core.Settlement;
using PayNet.Core.Tests.Card;
using PayNet.Core.Tests.Support;
using PayNet.Core.Tests.Wallet;
using PayNet.Core.Wallet;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Settlement;

/// <summary>
/// Money-safety defects found by an outside test of the settle path, each judged by the sandbox's own record: a booked
/// move must never be reported "not booked", and another transfer's line must never be reported as this one.
/// </summary>
public sealed class OutsideAttackRegressionTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private HttpClient _control = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync();
        _control = new HttpClient { BaseAddress = _server.RootUri };
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        await _server.DisposeAsync();
    }

    private async Task ArmAsync(string path, string kind, bool afterCommit) =>
        (await _control.PostAsJsonAsync("/__sandbox/faults", new { path, kind, count = 1, afterCommit })).EnsureSuccessStatusCode();

    [Theory]
    [InlineData("Status500")]
    [InlineData("Status503")]
    public async Task A_loyalty_payment_booked_before_a_500_is_found_in_the_loyalty_wallet_never_not_booked(string kind)
    {
        // Loyalty (type 18) is paid from the loyalty wallet, not the default one the settle used to read alone.
        using var client = SandboxWallet.Client(_server);
        await ArmAsync(SandboxWallet.ConfirmMemberPaymentPath, kind, afterCommit: true);

        var receipt = await client.ExecutePaymentAsync(new WalletPaymentRequest("9555", 7.00m) { TransferTypeId = 18, TraceNumber = "D1-LOY" });

        Assert.True(receipt.Reconciled);
        Assert.Equal("D1-LOY", receipt.TraceNumber);
        Assert.Single(await SandboxWallet.LedgerAsync(_control, "D1-LOY"));
    }

    [Fact]
    public async Task An_incoming_payment_under_the_same_reference_is_never_taken_for_this_outgoing_one()
    {
        using var payer = SandboxWallet.Client(_server);
        using var other = SandboxWallet.Client(_server, SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);
        await other.ExecutePaymentAsync(new WalletPaymentRequest(_server.Options.Wallet.Principal, 5.00m) { TraceNumber = "INV-1001" });
        await ArmAsync(SandboxWallet.ConfirmMemberPaymentPath, "Status500", afterCommit: false);

        var error = await Assert.ThrowsAnyAsync<PayNetException>(() =>
            payer.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 5.00m) { TraceNumber = "INV-1001" }));

        Assert.IsType<PayNetStateUnknownException>(error); // the line under INV-1001 is money coming in: it cannot tell
        Assert.Contains("coming in", error.Message);
        Assert.Single(await SandboxWallet.LedgerAsync(_control, "INV-1001"));
    }
}

/// <summary>The Card refund settle step, on the states Paynet shows.</summary>
public sealed class RefundSettleStepTests
{
    private static CardClient.RefundState State(bool reversed, params decimal[] requests)
    {
        var state = new CardClient.RefundState { Reversed = reversed, Amount = 100m };
        foreach (var amount in requests) state.Requests.Add(new CardRefund { XactId = "xk_1", Amount = amount, Status = "pending" });
        return state;
    }

    [Fact]
    public void A_transaction_turned_reversed_without_a_new_request_is_not_this_refund()
    {
        // Another request's approval sets "reversed" too: never a success, and never proof of nothing either.
        var step = CardClient.SettleRefund("xk_1", 10m, State(false, 50m), State(true, 50m));

        Assert.Equal(SettleVerdict.NotYet, step.Verdict);
        Assert.False(step.ShowsNothing);
    }

    [Fact]
    public void A_new_request_when_this_connection_sent_two_refunds_of_the_transaction_at_once_is_not_claimed()
    {
        var step = CardClient.SettleRefund("xk_1", 25m, State(false), State(false, 25m), sentAlongside: 1);

        Assert.Equal(SettleVerdict.Mismatch, step.Verdict);
        Assert.Contains("cannot be told apart", step.Why);
    }

    [Fact]
    public void One_new_request_of_the_amount_when_this_refund_was_sent_alone_is_this_refund()
    {
        var step = CardClient.SettleRefund("xk_1", 25m, State(false), State(false, 25m));

        Assert.Equal(SettleVerdict.Found, step.Verdict);
        Assert.Equal(25m, step.Result!.Amount);
    }
}

/// <summary>Paynet's clock days ahead of this machine's: a booked refund is still found in the refund list.</summary>
public sealed class RefundClockSkewTests : IClassFixture<CardSandboxFixture>
{
    private readonly CardSandboxFixture _sandbox;

    public RefundClockSkewTests(CardSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public async Task A_refund_booked_before_a_500_is_found_when_Paynets_clock_is_a_year_ahead()
    {
        using var control = new HttpClient { BaseAddress = _sandbox.Server.RootUri };
        (await control.PostAsJsonAsync("/__sandbox/clock", new { now = DateTimeOffset.UtcNow.AddYears(1).ToString("O") })).EnsureSuccessStatusCode();
        using var client = _sandbox.Client();
        var sale = (await client.CheckAsync(referenceNo: "RCN-0014")).First(r => r.TransactionType == CardTransactionType.Sale);
        await _sandbox.Control.ArmFaultAsync("/card/v1/transaction/reversed_request", "Status500", afterCommit: true);

        var result = await client.RequestRefundAsync(sale.XactId!, 5.00m);

        Assert.True(result.Reconciled);
        Assert.Equal(5.00m, result.Amount);
    }
}

/// <summary>Two sends of one trace number from one client: a booking found under it is only claimed when they did not overlap.</summary>
public sealed class TraceSendsTests
{
    [Fact]
    public void Sends_of_one_trace_number_that_overlap_cannot_claim_a_booking_but_one_after_another_can()
    {
        var all = new System.Collections.Concurrent.ConcurrentDictionary<string, TraceSends>(StringComparer.Ordinal);
        var first = TraceSends.For(all, "INV-77");
        var second = TraceSends.For(all, "INV-77");
        first.Start();
        second.Start();
        Assert.True(first.Overlapped);   // another send started while it was in flight
        Assert.True(second.Overlapped);  // it started while another was in flight
        first.Finish();
        second.Finish();

        var later = TraceSends.For(all, "INV-77");
        later.Start();
        Assert.False(later.Overlapped);  // the others had finished: a later send alone
        Assert.False(TraceSends.For(all, "inv-77").Overlapped); // another trace number (ordinal)
        later.Finish();
    }
}

/// <summary>One trace number sent again after its first send booked: the settle of the second never claims the first's transfer.</summary>
public sealed class ReusedTraceNumberTests : IClassFixture<WalletSandboxFixture>
{
    private readonly WalletSandboxFixture _sandbox;

    public ReusedTraceNumberTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public async Task A_resend_whose_duplicate_refusal_is_lost_is_never_reported_as_the_first_sends_payment()
    {
        await SandboxWallet.ResetAsync(_sandbox.Control);
        using var client = SandboxWallet.Client(_sandbox.Server);
        var first = await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 5.00m) { TraceNumber = "INV-9" });
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SandboxWallet.ConfirmMemberPaymentPath, "DropAfterCommit");

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() =>
            client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 5.00m) { TraceNumber = "INV-9" }));

        Assert.Contains(first.TransferId.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, "INV-9"));
    }
}
