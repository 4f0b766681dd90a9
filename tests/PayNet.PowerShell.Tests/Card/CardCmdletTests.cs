using System.Management.Automation;
using PayNet.Core.Card;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Card;

/// <summary>Card lookups, lists, refunds and payouts against the sandbox's golden fixtures (card.md §7.4).</summary>
public sealed class CardCmdletTests : SandboxCmdletTest
{
    public CardCmdletTests(SandboxFixture sandbox) : base(sandbox) { }

    private Call Host(string set) => new(Session);

    [Fact]
    public void The_period_list_streams_every_page_and_counts_failures_only_when_asked()
    {
        var list = Pwsh.Run("Get-PayNetTransaction", new { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 15) }, Host("CardList"));
        Assert.Equal(12, list.OutputOf<CardTransaction>().Count());
        var withFailed = Pwsh.Run("Get-PayNetTransaction", new { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 15) }, Host("CardList").Bind("IncludeFailed"));
        Assert.Equal(13, withFailed.OutputOf<CardTransaction>().Count());
        Assert.Contains(withFailed.OutputOf<CardTransaction>(), t => t.State == CardTransactionState.Failed && t.ReferenceNo == "RCN-0003");
    }

    [Fact]
    public void From_and_To_are_both_included_on_every_period_cmdlet_so_one_day_is_From_X_To_X()
    {
        var days = new[] { new DateTime(2024, 1, 15), new DateTime(2024, 1, 16), new DateTime(2024, 1, 17) };
        int OneDay(string command, DateTime day)
        {
            var result = Pwsh.Run(command, new { From = day, To = day }, Host("x"));
            Assert.Empty(result.Errors);
            return result.Output.Count;
        }

        var threeDays = Pwsh.Run("Get-PayNetTransaction", new { From = days[0], To = days[2] }, Host("CardList").Bind("IncludeFailed")).OutputOf<CardTransaction>().ToList();
        var perDay = days.Select(d => Pwsh.Run("Get-PayNetTransaction", new { From = d, To = d }, Host("CardList").Bind("IncludeFailed")).OutputOf<CardTransaction>().ToList()).ToList();
        Assert.Equal(13, perDay[0].Count);
        Assert.Equal(threeDays.Count, perDay.Sum(d => d.Count));
        Assert.True(perDay[1].Count + perDay[2].Count > 0, "the sandbox has rows after the first day, so -To really includes them");
        Assert.All(perDay[0], t => Assert.Equal(days[0], t.Time!.Value.Date));

        // A time of day on -To does not cut the last day short.
        var withTime = Pwsh.Run("Get-PayNetTransaction", new { From = days[0], To = days[0].AddHours(1) }, Host("CardList").Bind("IncludeFailed")).OutputOf<CardTransaction>();
        Assert.Equal(13, withTime.Count());

        int refundsThree = Pwsh.Run("Get-PayNetRefund", new { From = days[0], To = days[2] }, Host("x")).Output.Count;
        Assert.Equal(refundsThree, days.Sum(d => OneDay("Get-PayNetRefund", d)));
    }

    [Fact]
    public void A_reference_with_a_declined_attempt_and_a_retry_returns_both_rows()
    {
        var host = Pwsh.Run("Get-PayNetTransaction", new { ReferenceNo = "RCN-0003" }, Host("CardReferenceNo"));
        var rows = host.OutputOf<CardTransaction>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.IsSucceeded);
        Assert.All(rows, r => Assert.Equal(250m, r.Amount));
    }

    [Fact]
    public void Detail_gives_the_full_record_with_the_documented_figures()
    {
        var check = Pwsh.Run("Get-PayNetTransaction", new { ReferenceNo = "RCN-0015" }, Host("CardReferenceNo"));
        var row = Assert.Single(check.OutputOf<CardTransaction>());
        var detail = Pwsh.Run("Get-PayNetTransaction", new { XactId = row.XactId! }, Host("CardXactId").Bind("Detail"));
        var full = Assert.IsType<CardTransactionDetail>(Assert.Single(detail.Output));
        Assert.Equal(813.75m, full.Amount);
        Assert.Equal(794.54m, full.NetAmount);
        Assert.Equal(16.28m, full.Commission);
        Assert.Equal(2.93m, full.CommissionTax);
        Assert.Equal(full.Amount, full.NetAmount + full.Commission + full.CommissionTax);
    }

    [Fact]
    public void Csv_rows_bind_by_ReferenceNo_and_a_missing_one_is_an_error_while_the_batch_goes_on()
    {
        var references = new[] { "RCN-0001", "NOPE-404", "RCN-0015" };
        var host = Pwsh.RunPipeline("Get-PayNetTransaction", null,
            references.Select(r => new { ReferenceNo = r }), Host("CardReferenceNo"));
        Assert.Equal(new[] { "RCN-0001", "RCN-0015" }, host.OutputOf<CardTransaction>().Select(t => t.ReferenceNo));
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("NOPE-404", error.TargetObject);
    }

    [Fact]
    public void A_card_row_piped_back_in_is_looked_up_again()
    {
        var first = Pwsh.Run("Get-PayNetTransaction", new { ReferenceNo = "RCN-0007" }, Host("CardReferenceNo")).OutputOf<CardTransaction>().First();
        var again = Pwsh.Run("Get-PayNetTransaction", new { InputObject = first }, Host("InputObject"));
        var row = Assert.IsType<CardTransaction>(Assert.Single(again.Output));
        Assert.Equal(first.XactId, row.XactId);
        Assert.Equal(1200m, row.Amount);
    }

    [Fact]
    public void From_after_To_is_refused_before_any_call()
    {
        var host = Pwsh.Run("Get-PayNetTransaction", new { From = new DateTime(2024, 1, 16), To = new DateTime(2024, 1, 15) }, Host("CardList"));
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.InvalidArgument, error.ErrorId);
        Assert.Contains("after", error.Message);
    }

    [Fact]
    public void The_payout_report_sums_to_the_golden_figures()
    {
        var day1 = Pwsh.Run("Get-PayNetPayout", new { Date = new DateTime(2024, 1, 16) }, Host("__AllParameterSets")).OutputOf<CardPayout>().ToList();
        Assert.Equal(4924.62m, day1.Sum(p => p.CompanyPayAmount ?? 0m));
        Assert.Equal(488.20m, day1.Sum(p => p.AgentPayAmount ?? 0m));
        var day2 = Pwsh.Run("Get-PayNetPayout", new { Date = new DateTime(2024, 1, 17) }, Host("__AllParameterSets")).OutputOf<CardPayout>().ToList();
        Assert.Equal(-25.82m, day2.Sum(p => p.CompanyPayAmount ?? 0m));
        Assert.Contains(day2, p => p.State == "Deduction");
    }

    [Fact]
    public async Task A_refund_request_asks_first_and_WhatIf_sends_nothing()
    {
        var f01 = Pwsh.Run("Get-PayNetTransaction", new { ReferenceNo = "RCN-0001" }, Host("CardReferenceNo")).OutputOf<CardTransaction>().Single();
        int before = Pwsh.Run("Get-PayNetRefund", new { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 18) }, Host("__AllParameterSets")).Output.Count;
        Assert.Equal(4, before);

        var whatIf = Pwsh.Run("Request-PayNetRefund", new { XactId = f01.XactId!, Amount = 100m }, new Call(Session) { WhatIf = true });
        Assert.Single(whatIf.ShouldProcessCalls);
        Assert.Empty(whatIf.Output);
        Assert.Equal(before, Pwsh.Run("Get-PayNetRefund", new { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 18) }, Host("__AllParameterSets")).Output.Count);

        var done = Pwsh.Run("Request-PayNetRefund", new { XactId = f01.XactId!, Amount = 100m }, new Call(Session));
        var result = Assert.IsType<CardRefundResult>(Assert.Single(done.Output));
        Assert.True(result.Succeeded);
        // The question names the money: what is refunded, of which payment (its reference and amount), in which currency.
        var (target, action) = done.ShouldProcessCalls.Single();
        Assert.Contains("moves money", action);
        Assert.Contains("Refund 100", target);
        Assert.Contains("TRY", target);
        Assert.Contains("RCN-0001", target);
        Assert.Contains(f01.XactId!, target);
        Assert.Contains(MoneyText(f01.Amount!.Value), target);
        var refunds = Pwsh.Run("Get-PayNetRefund", new { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 18) }, Host("__AllParameterSets")).OutputOf<CardRefund>().ToList();
        Assert.Equal(before + 1, refunds.Count);
        await Task.CompletedTask;
    }

    private static string MoneyText(decimal amount) => PayNet.Core.Money.MoneyRules.Format(amount);

    [Fact]
    public void A_refund_amount_with_too_many_decimals_never_reaches_PayNet()
    {
        var host = Pwsh.Run("Request-PayNetRefund", new { XactId = "xk_whatever", Amount = 10.005m }, new Call(Session));
        Assert.Empty(host.ShouldProcessCalls);
        Assert.Equal(ErrorIds.InvalidArgument, Assert.Single(host.Errors).ErrorId);
    }

    [Fact]
    public void The_card_secret_key_never_reaches_any_stream()
    {
        var host = Pwsh.Run("Get-PayNetTransaction", new { ReferenceNo = "RCN-0001" }, new Call(Session) { VerboseOn = true, DebugOn = true });
        Assert.NotEmpty(host.Verbose);
        Assert.DoesNotContain(host.AllText(), t => t.Contains(Sandbox.Server.Options.Card.SecretKey));
    }
}
