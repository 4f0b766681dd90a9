using System.Net;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>Add money (pending until the gateway settles) and withdraw, §11.4 and flow 5 of §12.</summary>
public sealed class WalletPendingTests : WalletTestBase
{
    public WalletPendingTests(WalletFixture fixture) : base(fixture) { }

    private static object AddMoney(decimal amount, string? trace = null) =>
        new { transferTypeId = 27, amount, transactionPin = "1234", traceNumber = trace, customValues = new[] { new { internalName = "REFNO", value = "9555292137" } } };

    private static async Task<long> Confirm(WalletUser user, object body, bool expectPending)
    {
        var result = (await user.Post("payments/confirm/system-payment", body)).AssertSuccess().Payload("ConfirmPaymentResult");
        Assert.Equal(expectPending, result.GetProperty("pending").GetBoolean());
        return result.GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> Transfer(WalletUser user, long id) =>
        (await user.Get($"accounts/transfer-data/{id}")).AssertSuccess().Payload("TransferDataVO").GetProperty("accountHistoryTransfer");

    [Fact]
    public async Task Add_money_stays_pending_until_the_sandbox_confirms_it()
    {
        var jhon = await Wallet.Login();
        var quote = (await jhon.Post("payments/system-payment", new { transferTypeId = 27, amount = 200.00m })).AssertSuccess().Payload("DoPaymentResult");
        Assert.True(quote.GetProperty("wouldRequireAuthorization").GetBoolean());
        Assert.False(quote.TryGetProperty("to", out _), "system payments have no payee");
        Assert.Equal("Gateway Clearing", quote.GetProperty("transferType").GetProperty("from").GetProperty("name").GetString());

        long id = await Confirm(jhon, AddMoney(200.00m, "TOPUP-1"), expectPending: true);
        Assert.Equal(1000.00m, await jhon.Balance());
        var pending = await Transfer(jhon, id);
        Assert.Equal("PENDING", pending.GetProperty("status").GetString());
        Assert.False(pending.TryGetProperty("processDate", out _));
        Assert.Equal("9555292137", pending.GetProperty("fieldsMap").GetProperty("REFNO").GetString());
        Assert.Empty(await Wallet.Ledger());

        await Wallet.AdvanceMinutes(3);
        var settled = await Wallet.Control($"transfers/{id}/confirm");
        Assert.Equal("PROCESSED", settled.GetProperty("status").GetString());
        Assert.Equal(1200.00m, await jhon.Balance());
        var processed = await Transfer(jhon, id);
        Assert.Equal("PROCESSED", processed.GetProperty("status").GetString());
        Assert.Equal("2024-01-18T06:03:00.000+0000", processed.GetProperty("processDate").GetString());
        Assert.Equal(200.00m, processed.GetProperty("amount").GetDecimal());

        var entry = Assert.Single(await Wallet.Ledger());
        Assert.Equal(("AddMoney", "TOPUP-1", id.ToString(), 200.00m), WalletMoneyRuleTests.Entry(entry));
        Assert.Equal(new DateTimeOffset(2024, 1, 18, 6, 3, 0, TimeSpan.Zero), entry.GetProperty("at").GetDateTimeOffset());

        await Wallet.Control($"transfers/{id}/confirm", expected: HttpStatusCode.BadRequest);
        await Wallet.Control("transfers/12345/confirm", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_failed_add_money_never_credits_the_wallet()
    {
        var jhon = await Wallet.Login();
        long id = await Confirm(jhon, AddMoney(200.00m), expectPending: true);
        await Wallet.Control($"transfers/{id}/fail");
        Assert.Equal("FAILED", (await Transfer(jhon, id)).GetProperty("status").GetString());
        Assert.Equal(1000.00m, await jhon.Balance());
        Assert.Empty(await Wallet.Ledger());
    }

    [Fact]
    public async Task Add_money_ending_in_13_cents_fails_at_the_gateway()
    {
        var jhon = await Wallet.Login();
        long id = await Confirm(jhon, AddMoney(50.13m), expectPending: true);
        Assert.Equal("FAILED", (await Transfer(jhon, id)).GetProperty("status").GetString());
        Assert.Equal(1000.00m, await jhon.Balance());
    }

    [Fact]
    public async Task Add_money_can_confirm_itself_after_a_delay_except_99_cents()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.AddMoneyAutoConfirmAfterSeconds = 60);
        using var wallet = new WalletClient(server);
        var jhon = await wallet.Login();
        long settles = await Confirm(jhon, AddMoney(100.00m), expectPending: true);
        long stays = await Confirm(jhon, AddMoney(10.99m), expectPending: true);
        await wallet.AdvanceMinutes(0.5);
        Assert.Equal(1000.00m, await jhon.Balance());
        await wallet.AdvanceMinutes(1);
        Assert.Equal(1100.00m, await jhon.Balance());
        Assert.Equal("PROCESSED", (await Transfer(jhon, settles)).GetProperty("status").GetString());
        Assert.Equal("PENDING", (await Transfer(jhon, stays)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Add_money_uses_the_configured_transfer_type_id()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.AddMoneyTransferTypeId = 23);
        using var wallet = new WalletClient(server);
        var jhon = await wallet.Login();
        await Confirm(jhon, new { transferTypeId = 23, amount = 10, transactionPin = "1234" }, expectPending: true);
        (await jhon.Post("payments/system-payment", new { transferTypeId = 27, amount = 10 }))
            .AssertFailure(HttpStatusCode.BadRequest, "NO_POSSIBLE_TRANSFER_TYPES");
    }

    [Fact]
    public async Task Withdraw_is_immediate_by_default()
    {
        var jhon = await Wallet.Login();
        var quote = (await jhon.Post("payments/system-payment", new { transferTypeId = 28, amount = 100.00m })).AssertSuccess().Payload("DoPaymentResult");
        Assert.False(quote.GetProperty("wouldRequireAuthorization").GetBoolean());
        Assert.Equal(100.00m, quote.GetProperty("consolidatedAmount").GetDecimal());
        long id = await Confirm(jhon, new { transferTypeId = 28, amount = 100.00m, transactionPin = "1234", traceNumber = "WD-1" }, expectPending: false);
        Assert.Equal(900.00m, await jhon.Balance());
        Assert.Equal(("Withdraw", "WD-1", id.ToString(), 100.00m), WalletMoneyRuleTests.Entry(Assert.Single(await Wallet.Ledger())));
        Assert.Equal("Gateway Clearing", (await Transfer(jhon, id)).GetProperty("systemAccountName").GetString());
    }

    [Fact]
    public async Task A_pending_withdraw_reserves_funds_until_settled()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.WithdrawPending = true);
        using var wallet = new WalletClient(server);
        var jhon = await wallet.Login();
        long id = await Confirm(jhon, new { transferTypeId = 28, amount = 100.00m, transactionPin = "1234" }, expectPending: true);
        var status = await jhon.Status();
        Assert.Equal(1000.00m, status.GetProperty("balance").GetDecimal());
        Assert.Equal(100.00m, status.GetProperty("reservedAmount").GetDecimal());
        Assert.Equal(900.00m, status.GetProperty("availableBalance").GetDecimal());
        (await jhon.Post("payments/member-payment", new { toMemberId = 3, amount = 950.00m })).AssertFailure(HttpStatusCode.BadRequest, "NOT_ENOUGH_FUNDS");

        await wallet.Control($"transfers/{id}/confirm");
        status = await jhon.Status();
        Assert.Equal(900.00m, status.GetProperty("balance").GetDecimal());
        Assert.Equal(0.00m, status.GetProperty("reservedAmount").GetDecimal());
        Assert.Single(await wallet.Ledger());

        long failed = await Confirm(jhon, new { transferTypeId = 28, amount = 50.00m, transactionPin = "1234" }, expectPending: true);
        await wallet.Control($"transfers/{failed}/fail");
        status = await jhon.Status();
        Assert.Equal(900.00m, status.GetProperty("balance").GetDecimal());
        Assert.Equal(900.00m, status.GetProperty("availableBalance").GetDecimal());
    }

    [Fact]
    public async Task System_payments_refuse_member_types_and_need_a_type()
    {
        var jhon = await Wallet.Login();
        (await jhon.Post("payments/system-payment", new { transferTypeId = 14, amount = 10 })).AssertFailure(HttpStatusCode.BadRequest, "NO_POSSIBLE_TRANSFER_TYPES");
        (await jhon.Post("payments/system-payment", new { amount = 10 })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("payments/member-payment", new { transferTypeId = 27, toMemberId = 3, amount = 10 })).AssertFailure(HttpStatusCode.BadRequest, "NO_POSSIBLE_TRANSFER_TYPES");
    }
}
