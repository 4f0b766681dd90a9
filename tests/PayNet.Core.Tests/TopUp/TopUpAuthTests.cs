using System.Net;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;
using static PayNet.Core.Tests.TopUp.TopUpTestKit;

namespace PayNet.Core.Tests.TopUp;

/// <summary>topup.md §2: the body auth object, its md5 recipe, and keys that only ever grow.</summary>
public class TopUpAuthTests
{
    [Fact]
    public void Hash_follows_the_documented_recipe()
    {
        Assert.Equal("e33a8c33c8b65fae6c95b6e8f04f558c", TopUpSigner.Hash(123, "T", 1706360400000));
        Assert.Equal(Md5Hex("123T1706360400000"), TopUpSigner.Hash(123, "T", 1706360400000));
    }

    [Fact]
    public async Task Every_request_carries_id_key_and_a_matching_lower_case_hash_but_never_the_token()
    {
        var handler = new ScriptedHandler((_, _) => Ok("""{ "currency": "AED", "wallets": { "main": 1 } }"""));
        int pos = FreshPosId();
        using var client = Client(handler, posId: pos);
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await client.GetBalanceAsync();
        long after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var sent = handler.Requests.Single();
        var auth = sent.Json.GetProperty("auth");
        long key = auth.GetProperty("key").GetInt64();
        Assert.Equal(pos, auth.GetProperty("id").GetInt32());
        Assert.InRange(key, before, after + 1); // milliseconds, never microseconds
        Assert.Equal(Md5Hex($"{pos}{Token}{key}"), auth.GetProperty("hash").GetString());
        Assert.DoesNotContain(Token, sent.Body);
        Assert.StartsWith("application/json", sent.Headers.GetValueOrDefault("Content-Type") ?? "application/json");
    }

    [Fact]
    public async Task Keys_are_distinct_and_increasing_for_sixteen_concurrent_callers_on_one_POS()
    {
        int pos = FreshPosId();
        var perCaller = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            var keys = new List<long>();
            for (int i = 0; i < 200; i++) keys.Add(TopUpKeySource.Next(pos));
            return keys;
        })));

        var all = perCaller.SelectMany(k => k).ToList();
        Assert.Equal(16 * 200, all.Distinct().Count());
        Assert.All(perCaller, keys => Assert.True(keys.Zip(keys.Skip(1)).All(p => p.Second > p.First)));
        Assert.Equal(all.Max(), TopUpKeySource.Last(pos));
        // Never run ahead of the clock by more than the number of keys handed out.
        Assert.True(all.Max() <= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + all.Count);
    }

    [Fact]
    public async Task Two_clients_of_one_POS_share_one_increasing_key_sequence()
    {
        int pos = FreshPosId();
        var first = new ScriptedHandler((_, _) => Ok("""{ "currency": "AED", "wallets": {} }"""));
        var second = new ScriptedHandler((_, _) => Ok("""{ "currency": "AED", "wallets": {} }"""));
        using var a = Client(first, posId: pos);
        using var b = Client(second, posId: pos);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? a.GetBalanceAsync() : b.GetBalanceAsync()));
        var keys = first.Requests.Concat(second.Requests).Select(r => r.Json.GetProperty("auth").GetProperty("key").GetInt64()).ToList();
        Assert.Equal(20, keys.Distinct().Count());
    }

    [Fact]
    public async Task A_retried_read_is_signed_again_with_a_fresh_key()
    {
        var handler = new ScriptedHandler((_, n) => n == 1
            ? ScriptedHandler.Text("<html>busy</html>", HttpStatusCode.ServiceUnavailable)
            : Ok("""{ "currency": "AED", "wallets": { "main": 5 } }"""));
        int pos = FreshPosId();
        using var client = Client(handler, posId: pos);
        var balance = await client.GetBalanceAsync();
        Assert.Equal(5m, balance.Main);

        var auths = handler.Requests.Select(r => r.Json.GetProperty("auth")).ToList();
        Assert.Equal(2, auths.Count);
        long k1 = auths[0].GetProperty("key").GetInt64(), k2 = auths[1].GetProperty("key").GetInt64();
        Assert.True(k2 > k1);
        Assert.Equal(Md5Hex($"{pos}{Token}{k2}"), auths[1].GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Auth_failed_once_is_re_signed_and_sent_again_because_a_later_key_may_have_overtaken_it()
    {
        var handler = new ScriptedHandler((_, n) => n == 1 ? Error(1, "Auth failed") : Ok("""{ "currency": "AED", "wallets": { "main": 7 } }"""));
        using var client = Client(handler);
        Assert.Equal(7m, (await client.GetBalanceAsync()).Main);
        var keys = handler.Requests.Select(r => r.Json.GetProperty("auth").GetProperty("key").GetInt64()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.True(keys[1] > keys[0]);
    }

    [Fact]
    public async Task Auth_failed_twice_means_wrong_credentials()
    {
        var handler = new ScriptedHandler((_, _) => Error(1, "Auth failed"));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<TopUpApiException>(() => client.GetBalanceAsync());
        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Verbose_and_debug_output_never_show_the_token_or_the_hash()
    {
        var handler = new ScriptedHandler((_, n) => n == 1
            ? ScriptedHandler.Text("busy", HttpStatusCode.BadGateway)
            : Ok("""{ "currency": "AED", "wallets": { "main": 5 } }"""));
        using var client = Client(handler);
        var log = new CapturingLog();
        using (PayNetLog.Push(log)) await client.GetBalanceAsync();

        Assert.Contains(log.Lines, l => l.StartsWith("VERBOSE: POST /balance"));
        Assert.Contains(log.Lines, l => l.StartsWith("DEBUG: POST /balance"));
        Assert.DoesNotContain(Token, log.All);
        foreach (var request in handler.Requests)
        {
            string hash = request.Json.GetProperty("auth").GetProperty("hash").GetString()!;
            Assert.DoesNotContain(hash, log.All);
        }
        Assert.DoesNotContain(Token, client.ToString());
        Assert.DoesNotContain(Token, new TopUpCredentials(1, new SecretString(Token)).ToString());
    }

    [Fact]
    public async Task A_hung_call_is_cancelled_promptly()
    {
        var handler = new ScriptedHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Ok("{}");
        });
        using var client = Client(handler, timeout: TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetBalanceAsync(cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }
}
