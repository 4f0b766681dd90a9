using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Connection;

/// <summary>What a connection kept with -PassThru says and does after Disconnect-PayNet (issue 16 item 7).</summary>
public sealed class ConnectionLifetimeTests : SandboxCmdletTest
{
    public ConnectionLifetimeTests(SandboxFixture sandbox) : base(sandbox) { }

    /// <summary>The error that stopped a statement: in a script it is written to the error stream and the script goes on.</summary>
    private static System.Management.Automation.ErrorRecord Stopped(PwshResult result) =>
        result.Terminating ?? Assert.Single(result.Errors);

    [Fact]
    public void Disconnect_Service_Card_takes_Card_out_of_the_connections_Services_and_out_of_use()
    {
        var result = Session.Run(@"
$c = Get-PayNetConnection -Service Wallet
Disconnect-PayNet -Service Card
$c.Services
(Get-PayNetConnection).Services
Get-PayNetTransaction -ReferenceNo RCN-0001 -Connection $c");

        Assert.Equal("Wallet, TopUp", result.Output[0]?.ToString());
        Assert.Equal("Wallet, TopUp", result.Output[1]?.ToString());
        Assert.Equal(ErrorIds.InvalidConfiguration, Stopped(result).ErrorId);
        Assert.Single(Session.Run("Get-PayNetWallet | Where-Object IsDefault").Output);
    }

    [Fact]
    public void A_PassThru_connection_used_after_Disconnect_is_a_PayNet_error_not_ObjectDisposedException()
    {
        var result = Session.Run(@"
$c = Get-PayNetConnection -Service Card
Disconnect-PayNet
$c.Services
Get-PayNetTransaction -ReferenceNo RCN-0001 -Connection $c");

        Assert.Equal(string.Empty, result.Output[0]?.ToString());
        var error = Stopped(result);
        Assert.Equal(ErrorIds.NotConnected, error.ErrorId);
        Assert.Contains("Disconnect-PayNet", error.Message);
        Assert.DoesNotContain("ObjectDisposed", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_wrong_Card_secret_key_is_refused_at_Connect_and_the_good_connection_stays()
    {
        var result = Session.Run(@"
$card = (Get-PayNetConnection -Service Card).CardBaseUri
Connect-PayNet -SecretKey (ConvertTo-SecureString 'sck_test_wrong_key_000000000000' -AsPlainText -Force) -BaseUri $card");
        Assert.Equal(ErrorIds.AuthenticationFailed, Stopped(result).ErrorId);
        Assert.DoesNotContain("sck_test_wrong_key", string.Join("\n", result.AllText()));

        var after = Session.Run("(Get-PayNetConnection -Service Card).CardEnvironment; Get-PayNetTransaction -ReferenceNo RCN-0001 | Select-Object -First 1 -ExpandProperty ReferenceNo");
        Assert.Empty(after.Errors);
        Assert.Equal(new[] { "Sandbox", "RCN-0001" }, after.Output.Select(o => o?.ToString()));
    }

    [Fact]
    public void FromEnvironment_connects_every_service_whose_variables_are_set_and_echoes_no_secret()
    {
        var names = new[] { "PAYNET_WALLET_APIKEY", "PAYNET_WALLET_PRINCIPAL", "PAYNET_WALLET_PIN", "PAYNET_WALLET_BASEURI", "PAYNET_TOPUP_POSID", "PAYNET_TOPUP_TOKEN", "PAYNET_TOPUP_BASEURI", "PAYNET_CARD_SECRETKEY", "PAYNET_CARD_BASEURI" };
        try
        {
            // The discovery document carries the sandbox's credentials; read it in its own call so only
            // Connect-PayNet's streams are searched for them.
            var discovery = Session.Run(@"
$d = Invoke-RestMethod ($root + '/__sandbox')
$env:PAYNET_WALLET_APIKEY = $d.wallet.apiKey; $env:PAYNET_WALLET_PRINCIPAL = $d.wallet.principal; $env:PAYNET_WALLET_PIN = $d.wallet.pin
$env:PAYNET_WALLET_BASEURI = $d.wallet.baseUri
$env:PAYNET_TOPUP_POSID = $d.topUp.posId; $env:PAYNET_TOPUP_TOKEN = $d.topUp.token; $env:PAYNET_TOPUP_BASEURI = $d.topUp.baseUri
$env:PAYNET_CARD_SECRETKEY = $d.card.secretKey; $env:PAYNET_CARD_BASEURI = $d.card.baseUri
Disconnect-PayNet
@($d.wallet.apiKey, $d.wallet.pin, $d.topUp.token, $d.card.secretKey)", new { root = Sandbox.Server.RootUri.ToString().TrimEnd('/') });
            Assert.Empty(discovery.Errors);
            var result = Session.Run(@"
$c = Connect-PayNet -FromEnvironment -PassThru -Verbose
$c
Get-PayNetTransaction -ReferenceNo RCN-0001 | Select-Object -First 1 -ExpandProperty ReferenceNo");
            Assert.Null(result.Terminating);
            Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors.Select(e => e.Message)) + " | " + string.Join(", ", result.Output));
            var connection = Assert.IsType<PayNetConnection>(result.Output[0]);
            Assert.Equal("Wallet, TopUp, Card", connection.Services);
            Assert.Equal("RCN-0001", result.Output[1]?.ToString());
            var secrets = discovery.Output.Select(o => o!.ToString()!).ToList();
            Assert.Equal(4, secrets.Count);
            string streams = string.Join("\n", result.Verbose.Concat(result.Debug).Concat(result.Warnings).Concat(result.HostLines)) + connection + System.Text.Json.JsonSerializer.Serialize(connection);
            foreach (var secret in secrets) Assert.DoesNotContain(secret, streams);
            Assert.Contains(result.Verbose, v => v.Contains("PAYNET_CARD_SECRETKEY"));
        }
        finally
        {
            foreach (var name in names) Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void FromEnvironment_without_variables_says_which_to_set_and_keeps_the_connection()
    {
        foreach (var name in new[] { "PAYNET_WALLET_APIKEY", "PAYNET_TOPUP_TOKEN", "PAYNET_CARD_SECRETKEY" }) Environment.SetEnvironmentVariable(name, null);
        var result = Session.Run("Connect-PayNet -FromEnvironment");
        Assert.Equal(ErrorIds.InvalidConfiguration, Stopped(result).ErrorId);
        Assert.Contains("PAYNET_CARD_SECRETKEY", Stopped(result).Message);
        Assert.Single(Session.Run("Get-PayNetConnection -Service Card").Output);
    }
}
