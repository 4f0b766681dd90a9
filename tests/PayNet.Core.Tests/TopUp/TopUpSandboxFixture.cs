using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.TopUp;

/// <summary>One sandbox per test class, with the slow-confirm suffix shortened to 1.5 s.</summary>
public sealed class TopUpSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;
    public SandboxControl Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(o => o.TopUp.SlowMs = 1500);
        Control = new SandboxControl(Server.RootUri);
    }

    public TopUpClient Client(TopUpSettings? settings = null, Action<PayNetClientOptions>? configure = null)
    {
        var options = TestOptions.Fast(Server.TopUpUri);
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        var credentials = new TopUpCredentials(Server.Options.TopUp.PosId, new SecretString(Server.Options.TopUp.Token));
        return new TopUpClient(credentials, options, settings ?? new TopUpSettings
        {
            PollInitialInterval = TimeSpan.FromMilliseconds(20),
            PollMaxInterval = TimeSpan.FromMilliseconds(80),
            PollTimeout = TimeSpan.FromSeconds(20),
        });
    }

    /// <summary>A UAE mobile number ending in the magic suffix of topup.md §12.5, unique per call.</summary>
    public static string Mobile(string suffix) => "9715" + Random.Shared.Next(100000, 999999).ToString() + suffix;

    public static string NewOrder() => "it-" + Guid.NewGuid().ToString("N")[..20];

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Server.DisposeAsync();
    }
}
