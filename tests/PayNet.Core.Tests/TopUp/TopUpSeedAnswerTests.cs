using System.Text.Json;
using PayNet.Core.TopUp;
using PayNet.Core.Tests.Support;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.TopUp;

/// <summary>The confirm and check answers of the seed pages (001, 002, 004), verbatim, read by the client.</summary>
public class TopUpSeedAnswerTests
{
    private const string BridgeSuccess = """
        {
          "transaction": {
            "id": "69d-7c9-5f1-098-494", "state": 1, "error": "", "time": "2026-04-09 20:01:12",
            "service": { "id": "international-bridge", "name": "International Bridge" },
            "account": "911234567890", "amount": "100", "amount_currency": "INR", "price": "4.56", "price_currency": "AED",
            "country_id": "IND", "country_name": "India", "provider_id": "284", "provider_name": "MTNL"
          },
          "info": [],
          "receipt": {
            "header": "International Recharge",
            "subheader": "MTNL",
            "info": "Country: India\nProvider: MTNL\nAccount: +911234567890\nAmount excluding local taxes: INR 100.00",
            "instruction": "If you have any concern about the transaction please do inform us within 5 days.",
            "promo": "",
            "footer": "CUSTOMER SERVICE\nE-MAIL: [email protected]\n\nRECEIPT NUMBER: 69d-7c9-5f1-098-494\n\nThank you for using Paynet"
          }
        }
        """;

    private const string BridgePending = """
        { "transaction": { "id": "69d-7c9-5f1-098-494", "state": 0, "error": "", "time": "2026-04-09 20:01:12",
            "service": { "id": "international-bridge", "name": "International Bridge" } }, "info": [], "receipt": {} }
        """;

    private const string DirectRechargeSuccess = """
        {
          "transaction": { "id": "abc-123-def-456", "external_transaction_id": "order-12345", "state": 1, "time": "2024-01-27 12:00:05",
            "service": { "id": "et-mc", "name": "Etisalat Wasel Prepaid" },
            "account": "971550000000", "amount": 50, "amount_currency": "AED", "price": 50, "price_currency": "AED" },
          "receipt": { "header": "Etisalat", "subheader": "Wasel Prepaid", "info": "Merchant: PAYNET, Terminal ID: 123",
            "instruction": "", "promo": "", "footer": "Customer Service: 800 1234" }
        }
        """;

    private const string DirectRechargePending = """
        { "transaction": { "id": "abc-123-def-456", "external_transaction_id": "order-12345", "state": 0, "time": "2024-01-27 12:00:05",
            "service": { "id": "et-mc", "name": "Etisalat Wasel Prepaid" } } }
        """;

    private static TopUpTransaction Bridge() =>
        new() { Id = "69d-7c9-5f1-098-494", ExternalId = "pnps-1", Product = "international-bridge", Account = "911234567890", Amount = 100m, AmountCurrency = "INR", State = TopUpState.New };

    private static TopUpTransaction Recharge() =>
        new() { Id = "abc-123-def-456", ExternalId = "order-12345", Product = "et-mc", Account = "971550000000", Amount = 50m, AmountCurrency = "AED", State = TopUpState.New };

    [Fact]
    public async Task Seed_001_bridge_success_gives_the_typed_receipt_and_reads_the_empty_info_array_as_no_voucher()
    {
        using var client = Client(new ScriptedHandler((_, _) => Ok(BridgeSuccess)));
        var done = await client.ConfirmAsync(Bridge());
        Assert.Equal(TopUpState.Success, done.State);
        Assert.Equal(("284", "MTNL", 4.56m, "AED"), (done.ProviderId, done.ProviderName, done.Price!.Value, done.PriceCurrency));
        Assert.Null(done.VoucherPin);
        var receipt = done.Receipt!;
        Assert.Equal("International Recharge", receipt.Header);
        Assert.Equal("MTNL", receipt.Subheader);
        Assert.Equal("Country: India\nProvider: MTNL\nAccount: +911234567890\nAmount excluding local taxes: INR 100.00", receipt.Info);
        Assert.Equal("If you have any concern about the transaction please do inform us within 5 days.", receipt.Instruction);
        Assert.Equal("", receipt.Promo);
        Assert.StartsWith("CUSTOMER SERVICE\nE-MAIL:", receipt.Footer);

        string nl = Environment.NewLine;
        Assert.Equal(
            $"International Recharge{nl}MTNL{nl}{nl}Country: India{nl}Provider: MTNL{nl}Account: +911234567890{nl}Amount excluding local taxes: INR 100.00{nl}{nl}" +
            $"If you have any concern about the transaction please do inform us within 5 days.{nl}{nl}" +
            $"CUSTOMER SERVICE{nl}E-MAIL: [email protected]{nl}{nl}RECEIPT NUMBER: 69d-7c9-5f1-098-494{nl}{nl}Thank you for using Paynet",
            receipt.Text);
        Assert.Equal(receipt.Text, receipt.ToString());
    }

    [Fact]
    public async Task Seed_001_bridge_pending_has_no_receipt_and_keeps_what_the_check_said()
    {
        using var client = Client(new ScriptedHandler((_, _) => Ok(BridgePending)));
        var pending = await client.ConfirmAsync(Bridge());
        Assert.Equal(TopUpState.Pending, pending.State);
        Assert.Null(pending.Receipt); // "receipt": {} is no receipt
        Assert.Equal(("911234567890", 100m, "INR"), (pending.Account, pending.Amount!.Value, pending.AmountCurrency));
    }

    [Fact]
    public async Task Seed_001_PIN_object_in_info_gives_the_voucher_pin()
    {
        using var client = Client(new ScriptedHandler((_, _) => Ok("""
            { "transaction": { "id": "x", "external_transaction_id": "v-1", "state": 1 }, "info": { "number": "1234-5678-9012", "serial": "SN-001234" } }
            """)));
        var tx = await client.FindAsync(externalId: "v-1");
        Assert.Equal(("1234-5678-9012", "SN-001234"), (tx.VoucherPin, tx.VoucherSerial));
    }

    [Fact]
    public async Task Seed_004_direct_recharge_success_and_pending()
    {
        using (var client = Client(new ScriptedHandler((_, _) => Ok(DirectRechargeSuccess))))
        {
            var done = await client.ConfirmAsync(Recharge());
            Assert.Equal(TopUpState.Success, done.State);
            Assert.Equal(("Etisalat", "Wasel Prepaid", "Merchant: PAYNET, Terminal ID: 123", "Customer Service: 800 1234"),
                (done.Receipt!.Header, done.Receipt.Subheader, done.Receipt.Info, done.Receipt.Footer));
            Assert.Equal($"Etisalat{Environment.NewLine}Wasel Prepaid{Environment.NewLine}{Environment.NewLine}Merchant: PAYNET, Terminal ID: 123{Environment.NewLine}{Environment.NewLine}Customer Service: 800 1234",
                done.Receipt.Text);
        }
        using (var client = Client(new ScriptedHandler((_, _) => Ok(DirectRechargePending))))
        {
            var pending = await client.ConfirmAsync(Recharge());
            Assert.Equal(TopUpState.Pending, pending.State);
            Assert.Null(pending.Receipt);
            Assert.Equal(50m, pending.Amount);
        }
    }

    [Theory]
    [InlineData("\"receipt\": []")]
    [InlineData("\"receipt\": null")]
    [InlineData("\"receipt\": \"\"")]
    [InlineData("\"info\": \"\"")]
    [InlineData("\"info\": {}")]
    public async Task Receipt_and_info_in_other_forms_than_an_object_are_read_as_absent(string member)
    {
        using var client = Client(new ScriptedHandler((_, _) => Ok($$"""{ "transaction": { "id": "x", "external_transaction_id": "o-1", "state": 0 }, {{member}} }""")));
        var tx = await client.FindAsync(externalId: "o-1");
        Assert.Equal(TopUpState.Pending, tx.State);
        Assert.Null(tx.Receipt);
        Assert.Null(tx.VoucherPin);
    }

    [Fact]
    public async Task A_receipt_seen_once_survives_a_later_answer_without_one()
    {
        int call = 0;
        using var client = Client(new ScriptedHandler((_, _) => Ok(Interlocked.Increment(ref call) == 1
            ? DirectRechargeSuccess
            : """{ "transaction": { "id": "abc-123-def-456", "external_transaction_id": "order-12345", "state": 1 } }""")));
        var done = await client.ConfirmAsync(Recharge());
        var again = (await client.FindAsync(externalId: "order-12345")).MergeFrom(done);
        Assert.Equal("Etisalat", again.Receipt!.Header);
    }

    [Fact]
    public async Task Simulation_is_sent_on_the_check_and_its_confirm_and_the_result_says_so()
    {
        var bodies = new List<JsonElement>();
        using var client = Client(new ScriptedHandler((request, _) =>
        {
            bodies.Add(request.Json);
            return Ok(request.Path.EndsWith("check", StringComparison.Ordinal)
                ? Tx("abc", "sim-1", -1, ",\"simulation\":true")
                : Tx("abc", "sim-1", 1));
        }));
        var checkedTx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "sim-1", Simulation = true });
        Assert.True(checkedTx.Simulation);
        var done = await client.ConfirmAsync(checkedTx);
        Assert.True(done.Simulation); // the confirm answer does not repeat it; the check did
        Assert.EndsWith("(simulation)", done.ToString());
        Assert.True(bodies[0].GetProperty("simulation").GetBoolean());
        Assert.True(bodies[1].GetProperty("simulation").GetBoolean());
    }

    [Fact]
    public async Task A_real_top_up_sends_no_simulation_member()
    {
        var bodies = new List<string>();
        using var client = Client(new ScriptedHandler((request, _) =>
        {
            bodies.Add(request.Body);
            return Ok(request.Path.EndsWith("check", StringComparison.Ordinal) ? Tx("abc", "real-1", -1) : Tx("abc", "real-1", 1));
        }));
        var done = await client.ConfirmAsync(await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = 50m, ExternalId = "real-1" }));
        Assert.False(done.Simulation);
        Assert.All(bodies, b => Assert.DoesNotContain("simulation", b));
    }
}
