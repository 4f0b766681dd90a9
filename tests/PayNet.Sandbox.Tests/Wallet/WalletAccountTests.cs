using System.Net;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>Wallets, balances, history and lookups (§6.7, §6.8, §6.14).</summary>
public sealed class WalletAccountTests : WalletTestBase
{
    public WalletAccountTests(WalletFixture fixture) : base(fixture) { }

    [Theory]
    [InlineData("accounts")]
    [InlineData("wallets")]
    public async Task The_wallet_list_holds_the_default_wallet_first(string path)
    {
        var jhon = await Wallet.Login();
        var accounts = (await jhon.Get(path)).AssertSuccess().Payload("MemberAccounts").EnumerateArray().ToArray();
        Assert.Equal(new long[] { 201, 202 }, accounts.Select(a => a.GetProperty("id").GetInt64()).ToArray());
        Assert.True(accounts[0].GetProperty("isDefault").GetBoolean());
        Assert.True(accounts[0].GetProperty("default").GetBoolean());
        Assert.Equal("Loyalty Wallet", accounts[1].GetProperty("type").GetProperty("name").GetString());
        Assert.Equal(6, accounts[1].GetProperty("type").GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("accounts/201")]
    [InlineData("accounts/default")]
    [InlineData("wallets/201")]
    public async Task One_wallet_by_id_or_default(string path)
    {
        var jhon = await Wallet.Login();
        var account = (await jhon.Get(path)).AssertSuccess().Payload("MemberAccount");
        Assert.Equal(201, account.GetProperty("id").GetInt64());
        Assert.Equal("Customer Wallet", account.GetProperty("type").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("accounts/201/status")]
    [InlineData("accounts/default/status")]
    [InlineData("wallets/201/balance")]
    public async Task Balance_has_every_AccountStatus_field_with_formatted_twins(string path)
    {
        var jhon = await Wallet.Login();
        var status = (await jhon.Get(path)).AssertSuccess().Payload("AccountStatus");
        Assert.Equal("1000.00", status.GetProperty("balance").GetRawText());
        Assert.Equal("$1,000.00", status.GetProperty("formattedBalance").GetString());
        Assert.Equal(1000.00m, status.GetProperty("availableBalance").GetDecimal());
        Assert.Equal(0.00m, status.GetProperty("reservedAmount").GetDecimal());
        Assert.Equal(0.00m, status.GetProperty("creditLimit").GetDecimal());
        Assert.Equal("$0.00", status.GetProperty("formattedCreditLimit").GetString());
    }

    [Theory]
    [InlineData("accounts/301")]
    [InlineData("accounts/301/status")]
    [InlineData("accounts/301/history")]
    [InlineData("wallets/301/balance")]
    [InlineData("accounts/1/status")]
    [InlineData("accounts/999999")]
    public async Task Another_members_or_an_unknown_account_is_404(string path)
    {
        var jhon = await Wallet.Login();
        (await jhon.Get(path)).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
    }

    [Fact]
    public async Task Accounts_info_pairs_each_wallet_with_its_balance()
    {
        var jhon = await Wallet.Login();
        var info = (await jhon.Get("accounts/info")).AssertSuccess().Payload("AccountsInfo").EnumerateArray().ToArray();
        Assert.Equal(2, info.Length);
        Assert.Equal(201, info[0].GetProperty("account").GetProperty("id").GetInt64());
        Assert.Equal(1000.00m, info[0].GetProperty("status").GetProperty("balance").GetDecimal());
        Assert.Equal(100.00m, info[1].GetProperty("status").GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task History_pages_newest_first_with_the_total_before_paging()
    {
        var jhon = await Wallet.Login();
        for (int i = 1; i <= 12; i++)
        {
            await jhon.Pay(new { toMemberId = 3, amount = i, transactionPin = "1234", traceNumber = $"P{i}" });
            await Wallet.AdvanceMinutes(1);
        }

        var first = (await jhon.Get("accounts/default/history?pageSize=5")).AssertSuccess().Payload("AccountHistoryResultPage");
        Assert.Equal(0, first.GetProperty("currentPage").GetInt32());
        Assert.Equal(5, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(12, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(new[] { "P12", "P11", "P10", "P9", "P8" }, Traces(first));
        Assert.Equal(922.00m, first.GetProperty("accountStatus").GetProperty("balance").GetDecimal());

        var last = (await jhon.Get("accounts/201/history?currentPage=2&pageSize=5")).AssertSuccess().Payload("AccountHistoryResultPage");
        Assert.Equal(new[] { "P2", "P1" }, Traces(last));
        var defaults = (await jhon.Get("accounts/default/history")).AssertSuccess().Payload("AccountHistoryResultPage");
        Assert.Equal(10, defaults.GetProperty("pageSize").GetInt32());
        Assert.Equal(10, defaults.GetProperty("elements").GetArrayLength());
        var clamped = (await jhon.Get("accounts/default/history?pageSize=500")).AssertSuccess().Payload("AccountHistoryResultPage");
        Assert.Equal(100, clamped.GetProperty("pageSize").GetInt32());
        var statement = (await jhon.Get("accounts/201/statement?pageSize=5")).AssertSuccess().Payload("AccountHistoryResultPage");
        Assert.Equal(Traces(first), Traces(statement));
    }

    [Fact]
    public async Task History_lines_are_signed_for_the_viewed_account_and_name_the_counterpart()
    {
        var jhon = await Wallet.Login();
        long id = await jhon.Pay(new { toMemberId = 3, amount = 12.5m, transactionPin = "1234", description = "lunch" });
        var mine = Assert.Single(await jhon.History());
        Assert.Equal(id, mine.GetProperty("id").GetInt64());
        Assert.Equal(-12.50m, mine.GetProperty("amount").GetDecimal());
        Assert.Equal("$-12.50", mine.GetProperty("formattedAmount").GetString());
        Assert.Equal("PROCESSED", mine.GetProperty("status").GetString());
        Assert.Equal("lunch", mine.GetProperty("description").GetString());
        Assert.Equal("Avatar S", mine.GetProperty("member").GetProperty("name").GetString());
        Assert.Equal("Jhon Doe", mine.GetProperty("fromMember").GetProperty("name").GetString());
        Assert.Equal("2024-01-18T06:00:00.000+0000", mine.GetProperty("date").GetString());
        Assert.Equal("Send Money", mine.GetProperty("transferType").GetProperty("name").GetString());

        var avatar = await Wallet.Login("86888", "5678");
        var theirs = Assert.Single(await avatar.History());
        Assert.Equal(12.50m, theirs.GetProperty("amount").GetDecimal());
        Assert.Equal("Jhon Doe", theirs.GetProperty("member").GetProperty("name").GetString());
    }

    [Fact]
    public async Task History_filters_by_calendar_day_inclusive_and_by_counterpart()
    {
        var jhon = await Wallet.Login();
        await jhon.Pay(new { toMemberId = 3, amount = 1, transactionPin = "1234", traceNumber = "D18" });
        await Wallet.SetClock(new DateTimeOffset(2024, 1, 19, 23, 59, 0, TimeSpan.Zero));
        jhon = await Wallet.Login();
        await jhon.Pay(new { toMemberId = 4, amount = 2, transactionPin = "1234", traceNumber = "D19" });
        await Wallet.SetClock(new DateTimeOffset(2024, 1, 20, 0, 1, 0, TimeSpan.Zero));
        await jhon.Pay(new { toMemberId = 3, amount = 3, transactionPin = "1234", traceNumber = "D20" });

        Assert.Equal(new[] { "D19" }, Traces(await jhon.History("?beginDate=2024-01-19&endDate=2024-01-19")));
        Assert.Equal(new[] { "D20", "D19" }, Traces(await jhon.History("?beginDate=2024-01-19T12:00")));
        Assert.Equal(new[] { "D19", "D18" }, Traces(await jhon.History("?endDate=2024-01-19")));
        Assert.Equal(new[] { "D20", "D18" }, Traces(await jhon.History("?memberPrincipal=86888")));
        Assert.Equal(new[] { "D19" }, Traces(await jhon.History("?memberId=4")));
        (await jhon.Get("accounts/default/history?beginDate=yesterday")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Get("accounts/default/history?beginDate=2024-01-20&endDate=2024-01-19")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Get("accounts/default/history?pageSize=0")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Get("accounts/default/history?currentPage=x")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Get("accounts/default/history?memberId=777")).AssertFailure(HttpStatusCode.NotFound, "MEMBER_NOT_FOUND");
    }

    [Fact]
    public async Task Transfer_data_shows_one_transfer_to_its_parties_only()
    {
        var jhon = await Wallet.Login();
        long id = await jhon.Pay(new { toMemberId = 3, amount = 7, transactionPin = "1234", traceNumber = "TD" });
        var data = (await jhon.Get($"accounts/transfer-data/{id}")).AssertSuccess().Payload("TransferDataVO");
        Assert.Equal(-7.00m, data.GetProperty("accountHistoryTransfer").GetProperty("amount").GetDecimal());
        Assert.Equal("TD", data.GetProperty("accountHistoryTransfer").GetProperty("traceNumber").GetString());
        Assert.True(data.GetProperty("canAddRelatedMemberAsContact").GetBoolean());

        var avatar = await Wallet.Login("86888", "5678");
        Assert.Equal(7.00m, (await avatar.Get($"accounts/transfer-data/{id}")).AssertSuccess()
            .Payload("TransferDataVO").GetProperty("accountHistoryTransfer").GetProperty("amount").GetDecimal());
        var penny = await Wallet.Login("55555", "2468");
        (await penny.Get($"accounts/transfer-data/{id}")).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
        (await jhon.Get("accounts/transfer-data/123")).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
    }

    [Fact]
    public async Task Members_can_be_looked_up_by_id_principal_or_keywords()
    {
        var jhon = await Wallet.Login();
        Assert.Equal("Moonbucks", (await jhon.Get("members/4")).AssertSuccess().Payload("Member").GetProperty("name").GetString());
        Assert.Equal(9, (await jhon.Get("members/4")).Payload("Member").GetProperty("groupId").GetInt64());
        Assert.Equal(3, (await jhon.Get("members/principal/7836911911")).AssertSuccess().Payload("Member").GetProperty("id").GetInt64());
        (await jhon.Get("members/99")).AssertFailure(HttpStatusCode.NotFound, "MEMBER_NOT_FOUND");
        (await jhon.Get("members/principal/ghost")).AssertFailure(HttpStatusCode.NotFound, "MEMBER_NOT_FOUND");

        var page = (await jhon.Get("members?keywords=avatar")).AssertSuccess().Payload("MemberResultPage");
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal("86888", page.GetProperty("elements")[0].GetProperty("username").GetString());
        var all = (await jhon.Get("members?pageSize=2&currentPage=1")).AssertSuccess().Payload("MemberResultPage");
        Assert.Equal(4, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(new long[] { 4, 5 }, all.GetProperty("elements").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToArray());
    }

    [Fact]
    public async Task A_page_far_beyond_the_end_is_empty()
    {
        var jhon = await Wallet.Login();
        await jhon.Pay(new { toMemberId = 3, amount = 1, transactionPin = "1234" });
        var page = (await jhon.Get("accounts/default/history?currentPage=2147483647&pageSize=100")).AssertSuccess().Payload("AccountHistoryResultPage");
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, page.GetProperty("elements").GetArrayLength());
        Assert.Equal(0, (await jhon.Get("members?currentPage=2147483647")).AssertSuccess().Payload("MemberResultPage").GetProperty("elements").GetArrayLength());
    }

    [Fact]
    public async Task Sandbox_reset_restores_the_seed_balances_ids_and_sessions()
    {
        var jhon = await Wallet.Login();
        await jhon.Pay(new { toMemberId = 3, amount = 100, transactionPin = "1234" });
        await Wallet.Reset();
        WalletAuthTests.AssertExactSessionExpiredBody(await jhon.Get("accounts"));
        var fresh = await Wallet.Login();
        Assert.NotEqual(jhon.Token, fresh.Token);
        jhon = fresh;
        Assert.Equal(1000.00m, await jhon.Balance());
        Assert.Empty(await jhon.History());
        Assert.Equal(90001, await jhon.Pay(new { toMemberId = 3, amount = 1, transactionPin = "1234" }));
    }

    private static string[] Traces(JsonElement page) =>
        page.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("traceNumber").GetString()!).ToArray();

    private static string[] Traces(JsonElement[] lines) => lines.Select(e => e.GetProperty("traceNumber").GetString()!).ToArray();
}
