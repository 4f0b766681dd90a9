using System.Net.Http;
using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

/// <summary>A confirm whose answer is lost is looked up, never re-sent.</summary>
public sealed class WalletReconciliationTests
{
    private const string ConfirmPath = "/payments/confirm/member-payment";

    private const string OneDefaultAccount = """{ "status": true, "payload": { "MemberAccounts": [ { "id": 201, "isDefault": true } ] } }""";

    private static WalletTestKit Kit(Func<CapturedRequest, HttpResponseMessage> confirm, int maxRetries = 3, string accounts = OneDefaultAccount)
    {
        var kit = new WalletTestKit(maxRetries).WithLogin();
        kit.Fake.OnJson("/payments/member-payment", WalletSpecExamples.DoPaymentResult);
        kit.Fake.On(ConfirmPath, confirm);
        // One account, the default: the settle reads the others only when the default shows nothing.
        kit.Fake.OnJson("/accounts", accounts);
        return kit;
    }

    private static string TraceOfConfirm(WalletTestKit kit) =>
        WalletTestKit.Body(kit.Fake.To(ConfirmPath).Single()).GetProperty("traceNumber").GetString()!;

    /// <summary>History answers with one unrelated line and, when asked to, the line of the lost confirm.</summary>
    private static void HistoryContainingConfirm(WalletTestKit kit, bool includeIt)
    {
        kit.Fake.On("/accounts/default/history", request =>
        {
            var lines = new List<string> { WalletSpecExamples.HistoryLine(90000, "-5.00", "PNPS-OTHER0000000000000000") };
            if (includeIt) lines.Insert(0, WalletSpecExamples.HistoryLine(90001, "-100.00", TraceOfConfirm(kit), description: "Rent",
                typeId: 21, currency: "GHS", memberId: 102, username: "233200000002"));
            return FakeHandler.Json(200, WalletSpecExamples.HistoryPage(0, 50, lines.Count, lines.ToArray()));
        });
    }

    public static TheoryData<string, Func<CapturedRequest, HttpResponseMessage>> LostAnswers => new()
    {
        { "connection dropped", _ => throw new HttpRequestException("The response ended prematurely.", new IOException("connection reset")) },
        { "HTTP 500 after send", _ => FakeHandler.Json(500, WalletSpecExamples.Failure("INTERNAL_ERROR", "boom")) },
        { "HTTP 504", _ => FakeHandler.Text(504, "<html><body>Gateway Timeout</body></html>") },
        { "truncated body", _ => FakeHandler.Json(200, WalletSpecExamples.Confirm.Substring(0, 40)) },
        { "success without an id", _ => FakeHandler.Json(200, """{ "status": true, "payload": {} }""") },
    };

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_lost_answer_is_reconciled_from_the_history_by_trace_number_without_resending(string name, Func<CapturedRequest, HttpResponseMessage> confirm)
    {
        using var kit = Kit(confirm);
        HistoryContainingConfirm(kit, includeIt: true);

        var receipt = await kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" });

        Assert.True(receipt.Reconciled, name);
        Assert.Equal(90001, receipt.TransferId);
        Assert.Equal(WalletTransferState.Processed, receipt.State);
        Assert.Equal(TraceOfConfirm(kit), receipt.TraceNumber);
        Assert.Equal(100m, receipt.Amount);
        Assert.Equal(new DateTimeOffset(2024, 2, 18, 10, 15, 30, TimeSpan.Zero), receipt.Time);
        Assert.Single(kit.Fake.To(ConfirmPath));
    }

    /// <summary>Lost answers that prove nothing about the server having finished: no answer, a gateway's 504, an unreadable 200.</summary>
    public static TheoryData<string, Func<CapturedRequest, HttpResponseMessage>> AnswersThatProveNothing => new()
    {
        { "connection dropped", _ => throw new HttpRequestException("The response ended prematurely.", new IOException("connection reset")) },
        { "HTTP 504", _ => FakeHandler.Text(504, "<html><body>Gateway Timeout</body></html>") },
        { "truncated body", _ => FakeHandler.Json(200, WalletSpecExamples.Confirm.Substring(0, 40)) },
        { "success without an id", _ => FakeHandler.Json(200, """{ "status": true, "payload": {} }""") },
    };

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_500_or_503_answer_with_nothing_in_the_history_is_reported_not_booked_and_never_resent(int status)
    {
        using var kit = Kit(_ => FakeHandler.Json(status, WalletSpecExamples.Failure("INTERNAL_ERROR", "boom")));
        HistoryContainingConfirm(kit, includeIt: false);

        var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" }));

        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(TraceOfConfirm(kit), error.Reference);
        Assert.Contains("not booked", error.Message);
        Assert.Single(kit.Fake.To(ConfirmPath));
    }

    [Fact]
    public async Task A_payment_the_default_account_does_not_show_is_found_in_the_members_other_account()
    {
        // A loyalty payment is paid from the loyalty wallet: the default account's history alone would make a booked
        // payment "not booked" after a 500, and the advice to send it again would pay twice.
        using var kit = Kit(_ => FakeHandler.Json(500, WalletSpecExamples.Failure("INTERNAL_ERROR", "boom")),
            accounts: """{ "status": true, "payload": { "MemberAccounts": [ { "id": 201, "isDefault": true }, { "id": 202, "isDefault": false } ] } }""");
        kit.Fake.OnJson("/accounts/default/history", WalletSpecExamples.HistoryPage(0, 50, 1, WalletSpecExamples.HistoryLine(90000, "-5.00", "PNPS-OTHER0000000000000000")));
        kit.Fake.On("/accounts/202/history", _ => FakeHandler.Json(200, WalletSpecExamples.HistoryPage(0, 50, 1,
            WalletSpecExamples.HistoryLine(90001, "-100.00", TraceOfConfirm(kit), description: "Rent", typeId: 21, currency: "GHS", memberId: 102, username: "233200000002"))));

        var receipt = await kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" });

        Assert.True(receipt.Reconciled);
        Assert.Equal(90001, receipt.TransferId);
        Assert.Single(kit.Fake.To(ConfirmPath));
    }

    [Fact]
    public async Task A_500_on_a_busy_account_whose_newest_lines_are_all_recent_is_state_unknown_not_not_booked()
    {
        // 200 lines (the scan's cap) all from the last minutes: the booking could sit below them, so nothing found is
        // "not yet", never "not booked".
        using var kit = Kit(_ => FakeHandler.Json(500, WalletSpecExamples.Failure("INTERNAL_ERROR", "boom")));
        string now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff") + "+0000";
        kit.Fake.On("/accounts/default/history", request =>
        {
            var match = System.Text.RegularExpressions.Regex.Match(request.Uri.Query, "currentPage=(\\d+)");
            int n = match.Success ? int.Parse(match.Groups[1].Value) : 0;
            var page = Enumerable.Range(0, 50).Select(i => WalletSpecExamples.HistoryLine(80000 - n * 50 - i, "5.00", $"IN-{n}-{i}", date: now)).ToArray();
            return FakeHandler.Json(200, WalletSpecExamples.HistoryPage(n, 50, 1000, page));
        });

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" }));

        Assert.Equal(TraceOfConfirm(kit), error.Reference);
        Assert.Contains("all of them recent", error.Message);
        Assert.Single(kit.Fake.To(ConfirmPath));
    }

    [Theory]
    [MemberData(nameof(AnswersThatProveNothing))]
    public async Task A_lost_answer_with_nothing_in_the_history_is_state_unknown_with_the_trace_as_reference(string name, Func<CapturedRequest, HttpResponseMessage> confirm)
    {
        using var kit = Kit(confirm);
        HistoryContainingConfirm(kit, includeIt: false);

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" }));

        Assert.Equal(PayNetErrorCategory.StateUnknown, error.Category);
        Assert.Equal(TraceOfConfirm(kit), error.Reference);
        Assert.Contains(error.Reference!, error.Message);
        Assert.True(kit.Fake.To(ConfirmPath).Count == 1, name);
    }

    [Fact]
    public async Task When_the_history_lookup_fails_too_the_state_is_unknown()
    {
        using var kit = Kit(_ => throw new HttpRequestException("reset", new IOException("reset")), maxRetries: 0);
        kit.Fake.On("/accounts/default/history", _ => FakeHandler.Text(502, "<html>Bad Gateway</html>"));

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m)));

        Assert.Equal(TraceOfConfirm(kit), error.Reference);
        Assert.Single(kit.Fake.To(ConfirmPath));
    }

    [Fact]
    public async Task Amount_and_description_never_match_when_the_history_carries_trace_numbers()
    {
        // The line has the same amount and description but another trace: it is an earlier payment, not ours.
        using var kit = Kit(_ => FakeHandler.Json(503, WalletSpecExamples.Failure("SERVICE_UNAVAILABLE", "down")));
        string now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff") + "+0000";
        kit.Fake.OnJson("/accounts/default/history", WalletSpecExamples.HistoryPage(0, 50, 1,
            WalletSpecExamples.HistoryLine(89999, "-100.00", "PNPS-EARLIER000000000000", date: now, description: "Rent")));

        var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" }));
        // Not the earlier payment: after the 503 the history has nothing under this trace number, so it was not booked.
        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.Contains("not booked", error.Message);
    }

    [Fact]
    public async Task Without_the_trace_number_in_the_history_amount_and_description_alone_never_claim_a_match()
    {
        // Issue 13: a reconciliation must name the reference exactly; a look-alike line may be an earlier payment.
        using var kit = Kit(_ => throw new HttpRequestException("reset", new IOException("reset")));
        string now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff") + "+0000";
        kit.Fake.OnJson("/accounts/default/history", WalletSpecExamples.HistoryPage(0, 50, 2,
            WalletSpecExamples.HistoryLine(90005, "-100.00", null, date: now, description: "Rent"),
            WalletSpecExamples.HistoryLine(90004, "-100.00", null, date: "2024-01-01T10:00:00.000+0000", description: "Rent")));

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" }));

        Assert.Equal(TraceOfConfirm(kit), error.Reference);
    }

    [Fact]
    public async Task A_history_line_with_the_trace_number_in_other_letter_case_is_not_this_payment()
    {
        using var kit = Kit(_ => FakeHandler.Json(500, WalletSpecExamples.Failure("INTERNAL_ERROR", "boom")));
        kit.Fake.On("/accounts/default/history", _ => FakeHandler.Json(200, WalletSpecExamples.HistoryPage(0, 50, 1,
            WalletSpecExamples.HistoryLine(90001, "-100.00", TraceOfConfirm(kit).ToLowerInvariant(), description: "Rent",
                typeId: 21, currency: "GHS", memberId: 102, username: "233200000002"))));

        var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent", TraceNumber = "INV-7" }));

        Assert.Equal("INV-7", error.Reference);
        Assert.Contains("not booked", error.Message); // the line under 'inv-7' is another payment: nothing under INV-7
    }

    [Theory]
    [InlineData("-250.00", 21, "GHS", 102, "amount")]
    [InlineData("-100.00", 14, "GHS", 102, "transfer type")]
    [InlineData("-100.00", 21, "USD", 102, "currency")]
    [InlineData("-100.00", 21, "GHS", 103, "payee")]
    public async Task A_line_with_the_trace_number_that_differs_in_one_respect_is_state_unknown(string amount, int typeId, string currency, long memberId, string what)
    {
        using var kit = Kit(_ => FakeHandler.Json(500, WalletSpecExamples.Failure("INTERNAL_ERROR", "boom")));
        kit.Fake.On("/accounts/default/history", _ => FakeHandler.Json(200, WalletSpecExamples.HistoryPage(0, 50, 1,
            WalletSpecExamples.HistoryLine(90001, amount, TraceOfConfirm(kit), description: "Rent",
                typeId: typeId, currency: currency, memberId: memberId, username: memberId == 102 ? "233200000002" : "233200000003"))));

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() =>
            kit.Client.ExecutePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" }));

        Assert.Equal(TraceOfConfirm(kit), error.Reference);
        Assert.Contains("not as this payment", error.Message);
        Assert.True(kit.Fake.To(ConfirmPath).Count == 1, what);
    }

    [Fact]
    public async Task Cancelling_while_the_confirm_is_in_flight_still_reconciles_before_giving_up()
    {
        using var cts = new CancellationTokenSource();
        using var kit = Kit(_ =>
        {
            cts.Cancel();
            throw new TaskCanceledException("cancelled by the caller");
        });
        HistoryContainingConfirm(kit, includeIt: true);

        var receipt = await kit.Client.ExecutePaymentAsync(
            await kit.Client.ValidatePaymentAsync(new WalletPaymentRequest("233200000002", 100m) { Description = "Rent" }), null, cts.Token);

        Assert.True(receipt.Reconciled);
        Assert.Single(kit.Fake.To(ConfirmPath));
    }
}
