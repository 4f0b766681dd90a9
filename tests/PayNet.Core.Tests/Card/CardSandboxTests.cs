using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Card;

/// <summary>One sandbox per test class; the read-only golden tests never change its data.</summary>
public sealed class CardSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;
    public SandboxControl Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(o => o.Card.SlowMs = 1500);
        Control = new SandboxControl(Server.RootUri);
    }

    public CardClient Client(Action<PayNetClientOptions>? configure = null, string? key = null)
    {
        var options = TestOptions.Fast(Server.CardUri);
        configure?.Invoke(options);
        return new CardClient(new SecretString(key ?? Server.Options.Card.SecretKey), options);
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The golden figures of card.md §7.4 through the client.</summary>
public class CardSandboxGoldenTests : IClassFixture<CardSandboxFixture>
{
    private static readonly DateTime Jan15 = new(2024, 1, 15), Jan16 = new(2024, 1, 16), Jan17 = new(2024, 1, 17), Jan18 = new(2024, 1, 18);
    private readonly CardSandboxFixture _sandbox;

    public CardSandboxGoldenTests(CardSandboxFixture sandbox) => _sandbox = sandbox;

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    [Fact]
    public async Task A_reference_with_a_failed_try_and_its_retry_checks_as_two_rows()
    {
        using var client = _sandbox.Client();
        var rows = await client.CheckAsync(referenceNo: "RCN-0003");
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.State == CardTransactionState.Failed);
        Assert.Single(rows, r => r.State == CardTransactionState.Succeeded && r.Amount == 250.00m);
        Assert.All(rows, r => Assert.Equal("RCN-0003", r.ReferenceNo));
    }

    [Fact]
    public async Task The_documented_detail_example_checks_by_xact_id_with_its_figures()
    {
        using var client = _sandbox.Client();
        var f15 = Assert.Single(await client.CheckAsync(referenceNo: "RCN-0015"));
        var byXact = Assert.Single(await client.CheckAsync(xactId: f15.XactId));
        Assert.StartsWith("xk_", byXact.XactId);
        Assert.Equal((813.75m, 794.54m, 16.28m, 2.93m), (byXact.Amount!.Value, byXact.NetAmount!.Value, byXact.Commission!.Value, byXact.CommissionTax!.Value));
        Assert.Equal(("1000015", "TRY", "BONS"), (byXact.Id, byXact.Currency, byXact.BankId));
        var time = byXact.Time!.Value;
        Assert.Equal((2024, 1, 15, 18, 14), (time.Year, time.Month, time.Day, time.Hour, time.Minute));
        Assert.Equal(TimeSpan.FromHours(3), time.Offset);
    }

    [Fact]
    public async Task One_day_lists_12_successful_rows_or_13_with_failures()
    {
        using var client = _sandbox.Client();
        var successful = await All(client.ListAsync(new CardListQuery { From = Jan15, To = Jan16 }));
        Assert.Equal(12, successful.Count);
        Assert.Equal(
            new[] { "1000001", "1000002", "1000004", "1000005", "1000006", "1000007", "1000009", "1000010", "1000011", "1000012", "1000013", "1000015" },
            successful.Select(r => r.Id).Order());
        var withFailed = await All(client.ListAsync(new CardListQuery { From = Jan15, To = Jan16, IncludeFailed = true }));
        Assert.Equal(13, withFailed.Count);
        Assert.Contains(withFailed, r => r.Id == "1000003" && r.State == CardTransactionState.Failed);
        Assert.All(successful.Where(r => r.TransactionType == CardTransactionType.Sale && r.Commission.HasValue),
            r => Assert.Equal(r.Amount, r.NetAmount + r.Commission + r.CommissionTax));
    }

    [Fact]
    public async Task Pages_of_five_arrive_as_three_requests_only_as_they_are_consumed()
    {
        using var client = _sandbox.Client();
        var log = new CapturingLog();
        var rows = new List<CardTransaction>();
        using (PayNetLog.Push(log))
        {
            await foreach (var row in client.ListAsync(new CardListQuery { From = Jan15, To = Jan16, PageSize = 5 }))
            {
                rows.Add(row);
                if (rows.Count == 5) Assert.Single(log.Lines, l => l.StartsWith("VERBOSE: POST /card/v1/transaction/list"));
            }
        }
        Assert.Equal(12, rows.Count);
        Assert.Equal(12, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(3, log.Lines.Count(l => l.StartsWith("VERBOSE: POST /card/v1/transaction/list")));
    }

    [Fact]
    public async Task Untransferred_leaves_out_the_row_already_marked()
    {
        using var client = _sandbox.Client();
        var untransferred = await All(client.ListAsync(new CardListQuery { From = Jan16, To = Jan17, Untransferred = true }));
        Assert.Equal(new[] { "1000008" }, untransferred.Select(r => r.Id));
        var all = await All(client.ListAsync(new CardListQuery { From = Jan16, To = Jan17 }));
        Assert.Equal(new[] { "1000008", "1000014" }, all.Select(r => r.Id).Order());
        Assert.True(all.Single(r => r.Id == "1000014").IsTransferred);
        Assert.Equal(CardTransactionType.Reversal, all.Single(r => r.Id == "1000008").TransactionType);
    }

    [Fact]
    public async Task Payout_report_sums_match_the_golden_figures()
    {
        using var client = _sandbox.Client();
        var jan16 = await client.GetPayoutReportAsync(Jan16);
        Assert.Equal(4924.62m, jan16.Sum(p => p.CompanyPayAmount ?? 0m));
        Assert.Equal(488.20m, jan16.Sum(p => p.AgentPayAmount ?? 0m));
        var jan17 = await client.GetPayoutReportAsync(Jan17);
        Assert.Equal(-25.82m, jan17.Sum(p => p.CompanyPayAmount ?? 0m));
        Assert.Contains(jan17, p => p.XactType == "CD" && p.CompanyPayAmount == -100.00m);
    }

    [Fact]
    public async Task Refund_list_shows_approved_pending_and_rejected_requests_but_not_preauth_cancels()
    {
        using var client = _sandbox.Client();
        var refunds = await All(client.ListRefundsAsync(Jan15, Jan18));
        Assert.Equal(4, refunds.Count);
        Assert.All(refunds, r => Assert.False(string.IsNullOrEmpty(r.Status)));
        Assert.Equal(3, refunds.Select(r => r.Status).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task Detail_shows_reversal_links_and_value_dates()
    {
        using var client = _sandbox.Client();
        var cancelled = await client.GetDetailAsync(id: "1000005");
        Assert.True(cancelled.IsReversed);
        Assert.Equal(CardTransactionState.Reversed, cancelled.State);
        Assert.StartsWith("xk_", cancelled.ReversedXactId);
        var f01 = await client.GetDetailAsync(id: "1000001");
        Assert.Equal(new DateTime(2024, 1, 16), f01.CompanyValueDate!.Value.Date);
        var split = await client.GetDetailAsync(referenceNo: "RCN-0013");
        Assert.Equal((1500.00m, 500.00m, 488.20m), (split.CompanyAmount!.Value, split.AgentAmount!.Value, split.AgentNetAmount!.Value));
    }

    [Fact]
    public async Task Unknown_references_and_keys_map_to_NotFound_and_Authentication()
    {
        using var client = _sandbox.Client();
        var missing = await Assert.ThrowsAnyAsync<PayNetException>(() => client.CheckAsync(referenceNo: "NO-SUCH-REF"));
        Assert.Equal(PayNetErrorCategory.NotFound, missing.Category);
        using var intruder = _sandbox.Client(key: "sck_wrong_key_0000000000000000");
        var denied = await Assert.ThrowsAnyAsync<PayNetException>(() => intruder.CheckAsync(referenceNo: "RCN-0001"));
        Assert.Equal(PayNetErrorCategory.Authentication, denied.Category);
    }
}

/// <summary>Calls that change sandbox data, on a sandbox of their own.</summary>
public class CardSandboxMutationTests : IClassFixture<CardSandboxFixture>
{
    private readonly CardSandboxFixture _sandbox;

    public CardSandboxMutationTests(CardSandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<CardTransaction> F(string reference)
    {
        using var client = _sandbox.Client();
        return (await client.CheckAsync(referenceNo: reference)).Single(r => r.TransactionType == CardTransactionType.Sale && r.State != CardTransactionState.Failed);
    }

    [Fact]
    public async Task A_partial_refund_request_is_accepted_and_listed_as_pending()
    {
        using var client = _sandbox.Client();
        var f07 = await F("RCN-0007");
        var result = await client.RequestRefundAsync(f07.XactId!, 10.00m);
        Assert.True(result.Succeeded);
        var refunds = new List<CardRefund>();
        await foreach (var r in client.ListRefundsAsync(new DateTime(2024, 1, 15), new DateTime(2024, 1, 19))) refunds.Add(r);
        Assert.Contains(refunds, r => r.XactId == f07.XactId && r.Amount == 10.00m);
    }

    [Fact]
    public async Task A_refund_whose_answer_is_dropped_is_settled_from_the_refund_list_and_recorded_only_once()
    {
        // Issue 20 item 4: a lost answer is checked with Paynet before it is reported unknown.
        using var client = _sandbox.Client();
        var f02 = await F("RCN-0002");
        var before = await CountRefundsFor(client, f02.XactId!);
        await _sandbox.Control.ArmFaultAsync("/card/v1/transaction/reversed_request", "DropAfterCommit");

        var result = await client.RequestRefundAsync(f02.XactId!);
        Assert.True(result.Reconciled);
        Assert.Equal(f02.XactId, result.XactId);
        Assert.Equal(before + 1, await CountRefundsFor(client, f02.XactId!));
    }

    [Fact]
    public async Task A_refund_answered_500_before_anything_ran_is_reported_not_booked_and_nothing_is_requested()
    {
        using var client = _sandbox.Client();
        var f01 = await F("RCN-0001");
        var before = await CountRefundsFor(client, f01.XactId!);
        await _sandbox.Control.ArmFaultAsync("/card/v1/transaction/reversed_request", "Status500");

        var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() => client.RequestRefundAsync(f01.XactId!, 5.00m));
        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.Contains("not booked", error.Message);
        Assert.Equal(f01.XactId, error.Reference);
        Assert.Equal(before, await CountRefundsFor(client, f01.XactId!));
    }

    [Theory]
    [InlineData("1000007", "1150.00")]   // F07: 1200.00 with an approved 100.00 refund (F08)
    [InlineData("1000001", "999.99")]    // F01: 1000.00 with a pending 50.00 request (F16)
    [InlineData("1000003", "1.00")]      // F03: did not succeed
    public async Task A_refund_Paynet_would_refuse_for_what_it_already_shows_is_refused_before_anything_is_sent(string paynetId, string amount)
    {
        // Sent, such a refund risks a refusal whose answer is lost, which the client cannot tell from a booking.
        using var client = _sandbox.Client();
        var row = await client.GetDetailAsync(id: paynetId);
        int before = await CountRefundsFor(client, row.XactId!);
        await _sandbox.Control.ArmFaultAsync("/card/v1/transaction/reversed_request", "DropAfterCommit");
        try
        {
            var error = await Assert.ThrowsAsync<PayNetException>(() =>
                client.RequestRefundAsync(row.XactId!, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

            Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
            Assert.Contains(paynetId == "1000003" ? "did not succeed" : "left", error.Message);
            Assert.Contains("Nothing was sent", error.Message);
            Assert.Equal(row.XactId, error.Reference);
            Assert.Equal(before, await CountRefundsFor(client, row.XactId!));
            // The armed fault is still there: no refund request reached the sandbox.
            Assert.Equal(1, await _sandbox.Control.ArmedFaultCountAsync());
        }
        finally
        {
            await _sandbox.Control.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task Marking_a_transaction_transferred_removes_it_from_untransferred_lists()
    {
        using var client = _sandbox.Client();
        var f08 = (await client.CheckAsync(referenceNo: "RCN-0007")).Single(r => r.TransactionType == CardTransactionType.Reversal);
        var result = await client.MarkTransferredAsync(f08.XactId!, documentNo: "ERP-1");
        Assert.True(result.Succeeded);
        Assert.True((await client.MarkTransferredAsync(f08.XactId!)).Succeeded); // idempotent
        var rows = new List<CardTransaction>();
        await foreach (var r in client.ListAsync(new CardListQuery { From = new DateTime(2024, 1, 16), To = new DateTime(2024, 1, 17), Untransferred = true })) rows.Add(r);
        Assert.DoesNotContain(rows, r => r.XactId == f08.XactId);
    }

    [Fact]
    public async Task Capture_of_a_preauth_for_less_and_wrong_state_refusals()
    {
        using var client = _sandbox.Client();
        var f11 = (await client.CheckAsync(referenceNo: "RCN-0011")).Single(r => r.TransactionType == CardTransactionType.PreAuth);
        // F11's pre-auth was already cancelled (F12), so capturing it is refused for its state.
        var refused = await Assert.ThrowsAsync<CardApiException>(() => client.CaptureAsync(f11.XactId!, 100m));
        Assert.Equal(PayNetErrorCategory.Rejected, refused.Category);
    }

    [Fact]
    public async Task Add_info_overwrites_the_note()
    {
        using var client = _sandbox.Client();
        var f14 = await F("RCN-0014");
        Assert.True((await client.AddInfoAsync(f14.XactId!, note: "booked as ERP-77")).Succeeded);
        Assert.Equal("booked as ERP-77", (await client.GetDetailAsync(xactId: f14.XactId)).Note);
    }

    private static async Task<int> CountRefundsFor(CardClient client, string xactId)
    {
        int count = 0;
        await foreach (var r in client.ListRefundsAsync(new DateTime(2024, 1, 1), new DateTime(2024, 2, 1))) if (r.XactId == xactId) count++;
        return count;
    }
}
