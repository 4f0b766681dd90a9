using System.Text.Json.Nodes;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.TopUp;

/// <summary>
/// Sandbox-only routes under /__sandbox/topup (topup.md §12.6): they stand in for "ask Paynet support" (reset a
/// key), set up money (balance), and drive transactions to any state for client tests.
/// </summary>
public static class TopUpControlApi
{
    public static void MapTopUpControl(this WebApplication app)
    {
        var control = app.MapGroup("/__sandbox/topup");

        control.MapGet("/pos", (TopUpState state) =>
        {
            lock (state.Gate) return Results.Json(new { pos = state.AllPos.Select(PosJson).ToArray() });
        });

        control.MapPost("/pos/{id:int}/reset-key", async (int id, HttpRequest request, TopUpState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            long? lastKey = body?["lastKey"] is JsonNode n && long.TryParse(n.ToString(), out long k) ? k : null;
            lock (state.Gate)
            {
                var pos = state.Pos(id);
                if (pos is null) return NoPos(id);
                pos.LastKey = lastKey;
                return Results.Json(PosJson(pos));
            }
        });

        control.MapPost("/pos/{id:int}/balance", async (int id, HttpRequest request, TopUpState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            if (body?["balance"] is not JsonNode node || !decimal.TryParse(node.ToString(), System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture, out decimal balance))
                return Results.BadRequest(new { error = "Send {\"balance\": <AED amount>}." });
            lock (state.Gate)
            {
                var pos = state.Pos(id);
                if (pos is null) return NoPos(id);
                pos.Balance = balance;
                return Results.Json(PosJson(pos));
            }
        });

        control.MapPost("/pos/{id:int}/active", async (int id, HttpRequest request, TopUpState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            if (body?["active"] is not JsonNode node || !bool.TryParse(node.ToString(), out bool active))
                return Results.BadRequest(new { error = "Send {\"active\": true|false}." });
            lock (state.Gate)
            {
                var pos = state.Pos(id);
                if (pos is null) return NoPos(id);
                pos.Active = active;
                return Results.Json(PosJson(pos));
            }
        });

        control.MapGet("/transactions", (TopUpState state, SandboxOptions options) =>
        {
            lock (state.Gate)
                return Results.Json(new { transactions = state.Transactions.Select(t => TransactionJson(t, options)).ToArray() });
        });

        // Force a state and/or arm an error for the next confirm/find calls of one transaction.
        control.MapPost("/transactions/{id}/state", async (string id, HttpRequest request, TopUpState state, SandboxOptions options,
            SandboxClock clock, MoneyLedger ledger) =>
        {
            var body = await ControlApi.ReadObject(request);
            if (body is null) return Results.BadRequest(new { error = "Send {\"state\": n, \"error\": \"text\"} and/or {\"errorCode\": n, \"errorCount\": n}." });
            int? newState = ReadInt(body, "state");
            int? errorCode = ReadInt(body, "errorCode");
            if (newState is null && errorCode is null)
                return Results.BadRequest(new { error = "Send a \"state\" and/or an \"errorCode\"." });
            if (newState is int s && s is not (-1 or 0 or 1 or 2 or 3 or 4 or 6))
                return Results.BadRequest(new { error = "state must be one of -1, 0, 1, 2, 3, 4, 6." });
            lock (state.Gate)
            {
                var t = state.ByAnyId(id);
                if (t is null) return NoTransaction(id);
                if (newState is int target)
                {
                    t.Forced = true;
                    TopUpMoney.MoveTo(t, target, body["error"]?.ToString() ?? "", state, ledger, clock.UtcNow);
                }
                if (errorCode is int code)
                {
                    t.ForcedErrorCode = code;
                    t.ForcedErrorMessage = body["errorMessage"]?.ToString();
                    t.ForcedErrorCount = ReadInt(body, "errorCount") ?? 1;
                }
                return Results.Json(TransactionJson(t, options));
            }
        });

        // Settle a pending (0 or 6) top-up in a final state: 1 by default.
        control.MapPost("/transactions/{id}/settle", async (string id, HttpRequest request, TopUpState state, SandboxOptions options,
            SandboxClock clock, MoneyLedger ledger) =>
        {
            var body = await ControlApi.ReadObject(request);
            int target = body is null ? 1 : ReadInt(body, "state") ?? 1;
            if (target is not (1 or 2 or 3 or 4)) return Results.BadRequest(new { error = "A settled state is 1, 2, 3 or 4." });
            lock (state.Gate)
            {
                var t = state.ByAnyId(id);
                if (t is null) return NoTransaction(id);
                if (t.State is not (0 or 6))
                    return Results.Conflict(new { error = $"Transaction {t.Id} is in state {t.State}, not pending (0) or paused (6)." });
                t.Forced = true;
                string error = body?["error"]?.ToString() ?? (target == 2 ? "Settled as failed by the sandbox" : "");
                TopUpMoney.MoveTo(t, target, error, state, ledger, clock.UtcNow);
                return Results.Json(TransactionJson(t, options));
            }
        });

        control.MapPost("/reset", (TopUpState state) =>
        {
            state.Reset();
            return Results.Json(new { reset = true });
        });
    }

    private static object PosJson(TopUpPos pos) => new
    {
        id = pos.Id, token = pos.Token, active = pos.Active, balance = pos.Balance, lastKey = pos.LastKey,
        agent = new { name = pos.AgentName, address = pos.AgentAddress },
    };

    private static JsonObject TransactionJson(TopUpTransaction t, SandboxOptions options)
    {
        var json = TopUpJson.TransactionResponse(t, options.TopUp.TimeZoneOffset);
        json["sandbox"] = new JsonObject
        {
            ["pos_id"] = t.PosId,
            ["scenario"] = t.Scenario,
            ["finds"] = t.FindCount,
            ["confirms"] = t.ConfirmCount,
            ["debited"] = t.Debited && !t.Refunded,
            ["forced"] = t.Forced,
        };
        return json;
    }

    private static int? ReadInt(JsonObject body, string name) =>
        body[name] is JsonNode node && int.TryParse(node.ToString(), out int value) ? value : null;

    private static IResult NoPos(int id) => Results.NotFound(new { error = $"No POS {id}." });

    private static IResult NoTransaction(string id) => Results.NotFound(new { error = $"No transaction {id}." });
}
