using PayNet.PowerShell;
using PayNet.PowerShell.Commands;
using PayNet.Sandbox;

namespace PayNet.PowerShell.Tests.Support;

/// <summary>
/// One sandbox on a free loopback port per test class. <see cref="Connect"/> runs Connect-PayNet
/// -Sandbox through the seam, exactly as a user would, and hands back the runspace's store.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;
    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(o =>
        {
            o.TopUp.SlowMs = 1500;
            o.Card.SlowMs = 1500;
        });
        Control = new HttpClient { BaseAddress = Server.RootUri };
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Server.DisposeAsync();
    }

    public async Task ResetAsync() => (await Control.PostAsync("/__sandbox/reset", null)).EnsureSuccessStatusCode();

    /// <summary>A fresh runspace store connected to every sandbox service; the host that ran Connect is returned too.</summary>
    internal ConnectionStore Connect(int timeoutSec = 5, int maxRetry = 1)
    {
        var store = new ConnectionStore();
        var host = new RecordingHost(store) { SetName = "Sandbox" }.Bind("Sandbox");
        CmdletRunner.Run(new ConnectPayNetCommand { BaseUri = Server.RootUri, TimeoutSec = timeoutSec, MaxRetry = maxRetry }, host);
        if (host.Terminating is not null) throw new InvalidOperationException("Connect-PayNet -Sandbox failed: " + host.Terminating);
        return store;
    }

    internal RecordingHost HostFor(ConnectionStore store) => new(store);

    public async Task<string> LedgerAsync() => await Control.GetStringAsync("/__sandbox/ledger");

    public async Task ArmFaultAsync(string path, string kind, int count = 1, int delayMs = 0, bool afterCommit = false)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { path, kind, count, delayMs, afterCommit });
        (await Control.PostAsync("/__sandbox/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }
}

internal static class LedgerJson
{
    /// <summary>Executed money movements of one API, from GET /__sandbox/ledger.</summary>
    public static IReadOnlyList<System.Text.Json.JsonElement> Entries(string ledgerJson, string api)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(ledgerJson);
        return doc.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => string.Equals(e.GetProperty("api").GetString(), api, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Clone()).ToList();
    }
}

/// <summary>A test class against the class's sandbox: reset to the seed and freshly connected before each test.</summary>
public abstract class SandboxCmdletTest : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    protected SandboxCmdletTest(SandboxFixture sandbox) => Sandbox = sandbox;

    protected SandboxFixture Sandbox { get; }
    internal ConnectionStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.ResetAsync();
        Store = Sandbox.Connect();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
