using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PayNet.Sandbox.Card;
using PayNet.Sandbox.Control;
using PayNet.Sandbox.TopUp;
using PayNet.Sandbox.Wallet;

namespace PayNet.Sandbox;

/// <summary>Builds the sandbox: one host, three API prefixes, one control surface.</summary>
public static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<SandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var options = new SandboxOptions();
        builder.Configuration.GetSection("Sandbox").Bind(options);
        configure?.Invoke(options);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SandboxClock>();
        builder.Services.AddSingleton<MoneyLedger>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddWalletSandbox();
        builder.Services.AddTopUpSandbox();
        builder.Services.AddCardSandbox();

        var app = builder.Build();
        var faults = app.Services.GetRequiredService<FaultInjector>();
        // The Date header tells the sandbox's clock (moved by /__sandbox/clock), as a real server's tells its own.
        var clock = app.Services.GetRequiredService<SandboxClock>();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = clock.UtcNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next();
        });
        app.Use((context, next) => faults.InvokeAsync(context, _ => next()));
        app.MapControlApi();
        app.MapWalletApi();
        app.MapTopUpApi();
        app.MapCardApi();
        return app;
    }

    /// <summary>The root URI the host actually listens on (resolves port 0).</summary>
    public static Uri RootUri(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1"));
    }
}

/// <summary>A sandbox on a free loopback port for one test class; disposing stops it.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private SandboxServer(WebApplication app, Uri root)
    {
        App = app;
        RootUri = root;
    }

    public WebApplication App { get; }
    public Uri RootUri { get; }
    public Uri WalletUri => new(RootUri, "/wallet/api");
    public Uri TopUpUri => new(RootUri, "/topup");
    public Uri CardUri => new(RootUri, "/card");
    public SandboxOptions Options => App.Services.GetRequiredService<SandboxOptions>();
    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<SandboxServer> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var app = SandboxApp.Build(new[] { "--urls", "http://127.0.0.1:0" }, configure);
        await app.StartAsync();
        return new SandboxServer(app, SandboxApp.RootUri(app));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
