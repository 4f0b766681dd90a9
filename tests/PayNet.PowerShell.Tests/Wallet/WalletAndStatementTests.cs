using System.Reflection;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Models;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>Get-PayNetWallet (Wallet accounts, plus the TopUp POS when connected) and Get-PayNetStatement (streamed, -First/-Skip).</summary>
public sealed class WalletAndStatementTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public WalletAndStatementTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<PwshSession> FreshAsync()
    {
        await _sandbox.ResetAsync();
        return _sandbox.Connect();
    }

    /// <summary>The sandbox clock's day (SandboxOptions.StartTime); everything booked in these tests is dated then.</summary>
    private static DateTime Today => WalletTestKit.SandboxDay;

    [Fact]
    public async Task Lists_the_wallet_accounts_then_the_POS_balance_with_the_same_columns()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Get-PayNetWallet", null);

        Assert.Empty(host.Errors);
        var balances = host.OutputOf<PayNetBalance>().ToList();
        Assert.Equal(balances.Count, host.Output.Count);
        var main = Assert.IsType<WalletBalance>(balances[0]);
        Assert.Equal("201", main.AccountId);
        Assert.True(main.IsDefault);
        Assert.Equal(1_000.00m, main.Balance);
        Assert.Equal(1_000.00m, main.AvailableBalance);
        Assert.Equal("USD", main.Currency);
        Assert.Contains(balances, b => b is WalletBalance && b.AccountId == "202" && b.Balance == 100.00m);
        var pos = Assert.IsType<TopUpPosBalance>(balances[^1]);
        Assert.Equal(PayNetApi.TopUp, pos.Service);
        Assert.Equal(store.DefaultConnection(PayNetApi.TopUp)!.TopUpPosId.ToString(), pos.AccountId);
        Assert.NotNull(pos.Balance);

        static string[] Columns(Type t) => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();
        Assert.Equal(Columns(typeof(WalletBalance)), Columns(typeof(TopUpPosBalance)));
    }

    [Fact]
    public async Task With_a_Wallet_only_connection_no_POS_balance_is_listed_and_AccountId_picks_one_account()
    {
        var store = await FreshAsync();
        var memberThree = WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "86888", "5678").DefaultConnection(PayNetApi.Wallet)!;

        var host = WalletTestKit.Run(store, "Get-PayNetWallet", new { Connection = memberThree });
        var only = Assert.IsType<WalletBalance>(Assert.Single(host.Output));
        Assert.Equal(250.00m, only.Balance);

        var one = WalletTestKit.Run(store, "Get-PayNetWallet", new { AccountId = 202 });
        Assert.Equal(100.00m, Assert.IsType<WalletBalance>(Assert.Single(one.Output)).Balance);
    }

    [Fact]
    public async Task Without_any_connection_it_stops_with_NotConnected()
    {
        await Task.CompletedTask;
        var host = WalletTestKit.Run(new PwshSession(), "Get-PayNetWallet", null);
        Assert.Equal(ErrorIds.NotConnected, host.Terminating?.ErrorId);
    }

    /// <summary>Pays line-1 .. line-count; the i-th pays i dollars unless <paramref name="each"/> says otherwise.</summary>
    private static void Pay(PwshSession store, int count, decimal? each = null)
    {
        var rows = Enumerable.Range(1, count).Select(i => new { ToPrincipal = "86888", Amount = each ?? i, Reference = $"line-{i}" });
        var host = WalletTestKit.Pipeline(store, "Invoke-PayNetPayment", null, rows);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task The_statement_is_newest_first_and_signed_for_the_account()
    {
        var store = await FreshAsync();
        Pay(store, 3);
        var host = WalletTestKit.Run(store, "Get-PayNetStatement", new { From = Today, To = Today });

        var lines = host.OutputOf<WalletStatementLine>().ToList();
        Assert.Equal(new[] { -3m, -2m, -1m }, lines.Select(l => l.Amount));
        Assert.Equal(new[] { "line-3", "line-2", "line-1" }, lines.Select(l => l.TraceNumber));
        Assert.All(lines, l => Assert.Equal("Avatar S", l.CounterpartyName));
    }

    [Fact]
    public async Task First_stops_reading_pages_and_Skip_skips()
    {
        var store = await FreshAsync();
        // Pages are the largest the Wallet serves (100 lines), or -PageSize, unless -First and -Skip need fewer:
        // 120 lines take two pages, or three at -PageSize 50 (each page is one call of the daily budget).
        Pay(store, 120, each: 1m);
        var client = store.DefaultConnection(PayNetApi.Wallet)!.WalletClient;

        int before = client.CallsToday;
        var all = WalletTestKit.Run(store, "Get-PayNetStatement", new { From = Today, To = Today });
        Assert.True(all.Terminating is null && all.Errors.Count == 0, $"{all.Terminating} {string.Join("; ", all.Errors)}");
        Assert.Equal(120, all.Output.Count);
        Assert.Equal(2, client.CallsToday - before);

        before = client.CallsToday;
        var small = WalletTestKit.Run(store, "Get-PayNetStatement", new { From = Today, To = Today, PageSize = 50 });
        Assert.Equal(120, small.Output.Count);
        Assert.Equal(3, client.CallsToday - before);

        before = client.CallsToday;
        var first = WalletTestKit.Run(store, "Get-PayNetStatement", new { From = Today, To = Today, PageSize = 50 }, h => h.First = 60);
        Assert.Equal(60, first.Output.Count);
        Assert.Equal(2, client.CallsToday - before);

        before = client.CallsToday;
        var three = WalletTestKit.Run(store, "Get-PayNetStatement", new { From = Today, To = Today }, h => { h.First = 3; h.Skip = 2; });
        Assert.Equal(new[] { "line-118", "line-117", "line-116" }, three.OutputOf<WalletStatementLine>().Select(l => l.TraceNumber));
        Assert.Equal(1, client.CallsToday - before);
    }

    [Fact]
    public async Task Piped_wallet_accounts_give_their_statements_and_the_POS_row_is_skipped()
    {
        var store = await FreshAsync();
        Pay(store, 1);
        var balances = WalletTestKit.Run(store, "Get-PayNetWallet", null).OutputOf<PayNetBalance>().ToList();

        var host = WalletTestKit.Pipeline(store, "Get-PayNetStatement", new { From = Today, To = Today },
            balances);

        var line = Assert.Single(host.OutputOf<WalletStatementLine>());
        Assert.Equal(201, line.AccountId);
        // Get-PayNetWallet lists the TopUp POS too; its own output piped on must not fail (issue 16 item 5).
        Assert.Empty(host.Errors);
        Assert.Contains(host.Verbose, v => v.Contains("Skipped TopUp"));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_an_invalid_argument()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Get-PayNetStatement", new { From = Today, To = Today.AddDays(-3) });
        Assert.Equal(ErrorIds.InvalidArgument, Assert.Single(host.Errors).ErrorId);
        Assert.Empty(host.Output);
    }

    [Fact]
    public async Task A_statement_line_works_with_Get_PayNetTransaction()
    {
        var store = await FreshAsync();
        Pay(store, 1);
        var line = Assert.IsType<WalletStatementLine>(Assert.Single(WalletTestKit.Run(store, "Get-PayNetStatement", new { From = Today, To = Today }).Output));
        var host = WalletTestKit.Run(store, "Get-PayNetTransaction", new { InputObject = line });
        Assert.Equal(line.TransferId, Assert.IsType<WalletStatementLine>(Assert.Single(host.Output)).TransferId);
    }
}
