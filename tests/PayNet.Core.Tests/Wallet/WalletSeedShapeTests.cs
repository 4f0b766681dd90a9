using System.Text.Json;
using PayNet.Core.Wallet;
using PayNet.Core.Tests.Support;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Wallet;

/// <summary>
/// The Wallet seed page's own spellings (baseAmount, otpEnable, mobileNumber) next to the other deployments'
/// (isOtpEnable, mobileNo), and the PIN sent on a confirm only when the login's requireTransactionPassword asks.
/// </summary>
public sealed class WalletSeedShapeTests
{
    /// <summary>The seed's cashback preview (000, "Validate Cashback on Payment"), verbatim apart from the whitespace.</summary>
    private const string SeedCashbackPreview = """
        { "status": true, "sessionExpired": false, "payload": { "DoPaymentResult": {
            "wouldRequireAuthorization": false,
            "from": { "id": 2, "name": "Jhon Doe", "username": "48889", "email": "ankit@paynet.pro", "groupId": 5, "mobileNumber": "9555292137", "status": "ACTIVE", "notificationLanguage": "ENGLISH" },
            "to": { "id": 3, "name": "Avatar S", "username": "86888", "email": "avatar@paynet.pro", "groupId": 5, "mobileNumber": "7836911911", "status": "ACTIVE", "notificationLanguage": "ENGLISH" },
            "baseAmount": 55, "formattedBaseAmount": "$55,00", "finalAmount": 55, "formattedFinalAmount": "$55,00",
            "transferType": { "id": 24, "name": "Send Money + Cashback",
              "from": { "id": 4, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "$", "name": "USD", "pattern": "$#amount#" } },
              "to": { "id": 4, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "$", "name": "USD", "pattern": "$#amount#" } } },
            "otpEnable": false } }, "responseCode": "000", "failed": false }
        """;

    private static WalletTestKit Kit(bool requirePin)
    {
        var kit = new WalletTestKit();
        int n = 0;
        kit.Fake.On("/access/login", _ => FakeHandler.Json(200, WalletSpecExamples
            .LoginWithToken($"token-{Interlocked.Increment(ref n):D2}-abcdef")
            .Replace("\"requireTransactionPassword\": true", $"\"requireTransactionPassword\": {(requirePin ? "true" : "false")}")));
        kit.Fake.OnJson("/payments/confirm/member-payment", WalletSpecExamples.Confirm);
        return kit;
    }

    [Fact]
    public async Task The_seed_preview_gives_base_amount_payee_and_no_otp()
    {
        using var kit = Kit(requirePin: false);
        kit.Fake.OnJson("/payments/member-payment", SeedCashbackPreview);
        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest(3, 55m) { TransferTypeId = 24 });
        Assert.Equal(55m, quote.BaseAmount);
        Assert.Equal(55m, quote.FinalAmount);
        Assert.Equal(0m, quote.TotalFees);
        Assert.Equal(55m, quote.ConsolidatedAmount);
        Assert.False(quote.RequiresOtp);
        Assert.Equal(("Avatar S", "Send Money + Cashback", "USD"), (quote.PayeeName, quote.TransferTypeName, quote.Currency));
    }

    [Theory]
    [InlineData("\"otpEnable\": true", true)]
    [InlineData("\"isOtpEnable\": true", true)]
    [InlineData("\"isOtpEnable\": \"true\"", true)]
    [InlineData("\"otpEnable\": false, \"isOtpEnable\": true", false)] // the seed's spelling wins
    [InlineData("\"wouldRequireAuthorization\": false", false)]
    public async Task Either_spelling_of_the_otp_flag_is_read(string flag, bool expected)
    {
        using var kit = Kit(requirePin: false);
        kit.Fake.OnJson("/payments/member-payment", SeedCashbackPreview.Replace("\"otpEnable\": false", flag));
        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest(3, 55m) { TransferTypeId = 24 });
        Assert.Equal(expected, quote.RequiresOtp);
    }

    [Fact]
    public async Task A_preview_without_baseAmount_quotes_the_requested_amount()
    {
        using var kit = Kit(requirePin: true);
        kit.Fake.OnJson("/payments/member-payment", WalletSpecExamples.DoPaymentResult);
        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { TransferTypeId = 21 });
        Assert.Equal(100m, quote.BaseAmount);
    }

    [Theory]
    [InlineData("\"mobileNumber\": \"9555292137\"")]
    [InlineData("\"mobileNo\": \"9555292137\"")]
    public async Task Either_spelling_of_the_mobile_number_is_read(string member)
    {
        using var kit = Kit(requirePin: false);
        kit.Fake.OnJson("/members/me", $$"""{ "status": true, "payload": { "Member": { "id": 2, "name": "Jhon Doe", "username": "48889", {{member}} } } }""");
        var me = await kit.Client.GetProfileAsync();
        Assert.Equal("9555292137", me.MobileNo);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_PIN_goes_on_a_confirm_only_when_the_login_asks_for_it(bool requirePin)
    {
        using var kit = Kit(requirePin);
        kit.Fake.OnJson("/payments/member-payment", SeedCashbackPreview);
        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest(3, 55m) { TransferTypeId = 24 });
        await kit.Client.ExecutePaymentAsync(quote);
        var confirm = WalletTestKit.Body(kit.Fake.To("/payments/confirm/member-payment").Single());
        Assert.Equal(requirePin, confirm.TryGetProperty("transactionPin", out _));
        if (requirePin) Assert.Equal(WalletTestKit.Pin, confirm.GetProperty("transactionPin").GetString());
        Assert.DoesNotContain(WalletTestKit.Pin, requirePin ? "" : kit.Fake.To("/payments/confirm/member-payment").Single().Body!);
    }
}

/// <summary>Against the sandbox: the seed tenant without a PIN, the RequireTransactionPin tenant with one, §11.4 cashback and discount.</summary>
public sealed class WalletSeedSandboxTests : IClassFixture<WalletSandboxFixture>
{
    private readonly WalletSandboxFixture _sandbox;

    public WalletSeedSandboxTests(WalletSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public async Task In_the_seed_tenant_the_client_pays_without_sending_the_PIN()
    {
        await SandboxWallet.ResetAsync(_sandbox.Control);
        using var client = SandboxWallet.Client(_sandbox.Server);
        var login = await client.LoginAsync();
        Assert.False(login.RequireTransactionPassword);
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(3, 20m) { TransferTypeId = 14 });
        Assert.Equal(20m, quote.BaseAmount);
        var receipt = await client.ExecutePaymentAsync(quote);
        Assert.False(receipt.Pending);
        Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber));
        var me = await client.GetProfileAsync();
        Assert.Equal("9555292137", me.MobileNo); // the sandbox now spells it mobileNumber, as the seed does
    }

    [Fact]
    public async Task When_the_tenant_requires_the_PIN_the_client_sends_it_and_the_payment_goes_through()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.RequireTransactionPin = true);
        using var client = SandboxWallet.Client(server);
        Assert.True((await client.LoginAsync()).RequireTransactionPassword);
        var receipt = await client.ExecutePaymentAsync(new WalletPaymentRequest(3, 20m) { TransferTypeId = 14 });
        Assert.False(receipt.Pending);
        Assert.Equal(980m, (await client.GetBalanceAsync()).Balance);
    }

    [Theory]
    [InlineData(24, 3, 2.00)] // cashback 2 %, to member 3 as in the seed
    [InlineData(25, 4, 5.00)] // discount 5 %, to member 4 as in the seed
    public async Task Cashback_and_discount_quote_no_fees_and_the_credit_back_is_its_own_ledger_entry(int type, long payee, decimal credit)
    {
        await SandboxWallet.ResetAsync(_sandbox.Control);
        using var client = SandboxWallet.Client(_sandbox.Server);
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(payee, 100m) { TransferTypeId = type });
        Assert.Equal((100m, 100m, 0m, 100m), (quote.BaseAmount, quote.FinalAmount, quote.TotalFees, quote.ConsolidatedAmount));
        Assert.Equal(string.Empty, quote.FeeSummary);

        await client.ExecutePaymentAsync(quote);
        var payment = Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber));
        Assert.Equal(100m, payment.GetProperty("amount").GetDecimal());
        var back = Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Control, quote.TraceNumber + (type == 24 ? "-CB" : "-DS")));
        Assert.Equal(credit, back.GetProperty("amount").GetDecimal());
        Assert.True(long.Parse(back.GetProperty("transactionId").GetString()!) > long.Parse(payment.GetProperty("transactionId").GetString()!),
            "the credit back is booked after the payment");
        Assert.Equal(1000m - 100m + credit, (await client.GetBalanceAsync()).Balance);
    }
}
