using System.Text.Json;
using PayNet.Core.Card;
using PayNet.Core.Journal;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Sandbox.Control;
using static PayNet.Core.Tests.Journal.JournalTestKit;

namespace PayNet.Core.Tests.Journal;

/// <summary>
/// Moves that share a reference (issue 15, found by the fault soak's I4): every refund request of one Card
/// transaction carries that transaction's xact id, and a Wallet trace number may be used again after its move
/// failed. Each such move is an entry of its own, with its own amount, outcome and time, so a read by
/// -Since or -Reference finds it and Sync settles the right one.
/// </summary>
public class JournalSharedReferenceTests : IClassFixture<JournalSandboxFixture>
{
    private const string Xact = "xk_EAAAAshared*reference";
    private readonly JournalSandboxFixture _sandbox;

    public JournalSharedReferenceTests(JournalSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public void Refund_requests_of_one_Card_transaction_are_an_entry_each_with_their_own_amount_outcome_and_time()
    {
        using var dir = new TempJournalDirectory();
        var now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var store = dir.Store(() => now);
        var first = Intent(Xact, 5.00m, PayNetApi.Card, "key 1234abcd", "TRY");
        store.RecordIntent(first);
        store.RecordOutcome(first, MoneyMoveState.Pending, null, Xact);
        now = now.AddDays(1); // refunded again the next day, from a process that knows nothing of the first
        var second = Intent(Xact, 7.00m, PayNetApi.Card, "key 1234abcd", "TRY");
        dir.Store(() => now).RecordIntent(second);
        store.RecordOutcome(second, MoneyMoveState.Unknown, "no answer", null);

        var entries = store.ReadAll(query: new JournalQuery { Reference = Xact });
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Amount == 5.00m && e.State == MoneyMoveState.Pending && e.Time == now.AddDays(-1));
        Assert.Contains(entries, e => e.Amount == 7.00m && e.State == MoneyMoveState.Unknown && e.Time == now);
        Assert.NotEqual(entries[0].MoveId, entries[1].MoveId);

        // -Since the second day finds the second request; folded into the first it had the first's day and was dropped.
        var since = Assert.Single(store.ReadAll(query: new JournalQuery { Since = now.AddHours(-1), Service = PayNetApi.Card }));
        Assert.Equal(7.00m, since.Amount);

        // Settling the first touches the first only.
        var settled = store.RecordSettlement(entries.Single(e => e.Amount == 5.00m), MoneyMoveState.Failed, "rejected", null);
        Assert.Equal(MoneyMoveState.Failed, settled.State);
        Assert.Equal(5.00m, settled.Amount);
        var after = store.ReadAll(query: new JournalQuery { Reference = Xact });
        Assert.Equal(MoneyMoveState.Failed, after.Single(e => e.Amount == 5.00m).State);
        Assert.Equal(MoneyMoveState.Unknown, after.Single(e => e.Amount == 7.00m).State);
    }

    [Fact]
    public void A_reference_reused_after_its_move_finished_or_for_another_amount_is_a_new_entry_but_the_same_move_resent_while_open_is_one()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        var refused = Intent("TRC-7", 10.00m, PayNetApi.Wallet, "jhon");
        store.RecordIntent(refused);
        store.RecordOutcome(refused, MoneyMoveState.Failed, "insufficient balance", null);
        var retried = Intent("TRC-7", 12.00m, PayNetApi.Wallet, "jhon");
        store.RecordIntent(retried);
        store.RecordOutcome(retried, MoneyMoveState.Succeeded, null, "T-1");

        var wallet = store.ReadAll(query: new JournalQuery { Reference = "TRC-7" });
        Assert.Equal(2, wallet.Count);
        Assert.Equal(MoneyMoveState.Failed, wallet.Single(e => e.Amount == 10.00m).State);
        Assert.Equal(MoneyMoveState.Succeeded, wallet.Single(e => e.Amount == 12.00m).State);

        // An unknown payment re-sent under its trace number for a different amount is another move: the unknown stays open.
        var lost = Intent("TRC-8", 3.00m, PayNetApi.Wallet, "jhon");
        store.RecordIntent(lost);
        store.RecordOutcome(lost, MoneyMoveState.Unknown, "dropped", null);
        var other = Intent("TRC-8", 4.00m, PayNetApi.Wallet, "jhon");
        store.RecordIntent(other);
        store.RecordOutcome(other, MoneyMoveState.Failed, "duplicate trace number", null);
        var both = store.ReadAll(query: new JournalQuery { Reference = "TRC-8" });
        Assert.Equal(MoneyMoveState.Unknown, both.Single(e => e.Amount == 3.00m).State);
        Assert.Equal(MoneyMoveState.Failed, both.Single(e => e.Amount == 4.00m).State);

        // A TopUp confirm repeated while the transaction is open, by a new intent of the same move: one entry, now settled.
        var confirm = Intent("ext-9", 20m);
        store.RecordIntent(confirm);
        store.RecordOutcome(confirm, MoneyMoveState.Unknown, "timeout", null);
        var again = Intent("ext-9", 20m);
        store.RecordIntent(again);
        store.RecordOutcome(again, MoneyMoveState.Succeeded, null, "PN-9");
        var topUp = Assert.Single(store.ReadAll(query: new JournalQuery { Reference = "ext-9" }));
        Assert.Equal(MoneyMoveState.Succeeded, topUp.State);
        Assert.Equal("PN-9", topUp.TransactionId);
    }

    [Fact]
    public void An_unknown_payment_re_sent_as_it_was_and_refused_as_a_duplicate_stays_unknown_never_failed()
    {
        // The refusal of the re-send says the trace number is taken: the first send may well have booked. Writing
        // Failed would hide booked money; the entry stays Unknown for Sync-PayNetJournal to settle from PayNet.
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        var lost = Intent("TRC-9", 5.00m, PayNetApi.Wallet, "jhon");
        store.RecordIntent(lost);
        store.RecordOutcome(lost, MoneyMoveState.Unknown, "dropped", null);
        var again = Intent("TRC-9", 5.00m, PayNetApi.Wallet, "jhon");
        store.RecordIntent(again);
        store.RecordOutcome(again, MoneyMoveState.Failed, "DUPLICATE_TRACE_NUMBER", null);

        var entry = Assert.Single(store.ReadAll(query: new JournalQuery { Reference = "TRC-9" }));
        Assert.Equal(MoneyMoveState.Unknown, entry.State);
        Assert.Contains("DUPLICATE_TRACE_NUMBER", entry.Reason);
        Assert.True(entry.IsOpen);

        // Settling it later from PayNet's records decides, whatever it finds.
        store.RecordOutcome(lost, MoneyMoveState.Failed, "settled: not in the history", null);
        Assert.Equal(MoneyMoveState.Failed, Assert.Single(store.ReadAll(query: new JournalQuery { Reference = "TRC-9" })).State);
    }

    [Fact]
    public void Lines_written_before_move_ids_still_fold_by_reference()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        store.EnsureWritable();
        string file = Path.Combine(dir.Path, "journal-2026-11.jsonl");
        File.WriteAllText(file,
            "{\"v\":1,\"kind\":\"intent\",\"time\":\"2026-11-02T10:00:00.000Z\",\"pid\":1,\"service\":\"TopUp\",\"connection\":\"POS 1\",\"operation\":\"TopUpConfirm\",\"reference\":\"old-1\",\"amount\":10,\"currency\":\"AED\"}\n" +
            "{\"v\":1,\"kind\":\"outcome\",\"time\":\"2026-11-02T10:00:01.000Z\",\"pid\":1,\"service\":\"TopUp\",\"connection\":\"POS 1\",\"operation\":\"TopUpConfirm\",\"reference\":\"old-1\",\"state\":\"Unknown\",\"reason\":\"timeout\"}\n");

        var old = Assert.Single(store.ReadAll());
        Assert.Null(old.MoveId);
        Assert.Equal(MoneyMoveState.Unknown, old.State);
        var settled = store.RecordSettlement(old, MoneyMoveState.Succeeded, null, "PN-1");
        Assert.Equal(MoneyMoveState.Succeeded, settled.State);
        Assert.Equal(MoneyMoveState.Succeeded, Assert.Single(store.ReadAll()).State);
    }

    [Fact]
    public async Task Two_partial_refunds_and_a_full_refund_of_one_transaction_are_three_entries_with_the_amounts_the_sandbox_requests_hold()
    {
        await _sandbox.Control.ResetAsync();
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        var options = TestOptions.Fast(_sandbox.Server.CardUri);
        options.Journal = journal;
        using var client = new CardClient(new SecretString(_sandbox.Server.Options.Card.SecretKey), options);
        // RCN-0007: 1200.00 TRY from an earlier day, with 100.00 already refunded, so partial refunds are allowed.
        var sale = (await client.CheckAsync(referenceNo: "RCN-0007")).Single(r => r.TransactionType == CardTransactionType.Sale && r.State != CardTransactionState.Failed);
        var seeded = (await RequestsAsync()).Select(r => r.Id).ToHashSet();

        await client.RequestRefundAsync(sale.XactId!, 10.00m);
        await client.RequestRefundAsync(sale.XactId!, 25.50m);
        await client.RequestRefundAsync(sale.XactId!);

        var requests = (await RequestsAsync()).Where(r => !seeded.Contains(r.Id)).Select(r => r.Amount).OrderBy(a => a).ToList();
        Assert.Equal(3, requests.Count);
        var entries = journal.ReadAll(query: new JournalQuery { Reference = sale.XactId, Service = PayNetApi.Card });
        Assert.Equal(requests, entries.Select(e => e.Amount).OrderBy(a => a).ToList());
        Assert.All(entries, e => Assert.Equal("TRY", e.Currency));
        Assert.All(entries, e => Assert.Equal(MoneyMoveState.Pending, e.State)); // a refund request is reviewed later
    }

    [Fact]
    public async Task A_lost_answer_to_a_second_refund_of_one_transaction_settles_from_its_own_request_not_an_earlier_one_of_the_same_date()
    {
        await _sandbox.Control.ResetAsync();
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        var options = TestOptions.Fast(_sandbox.Server.CardUri);
        options.Journal = journal;
        using var client = new CardClient(new SecretString(_sandbox.Server.Options.Card.SecretKey), options);
        var sale = (await client.CheckAsync(referenceNo: "RCN-0007")).Single(r => r.TransactionType == CardTransactionType.Sale && r.State != CardTransactionState.Failed);
        await client.RequestRefundAsync(sale.XactId!, 10.00m);

        // The second request is booked and its answer dropped; both requests carry the sandbox's (frozen) entry date.
        _sandbox.Server.Service<FaultInjector>().Arm(new FaultRule { Path = "/card/v1/transaction/reversed_request", Kind = FaultKind.DropAfterCommit, Count = 1 });
        var second = await client.RequestRefundAsync(sale.XactId!, 7.00m);

        Assert.True(second.Reconciled);
        Assert.Equal(7.00m, second.Amount);
        var entry = Assert.Single(journal.ReadAll(query: new JournalQuery { Reference = sale.XactId }), e => e.Amount == 7.00m);
        Assert.Equal(MoneyMoveState.Pending, entry.State);
    }

    private async Task<List<(int Id, string Xact, decimal Amount)>> RequestsAsync()
    {
        using var state = JsonDocument.Parse(await _sandbox.Http.GetStringAsync("/__sandbox/card/state"));
        return state.RootElement.GetProperty("reversalRequests").EnumerateArray()
            .Select(r => (r.GetProperty("requestId").GetInt32(), r.GetProperty("originalXactId").GetString()!, r.GetProperty("amount").GetDecimal()))
            .ToList();
    }
}
