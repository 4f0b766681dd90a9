using System.Net;
using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.TopUp;

/// <summary>topup.md §7.3 and §8: validation before the wire, and never opening a second transaction for one order.</summary>
public class TopUpMoneySafetyTests
{
    private static TopUpTransaction Checked(string externalId = "order-1", decimal amount = 50m) =>
        new() { Id = "abc-123-def-456", ExternalId = externalId, Product = "et-mc", Account = "971550000000", Amount = amount, AmountCurrency = "AED", State = TopUpState.New };

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.005)]
    public async Task A_bad_AED_amount_is_refused_before_any_request(double raw)
    {
        decimal amount = (decimal)raw;
        var handler = new ScriptedHandler((_, _) => Ok("{}"));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = amount }));
        Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
        await Assert.ThrowsAsync<PayNetException>(() => client.ConfirmAsync(Checked(amount: 50m), amount));
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("et-mc", 3)]        // below amount_min 5
    [InlineData("et-mc", 530)]      // above amount_max 525
    [InlineData("et-mc", 12)]       // not a step of 5 from 5
    [InlineData("itunes_aed_100", 50)] // fixed price 100
    public async Task The_known_catalogue_rules_are_applied_before_any_check(string product, int amount)
    {
        var handler = new ScriptedHandler((_, _) => Ok(ServicesExample));
        using var client = Client(handler);
        await client.GetServicesAsync();
        var error = await Assert.ThrowsAsync<PayNetException>(() => client.CheckAsync(new TopUpRequest { Product = product, Account = "971550000000", Amount = amount }));
        Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
        Assert.Single(handler.Requests); // only the catalogue read
    }

    [Fact]
    public async Task Confirm_refuses_an_amount_other_than_the_checked_one_without_a_request()
    {
        var handler = new ScriptedHandler((_, _) => Ok("{}"));
        using var client = Client(handler);
        await Assert.ThrowsAsync<PayNetException>(() => client.ConfirmAsync(Checked(amount: 50m), 55m));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Check_always_sends_an_external_id_and_generates_one_when_none_is_given()
    {
        var handler = new ScriptedHandler((r, _) => Ok(Tx("abc", r.Json.GetProperty("external_transaction_id").GetString()!, -1)));
        using var client = Client(handler);
        var tx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m });
        Assert.Matches("^pnps-[0-9a-f]{24}$", tx.ExternalId);
        var sent = handler.Requests.Single().Json;
        Assert.Equal(tx.ExternalId, sent.GetProperty("external_transaction_id").GetString());
        Assert.Equal("et-mc", sent.GetProperty("product").GetString());
        Assert.Equal(50m, sent.GetProperty("fields").GetProperty("amount").GetDecimal());
        Assert.Equal("971550000000", sent.GetProperty("fields").GetProperty("customer").GetString());
        Assert.Equal(TopUpState.New, tx.State);
    }

    [Fact]
    public async Task A_confirm_whose_answer_is_lost_is_found_by_external_id_and_never_re_checked()
    {
        var handler = new ScriptedHandler((r, _) => r.Path switch
        {
            "/transaction/check" => Ok(Tx("abc-123-def-456", "order-1", -1)),
            "/transaction/confirm" => ScriptedHandler.Text("<html>500</html>", HttpStatusCode.InternalServerError),
            _ => Ok(Tx("abc-123-def-456", "order-1", 1)),
        });
        using var client = Client(handler);
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "order-1" });
        var done = await client.ConfirmAsync(checkedTx);

        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        Assert.Equal(50m, done.Amount); // kept from the check
        Assert.Equal(new[] { "/transaction/check", "/transaction/confirm", "/transaction/find" }, handler.Paths);
        Assert.Equal("order-1", handler.Requests[2].Json.GetProperty("external_transaction_id").GetString());
    }

    [Fact]
    public async Task Code_60_on_confirm_recovers_the_transaction_info_instead_of_failing()
    {
        var handler = new ScriptedHandler((r, _) => r.Path == "/transaction/confirm"
            ? Error(60, "Service provider error")
            : Ok(Tx("abc-123-def-456", "order-1", 0)));
        using var client = Client(handler);
        var done = await client.ConfirmAsync(Checked());
        Assert.Equal(TopUpState.Pending, done.State);
        Assert.True(done.Reconciled);
        Assert.Equal(1, handler.Paths.Count(p => p == "/transaction/confirm"));
    }

    [Fact]
    public async Task A_transaction_still_New_after_a_lost_confirm_gets_the_same_confirm_again()
    {
        var handler = new ScriptedHandler((r, n) => r.Path switch
        {
            "/transaction/confirm" when n == 1 => ScriptedHandler.Text("bad gateway", HttpStatusCode.BadGateway),
            "/transaction/confirm" => Ok(Tx("abc-123-def-456", "order-1", 1)),
            _ => Ok(Tx("abc-123-def-456", "order-1", -1)),
        });
        using var client = Client(handler);
        var done = await client.ConfirmAsync(Checked());
        Assert.Equal(TopUpState.Success, done.State);
        Assert.True(done.Reconciled);
        var confirms = handler.Requests.Where(r => r.Path == "/transaction/confirm").ToList();
        Assert.Equal(2, confirms.Count);
        Assert.All(confirms, c => Assert.Equal("order-1", c.Json.GetProperty("external_transaction_id").GetString()));
        Assert.NotEqual(confirms[0].Json.GetProperty("auth").GetProperty("key").GetInt64(), confirms[1].Json.GetProperty("auth").GetProperty("key").GetInt64());
    }

    [Fact]
    public async Task When_nothing_can_tell_the_outcome_the_state_is_unknown_with_the_external_id()
    {
        var handler = new ScriptedHandler((r, _) => r.Path == "/transaction/confirm"
            ? ScriptedHandler.Text("oops", HttpStatusCode.InternalServerError)
            : Error(23, "Could not get transaction info"));
        using var client = Client(handler, new TopUpSettings { ReconcileAttempts = 2 });
        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => client.ConfirmAsync(Checked("order-77")));
        Assert.Equal("order-77", error.Reference);
        Assert.Equal(PayNetErrorCategory.StateUnknown, error.Category);
        Assert.Equal(1, handler.Paths.Count(p => p == "/transaction/confirm"));
        Assert.DoesNotContain("/transaction/check", handler.Paths);
    }

    [Fact]
    public async Task A_business_refusal_on_confirm_is_reported_not_reconciled()
    {
        var handler = new ScriptedHandler((_, _) => Error(1001, "Not enough funds"));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.ConfirmAsync(Checked()));
        Assert.Equal(PayNetErrorCategory.LimitsExceeded, error.Category);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_lost_check_is_repeated_only_after_find_says_it_never_arrived()
    {
        var handler = new ScriptedHandler((r, n) => r.Path switch
        {
            "/transaction/check" when n == 1 => ScriptedHandler.Text("unavailable", HttpStatusCode.ServiceUnavailable),
            "/transaction/check" => Ok(Tx("abc", "order-9", -1)),
            _ => Error(22, "External transaction not found"),
        });
        using var client = Client(handler);
        var tx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "order-9" });
        Assert.Equal(TopUpState.New, tx.State);
        Assert.Equal(new[] { "/transaction/check", "/transaction/find", "/transaction/check" }, handler.Paths);
        Assert.All(handler.Requests, r => Assert.Equal("order-9", r.Json.GetProperty("external_transaction_id").GetString()));
    }

    [Fact]
    public async Task A_lost_check_that_did_arrive_is_returned_from_find_without_a_second_check()
    {
        var handler = new ScriptedHandler((r, _) => r.Path == "/transaction/check"
            ? ScriptedHandler.Text("unavailable", HttpStatusCode.ServiceUnavailable)
            : Ok(Tx("abc", "order-10", -1)));
        using var client = Client(handler);
        var tx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "order-10" });
        Assert.True(tx.Reconciled);
        Assert.Equal(("abc", 50m), (tx.Id, tx.Amount!.Value));
        Assert.Equal(1, handler.Paths.Count(p => p == "/transaction/check"));
    }

    [Theory]
    [InlineData(1, PayNetErrorCategory.Authentication)]
    [InlineData(5, PayNetErrorCategory.Authentication)]
    [InlineData(2, PayNetErrorCategory.InvalidArgument)]
    [InlineData(50, PayNetErrorCategory.InvalidArgument)]
    [InlineData(201, PayNetErrorCategory.InvalidArgument)]
    [InlineData(20, PayNetErrorCategory.NotFound)]
    [InlineData(22, PayNetErrorCategory.NotFound)]
    [InlineData(23, PayNetErrorCategory.Unavailable)]
    [InlineData(60, PayNetErrorCategory.Unavailable)]
    [InlineData(101, PayNetErrorCategory.NotFound)]
    [InlineData(105, PayNetErrorCategory.Rejected)]
    [InlineData(1000, PayNetErrorCategory.LimitsExceeded)]
    [InlineData(1001, PayNetErrorCategory.LimitsExceeded)]
    [InlineData(1200, PayNetErrorCategory.Rejected)]
    public async Task Error_codes_map_to_categories_with_the_external_id_whatever_the_HTTP_status(int code, PayNetErrorCategory category)
    {
        var handler = new ScriptedHandler((_, _) => Error(code, "text", status: HttpStatusCode.BadRequest));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "ord-" + code }));
        Assert.Equal(category, error.Category);
        Assert.Equal(code, error.Code);
        Assert.Equal("ord-" + code, error.Reference);
        Assert.Equal(400, error.HttpStatus);
    }
}
