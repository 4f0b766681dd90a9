using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>Add-PayNetMoney (pending until the gateway confirms; wallet.md §11.4 type 27), Wait-PayNetTransaction on it, Request-PayNetWithdrawal.</summary>
public sealed class AddMoneyWithdrawalTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public AddMoneyWithdrawalTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<PwshSession> FreshAsync()
    {
        await _sandbox.ResetAsync();
        return _sandbox.Connect();
    }

    private static WalletPaymentReceipt AddMoney(PwshSession store, decimal amount, string? reference = null)
    {
        var host = WalletTestKit.Run(store, "Add-PayNetMoney", new { Amount = amount, Reference = reference });
        Assert.Empty(host.Errors);
        return Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
    }

    [Fact]
    public async Task Add_money_asks_returns_a_pending_receipt_and_credits_only_after_the_gateway_confirms()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Add-PayNetMoney", new { Amount = 200.00m, Reference = "topup-200" });

        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("200.00 USD", target);
        Assert.Contains("topup-200", target);
        Assert.Contains("Add money", action);
        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.True(receipt.Pending);
        Assert.Equal(WalletTransferState.Pending, receipt.State);
        Assert.Equal(27, receipt.TransferTypeId);
        Assert.Equal(1_000.00m, WalletTestKit.Balance(store));

        await WalletTestKit.PostAsync(_sandbox.Control, $"/__sandbox/transfers/{receipt.TransferId}/confirm");
        Assert.Equal(1_200.00m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task WhatIf_adds_nothing()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Add-PayNetMoney", new { Amount = 200.00m }, h => h.WhatIf = true);
        Assert.Single(host.ShouldProcessCalls);
        Assert.Empty(host.Output);
        var statement = WalletTestKit.Run(store, "Get-PayNetStatement", new { From = WalletTestKit.SandboxDay, To = WalletTestKit.SandboxDay });
        Assert.Empty(statement.Output);
    }

    [Fact]
    public async Task Wait_PayNetTransaction_reports_progress_until_the_gateway_confirms()
    {
        var store = await FreshAsync();
        var receipt = AddMoney(store, 75.00m, "wait-75");

        var confirm = Task.Run(async () =>
        {
            await Task.Delay(1500); // long enough for a first poll to see Pending on a loaded machine
            await WalletTestKit.PostAsync(_sandbox.Control, $"/__sandbox/transfers/{receipt.TransferId}/confirm");
        });
        var host = WalletTestKit.Run(store, "Wait-PayNetTransaction", new { InputObject = receipt, PollIntervalSec = 0.1, TimeoutSec = 30 });
        await confirm;

        Assert.Empty(host.Errors);
        var line = Assert.IsType<WalletStatementLine>(Assert.Single(host.Output));
        Assert.Equal(WalletTransferState.Processed, line.State);
        Assert.Equal(75.00m, line.Amount);
        Assert.Contains(host.Progress, p => !p.Completed && p.Status.Contains("Pending"));
        Assert.True(host.Progress.Last().Completed);
        Assert.Equal(1_075.00m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task Waiting_on_a_failed_top_up_is_an_error_carrying_the_transfer()
    {
        var store = await FreshAsync();
        var receipt = AddMoney(store, 200.13m);
        await Task.Delay(50);
        var host = WalletTestKit.Run(store, "Wait-PayNetTransaction", new { InputObject = receipt, PollIntervalSec = 0.05, TimeoutSec = 10 });

        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.Rejected, error.ErrorId);
        Assert.Equal(WalletTransferState.Failed, Assert.IsType<WalletStatementLine>(error.TargetObject).State);
        Assert.Equal(1_000.00m, WalletTestKit.Balance(store));
    }

    [Fact]
    public async Task Withdrawal_asks_naming_the_bank_account_and_debits_the_wallet()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Request-PayNetWithdrawal", new { Amount = 120.00m, BankAccount = "GB29NWBK60161331926819", Reference = "wd-1" });

        Assert.Empty(host.Errors);
        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("120.00 USD", target);
        Assert.Contains("wd-1", target);
        Assert.Contains("GB29NWBK60161331926819", action);
        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.False(receipt.Pending);
        Assert.Equal(28, receipt.TransferTypeId);
        Assert.Equal(880.00m, WalletTestKit.Balance(store));
        Assert.Contains(await WalletTestKit.LedgerAsync(_sandbox.Control), l => l.Reference == "wd-1" && l.Amount == 120.00m);
    }

    [Fact]
    public async Task Withdrawing_more_than_the_balance_is_refused_and_WhatIf_withdraws_nothing()
    {
        var store = await FreshAsync();
        var tooMuch = WalletTestKit.Run(store, "Request-PayNetWithdrawal", new { Amount = 1_500.00m });
        Assert.Equal(ErrorIds.Rejected, Assert.Single(tooMuch.Errors).ErrorId);
        Assert.Empty(tooMuch.ShouldProcessCalls);

        var whatIf = WalletTestKit.Run(store, "Request-PayNetWithdrawal", new { Amount = 10.00m }, h => h.WhatIf = true);
        Assert.Single(whatIf.ShouldProcessCalls);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
        Assert.Equal(1_000.00m, WalletTestKit.Balance(store));
    }
}
