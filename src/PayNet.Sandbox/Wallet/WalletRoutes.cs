namespace PayNet.Sandbox.Wallet;

/// <summary>Route registration that sends every Wallet endpoint through <see cref="WalletPipeline"/>.</summary>
internal static class WalletRoutes
{
    public static void Get(this RouteGroupBuilder api, string pattern, WalletAuth auth, Func<WalletCall, WalletReply> handler) =>
        api.MapGet(pattern, WalletPipeline.Handler(auth, handler));

    public static void Post(this RouteGroupBuilder api, string pattern, WalletAuth auth, Func<WalletCall, WalletReply> handler,
        WalletBodyKind body = WalletBodyKind.Json) =>
        api.MapPost(pattern, WalletPipeline.Handler(auth, handler, body));

    public static void Put(this RouteGroupBuilder api, string pattern, WalletAuth auth, Func<WalletCall, WalletReply> handler) =>
        api.MapPut(pattern, WalletPipeline.Handler(auth, handler));
}
