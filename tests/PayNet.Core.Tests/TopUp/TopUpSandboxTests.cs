using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpSandboxFixture;

namespace PayNet.Core.Tests.TopUp;

/// <summary>The client against the sandbox: every state of topup.md §6 through the magic suffixes of §12.5.</summary>
public class TopUpSandboxTests : IClassFixture<TopUpSandboxFixture>
{
    private readonly TopUpSandboxFixture _sandbox;

    public TopUpSandboxTests(TopUpSandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<TopUpTransaction> TopUpAsync(TopUpClient client, string suffix, string product = "et-mc", decimal amount = 50m)
    {
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = product, Account = Mobile(suffix), Amount = amount, ExternalId = NewOrder() });
        Assert.Equal(TopUpState.New, checkedTx.State);
        Assert.False(string.IsNullOrEmpty(checkedTx.Id));
        var confirmed = await client.ConfirmAsync(checkedTx);
        return await client.WaitForFinalStateAsync(confirmed);
    }

    [Theory]
    [InlineData("00", TopUpState.Success, null)]
    [InlineData("01", TopUpState.Success, null)]
    [InlineData("02", TopUpState.Failed, "Operator declined")]
    [InlineData("03", TopUpState.Failed, "Provider rejected the account")]
    [InlineData("04", TopUpState.Success, null)]
    [InlineData("05", TopUpState.Cancelled, null)]
    [InlineData("06", TopUpState.Replaced, null)]
    public async Task Each_progression_suffix_ends_in_its_final_state(string suffix, TopUpState expected, string? error)
    {
        using var client = _sandbox.Client();
        var progress = new List<TopUpPollStatus>();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile(suffix), Amount = 50m });
        var confirmed = await client.ConfirmAsync(checkedTx);
        var done = await client.WaitForFinalStateAsync(confirmed, new Progress(progress));

        Assert.Equal(expected, done.State);
        Assert.Equal(checkedTx.ExternalId, done.ExternalId);
        Assert.Equal(checkedTx.Id, done.Id);
        if (error is not null) Assert.Equal(error, done.Error);
        if (suffix is "01" or "04" or "05" or "06") Assert.NotEmpty(progress);
        if (suffix == "04") Assert.Equal(TopUpState.Paused, confirmed.State);
        if (suffix is "01" or "02") Assert.Equal(TopUpState.Pending, confirmed.State);
        if (expected == TopUpState.Success) Assert.Contains("RECEIPT NUMBER: " + done.Id, done.Receipt!.Footer);
        else Assert.Null(done.Receipt);
    }

    [Theory]
    [InlineData("07", TopUpState.Pending)]
    [InlineData("08", TopUpState.Paused)]
    public async Task A_transaction_that_never_ends_times_out_with_its_external_id(string suffix, TopUpState stuck)
    {
        using var client = _sandbox.Client();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile(suffix), Amount = 50m });
        var confirmed = await client.ConfirmAsync(checkedTx);
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.WaitForFinalStateAsync(confirmed, timeout: TimeSpan.FromMilliseconds(600)));
        Assert.Equal(PayNetErrorCategory.Timeout, error.Category);
        Assert.Equal(checkedTx.ExternalId, error.Reference);
        Assert.Equal(stuck, (await client.FindAsync(externalId: checkedTx.ExternalId)).State);
    }

    [Theory]
    [InlineData("10", 201, PayNetErrorCategory.InvalidArgument)]
    [InlineData("11", 50, PayNetErrorCategory.InvalidArgument)]
    [InlineData("12", 1200, PayNetErrorCategory.Rejected)]
    public async Task Check_refusals_carry_code_category_and_external_id(string suffix, int code, PayNetErrorCategory category)
    {
        using var client = _sandbox.Client();
        string order = NewOrder();
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile(suffix), Amount = 50m, ExternalId = order }));
        Assert.Equal((code, category, order), (error.Code, error.Category, error.Reference));
        if (code == 1200) Assert.Equal("This customer is banned", error.DisplayError);
    }

    [Theory]
    [InlineData("13", 1001)]
    [InlineData("14", 1000)]
    public async Task Confirm_limit_refusals_are_LimitsExceeded_and_move_no_money(string suffix, int code)
    {
        using var client = _sandbox.Client();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile(suffix), Amount = 50m });
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.ConfirmAsync(checkedTx));
        Assert.Equal((code, PayNetErrorCategory.LimitsExceeded, checkedTx.ExternalId), (error.Code, error.Category, error.Reference));
        Assert.Empty(await _sandbox.Control.LedgerForAsync(checkedTx.ExternalId, checkedTx.Id));
    }

    [Fact]
    public async Task Code_60_on_confirm_is_recovered_and_executes_once()
    {
        using var client = _sandbox.Client();
        var done = await TopUpAsync(client, "20");
        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        Assert.Single(await _sandbox.Control.LedgerForAsync(done.ExternalId, done.Id));
    }

    [Theory]
    [InlineData("21")]
    [InlineData("22")]
    public async Task Find_retries_the_codes_the_docs_say_to_retry(string suffix)
    {
        using var client = _sandbox.Client();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile(suffix), Amount = 50m });
        await client.ConfirmAsync(checkedTx);
        var found = await client.FindAsync(externalId: checkedTx.ExternalId);
        var done = await client.WaitForFinalStateAsync(found);
        Assert.Equal(TopUpState.Success, done.State);
    }

    [Fact]
    public async Task A_confirm_answered_with_a_non_JSON_500_is_reconciled_without_a_second_check_or_debit()
    {
        using var client = _sandbox.Client();
        var done = await TopUpAsync(client, "23");
        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        Assert.Single(await _sandbox.Control.LedgerForAsync(done.ExternalId, done.Id));
    }

    [Fact]
    public async Task A_confirm_slower_than_the_client_timeout_is_reconciled_by_find()
    {
        // The first find comes after the 1.5 s the sandbox takes, so it sees the committed state.
        using var client = _sandbox.Client(configure: o => { o.Timeout = TimeSpan.FromMilliseconds(500); o.RetryBaseDelay = TimeSpan.FromMilliseconds(1300); });
        var done = await TopUpAsync(client, "24");
        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        Assert.Single(await _sandbox.Control.LedgerForAsync(done.ExternalId, done.Id));
    }

    [Fact]
    public async Task A_check_lost_to_a_503_is_repeated_after_find_says_it_never_arrived()
    {
        using var client = _sandbox.Client();
        string order = NewOrder();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = Mobile("25"), Amount = 50m, ExternalId = order });
        Assert.Equal((TopUpState.New, order), (checkedTx.State, checkedTx.ExternalId));
        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));
        Assert.Equal(TopUpState.Success, done.State);
    }

    [Fact]
    public async Task A_voucher_delivers_its_PIN_serial_and_reference()
    {
        using var client = _sandbox.Client();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "slk100", Account = "voucher@example.com", Amount = 100m });
        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Matches(@"^\d{4}-\d{4}-\d{4}-\d{4}$", done.VoucherPin);
        Assert.Matches(@"^SN\d{9}$", done.VoucherSerial);
        Assert.Matches(@"^\d{10}$", done.VoucherReference);
        var again = await client.FindAsync(externalId: done.ExternalId);
        Assert.Equal(done.VoucherPin, again.VoucherPin);
    }

    [Fact]
    public async Task A_voucher_without_a_serial_still_has_its_PIN()
    {
        using var client = _sandbox.Client();
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "slk50", Account = "voucher30@example.com", Amount = 50m });
        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));
        Assert.Equal(TopUpState.Success, done.State);
        Assert.NotNull(done.VoucherPin);
        Assert.Null(done.VoucherSerial);
    }

    [Fact]
    public async Task The_catalogue_balance_and_point_info_read_and_a_success_debits_the_balance()
    {
        using var client = _sandbox.Client();
        var products = await client.GetServicesAsync();
        var etisalat = Assert.Single(products, p => p.Id == "et-mc");
        Assert.Equal((5m, 525m, 5m, false), (etisalat.AmountMin!.Value, etisalat.AmountMax!.Value, etisalat.AmountStep!.Value, etisalat.IsPinBased));
        Assert.Contains(products, p => p.Id == "itunes_aed_100" && p.IsPinBased && p.IsFixedPrice);
        Assert.Contains(products, p => !p.Active);
        Assert.Equal(_sandbox.Server.Options.TopUp.PosId.ToString(), (await client.GetPointInfoAsync()).PosId);

        var before = await client.GetBalanceAsync();
        Assert.Equal("AED", before.Currency);
        var done = await TopUpAsync(client, "00", amount: 25m);
        var after = await client.GetBalanceAsync();
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Equal(before.Main - (done.Price ?? 25m), after.Main);
    }

    [Fact]
    public async Task An_inactive_product_is_refused_by_the_catalogue_before_the_check()
    {
        using var client = _sandbox.Client();
        var inactive = (await client.GetServicesAsync()).First(p => !p.Active);
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.CheckAsync(new TopUpRequest { Product = inactive.Id, Account = Mobile("00"), Amount = inactive.AmountMin ?? 10m }));
        Assert.Equal(PayNetErrorCategory.NotFound, error.Category);
    }

    [Fact]
    public async Task An_inactive_product_unknown_to_the_client_is_refused_by_Paynet_with_101()
    {
        using var client = _sandbox.Client();
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.CheckAsync(new TopUpRequest { Product = "test-inactive", Account = Mobile("00"), Amount = 10m }));
        Assert.Equal((101, PayNetErrorCategory.NotFound), (error.Code, error.Category));
    }

    [Fact]
    public async Task Legacy_international_walks_countries_operators_denominations_check_and_confirm()
    {
        using var client = _sandbox.Client(new TopUpSettings { InternationalVariant = TopUpInternationalVariant.Legacy, PollInitialInterval = TimeSpan.FromMilliseconds(20), PollMaxInterval = TimeSpan.FromMilliseconds(80) });
        var countries = await client.GetIntlCountriesAsync();
        Assert.Equal(new[] { "Burundi", "Pakistan", "Uganda" }, countries.Select(c => c.Name).Order());
        var operators = await client.GetIntlOperatorsAsync("74");
        Assert.Contains(operators, o => o.Id == "46" && o.Name == "Ufone Pakistan");
        var denominations = await client.GetIntlDenominationsAsync("46");
        var first = denominations.First();
        Assert.Equal("PKR", first.Currency);

        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = client.Settings.InternationalProductId, Account = "+923001234500" });
        Assert.NotNull(checkedTx.OfferedAmounts);
        var offer = checkedTx.GetOfferedDenominations().First();
        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx, offer.Amount, offer.TypeId ?? 1));
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Equal(offer.Amount, done.Amount);
    }

    [Fact]
    public async Task International_Bridge_walks_the_catalogue_and_tops_up_by_amount_id()
    {
        using var client = _sandbox.Client();
        Assert.Contains(await client.GetBridgeCategoriesAsync(), c => c.Id == "mobile-airtime" && c.ParentId == "mobile");
        Assert.Contains(await client.GetBridgeCountriesAsync(), c => c.Id == "IND" && c.Currency == "INR");
        var providers = await client.GetBridgeProvidersAsync("IND");
        Assert.Contains(providers, p => p.Id == "56" && p.Name == "Airtel");
        Assert.Contains(providers, p => p.Id == "284" && p.Name == "MTNL"); // seed 001
        var amounts = await client.GetBridgeAmountsAsync("284");
        var airtime = Assert.Single(amounts, a => a.AmountId == "389c9b72d2677970916fac310a36e5a4");
        Assert.Equal((100m, "INR", 4.56m, "mobile-airtime"), (airtime.Amount!.Value, airtime.AmountCurrency, airtime.Price!.Value, airtime.CategoryId));

        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "international-bridge", AmountId = airtime.AmountId, Account = "911234567800" });
        var done = await client.WaitForFinalStateAsync(await client.ConfirmAsync(checkedTx));
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Equal((100m, "INR", 4.56m), (done.Amount!.Value, done.AmountCurrency, done.Price!.Value));
        Assert.Equal("International Recharge", done.Receipt!.Header);
        Assert.Equal("MTNL", done.Receipt.Subheader);

        var wrongCountry = await Assert.ThrowsAsync<TopUpApiException>(() => client.CheckAsync(new TopUpRequest { Product = "international-bridge", AmountId = airtime.AmountId, Account = "441234567800" }));
        Assert.Equal(201, wrongCountry.Code);
    }

    [Fact]
    public async Task Sixteen_concurrent_callers_on_one_POS_all_get_through_strict_keys()
    {
        using var first = _sandbox.Client();
        using var second = _sandbox.Client();
        var balances = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? first : second).GetBalanceAsync()));
        Assert.All(balances, b => Assert.Equal("AED", b.Currency));
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_error()
    {
        var options = Support.TestOptions.Fast(_sandbox.Server.TopUpUri);
        using var client = new TopUpClient(new TopUpCredentials(_sandbox.Server.Options.TopUp.PosId, new Security.SecretString("not-the-token")), options);
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.GetBalanceAsync());
        Assert.Equal((1, PayNetErrorCategory.Authentication), (error.Code, error.Category));
    }

    private sealed class Progress : IProgress<TopUpPollStatus>
    {
        private readonly List<TopUpPollStatus> _into;
        public Progress(List<TopUpPollStatus> into) => _into = into;
        public void Report(TopUpPollStatus value) { lock (_into) _into.Add(value); }
    }
}
