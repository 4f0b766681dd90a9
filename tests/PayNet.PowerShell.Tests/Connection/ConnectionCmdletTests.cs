using System.Management.Automation;
using System.Text.Json;
using PayNet.Core;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Host;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Connection;

public sealed class ConnectionCmdletTests
{
    private const string SecretKey = "sck_test_Zq0khnsV9elaF/SIBVvxQI+bIW";

    private static RecordingHost ConnectCard(ConnectionStore store, Uri? baseUri = null, bool allowInsecure = false, bool passThru = true) =>
        CmdletRunner.Run(new ConnectPayNetCommand
        {
            SecretKey = RecordingHost.Secure(SecretKey),
            BaseUri = baseUri ?? new Uri("https://pts-api.paynet.com.tr"),
        }, Switches(new RecordingHost(store) { SetName = "Card" }, allowInsecure, passThru));

    private static RecordingHost Switches(RecordingHost host, bool allowInsecure, bool passThru)
    {
        if (allowInsecure) host.Bind("AllowInsecureHttp");
        if (passThru) host.Bind("PassThru");
        return host;
    }

    [Fact]
    public void A_cmdlet_without_a_connection_stops_and_says_to_run_Connect_PayNet()
    {
        var host = CmdletRunner.Run(new GetPayNetTransactionCommand { ReferenceNo = "RCN-0001" }, new RecordingHost { SetName = "CardReferenceNo" });
        Assert.NotNull(host.Terminating);
        Assert.Equal(ErrorIds.NotConnected, host.Terminating!.ErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, host.Terminating.Category);
        Assert.Contains("Connect-PayNet", host.Terminating.Message);
    }

    [Fact]
    public void Connect_makes_a_default_connection_that_Get_PayNetConnection_lists_without_secrets()
    {
        var store = new ConnectionStore();
        var connect = ConnectCard(store);
        var connection = Assert.IsType<PayNetConnection>(Assert.Single(connect.Output));
        Assert.Equal("Card", connection.Services);
        Assert.Equal("Live", connection.CardEnvironment);
        Assert.Same(connection, store.Get(PayNetApi.Card));

        var listed = CmdletRunner.Run(new GetPayNetConnectionCommand(), new RecordingHost(store));
        Assert.Same(connection, Assert.Single(listed.Output));

        string json = JsonSerializer.Serialize(connection);
        Assert.DoesNotContain(SecretKey, json);
        Assert.DoesNotContain(SecretKey, connection.ToString());
        Assert.DoesNotContain(connect.AllText(), t => t.Contains(SecretKey));
    }

    [Fact]
    public void Connections_are_per_runspace_store()
    {
        var first = new ConnectionStore();
        var second = new ConnectionStore();
        ConnectCard(first);
        Assert.NotNull(first.Get(PayNetApi.Card));
        Assert.Null(second.Get(PayNetApi.Card));
        Assert.NotSame(ConnectionStore.For(new object()), ConnectionStore.For(new object()));
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused_unless_allowed_and_then_warned_about()
    {
        var refused = ConnectCard(new ConnectionStore(), new Uri("http://paynet.example.com"));
        Assert.NotNull(refused.Terminating);
        Assert.Equal(ErrorIds.InvalidArgument, refused.Terminating!.ErrorId);
        Assert.Contains("plain http", refused.Terminating.Message);

        var allowed = ConnectCard(new ConnectionStore(), new Uri("http://paynet.example.com"), allowInsecure: true);
        Assert.Null(allowed.Terminating);
        Assert.Contains(allowed.Warnings, w => w.Contains("clear text"));

        var loopback = ConnectCard(new ConnectionStore(), new Uri("http://127.0.0.1:5999"));
        Assert.Null(loopback.Terminating);
        Assert.Empty(loopback.Warnings);
    }

    [Fact]
    public void A_connection_without_the_needed_service_is_a_configuration_error()
    {
        var store = new ConnectionStore();
        var card = (PayNetConnection)ConnectCard(store).Output.Single()!;
        var host = CmdletRunner.Run(new GetPayNetTransactionCommand { ExternalId = "order-1", Connection = card }, new RecordingHost(store) { SetName = "TopUpExternalId" });
        Assert.Equal(ErrorIds.InvalidConfiguration, host.Terminating?.ErrorId);
    }

    [Fact]
    public void Disconnect_forgets_the_defaults()
    {
        var store = new ConnectionStore();
        ConnectCard(store, passThru: false);
        Assert.NotNull(store.Get(PayNetApi.Card));
        CmdletRunner.Run(new DisconnectPayNetCommand(), new RecordingHost(store));
        Assert.Null(store.Get(PayNetApi.Card));
        Assert.Empty(CmdletRunner.Run(new GetPayNetConnectionCommand(), new RecordingHost(store)).Output);
    }

    [Fact]
    public void Sandbox_discovery_failure_explains_how_to_start_the_sandbox()
    {
        var host = CmdletRunner.Run(new ConnectPayNetCommand { BaseUri = new Uri("http://127.0.0.1:1"), TimeoutSec = 2 }, new RecordingHost { SetName = "Sandbox" }.Bind("Sandbox"));
        Assert.NotNull(host.Terminating);
        Assert.Contains("PayNet.Sandbox", host.Terminating!.Message);
    }

    [Fact]
    public void A_proxy_and_its_credential_are_taken_without_echoing_the_password()
    {
        var store = new ConnectionStore();
        var host = new RecordingHost(store) { SetName = "Card" }.Bind("PassThru");
        var proxyCredential = host.Credential("corp\\svc-paynet", "Pr0xy-Passw0rd!");
        CmdletRunner.Run(new ConnectPayNetCommand
        {
            SecretKey = RecordingHost.Secure(SecretKey),
            BaseUri = new Uri("https://pts-api.paynet.com.tr"),
            Proxy = new Uri("http://proxy.corp.example:3128"),
            ProxyCredential = proxyCredential,
        }, host);
        var connection = Assert.IsType<PayNetConnection>(Assert.Single(host.Output));
        Assert.Equal("http://proxy.corp.example:3128/", connection.Proxy);
        Assert.DoesNotContain(host.AllText(), t => t.Contains("Pr0xy-Passw0rd!"));
        Assert.DoesNotContain("Pr0xy-Passw0rd!", JsonSerializer.Serialize(connection));
    }
}
