namespace PayNet.Sandbox.Wallet;

/// <summary>Registration and routes of the Wallet emulator (see ../shared/spec/wallet.md).</summary>
public static class WalletApi
{
    public static IServiceCollection AddWalletSandbox(this IServiceCollection services)
    {
        return services;
    }

    public static void MapWalletApi(this WebApplication app)
    {
    }
}
