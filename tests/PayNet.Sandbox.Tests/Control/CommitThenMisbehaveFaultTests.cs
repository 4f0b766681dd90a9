using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayNet.Sandbox.Tests.Card;
using PayNet.Sandbox.Tests.TopUp;
using PayNet.Sandbox.Tests.Wallet;

namespace PayNet.Sandbox.Tests.Control;

/// <summary>
/// Issue 13 "blind spot": faults that commit the money move and then misbehave (answer late, drop the connection,
/// answer 200 with an unreadable body, answer 500), plus the plain delay that must now book late after the client
/// gave up. For every money route, the ledger (or, for Card refunds, the refund requests) must hold the booking.
/// </summary>
public sealed class CommitThenMisbehaveFaultTests : IAsyncLifetime
{
    private const int ClientTimeoutMs = 300;
    private const int FaultDelayMs = 800;
    private SandboxServer _sandbox = null!;
    private HttpClient _control = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _control = new HttpClient { BaseAddress = _sandbox.RootUri };
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        await _sandbox.DisposeAsync();
    }

    public static TheoryData<string, string, bool> Faults()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var route in new[] { "member-payment", "withdrawal", "qr-payment", "topup-confirm", "card-refund" })
        {
            data.Add(route, "DelayAfterCommit", false);
            data.Add(route, "Delay", false);
            data.Add(route, "DropAfterCommit", false);
            data.Add(route, "UnreadableAfterCommit", false);
            data.Add(route, "Malformed", false);
            data.Add(route, "Status500", true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task The_booking_stands_whatever_the_client_saw(string route, string kind, bool afterCommit)
    {
        var (path, send, booked) = await Prepare(route);
        (await _control.PostAsJsonAsync("/__sandbox/faults", new { path, kind, count = 1, afterCommit, delayMs = FaultDelayMs })).EnsureSuccessStatusCode();

        string? answer = await SendIgnoringFailure(send);

        if (kind.StartsWith("Delay")) Assert.Null(answer); // the client gave up before the answer came
        // Give a late booking time to happen (CI's two cores can be slow), then judge by the sandbox's own record.
        Assert.Equal(1, await BookingsOnceSettled(booked));
    }

    /// <summary>Polls the sandbox's record until it holds a booking (or a deadline passes), then reads it once more so a double booking shows.</summary>
    private static async Task<int> BookingsOnceSettled(Func<Task<int>> booked)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        await Task.Delay(FaultDelayMs);
        while (await booked() == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(200);
        return await booked();
    }

    [Fact]
    public async Task The_control_surface_counts_a_late_booking_in_flight_until_it_is_booked()
    {
        // The soak waits for inFlight 0 before judging the ledger, so a late booking never lands after the next reset.
        var (path, send, booked) = await Prepare("member-payment");
        (await _control.PostAsJsonAsync("/__sandbox/faults", new { path, kind = "Delay", count = 1, delayMs = FaultDelayMs })).EnsureSuccessStatusCode();

        var client = SendIgnoringFailure(send);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int seen = 0;
        while (seen == 0 && DateTime.UtcNow < deadline) { seen = await InFlight(); if (seen == 0) await Task.Delay(20); }
        Assert.Equal(1, seen);
        while (await InFlight() > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(0, await InFlight());
        Assert.Equal(1, await booked());
        await client;
    }

    private async Task<int> InFlight()
    {
        using var doc = JsonDocument.Parse(await _control.GetStringAsync("/__sandbox/faults"));
        return doc.RootElement.GetProperty("inFlight").GetInt32();
    }

    [Fact]
    public async Task A_late_answer_after_commit_still_reaches_a_patient_client()
    {
        var (path, send, booked) = await Prepare("member-payment");
        (await _control.PostAsJsonAsync("/__sandbox/faults", new { path, kind = "DelayAfterCommit", count = 1, delayMs = 300 })).EnsureSuccessStatusCode();

        using var patient = new HttpClient { BaseAddress = _sandbox.RootUri, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await patient.SendAsync(send());

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("ConfirmPaymentResult", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await booked());
    }

    private async Task<string?> SendIgnoringFailure(Func<HttpRequestMessage> send)
    {
        using var impatient = new HttpClient { BaseAddress = _sandbox.RootUri, Timeout = TimeSpan.FromMilliseconds(ClientTimeoutMs) };
        try
        {
            using var response = await impatient.SendAsync(send());
            return await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    /// <summary>The faulted route, a request that moves money on it, and how many bookings the sandbox holds for it.</summary>
    private async Task<(string Path, Func<HttpRequestMessage> Send, Func<Task<int>> Booked)> Prepare(string route)
    {
        string trace = "F-" + Guid.NewGuid().ToString("N")[..12];
        switch (route)
        {
            case "member-payment":
            case "withdrawal":
            case "qr-payment":
            {
                using var wallet = new Wallet.WalletClient(_sandbox);
                var payer = await wallet.Login();
                object body;
                string path;
                if (route == "member-payment")
                {
                    path = "payments/confirm/member-payment";
                    body = new { toMemberPrincipal = "86888", amount = 5.00m, transferTypeId = 14, transactionPin = "1234", traceNumber = trace };
                }
                else if (route == "withdrawal")
                {
                    path = "payments/confirm/system-payment";
                    body = new { transferTypeId = 28, amount = 5.00m, transactionPin = "1234", traceNumber = trace };
                }
                else
                {
                    var merchant = await wallet.Login("9555", "0000");
                    string qr = (await merchant.Post("qr/create", new { amount = 5.00m })).AssertSuccess().Payload("QrCode").GetProperty("qrString").GetString()!;
                    path = "qr/pay";
                    body = new { qrString = qr, transactionPin = "1234", traceNumber = trace };
                }
                string apiKey = wallet.ApiKey, token = payer.Token;
                return ("/wallet/api/" + path, () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/wallet/api/" + path) { Content = JsonContent.Create(body) };
                    request.Headers.Add("apikey", apiKey);
                    request.Headers.Add("Paynet-Session-Token", token);
                    return request;
                }, async () => (await Ledger()).Count(e => e.GetProperty("api").GetString() == "Wallet" && e.GetProperty("reference").GetString() == trace));
            }
            case "topup-confirm":
            {
                using var topUp = new TopUpTestClient(_sandbox);
                string account = "9715" + Random.Shared.Next(100000, 999999) + "00";
                var check = await topUp.Check("et-mc", trace, account, 15m);
                Assert.Null(check.ErrorCode);
                return ("/topup/transaction/confirm", () =>
                {
                    // Signed when sent: keys must grow, so a fresh one per request.
                    using var signer = new TopUpTestClient(_sandbox);
                    var body = new JsonObject { ["auth"] = signer.Auth(), ["external_transaction_id"] = trace, ["fields"] = new JsonObject { ["amount"] = 15m } };
                    return new HttpRequestMessage(HttpMethod.Post, "/topup/transaction/confirm") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
                }, async () => (await Ledger()).Count(e => e.GetProperty("api").GetString() == "TopUp" && e.GetProperty("reference").GetString() == trace));
            }
            case "card-refund":
            {
                using var card = new CardTestClient(_sandbox);
                string xactId = await card.XactIdOf(1000002);
                string key = _sandbox.Options.Card.SecretKey;
                int before = await RefundRequests(xactId);
                return ("/card/v1/transaction/reversed_request", () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/card/v1/transaction/reversed_request") { Content = JsonContent.Create(new { xact_id = xactId }) };
                    request.Headers.TryAddWithoutValidation("Authorization", "Basic " + key);
                    return request;
                }, async () => await RefundRequests(xactId) - before);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(route));
        }
    }

    private async Task<List<JsonElement>> Ledger()
    {
        using var doc = JsonDocument.Parse(await _control.GetStringAsync("/__sandbox/ledger"));
        return doc.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private async Task<int> RefundRequests(string xactId)
    {
        using var doc = JsonDocument.Parse(await _control.GetStringAsync("/__sandbox/card/state"));
        return doc.RootElement.GetProperty("reversalRequests").EnumerateArray().Count(r => r.GetProperty("originalXactId").GetString() == xactId);
    }
}
