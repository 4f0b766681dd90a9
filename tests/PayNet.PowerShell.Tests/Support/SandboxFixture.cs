using PayNet.Sandbox;

namespace PayNet.PowerShell.Tests.Support;

/// <summary>
/// One sandbox on a free loopback port per test class. <see cref="Connect"/> runs Connect-PayNet
/// -Sandbox in a fresh PowerShell session, exactly as a user would, and hands the session back.
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

    /// <summary>A fresh PowerShell session connected to every sandbox service.</summary>
    internal PwshSession Connect(int timeoutSec = 5, int maxRetry = 1) => ConnectSandbox(Server.RootUri, timeoutSec, maxRetry);

    internal static PwshSession ConnectSandbox(Uri root, int timeoutSec = 5, int maxRetry = 1)
    {
        var session = new PwshSession();
        var connect = session.Invoke("Connect-PayNet", new { BaseUri = root, TimeoutSec = timeoutSec, MaxRetry = maxRetry }, "Sandbox");
        if (connect.Terminating is not null || connect.Errors.Count > 0)
        {
            session.Dispose();
            throw new InvalidOperationException("Connect-PayNet -Sandbox failed: " + (connect.Terminating ?? connect.Errors[0]));
        }
        return session;
    }

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

    /// <summary>This test's PowerShell session, connected to the sandbox.</summary>
    internal PwshSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.ResetAsync();
        Session = Sandbox.Connect();
    }

    public Task DisposeAsync()
    {
        Session?.Dispose();
        return Task.CompletedTask;
    }
}
