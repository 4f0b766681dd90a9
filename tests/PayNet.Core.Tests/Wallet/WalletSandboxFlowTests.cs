using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

/// <summary>The §12 end-to-end flows against the sandbox's Wallet emulator.</summary>
public sealed class WalletSandboxFlowTests : IClassFixture<WalletSandboxFixture>, IAsyncLifetime
{
    private readonly WalletSandboxFixture _sandbox;

    public WalletSandboxFlowTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => SandboxWallet.ResetAsync(_sandbox.Control);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Register_verify_and_sign_in_as_the_new_member_with_an_empty_wallet()
    {
        using var anonymous = SandboxWallet.Client(_sandbox.Server);
        const string mobile = "9779800000001";

        await anonymous.GenerateOtpAsync(mobile, WalletOtpAction.Registration);
        string resourceId = await anonymous.VerifyOtpAsync(mobile, _sandbox.Server.Options.Wallet.OtpFixedCode);
        var member = await anonymous.RegisterAsync(new WalletRegistration(resourceId, "Sita Rai", "sita@example.com", mobile, new SecretString("2468")));

        Assert.Equal(mobile, member.Username);
        using var newcomer = SandboxWallet.Client(_sandbox.Server, mobile, "2468");
        var balance = await newcomer.GetBalanceAsync();
        Assert.Equal(0.00m, balance.Balance);
        Assert.Equal("USD", balance.Currency);
    }

    [Fact]
    public async Task P2P_moves_50_from_member_2_to_member_3_and_both_histories_show_it()
    {
        using var payer = SandboxWallet.Client(_sandbox.Server);
        using var payee = SandboxWallet.Client(_sandbox.Server, SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);

        var quote = await payer.ValidatePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 50.00m) { Description = "Dinner" });
        Assert.Equal("Avatar S", quote.PayeeName);
        Assert.Equal(3, quote.ToMemberId);
        Assert.Equal(0m, quote.TotalFees);
        Assert.Equal(50.00m, quote.ConsolidatedAmount);
        Assert.Equal("USD", quote.Currency);

        var receipt = await payer.ExecutePaymentAsync(quote);

        Assert.True(receipt.TransferId >= 90001);
        Assert.False(receipt.Pending);
        Assert.False(receipt.Reconciled);
        Assert.Equal(950.00m, (await payer.GetBalanceAsync()).Balance);
        Assert.Equal(300.00m, (await payee.GetBalanceAsync()).Balance);
        var debit = (await SandboxWallet.StatementAsync(payer)).First(l => l.TransferId == receipt.TransferId);
        Assert.Equal(-50.00m, debit.Amount);
        Assert.Equal(receipt.TraceNumber, debit.TraceNumber);
        Assert.Equal(WalletTransferState.Processed, debit.State);
        var credit = (await SandboxWallet.StatementAsync(payee)).First(l => l.TransferId == receipt.TransferId);
        Assert.Equal(50.00m, credit.Amount);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, receipt.TraceNumber));
    }

    [Fact]
    public async Task Fixed_fee_payment_charges_the_payer_amount_plus_five()
    {
        using var payer = SandboxWallet.Client(_sandbox.Server);

        var quote = await payer.ValidatePaymentAsync(new WalletPaymentRequest(3, 20.00m) { TransferTypeId = payer.Settings.TransferTypes.FixedFee });
        Assert.Equal(5.00m, quote.TotalFees);
        Assert.Equal(20.00m, quote.FinalAmount);
        Assert.Equal(25.00m, quote.ConsolidatedAmount);
        Assert.Contains("5.00", quote.FeeSummary);

        await payer.ExecutePaymentAsync(quote);
        Assert.Equal(975.00m, (await payer.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task Insufficient_funds_is_rejected_and_nothing_is_booked()
    {
        using var poor = SandboxWallet.Client(_sandbox.Server, SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);

        var error = await Assert.ThrowsAsync<PayNetException>(() => poor.ExecutePaymentAsync(new WalletPaymentRequest("48889", 1000.00m) { TraceNumber = "NSF-1" }));

        Assert.Equal(PayNetErrorCategory.Rejected, error.Category);
        Assert.Equal("NOT_ENOUGH_FUNDS", error.ProviderCode);
        Assert.Equal(250.00m, (await poor.GetBalanceAsync()).Balance);
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Control, "NSF-1"));
    }

    [Fact]
    public async Task Add_money_stays_pending_until_the_gateway_confirms()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);

        var receipt = await client.AddMoneyAsync(200.00m, "Top up");

        Assert.True(receipt.Pending);
        Assert.Equal(WalletTransferState.Pending, receipt.State);
        Assert.Equal(1000.00m, (await client.GetBalanceAsync()).Balance);
        Assert.Equal(WalletTransferState.Pending, (await client.GetTransferAsync(receipt.TransferId)).State);

        (await _sandbox.Control.PostAsync($"/__sandbox/transfers/{receipt.TransferId}/confirm", null)).EnsureSuccessStatusCode();

        Assert.Equal(1200.00m, (await client.GetBalanceAsync()).Balance);
        Assert.Equal(WalletTransferState.Processed, (await client.GetTransferAsync(receipt.TransferId)).State);
    }

    [Fact]
    public async Task Withdraw_debits_the_wallet()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);

        var receipt = await client.WithdrawAsync(100.00m, "0123456789", "To my bank");

        Assert.False(receipt.Pending);
        Assert.Equal(900.00m, (await client.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task An_expired_session_is_renewed_transparently()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var log = new CapturingLog();
        await client.LoginAsync();

        await SandboxWallet.AdvanceClockAsync(_sandbox.Control, 16);
        WalletAccount balance;
        using (PayNetLog.Push(log)) balance = await client.GetBalanceAsync();

        Assert.Equal(1000.00m, balance.Balance);
        Assert.Contains("session expired", log.All, StringComparison.OrdinalIgnoreCase);
        // The first login happened before the log was pushed: exactly one renewal shows inside it.
        Assert.Equal(1, log.Lines.Count(l => l.StartsWith("VERBOSE: POST") && l.Contains("access/login")));
    }

    [Fact]
    public async Task Wallets_list_the_customer_and_loyalty_wallets_with_balances()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);

        var wallets = await client.GetWalletsAsync();

        Assert.Contains(wallets, w => w.IsDefault && w.Balance == 1000.00m && w.AvailableBalance == 1000.00m && w.Currency == "USD");
        Assert.Contains(wallets, w => !w.IsDefault && w.Balance == 100.00m);
    }

    [Fact]
    public async Task Members_are_found_by_principal_and_by_id()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);

        Assert.Equal("Avatar S", (await client.FindMemberAsync(SandboxWallet.AvatarPrincipal)).Name);
        Assert.Equal("Moonbucks", (await client.FindMemberAsync(4)).Name);
        Assert.Equal(PayNetErrorCategory.NotFound, (await Assert.ThrowsAsync<PayNetException>(() => client.FindMemberAsync("00000000"))).Category);
        Assert.Equal("Jhon Doe", (await client.GetProfileAsync()).Name);
    }

    [Fact]
    public async Task Statement_streams_every_line_across_pages()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var traces = new List<string>();
        for (int i = 1; i <= 3; i++) traces.Add((await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, i))).TraceNumber);

        var lines = await SandboxWallet.StatementAsync(client, pageSize: 2);

        Assert.Equal(traces.AsEnumerable().Reverse(), lines.Where(l => l.TraceNumber is not null && traces.Contains(l.TraceNumber)).Select(l => l.TraceNumber));
        Assert.Equal(new[] { -3.00m, -2.00m, -1.00m }, lines.Where(l => traces.Contains(l.TraceNumber!)).Select(l => l.Amount));
    }

    [Fact]
    public async Task A_dynamic_QR_is_paid_once_and_then_refused()
    {
        using var merchant = SandboxWallet.Client(_sandbox.Server, SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);
        using var payer = SandboxWallet.Client(_sandbox.Server);
        var qr = await merchant.CreateQrAsync(10.00m, "Coffee");
        Assert.Equal(WalletQrState.Active, qr.State);

        var decoded = await payer.DecodeQrAsync(qr.QrString);
        Assert.Equal(10.00m, decoded.Amount);
        Assert.Equal("Avatar S", decoded.ToMemberName);
        var receipt = await payer.PayQrAsync(qr.QrString);

        Assert.Equal(10.00m, receipt.Amount);
        Assert.Equal(990.00m, (await payer.GetBalanceAsync()).Balance);
        var again = await Assert.ThrowsAsync<PayNetException>(() => payer.PayQrAsync(qr.QrString));
        Assert.Equal(PayNetErrorCategory.Rejected, again.Category);
        Assert.Equal(990.00m, (await payer.GetBalanceAsync()).Balance);
    }

    [Fact]
    public async Task A_dispute_is_opened_commented_listed_and_closed()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var receipt = await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 25.00m));

        var dispute = await client.CreateDisputeAsync(receipt.TransferId, WalletDisputeReason.NotReceived, "Goods never arrived");
        Assert.Equal(WalletDisputeState.Open, dispute.State);
        Assert.Equal(receipt.TransferId, dispute.TransferId);
        Assert.Equal(25.00m, dispute.Amount);

        var updated = await client.UpdateDisputeAsync(dispute.DisputeId, comment: "Tracking number 123");
        Assert.Equal(1, updated.CommentCount);
        var listed = new List<WalletDispute>();
        await foreach (var d in client.GetDisputesAsync()) listed.Add(d);
        Assert.Contains(listed, d => d.DisputeId == dispute.DisputeId);

        var closed = await client.CloseDisputeAsync(dispute.DisputeId, "Arrived after all");
        Assert.Equal(WalletDisputeState.Closed, closed.State);
        Assert.Equal(WalletDisputeState.Closed, (await client.GetDisputeAsync(dispute.DisputeId)).State);
        var reopened = await Assert.ThrowsAsync<PayNetException>(() => client.UpdateDisputeAsync(dispute.DisputeId, comment: "again"));
        Assert.Equal(PayNetErrorCategory.Rejected, reopened.Category);
    }

    [Fact]
    public async Task Documents_upload_and_list()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

        var document = await client.UploadDocumentAsync(png, "id-card.png", "image/png", "ID", "National ID");

        Assert.Equal(WalletDocumentState.PendingReview, document.State);
        Assert.Contains(await client.GetDocumentsAsync(), d => d.Id == document.Id && d.FileName == "id-card.png");
    }

    [Fact]
    public async Task Agreements_are_listed_and_accepted()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);

        var terms = Assert.Single(await client.GetAgreementsAsync(), a => a.Name == "Terms of Use");
        Assert.Equal("1.0", terms.Version);
        var after = await client.AcceptAgreementsAsync(new[] { terms.Id });

        Assert.True(Assert.Single(after, a => a.Id == terms.Id).Accepted);
    }

    [Fact]
    public async Task Changing_the_PIN_takes_an_OTP_and_the_client_keeps_working_with_the_new_one()
    {
        using var client = SandboxWallet.Client(_sandbox.Server);
        var oldPin = new SecretString(_sandbox.Server.Options.Wallet.Pin);
        var newPin = new SecretString("9753");

        Assert.Equal(WalletPinChangeOutcome.OtpSent, await client.ChangePinAsync(oldPin, newPin));
        Assert.Equal(WalletPinChangeOutcome.Changed, await client.ChangePinAsync(oldPin, newPin, _sandbox.Server.Options.Wallet.OtpFixedCode));
        await client.LogoutAsync();

        Assert.Equal(1000.00m, (await client.GetBalanceAsync()).Balance);
        Assert.False((await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 1.00m))).Pending);
        using var withOldPin = SandboxWallet.Client(_sandbox.Server);
        Assert.Equal(PayNetErrorCategory.Authentication, (await Assert.ThrowsAsync<PayNetException>(() => withOldPin.LoginAsync())).Category);
    }
}
