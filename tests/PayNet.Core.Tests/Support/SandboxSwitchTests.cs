using PayNet.Core.Card;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Support;

/// <summary>The sandbox's alternative readings of undocumented behaviour; the clients handle both.</summary>
public class CardTopUpSandboxSwitchTests
{
    [Fact]
    public async Task TopUp_error_envelopes_sent_with_HTTP_400_map_the_same_way()
    {
        await using var server = await SandboxServer.StartAsync(o => o.TopUp.ErrorHttpStatus = 400);
        using var client = new TopUpClient(new TopUpCredentials(server.Options.TopUp.PosId, new SecretString(server.Options.TopUp.Token)), TestOptions.Fast(server.TopUpUri));
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971555555512", Amount = 50m, ExternalId = "switch-1" }));
        Assert.Equal((1200, PayNetErrorCategory.Rejected, 400, "switch-1"), (error.Code, error.Category, error.HttpStatus, error.Reference));
        var missing = await Assert.ThrowsAsync<TopUpApiException>(() => client.FindAsync(externalId: "never-sent"));
        Assert.Equal((22, PayNetErrorCategory.NotFound), (missing.Code, missing.Category));
    }

    [Fact]
    public async Task Card_not_found_as_HTTP_404_is_NotFound_for_lookups_and_empty_for_lists()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Card.NotFoundMode = "http404");
        using var client = new CardClient(new SecretString(server.Options.Card.SecretKey), TestOptions.Fast(server.CardUri));
        var error = await Assert.ThrowsAnyAsync<PayNetException>(() => client.CheckAsync(referenceNo: "NO-SUCH-REF"));
        Assert.Equal(PayNetErrorCategory.NotFound, error.Category);
        int rows = 0;
        await foreach (var _ in client.ListAsync(new CardListQuery { From = new DateTime(2020, 1, 1), To = new DateTime(2020, 1, 2) })) rows++;
        Assert.Equal(0, rows);
    }
}
