using System.Net;
using System.Text;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>
/// The seed page's curl samples send their JSON with <c>--data</c> and no Content-Type, so it arrives as a form.
/// The sandbox reads the body as JSON whatever the content type says (the documented choice), so those samples
/// work; a real form body is still refused, since the Wallet API takes JSON.
/// </summary>
public sealed class WalletSeedRequestTests : WalletTestBase
{
    public WalletSeedRequestTests(WalletFixture fixture) : base(fixture) { }

    private static StringContent Form(string text) => new(text, Encoding.UTF8, "application/x-www-form-urlencoded");

    [Fact]
    public async Task A_JSON_body_sent_as_a_form_like_the_seed_curl_samples_is_read_as_JSON_and_books_the_payment()
    {
        var jhon = await Wallet.Login();
        var preview = (await jhon.Post("payments/member-payment", Form("""{ "transferTypeId": 21, "toMemberId": 3, "amount": 20 }""")))
            .AssertSuccess().Payload("DoPaymentResult");
        Assert.Equal(20m, preview.GetProperty("baseAmount").GetDecimal());
        Assert.Equal("Send Money + Fixed Fee", preview.GetProperty("transferType").GetProperty("name").GetString());
        (await jhon.Post("payments/confirm/member-payment", Form("""{ "transferTypeId": 21, "toMemberId": 3, "amount": 20 }"""))).AssertSuccess();
        Assert.Equal(975.00m, await jhon.Balance());
    }

    [Fact]
    public async Task A_real_form_body_is_refused_and_books_nothing()
    {
        var jhon = await Wallet.Login();
        var refused = await jhon.Post("payments/confirm/member-payment", Form("transferTypeId=14&toMemberId=3&amount=20"));
        refused.AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(1000.00m, await jhon.Balance());
        Assert.Empty(await Wallet.Ledger());
    }

    [Theory]
    [InlineData(14, 3)]
    [InlineData(18, 3)]
    [InlineData(21, 3)]
    [InlineData(22, 3)]
    [InlineData(24, 3)]
    [InlineData(25, 4)]
    public async Task Every_seed_transfer_type_previews_and_confirms_without_a_PIN(int type, int payee)
    {
        var jhon = await Wallet.Login();
        var body = new { transferTypeId = type, toMemberId = payee, amount = 20 };
        var preview = (await jhon.Post("payments/member-payment", body)).AssertSuccess().Payload("DoPaymentResult");
        Assert.False(preview.GetProperty("otpEnable").GetBoolean());
        Assert.False(preview.TryGetProperty("isOtpEnable", out _));
        // §11.3: from the Customer Wallet, except loyalty, which spends the Loyalty Wallet (the seed shows Customer Wallet there too).
        Assert.Equal(type == 18 ? "Loyalty Wallet" : "Customer Wallet", preview.GetProperty("transferType").GetProperty("from").GetProperty("name").GetString());
        Assert.True(preview.GetProperty("from").TryGetProperty("mobileNumber", out _));
        Assert.False(preview.GetProperty("from").TryGetProperty("mobileNo", out _));
        await jhon.Pay(body);
        Assert.NotEmpty(await Wallet.Ledger());
    }
}
