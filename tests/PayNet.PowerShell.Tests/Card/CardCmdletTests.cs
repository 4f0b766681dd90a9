using System.Management.Automation;
using PayNet.Core.Card;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Host;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Card;

/// <summary>Card lookups, lists, refunds and payouts against the sandbox's golden fixtures (card.md §7.4).</summary>
public sealed class CardCmdletTests : SandboxCmdletTest
{
    public CardCmdletTests(SandboxFixture sandbox) : base(sandbox) { }

    private RecordingHost Host(string set) => new(Store) { SetName = set };

    [Fact]
    public void The_period_list_streams_every_page_and_counts_failures_only_when_asked()
    {
        var list = CmdletRunner.Run(new GetPayNetTransactionCommand { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16) }, Host("CardList"));
        Assert.Equal(12, list.OutputOf<CardTransaction>().Count());
        var withFailed = CmdletRunner.Run(new GetPayNetTransactionCommand { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16) }, Host("CardList").Bind("IncludeFailed"));
        Assert.Equal(13, withFailed.OutputOf<CardTransaction>().Count());
        Assert.Contains(withFailed.OutputOf<CardTransaction>(), t => t.State == CardTransactionState.Failed && t.ReferenceNo == "RCN-0003");
    }

    [Fact]
    public void A_reference_with_a_declined_attempt_and_a_retry_returns_both_rows()
    {
        var host = CmdletRunner.Run(new GetPayNetTransactionCommand { ReferenceNo = "RCN-0003" }, Host("CardReferenceNo"));
        var rows = host.OutputOf<CardTransaction>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.IsSucceeded);
        Assert.All(rows, r => Assert.Equal(250m, r.Amount));
    }

    [Fact]
    public void Detail_gives_the_full_record_with_the_documented_figures()
    {
        var check = CmdletRunner.Run(new GetPayNetTransactionCommand { ReferenceNo = "RCN-0015" }, Host("CardReferenceNo"));
        var row = Assert.Single(check.OutputOf<CardTransaction>());
        var detail = CmdletRunner.Run(new GetPayNetTransactionCommand { XactId = row.XactId! }, Host("CardXactId").Bind("Detail"));
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
        var host = CmdletRunner.RunPipeline(new GetPayNetTransactionCommand(),
            references.Select(r => (Action<GetPayNetTransactionCommand>)(c => c.ReferenceNo = r)), Host("CardReferenceNo"));
        Assert.Equal(new[] { "RCN-0001", "RCN-0015" }, host.OutputOf<CardTransaction>().Select(t => t.ReferenceNo));
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("NOPE-404", error.TargetObject);
    }

    [Fact]
    public void A_card_row_piped_back_in_is_looked_up_again()
    {
        var first = CmdletRunner.Run(new GetPayNetTransactionCommand { ReferenceNo = "RCN-0007" }, Host("CardReferenceNo")).OutputOf<CardTransaction>().First();
        var again = CmdletRunner.Run(new GetPayNetTransactionCommand { InputObject = first }, Host("InputObject"));
        var row = Assert.IsType<CardTransaction>(Assert.Single(again.Output));
        Assert.Equal(first.XactId, row.XactId);
        Assert.Equal(1200m, row.Amount);
    }

    [Fact]
    public void From_after_To_is_refused_before_any_call()
    {
        var host = CmdletRunner.Run(new GetPayNetTransactionCommand { From = new DateTime(2024, 1, 16), To = new DateTime(2024, 1, 15) }, Host("CardList"));
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.InvalidArgument, error.ErrorId);
        Assert.Contains("after", error.Message);
    }

    [Fact]
    public void The_payout_report_sums_to_the_golden_figures()
    {
        var day1 = CmdletRunner.Run(new GetPayNetPayoutCommand { Date = new DateTime(2024, 1, 16) }, Host("__AllParameterSets")).OutputOf<CardPayout>().ToList();
        Assert.Equal(4924.62m, day1.Sum(p => p.CompanyPayAmount ?? 0m));
        Assert.Equal(488.20m, day1.Sum(p => p.AgentPayAmount ?? 0m));
        var day2 = CmdletRunner.Run(new GetPayNetPayoutCommand { Date = new DateTime(2024, 1, 17) }, Host("__AllParameterSets")).OutputOf<CardPayout>().ToList();
        Assert.Equal(-25.82m, day2.Sum(p => p.CompanyPayAmount ?? 0m));
        Assert.Contains(day2, p => p.State == "Deduction");
    }

    [Fact]
    public async Task A_refund_request_asks_first_and_WhatIf_sends_nothing()
    {
        var f01 = CmdletRunner.Run(new GetPayNetTransactionCommand { ReferenceNo = "RCN-0001" }, Host("CardReferenceNo")).OutputOf<CardTransaction>().Single();
        int before = CmdletRunner.Run(new GetPayNetRefundCommand { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 19) }, Host("__AllParameterSets")).Output.Count;
        Assert.Equal(4, before);

        var whatIf = CmdletRunner.Run(new RequestPayNetRefundCommand { XactId = f01.XactId!, Amount = 100m }, new RecordingHost(Store) { WhatIf = true });
        Assert.Single(whatIf.ShouldProcessCalls);
        Assert.Empty(whatIf.Output);
        Assert.Equal(before, CmdletRunner.Run(new GetPayNetRefundCommand { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 19) }, Host("__AllParameterSets")).Output.Count);

        var done = CmdletRunner.Run(new RequestPayNetRefundCommand { XactId = f01.XactId!, Amount = 100m }, new RecordingHost(Store));
        var result = Assert.IsType<CardOperationResult>(Assert.Single(done.Output));
        Assert.True(result.Succeeded);
        Assert.Contains("100 TRY", done.ShouldProcessCalls.Single().Action);
        var refunds = CmdletRunner.Run(new GetPayNetRefundCommand { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 19) }, Host("__AllParameterSets")).OutputOf<CardRefund>().ToList();
        Assert.Equal(before + 1, refunds.Count);
        await Task.CompletedTask;
    }

    [Fact]
    public void A_refund_amount_with_too_many_decimals_never_reaches_PayNet()
    {
        var host = CmdletRunner.Run(new RequestPayNetRefundCommand { XactId = "xk_whatever", Amount = 10.005m }, new RecordingHost(Store));
        Assert.Empty(host.ShouldProcessCalls);
        Assert.Equal(ErrorIds.InvalidArgument, Assert.Single(host.Errors).ErrorId);
    }

    [Fact]
    public void The_card_secret_key_never_reaches_any_stream()
    {
        var host = CmdletRunner.Run(new GetPayNetTransactionCommand { ReferenceNo = "RCN-0001" }, new RecordingHost(Store) { SetName = "CardReferenceNo", VerboseOn = true, DebugOn = true });
        Assert.NotEmpty(host.Verbose);
        Assert.DoesNotContain(host.AllText(), t => t.Contains(Sandbox.Server.Options.Card.SecretKey));
    }
}
