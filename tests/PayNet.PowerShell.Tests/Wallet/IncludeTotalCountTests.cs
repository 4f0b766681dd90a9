using PayNet.Core.Wallet;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>
/// Issue 16 item 10: -IncludeTotalCount prints its total (PowerShell's "Total count: N"), the whole set's
/// size, also when -First shows only part of it.
/// </summary>
public sealed class IncludeTotalCountTests : SandboxCmdletTest
{
    public IncludeTotalCountTests(SandboxFixture sandbox) : base(sandbox) { }

    private static string Day => WalletTestKit.SandboxDay.ToString("yyyy-MM-dd");

    private void Pay(int count)
    {
        for (int i = 1; i <= count; i++)
            Assert.Empty(Session.Run($"Invoke-PayNetPayment -ToPrincipal 86888 -Amount {i} -Reference total-{i} -Confirm:$false").Errors);
    }

    /// <summary>The "Total count: N" line as the console shows it.</summary>
    private string Shown(string command)
    {
        var result = Session.Run(command + " | Out-String -Width 200");
        Assert.Empty(result.Errors);
        return string.Concat(result.Output);
    }

    [Fact]
    public void Get_PayNetStatement_prints_the_whole_periods_count_before_the_first_lines()
    {
        Pay(3);
        int all = Session.Run($"Get-PayNetStatement -From {Day} -To {Day}").OutputOf<WalletStatementLine>().Count();
        Assert.True(all >= 3);

        var result = Session.Run($"Get-PayNetStatement -From {Day} -To {Day} -IncludeTotalCount -First 1");
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        Assert.Equal((ulong)all, Assert.IsType<ulong>(result.Output[0]));
        Assert.IsType<WalletStatementLine>(result.Output[1]);
        Assert.Contains($"Total count: {all}", Shown($"Get-PayNetStatement -From {Day} -To {Day} -IncludeTotalCount -First 1"));
    }

    [Fact]
    public void An_empty_period_prints_a_total_of_zero()
    {
        var result = Session.Run("Get-PayNetStatement -From 2001-01-01 -To 2001-01-02 -IncludeTotalCount");
        Assert.Empty(result.Errors);
        Assert.Equal((ulong)0, Assert.IsType<ulong>(Assert.Single(result.Output)));
    }

    [Fact]
    public void Without_IncludeTotalCount_nothing_but_the_items_is_written()
    {
        Pay(2);
        var result = Session.Run($"Get-PayNetStatement -From {Day} -To {Day} -First 1");
        Assert.IsType<WalletStatementLine>(Assert.Single(result.Output));
    }

    [Fact]
    public void Get_PayNetDispute_prints_its_total()
    {
        Pay(2);
        var receipts = Session.Run($"Get-PayNetStatement -From {Day} -To {Day}").OutputOf<WalletStatementLine>().Where(l => l.Amount < 0).Take(2).ToList();
        foreach (var line in receipts)
            Assert.Empty(Session.Run("New-PayNetDispute -TransferId $id -Reason NotReceived -Description 'never came' -Confirm:$false", new { id = line.TransferId }).Errors);

        var result = Session.Run("Get-PayNetDispute -IncludeTotalCount -First 1");
        Assert.Empty(result.Errors);
        Assert.Equal((ulong)receipts.Count, result.Output.OfType<ulong>().Single());
        Assert.Single(result.OutputOf<WalletDispute>());
        Assert.Contains($"Total count: {receipts.Count}", Shown("Get-PayNetDispute -IncludeTotalCount -First 1"));
    }

    [Fact]
    public void Get_PayNetMember_prints_the_total_of_a_search_and_of_lookups()
    {
        int all = Session.Run("Get-PayNetMember -Search a").OutputOf<WalletMember>().Count();
        Assert.True(all >= 1);

        var search = Session.Run("Get-PayNetMember -Search a -IncludeTotalCount -First 1");
        Assert.Empty(search.Errors);
        Assert.Equal((ulong)all, search.Output.OfType<ulong>().Single());

        var lookups = Session.Run("Get-PayNetMember -Principal 86888 -IncludeTotalCount");
        Assert.Empty(lookups.Errors);
        Assert.Equal((ulong)1, lookups.Output.OfType<ulong>().Single());
        Assert.Single(lookups.OutputOf<WalletMember>());
    }
}
