using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

/// <summary>§6.15 transfer types and payment data, §6.14 member lookup, against the sandbox.</summary>
public sealed class WalletTransferTypeAndMemberTests : IClassFixture<WalletSandboxFixture>, IAsyncLifetime
{
    private readonly WalletSandboxFixture _sandbox;

    public WalletTransferTypeAndMemberTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => SandboxWallet.ResetAsync(_sandbox.Control);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_types_come_from_PayNet_for_this_member_payee_and_currency()
    {
        using var jhon = SandboxWallet.Client(_sandbox.Server);
        var types = await jhon.GetTransferTypesAsync(WalletPaymentDestination.Member, SandboxWallet.AvatarPrincipal, "usd");

        Assert.All(types, t => Assert.Equal(WalletTransferTypeSource.PayNet, t.Source));
        Assert.All(types, t => Assert.Equal("USD", t.Currency));
        var p2p = Assert.Single(types, t => t.Id == 14);
        Assert.Equal("P2P", p2p.ConfiguredName);
        Assert.Equal("Customer Wallet", p2p.FromAccountType);
        Assert.Equal(WalletPaymentDestination.Member, p2p.Destination);
        Assert.Contains(types, t => t.Id == 18); // Jhon has a loyalty wallet
        Assert.DoesNotContain(types, t => t.Id == 27 || t.Id == 28);

        using var avatar = SandboxWallet.Client(_sandbox.Server, SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);
        Assert.DoesNotContain(await avatar.GetTransferTypesAsync(WalletPaymentDestination.Member), t => t.Id == 18);
        Assert.Empty(await jhon.GetTransferTypesAsync(currency: "EUR"));
    }

    [Fact]
    public async Task The_list_is_cached_per_client_and_question_until_refreshed()
    {
        using var jhon = SandboxWallet.Client(_sandbox.Server);
        var first = await jhon.GetTransferTypesAsync(WalletPaymentDestination.System);
        int calls = jhon.CallsToday;
        var again = await jhon.GetTransferTypesAsync(WalletPaymentDestination.System);
        Assert.Same(first, again);
        Assert.Equal(calls, jhon.CallsToday);

        await jhon.GetTransferTypesAsync(WalletPaymentDestination.Member);
        Assert.Equal(calls + 1, jhon.CallsToday);
        await jhon.GetTransferTypesAsync(WalletPaymentDestination.System, refresh: true);
        Assert.Equal(calls + 2, jhon.CallsToday);
        Assert.Equal(new[] { 27, 28 }, first.Select(t => t.Id));
    }

    [Fact]
    public async Task An_unknown_payee_or_currency_is_an_error_not_the_fallback()
    {
        using var jhon = SandboxWallet.Client(_sandbox.Server);
        var missing = await Assert.ThrowsAnyAsync<PayNetException>(() => jhon.GetTransferTypesAsync(WalletPaymentDestination.Member, "00000"));
        Assert.Equal(PayNetErrorCategory.NotFound, missing.Category);
        Assert.Equal("MEMBER_NOT_FOUND", missing.ProviderCode);

        int calls = jhon.CallsToday;
        var bad = await Assert.ThrowsAnyAsync<PayNetException>(() => jhon.GetTransferTypesAsync(currency: "XYZ"));
        Assert.Equal(PayNetErrorCategory.InvalidArgument, bad.Category);
        Assert.Equal(calls, jhon.CallsToday);
    }

    [Fact]
    public async Task Payment_data_has_the_types_the_balances_and_the_payee()
    {
        using var jhon = SandboxWallet.Client(_sandbox.Server);
        var data = await jhon.GetPaymentDataAsync(WalletPaymentDestination.Member, "9555");
        Assert.Contains(data.TransferTypes, t => t.Id == 14);
        Assert.Equal(1000.00m, data.AvailableBalances[4]);
        Assert.Equal(100.00m, data.AvailableBalances[6]);
        Assert.Equal(4, data.ToMember?.MemberId);
        Assert.Equal("Moonbucks", data.ToMember?.Name);
    }

    [Fact]
    public async Task Members_are_found_by_principal_by_id_and_by_keywords_with_their_member_id()
    {
        using var jhon = SandboxWallet.Client(_sandbox.Server);
        var byPrincipal = await jhon.FindMemberAsync(SandboxWallet.AvatarPrincipal);
        Assert.Equal(3, byPrincipal.MemberId);
        Assert.Equal(byPrincipal.Id, byPrincipal.MemberId);
        Assert.Equal("Avatar S", byPrincipal.Name);
        Assert.Equal("Avatar S", (await jhon.FindMemberAsync("7836911911")).Name); // the mobile number works too
        Assert.Equal("Moonbucks", (await jhon.FindMemberAsync(4)).Name);

        var found = new List<WalletMember>();
        await foreach (var m in jhon.SearchMembersAsync("moon", pageSize: 1)) found.Add(m);
        Assert.Equal(4, Assert.Single(found).MemberId);

        var all = new List<WalletMember>();
        await foreach (var m in jhon.SearchMembersAsync("5", pageSize: 2)) all.Add(m); // paged: every member whose name/username/mobile has a 5
        Assert.Equal(all.Select(m => m.MemberId).Distinct().Count(), all.Count);
        Assert.Contains(all, m => m.MemberId == 5);

        var none = await Assert.ThrowsAnyAsync<PayNetException>(() => jhon.FindMemberAsync("no-such-member"));
        Assert.Equal(PayNetErrorCategory.NotFound, none.Category);
    }
}

/// <summary>The fallback when a tenant does not serve §6.15.</summary>
public sealed class WalletTransferTypeFallbackTests
{
    [Theory]
    [InlineData(404, "ENTITY_NOT_FOUND")]
    [InlineData(405, "METHOD_NOT_ALLOWED")]
    [InlineData(404, null)]
    public async Task A_tenant_without_the_route_gets_the_configured_table(int http, string? code)
    {
        using var kit = new WalletTestKit(configure: s => s.TransferTypes.P2P = 30).WithLogin();
        string body = code is null ? WalletSpecExamples.Error : WalletSpecExamples.Failure(code, "No endpoint");
        kit.Fake.OnJson("/transferTypes", body, http);

        var types = await kit.Client.GetTransferTypesAsync(WalletPaymentDestination.Member);

        Assert.All(types, t => Assert.Equal(WalletTransferTypeSource.Configuration, t.Source));
        Assert.Equal(new[] { 18, 21, 22, 24, 25, 30 }, types.Select(t => t.Id));
        Assert.Equal("P2P", types.Single(t => t.Id == 30).ConfiguredName);
        Assert.Equal(new[] { 27, 28 }, (await kit.Client.GetTransferTypesAsync(WalletPaymentDestination.System)).Select(t => t.Id));
    }

    [Fact]
    public async Task Other_failures_are_not_hidden_behind_the_fallback()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/transferTypes", WalletSpecExamples.Failure("INTERNAL_ERROR", "Boom"), 500);
        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => kit.Client.GetTransferTypesAsync());
        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
    }

    [Fact]
    public async Task Ids_and_numbers_sent_as_strings_are_read()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/transferTypes", """
            { "status": true, "payload": { "TransferTypes": [
              { "id": "50", "name": "Fund Transfer", "from": { "id": "4", "name": "Customer Wallet", "currency": { "id": 1, "symbol": "Rs" } }, "to": { "id": 4, "name": "Customer Wallet" } },
              { "id": 0, "name": "broken" } ] } }
            """);
        var type = Assert.Single(await kit.Client.GetTransferTypesAsync());
        Assert.Equal(50, type.Id);
        Assert.Equal("NPR", type.Currency);
        Assert.Null(type.ConfiguredName);
        Assert.Equal(4, type.FromAccountTypeId);
    }
}
