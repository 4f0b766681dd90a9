using PayNet.Core.Http;
using PayNet.Core.Journal;
using PayNet.Core.Settlement;

namespace PayNet.Core.Tests.Settlement;

/// <summary>
/// The single settle path: which failures are settled, that settling ignores the caller's cancelled token and is
/// bounded by its own limit, that a partial match is never a success, and what the journal hears.
/// </summary>
public sealed class MoneyMovePathTests
{
    private sealed class Receipt
    {
        public string Id { get; init; } = "T-1";
    }

    private sealed class RecordingJournal : IMoneyJournal
    {
        public List<string> Lines { get; } = new();
        public bool FailIntent { get; init; }

        public void RecordIntent(MoneyMoveIntent intent)
        {
            if (FailIntent) throw new IOException("disk full");
            lock (Lines) Lines.Add("intent " + intent.Reference);
        }

        public void RecordOutcome(MoneyMoveIntent intent, MoneyMoveState state, string? reason, string? transactionId)
        {
            lock (Lines) Lines.Add($"outcome {state} {transactionId}");
        }
    }

    private static PayNetClientOptions Options(RecordingJournal journal, int lookups = 3) => new(new Uri("https://paynet.test/"))
    {
        Journal = journal,
        SettleDelays = Enumerable.Repeat(TimeSpan.FromMilliseconds(1), lookups).ToArray(),
        SettleTimeout = TimeSpan.FromSeconds(5),
    };

    private static MoneyMoveIntent Intent() => new(PayNetApi.Wallet, "member 2", "MemberPayment", "INV-1", 10m, "USD");

    private static Task<Receipt> Run(PayNetClientOptions options, Func<CancellationToken, Task<Receipt>> send,
        Func<int, CancellationToken, Task<SettleStep<Receipt>>> lookup, CancellationToken token = default) =>
        MoneyMovePath.RunAsync(options, Intent(), send, r => (MoneyMoveState.Succeeded, r.Id), lookup, token);

    public static TheoryData<string, Exception> MayHaveExecuted => new()
    {
        { "ambiguous", new PayNetAmbiguousOutcomeException("HTTP 500 after send") },
        { "unavailable (unreadable 200)", new PayNetException(PayNetApi.Wallet, "X", PayNetErrorCategory.Unavailable, "not JSON") },
        { "timeout", new PayNetException(PayNetApi.Wallet, "X", PayNetErrorCategory.Timeout, "slow") },
        { "cancelled", new OperationCanceledException() },
        { "any other type", new NullReferenceException() },
        { "json", new System.Text.Json.JsonException("bad") },
    };

    [Theory]
    [MemberData(nameof(MayHaveExecuted))]
    public async Task Any_failure_after_sending_is_settled_by_lookup_and_journalled(string name, Exception failure)
    {
        var journal = new RecordingJournal();
        int lookups = 0;

        var result = await Run(Options(journal), _ => throw failure, (round, _) =>
        {
            lookups++;
            return Task.FromResult(round < 2 ? SettleStep<Receipt>.NotYet("not yet") : SettleStep<Receipt>.Found(new Receipt { Id = "T-9" }));
        });

        Assert.Equal("T-9", result.Id);
        Assert.True(lookups == 2, name);
        Assert.Equal(new[] { "intent INV-1", "outcome Succeeded T-9" }, journal.Lines);
    }

    [Theory]
    [InlineData(PayNetErrorCategory.Rejected)]
    [InlineData(PayNetErrorCategory.InvalidArgument)]
    [InlineData(PayNetErrorCategory.Authentication)]
    [InlineData(PayNetErrorCategory.LimitsExceeded)]
    public async Task A_refusal_by_the_server_is_a_failure_without_any_lookup(PayNetErrorCategory category)
    {
        var journal = new RecordingJournal();
        int lookups = 0;
        var refusal = new PayNetException(PayNetApi.Wallet, "X", category, "no");

        var thrown = await Assert.ThrowsAsync<PayNetException>(() => Run(Options(journal), _ => throw refusal, (_, _) =>
        {
            lookups++;
            return Task.FromResult(SettleStep<Receipt>.NotYet(""));
        }));

        Assert.Same(refusal, thrown);
        Assert.Equal(0, lookups);
        Assert.Equal("outcome Failed ", journal.Lines.Last());
    }

    [Fact]
    public async Task Nothing_found_after_the_bounded_re_check_is_state_unknown_naming_the_reference()
    {
        var journal = new RecordingJournal();
        int lookups = 0;

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => Run(Options(journal, lookups: 4),
            _ => throw new PayNetAmbiguousOutcomeException("dropped"),
            (_, _) => { lookups++; return Task.FromResult(SettleStep<Receipt>.NotYet("nothing under INV-1 yet")); }));

        Assert.Equal("INV-1", error.Reference);
        Assert.Contains("'INV-1'", error.Message);
        Assert.Equal(4, lookups);
        Assert.StartsWith("outcome Unknown", journal.Lines.Last());
    }

    [Fact]
    public async Task A_partial_match_stops_at_once_as_state_unknown_never_success()
    {
        var journal = new RecordingJournal();
        int lookups = 0;

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => Run(Options(journal),
            _ => throw new PayNetAmbiguousOutcomeException("dropped"),
            (_, _) => { lookups++; return Task.FromResult(SettleStep<Receipt>.Mismatch("INV-1 is for 10.00, not 250.00")); }));

        Assert.Equal(1, lookups);
        Assert.Contains("not 250.00", error.Message);
    }

    [Fact]
    public async Task Settling_runs_on_its_own_token_when_the_caller_has_cancelled()
    {
        var journal = new RecordingJournal();
        using var caller = new CancellationTokenSource();
        bool settleTokenWasLive = false;

        var result = await Run(Options(journal), async token =>
        {
            caller.Cancel();
            token.ThrowIfCancellationRequested();
            await Task.Yield();
            return new Receipt();
        }, (_, token) =>
        {
            settleTokenWasLive = !token.IsCancellationRequested && token != caller.Token;
            return Task.FromResult(SettleStep<Receipt>.Found(new Receipt { Id = "T-7" }));
        }, caller.Token);

        Assert.Equal("T-7", result.Id);
        Assert.True(settleTokenWasLive);
    }

    [Fact]
    public async Task Settling_is_bounded_by_its_own_time_limit()
    {
        var journal = new RecordingJournal();
        var options = Options(journal);
        options.SettleTimeout = TimeSpan.FromMilliseconds(300);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => Run(options,
            _ => throw new PayNetAmbiguousOutcomeException("dropped"),
            async (_, token) => { await Task.Delay(Timeout.Infinite, token); return SettleStep<Receipt>.NotYet(""); }));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains("ran out", error.Message);
    }

    [Fact]
    public async Task A_caller_that_cancelled_before_anything_left_gets_a_cancellation_and_nothing_is_journalled()
    {
        var journal = new RecordingJournal();
        using var caller = new CancellationTokenSource();
        caller.Cancel();
        bool sent = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(Options(journal), _ => { sent = true; return Task.FromResult(new Receipt()); },
            (_, _) => Task.FromResult(SettleStep<Receipt>.NotYet("")), caller.Token));

        Assert.False(sent);
        Assert.Empty(journal.Lines);
    }

    [Fact]
    public async Task When_the_journal_cannot_write_the_intent_nothing_is_sent()
    {
        var journal = new RecordingJournal { FailIntent = true };
        bool sent = false;

        await Assert.ThrowsAsync<IOException>(() => Run(Options(journal), _ => { sent = true; return Task.FromResult(new Receipt()); },
            (_, _) => Task.FromResult(SettleStep<Receipt>.NotYet(""))));

        Assert.False(sent);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_500_or_503_answer_with_nothing_found_by_every_lookup_is_not_booked_and_journalled_failed(int status)
    {
        var journal = new RecordingJournal();
        int lookups = 0;
        var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() => Run(Options(journal, lookups: 3),
            _ => throw new PayNetAmbiguousOutcomeException($"HTTP {status}", status),
            (_, _) => { lookups++; return Task.FromResult(SettleStep<Receipt>.Nothing("nothing")); }));

        Assert.IsNotType<PayNetStateUnknownException>(error);
        Assert.Equal(PayNetErrorCategory.Unavailable, error.Category);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal("INV-1", error.Reference);
        Assert.Contains("not booked", error.Message);
        Assert.Equal(3, lookups);
        Assert.Equal(new[] { "intent INV-1", "outcome Failed " }, journal.Lines);
    }

    public static TheoryData<string, Exception, bool> NotProofOfNothing => new()
    {
        { "gateway 502: the server behind it may still be working", new PayNetAmbiguousOutcomeException("HTTP 502", 502), false },
        { "gateway 504", new PayNetAmbiguousOutcomeException("HTTP 504", 504), false },
        { "no answer (timeout)", new PayNetAmbiguousOutcomeException("no answer within the timeout"), false },
        { "500 but one lookup failed", new PayNetAmbiguousOutcomeException("HTTP 500", 500), true },
    };

    [Theory]
    [MemberData(nameof(NotProofOfNothing))]
    public async Task Without_a_complete_500_or_503_answer_and_every_lookup_clear_nothing_found_stays_state_unknown(string name, Exception failure, bool oneLookupFails)
    {
        var journal = new RecordingJournal();
        var error = await Assert.ThrowsAsync<PayNetStateUnknownException>(() => Run(Options(journal, lookups: 3),
            _ => throw failure,
            (round, _) => oneLookupFails && round == 2
                ? throw new PayNetException(PayNetApi.Wallet, "History", PayNetErrorCategory.Unavailable, "history down")
                : Task.FromResult(SettleStep<Receipt>.Nothing("nothing"))));

        Assert.Equal("INV-1", error.Reference);
        Assert.Equal("outcome Unknown ", journal.Lines.Last());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task A_500_answer_with_one_lookup_scheduled_is_not_enough_to_call_it_not_booked()
    {
        var journal = new RecordingJournal();
        await Assert.ThrowsAsync<PayNetStateUnknownException>(() => Run(Options(journal, lookups: 1),
            _ => throw new PayNetAmbiguousOutcomeException("HTTP 500", 500),
            (_, _) => Task.FromResult(SettleStep<Receipt>.Nothing("nothing"))));
    }

    [Fact]
    public async Task A_500_answer_whose_lookups_could_not_tell_stays_state_unknown()
    {
        // e.g. TopUp's find answering "could not get transaction info": not the same as showing nothing.
        var journal = new RecordingJournal();
        await Assert.ThrowsAsync<PayNetStateUnknownException>(() => Run(Options(journal, lookups: 3),
            _ => throw new PayNetAmbiguousOutcomeException("HTTP 500", 500),
            (_, _) => Task.FromResult(SettleStep<Receipt>.NotYet("find: could not get transaction info"))));
    }

    [Fact]
    public async Task The_not_booked_message_reads_the_same_in_every_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var options = Options(new RecordingJournal());
            options.SettleDelays = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250) };
            var error = await Assert.ThrowsAsync<PayNetNotBookedException>(() => Run(options,
                _ => throw new PayNetAmbiguousOutcomeException("HTTP 503", 503),
                (_, _) => Task.FromResult(SettleStep<Receipt>.Nothing("nothing"))));
            Assert.Contains("looked up 3 times over 0.5 s", error.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
