using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Reliability;

/// <summary>Credentials never travel in clear text to another machine unless the user says so, and then is warned.</summary>
public sealed class HttpsEnforcementTests
{
    private static readonly Uri Remote = new("http://paynet.example.com/api");

    public static IEnumerable<object[]> ParameterSets() => new[] { "Wallet", "TopUpToken", "TopUpCredential", "Card", "Sandbox" }.Select(s => new object[] { s });

    private static PwshResult Connect(PwshSession session, string set, bool allow)
    {
        var parameters = new Dictionary<string, object?> { ["BaseUri"] = Remote, ["TimeoutSec"] = 1 };
        var switches = new List<string>();
        switch (set)
        {
            case "Wallet": parameters["ApiKey"] = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("apikey-x"); parameters["Credential"] = new PSCredential("48889", PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("1234")); break;
            case "TopUpToken": parameters["PosId"] = 123; parameters["Token"] = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("token-x"); break;
            case "TopUpCredential": parameters["Credential"] = new PSCredential("123", PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("token-x")); switches.Add("TopUp"); break;
            case "Card": parameters["SecretKey"] = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("sck_x"); break;
            case "Sandbox": switches.Add("Sandbox"); break;
        }
        if (allow) switches.Add("AllowInsecureHttp");
        return session.Call("Connect-PayNet", parameters, c => c.Bind(switches.ToArray()));
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Connect_refuses_plain_http_to_another_host_for_every_parameter_set(string set)
    {
        using var session = new PwshSession();
        var host = Connect(session, set, allow: false);
        Assert.NotNull(host.Terminating);
        Assert.Equal(ErrorIds.InvalidArgument, host.Terminating!.ErrorId);
        Assert.Matches("http|https", host.Terminating.Message);
        Assert.Empty(session.Call("Get-PayNetConnection").Output);
    }

    [Theory]
    [InlineData("Card")]
    public void Allowing_insecure_http_connects_with_a_warning(string set)
    {
        using var session = new PwshSession();
        var host = Connect(session, set, allow: true);
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
