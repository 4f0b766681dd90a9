using System.Net;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>§6.15: transferTypes and payments/paymentData, served from the sandbox's own transfer-type table.</summary>
public sealed class WalletTransferTypeRouteTests : WalletTestBase
{
    public WalletTransferTypeRouteTests(WalletFixture fixture) : base(fixture) { }

    private static long[] Ids(JsonElement types) => types.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task Member_types_for_a_customer_payee_are_what_a_payment_to_them_accepts()
    {
        var jhon = await Wallet.Login();
        var types = (await jhon.Get("transferTypes?destination=MEMBER&toMemberPrincipal=86888&currencyId=1")).AssertSuccess().Payload("TransferTypes");
        long[] ids = Ids(types);
        Assert.Contains(14L, ids);
        Assert.Contains(18L, ids); // Jhon holds a loyalty wallet
        Assert.DoesNotContain(27L, ids);
        Assert.DoesNotContain(28L, ids);
        Assert.DoesNotContain(91L, ids); // bookkeeping child types are never offered

        var p2p = types.EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == 14);
        Assert.Equal("Customer Wallet", p2p.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("$", p2p.GetProperty("from").GetProperty("currency").GetProperty("symbol").GetString());

        // Every offered type is one the payment endpoint accepts for this payee.
        foreach (long id in ids)
        {
            var preview = await jhon.Post("payments/member-payment", new { transferTypeId = id, toMemberId = 3, amount = 10.00m });
            Assert.True(preview.Ok, $"type {id}: {preview.Raw}");
        }
    }

    [Fact]
    public async Task The_list_depends_on_the_member_the_destination_and_the_currency()
    {
        var avatar = await Wallet.Login("86888", "5678");
        long[] member = Ids((await avatar.Get("transferTypes?destination=MEMBER")).AssertSuccess().Payload("TransferTypes"));
        Assert.DoesNotContain(18L, member); // no loyalty wallet

        long[] system = Ids((await avatar.Get("transfer-types?destination=SYSTEM")).AssertSuccess().Payload("TransferTypes"));
        Assert.Equal(new long[] { 27, 28 }, system);

        long[] all = Ids((await avatar.Get("transferTypes")).AssertSuccess().Payload("TransferTypes"));
        Assert.Equal(member.Concat(system).OrderBy(i => i), all);

        var otherCurrency = (await avatar.Get("transferTypes?currencyId=2")).AssertSuccess().Payload("TransferTypes");
        Assert.Equal(0, otherCurrency.GetArrayLength());
        Assert.Equal(all.Length, (await avatar.Get("transferTypes?currencySymbol=%24")).Payload("TransferTypes").GetArrayLength());
    }

    [Fact]
    public async Task Bad_queries_are_refused_and_an_unknown_payee_is_404()
    {
        var jhon = await Wallet.Login();
        (await jhon.Get("transferTypes?destination=BANK")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Get("transferTypes?toMemberPrincipal=00000")).AssertFailure(HttpStatusCode.NotFound, "MEMBER_NOT_FOUND");
        (await jhon.Get("transferTypes?toMemberId=x")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Get("transferTypes?toMemberId=2")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.Get("transferTypes")).AssertFailure(HttpStatusCode.Unauthorized, "SESSION_EXPIRED");
    }

    [Fact]
    public async Task Payment_data_carries_the_types_the_balances_by_account_type_and_the_payee()
    {
        var jhon = await Wallet.Login();
        var data = (await jhon.Get("payments/paymentData?destination=MEMBER&toMemberId=4")).AssertSuccess().Payload("PaymentData");
        Assert.Contains(14L, Ids(data.GetProperty("transferTypes")));
        Assert.Equal(1000.00m, data.GetProperty("accountsStatus").GetProperty("4").GetProperty("balance").GetDecimal());
        Assert.Equal(100.00m, data.GetProperty("accountsStatus").GetProperty("6").GetProperty("balance").GetDecimal());
        Assert.Equal(4, data.GetProperty("toMember").GetProperty("id").GetInt64());
        Assert.Equal("Moonbucks", data.GetProperty("toMember").GetProperty("name").GetString());

        var kebab = (await jhon.Get("payments/payment-data?destination=SYSTEM")).AssertSuccess().Payload("PaymentData");
        Assert.False(kebab.TryGetProperty("toMember", out _));
        Assert.Equal(new long[] { 27, 28 }, Ids(kebab.GetProperty("transferTypes")));
    }

    [Fact]
    public async Task The_list_follows_the_sandbox_table_when_the_add_money_id_is_configured()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.AddMoneyTransferTypeId = 31);
        using var wallet = new WalletClient(server);
        var jhon = await wallet.Login();
        Assert.Equal(new long[] { 28, 31 }, Ids((await jhon.Get("transferTypes?destination=SYSTEM")).Payload("TransferTypes")));
    }
}
