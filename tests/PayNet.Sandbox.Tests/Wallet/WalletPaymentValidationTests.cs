using System.Net;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>§11.6: the first failing check wins and nothing is booked before the last step.</summary>
public sealed class WalletPaymentValidationTests : WalletTestBase
{
    public WalletPaymentValidationTests(WalletFixture fixture) : base(fixture) { }

    private const string Validate = "payments/member-payment";
    private const string Confirm = "payments/confirm/member-payment";

    [Theory]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":-5}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":1.005}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":0}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":"12abc"}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":true}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":1e40}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":100000000.01}""", "INVALID_AMOUNT", 400)]
    [InlineData("""{"toMemberId":999,"transferTypeId":99,"amount":5}""", "MEMBER_NOT_FOUND", 404)]
    [InlineData("""{"toMemberPrincipal":"nobody","amount":5}""", "MEMBER_NOT_FOUND", 404)]
    [InlineData("""{"amount":5}""", "VALIDATION_ERROR", 400)]
    [InlineData("""{"toMemberId":2,"amount":5}""", "VALIDATION_ERROR", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":99,"amount":0.5}""", "NO_POSSIBLE_TRANSFER_TYPES", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":"abc","amount":5}""", "VALIDATION_ERROR", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":14,"amount":0.5}""", "TRANSFER_MINIMUM_PAYMENT", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":14,"amount":5,"currencyId":2}""", "VALIDATION_ERROR", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":14,"amount":5,"currencySymbol":"EUR"}""", "VALIDATION_ERROR", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":14,"amount":5,"customValues":"x"}""", "VALIDATION_ERROR", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":14,"amount":5,"description":{"a":1}}""", "VALIDATION_ERROR", 400)]
    [InlineData("""{"toMemberId":3,"transferTypeId":14,"amount":2000}""", "NOT_ENOUGH_FUNDS", 400)]
    public async Task Validate_reports_the_first_failing_check(string body, string code, int status)
    {
        var jhon = await Wallet.Login();
        (await jhon.Post(Validate, body)).AssertFailure((HttpStatusCode)status, code);
        (await jhon.Post(Confirm, body.Replace("{", """{"transactionPin":"1234",""", StringComparison.Ordinal))).AssertFailure((HttpStatusCode)status, code);
        Assert.Equal(1000.00m, await jhon.Balance());
        Assert.Empty(await Wallet.Ledger());
    }

    [Fact]
    public async Task Funds_are_checked_before_the_PIN_so_a_wrong_PIN_there_costs_no_attempt()
    {
        var penny = await Wallet.Login("55555", "2468");
        for (int i = 0; i < 3; i++)
            (await penny.Post(Confirm, new { toMemberId = 3, amount = 100, transactionPin = "0000" })).AssertFailure(HttpStatusCode.BadRequest, "NOT_ENOUGH_FUNDS");
        (await penny.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "2468" })).AssertSuccess();
    }

    [Fact]
    public async Task The_seed_tenant_confirms_without_a_PIN_but_still_refuses_a_wrong_one_that_is_sent()
    {
        var jhon = await Wallet.Login();
        var login = (await Wallet.LoginRaw("48889", "1234")).AssertSuccess();
        Assert.False(login.Payload("InitialData").GetProperty("requireTransactionPassword").GetBoolean());
        await jhon.Pay(new { transferTypeId = 14, toMemberId = 3, amount = 20 }); // the seed's execute body, as is
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "1111" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_TRANSACTION_PASSWORD");
        Assert.Equal(980.00m, await jhon.Balance());
    }

    [Fact]
    public async Task The_RequireTransactionPin_option_makes_every_confirm_carry_the_PIN()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.RequireTransactionPin = true);
        using var wallet = new WalletClient(server);
        var login = (await wallet.LoginRaw("86888", "5678")).AssertSuccess();
        Assert.True(login.Payload("InitialData").GetProperty("requireTransactionPassword").GetBoolean());
        var avatar = await wallet.Login("86888", "5678");
        (await avatar.Post(Confirm, new { toMemberId = 2, amount = 5 })).AssertFailure(HttpStatusCode.BadRequest, "MISSING_TRANSACTION_PASSWORD");
        await avatar.Pay(new { toMemberId = 2, amount = 5, transactionPin = "5678" });
        Assert.Equal(245.00m, await avatar.Balance());
    }

    [Fact]
    public async Task Confirm_needs_the_PIN_when_required_and_three_wrong_ones_block_it_until_unblocked()
    {
        await Wallet.Control("members/2/require-pin", new { required = true });
        var jhon = await Wallet.Login();
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5 })).AssertFailure(HttpStatusCode.BadRequest, "MISSING_TRANSACTION_PASSWORD");
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "1111" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_TRANSACTION_PASSWORD");
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "1111" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_TRANSACTION_PASSWORD");
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "1111" })).AssertFailure(HttpStatusCode.BadRequest, "BLOCKED_TRANSACTION_PASSWORD");
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "BLOCKED_TRANSACTION_PASSWORD");
        Assert.Equal(1000.00m, await jhon.Balance());

        await Wallet.Control("members/2/unblock");
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPassword = "1234" })).AssertSuccess();
    }

    [Fact]
    public async Task A_reused_trace_number_is_refused_with_the_original_transfer_id_and_books_nothing()
    {
        var jhon = await Wallet.Login();
        var body = new { toMemberId = 3, transferTypeId = 21, amount = 20.00m, transactionPin = "1234", traceNumber = "ORDER-77" };
        long id = await jhon.Pay(body);
        var duplicate = (await jhon.Post(Confirm, body)).AssertFailure(HttpStatusCode.BadRequest, "DUPLICATE_TRACE_NUMBER");
        Assert.Equal($"Trace number 'ORDER-77' was already used by transfer {id}", duplicate.LongMessage);
        (await jhon.Post("payments/confirm/system-payment", new { transferTypeId = 28, amount = 5, transactionPin = "1234", traceNumber = "ORDER-77" }))
            .AssertFailure(HttpStatusCode.BadRequest, "DUPLICATE_TRACE_NUMBER");
        (await jhon.Post(Validate, body)).AssertSuccess(); // validate never books, so it does not look at trace numbers

        Assert.Equal(975.00m, await jhon.Balance());
        Assert.Equal(2, (await Wallet.Ledger()).Length); // the payment and its fee, once

        var avatar = await Wallet.Login("86888", "5678");
        await avatar.Pay(new { toMemberId = 2, amount = 1, transactionPin = "5678", traceNumber = "ORDER-77" }); // per member
    }

    [Fact]
    public async Task A_wrong_PIN_is_reported_before_a_duplicate_trace_number()
    {
        var jhon = await Wallet.Login();
        await jhon.Pay(new { toMemberId = 3, amount = 5, transactionPin = "1234", traceNumber = "T" });
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "9", traceNumber = "T" }))
            .AssertFailure(HttpStatusCode.BadRequest, "INVALID_TRANSACTION_PASSWORD");
    }

    [Fact]
    public async Task Daily_outgoing_maximum_is_5000_per_UTC_day()
    {
        var jhon = await Wallet.Login();
        await WalletMoneyRuleTests.AddMoneyAndSettle(jhon, 6000.00m);
        await jhon.Pay(new { toMemberId = 3, amount = 4000, transactionPin = "1234" });
        (await jhon.Post(Validate, new { toMemberId = 3, amount = 1000.01m })).AssertFailure(HttpStatusCode.BadRequest, "MAX_AMOUNT_PER_DAY_EXCEEDED");
        (await jhon.Post(Validate, new { toMemberId = 3, transferTypeId = 21, amount = 1000 })).AssertFailure(HttpStatusCode.BadRequest, "MAX_AMOUNT_PER_DAY_EXCEEDED");
        await jhon.Pay(new { toMemberId = 3, amount = 1000, transactionPin = "1234" });
        Assert.Equal(2000.00m, await jhon.Balance());

        await Wallet.SetClock(new DateTimeOffset(2024, 1, 19, 0, 5, 0, TimeSpan.Zero));
        var tomorrow = await Wallet.Login();
        (await tomorrow.Post(Validate, new { toMemberId = 3, amount = 1500 })).AssertSuccess();
    }

    [Fact]
    public async Task An_OTP_is_needed_when_the_member_requires_one()
    {
        await Wallet.Control("members/2/require-otp", new { required = true });
        var jhon = await Wallet.Login();
        var quote = (await jhon.Post(Validate, new { toMemberId = 3, amount = 5 })).AssertSuccess().Payload("DoPaymentResult");
        Assert.True(quote.GetProperty("otpEnable").GetBoolean());

        var body = new { toMemberId = 3, amount = 5, transactionPin = "1234", isOtpEnable = "true", otp = "123456" };
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
        (await jhon.Post(Confirm, body)).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP"); // none generated yet

        (await Wallet.Post("members/registration/generate-otp", new { medium = "9555292137", actionType = "Verification", otpToMobile = true })).AssertSuccess();
        (await jhon.Post(Confirm, body with { otp = "000000" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
        await jhon.Pay(body);
        (await jhon.Post(Confirm, body)).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP"); // single use

        (await Wallet.Post("members/registration/generate-otp", new { medium = "9555292137", actionType = "Verification", otpToMobile = true })).AssertSuccess();
        await Wallet.AdvanceMinutes(6);
        (await jhon.Post(Confirm, body)).AssertFailure(HttpStatusCode.BadRequest, "OTP_EXPIRED");
        Assert.Equal(995.00m, await jhon.Balance());
    }

    [Fact]
    public async Task The_RequireOtp_option_applies_to_every_member()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.RequireOtp = true);
        using var wallet = new WalletClient(server);
        var avatar = await wallet.Login("86888", "5678");
        var quote = (await avatar.Post(Validate, new { toMemberId = 2, amount = 5 })).AssertSuccess().Payload("DoPaymentResult");
        Assert.True(quote.GetProperty("otpEnable").GetBoolean());
    }

    [Fact]
    public async Task Required_agreements_block_confirms_only_when_enforced()
    {
        var jhon = await Wallet.Login();
        await jhon.Pay(new { toMemberId = 3, amount = 5, transactionPin = "1234" });
        await Wallet.Control("agreements/enforce", new { enabled = true });
        (await jhon.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "AGREEMENT_NOT_ACCEPTED");
        (await jhon.Post("agreements/accept", new { agreementIds = new[] { 1 } })).AssertSuccess();
        await jhon.Pay(new { toMemberId = 3, amount = 5, transactionPin = "1234" });
    }

    [Fact]
    public async Task A_merchant_wallet_cannot_send_P2P()
    {
        var merchant = await Wallet.Login("9555", "0000");
        (await merchant.Post(Validate, new { toMemberId = 3, amount = 5 })).AssertFailure(HttpStatusCode.BadRequest, "NO_POSSIBLE_TRANSFER_TYPES");
    }

    [Fact]
    public async Task Parallel_confirms_with_one_trace_number_book_exactly_once()
    {
        var jhon = await Wallet.Login();
        var body = new { toMemberId = 3, amount = 10, transactionPin = "1234", traceNumber = "RACE" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => jhon.Post(Confirm, body)));
        Assert.Single(responses, r => r.Ok);
        Assert.All(responses.Where(r => !r.Ok), r => Assert.Equal("DUPLICATE_TRACE_NUMBER", r.Code));
        Assert.Equal(990.00m, await jhon.Balance());
        Assert.Single(await Wallet.Ledger());
    }

    [Fact]
    public async Task Parallel_payments_never_overdraw_a_wallet()
    {
        var penny = await Wallet.Login("55555", "2468");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            penny.Post(Confirm, new { toMemberId = 3, amount = 5, transactionPin = "2468", traceNumber = $"P{i}" })));
        Assert.Equal(4, responses.Count(r => r.Ok));
        Assert.All(responses.Where(r => !r.Ok), r => Assert.Equal("NOT_ENOUGH_FUNDS", r.Code));
        Assert.Equal(0.00m, await penny.Balance());
    }
}
