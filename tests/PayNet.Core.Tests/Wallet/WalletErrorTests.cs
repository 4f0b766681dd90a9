using System.Text.Json;
using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

public sealed class WalletErrorTests
{
    [Theory]
    [InlineData(401, "INVALID_API_KEY", PayNetErrorCategory.Authentication)]
    [InlineData(401, "INVALID_CREDENTIALS", PayNetErrorCategory.Authentication)]
    [InlineData(401, "BLOCKED_CREDENTIALS", PayNetErrorCategory.Authentication)]
    [InlineData(400, "BLOCKED_TRANSACTION_PASSWORD", PayNetErrorCategory.Authentication)]
    [InlineData(400, "INVALID_TRANSACTION_PASSWORD", PayNetErrorCategory.Authentication)]
    [InlineData(404, "MEMBER_NOT_FOUND", PayNetErrorCategory.NotFound)]
    [InlineData(404, "ENTITY_NOT_FOUND", PayNetErrorCategory.NotFound)]
    [InlineData(429, "RATE_LIMIT_EXCEEDED", PayNetErrorCategory.LimitsExceeded)]
    [InlineData(400, "MAX_AMOUNT_PER_DAY_EXCEEDED", PayNetErrorCategory.LimitsExceeded)]
    [InlineData(400, "NOT_ENOUGH_FUNDS", PayNetErrorCategory.Rejected)]
    [InlineData(400, "DUPLICATE_TRACE_NUMBER", PayNetErrorCategory.Rejected)]
    [InlineData(400, "QR_EXPIRED", PayNetErrorCategory.Rejected)]
    [InlineData(400, "QR_ALREADY_USED", PayNetErrorCategory.Rejected)]
    [InlineData(400, "DISPUTE_NOT_OPEN", PayNetErrorCategory.Rejected)]
    [InlineData(400, "INVALID_AMOUNT", PayNetErrorCategory.InvalidArgument)]
    [InlineData(400, "VALIDATION_ERROR", PayNetErrorCategory.InvalidArgument)]
    [InlineData(400, "NO_POSSIBLE_TRANSFER_TYPES", PayNetErrorCategory.InvalidArgument)]
    [InlineData(400, "TRANSFER_MINIMUM_PAYMENT", PayNetErrorCategory.InvalidArgument)]
    [InlineData(500, "INTERNAL_ERROR", PayNetErrorCategory.Unavailable)]
    [InlineData(503, "SERVICE_UNAVAILABLE", PayNetErrorCategory.Unavailable)]
    [InlineData(504, "GATEWAY_TIMEOUT", PayNetErrorCategory.Timeout)]
    public async Task Provider_codes_map_to_categories_and_the_exception_carries_the_details(int http, string code, PayNetErrorCategory expected)
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts/transfer-data/90001", WalletSpecExamples.Failure(code, "Readable text for " + code), http);

        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => kit.Client.GetTransferAsync(90001));

        Assert.Equal(expected, error.Category);
        Assert.Equal(PayNetApi.Wallet, error.Api);
        Assert.Equal("GetTransfer", error.Operation);
        Assert.Equal(http, error.HttpStatus);
        Assert.Equal(code, error.ProviderCode);
        Assert.Equal("Readable text for " + code, error.ProviderMessage);
        Assert.Equal("90001", error.Reference);
        Assert.Contains("Readable text for " + code, error.Message);
    }

    [Theory]
    [InlineData(400, PayNetErrorCategory.InvalidArgument)]
    [InlineData(401, PayNetErrorCategory.Authentication)]
    [InlineData(404, PayNetErrorCategory.NotFound)]
    [InlineData(429, PayNetErrorCategory.LimitsExceeded)]
    [InlineData(500, PayNetErrorCategory.Unavailable)]
    [InlineData(503, PayNetErrorCategory.Unavailable)]
    [InlineData(504, PayNetErrorCategory.Timeout)]
    [InlineData(200, PayNetErrorCategory.Rejected)]
    public async Task Without_a_code_the_documented_error_envelope_maps_by_HTTP_status(int http, PayNetErrorCategory expected)
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts/transfer-data/5", WalletSpecExamples.Error, http);

        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => kit.Client.GetTransferAsync(5));

        Assert.Equal(expected, error.Category);
        Assert.Null(error.ProviderCode);
        Assert.Equal("Error occurred", error.ProviderMessage);
    }

    [Fact]
    public async Task Rate_limit_is_limits_exceeded_with_the_servers_retry_after()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.On("/accounts", _ => FakeHandler.Json(429, WalletSpecExamples.RateLimited, TimeSpan.FromSeconds(7)));

        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => kit.Client.GetWalletsAsync());

        Assert.Equal(PayNetErrorCategory.LimitsExceeded, error.Category);
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.ProviderCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal("Maximum of 2000 API calls per day reached", error.ProviderMessage);
    }

    [Theory]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", PayNetErrorCategory.Unavailable)]
    [InlineData(200, "{\"status\": true, \"payload\": {\"Transfer", PayNetErrorCategory.Unavailable)]
    [InlineData(200, "", PayNetErrorCategory.Unavailable)]
    [InlineData(504, "upstream timed out", PayNetErrorCategory.Timeout)]
    public async Task Bodies_that_are_not_an_envelope_raise_a_clear_PayNetException_not_a_JsonException(int http, string body, PayNetErrorCategory expected)
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.On("/accounts/transfer-data/7", _ => FakeHandler.Text(http, body));

        var error = await Record.ExceptionAsync(() => kit.Client.GetTransferAsync(7));

        var wallet = Assert.IsType<PayNetException>(error);
        Assert.IsNotType<JsonException>(error.InnerException);
        Assert.Equal(expected, wallet.Category);
        Assert.Equal(http, wallet.HttpStatus);
        Assert.Contains($"HTTP {http}", wallet.Message);
    }

    [Fact]
    public async Task Reads_are_retried_on_5xx_and_succeed_when_the_server_recovers()
    {
        using var kit = new WalletTestKit(maxRetries: 2).WithLogin();
        kit.Fake.OnJson("/accounts/transfer-data/9", WalletSpecExamples.Failure("SERVICE_UNAVAILABLE", "down"), 503, times: 1);
        kit.Fake.OnJson("/accounts/transfer-data/9", """{ "status": true, "payload": { "TransferDataVO": { "accountHistoryTransfer": """ +
            WalletSpecExamples.HistoryLine(9, "12.50", "T-9") + """, "canAddRelatedMemberAsContact": true } } }""");

        var line = await kit.Client.GetTransferAsync(9);

        Assert.Equal(9, line.TransferId);
        Assert.Equal(2, kit.Fake.To("/accounts/transfer-data/9").Count);
    }
}
