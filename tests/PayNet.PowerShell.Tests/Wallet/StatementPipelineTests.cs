using PayNet.Core.Wallet;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>Get-PayNetWallet | Get-PayNetStatement round trip (issue 16 item 5).</summary>
public sealed class StatementPipelineTests : SandboxCmdletTest
{
    public StatementPipelineTests(SandboxFixture sandbox) : base(sandbox) { }

    [Fact]
    public void Piping_every_balance_into_Get_PayNetStatement_skips_the_TopUp_POS_instead_of_failing()
    {
        Session.Run("Invoke-PayNetPayment -ToMemberId 3 -Amount 5 -Confirm:$false | Out-Null");
        var result = Session.Run("Get-PayNetWallet | Get-PayNetStatement -From 2000-01-01 -To 2099-12-31");
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Output, o => o is WalletStatementLine);
        Assert.Contains(result.Verbose, v => v.Contains("Skipped TopUp"));
    }
}
