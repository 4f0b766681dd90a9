using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Connection;

/// <summary>What a connection kept with -PassThru says and does after Disconnect-PayNet (issue 16 item 7).</summary>
public sealed class ConnectionLifetimeTests : SandboxCmdletTest
{
    public ConnectionLifetimeTests(SandboxFixture sandbox) : base(sandbox) { }

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
        Assert.NotNull(result.Terminating);
        Assert.Equal(ErrorIds.InvalidConfiguration, result.Terminating!.ErrorId);
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
        Assert.NotNull(result.Terminating);
        Assert.Equal(ErrorIds.NotConnected, result.Terminating!.ErrorId);
        Assert.Contains("Disconnect-PayNet", result.Terminating.Message);
        Assert.DoesNotContain("ObjectDisposed", result.Terminating.FullyQualifiedErrorId);
    }
}
