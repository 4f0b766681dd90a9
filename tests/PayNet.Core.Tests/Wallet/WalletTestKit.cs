using System.Text.Json;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

/// <summary>A WalletClient wired to a FakeHandler, with credentials that are easy to search for in logs.</summary>
internal sealed class WalletTestKit : IDisposable
{
    public const string ApiKey = "test-apikey-9f8e7d6c";
    public const string Principal = "233200000001";
    public const string Pin = "7391";

    public WalletTestKit(int maxRetries = 0, Action<WalletSettings>? configure = null)
    {
        Options = new PayNetClientOptions(new Uri("https://wallet.test/api"))
        {
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            PrimaryHandlerFactory = () => Fake,
            SettleDelays = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(5) },
        };
        var settings = new WalletSettings();
        configure?.Invoke(settings);
        Client = new WalletClient(new WalletCredentials(new SecretString(ApiKey), Principal, new SecretString(Pin)), Options, settings);
    }

    public FakeHandler Fake { get; } = new();
    public PayNetClientOptions Options { get; }
    public WalletClient Client { get; }

    /// <summary>Logins answer with the spec's example; tokens count up so a renewal is visible.</summary>
    public WalletTestKit WithLogin()
    {
        int n = 0;
        Fake.On("/access/login", _ => FakeHandler.Json(200, WalletSpecExamples.LoginWithToken($"token-{Interlocked.Increment(ref n):D2}-abcdef")));
        return this;
    }

    public static JsonElement Body(CapturedRequest request) => JsonDocument.Parse(request.Body!).RootElement;

    public void Dispose() => Client.Dispose();
}

/// <summary>Captures what the pipeline writes at Verbose and Debug.</summary>
internal sealed class CapturingLog : IPayNetLog
{
    private readonly List<string> _lines = new();
    public bool IsVerboseEnabled => true;
    public bool IsDebugEnabled => true;
    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToArray(); } }
    public string All => string.Join("\n", Lines);
    public void Verbose(string message) { lock (_lines) _lines.Add("VERBOSE: " + message); }
    public void Debug(string message) { lock (_lines) _lines.Add("DEBUG: " + message); }
    public void Warning(string message) { lock (_lines) _lines.Add("WARNING: " + message); }
}
