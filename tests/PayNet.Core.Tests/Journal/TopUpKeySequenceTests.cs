using PayNet.Core.Journal;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.Journal;

/// <summary>The last TopUp key per POS kept in the journal directory: never reused, never fallen behind.</summary>
public class TopUpKeySequenceTests
{
    [Fact]
    public void Two_store_instances_interleaved_hand_out_strictly_increasing_keys()
    {
        using var dir = new TempJournalDirectory();
        var a = dir.Store();
        var b = dir.Store();
        long clock = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var keys = new List<long>();
        for (int i = 0; i < 50; i++) keys.Add((i % 2 == 0 ? a : b).ReserveTopUpKey(7, clock)); // a clock that stands still
        Assert.True(keys.Zip(keys.Skip(1)).All(p => p.Second == p.First + 1));
        Assert.Equal(keys[^1], b.LastTopUpKey(7));
        Assert.Equal(0, a.LastTopUpKey(8)); // per POS
    }

    [Fact]
    public async Task Threads_on_separate_store_instances_never_get_the_same_key()
    {
        using var dir = new TempJournalDirectory();
        var perThread = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var store = dir.Store();
            return Enumerable.Range(0, 50).Select(_ => store.ReserveTopUpKey(11, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ToList();
        })));
        var all = perThread.SelectMany(k => k).ToList();
        Assert.Equal(400, all.Distinct().Count());
    }

    [Fact]
    public void A_restarted_process_continues_after_the_last_stored_key_even_when_it_ran_ahead_of_the_clock()
    {
        using var dir = new TempJournalDirectory();
        int pos = FreshPosId();
        long ahead = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000; // an earlier run's burst ran a minute ahead
        dir.Store().ReserveTopUpKey(pos, ahead);

        // A fresh process has no in-memory counter for the POS: only the store remembers.
        long next = TopUpKeySource.Next(pos, dir.Store());
        Assert.Equal(ahead + 1, next);
    }

    [Fact]
    public async Task A_TopUp_client_whose_journal_is_the_store_signs_with_keys_after_the_stored_one()
    {
        using var dir = new TempJournalDirectory();
        int pos = FreshPosId();
        long stored = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 30_000;
        dir.Store().ReserveTopUpKey(pos, stored); // as written by another process

        var handler = new ScriptedHandler((_, _) => Ok("""{ "currency": "AED", "wallets": { "main": 1 } }"""));
        var options = TestOptions.Fast(BaseUri, handler);
        options.Journal = dir.Store();
        using var client = new TopUpClient(new TopUpCredentials(pos, new SecretString(Token)), options);
        await client.GetBalanceAsync();
        await client.GetBalanceAsync();
        var keys = handler.Requests.Select(r => r.Json.GetProperty("auth").GetProperty("key").GetInt64()).ToList();
        Assert.Equal(new[] { stored + 1, stored + 2 }, keys);
        Assert.Equal(stored + 2, dir.Store().LastTopUpKey(pos));
        Assert.DoesNotContain(Token, dir.AllText());
    }

    [Fact]
    public void Without_a_store_keys_stay_in_process_as_before()
    {
        int pos = FreshPosId();
        long first = TopUpKeySource.Next(pos);
        Assert.True(TopUpKeySource.Next(pos, null) > first);
    }
}
