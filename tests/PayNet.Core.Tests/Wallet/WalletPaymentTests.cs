using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

public sealed class WalletPaymentTests
{
    private static readonly Regex GeneratedTrace = new("^PNPS-[0-9A-F]{20}$");

    private static WalletTestKit PaymentKit()
    {
        var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/payments/member-payment", WalletSpecExamples.DoPaymentResult);
        return kit;
    }

    [Fact]
    public async Task Validation_parses_the_documented_DoPaymentResult_into_a_flat_quote()
    {
        using var kit = PaymentKit();

        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { TransferTypeId = 21, Description = "Rent" });

        Assert.Equal(100.00m, quote.BaseAmount);
        Assert.Equal(1.00m, quote.TotalFees);
        Assert.Equal("Fixed fee 1.00", quote.FeeSummary);
        Assert.Equal(100.00m, quote.FinalAmount);
        Assert.Equal(101.00m, quote.ConsolidatedAmount);
        Assert.Equal("GHS", quote.Currency);
        Assert.Equal("Alice Mensah", quote.PayerName);
        Assert.Equal("Bob Owusu", quote.PayeeName);
        Assert.Equal(102, quote.ToMemberId);
        Assert.Equal("233200000002", quote.ToMemberPrincipal);
        Assert.Equal(21, quote.TransferTypeId);
        Assert.Equal("Payment with fixed fee", quote.TransferTypeName);
        Assert.Equal("Rent", quote.Description);
        Assert.False(quote.RequiresOtp);
        Assert.False(quote.WouldRequireAuthorization);
        Assert.Matches(GeneratedTrace, quote.TraceNumber);

        var body = WalletTestKit.Body(kit.Fake.To("/payments/member-payment").Single());
        Assert.Equal(21, body.GetProperty("transferTypeId").GetInt32());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("amount").ValueKind);
        Assert.Equal(100m, body.GetProperty("amount").GetDecimal());
        Assert.Equal("233200000002", body.GetProperty("toMemberPrincipal").GetString());
        Assert.Equal(quote.TraceNumber, body.GetProperty("traceNumber").GetString());
        Assert.False(body.GetProperty("isOtpEnable").GetBoolean());
        Assert.False(body.TryGetProperty("transactionPin", out _));
        Assert.False(body.TryGetProperty("toMemberId", out _));
    }

    [Fact]
    public async Task Executing_a_quote_resends_its_fields_with_the_PIN_and_the_same_trace_number()
    {
        using var kit = PaymentKit();
        kit.Fake.OnJson("/payments/confirm/member-payment", WalletSpecExamples.Confirm);

        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { TransferTypeId = 21, Description = "Rent" });
        var receipt = await kit.Client.ExecutePaymentAsync(quote);

        Assert.Equal(90001, receipt.TransferId);
        Assert.Equal("90001", receipt.Id);
        Assert.False(receipt.Pending);
        Assert.Equal(WalletTransferState.Processed, receipt.State);
        Assert.Equal("Processed", receipt.StateName);
        Assert.Equal(100.00m, receipt.Amount);
        Assert.Equal(1.00m, receipt.TotalFees);
        Assert.Equal(100.00m, receipt.FinalAmount);
        Assert.Equal("GHS", receipt.Currency);
        Assert.Equal("Bob Owusu", receipt.PayeeName);
        Assert.Equal(quote.TraceNumber, receipt.TraceNumber);
        Assert.Equal(quote.TraceNumber, ((IPayNetRecord)receipt).Reference);
        Assert.Equal(PayNetApi.Wallet, receipt.Service);
        Assert.False(receipt.Reconciled);

        var confirm = WalletTestKit.Body(kit.Fake.To("/payments/confirm/member-payment").Single());
        Assert.Equal(WalletTestKit.Pin, confirm.GetProperty("transactionPin").GetString());
        Assert.Equal(quote.TraceNumber, confirm.GetProperty("traceNumber").GetString());
        Assert.Equal(21, confirm.GetProperty("transferTypeId").GetInt32());
        Assert.Equal(100m, confirm.GetProperty("amount").GetDecimal());
        Assert.Equal("Rent", confirm.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Amounts_ids_and_flags_sent_as_strings_are_read_as_numbers_and_booleans()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/payments/system-payment", """
            { "status": "true", "payload": { "DoPaymentResult": { "wouldRequireAuthorization": "true", "finalAmount": "200.00",
              "fees": [], "transferType": { "id": "27", "name": "Add Money", "to": { "id": "4", "currency": { "id": "1", "symbol": "$", "name": "USD" } } } } } }
            """);
        kit.Fake.OnJson("/payments/confirm/system-payment", """{ "status": true, "payload": { "ConfirmPaymentResult": { "id": "90007", "pending": "true" } } }""");

        var receipt = await kit.Client.AddMoneyAsync(200m, "Top up");

        Assert.Equal(90007, receipt.TransferId);
        Assert.True(receipt.Pending);
        Assert.Equal(WalletTransferState.Pending, receipt.State);
        Assert.Equal(200.00m, receipt.FinalAmount);
        Assert.Equal("USD", receipt.Currency);
        Assert.Equal(27, receipt.TransferTypeId);
        var confirm = WalletTestKit.Body(kit.Fake.To("/payments/confirm/system-payment").Single());
        Assert.Equal(27, confirm.GetProperty("transferTypeId").GetInt32());
        Assert.False(confirm.TryGetProperty("toMemberPrincipal", out _));
    }

    [Fact]
    public async Task A_caller_trace_number_is_used_and_generated_ones_differ_per_payment()
    {
        using var kit = PaymentKit();

        var own = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 10m) { TraceNumber = "INV-2024-0001" });
        var first = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 10m));
        var second = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 10m));

        Assert.Equal("INV-2024-0001", own.TraceNumber);
        Assert.Matches(GeneratedTrace, first.TraceNumber);
        Assert.Matches(GeneratedTrace, second.TraceNumber);
        Assert.NotEqual(first.TraceNumber, second.TraceNumber);
        Assert.Equal(14, WalletTestKit.Body(kit.Fake.To("/payments/member-payment")[1]).GetProperty("transferTypeId").GetInt32());
    }

    public static TheoryData<string, Func<WalletClient, Task>> BadAmounts => new()
    {
        { "zero", c => c.ValidatePaymentAsync(new WalletPaymentRequest("86888", 0m)) },
        { "negative", c => c.ExecutePaymentAsync(new WalletPaymentRequest("86888", -5m)) },
        { "three decimals", c => c.ExecutePaymentAsync(new WalletPaymentRequest("86888", 10.005m)) },
        { "absurd", c => c.ExecutePaymentAsync(new WalletPaymentRequest(3, 1_000_000_000m)) },
        { "add money", c => c.AddMoneyAsync(10.001m) },
        { "withdraw", c => c.WithdrawAsync(0m, "0123456789") },
        { "qr", c => c.PayQrAsync("PNQR1.x.y", 1.001m) },
        { "qr create", c => c.CreateQrAsync(-1m) },
        { "dispute", c => c.CreateDisputeAsync(90001, WalletDisputeReason.WrongAmount, "too much", 0.001m) },
        { "no payee", c => c.ExecutePaymentAsync(new WalletPaymentRequest { Amount = 5m }) },
    };

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public async Task Bad_amounts_are_refused_before_anything_goes_on_the_wire(string name, Func<WalletClient, Task> call)
    {
        using var kit = new WalletTestKit().WithLogin();

        var error = await Assert.ThrowsAsync<PayNetException>(() => call(kit.Client));

        Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
        Assert.True(kit.Fake.Requests.Count == 0, $"{name}: the handler saw {kit.Fake.Requests.Count} request(s)");
    }

    [Fact]
    public async Task A_quote_that_needs_an_OTP_is_not_executed_without_one()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/payments/member-payment", WalletSpecExamples.DoPaymentResult.Replace("\"isOtpEnable\": false", "\"isOtpEnable\": true"));
        kit.Fake.OnJson("/payments/confirm/member-payment", WalletSpecExamples.Confirm);

        var quote = await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 100m));
        Assert.True(quote.RequiresOtp);
        await Assert.ThrowsAsync<PayNetException>(() => kit.Client.ExecutePaymentAsync(quote));
        Assert.Empty(kit.Fake.To("/payments/confirm/member-payment"));

        await kit.Client.ExecutePaymentAsync(quote, "123456");
        var confirm = WalletTestKit.Body(kit.Fake.To("/payments/confirm/member-payment").Single());
        Assert.True(confirm.GetProperty("isOtpEnable").GetBoolean());
        Assert.Equal("123456", confirm.GetProperty("otp").GetString());
    }

    [Fact]
    public async Task A_confirm_refused_for_an_expired_session_was_not_executed_and_is_replayed_once_with_the_same_trace()
    {
        using var kit = PaymentKit();
        kit.Fake.OnJson("/payments/confirm/member-payment", WalletSpecExamples.SessionExpiredSandbox, 401, times: 1)
            .OnJson("/payments/confirm/member-payment", WalletSpecExamples.Confirm);

        var receipt = await kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m));

        Assert.Equal(90001, receipt.TransferId);
        var confirms = kit.Fake.To("/payments/confirm/member-payment");
        Assert.Equal(2, confirms.Count);
        Assert.Equal(WalletTestKit.Body(confirms[0]).GetProperty("traceNumber").GetString(), WalletTestKit.Body(confirms[1]).GetProperty("traceNumber").GetString());
        Assert.NotEqual(confirms[0].Header("Paynet-Session-Token"), confirms[1].Header("Paynet-Session-Token"));
    }

    [Fact]
    public async Task Duplicate_trace_number_means_an_earlier_attempt_went_through_and_is_reported_as_rejected()
    {
        using var kit = PaymentKit();
        kit.Fake.OnJson("/payments/confirm/member-payment",
            WalletSpecExamples.Failure("DUPLICATE_TRACE_NUMBER", "Trace number already used by transfer 90001"), 400);

        var error = await Assert.ThrowsAsync<PayNetException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { TraceNumber = "INV-77" }));

        Assert.Equal(PayNetErrorCategory.Rejected, error.Category);
        Assert.Equal("DUPLICATE_TRACE_NUMBER", error.ProviderCode);
        Assert.Equal("INV-77", error.Reference);
        Assert.Contains("90001", error.ProviderMessage);
        Assert.Single(kit.Fake.To("/payments/confirm/member-payment"));
    }

    [Fact]
    public async Task Withdraw_names_the_bank_account_in_custom_values()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/payments/system-payment", """{ "status": true, "payload": { "DoPaymentResult": { "finalAmount": 40, "fees": [] } } }""");
        kit.Fake.OnJson("/payments/confirm/system-payment", """{ "status": true, "payload": { "ConfirmPaymentResult": { "id": 90010, "pending": false } } }""");

        var receipt = await kit.Client.WithdrawAsync(40m, "0123456789", "To my bank");

        Assert.Equal(90010, receipt.TransferId);
        var body = WalletTestKit.Body(kit.Fake.To("/payments/confirm/system-payment").Single());
        Assert.Equal(28, body.GetProperty("transferTypeId").GetInt32());
        var custom = body.GetProperty("customValues")[0];
        Assert.Equal("ACCOUNTNUMBER", custom.GetProperty("internalName").GetString());
        Assert.Equal("0123456789", custom.GetProperty("value").GetString());
    }
}
