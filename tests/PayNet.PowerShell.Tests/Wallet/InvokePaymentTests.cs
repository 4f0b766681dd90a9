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
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 20.00m, TransferType = "FixedFee" },
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
            ToPrincipal = "86888", Amount = 20.00m, TransferType = "FixedFee", Description = "Lunch", Reference = "fee-case-1",
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
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 50.00m });

        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.Equal(90001, receipt.TransferId);
        Assert.Equal(14, receipt.TransferTypeId);
        Assert.Equal(950.00m, WalletTestKit.Balance(store));
        Assert.Equal(300.00m, WalletTestKit.Balance(WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "86888", "5678")));
    }

    [Theory]
    [InlineData("PercentFee", "250.00", "3.75", "253.75", "250.00")]
    [InlineData("PercentFee", "33.33", "0.50", "33.83", "33.33")]
    // Cashback and discount quotes show no fees: the payer is debited the amount and the payee gets it all;
    // the credit back to the payer is booked afterwards as its own transfer (wallet.md §11.4, the seed's 55 → 55).
    [InlineData("Discount", "100.00", "0.00", "100.00", "100.00")]
    [InlineData("Cashback", "100.00", "0.00", "100.00", "100.00")]
    [InlineData("22", "250.00", "3.75", "253.75", "250.00")]
    public async Task Quotes_carry_the_sandbox_fee_rules(string type, string amount, string fees, string debit, string payeeGets)
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "9555", Amount = decimal.Parse(amount), TransferType = type },
            h => h.Bind("Validate"));

        Assert.Empty(host.Errors);
        var quote = Assert.IsType<WalletPaymentQuote>(Assert.Single(host.Output));
        Assert.Equal(decimal.Parse(fees), quote.TotalFees);
        Assert.Equal(decimal.Parse(debit), quote.ConsolidatedAmount);
        Assert.Equal(decimal.Parse(payeeGets), quote.FinalAmount);
        Assert.Equal("Moonbucks", quote.PayeeName);
    }

    [Theory]
    [InlineData("Cashback", "-CB", "2.00")]
    [InlineData("Discount", "-DS", "5.00")]
    public async Task Cashback_and_discount_debit_the_full_amount_and_credit_the_payer_back_as_a_transfer_of_its_own(string type, string suffix, string credit)
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "9555", Amount = 100.00m, TransferType = type, Reference = "promo-1" });
        Assert.Empty(host.Errors);
        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.Equal(100.00m, receipt.Amount);
        Assert.Equal(0m, receipt.TotalFees);

        var ledger = await WalletTestKit.LedgerAsync(_sandbox.Control);
        Assert.Contains(ledger, l => l.Reference == "promo-1" && l.Amount == 100.00m);
        Assert.Contains(ledger, l => l.Reference == "promo-1" + suffix && l.Amount == decimal.Parse(credit));
        Assert.Equal(1_000.00m - 100.00m + decimal.Parse(credit), WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task WhatIf_asks_but_moves_nothing()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 20.00m, TransferType = "FixedFee" },
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
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 10.00m },
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
            "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 20.00m, TransferType = "FixedFee", Reference = "quoted-1" },
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
    public async Task ToMemberId_is_a_member_id_and_ToPrincipal_a_username_never_the_other_way_round()
    {
        var store = await FreshAsync();
        var byId = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "4", Amount = 5.00m }, h => h.Bind("Validate"));
        Assert.Equal("Moonbucks", Assert.IsType<WalletPaymentQuote>(Assert.Single(byId.Output)).PayeeName);

        var byUsername = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "9555", Amount = 5.00m }, h => h.Bind("Validate"));
        Assert.Equal("Moonbucks", Assert.IsType<WalletPaymentQuote>(Assert.Single(byUsername.Output)).PayeeName);
        var byMobile = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "7836911911", Amount = 5.00m }, h => h.Bind("Validate"));
        Assert.Equal("Avatar S", Assert.IsType<WalletPaymentQuote>(Assert.Single(byMobile.Output)).PayeeName);
    }

    [Fact]
    public async Task ToMemberId_9555_never_pays_the_member_whose_username_is_9555()
    {
        var store = await FreshAsync();
        // Moonbucks is member id 4 with username 9555; no member has id 9555.
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "9555", Amount = 10.00m, Reference = "not-moonbucks" }, h => h.ConfirmAnswer = true);

        Assert.Empty(host.Output);
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        Assert.Equal("9555", Assert.IsType<WalletPaymentInput>(error.TargetObject).ToMemberId);
        Assert.Empty(host.ShouldProcessCalls);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
        Assert.Equal(1_000.00m, WalletTestKit.Balance(store));
    }

    [Theory]
    [InlineData("86888x")]
    [InlineData("id:4")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("3.0")]
    [InlineData("jhon")]
    public async Task A_ToMemberId_that_is_not_a_positive_whole_number_is_an_invalid_argument_and_nothing_is_sent(string id)
    {
        var store = await FreshAsync();
        var client = store.DefaultConnection(PayNet.Core.PayNetApi.Wallet)!.WalletClient;
        int before = client.CallsToday;
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = id, Amount = 5.00m });

        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.InvalidArgument, error.ErrorId);
        Assert.Equal(id, Assert.IsType<WalletPaymentInput>(error.TargetObject).ToMemberId);
        Assert.Contains("-ToPrincipal", error.Message);
        Assert.Equal(before, client.CallsToday);
    }

    [Fact]
    public async Task A_row_naming_both_a_member_id_and_a_principal_is_an_error_not_a_guess()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "3", ToPrincipal = "9555", Amount = 5.00m });
        Assert.Equal(ErrorIds.InvalidArgument, Assert.Single(host.Errors).ErrorId);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
    }

    [Fact]
    public async Task CSV_columns_go_to_one_payee_parameter_each_MemberId_to_the_id_Payee_and_Recipient_to_the_principal()
    {
        await _sandbox.ResetAsync();
        using var session = _sandbox.Connect();
        // One file with a member-id column and a principal column, another keyed by username.
        const string csv = "MemberId,Payee,Amount,Reference\n4,,1.00,by-id\n,9555,2.00,by-payee\n9555,,4.00,id-not-username\n";
        const string usernames = "Recipient,Amount,Reference\n86888,3.00,by-username\n";

        var result = session.Run("$csv, $usernames | ForEach-Object { $_ | ConvertFrom-Csv } | Invoke-PayNetPayment -Confirm:$false", new { csv, usernames });

        var ledger = await WalletTestKit.LedgerAsync(_sandbox.Control);
        Assert.Equal(new[] { ("by-id", 1.00m), ("by-payee", 2.00m), ("by-username", 3.00m) }, ledger.Select(l => (l.Reference, l.Amount)));
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        // The TargetObject is the CSV row itself.
        Assert.Equal("9555", Assert.IsType<System.Management.Automation.PSObject>(error.TargetObject).Properties["MemberId"].Value);
        Assert.Equal(new[] { "by-id", "by-payee", "by-username" }, result.OutputOf<WalletPaymentReceipt>().Select(r => r.TraceNumber));
    }
}
