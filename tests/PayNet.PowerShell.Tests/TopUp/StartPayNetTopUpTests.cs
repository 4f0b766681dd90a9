using System.Management.Automation;
using PayNet.Core.TopUp;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.TopUp;

public sealed class StartPayNetTopUpTests : SandboxCmdletTest
{
    public StartPayNetTopUpTests(SandboxFixture sandbox) : base(sandbox) { }

    /// <summary>Start-PayNetTopUp's parameters; a null amount or external id is left out, as a user would.</summary>
    private static Dictionary<string, object?> TopUp(string product, string account, decimal? amount, string? externalId = null)
    {
        var parameters = new Dictionary<string, object?> { ["Product"] = product, ["Account"] = account, ["PollIntervalSec"] = 0.02, ["TimeoutSec"] = 20 };
        if (amount is not null) parameters["Amount"] = amount;
        if (externalId is not null) parameters["ExternalId"] = externalId;
        return parameters;
    }

    private async Task<int> TopUpLedgerCount() => LedgerJson.Entries(await Sandbox.LedgerAsync(), "TopUp").Count;

    [Fact]
    public async Task A_direct_recharge_asks_first_then_moves_money_once_and_returns_the_typed_result()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000000", 50m, "order-1001"), new Call(Session));

        var result = Assert.IsType<TopUpTransaction>(Assert.Single(host.Output));
        Assert.Equal(TopUpState.Success, result.State);
        Assert.Equal("order-1001", result.ExternalId);
        Assert.Equal(50m, result.Amount);
        Assert.False(string.IsNullOrEmpty(result.Id));
        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("et-mc", target);
        Assert.Contains("971550000000", target);
        Assert.Contains("order-1001", target);
        Assert.Contains("moves money", action);
        Assert.Empty(host.Errors);
        Assert.Equal(1, await TopUpLedgerCount());
    }

    [Fact]
    public async Task WhatIf_moves_no_money()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000000", 50m), new Call(Session) { WhatIf = true });
        Assert.Single(host.ShouldProcessCalls);
        Assert.Empty(host.Output);
        Assert.Empty(host.Errors);
        Assert.Equal(0, await TopUpLedgerCount());
    }

    [Fact]
    public async Task Declining_the_confirmation_prompt_moves_no_money()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000000", 50m), new Call(Session) { ConfirmAnswer = false });
        Assert.Empty(host.Output);
        Assert.Equal(0, await TopUpLedgerCount());
    }

    [Fact]
    public void A_pending_top_up_is_polled_with_progress_until_it_succeeds()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000001", 20m), new Call(Session));
        var result = Assert.IsType<TopUpTransaction>(Assert.Single(host.Output));
        Assert.Equal(TopUpState.Success, result.State);
        Assert.True(host.Progress.Count >= 2, "progress is shown while waiting");
        Assert.All(host.Progress, p => Assert.Equal(host.Progress[0].ActivityId, p.ActivityId));
        Assert.True(host.Progress[^1].Completed, "the last progress record completes the activity");
        Assert.Null(host.Terminating); // PowerShell itself fails a Write* from any thread but the pipeline's
    }

    [Fact]
    public void NoWait_returns_the_pending_top_up_and_Wait_PayNetTransaction_finishes_it()
    {
        var started = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000001", 20m), new Call(Session).Bind("NoWait"));
        var pending = Assert.IsType<TopUpTransaction>(Assert.Single(started.Output));
        Assert.Equal(TopUpState.Pending, pending.State);
        Assert.Empty(started.Progress);

        var waited = Pwsh.Run("Wait-PayNetTransaction", new { InputObject = pending, PollIntervalSec = 0.02, TimeoutSec = 20 }, new Call(Session));
        var final = Assert.IsType<TopUpTransaction>(Assert.Single(waited.Output));
        Assert.Equal(TopUpState.Success, final.State);
        Assert.Equal(pending.ExternalId, final.ExternalId);
    }

    [Fact]
    public void A_voucher_comes_back_with_its_PIN_and_serial()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("slk100", "voucher00@example.com", 100m), new Call(Session));
        var voucher = Assert.IsType<TopUpTransaction>(Assert.Single(host.Output));
        Assert.Equal(TopUpState.Success, voucher.State);
        Assert.Matches(@"^\d{4}-\d{4}-\d{4}-\d{4}$", voucher.VoucherPin);
        Assert.StartsWith("SN", voucher.VoucherSerial);
    }

    [Fact]
    public void A_failed_top_up_is_a_non_terminating_error_carrying_the_transaction()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000003", 20m), new Call(Session));
        Assert.Empty(host.Output);
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.Rejected, error.ErrorId);
        var failed = Assert.IsType<TopUpTransaction>(error.TargetObject);
        Assert.Equal(TopUpState.Failed, failed.State);
        Assert.Contains("Provider rejected", error.Message);
    }

    [Fact]
    public async Task Bad_items_in_a_batch_are_errors_with_their_input_and_the_rest_still_runs()
    {
        var inputs = new (string Account, decimal Amount)[] { ("971550000000", 10m), ("971550000010", 10m), ("971550000000", 0m), ("971550000000", 12.345m), ("971550000000", 15m) };
        var host = Pwsh.RunPipeline("Start-PayNetTopUp", new { Product = "et-mc", PollIntervalSec = 0.02 },
            inputs.Select(i => new { i.Account, i.Amount }), new Call(Session));

        Assert.Equal(2, host.OutputOf<TopUpTransaction>().Count());
        Assert.Equal(3, host.Errors.Count);
        Assert.Equal(ErrorCategory.InvalidArgument, host.Errors[0].Category); // wrong account number (201)
        Assert.All(host.Errors.Skip(1), e => Assert.Equal(ErrorIds.InvalidArgument, e.ErrorId));
        Assert.All(host.Errors, e => Assert.NotNull(e.TargetObject));
        Assert.Equal(2, host.ShouldProcessCalls.Count); // invalid amounts never reach the prompt
        Assert.Equal(2, await TopUpLedgerCount());
    }

    [Fact]
    public async Task A_confirm_whose_answer_is_lost_is_reconciled_not_repeated()
    {
        await Sandbox.ArmFaultAsync("/topup/transaction/confirm", "DropAfterCommit");
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000000", 30m, "order-drop-1"), new Call(Session));
        var result = Assert.IsType<TopUpTransaction>(Assert.Single(host.Output));
        Assert.Equal(TopUpState.Success, result.State);
        Assert.True(result.Reconciled);
        var entries = LedgerJson.Entries(await Sandbox.LedgerAsync(), "TopUp");
        Assert.Single(entries, e => e.GetProperty("reference").GetString() == "order-drop-1");
    }

    [Fact]
    public void International_bridge_top_up_by_amount_id_from_the_catalogue()
    {
        var catalogue = Pwsh.Run("Get-PayNetProduct", new { Country = "IND" }, new Call(Session));
        var offer = catalogue.OutputOf<TopUpBridgeAmount>().First(a => a.AmountId == "389c9b72d2677970916fac310a36e5a4");
        Assert.Equal(100m, offer.Amount);
        Assert.Equal(4.56m, offer.Price);

        var host = Pwsh.Run("Start-PayNetTopUp", new { Product = "international-bridge", Account = "911234567800", AmountId = offer.AmountId, PollIntervalSec = 0.02 }, new Call(Session));
        var result = Assert.IsType<TopUpTransaction>(Assert.Single(host.Output));
        Assert.Equal(TopUpState.Success, result.State);
        Assert.Equal("INR", result.AmountCurrency);
        Assert.Equal(4.56m, result.Price);
    }

    [Fact]
    public void Legacy_international_top_up_in_local_currency()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", new { Product = "intl", Account = "+923001234500", Amount = 500m, TypeId = "1", PollIntervalSec = 0.02 }, new Call(Session));
        Assert.Empty(host.Errors);
        var result = Assert.IsType<TopUpTransaction>(Assert.Single(host.Output));
        Assert.Equal(TopUpState.Success, result.State);
        Assert.Equal(500m, result.Amount);
    }

    [Fact]
    public void The_catalogue_filters_by_name_and_category()
    {
        var all = Pwsh.Run("Get-PayNetProduct", null, new Call(Session)).OutputOf<TopUpProduct>().ToList();
        Assert.Contains(all, p => p.Id == "et-mc");
        Assert.DoesNotContain(all, p => !p.Active);
        var salik = Pwsh.Run("Get-PayNetProduct", new { Name = "slk*" }, new Call(Session)).OutputOf<TopUpProduct>().ToList();
        Assert.Equal(new[] { "slk100", "slk50" }, salik.Select(p => p.Id).OrderBy(i => i));
        var byCategory = Pwsh.Run("Get-PayNetProduct", new { Category = "Mobile*" }, new Call(Session)).OutputOf<TopUpProduct>().ToList();
        Assert.Contains(byCategory, p => p.Id == "et-mc");
        Assert.DoesNotContain(byCategory, p => p.Id == "slk100");
    }

    [Fact]
    public void The_POS_token_and_hash_never_reach_any_stream()
    {
        var host = Pwsh.Run("Start-PayNetTopUp", TopUp("et-mc", "971550000001", 20m), new Call(Session) { VerboseOn = true, DebugOn = true });
        Assert.NotEmpty(host.Debug);
        string token = Sandbox.Server.Options.TopUp.Token;
        Assert.DoesNotContain(host.AllText(), t => t.Contains(token));
        Assert.DoesNotContain(host.Debug, d => System.Text.RegularExpressions.Regex.IsMatch(d, "\"hash\"\\s*:\\s*\"[0-9a-f]{32}\""));
    }
}
