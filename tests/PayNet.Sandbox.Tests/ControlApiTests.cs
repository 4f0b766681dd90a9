using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayNet.Sandbox;

namespace PayNet.Sandbox.Tests;

public sealed class ControlApiTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _http = new HttpClient { BaseAddress = _sandbox.RootUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_lists_three_base_uris_and_the_sandbox_credentials()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/__sandbox"));
        var root = doc.RootElement;
        Assert.Equal(new Uri(_sandbox.RootUri, "/wallet/api").ToString(), root.GetProperty("wallet").GetProperty("baseUri").GetString());
        Assert.Equal(new Uri(_sandbox.RootUri, "/topup").ToString(), root.GetProperty("topUp").GetProperty("baseUri").GetString());
        Assert.Equal(new Uri(_sandbox.RootUri, "/card").ToString(), root.GetProperty("card").GetProperty("baseUri").GetString());
        Assert.Equal(_sandbox.Options.Wallet.ApiKey, root.GetProperty("wallet").GetProperty("apiKey").GetString());
        Assert.Equal(_sandbox.Options.TopUp.PosId, root.GetProperty("topUp").GetProperty("posId").GetInt32());
        Assert.StartsWith("sck_", root.GetProperty("card").GetProperty("secretKey").GetString());
    }

    [Fact]
    public async Task Clock_advances_and_reset_returns_it_to_the_seed_time()
    {
        var start = _sandbox.Options.StartTime;
        var moved = await _http.PostAsJsonAsync("/__sandbox/clock", new { advanceMinutes = 16 });
        using (var doc = JsonDocument.Parse(await moved.Content.ReadAsStringAsync()))
            Assert.Equal(start.AddMinutes(16), doc.RootElement.GetProperty("now").GetDateTimeOffset());

        await _http.PostAsync("/__sandbox/reset", null);
        using var after = JsonDocument.Parse(await _http.GetStringAsync("/__sandbox/clock"));
        Assert.Equal(start, after.RootElement.GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_armed_fault_hits_exactly_the_next_matching_requests()
    {
        var armed = await _http.PostAsJsonAsync("/__sandbox/faults", new { path = "/card/v1/transaction/check", kind = "Status503", count = 1 });
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);

        var first = await _http.PostAsync("/card/v1/transaction/check", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.NotNull(first.Headers.RetryAfter);
        using (var doc = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
            Assert.Equal("api_error", doc.RootElement.GetProperty("type").GetString());

        var second = await _http.PostAsync("/card/v1/transaction/check", new StringContent("{}"));
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, second.StatusCode);
    }

    [Fact]
    public async Task A_fault_without_a_path_is_refused()
    {
        var response = await _http.PostAsJsonAsync("/__sandbox/faults", new { kind = "Status500", count = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
