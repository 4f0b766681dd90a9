using System.Text.Json;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>The figures of spec §11.4 and the example flows of §12, booked end to end.</summary>
public sealed class WalletMoneyRuleTests : WalletTestBase
{
    public WalletMoneyRuleTests(WalletFixture fixture) : base(fixture) { }

    private static object Payment(int type, object to, decimal amount, string? trace = null) =>
        new { transferTypeId = type, toMemberPrincipal = to.ToString(), amount, transactionPin = "1234", traceNumber = trace };

    private async Task<JsonElement> Quote(WalletUser user, int type, string to, decimal amount) =>
        (await user.Post("payments/member-payment", new { transferTypeId = type, toMemberPrincipal = to, amount }))
            .AssertSuccess().Payload("DoPaymentResult");

    /// <summary>The fee amounts; the seed's previews leave <c>fees</c> out when there are none.</summary>
    private static decimal[] Fees(JsonElement quote) =>
        quote.TryGetProperty("fees", out var fees)
            ? fees.EnumerateArray().Select(f => f.GetProperty("amount").GetDecimal()).ToArray()
            : Array.Empty<decimal>();

    [Fact]
    public async Task P2P_flow_of_section_12_moves_50_from_member_2_to_member_3()
    {
        var jhon = await Wallet.Login();
        var quote = await Quote(jhon, 14, "86888", 50.00m);
        Assert.Equal(50.00m, quote.GetProperty("finalAmount").GetDecimal());
        Assert.Equal(50.00m, quote.GetProperty("consolidatedAmount").GetDecimal());
        Assert.Empty(Fees(quote));
        Assert.False(quote.GetProperty("wouldRequireAuthorization").GetBoolean());
        Assert.Equal(3, quote.GetProperty("to").GetProperty("id").GetInt64());
        Assert.Equal(1000.00m, await jhon.Balance()); // validate books nothing

        var confirm = (await jhon.Post("payments/confirm/member-payment", Payment(14, "86888", 50.00m))).AssertSuccess();
        var result = confirm.Payload("ConfirmPaymentResult");
        Assert.Equal(90001, result.GetProperty("id").GetInt64());
        Assert.False(result.GetProperty("pending").GetBoolean());

        var avatar = await Wallet.Login("86888", "5678");
        Assert.Equal(950.00m, await jhon.Balance());
        Assert.Equal(300.00m, await avatar.Balance());
        Assert.Equal(-50.00m, (await jhon.History())[0].GetProperty("amount").GetDecimal());
        Assert.Equal(50.00m, (await avatar.History())[0].GetProperty("amount").GetDecimal());
        Assert.Equal("950.00", (await jhon.Status()).GetProperty("balance").GetRawText());
    }

    [Fact]
    public async Task Fixed_fee_payment_charges_5_on_top_as_in_the_seed_example()
    {
        var jhon = await Wallet.Login();
        var quote = await Quote(jhon, 21, "86888", 20.00m);
        Assert.Equal(new[] { 5.00m }, Fees(quote));
        Assert.Equal("Fixed Fee", quote.GetProperty("fees")[0].GetProperty("name").GetString());
        Assert.Equal("$5.00", quote.GetProperty("fees")[0].GetProperty("formattedAmount").GetString());
        Assert.Equal(20.00m, quote.GetProperty("finalAmount").GetDecimal());
        Assert.Equal(25.00m, quote.GetProperty("consolidatedAmount").GetDecimal());
        Assert.Equal("$25.00", quote.GetProperty("consolidatedFormatterAmount").GetString());
        Assert.True(quote.GetProperty("showConsolidateAmount").GetBoolean());
        Assert.Equal(21, quote.GetProperty("transferType").GetProperty("id").GetInt64());

        long id = await jhon.Pay(Payment(21, "86888", 20.00m, "FEE-1"));
        Assert.Equal(975.00m, await jhon.Balance());
        Assert.Equal(270.00m, await (await Wallet.Login("86888", "5678")).Balance());

        var ledger = await Wallet.Ledger();
        Assert.Equal(2, ledger.Length);
        Assert.Equal(("FixedFeePayment", "FEE-1", id.ToString(), 20.00m), Entry(ledger[0]));
        Assert.Equal(("Fee", "FEE-1-FEE", (id + 1).ToString(), 5.00m), Entry(ledger[1]));
        Assert.All(ledger, e => Assert.Equal("USD", e.GetProperty("currency").GetString()));
    }

    [Theory]
    [InlineData("250.00", "3.75")]
    [InlineData("33.33", "0.50")]
    [InlineData("1.00", "0.10")]   // 0.015 rounds to 0.02, clamped up to the 0.10 minimum
    [InlineData("100.10", "1.50")] // 1.5015
    public async Task Percentage_fee_is_one_and_a_half_percent_rounded_away_from_zero(string amount, string fee)
    {
        var jhon = await Wallet.Login();
        var quote = await Quote(jhon, 22, "86888", decimal.Parse(amount));
        Assert.Equal(new[] { decimal.Parse(fee) }, Fees(quote));
        Assert.Equal(decimal.Parse(amount) + decimal.Parse(fee), quote.GetProperty("consolidatedAmount").GetDecimal());
    }

    [Fact]
    public async Task Percentage_fee_is_booked_on_top_and_capped_at_50()
    {
        var jhon = await Wallet.Login();
        await jhon.Pay(Payment(22, "86888", 250.00m));
        Assert.Equal(746.25m, await jhon.Balance());
        Assert.Equal(500.00m, await (await Wallet.Login("86888", "5678")).Balance());

        await AddMoneyAndSettle(jhon, 4000.00m);
        Assert.Equal(new[] { 50.00m }, Fees(await Quote(jhon, 22, "86888", 4000.00m)));
    }

    [Fact]
    public async Task DeductFee_makes_the_payee_receive_the_amount_minus_the_fee()
    {
        await Wallet.Control("transfer-types/21", new { deductFee = true });
        var jhon = await Wallet.Login();
        var quote = await Quote(jhon, 21, "86888", 20.00m);
        Assert.Equal(15.00m, quote.GetProperty("finalAmount").GetDecimal());
        Assert.Equal(20.00m, quote.GetProperty("consolidatedAmount").GetDecimal());

        await jhon.Pay(Payment(21, "86888", 20.00m));
        Assert.Equal(980.00m, await jhon.Balance());
        Assert.Equal(265.00m, await (await Wallet.Login("86888", "5678")).Balance());
    }

    [Theory]
    [InlineData("86888")] // the seed pays cashback to member 3, a customer
    [InlineData("9555")]
    public async Task Cashback_preview_shows_no_fees_and_the_credit_is_booked_afterwards_as_its_own_transfer(string payee)
    {
        var jhon = await Wallet.Login();
        decimal payeeBefore = await (await LoginPayee(payee)).Balance();
        var quote = await Quote(jhon, 24, payee, 100.00m);
        Assert.Empty(Fees(quote));
        Assert.Equal(100.00m, quote.GetProperty("baseAmount").GetDecimal());
        Assert.Equal(100.00m, quote.GetProperty("finalAmount").GetDecimal());
        Assert.Equal(100.00m, quote.GetProperty("consolidatedAmount").GetDecimal());
        Assert.Empty(await Wallet.Ledger()); // the preview books nothing

        long id = await jhon.Pay(Payment(24, payee, 100.00m, "CB-1"));
        Assert.Equal(902.00m, await jhon.Balance());
        Assert.Equal(payeeBefore + 100.00m, await (await LoginPayee(payee)).Balance());

        var lines = await jhon.History();
        Assert.Equal(2.00m, lines[0].GetProperty("amount").GetDecimal());
        Assert.Equal("CB-1-CB", lines[0].GetProperty("traceNumber").GetString());
        Assert.Equal(94, lines[0].GetProperty("transferType").GetProperty("id").GetInt64());
        Assert.Equal("Promotions", lines[0].GetProperty("fromSystemAccountName").GetString());
        Assert.Equal(-100.00m, lines[1].GetProperty("amount").GetDecimal());
        var ledger = await Wallet.Ledger();
        Assert.Equal(2, ledger.Length);
        Assert.Equal(("CashbackPayment", "CB-1", id.ToString(), 100.00m), Entry(ledger[0]));
        Assert.Equal(("Cashback", "CB-1-CB", (id + 1).ToString(), 2.00m), Entry(ledger[1]));
    }

    [Theory]
    [InlineData("9555")] // the seed pays the discount to member 4, the merchant
    [InlineData("86888")]
    public async Task Discount_preview_shows_no_fees_the_payee_gets_the_full_amount_and_the_discount_comes_back_afterwards(string payee)
    {
        var jhon = await Wallet.Login();
        decimal payeeBefore = await (await LoginPayee(payee)).Balance();
        var quote = await Quote(jhon, 25, payee, 100.00m);
        Assert.Empty(Fees(quote));
        Assert.Equal(100.00m, quote.GetProperty("baseAmount").GetDecimal());
        Assert.Equal(100.00m, quote.GetProperty("finalAmount").GetDecimal());
        Assert.Equal(100.00m, quote.GetProperty("consolidatedAmount").GetDecimal());

        long id = await jhon.Pay(Payment(25, payee, 100.00m, "DS-1"));
        Assert.Equal(905.00m, await jhon.Balance());
        Assert.Equal(payeeBefore + 100.00m, await (await LoginPayee(payee)).Balance());

        var lines = await jhon.History();
        Assert.Equal(5.00m, lines[0].GetProperty("amount").GetDecimal());
        Assert.Equal("DS-1-DS", lines[0].GetProperty("traceNumber").GetString());
        Assert.Equal(95, lines[0].GetProperty("transferType").GetProperty("id").GetInt64());
        Assert.Equal("Promotions", lines[0].GetProperty("fromSystemAccountName").GetString());
        Assert.Equal(-100.00m, lines[1].GetProperty("amount").GetDecimal());
        var ledger = await Wallet.Ledger();
        Assert.Equal(2, ledger.Length);
        Assert.Equal(("DiscountPayment", "DS-1", id.ToString(), 100.00m), Entry(ledger[0]));
        Assert.Equal(("Discount", "DS-1-DS", (id + 1).ToString(), 5.00m), Entry(ledger[1]));
    }

    [Fact]
    public async Task Cashback_needs_funds_for_the_full_amount_because_the_credit_comes_only_afterwards()
    {
        var penny = await Wallet.Login("55555", "2468"); // 20.00
        (await penny.Post("payments/member-payment", new { transferTypeId = 24, toMemberPrincipal = "86888", amount = 20.01m }))
            .AssertFailure(System.Net.HttpStatusCode.BadRequest, "NOT_ENOUGH_FUNDS");
        await penny.Pay(new { transferTypeId = 24, toMemberPrincipal = "86888", amount = 20.00m });
        Assert.Equal(0.40m, await penny.Balance());
    }

    private Task<WalletUser> LoginPayee(string payee) => payee == "9555" ? Wallet.Login("9555", "0000") : Wallet.Login("86888", "5678");

    [Fact]
    public async Task Loyalty_payment_is_funded_from_the_loyalty_wallet_only()
    {
        var jhon = await Wallet.Login();
        await jhon.Pay(Payment(18, "86888", 60.00m));
        Assert.Equal(40.00m, await jhon.Balance("202"));
        Assert.Equal(1000.00m, await jhon.Balance());
        Assert.Equal(310.00m, await (await Wallet.Login("86888", "5678")).Balance());

        (await jhon.Post("payments/confirm/member-payment", Payment(18, "86888", 50.00m)))
            .AssertFailure(System.Net.HttpStatusCode.BadRequest, "NOT_ENOUGH_FUNDS");
        Assert.Equal(40.00m, await jhon.Balance("202"));
        Assert.Equal(1000.00m, await jhon.Balance());
    }

    [Fact]
    public async Task Insufficient_funds_flow_books_nothing()
    {
        var penny = await Wallet.Login("55555", "2468");
        var refused = (await penny.Post("payments/member-payment", new { transferTypeId = 14, toMemberId = 3, amount = 100.00m }))
            .AssertFailure(System.Net.HttpStatusCode.BadRequest, "NOT_ENOUGH_FUNDS");
        Assert.Contains("$20.00", refused.LongMessage);
        (await penny.Post("payments/confirm/member-payment", new { transferTypeId = 14, toMemberId = 3, amount = 100.00m, transactionPin = "2468" }))
            .AssertFailure(System.Net.HttpStatusCode.BadRequest, "NOT_ENOUGH_FUNDS");
        Assert.Equal(20.00m, await penny.Balance());
        Assert.Empty(await Wallet.Ledger());
        Assert.Empty(await penny.History());
    }

    [Fact]
    public async Task Amounts_ids_and_property_names_are_read_tolerantly()
    {
        var jhon = await Wallet.Login();
        var response = await jhon.Post("payments/confirm/member-payment",
            """{"TransferTypeId":"14","TOMEMBERID":"3","Amount":"10.5","currencyId":"1","transactionPin":"1234"}""");
        response.AssertSuccess();
        Assert.Equal(989.50m, await jhon.Balance());
        (await jhon.Post("payments/member-payment", new { transferTypeId = 14, toMemberId = 3, amount = 1.500m, currencySymbol = "USD" })).AssertSuccess();
    }

    [Theory]
    [InlineData("86888")]       // username
    [InlineData("7836911911")]  // mobile number
    [InlineData("301")]         // account number
    public async Task The_payee_principal_may_be_username_mobile_or_account_number(string principal)
    {
        var jhon = await Wallet.Login();
        var quote = await Quote(jhon, 14, principal, 5.00m);
        Assert.Equal("Avatar S", quote.GetProperty("to").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Transfers_get_sequential_ids_and_PN_transaction_numbers()
    {
        var jhon = await Wallet.Login();
        Assert.Equal(90001, await jhon.Pay(Payment(14, "86888", 1.00m)));
        Assert.Equal(90002, await jhon.Pay(Payment(21, "86888", 1.00m)));
        Assert.Equal(90004, await jhon.Pay(Payment(14, "86888", 1.00m))); // 90003 is the fee of 90002
        var lines = await jhon.History();
        Assert.Equal(new[] { "PN20240118000004", "PN20240118000003", "PN20240118000002", "PN20240118000001" },
            lines.Select(l => l.GetProperty("transactionNumber").GetString()).ToArray());
    }

    internal static async Task AddMoneyAndSettle(WalletUser user, decimal amount)
    {
        var confirm = (await user.Post("payments/confirm/system-payment", new { transferTypeId = 27, amount, transactionPin = "1234" })).AssertSuccess();
        long id = confirm.Payload("ConfirmPaymentResult").GetProperty("id").GetInt64();
        await user.Client.Control($"transfers/{id}/confirm");
    }

    internal static (string, string, string, decimal) Entry(JsonElement e) => (
        e.GetProperty("operation").GetString()!, e.GetProperty("reference").GetString()!,
        e.GetProperty("transactionId").GetString()!, e.GetProperty("amount").GetDecimal());
}
