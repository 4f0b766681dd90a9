using System.Net;
using System.Text.Json.Nodes;
using PayNet.Sandbox.Tests.TopUp;
using Xunit.Abstractions;

namespace PayNet.Sandbox.Tests.Conformance;

/// <summary>
/// The other answers the TopUp pages show besides the one their sample request gets: "Pending" confirms
/// (Direct Recharge without a receipt, International Bridge with <c>"info": []</c> and <c>"receipt": {}</c>),
/// and the PIN object that replaces the empty <c>info</c> for PIN-based products. The sandbox produces each
/// through its scenario accounts (topup.md §12.5); pending shapes must match exactly, members included.
/// </summary>
public sealed class SeedAnswerVariantTests : IClassFixture<SeedSandboxFixture>
{
    private readonly SeedSandboxFixture _fixture;
    private readonly ITestOutputHelper _output;

    public SeedAnswerVariantTests(SeedSandboxFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private static IEnumerable<(SeedPage Page, SeedAnswer Answer)> Answers(Func<SeedAnswer, bool> which)
    {
        string directory = SeedLocator.Require();
        foreach (string file in SeedLocator.Pages(directory))
        {
            var page = SeedPage.Load(file);
            foreach (var answer in page.Answers.Where(which)) yield return (page, answer);
        }
    }

    [Fact]
    public async Task Every_pending_confirm_a_seed_shows_has_exactly_that_shape_in_the_sandbox()
    {
        var pending = Answers(a => a.Heading.Equals("Pending", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(pending.Count >= 2, "seeds 001 and 004 each show a pending confirm");
        foreach (var (page, answer) in pending)
        {
            string product = answer.Json["transaction"]?["service"]?["id"]?.GetValue<string>()
                ?? throw new Xunit.Sdk.XunitException($"{page.File}: the pending answer names no service");
            await _fixture.ResetAsync();
            using var client = new TopUpTestClient(_fixture.Sandbox);
            var confirm = await PendingConfirm(client, product);
            _output.WriteLine($"{page.File} pending {product}: {confirm.Body}");
            Assert.Equal(0, confirm.State);
            var problems = JsonShape.Same(answer.Json, JsonNode.Parse(confirm.Body));
            Assert.True(problems.Count == 0, $"{page.File}: the pending confirm differs from the page:\n  " + string.Join("\n  ", problems));
        }
    }

    [Fact]
    public async Task The_PIN_object_of_PIN_based_products_comes_back_in_info_of_a_voucher_confirm()
    {
        var pins = Answers(a => a.Json is JsonObject o && o.Count == 1 && o["info"] is JsonObject).ToList();
        Assert.NotEmpty(pins);
        foreach (var (page, answer) in pins)
        {
            await _fixture.ResetAsync();
            using var client = new TopUpTestClient(_fixture.Sandbox);
            var check = await client.Check("slk100", "pin-sample-1", "voucher@example.com", 100);
            Assert.Null(check.ErrorCode);
            var confirm = await client.Confirm("pin-sample-1", 100);
            _output.WriteLine(confirm.Body);
            Assert.Equal(1, confirm.State);
            var problems = JsonShape.Covers(answer.Json, JsonNode.Parse(confirm.Body));
            Assert.True(problems.Count == 0, $"{page.File}: " + string.Join("\n  ", problems));
        }
    }

    /// <summary>A confirm that stays pending (account suffix 01) for the product the page's answer names.</summary>
    private static async Task<TopUpReply> PendingConfirm(TopUpTestClient client, string product)
    {
        if (product == "international-bridge")
        {
            var check = await client.Post("/transaction/check", new JsonObject
            {
                ["product"] = product,
                ["fields"] = new JsonObject { ["amount_id"] = "389c9b72d2677970916fac310a36e5a4", ["account"] = "911234567801" },
            });
            Assert.Null(check.ErrorCode);
            return await client.Post("/transaction/confirm", new JsonObject { ["transaction_id"] = check.Id });
        }
        var domestic = await client.Check(product, "pending-sample-1", "971550000001", 50);
        Assert.Null(domestic.ErrorCode);
        return await client.Confirm("pending-sample-1", 50);
    }
}
