using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Control;

/// <summary>
/// The sandbox-only surface under /__sandbox: discovery, reset, clock, faults and the ledger. Each API
/// adds its own control routes (settle a top-up, approve a refund...) under the same prefix.
/// </summary>
public static class ControlApi
{
    public static void MapControlApi(this WebApplication app)
    {
        var control = app.MapGroup("/__sandbox");

        control.MapGet("", (HttpContext http, SandboxOptions options) => Results.Json(Discovery(http, options)));

        control.MapPost("/reset", (IEnumerable<ISandboxState> states, SandboxClock clock, MoneyLedger ledger, FaultInjector faults) =>
        {
            clock.Reset();
            ledger.Clear();
            faults.Clear();
            foreach (var state in states) state.Reset();
            return Results.Json(new { reset = true, now = clock.UtcNow });
        });

        control.MapGet("/clock", (SandboxClock clock) => Results.Json(new { now = clock.UtcNow }));
        control.MapPost("/clock", async (HttpRequest request, SandboxClock clock) =>
        {
            var body = await ReadObject(request);
            if (body?["now"] is JsonNode now && DateTimeOffset.TryParse(now.ToString(), out var at)) clock.Set(at);
            else if (body?["advanceSeconds"] is JsonNode secs && double.TryParse(secs.ToString(), out var s)) clock.Advance(TimeSpan.FromSeconds(s));
            else if (body?["advanceMinutes"] is JsonNode mins && double.TryParse(mins.ToString(), out var m)) clock.Advance(TimeSpan.FromMinutes(m));
            else return Results.BadRequest(new { error = "Send {\"now\": \"<ISO 8601>\"} or {\"advanceSeconds\": n} or {\"advanceMinutes\": n}." });
            return Results.Json(new { now = clock.UtcNow });
        });
        control.MapPost("/clock/advance", async (HttpRequest request, SandboxClock clock) =>
        {
            var body = await ReadObject(request);
            double seconds = body?["seconds"] is JsonNode n && double.TryParse(n.ToString(), out var s) ? s : 0;
            clock.Advance(TimeSpan.FromSeconds(seconds));
            return Results.Json(new { now = clock.UtcNow });
        });

        control.MapPost("/faults", (FaultRule rule, FaultInjector faults) =>
        {
            if (string.IsNullOrWhiteSpace(rule.Path) || rule.Count <= 0)
                return Results.BadRequest(new { error = "A fault needs a path and a positive count." });
            faults.Arm(rule);
            return Results.Json(new { armed = faults.Armed() });
        });
        control.MapGet("/faults", (FaultInjector faults) => Results.Json(new { armed = faults.Armed(), injected = faults.InjectedCount, inFlight = faults.InFlightCount }));
        control.MapDelete("/faults", (FaultInjector faults) => { faults.Clear(); return Results.Json(new { armed = Array.Empty<FaultRule>() }); });

        control.MapGet("/ledger", (MoneyLedger ledger) => Results.Json(new { entries = ledger.Snapshot() }));

        // Bookings that hold money but are not in the ledger yet: pending Wallet transfers (add money awaiting the
        // gateway, pending withdrawals). A soak judges "no booking is silent" against these too.
        control.MapGet("/pending-transfers", (PayNet.Sandbox.Wallet.WalletState state) =>
        {
            lock (state.Gate)
            {
                return Results.Json(new
                {
                    transfers = state.Transfers.Values
                        .Where(t => t.ParentId is null && t.Status == PayNet.Sandbox.Wallet.TransferStatus.Pending)
                        .Select(t => new { id = t.Id, reference = t.TraceNumber, amount = t.Amount, typeId = t.TypeId, operation = t.Operation })
                        .ToArray(),
                    // Transfers that were pending and then failed or were denied hold no money, but they did exist.
                    settledWithoutMoney = state.Transfers.Values
                        .Where(t => t.ParentId is null && t.Status != PayNet.Sandbox.Wallet.TransferStatus.Pending && t.Status != PayNet.Sandbox.Wallet.TransferStatus.Processed)
                        .Select(t => new { id = t.Id, reference = t.TraceNumber, amount = t.Amount, status = t.Status })
                        .ToArray(),
                });
            }
        });
    }

    public static object Discovery(HttpContext http, SandboxOptions options)
    {
        string root = $"{http.Request.Scheme}://{http.Request.Host}";
        return new
        {
            name = "PayNet sandbox",
            wallet = new { baseUri = root + "/wallet/api", apiKey = options.Wallet.ApiKey, principal = options.Wallet.Principal, pin = options.Wallet.Pin },
            topUp = new { baseUri = root + "/topup", posId = options.TopUp.PosId, token = options.TopUp.Token },
            card = new { baseUri = root + "/card", secretKey = options.Card.SecretKey, testSecretKey = options.Card.TestSecretKey },
        };
    }

    public static async Task<JsonObject?> ReadObject(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
