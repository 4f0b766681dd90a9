using System.Management.Automation;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>Payments on a tenant that wants an OTP on every confirm: prompt at the console, -Otp in scripts, a clear error otherwise.</summary>
public sealed class PaymentOtpTests : IClassFixture<OtpSandboxFixture>
{
    private readonly OtpSandboxFixture _sandbox;

    public PaymentOtpTests(OtpSandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<PwshSession> FreshAsync()
    {
        await WalletTestKit.PostAsync(_sandbox.Control, "/__sandbox/reset");
        return _sandbox.Connect();
    }

    [Fact]
    public async Task The_quote_says_an_OTP_is_needed()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 10m }, h => h.Bind("Validate"));
        Assert.True(Assert.IsType<WalletPaymentQuote>(Assert.Single(host.Output)).RequiresOtp);
        Assert.Null(await WalletTestKit.LastOtpAsync(_sandbox.Control, OtpSandboxFixture.OwnMobile));
    }

    [Fact]
    public async Task At_the_console_the_OTP_is_sent_then_asked_for_and_never_echoed()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 10m, Reference = "otp-prompted" },
            h => h.Answer(OtpSandboxFixture.OtpCode));

        Assert.Empty(host.Errors);
        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.Equal("otp-prompted", receipt.TraceNumber);
        var prompt = Assert.Single(host.Prompts);
        Assert.Contains("2137", prompt);
        Assert.DoesNotContain("9555292137", prompt);
        Assert.StartsWith("One-time password: this payment", prompt);
        Assert.True(prompt.Length + 6 < 80, $"the question and a 6-digit code fit on one 80-column line: '{prompt}'");
        WalletTestKit.AssertNoLeak(host, OtpSandboxFixture.OtpCode, OtpSandboxFixture.Pin);
        Assert.Single(await WalletTestKit.LedgerAsync(_sandbox.Control));
    }

    [Fact]
    public async Task Without_a_console_it_sends_the_OTP_and_says_to_rerun_with_Otp_which_then_pays()
    {
        var store = await FreshAsync();
        var first = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 10m, Reference = "otp-script" });

        Assert.Empty(first.Output);
        var error = Assert.Single(first.Errors);
        Assert.Equal(ErrorIds.OtpRequired, error.ErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.Category);
        Assert.Contains("-Otp", error.Message);
        Assert.Equal("Get-Help Invoke-PayNetPayment -Parameter Otp", error.RecommendedAction);
        Assert.Single(first.Prompts);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
        Assert.Equal(OtpSandboxFixture.OtpCode, await WalletTestKit.LastOtpAsync(_sandbox.Control, OtpSandboxFixture.OwnMobile));

        var second = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 10m, Reference = "otp-script", Otp = OtpSandboxFixture.OtpCode });
        Assert.Empty(second.Errors);
        Assert.Empty(second.Prompts);
        Assert.Equal("otp-script", Assert.IsType<WalletPaymentReceipt>(Assert.Single(second.Output)).TraceNumber);
        WalletTestKit.AssertNoLeak(second, OtpSandboxFixture.OtpCode, OtpSandboxFixture.Pin);
    }

    [Fact]
    public async Task WhatIf_sends_no_OTP_and_moves_nothing()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 10m }, h => h.WhatIf = true);

        Assert.Single(host.ShouldProcessCalls);
        Assert.Empty(host.Prompts);
        Assert.Empty(host.Errors);
        Assert.Null(await WalletTestKit.LastOtpAsync(_sandbox.Control, OtpSandboxFixture.OwnMobile));
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
    }

    [Fact]
    public async Task A_wrong_OTP_is_an_authentication_error_and_moves_nothing()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 10m }, h => h.Answer("000000"));

        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.AuthenticationFailed, error.ErrorId);
        Assert.Contains("INVALID_OTP", error.Message);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
    }

    [Fact]
    public async Task Add_money_runs_the_same_OTP_step()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Add-PayNetMoney", new { Amount = 40m }, h => h.Answer(OtpSandboxFixture.OtpCode));

        Assert.Empty(host.Errors);
        Assert.True(Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output)).Pending);
        Assert.Single(host.Prompts);
    }
}
