using System.Net.Http.Json;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>
/// Issue 18 in real PowerShell (in-process, TestPSHost answers prompts): the login OTP prompt of
/// Connect-PayNet, the budget on Get-PayNetConnection, and Get-PayNetMember piped into a payment.
/// </summary>
public sealed class WalletCompleteCmdletTests : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    private readonly SandboxFixture _sandbox;

    public WalletCompleteCmdletTests(SandboxFixture sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => _sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task RequireLoginOtpAsync() =>
        (await _sandbox.Control.PostAsJsonAsync("/__sandbox/wallet/switches", new { loginOtpRequired = true })).EnsureSuccessStatusCode();

    [Fact]
    public async Task At_a_console_Connect_PayNet_asks_for_the_login_otp_and_signs_in_with_it()
    {
        await RequireLoginOtpAsync();
        using var session = new PwshSession();
        session.Answer("123456");

        var connect = session.Invoke("Connect-PayNet", new { BaseUri = _sandbox.Server.RootUri }, "Sandbox");

        Assert.Null(connect.Terminating);
        Assert.Empty(connect.Errors);
        Assert.Contains(connect.Prompts, p => p.Contains("one-time password", StringComparison.OrdinalIgnoreCase) && p.Contains("48889"));
        Assert.Equal("Jhon Doe", Assert.IsType<WalletMember>(session.Invoke("Get-PayNetProfile").Output.Single()).Name);
    }

    [Fact]
    public async Task With_no_answer_Connect_PayNet_stops_with_PayNetOtpRequired_naming_Otp_and_keeps_no_connection()
    {
        await RequireLoginOtpAsync();
        using var session = new PwshSession();
        session.Answer("");

        var connect = session.Invoke("Connect-PayNet", new { BaseUri = _sandbox.Server.RootUri }, "Sandbox");

        Assert.NotNull(connect.Terminating);
        Assert.StartsWith("PayNetOtpRequired,", connect.Terminating!.FullyQualifiedErrorId);
        string message = connect.Terminating.ErrorDetails?.Message ?? connect.Terminating.Exception.Message;
        Assert.Contains("-Otp", message);
        string reconnect = $"Connect-PayNet -Sandbox -BaseUri '{_sandbox.Server.RootUri}' -Otp (Read-Host 'PayNet one-time password')";
        Assert.Contains(reconnect, message);
        Assert.Equal(reconnect, connect.Terminating.ErrorDetails?.RecommendedAction);
        Assert.DoesNotContain("1234", message); // the PIN never appears
        Assert.Empty(session.Invoke("Get-PayNetConnection").Output);
    }

    [Fact]
    public async Task A_wrong_otp_is_an_authentication_error_not_a_prompt_loop()
    {
        await RequireLoginOtpAsync();
        using var session = new PwshSession();
        var connect = session.Invoke("Connect-PayNet", new { BaseUri = _sandbox.Server.RootUri, Otp = "000000" }, "Sandbox");
        Assert.StartsWith("PayNetAuthenticationFailed,", connect.Terminating!.FullyQualifiedErrorId);
        Assert.Empty(connect.Prompts);
    }

    [Fact]
    public void Get_PayNetConnection_counts_the_Wallet_calls_of_the_connection()
    {
        using var session = _sandbox.Connect();
        var before = Assert.IsType<PayNetConnection>(session.Invoke("Get-PayNetConnection", new { Service = new[] { PayNet.Core.PayNetApi.Wallet } }).Output.Single());
        int used = before.WalletCallsUsed!.Value;
        session.Invoke("Get-PayNetWallet");
        var after = Assert.IsType<PayNetConnection>(session.Invoke("Get-PayNetConnection").Output.Single());
        Assert.True(after.WalletCallsUsed > used);
        Assert.Equal(2000 - after.WalletCallsUsed, after.WalletCallsLeft);
        Assert.Equal(2000, after.WalletCallLimit);
    }

    [Fact]
    public async Task A_member_piped_into_Invoke_PayNetPayment_binds_to_MemberId_and_is_paid_by_id()
    {
        using var session = _sandbox.Connect();
        var member = Assert.IsType<WalletMember>(session.Invoke("Get-PayNetMember", new { Principal = new[] { "9555" } }).Output.Single());
        Assert.Equal(4, member.MemberId);

        var paid = session.Pipe("Invoke-PayNetPayment", new[] { member }, new { Amount = 2.50m, Reference = "pipe-by-id", Confirm = false });

        Assert.Empty(paid.Errors);
        var receipt = Assert.IsType<WalletPaymentReceipt>(paid.Output.Single());
        Assert.Equal("Moonbucks", receipt.PayeeName);
        Assert.Contains("\"reference\":\"pipe-by-id\"", (await _sandbox.LedgerAsync()).Replace(" ", string.Empty));
    }
}
