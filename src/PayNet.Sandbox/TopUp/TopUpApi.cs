namespace PayNet.Sandbox.TopUp;

/// <summary>Registration and routes of the TopUp emulator (see ../shared/spec/topup.md).</summary>
public static class TopUpApi
{
    public static IServiceCollection AddTopUpSandbox(this IServiceCollection services)
    {
        return services;
    }

    public static void MapTopUpApi(this WebApplication app)
    {
    }
}
