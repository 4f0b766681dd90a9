using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Models;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>
/// Register-PayNetMember, Get-PayNetProfile and Set-PayNetPin on the sandbox with a distinctive PIN and
/// OTP, so a leak of either into any stream is found by a text search.
/// </summary>
public sealed class MemberTests : IClassFixture<OtpSandboxFixture>
{
    private const string NewMobile = "233249621938";
    private const string NewMemberPin = "864209";
    private const string ChangedPin = "482913";

    private readonly OtpSandboxFixture _sandbox;

    public MemberTests(OtpSandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<PwshSession> FreshAsync()
    {
        await WalletTestKit.PostAsync(_sandbox.Control, "/__sandbox/reset");
        return _sandbox.Connect();
    }

    private static Dictionary<string, object?> Registration(string? otp = null) => WithOtp(new()
    {
        ["Name"] = "Kofi Mensah",
        ["MobileNo"] = "+233 249 621 938",
        ["Email"] = "kofi@example.com",
        ["Pin"] = WalletTestKit.Secure(NewMemberPin),
    }, otp);

    /// <summary>-Otp only when there is one: a user without the code leaves it out.</summary>
    private static Dictionary<string, object?> WithOtp(Dictionary<string, object?> parameters, string? otp)
    {
        if (otp is not null) parameters["Otp"] = otp;
        return parameters;
    }

    [Fact]
    public async Task Registering_at_the_console_prompts_for_the_OTP_and_returns_the_member_who_can_then_sign_in()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Register-PayNetMember", Registration(), h => h.Answer(OtpSandboxFixture.OtpCode));

        Assert.Empty(host.Errors);
        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("Kofi Mensah", target);
        Assert.Equal("Register a new Wallet member", action);
        Assert.Contains("1938", Assert.Single(host.Prompts));
        var member = Assert.IsType<RegisteredWalletMember>(Assert.Single(host.Output));
        Assert.Equal(6, member.MemberId);
        Assert.Equal(NewMobile, member.Username);
        Assert.Equal("kofi@example.com", member.Email);
        Assert.Matches("^[0-9a-f]{32}$", member.ResourceId);
        WalletTestKit.AssertNoLeak(host, NewMemberPin, OtpSandboxFixture.OtpCode, OtpSandboxFixture.Pin);

        var newcomer = WalletTestKit.ConnectAs(_sandbox.Server.RootUri, NewMobile, NewMemberPin);
        Assert.Equal(0.00m, WalletTestKit.Balance(newcomer));
    }

    [Fact]
    public async Task A_script_runs_it_twice_first_to_have_the_OTP_sent_then_with_Otp()
    {
        var store = await FreshAsync();
        var first = WalletTestKit.Run(store, "Register-PayNetMember", Registration());
        var error = Assert.Single(first.Errors);
        Assert.Equal(ErrorIds.OtpRequired, error.ErrorId);
        Assert.Empty(first.Output);
        Assert.Equal(OtpSandboxFixture.OtpCode, await WalletTestKit.LastOtpAsync(_sandbox.Control, NewMobile));

        var second = WalletTestKit.Run(store, "Register-PayNetMember", Registration(OtpSandboxFixture.OtpCode));
        Assert.Empty(second.Errors);
        Assert.Equal(NewMobile, Assert.IsType<RegisteredWalletMember>(Assert.Single(second.Output)).MobileNo);
        WalletTestKit.AssertNoLeak(second, NewMemberPin, OtpSandboxFixture.OtpCode);
    }

    [Fact]
    public async Task WhatIf_sends_no_OTP_and_creates_nobody()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Register-PayNetMember", Registration(), h => h.WhatIf = true);
        Assert.Single(host.ShouldProcessCalls);
        Assert.Empty(host.Output);
        Assert.Empty(host.Prompts);
        Assert.Null(await WalletTestKit.LastOtpAsync(_sandbox.Control, NewMobile));
    }

    [Fact]
    public async Task A_registered_number_and_a_wrong_OTP_are_errors_naming_the_member()
    {
        var store = await FreshAsync();
        var taken = Registration();
        taken["MobileNo"] = "7836911911";
        var exists = WalletTestKit.Run(store, "Register-PayNetMember", taken, h => h.Answer(OtpSandboxFixture.OtpCode));
        var error = Assert.Single(exists.Errors);
        Assert.Equal(ErrorIds.Rejected, error.ErrorId);
        Assert.Contains("MEMBER_ALREADY_EXISTS", error.Message);
        Assert.Equal("Kofi Mensah (7836911911)", error.TargetObject);

        var wrong = WalletTestKit.Run(store, "Register-PayNetMember", Registration(), h => h.Answer("111111"));
        Assert.Equal(ErrorIds.AuthenticationFailed, Assert.Single(wrong.Errors).ErrorId);
        Assert.Empty(wrong.Output);
    }

    [Fact]
    public async Task The_profile_is_the_signed_in_member()
    {
        var store = await FreshAsync();
        var member = Assert.IsType<WalletMember>(Assert.Single(WalletTestKit.Run(store, "Get-PayNetProfile", null).Output));
        Assert.Equal(2, member.Id);
        Assert.Equal("Jhon Doe", member.Name);
        Assert.Equal(OtpSandboxFixture.OwnMobile, member.MobileNo);
    }

    private static Dictionary<string, object?> PinChange(string? otp = null, string current = OtpSandboxFixture.Pin) => WithOtp(new()
    {
        ["CurrentPin"] = WalletTestKit.Secure(current),
        ["NewPin"] = WalletTestKit.Secure(ChangedPin),
    }, otp);

    [Fact]
    public async Task Changing_the_PIN_at_the_console_prompts_for_the_OTP_and_the_connection_keeps_working()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Set-PayNetPin", PinChange(), h => h.Answer(OtpSandboxFixture.OtpCode));

        Assert.Empty(host.Errors);
        Assert.Single(host.ShouldProcessCalls);
        var result = Assert.IsType<WalletPinChangeResult>(Assert.Single(host.Output));
        Assert.True(result.PinChanged);
        Assert.Equal("48889", result.Username);
        WalletTestKit.AssertNoLeak(host, OtpSandboxFixture.Pin, ChangedPin, OtpSandboxFixture.OtpCode);

        Assert.Equal(1_000.00m, WalletTestKit.Balance(store));
        Assert.Equal(1_000.00m, WalletTestKit.Balance(WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "48889", ChangedPin)));
        var pay = WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "86888", Amount = 1m }, h => h.Answer(OtpSandboxFixture.OtpCode));
        Assert.Empty(pay.Errors);
    }

    [Fact]
    public async Task Without_a_console_the_PIN_stays_until_the_rerun_with_Otp()
    {
        var store = await FreshAsync();
        var first = WalletTestKit.Run(store, "Set-PayNetPin", PinChange());
        Assert.Equal(ErrorIds.OtpRequired, Assert.Single(first.Errors).ErrorId);
        WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "48889", OtpSandboxFixture.Pin);

        var second = WalletTestKit.Run(store, "Set-PayNetPin", PinChange(OtpSandboxFixture.OtpCode));
        Assert.True(Assert.IsType<WalletPinChangeResult>(Assert.Single(second.Output)).PinChanged);
        WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "48889", ChangedPin);
        WalletTestKit.AssertNoLeak(second, OtpSandboxFixture.Pin, ChangedPin, OtpSandboxFixture.OtpCode);
    }

    [Fact]
    public async Task A_wrong_current_PIN_is_refused_without_leaking_it_and_WhatIf_changes_nothing()
    {
        var store = await FreshAsync();
        var wrong = WalletTestKit.Run(store, "Set-PayNetPin", PinChange(current: "135799"), h => h.Answer(OtpSandboxFixture.OtpCode));
        Assert.Equal(ErrorIds.AuthenticationFailed, Assert.Single(wrong.Errors).ErrorId);
        Assert.Empty(wrong.Prompts);
        WalletTestKit.AssertNoLeak(wrong, "135799", ChangedPin, OtpSandboxFixture.Pin);

        var whatIf = WalletTestKit.Run(store, "Set-PayNetPin", PinChange(), h => h.WhatIf = true);
        Assert.Single(whatIf.ShouldProcessCalls);
        Assert.Empty(whatIf.Output);
        WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "48889", OtpSandboxFixture.Pin);
    }
}
