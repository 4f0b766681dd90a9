using System.Net;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Transport;

/// <summary>
/// Issue 13 defect 8: no redirect is followed on discovery or on any request carrying credentials, and a plain-http
/// proxy elsewhere (explicit or from the environment) is refused unless insecure http is allowed. Loopback servers only.
/// </summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task Sandbox_discovery_does_not_follow_a_redirect_to_another_host()
    {
        using var elsewhere = new LoopbackHttpServer(_ => LoopbackHttpServer.Response(200, "OK", "{}"));
        // "localhost" instead of 127.0.0.1 stands in for another host: the point is that nothing follows the Location.
        using var sandbox = new LoopbackHttpServer(_ => LoopbackHttpServer.Response(302, "Found", "", $"Location: http://localhost:{elsewhere.Root.Port}/__sandbox"));

        var error = await Assert.ThrowsAsync<PayNetException>(() => SandboxDiscovery.DiscoverAsync(sandbox.Root, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("redirect", error.Message);
        Assert.Equal(0, elsewhere.Requests);
    }

    [Fact]
    public async Task Sandbox_discovery_refuses_a_document_that_sends_credentials_to_plain_http_elsewhere()
    {
        const string document = """
            { "wallet": { "baseUri": "http://paynet.example/wallet/api", "apiKey": "k-123456", "principal": "p", "pin": "1234" },
              "topUp": { "baseUri": "http://127.0.0.1:1/topup", "posId": 1, "token": "t-123456" },
              "card": { "baseUri": "http://127.0.0.1:1/card", "secretKey": "s-123456" } }
            """;
        using var sandbox = new LoopbackHttpServer(_ => LoopbackHttpServer.Response(200, "OK", document));

        var error = await Assert.ThrowsAsync<PayNetException>(() => SandboxDiscovery.DiscoverAsync(sandbox.Root, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("paynet.example", error.Message);
        Assert.DoesNotContain("k-123456", error.Message);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_credentialed_request_is_never_redirected(int status)
    {
        using var elsewhere = new LoopbackHttpServer(_ => LoopbackHttpServer.Response(200, "OK", """{"code":0,"Data":[]}"""));
        using var api = new LoopbackHttpServer(_ => LoopbackHttpServer.Response(status, "Moved", "", $"Location: http://localhost:{elsewhere.Root.Port}/v1/transaction/check"));
        using var card = new CardClient(new SecretString("sck_redirect_test_key_0001"), new PayNetClientOptions(api.Root) { MaxRetries = 0, UseSystemProxy = false });

        await Assert.ThrowsAnyAsync<PayNetException>(() => card.CheckAsync(referenceNo: "RCN-0001"));

        Assert.Equal(0, elsewhere.Requests);
    }

    [Fact]
    public async Task A_wallet_login_is_never_redirected()
    {
        using var elsewhere = new LoopbackHttpServer(_ => LoopbackHttpServer.Response(200, "OK", "{}"));
        using var api = new LoopbackHttpServer(_ => LoopbackHttpServer.Response(307, "Temporary Redirect", "", $"Location: http://localhost:{elsewhere.Root.Port}/access/login"));
        using var wallet = new WalletClient(new WalletCredentials(new SecretString("apikey-redirect"), "233200000001", new SecretString("1234")),
            new PayNetClientOptions(new Uri(api.Root, "wallet/api")) { MaxRetries = 0, UseSystemProxy = false });

        await Assert.ThrowsAnyAsync<PayNetException>(() => wallet.LoginAsync());

        Assert.Equal(0, elsewhere.Requests);
    }

    public static TheoryData<string, bool, bool> Proxies => new()
    {
        // proxy, allow insecure http, accepted
        { "http://10.20.30.40:3128", false, false },
        { "http://proxy.corp.example:8080", false, false },
        { "http://10.20.30.40:3128", true, true },
        { "http://127.0.0.1:8888", false, true },
        { "http://localhost:8888", false, true },
        { "https://proxy.corp.example:8443", false, true },
    };

    [Theory]
    [MemberData(nameof(Proxies))]
    public void An_explicit_plain_http_proxy_elsewhere_is_refused_unless_insecure_http_is_allowed(string proxy, bool allowInsecure, bool accepted)
    {
        var options = new PayNetClientOptions(new Uri("https://wallet.paynet.example/api")) { Proxy = new WebProxy(proxy), AllowInsecureHttp = allowInsecure };

        var attempt = Record.Exception(() => new CardClient(new SecretString("sck_proxy_test_key_0001"), options).Dispose());

        if (accepted) Assert.Null(attempt);
        else
        {
            var error = Assert.IsType<PayNetException>(attempt);
            Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
            Assert.Contains("proxy", error.Message);
            Assert.Contains("Proxy option", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Proxies))]
    public void A_proxy_from_the_environment_follows_the_same_rule(string proxy, bool allowInsecure, bool accepted)
    {
        var target = new Uri("https://wallet.paynet.example/api/");
        var environment = new WebProxy(proxy);

        var attempt = Record.Exception(() => ProxyRule.Check(PayNetApi.Wallet, target, null, environment, allowInsecure));

        if (accepted) Assert.Null(attempt);
        else Assert.Contains("environment", Assert.IsType<PayNetException>(attempt).Message);
    }

    [Fact]
    public void A_proxy_the_environment_bypasses_for_the_host_is_not_in_the_way()
    {
        var environment = new WebProxy("http://10.20.30.40:3128", BypassOnLocal: false, BypassList: new[] { "wallet\\.paynet\\.example" });
        ProxyRule.Check(PayNetApi.Wallet, new Uri("https://wallet.paynet.example/api/"), null, environment, false);
    }

    [Fact]
    public void Without_the_system_proxy_the_environment_is_not_consulted()
    {
        var options = new PayNetClientOptions(new Uri("https://wallet.paynet.example/api")) { UseSystemProxy = false };
        options.EnsureSafeTransport(PayNetApi.Card, checkProxy: true);
    }
}
