using System.Net;
using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.TopUp;

/// <summary>
/// TopUp answers are read once, from bytes, into the operation's shape, which also carries the error
/// envelope: an error is still told from a transaction, whatever else the answer holds.
/// </summary>
public class TopUpAnswerOnceTests
{
    [Fact]
    public async Task A_find_answer_with_an_empty_error_string_at_the_root_is_the_transaction()
    {
        // "error": "" at the root is not the error envelope (only an object is).
        using var client = Client(new ScriptedHandler((_, _) => Ok("""{"error":"","transaction":{"id":"t-1","external_transaction_id":"order-1","state":1,"amount":"12,50"}}""")));

        var tx = await client.FindAsync(externalId: "order-1");

        Assert.Equal(("t-1", "order-1", TopUpState.Success), (tx.Id, tx.ExternalId, tx.State));
    }

    [Fact]
    public async Task The_error_envelope_after_other_members_is_still_an_error_with_its_code()
    {
        using var client = Client(new ScriptedHandler((_, _) => Ok("""{"transaction":null,"error":{"code":"22","message":"External transaction not found"}}""")));

        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.FindAsync(externalId: "order-1"));

        Assert.Equal(22, error.Code);
        Assert.Equal(PayNetErrorCategory.NotFound, error.Category);
    }

    [Fact]
    public async Task A_balance_answer_is_read_in_its_own_shape()
    {
        using var client = Client(new ScriptedHandler((_, _) => Ok("""{"currency":"AED","wallets":{"main":"1.234,50","bonus":2}}""")));

        var balance = await client.GetBalanceAsync();

        Assert.Equal("AED", balance.Currency);
        Assert.Equal(1234.50m, balance.Main);
    }

    [Fact]
    public async Task A_transaction_that_does_not_fit_its_shape_is_unavailable_not_a_json_error()
    {
        using var client = Client(new ScriptedHandler((_, _) => Ok("""{"transaction":[1,2,3]}""")));

        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => client.FindAsync(externalId: "order-1"));

        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
    }
}
