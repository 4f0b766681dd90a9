using System.Net.Http.Json;
using System.Text.Json;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Wallet;

/// <summary>One sandbox per test class; each test starts from the seed via /__sandbox/reset.</summary>
public sealed class WalletSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;
    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync();
        Control = new HttpClient { BaseAddress = Server.RootUri };
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Clients and control calls against a running sandbox, for the §12 flows.</summary>
internal static class SandboxWallet
{
    /// <summary>Member 3 of the seed (§11.2), for payments in the other direction.</summary>
    public const string AvatarPrincipal = "86888";
    public const string AvatarPin = "5678";
    public const string ConfirmMemberPaymentPath = "/wallet/api/payments/confirm/member-payment";

    /// <summary>Signed in as the discovery member (member 2, Jhon Doe) unless told otherwise.</summary>
    public static WalletClient Client(SandboxServer server, string? principal = null, string? pin = null, Action<PayNetClientOptions>? configure = null)
    {
        var wallet = server.Options.Wallet;
        var options = new PayNetClientOptions(server.WalletUri) { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10), SettleDelays = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(50) } };
        configure?.Invoke(options);
        return new WalletClient(new WalletCredentials(new SecretString(wallet.ApiKey), principal ?? wallet.Principal, new SecretString(pin ?? wallet.Pin)), options);
    }

    public static async Task ResetAsync(HttpClient control) =>
        (await control.PostAsync("/__sandbox/reset", null)).EnsureSuccessStatusCode();

    public static async Task AdvanceClockAsync(HttpClient control, int minutes) =>
        (await control.PostAsJsonAsync("/__sandbox/clock", new { advanceMinutes = minutes })).EnsureSuccessStatusCode();

    public static async Task ArmFaultAsync(HttpClient control, string path, string kind, bool afterCommit = false) =>
        (await control.PostAsJsonAsync("/__sandbox/faults", new { path, kind, count = 1, afterCommit })).EnsureSuccessStatusCode();

    /// <summary>Ledger entries (executed money movements) whose reference is <paramref name="reference"/>.</summary>
    public static async Task<IReadOnlyList<JsonElement>> LedgerAsync(HttpClient control, string reference)
    {
        using var doc = JsonDocument.Parse(await control.GetStringAsync("/__sandbox/ledger"));
        return doc.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => string.Equals(e.GetProperty("reference").GetString(), reference, StringComparison.Ordinal))
            .Select(e => e.Clone()).ToList();
    }

    public static async Task<List<WalletStatementLine>> StatementAsync(WalletClient client, int pageSize = 50)
    {
        var lines = new List<WalletStatementLine>();
        await foreach (var line in client.GetStatementAsync(pageSize: pageSize)) lines.Add(line);
        return lines;
    }
}
