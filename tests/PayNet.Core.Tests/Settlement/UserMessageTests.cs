using System.Net.Http.Json;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Core.Tests.Wallet;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Settlement;

/// <summary>Issue 13 item 9: messages that say what actually happened and how to recover.</summary>
public sealed class UserMessageTests
{
    [Fact]
    public async Task When_Paynets_key_is_ahead_the_error_says_the_key_sequence_is_behind_and_how_to_recover()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var control = new HttpClient { BaseAddress = sandbox.RootUri };
        var options = TestOptions.Fast(sandbox.TopUpUri);
        using var client = new TopUpClient(new TopUpCredentials(sandbox.Options.TopUp.PosId, new SecretString(sandbox.Options.TopUp.Token)), options);
        await client.GetBalanceAsync();
        // Another system signed with keys an hour ahead of this clock.
        long ahead = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        (await control.PostAsJsonAsync($"/__sandbox/topup/pos/{sandbox.Options.TopUp.PosId}/reset-key", new { lastKey = ahead })).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.GetBalanceAsync());

        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Contains("key sequence is behind", error.Message);
        Assert.Contains("reset the POS key", error.Message);
        Assert.DoesNotContain("check the POS id and token", error.Message);
    }

    [Fact]
    public async Task A_POS_that_never_worked_gets_the_key_advice_first_and_the_credentials_check_last()
    {
        var handler = new ScriptedHandler((_, _) => TopUp.TopUpTestKit.Error(1, "Auth failed"));
        using var client = TopUp.TopUpTestKit.Client(handler);

        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.GetBalanceAsync());

        Assert.Contains("key sequence is behind", error.Message);
        Assert.True(error.Message.IndexOf("key sequence", StringComparison.Ordinal) < error.Message.IndexOf("id and token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paying_your_own_QR_code_says_it_is_your_own_and_moves_nothing()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var control = new HttpClient { BaseAddress = sandbox.RootUri };
        using var merchant = SandboxWallet.Client(sandbox, SandboxWallet.AvatarPrincipal, SandboxWallet.AvatarPin);
        var qr = await merchant.CreateQrAsync(10m, "Coffee");

        var error = await Assert.ThrowsAsync<PayNetException>(() => merchant.PayQrAsync(qr.QrString, traceNumber: "OWN-1"));

        Assert.Contains("your own", error.Message);
        Assert.DoesNotContain("Active", error.Message);
        Assert.Empty(await SandboxWallet.LedgerAsync(control, "OWN-1"));
    }
}
