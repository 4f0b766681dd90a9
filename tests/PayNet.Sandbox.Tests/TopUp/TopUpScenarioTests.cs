using System.Diagnostics;
using System.Net;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.TopUp;

/// <summary>The magic account suffixes of topup.md §12.5: every state and error on request.</summary>
public sealed class TopUpScenarioTests : TopUpTestBase
{
    private static string Account(string suffix) => "9715500000" + suffix;

    /// <summary>Confirm, then the states of the following finds.</summary>
    private async Task<(int Confirm, int[] Finds, TopUpReply Last)> Run(string suffix, int finds)
    {
        string id = "scn-" + suffix;
        var confirm = await Client.Recharge(id, Account(suffix), 50);
        var states = new List<int>();
        TopUpReply last = confirm;
        for (int i = 0; i < finds; i++)
        {
            last = await Client.Find(id);
            states.Add(last.ErrorCode is int code ? -1000 - code : last.State);
        }
        return (confirm.State, states.ToArray(), last);
    }

    [Fact]
    public async Task Suffix_00_succeeds_at_once()
    {
        var (confirm, finds, _) = await Run("00", 1);
        Assert.Equal(1, confirm);
        Assert.Equal(new[] { 1 }, finds);
    }

    [Fact]
    public async Task Suffix_01_is_pending_for_two_finds_then_succeeds()
    {
        var (confirm, finds, _) = await Run("01", 4);
        Assert.Equal(0, confirm);
        Assert.Equal(new[] { 0, 0, 1, 1 }, finds);
    }

    [Fact]
    public async Task Suffix_02_is_pending_then_fails_with_operator_declined_and_refunds()
    {
        decimal before = await Client.Balance();
        var (confirm, finds, last) = await Run("02", 3);
        Assert.Equal(0, confirm);
        Assert.Equal(new[] { 0, 0, 2 }, finds);
        Assert.Equal("Operator declined", last.Transaction.GetProperty("error").GetString());
        Assert.Equal(before, await Client.Balance());
        var entries = (await Client.Control(HttpMethod.Get, "/ledger")).GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(0m, entries.Sum(e => e.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Suffix_03_fails_at_confirm_without_taking_money()
    {
        decimal before = await Client.Balance();
        var (confirm, _, last) = await Run("03", 1);
        Assert.Equal(2, confirm);
        Assert.Equal("Provider rejected the account", last.Transaction.GetProperty("error").GetString());
        Assert.Equal(before, await Client.Balance());
    }

    [Fact]
    public async Task Suffix_04_is_paused_for_three_finds_then_succeeds()
    {
        var (confirm, finds, _) = await Run("04", 4);
        Assert.Equal(6, confirm);
        Assert.Equal(new[] { 6, 6, 6, 1 }, finds);
    }

    [Fact]
    public async Task Suffix_05_is_cancelled_on_the_second_find_and_refunded()
    {
        decimal before = await Client.Balance();
        var (confirm, finds, _) = await Run("05", 2);
        Assert.Equal(0, confirm);
        Assert.Equal(new[] { 0, 3 }, finds);
        Assert.Equal(before, await Client.Balance());
    }

    [Fact]
    public async Task Suffix_06_is_replaced_on_the_second_find_and_keeps_the_money()
    {
        decimal before = await Client.Balance();
        var (_, finds, _) = await Run("06", 2);
        Assert.Equal(new[] { 0, 4 }, finds);
        Assert.Equal(before - 50, await Client.Balance());
    }

    [Fact]
    public async Task Suffix_07_stays_pending_and_08_stays_paused()
    {
        Assert.Equal(new[] { 0, 0, 0, 0, 0 }, (await Run("07", 5)).Finds);
        Assert.Equal(new[] { 6, 6, 6, 6, 6 }, (await Run("08", 5)).Finds);
    }

    [Fact]
    public async Task Suffixes_10_11_12_are_check_errors()
    {
        Assert.Equal(201, (await Client.Check("et-mc", "c10", Account("10"), 50)).ErrorCode);
        Assert.Equal(50, (await Client.Check("et-mc", "c11", Account("11"), 50)).ErrorCode);
        var banned = await Client.Check("et-mc", "c12", Account("12"), 50);
        Assert.Equal(1200, banned.ErrorCode);
        Assert.Equal("This customer is banned", banned.Json.GetProperty("error").GetProperty("display_error").GetString());
        Assert.Equal(22, (await Client.Find("c10")).ErrorCode);
    }

    [Fact]
    public async Task Suffixes_13_and_14_refuse_the_confirm_whatever_the_balance()
    {
        await Client.Check("et-mc", "c13", Account("13"), 50);
        Assert.Equal(1001, (await Client.Confirm("c13", 50)).ErrorCode);
        await Client.Check("et-mc", "c14", Account("14"), 50);
        Assert.Equal(1000, (await Client.Confirm("c14", 50)).ErrorCode);
        Assert.Equal(-1, (await Client.Find("c14")).State);
    }

    [Fact]
    public async Task Suffix_20_answers_60_but_moves_on_so_a_repeated_confirm_gets_the_transaction()
    {
        await Client.Check("et-mc", "c20", Account("20"), 50);
        Assert.Equal(60, (await Client.Confirm("c20", 50)).ErrorCode);
        var repeated = await Client.Confirm("c20", 50);
        Assert.Equal(0, repeated.State);
        Assert.Equal(1, (await Client.Find("c20")).State);
        Assert.Single((await Client.Control(HttpMethod.Get, "/ledger")).GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Suffix_21_first_find_is_23_then_normal()
    {
        var (confirm, finds, _) = await Run("21", 2);
        Assert.Equal(0, confirm);
        Assert.Equal(new[] { -1023, 1 }, finds);
    }

    [Fact]
    public async Task Suffix_22_first_find_is_20_then_normal()
    {
        Assert.Equal(new[] { -1020, 1 }, (await Run("22", 2)).Finds);
    }

    [Fact]
    public async Task Suffix_23_answers_an_HTML_500_but_the_transaction_succeeds()
    {
        await Client.Check("et-mc", "c23", Account("23"), 50);
        var confirm = await Client.Confirm("c23", 50);
        Assert.Equal(HttpStatusCode.InternalServerError, confirm.Status);
        Assert.StartsWith("<html>", confirm.Body);
        Assert.Equal(1, (await Client.Find("c23")).State);
        var again = await Client.Confirm("c23", 50);
        Assert.Equal(1, again.State);
        Assert.Single((await Client.Control(HttpMethod.Get, "/ledger")).GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Suffix_25_check_is_a_503_once_and_not_recorded()
    {
        var first = await Client.Check("et-mc", "c25", Account("25"), 50);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal(22, (await Client.Find("c25")).ErrorCode);
        var retry = await Client.Check("et-mc", "c25", Account("25"), 50);
        Assert.Equal(-1, retry.State);
    }

    [Fact]
    public async Task Non_magic_suffixes_behave_like_00()
    {
        Assert.Equal(1, (await Client.Recharge("plain", "971551234567", 50)).State);
    }
}

public sealed class TopUpSlowScenarioTests : TopUpTestBase
{
    protected override void Configure(SandboxOptions options) => options.TopUp.SlowMs = 400;

    [Fact]
    public async Task Suffix_24_answers_late_but_the_transaction_is_already_done()
    {
        await Client.Check("et-mc", "c24", "971550000024", 50);
        var watch = Stopwatch.StartNew();
        var slow = Client.Confirm("c24", 50);
        await Task.Delay(100);
        Assert.Equal(1, (await Client.Find("c24")).State);
        var confirm = await slow;
        Assert.True(watch.ElapsedMilliseconds >= 350, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1, confirm.State);
    }
}
