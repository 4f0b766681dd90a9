using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Wallet;

/// <summary>Registration and routes of the Wallet emulator (see ../shared/spec/wallet.md), mounted under /wallet/api.</summary>
public static class WalletApi
{
    public static IServiceCollection AddWalletSandbox(this IServiceCollection services)
    {
        services.AddSingleton<WalletState>();
        services.AddSingleton<ISandboxState>(sp => sp.GetRequiredService<WalletState>());
        return services;
    }

    public static void MapWalletApi(this WebApplication app)
    {
        app.UseWalletGate();
        var api = app.MapGroup(WalletPipeline.Prefix);
        AccessEndpoints.Map(api);
        RegistrationEndpoints.Map(api);
        WalletPayments.Map(api);
        AccountEndpoints.Map(api);
        AgreementEndpoints.Map(api);
        QrEndpoints.Map(api);
        DocumentEndpoints.Map(api);
        DisputeEndpoints.Map(api);
        TransferTypeEndpoints.Map(api);
        WalletControlEndpoints.Map(app);
        WalletSwitchControl.Map(app);
    }
}
