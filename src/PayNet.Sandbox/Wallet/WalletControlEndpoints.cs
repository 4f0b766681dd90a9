using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// The Wallet part of the sandbox control surface (§11.12). Plain JSON like the rest of /__sandbox;
/// these routes are not rate-limited and need no apikey.
/// </summary>
internal static class WalletControlEndpoints
{
    public static void Map(WebApplication app)
    {
        var control = app.MapGroup("/__sandbox");

        control.MapPost("/transfers/{id:long}/confirm", (long id, WalletState state) => Run(state, () => TransferView(WalletSettlement.Settle(state, id, succeed: true))));
        control.MapPost("/transfers/{id:long}/fail", (long id, WalletState state) => Run(state, () => TransferView(WalletSettlement.Settle(state, id, succeed: false))));

        control.MapPost("/members/{id:long}/unblock", (long id, WalletState state) => Run(state, () =>
        {
            var member = state.Members.GetValueOrDefault(id) ?? throw WalletErrors.MemberNotFound($"No member {id}");
            member.LoginBlocked = member.PinBlocked = false;
            member.LoginFailures = member.PinFailures = 0;
            return new { memberId = id, unblocked = true };
        }));

        control.MapPost("/sessions/{token}/expire", (string token, WalletState state) => Run(state, () =>
            state.Sessions.Expire(token) ? new { expired = true } : throw WalletErrors.NotFound("No such session")));

        control.MapPost("/rate-limit/reset", (WalletState state) => Run(state, () =>
        {
            state.RateLimiter.Clear();
            return new { reset = true };
        }));

        control.MapPost("/disputes/{id:long}/resolve", async (long id, HttpRequest request, WalletState state) =>
        {
            string outcome = (await ControlApi.ReadObject(request))?["outcome"]?.ToString() ?? "";
            return Run(state, () => DisputeEndpoints.View(state, DisputeEndpoints.Resolve(state, id, outcome)));
        });
        control.MapPost("/disputes/{id:long}/review", (long id, WalletState state) =>
            Run(state, () => DisputeEndpoints.View(state, DisputeEndpoints.Review(state, id))));

        // Bulk history for paging and memory benchmarks: processed 1.00 P2P transfers between two members,
        // alternating direction so balances net out, one second apart back from now. Not money: no ledger entries.
        control.MapPost("/history/seed", async (HttpRequest request, WalletState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            long memberId = long.TryParse(body?["memberId"]?.ToString(), out long m) ? m : 2;
            long counterpartId = long.TryParse(body?["counterpartId"]?.ToString(), out long c) ? c : 3;
            int count = int.TryParse(body?["count"]?.ToString(), out int n) ? n : 0;
            return Run(state, () =>
            {
                if (count is < 1 or > 1_000_000) throw WalletErrors.Validation("'count' must be between 1 and 1,000,000");
                var own = state.Accounts.Values.FirstOrDefault(a => a.MemberId == memberId && a.IsDefault) ?? throw WalletErrors.NotFound($"Member {memberId} was not found");
                var other = state.Accounts.Values.FirstOrDefault(a => a.MemberId == counterpartId && a.IsDefault) ?? throw WalletErrors.NotFound($"Member {counterpartId} was not found");
                var now = state.Now;
                for (int i = 0; i < count; i++)
                {
                    bool outgoing = i % 2 == 0;
                    var transfer = new WalletTransfer
                    {
                        Id = state.NextTransferId(), TypeId = 14, TypeName = "P2P Transfer", Operation = "Seed",
                        FromAccountId = outgoing ? own.Id : other.Id, ToAccountId = outgoing ? other.Id : own.Id,
                        Amount = 1.00m, Date = now.AddSeconds(-i), ProcessDate = now.AddSeconds(-i), Status = TransferStatus.Processed,
                        Description = "Seeded history", TraceNumber = $"SEED-{i:D7}", TransactionNumber = state.NextTransactionNumber(),
                    };
                    state.Transfers[transfer.Id] = transfer;
                }
                return new { seeded = count, memberId, counterpartId };
            });
        });

        control.MapPost("/documents/{id:long}/approve", (long id, WalletState state) => Run(state, () => Review(state, id, "APPROVED")));
        control.MapPost("/documents/{id:long}/reject", (long id, WalletState state) => Run(state, () => Review(state, id, "REJECTED")));

        control.MapPost("/transfer-types/{id:long}", async (long id, HttpRequest request, WalletState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            return Run(state, () =>
            {
                var type = state.Rules.Types.GetValueOrDefault(id) ?? throw WalletErrors.NotFound($"Transfer type {id} was not found");
                if (Flag(body, "deductFee") is { } deduct) type.DeductFee = deduct;
                if (Flag(body, "pending") is { } pending) type.Pending = pending;
                return new { id = type.Id, name = type.Name, deductFee = type.DeductFee, pending = type.Pending };
            });
        });
        control.MapPost("/agreements/enforce", async (HttpRequest request, WalletState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            return Run(state, () =>
            {
                state.Rules.EnforceAgreements = Flag(body, "enabled") ?? throw WalletErrors.Validation("Send {\"enabled\": true|false}");
                return new { enforceAgreements = state.Rules.EnforceAgreements };
            });
        });
        control.MapPost("/members/{id:long}/require-otp", async (long id, HttpRequest request, WalletState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            return Run(state, () =>
            {
                var member = state.Members.GetValueOrDefault(id) ?? throw WalletErrors.MemberNotFound($"No member {id}");
                member.RequireOtp = Flag(body, "required") ?? throw WalletErrors.Validation("Send {\"required\": true|false}");
                return new { memberId = id, requireOtp = member.RequireOtp };
            });
        });

        control.MapPost("/members/{id:long}/require-pin", async (long id, HttpRequest request, WalletState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            return Run(state, () =>
            {
                var member = state.Members.GetValueOrDefault(id) ?? throw WalletErrors.MemberNotFound($"No member {id}");
                member.RequirePin = Flag(body, "required") ?? throw WalletErrors.Validation("Send {\"required\": true|false}");
                return new { memberId = id, requireTransactionPin = member.RequirePin };
            });
        });

        control.MapGet("/otp/last", (HttpRequest request, WalletState state) => Run(state, () =>
        {
            string medium = request.Query["medium"].ToString().Trim();
            if (medium.Length == 0) throw WalletErrors.Validation("Pass ?medium=<mobile number>");
            var otp = WalletOtps.Latest(state, medium) ?? throw WalletErrors.NotFound($"No OTP was issued for {medium}");
            return new { medium, otp = otp.Code, actionType = otp.Action, expiresAt = otp.ExpiresAt };
        }));
    }

    private static bool? Flag(JsonObject? body, string name) =>
        body?[name]?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

    private static object Review(WalletState state, long id, string status)
    {
        var document = state.Documents.GetValueOrDefault(id) ?? throw WalletErrors.NotFound($"Document {id} was not found");
        document.Status = status;
        document.ReviewedAt = state.Now;
        return DocumentEndpoints.View(document);
    }

    private static object TransferView(WalletTransfer t) => new
    {
        transferId = t.Id,
        status = t.Status,
        pending = t.Status == TransferStatus.Pending,
        processDate = t.ProcessDate?.ToString("O", CultureInfo.InvariantCulture),
    };

    private static IResult Run(WalletState state, Func<object> action)
    {
        try
        {
            object result;
            lock (state.Gate) result = action();
            return Results.Json(result, WalletJson.Options);
        }
        catch (WalletException error)
        {
            return Results.Json(new { error = error.LongMessage, code = error.Code }, WalletJson.Options, statusCode: error.HttpStatus);
        }
    }
}
