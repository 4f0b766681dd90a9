using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Host;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Reliability;

/// <summary>Credentials never travel in clear text to another machine unless the user says so, and then is warned.</summary>
public sealed class HttpsEnforcementTests
{
    private static readonly Uri Remote = new("http://paynet.example.com/api");

    public static IEnumerable<object[]> ParameterSets() => new[] { "Wallet", "TopUpToken", "TopUpCredential", "Card", "Sandbox" }.Select(s => new object[] { s });

    private static (ConnectPayNetCommand Cmd, RecordingHost Host) Connect(string set, bool allow)
    {
        var host = new RecordingHost { SetName = set };
        var cmd = new ConnectPayNetCommand { BaseUri = Remote, TimeoutSec = 1 };
        switch (set)
        {
            case "Wallet": cmd.ApiKey = RecordingHost.Secure("apikey-x"); cmd.Credential = host.Credential("48889", "1234"); break;
            case "TopUpToken": cmd.PosId = 123; cmd.Token = RecordingHost.Secure("token-x"); break;
            case "TopUpCredential": cmd.Credential = host.Credential("123", "token-x"); host.Bind("TopUp"); break;
            case "Card": cmd.SecretKey = RecordingHost.Secure("sck_x"); break;
            case "Sandbox": host.Bind("Sandbox"); break;
        }
        if (allow) host.Bind("AllowInsecureHttp");
        return (cmd, host);
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Connect_refuses_plain_http_to_another_host_for_every_parameter_set(string set)
    {
        var (cmd, host) = Connect(set, allow: false);
        CmdletRunner.Run(cmd, host);
        Assert.NotNull(host.Terminating);
        Assert.Equal(ErrorIds.InvalidArgument, host.Terminating!.ErrorId);
        Assert.Matches("http|https", host.Terminating.Message);
        Assert.Empty(host.Connections.All());
    }

    [Theory]
    [InlineData("Card")]
    public void Allowing_insecure_http_connects_with_a_warning(string set)
    {
        var (cmd, host) = Connect(set, allow: true);
        CmdletRunner.Run(cmd, host);
        Assert.Null(host.Terminating);
        Assert.Contains(host.Warnings, w => w.Contains("clear text") && w.Contains("paynet.example.com"));
    }

    public static IEnumerable<object[]> Clients() => new[] { "Wallet", "TopUp", "Card" }.Select(c => new object[] { c });

    private static IDisposable Client(string api, PayNetClientOptions options) => api switch
    {
        "Wallet" => new WalletClient(new WalletCredentials(new SecretString("apikey-x"), "48889", new SecretString("1234")), options),
        "TopUp" => new TopUpClient(new TopUpCredentials(123, new SecretString("token-x")), options),
        _ => new CardClient(new SecretString("sck_x"), options),
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public void Every_client_refuses_plain_http_to_another_host_and_accepts_https_and_loopback(string api)
    {
        var refused = Assert.ThrowsAny<PayNetException>(() => Client(api, new PayNetClientOptions(Remote)));
        Assert.Equal(PayNetErrorCategory.InvalidArgument, refused.Category);
        Client(api, new PayNetClientOptions(new Uri("https://paynet.example.com/api"))).Dispose();
        Client(api, new PayNetClientOptions(new Uri("http://127.0.0.1:5080/x"))).Dispose();
        Client(api, new PayNetClientOptions(new Uri("http://localhost:5080/x"))).Dispose();
        Client(api, new PayNetClientOptions(Remote) { AllowInsecureHttp = true }).Dispose();
        Assert.ThrowsAny<PayNetException>(() => Client(api, new PayNetClientOptions(new Uri("ftp://paynet.example.com/"))));
    }
}
