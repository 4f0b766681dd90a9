using System.Net;
using System.Text.Json;

namespace PayNet.Sandbox.Tests.Card;

/// <summary>Marking, add_info, payment creation, capture, capture cancel, pre-auth cancel and escrow (card.md §3.7–§3.12, §4).</summary>
public sealed class CardMutationTests : CardTestBase
{
    private Task<CardReply> Pay(string reference, string amount = "123,45", int transactionType = 1, string pan = "4355084355084358") =>
        Client.Post("/v2/transaction/payment", new Dictionary<string, object>
        {
            ["amount"] = amount, ["reference_no"] = reference, ["card_holder"] = "Test Holder", ["pan"] = pan,
            ["month"] = "12", ["year"] = "26", ["cvc"] = "000", ["instalment"] = 0, ["transaction_type"] = transactionType,
        });

    private static JsonElement[] Entries(JsonElement ledger) => ledger.GetProperty("entries").EnumerateArray().ToArray();

    [Fact]
    public async Task Mark_transferred_hides_the_row_from_untransferred_lists_and_is_idempotent()
    {
        string f08 = await Client.XactIdOf(1000008);
        var first = await Client.Post("/v1/transaction/mark_transferred", new { xact_id = f08, document_no = "ERP-1" });
        Assert.Equal(0, first.Code);
        Assert.Equal("transaction_mark_transferred", first.Json.GetProperty("object_name").GetString());
        Assert.Equal(0, (await Client.Post("/v1/transaction/mark_transferred", new { xact_id = f08 })).Code);
        var list = await Client.Post("/v1/transaction/list", new { datab = "2024-01-16", datbi = "2024-01-17", untransferred = true });
        Assert.Equal(0, list.Json.GetProperty("total").GetInt32());
        Assert.Equal(12, (await Client.Post("/v1/transaction/mark_transferred", new { xact_id = "xk_none" })).Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.Post("/v1/transaction/mark_transferred", new { document_no = "x" })).Status);
    }

    [Fact]
    public async Task Add_info_overwrites_metadata_and_the_new_reference_finds_the_payment()
    {
        string f14 = await Client.XactIdOf(1000014);
        var reply = await Client.Post("/v1/transaction/add_info", new { xact_id = f14, note = "invoice 42", reference_no = "ERP-REF-42", email = "a@b.c" });
        Assert.Equal(0, reply.Code);
        var check = await Client.Post("/v1/transaction/check", new { reference_no = "ERP-REF-42" });
        var row = check.Row();
        Assert.Equal(1000014, row.GetProperty("id").GetInt64());
        Assert.Equal("invoice 42", row.GetProperty("note").GetString());
        Assert.Equal("a@b.c", row.GetProperty("email").GetString());
        Assert.Equal(12, (await Client.Post("/v1/transaction/check", new { reference_no = "RCN-0014" })).Code);
    }

    [Fact]
    public async Task A_payment_is_created_with_the_arithmetic_and_a_repeat_returns_it_with_code_100()
    {
        var first = await Pay("ORDER-1");
        Assert.Equal(0, first.Code);
        Assert.True(first.Json.GetProperty("is_succeed").GetBoolean());
        Assert.Equal(123.45m, first.Json.GetProperty("amount").GetDecimal());
        Assert.Equal(2.47m, first.Json.GetProperty("comission").GetDecimal());
        Assert.Equal(0.44m, first.Json.GetProperty("comission_tax").GetDecimal());
        Assert.Equal(120.54m, first.Json.GetProperty("net_amount").GetDecimal());
        Assert.Equal("435508******4358", first.Json.GetProperty("card_no_masked").GetString());

        var repeat = await Pay("ORDER-1");
        Assert.Equal(100, repeat.Code);
        Assert.Equal("Önceki Başarılı İşlem", repeat.Json.GetProperty("message").GetString());
        Assert.Equal(first.Json.GetProperty("xact_id").GetString(), repeat.Json.GetProperty("xact_id").GetString());
        var entry = Assert.Single(Entries(await Client.Control(HttpMethod.Get, "/ledger")));
        Assert.Equal("Payment", entry.GetProperty("operation").GetString());

        var check = await Client.Post("/v1/transaction/check", new { reference_no = "ORDER-1" });
        Assert.Single(check.Data.EnumerateArray());
    }

    [Fact]
    public async Task A_declined_card_fails_and_a_retry_with_the_same_reference_charges()
    {
        var declined = await Pay("ORDER-2", pan: "4446760701560002");
        Assert.False(declined.Json.GetProperty("is_succeed").GetBoolean());
        Assert.Equal(1, declined.Code);
        var retry = await Pay("ORDER-2");
        Assert.Equal(0, retry.Code);
        Assert.Equal(2, (await Client.Post("/v1/transaction/check", new { reference_no = "ORDER-2" })).Data.GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("1,234")]
    public async Task Absurd_payment_amounts_are_400(string amount)
    {
        var reply = await Pay("ORDER-BAD", amount);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("invalid_request_error", reply.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_pre_auth_is_captured_for_less_once_and_the_capture_can_be_cancelled()
    {
        var preAuth = await Pay("PRE-1", "300,00", transactionType: 3);
        Assert.Equal(3, preAuth.Json.GetProperty("transaction_type").GetInt32());
        Assert.Empty(Entries(await Client.Control(HttpMethod.Get, "/ledger")));

        var capture = await Client.Post("/v1/transaction/capture", new { xact_id = preAuth.Json.GetProperty("xact_id").GetString(), amount = "28000" });
        Assert.Equal(0, capture.Code);
        Assert.Equal(4, capture.Json.GetProperty("transaction_type").GetInt32());
        Assert.Equal(280.00m, capture.Json.GetProperty("amount").GetDecimal());
        Assert.Equal(5.60m, capture.Json.GetProperty("comission").GetDecimal());
        Assert.Equal(1.01m, capture.Json.GetProperty("comission_tax").GetDecimal());
        Assert.Equal(273.39m, capture.Json.GetProperty("net_amount").GetDecimal());
        Assert.Equal(19, (await Client.Post("/v1/transaction/capture", new { reference_no = "PRE-1" })).Code);

        var cancel = await Client.Post("/v1/transaction/capture_reversal", new { xact_id = capture.Json.GetProperty("xact_id").GetString() });
        Assert.Equal(0, cancel.Code);
        Assert.Equal(6, cancel.Json.GetProperty("transaction_type").GetInt32());
        Assert.Equal(19, (await Client.Post("/v1/transaction/capture_reversal", new { xact_id = capture.Json.GetProperty("xact_id").GetString() })).Code);

        var operations = Entries(await Client.Control(HttpMethod.Get, "/ledger")).Select(e => e.GetProperty("operation").GetString());
        Assert.Equal(new[] { "Capture", "CaptureReversal" }, operations);
    }

    [Fact]
    public async Task Capture_checks_the_state_and_the_amount()
    {
        Assert.Equal(19, (await Client.Post("/v1/transaction/capture", new { xact = "1000009" })).Code);
        Assert.Equal(19, (await Client.Post("/v1/transaction/capture", new { reference_no = "RCN-0011" })).Code);
        Assert.Equal(19, (await Client.Post("/v1/transaction/capture", new { reference_no = "RCN-0001" })).Code);
        await Pay("PRE-2", "100,00", transactionType: 3);
        Assert.Equal(1, (await Client.Post("/v1/transaction/capture", new { reference_no = "PRE-2", amount = "10001" })).Code);
        var whole = await Client.Post("/v1/transaction/capture", new { reference_no = "PRE-2" });
        Assert.Equal(100.00m, whole.Json.GetProperty("amount").GetDecimal());
        Assert.Equal(12, (await Client.Post("/v1/transaction/capture", new { reference_no = "NOPE" })).Code);
    }

    [Fact]
    public async Task A_pre_auth_cancel_turns_PR_into_RP_once()
    {
        var preAuth = await Pay("PRE-3", "50,00", transactionType: 3);
        string xactId = preAuth.Json.GetProperty("xact_id").GetString()!;
        var reply = await Client.Post("/v1/transaction/preauth_reversal", new { xact_id = xactId });
        Assert.Equal(0, reply.Code);
        Assert.Equal("transaction_preauth_reversed_request", reply.Json.GetProperty("object_name").GetString());
        Assert.Equal(19, (await Client.Post("/v1/transaction/preauth_reversal", new { xact_id = xactId })).Code);
        var rows = (await Client.Post("/v1/transaction/check", new { reference_no = "PRE-3" })).Data;
        Assert.Equal(new[] { 3, 5 }, rows.EnumerateArray().Select(r => r.GetProperty("transaction_type").GetInt32()));
    }

    [Fact]
    public async Task Escrow_status_update_accepts_approve_and_reject_only()
    {
        Assert.Equal(0, (await Client.Post("/v1/transaction/escrow_status_update", new { xact = "1000001", status = 2, note = "ok" })).Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.Post("/v1/transaction/escrow_status_update", new { xact = "1000001", status = 7 })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.Post("/v1/transaction/escrow_status_update", new { status = 2 })).Status);
        var state = await Client.Control(HttpMethod.Get, "/card/state");
        var f01 = state.GetProperty("transactions").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == 1000001);
        Assert.Equal(2, f01.GetProperty("escrowStatus").GetInt32());
    }

    [Fact]
    public async Task The_global_reset_reloads_the_card_seed()
    {
        await Client.Post("/v1/transaction/mark_transferred", new { xact_id = await Client.XactIdOf(1000008) });
        await Client.Control(HttpMethod.Post, "/card/reversals/3/approve");
        await Pay("ORDER-GONE");
        await Client.Control(HttpMethod.Post, "/reset");

        var list = await Client.Post("/v1/transaction/list", new { datab = "2024-01-16", datbi = "2024-01-17", untransferred = true });
        Assert.Equal(1, list.Json.GetProperty("total").GetInt32());
        Assert.Equal(12, (await Client.Post("/v1/transaction/check", new { reference_no = "ORDER-GONE" })).Code);
        var state = await Client.Control(HttpMethod.Get, "/card/state");
        Assert.Equal(15, state.GetProperty("transactions").GetArrayLength());
        Assert.Equal("pending", state.GetProperty("reversalRequests")[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_card_reset_route_can_change_the_tax_rate()
    {
        await Client.Control(HttpMethod.Post, "/card/reset", new { tax_rate = 0.20m });
        var f01 = await Client.Detail(1000001);
        Assert.Equal(20.00m, f01.GetProperty("comission").GetDecimal());
        Assert.Equal(4.00m, f01.GetProperty("comission_tax").GetDecimal());
        Assert.Equal(976.00m, f01.GetProperty("netAmount").GetDecimal());
    }
}
