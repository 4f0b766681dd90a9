using System.Net.Http.Json;
using System.Text.Json;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests.Wallet;

public sealed class HistorySeedTests
{
    [Fact]
    public async Task Seeded_history_pages_like_real_history_and_leaves_balances_and_the_ledger_alone()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.RootUri };
        var seeded = await http.PostAsJsonAsync("/__sandbox/history/seed", new { memberId = 2, count = 250 });
        seeded.EnsureSuccessStatusCode();

        using var login = new HttpRequestMessage(HttpMethod.Post, "/wallet/api/access/login") { Content = JsonContent.Create(new { authType = "SESSION" }) };
        login.Headers.Add("apikey", sandbox.Options.Wallet.ApiKey);
        login.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{sandbox.Options.Wallet.Principal}:{sandbox.Options.Wallet.Pin}")));
        using var session = JsonDocument.Parse(await (await http.SendAsync(login)).Content.ReadAsStringAsync());
        string token = session.RootElement.GetProperty("sessionId").GetString()!;

        async Task<JsonElement> Page(int page)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/wallet/api/accounts/default/history?currentPage={page}&pageSize=100");
            request.Headers.Add("apikey", sandbox.Options.Wallet.ApiKey);
            request.Headers.Add("Paynet-Session-Token", token);
            using var doc = JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync());
            return doc.RootElement.GetProperty("payload").GetProperty("AccountHistoryResultPage").Clone();
        }
        var first = await Page(0);
        Assert.Equal(250, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(100, first.GetProperty("elements").GetArrayLength());
        Assert.Equal(50, (await Page(2)).GetProperty("elements").GetArrayLength());
        Assert.Equal(1000.00m, first.GetProperty("accountStatus").GetProperty("balance").GetDecimal());
        using var ledger = JsonDocument.Parse(await http.GetStringAsync("/__sandbox/ledger"));
        Assert.Equal(0, ledger.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/__sandbox/history/seed", new { count = 0 })).StatusCode);
    }
}
