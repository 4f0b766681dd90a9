using System.Text;
using PayNet.Core.Http;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

public sealed class WalletRedactionTests
{
    [Fact]
    public async Task Apikey_PIN_basic_credentials_and_session_tokens_never_reach_the_log()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts", WalletSpecExamples.SessionExpiredSandbox, 401, times: 1);
        kit.Fake.OnJson("/accounts", """{ "status": true, "payload": { "MemberAccounts": [] } }""");
        kit.Fake.OnJson("/payments/member-payment", WalletSpecExamples.DoPaymentResult);
        kit.Fake.OnJson("/payments/confirm/member-payment", WalletSpecExamples.Confirm);
        var log = new CapturingLog();

        using (PayNetLog.Push(log))
        {
            await kit.Client.GetWalletsAsync();
            await kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m));
        }

        string text = log.All;
        Assert.Contains("access/login", text);
        Assert.Contains("payments/confirm/member-payment", text);
        Assert.Contains("transactionPin", text);
        Assert.Contains("session expired", text, StringComparison.OrdinalIgnoreCase);
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WalletTestKit.Principal}:{WalletTestKit.Pin}"));
        foreach (var secret in new[] { WalletTestKit.ApiKey, WalletTestKit.Pin, basic, "token-01-abcdef", "token-02-abcdef", WalletSpecExamples.SessionId })
            Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public void Credentials_and_exceptions_render_without_secrets()
    {
        var credentials = new WalletCredentials(new Security.SecretString(WalletTestKit.ApiKey), WalletTestKit.Principal, new Security.SecretString(WalletTestKit.Pin));
        Assert.DoesNotContain(WalletTestKit.ApiKey, credentials.ToString());
        Assert.DoesNotContain(WalletTestKit.Pin, credentials.ApiKey.ToString() + credentials.Pin.ToString());
    }

    [Fact]
    public async Task A_provider_message_echoing_a_secret_is_scrubbed_from_the_exception()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts", WalletSpecExamples.Failure("VALIDATION_ERROR", $"bad key {WalletTestKit.ApiKey}"), 400);

        var error = await Assert.ThrowsAsync<PayNetException>(() => kit.Client.GetWalletsAsync());

        Assert.DoesNotContain(WalletTestKit.ApiKey, error.Message);
        Assert.DoesNotContain(WalletTestKit.ApiKey, error.ProviderMessage);
    }
}
