namespace PayNet.Sandbox.Card;

/// <summary>Registration and routes of the Card emulator (see ../shared/spec/card.md).</summary>
public static class CardApi
{
    public static IServiceCollection AddCardSandbox(this IServiceCollection services)
    {
        return services;
    }

    public static void MapCardApi(this WebApplication app)
    {
    }
}
