using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>QR codes (§6.11, §11.11).</summary>
public sealed class WalletQrTests : WalletTestBase
{
    public WalletQrTests(WalletFixture fixture) : base(fixture) { }

    private static async Task<JsonElement> Create(WalletUser owner, object body) =>
        (await owner.Post("qr/create", body)).AssertSuccess().Payload("QrCode");

    [Fact]
    public async Task A_dynamic_QR_has_the_PNQR1_format_with_a_checksum()
    {
        var merchant = await Wallet.Login("9555", "0000");
        var qr = await Create(merchant, new { amount = 25.00m, description = "Latte" });
        Assert.Equal(50001, qr.GetProperty("id").GetInt64());
        Assert.Equal("ACTIVE", qr.GetProperty("status").GetString());
        Assert.Equal(25.00m, qr.GetProperty("amount").GetDecimal());
        Assert.Equal(14, qr.GetProperty("transferTypeId").GetInt64());
        Assert.Equal("Moonbucks", qr.GetProperty("toMember").GetProperty("name").GetString());
        Assert.Equal("USD", qr.GetProperty("currency").GetProperty("name").GetString());
        Assert.Equal("2024-01-18T06:15:00.000+0000", qr.GetProperty("expiresAt").GetString());

        string[] parts = qr.GetProperty("qrString").GetString()!.Split('.');
        Assert.Equal("PNQR1", parts[0]);
        string json = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Replace('-', '+').Replace('_', '/').PadRight((parts[1].Length + 3) / 4 * 4, '=')));
        using var content = JsonDocument.Parse(json);
        Assert.Equal(50001, content.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(4, content.RootElement.GetProperty("m").GetInt64());
        Assert.Equal(25.00m, content.RootElement.GetProperty("a").GetDecimal());
        Assert.Equal(1, content.RootElement.GetProperty("c").GetInt64());
        Assert.Equal(14, content.RootElement.GetProperty("t").GetInt64());
        Assert.Matches("^[0-9a-f]{8}$", parts[2]);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("paynet-sandbox-qr-secret"), Encoding.ASCII.GetBytes(parts[1])))[..8], parts[2]);
    }

    [Fact]
    public async Task A_dynamic_QR_is_paid_once()
    {
        var merchant = await Wallet.Login("9555", "0000");
        string qrString = (await Create(merchant, new { amount = 25.00m })).GetProperty("qrString").GetString()!;
        var jhon = await Wallet.Login();

        var decoded = (await jhon.Post("qr/decode", new { qrString })).AssertSuccess().Payload("QrCode");
        Assert.True(decoded.GetProperty("payable").GetBoolean());
        var paid = (await jhon.Post("qr/pay", new { qrString, transactionPin = "1234", traceNumber = "QR-1" })).AssertSuccess();
        long id = paid.Payload("ConfirmPaymentResult").GetProperty("id").GetInt64();
        Assert.Equal(975.00m, await jhon.Balance());
        Assert.Equal(25.00m, await merchant.Balance());
        Assert.Equal(("P2P", "QR-1", id.ToString(), 25.00m), WalletMoneyRuleTests.Entry(Assert.Single(await Wallet.Ledger())));

        (await jhon.Post("qr/pay", new { qrString, transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "QR_ALREADY_USED");
        var used = (await jhon.Post("qr/decode", new { qrString })).AssertSuccess().Payload("QrCode");
        Assert.Equal("USED", used.GetProperty("status").GetString());
        Assert.False(used.GetProperty("payable").GetBoolean());
    }

    [Fact]
    public async Task A_dynamic_QR_expires_and_a_static_one_is_reusable()
    {
        var merchant = await Wallet.Login("9555", "0000");
        string dynamicQr = (await Create(merchant, new { amount = 5, expiresInSeconds = 60 })).GetProperty("qrString").GetString()!;
        var staticQr = await Create(merchant, new { transferTypeId = 25 });
        Assert.False(staticQr.TryGetProperty("amount", out _));
        Assert.False(staticQr.TryGetProperty("expiresAt", out _));
        string staticString = staticQr.GetProperty("qrString").GetString()!;

        await Wallet.AdvanceMinutes(2);
        var jhon = await Wallet.Login();
        (await jhon.Post("qr/pay", new { qrString = dynamicQr, transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "QR_EXPIRED");
        Assert.Equal("EXPIRED", (await jhon.Post("qr/decode", new { qrString = dynamicQr })).Payload("QrCode").GetProperty("status").GetString());

        (await jhon.Post("qr/pay", new { qrString = staticString, transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_AMOUNT");
        (await jhon.Post("qr/pay", new { qrString = staticString, amount = 100, transactionPin = "1234" })).AssertSuccess();
        (await jhon.Post("qr/pay", new { qrString = staticString, amount = "20", transactionPin = "1234" })).AssertSuccess();
        Assert.Equal(1000.00m - 95.00m - 19.00m, await jhon.Balance()); // type 25: 5 % discount
    }

    [Fact]
    public async Task Tampered_strings_own_QR_and_amount_changes_are_refused()
    {
        var merchant = await Wallet.Login("9555", "0000");
        string qrString = (await Create(merchant, new { amount = 10 })).GetProperty("qrString").GetString()!;
        var jhon = await Wallet.Login();
        string tampered = qrString[..^1] + (qrString[^1] == '0' ? '1' : '0');
        (await jhon.Post("qr/decode", new { qrString = tampered })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("qr/pay", new { qrString = "garbage", transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("qr/decode", new { })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await merchant.Post("qr/pay", new { qrString, transactionPin = "0000" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("qr/pay", new { qrString, amount = 11, transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_AMOUNT");
        (await jhon.Post("qr/pay", new { qrString, transactionPin = "9999" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_TRANSACTION_PASSWORD");
        Assert.Equal(1000.00m, await jhon.Balance());
    }

    [Fact]
    public async Task A_QR_forgotten_by_a_reset_is_not_found()
    {
        var merchant = await Wallet.Login("9555", "0000");
        string qrString = (await Create(merchant, new { amount = 10 })).GetProperty("qrString").GetString()!;
        await Wallet.Reset();
        var jhon = await Wallet.Login();
        (await jhon.Post("qr/decode", new { qrString })).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
    }

    [Fact]
    public async Task QR_creation_checks_amount_type_and_expiry()
    {
        var jhon = await Wallet.Login();
        (await jhon.Post("qr/create", new { amount = -1 })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_AMOUNT");
        (await jhon.Post("qr/create", new { amount = 0.5 })).AssertFailure(HttpStatusCode.BadRequest, "TRANSFER_MINIMUM_PAYMENT");
        (await jhon.Post("qr/create", new { transferTypeId = 28 })).AssertFailure(HttpStatusCode.BadRequest, "NO_POSSIBLE_TRANSFER_TYPES"); // a system type pays no member
        (await jhon.Post("qr/create", new { amount = 5, expiresInSeconds = 0 })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("qr/create", new { amount = 5, expiresInSeconds = long.MaxValue })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var p2p = await Create(jhon, new { });
        Assert.Equal(14, p2p.GetProperty("transferTypeId").GetInt64());
        Assert.Equal(50001, p2p.GetProperty("id").GetInt64());
    }
}
