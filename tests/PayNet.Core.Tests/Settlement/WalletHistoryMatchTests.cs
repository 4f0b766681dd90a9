using PayNet.Core.Http;
using PayNet.Core.Tests.Wallet;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Settlement;

/// <summary>
/// Issue 13 defect 1 and issue 20 item 2: after a 500 *before* commit, the history must not hand back an earlier,
/// different booking as this one. References match exactly (ordinal, as the sandbox's duplicate check compares
/// them); a line with the reference that differs in type, amount, currency or payee is state unknown. Every
/// verdict is judged against the sandbox ledger, not the client's report.
/// </summary>
public sealed class WalletHistoryMatchTests : IClassFixture<WalletSandboxFixture>, IAsyncLifetime
{
    private const string SystemConfirm = "/wallet/api/payments/confirm/system-payment";
    private const string QrPay = "/wallet/api/qr/pay";
    private readonly WalletSandboxFixture _sandbox;

    public WalletHistoryMatchTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => SandboxWallet.ResetAsync(_sandbox.Control);

    public Task DisposeAsync() => Task.CompletedTask;

    private WalletClient Client(string? principal = null, string? pin = null) =>
        SandboxWallet.Client(_sandbox.Server, principal, pin, o => o.SettleDelays = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(50) });

    private static async Task<PayNetException> NotASuccess(Func<Task<WalletPaymentReceipt>> pay)
    {
        // The old code returned a receipt here (Reconciled: True) for money that never moved.
        return await Assert.ThrowsAnyAsync<PayNetException>(pay);
    }

    /// <summary>The 500 was a complete answer and the whole settle schedule found nothing: reported as not booked, not as unknown.</summary>
    private static void NotBooked(PayNetException error)
    {
        Assert.IsType<PayNetNotBookedException>(error);
        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.Equal(500, error.HttpStatus);
        Assert.Contains("not booked", error.Message);
    }

    [Fact]
    public async Task A_payment_refused_before_commit_is_not_reported_as_an_earlier_payment_whose_reference_differs_in_case()
    {
        using var client = Client();
        await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 10m) { TraceNumber = "INV-2001" });
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SandboxWallet.ConfirmMemberPaymentPath, "Status500");

        var error = await NotASuccess(() => client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 250m) { TraceNumber = "inv-2001" }));

        Assert.Equal("inv-2001", error.Reference);
        NotBooked(error);
        Assert.Contains("'inv-2001'", error.Message);
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Control, "inv-2001"));
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, "INV-2001"));
    }

    [Fact]
    public async Task A_payment_refused_before_commit_with_the_same_reference_and_another_amount_is_state_unknown_naming_it()
    {
        using var client = Client();
        await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 10m) { TraceNumber = "INV-2002" });
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SandboxWallet.ConfirmMemberPaymentPath, "Status500");

        var error = await NotASuccess(() => client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 250m) { TraceNumber = "INV-2002" }));

        Assert.Equal("INV-2002", error.Reference);
        Assert.IsType<PayNetStateUnknownException>(error); // the history holds INV-2002 for another amount: it cannot tell
        Assert.Contains("not as this payment", error.Message);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, "INV-2002"));
    }

    [Fact]
    public async Task A_withdrawal_refused_before_commit_is_not_matched_to_an_earlier_one_whose_reference_differs_in_case()
    {
        using var client = Client();
        await client.WithdrawAsync(10m, "0123456789", traceNumber: "WD-2001");
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SystemConfirm, "Status500");

        var error = await NotASuccess(() => client.WithdrawAsync(40m, "0123456789", traceNumber: "wd-2001"));

        Assert.Equal("wd-2001", error.Reference);
        NotBooked(error);
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Control, "wd-2001"));
    }

    [Fact]
    public async Task Add_money_refused_before_commit_is_not_matched_to_an_earlier_one_whose_reference_differs_in_case()
    {
        using var client = Client();
        await client.AddMoneyAsync(10m, traceNumber: "AM-2001");
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SystemConfirm, "Status500");

        var error = await NotASuccess(() => client.AddMoneyAsync(40m, traceNumber: "am-2001"));

        Assert.Equal("am-2001", error.Reference);
        NotBooked(error);
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Control, "am-2001"));
    }

    [Theory]
    [InlineData("QR-2001")]
    [InlineData("qr-2001")]
    public async Task A_static_QR_payment_refused_before_commit_is_not_matched_to_an_earlier_payment_of_another_amount(string secondReference)
    {
        using var merchant = Client(SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);
        using var payer = Client();
        var qr = await merchant.CreateQrAsync(description: "Static");
        await payer.PayQrAsync(qr.QrString, 5m, traceNumber: "QR-2001");
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, QrPay, "Status500");

        var error = await NotASuccess(() => payer.PayQrAsync(qr.QrString, 9m, traceNumber: secondReference));

        Assert.Equal(secondReference, error.Reference);
        if (secondReference == "QR-2001") Assert.IsType<PayNetStateUnknownException>(error); // QR-2001 is booked for 5, not 9: it cannot tell
        else NotBooked(error);
        var booked = await SandboxWallet.LedgerAsync(_sandbox.Control, "QR-2001");
        Assert.Single(booked);
        Assert.Equal(5m, booked[0].GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("withdrawal")]
    [InlineData("add money")]
    public async Task A_system_payment_reusing_a_member_payments_reference_is_never_reported_as_that_payment(string kind)
    {
        using var client = Client();
        var p2p = await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 10m) { TraceNumber = "MIX-1" });
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SystemConfirm, "Status500");

        var error = await NotASuccess(() => kind == "withdrawal"
            ? client.WithdrawAsync(40m, "0123456789", traceNumber: "MIX-1")
            : client.AddMoneyAsync(40m, traceNumber: "MIX-1"));

        Assert.Equal("MIX-1", error.Reference);
        Assert.Contains("transfer type", error.Message);
        Assert.DoesNotContain("Processed", error.Message);
        var booked = await SandboxWallet.LedgerAsync(_sandbox.Control, "MIX-1");
        Assert.Single(booked);
        Assert.Equal(p2p.Id, booked[0].GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task A_withdrawal_that_committed_and_lost_its_answer_is_still_settled_from_the_history()
    {
        using var client = Client();
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, SystemConfirm, "Status500", afterCommit: true);

        var receipt = await client.WithdrawAsync(40m, "0123456789", traceNumber: "WD-3001");

        Assert.True(receipt.Reconciled);
        Assert.Equal(40m, receipt.Amount);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, "WD-3001"));
    }

    [Fact]
    public async Task A_static_QR_payment_that_committed_and_lost_its_answer_is_settled_with_its_own_amount()
    {
        using var merchant = Client(SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);
        using var payer = Client();
        var qr = await merchant.CreateQrAsync(description: "Static");
        await SandboxWallet.ArmFaultAsync(_sandbox.Control, QrPay, "DropAfterCommit");

        var receipt = await payer.PayQrAsync(qr.QrString, 9m, traceNumber: "QR-3001");

        Assert.True(receipt.Reconciled);
        Assert.Equal(9m, receipt.Amount);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, "QR-3001"));
    }
}
