using System.Management.Automation;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Models;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>Invoke-PayNetPayment against the sandbox seed (member 2 pays; wallet.md §11.4 and §12 figures).</summary>
public sealed class InvokePaymentTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public InvokePaymentTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<PwshSession> FreshAsync()
    {
        await _sandbox.ResetAsync();
        return _sandbox.Connect();
    }

    [Fact]
    public async Task Validate_returns_the_fixed_fee_quote_and_moves_no_money()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "86888", Amount = 20.00m, TransferType = "FixedFee" },
            h => h.Bind("Validate"));

        Assert.Empty(host.Errors);
        var quote = Assert.IsType<WalletPaymentQuote>(Assert.Single(host.Output));
        Assert.Equal(20.00m, quote.BaseAmount);
        Assert.Equal(5.00m, quote.TotalFees);
        Assert.Equal(25.00m, quote.ConsolidatedAmount);
        Assert.Equal(20.00m, quote.FinalAmount);
        Assert.Equal("USD", quote.Currency);
        Assert.Equal("Jhon Doe", quote.PayerName);
        Assert.Equal("Avatar S", quote.PayeeName);
        Assert.Equal(21, quote.TransferTypeId);
        Assert.Empty(host.ShouldProcessCalls);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
        Assert.Equal(1_000.00m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task Fixed_fee_payment_asks_once_naming_amount_payee_and_reference_then_debits_25_and_credits_20()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new
        {
            ToMemberId = "86888", Amount = 20.00m, TransferType = "FixedFee", Description = "Lunch", Reference = "fee-case-1",
        });

        Assert.Empty(host.Errors);
        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("20.00 USD", target);
        Assert.Contains("Avatar S", target);
        Assert.Contains("fee-case-1", target);
        Assert.Contains("25.00 USD", target);
        Assert.Contains("moves money", action);

        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.False(receipt.Pending);
        Assert.Equal(20.00m, receipt.Amount);
        Assert.Equal(5.00m, receipt.TotalFees);
        Assert.Equal("Avatar S", receipt.PayeeName);
        Assert.Equal("fee-case-1", receipt.TraceNumber);
        Assert.NotNull(receipt.Time);
        Assert.True(receipt.TransferId >= 90001);

        Assert.Equal(975.00m, WalletTestKit.Balance(store));
        var payee = WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "86888", "5678");
        Assert.Equal(270.00m, WalletTestKit.Balance(payee));
        Assert.Contains(await WalletTestKit.LedgerAsync(_sandbox.Control), l => l.Reference == "fee-case-1" && l.Amount == 20.00m);
    }

    [Fact]
    public async Task P2P_payment_of_the_spec_flow_leaves_950_and_300()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "86888", Amount = 50.00m });

        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.Equal(90001, receipt.TransferId);
        Assert.Equal(14, receipt.TransferTypeId);
        Assert.Equal(950.00m, WalletTestKit.Balance(store));
        Assert.Equal(300.00m, WalletTestKit.Balance(WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "86888", "5678")));
    }

    [Theory]
    [InlineData("PercentFee", "250.00", "3.75", "253.75", "250.00")]
    [InlineData("PercentFee", "33.33", "0.50", "33.83", "33.33")]
    [InlineData("Discount", "100.00", "-5.00", "95.00", "95.00")]
    [InlineData("Cashback", "100.00", "-2.00", "98.00", "100.00")]
    [InlineData("22", "250.00", "3.75", "253.75", "250.00")]
    public async Task Quotes_carry_the_sandbox_fee_rules(string type, string amount, string fees, string debit, string payeeGets)
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "9555", Amount = decimal.Parse(amount), TransferType = type },
            h => h.Bind("Validate"));

        Assert.Empty(host.Errors);
        var quote = Assert.IsType<WalletPaymentQuote>(Assert.Single(host.Output));
        Assert.Equal(decimal.Parse(fees), quote.TotalFees);
        Assert.Equal(decimal.Parse(debit), quote.ConsolidatedAmount);
        Assert.Equal(decimal.Parse(payeeGets), quote.FinalAmount);
        Assert.Equal("Moonbucks", quote.PayeeName);
    }

    [Fact]
    public async Task Cashback_payment_leaves_the_payer_98_poorer()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "9555", Amount = 100.00m, TransferType = "Cashback" });
        Assert.Empty(host.Errors);
        Assert.Equal(902.00m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task WhatIf_asks_but_moves_nothing()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "86888", Amount = 20.00m, TransferType = "FixedFee" },
            h => h.WhatIf = true);

        Assert.Single(host.ShouldProcessCalls);
        Assert.Empty(host.Output);
        Assert.Empty(host.Errors);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
        Assert.Equal(1_000.00m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task Answering_no_at_the_confirm_prompt_moves_nothing_and_is_no_error()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "86888", Amount = 10.00m },
            h => h.ConfirmAnswer = false);

        Assert.Single(host.ShouldProcessCalls);
        Assert.Empty(host.Output);
        Assert.Empty(host.Errors);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
    }

    [Fact]
    public async Task A_piped_quote_executes_exactly_that_quote_and_only_once()
    {
        var store = await FreshAsync();
        var quote = Assert.IsType<WalletPaymentQuote>(Assert.Single(WalletTestKit.Run(store,
            "Invoke-PayNetPayment", new { ToMemberId = "86888", Amount = 20.00m, TransferType = "FixedFee", Reference = "quoted-1" },
            h => h.Bind("Validate")).Output));

        var host = WalletTestKit.Pipeline(store, "Invoke-PayNetPayment", null,
            new object[] { quote, quote });

        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.Equal("quoted-1", receipt.TraceNumber);
        Assert.Equal(5.00m, receipt.TotalFees);
        Assert.Equal(2, host.ShouldProcessCalls.Count);
        var duplicate = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.Rejected, duplicate.ErrorId);
        Assert.Same(quote, duplicate.TargetObject);
        Assert.Single(await WalletTestKit.LedgerAsync(_sandbox.Control), l => l.Reference == "quoted-1");
        Assert.Equal(975.00m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task A_member_id_is_accepted_when_no_principal_matches()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "3", Amount = 5.00m }, h => h.Bind("Validate"));
        Assert.Equal("Avatar S", Assert.IsType<WalletPaymentQuote>(Assert.Single(host.Output)).PayeeName);

        var forced = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "id:4", Amount = 5.00m }, h => h.Bind("Validate"));
        Assert.Equal("Moonbucks", Assert.IsType<WalletPaymentQuote>(Assert.Single(forced.Output)).PayeeName);
    }
}
