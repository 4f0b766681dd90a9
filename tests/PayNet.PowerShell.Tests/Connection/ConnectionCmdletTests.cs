using System.Management.Automation;
using System.Text.Json;
using PayNet.Core;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Connection;

public sealed class ConnectionCmdletTests
{
    private const string SecretKey = "sck_test_Zq0khnsV9elaF/SIBVvxQI+bIW";

    private static PwshResult ConnectCard(PwshSession session, Uri? baseUri = null, bool allowInsecure = false, bool passThru = true) =>
        session.Call("Connect-PayNet", new
        {
            SecretKey = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure(SecretKey),
            BaseUri = baseUri ?? new Uri("https://pts-api.paynet.com.tr"),
        }, c =>
        {
            if (allowInsecure) c.Bind("AllowInsecureHttp");
            if (passThru) c.Bind("PassThru");
        });

    /// <summary>The session's default connection for a service, as Get-PayNetConnection lists it.</summary>
    private static PayNetConnection? DefaultFor(PwshSession session, PayNetApi service) =>
        session.Call("Get-PayNetConnection", new { Service = new[] { service } }).OutputOf<PayNetConnection>().SingleOrDefault();

    [Fact]
    public void A_cmdlet_without_a_connection_stops_and_says_to_run_Connect_PayNet()
    {
        using var session = new PwshSession();
        var host = session.Call("Get-PayNetTransaction", new { ReferenceNo = "RCN-0001" });
        Assert.NotNull(host.Terminating);
        Assert.Equal(ErrorIds.NotConnected, host.Terminating!.ErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, host.Terminating.Category);
        Assert.Contains("Connect-PayNet", host.Terminating.Message);
    }

    [Fact]
    public void Connect_makes_a_default_connection_that_Get_PayNetConnection_lists_without_secrets()
    {
        using var store = new PwshSession();
        var connect = ConnectCard(store);
        var connection = Assert.IsType<PayNetConnection>(Assert.Single(connect.Output));
        Assert.Equal("Card", connection.Services);
        Assert.Equal("Live", connection.CardEnvironment);
        Assert.Same(connection, DefaultFor(store, PayNetApi.Card));

        var listed = store.Call("Get-PayNetConnection");
        Assert.Same(connection, Assert.Single(listed.Output));

        string json = JsonSerializer.Serialize(connection);
        Assert.DoesNotContain(SecretKey, json);
        Assert.DoesNotContain(SecretKey, connection.ToString());
        Assert.DoesNotContain(connect.AllText(), t => t.Contains(SecretKey));
    }

    [Fact]
    public void Connections_are_per_runspace()
    {
        using var first = new PwshSession();
        using var second = new PwshSession();
        ConnectCard(first);
        Assert.NotNull(DefaultFor(first, PayNetApi.Card));
        Assert.Null(DefaultFor(second, PayNetApi.Card));
        Assert.NotSame(ConnectionStore.For(new object()), ConnectionStore.For(new object()));
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused_unless_allowed_and_then_warned_about()
    {
        using var session = new PwshSession();
        var refused = ConnectCard(session, new Uri("http://paynet.example.com"));
        Assert.NotNull(refused.Terminating);
        Assert.Equal(ErrorIds.InvalidArgument, refused.Terminating!.ErrorId);
        Assert.Contains("plain http", refused.Terminating.Message);

        var allowed = ConnectCard(session, new Uri("http://paynet.example.com"), allowInsecure: true);
        Assert.Null(allowed.Terminating);
        Assert.Contains(allowed.Warnings, w => w.Contains("clear text"));

        var loopback = ConnectCard(session, new Uri("http://127.0.0.1:5999"));
        Assert.Null(loopback.Terminating);
        Assert.Empty(loopback.Warnings);
    }

    [Fact]
    public void A_connection_without_the_needed_service_is_a_configuration_error()
    {
        using var store = new PwshSession();
        var card = (PayNetConnection)ConnectCard(store).Output.Single()!;
        var host = store.Call("Get-PayNetTransaction", new { ExternalId = "order-1", Connection = card });
        Assert.Equal(ErrorIds.InvalidConfiguration, host.Terminating?.ErrorId);
    }

    [Fact]
    public void Disconnect_forgets_the_defaults()
    {
        using var store = new PwshSession();
        ConnectCard(store, passThru: false);
        Assert.NotNull(DefaultFor(store, PayNetApi.Card));
        store.Call("Disconnect-PayNet");
        Assert.Null(DefaultFor(store, PayNetApi.Card));
        Assert.Empty(store.Call("Get-PayNetConnection").Output);
    }

    [Fact]
    public void Sandbox_discovery_failure_explains_how_to_start_the_sandbox()
    {
        using var session = new PwshSession();
        var host = session.Call("Connect-PayNet", new { BaseUri = new Uri("http://127.0.0.1:1"), TimeoutSec = 2 }, c => c.Bind("Sandbox"));
        Assert.NotNull(host.Terminating);
        Assert.Contains("PayNet.Sandbox", host.Terminating!.Message);
    }

    [Fact]
    public void A_proxy_and_its_credential_are_taken_without_echoing_the_password()
    {
        using var store = new PwshSession();
        var proxyCredential = new PSCredential("corp\\svc-paynet", PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("Pr0xy-Passw0rd!"));
        var host = store.Call("Connect-PayNet", new
        {
            SecretKey = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure(SecretKey),
            BaseUri = new Uri("https://pts-api.paynet.com.tr"),
            Proxy = new Uri("http://proxy.corp.example:3128"),
            ProxyCredential = proxyCredential,
        }, c => c.Bind("PassThru"));
        var connection = Assert.IsType<PayNetConnection>(Assert.Single(host.Output));
        Assert.Equal("http://proxy.corp.example:3128/", connection.Proxy);
        Assert.DoesNotContain(host.AllText(), t => t.Contains("Pr0xy-Passw0rd!"));
        Assert.DoesNotContain("Pr0xy-Passw0rd!", JsonSerializer.Serialize(connection));
    }
}
