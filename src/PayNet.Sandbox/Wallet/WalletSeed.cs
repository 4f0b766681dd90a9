namespace PayNet.Sandbox.Wallet;

internal sealed record WalletCurrency(long Id, string Symbol, string Name, string Pattern);

/// <summary>
/// The §11.2 seed: the seed documents' own test data (caller member 2, payees 3 and 4, USD, fixed fee 5),
/// so their examples work unchanged. Account ids are memberId × 100 + n (201 = member 2's wallet).
/// </summary>
internal static class WalletSeed
{
    public const long CustomerGroupId = 5;
    public const long MerchantGroupId = 9;
    public const long FirstRegisteredMemberId = 6;

    public static readonly WalletCurrency Currency = new(1, "$", "USD", "$#amount#");

    public static void Load(WalletState state, WalletSandboxOptions options)
    {
        state.Accounts[1] = new WalletAccount { Id = 1, TypeId = AccountTypes.GatewayClearing, Unlimited = true };
        state.Accounts[2] = new WalletAccount { Id = 2, TypeId = AccountTypes.FeeRevenue };
        state.Accounts[3] = new WalletAccount { Id = 3, TypeId = AccountTypes.Promotions, Unlimited = true };

        AddMember(state, new WalletMember
        {
            Id = 2, Name = "Jhon Doe", Username = options.Principal, MobileNo = "9555292137", Email = "jhon.doe@example.com",
            GroupId = CustomerGroupId, Pin = options.Pin,
        }, AccountTypes.CustomerWallet, 1_000.00m, loyalty: 100.00m);
        AddMember(state, new WalletMember
        {
            Id = 3, Name = "Avatar S", Username = "86888", MobileNo = "7836911911", Email = "avatar.s@example.com",
            GroupId = CustomerGroupId, Pin = "5678",
        }, AccountTypes.CustomerWallet, 250.00m);
        AddMember(state, new WalletMember
        {
            Id = 4, Name = "Moonbucks", Username = "9555", MobileNo = "9555000444", Email = "till@moonbucks.example.com",
            GroupId = MerchantGroupId, Pin = "0000",
        }, AccountTypes.MerchantWallet, 0.00m);
        AddMember(state, new WalletMember
        {
            Id = 5, Name = "Penny Lowe", Username = "55555", MobileNo = "9555000555", Email = "penny.lowe@example.com",
            GroupId = CustomerGroupId, Pin = "2468",
        }, AccountTypes.CustomerWallet, 20.00m);

        state.Agreements[1] = new WalletAgreement
        {
            Id = 1, Name = "Terms of Use", Version = "1.0", Required = true,
            Content = "PayNet sandbox terms of use. Nothing here moves real money.",
        };
    }

    /// <summary>Creates the member with a default wallet (id × 100 + 1) and, when given, a loyalty wallet (+2).</summary>
    public static void AddMember(WalletState state, WalletMember member, long walletType, decimal balance, decimal? loyalty = null)
    {
        state.Members[member.Id] = member;
        long baseId = member.Id * 100;
        state.Accounts[baseId + 1] = new WalletAccount { Id = baseId + 1, MemberId = member.Id, TypeId = walletType, IsDefault = true, Balance = balance };
        if (loyalty is { } points)
            state.Accounts[baseId + 2] = new WalletAccount { Id = baseId + 2, MemberId = member.Id, TypeId = AccountTypes.LoyaltyWallet, Balance = points };
    }
}
