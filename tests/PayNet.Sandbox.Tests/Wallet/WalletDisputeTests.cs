using System.Net;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>Disputes (§6.13, §11.11).</summary>
public sealed class WalletDisputeTests : WalletTestBase
{
    public WalletDisputeTests(WalletFixture fixture) : base(fixture) { }

    private async Task<(WalletUser Payer, long TransferId)> Paid(decimal amount = 40.00m)
    {
        var jhon = await Wallet.Login();
        long id = await jhon.Pay(new { toMemberId = 3, amount, transactionPin = "1234", traceNumber = "DSP" });
        return (jhon, id);
    }

    private static async Task<JsonElement> Open(WalletUser user, object body) =>
        (await user.Post("disputes", body)).AssertSuccess().Payload("Dispute");

    [Fact]
    public async Task A_refunded_dispute_books_the_reversal_and_can_then_be_closed()
    {
        var (jhon, transferId) = await Paid();
        var dispute = await Open(jhon, new { transferId, reason = "wrong_amount", description = "Charged twice the price", amount = "15.00" });
        Assert.Equal(70001, dispute.GetProperty("id").GetInt64());
        Assert.Equal("OPEN", dispute.GetProperty("status").GetString());
        Assert.Equal("WRONG_AMOUNT", dispute.GetProperty("reason").GetString());
        Assert.Equal(15.00m, dispute.GetProperty("amount").GetDecimal());
        Assert.Equal("PN20240118000001", dispute.GetProperty("transactionNumber").GetString());
        Assert.Equal(0, dispute.GetProperty("comments").GetArrayLength());
        Assert.False(dispute.TryGetProperty("closedAt", out _));

        var updated = (await jhon.Put("disputes/70001", new { comment = "Receipt attached" })).AssertSuccess().Payload("Dispute");
        Assert.Equal("Receipt attached", updated.GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Equal("48889", updated.GetProperty("comments")[0].GetProperty("by").GetString());

        await Wallet.Control("disputes/70001/review");
        var resolved = await Wallet.Control("disputes/70001/resolve", new { outcome = "REFUND" });
        Assert.Equal("RESOLVED_REFUNDED", resolved.GetProperty("status").GetString());
        long refundId = resolved.GetProperty("refundTransferId").GetInt64();
        Assert.Equal(975.00m, await jhon.Balance());          // 1000 − 40 + 15
        var avatar = await Wallet.Login("86888", "5678");
        Assert.Equal(275.00m, await avatar.Balance());         // 250 + 40 − 15
        Assert.Equal(("DisputeRefund", "DSP-REFUND", refundId.ToString(), 15.00m), WalletMoneyRuleTests.Entry((await Wallet.Ledger())[1]));

        (await jhon.Put("disputes/70001", new { comment = "thanks" })).AssertFailure(HttpStatusCode.BadRequest, "DISPUTE_NOT_OPEN");
        var closed = (await jhon.Post("disputes/70001/close", new { resolution = "Happy" })).AssertSuccess().Payload("Dispute");
        Assert.Equal("CLOSED", closed.GetProperty("status").GetString());
        Assert.Equal("2024-01-18T06:00:00.000+0000", closed.GetProperty("closedAt").GetString());
        (await jhon.Post("disputes/70001/close")).AssertFailure(HttpStatusCode.BadRequest, "DISPUTE_NOT_OPEN");
        await Wallet.Control("disputes/70001/resolve", new { outcome = "REFUND" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_rejected_dispute_moves_no_money()
    {
        var (jhon, transferId) = await Paid();
        await Open(jhon, new { transferId, reason = "NOT_RECEIVED", description = "Never arrived" });
        var rejected = await Wallet.Control("disputes/70001/resolve", new { outcome = "REJECT" });
        Assert.Equal("RESOLVED_REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal(960.00m, await jhon.Balance());
        Assert.Single(await Wallet.Ledger());
        await Wallet.Control("disputes/70002/resolve", new { outcome = "REJECT" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Disputes_are_for_parties_once_per_transfer_within_90_days()
    {
        var (jhon, transferId) = await Paid();
        var penny = await Wallet.Login("55555", "2468");
        (await penny.Post("disputes", new { transferId, reason = "OTHER", description = "x" })).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
        (await jhon.Post("disputes", new { transferId = 12345, reason = "OTHER", description = "x" })).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
        (await jhon.Post("disputes", new { transferId, reason = "BORED", description = "x" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("disputes", new { transferId, reason = "OTHER" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("disputes", new { transferId, reason = "OTHER", description = "x", amount = 40.01m })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_AMOUNT");

        await Open(jhon, new { transferId, reason = "OTHER", description = "first" });
        var avatar = await Wallet.Login("86888", "5678");
        (await avatar.Post("disputes", new { transferId, reason = "OTHER", description = "second" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("OPEN", (await avatar.Get("disputes/70001")).AssertSuccess().Payload("Dispute").GetProperty("status").GetString());
        (await penny.Get("disputes/70001")).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");

        (await jhon.Post("disputes/70001/close")).AssertSuccess();
        await Open(avatar, new { transferId, reason = "DUPLICATE", description = "after closing, a new one is allowed" });

        long late = await jhon.Pay(new { toMemberId = 3, amount = 1, transactionPin = "1234" });
        await Wallet.SetClock(new DateTimeOffset(2024, 4, 18, 6, 0, 1, TimeSpan.Zero));
        jhon = await Wallet.Login();
        (await jhon.Post("disputes", new { transferId = late, reason = "OTHER", description = "too late" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Disputes_are_listed_per_party_with_a_status_filter()
    {
        var (jhon, first) = await Paid();
        long second = await jhon.Pay(new { toMemberId = 4, amount = 2, transactionPin = "1234" });
        await Open(jhon, new { transferId = first, reason = "OTHER", description = "a" });
        await Open(jhon, new { transferId = second, reason = "OTHER", description = "b" });
        (await jhon.Post("disputes/70001/close")).AssertSuccess();

        var all = (await jhon.Get("disputes")).AssertSuccess().Payload("DisputeResultPage");
        Assert.Equal(2, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(70002, all.GetProperty("elements")[0].GetProperty("id").GetInt64());
        var open = (await jhon.Get("disputes?status=open")).AssertSuccess().Payload("DisputeResultPage");
        Assert.Equal(70002, Assert.Single(open.GetProperty("elements").EnumerateArray()).GetProperty("id").GetInt64());
        var avatar = await Wallet.Login("86888", "5678");
        Assert.Equal(1, (await avatar.Get("disputes")).Payload("DisputeResultPage").GetProperty("totalCount").GetInt32());
        (await jhon.Get("disputes?status=LOST")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Put("disputes/70002", new { })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_pending_transfer_cannot_be_disputed()
    {
        var jhon = await Wallet.Login();
        var result = (await jhon.Post("payments/confirm/system-payment", new { transferTypeId = 27, amount = 10, transactionPin = "1234" })).AssertSuccess();
        long id = result.Payload("ConfirmPaymentResult").GetProperty("id").GetInt64();
        (await jhon.Post("disputes", new { transferId = id, reason = "NOT_RECEIVED", description = "pending" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}
