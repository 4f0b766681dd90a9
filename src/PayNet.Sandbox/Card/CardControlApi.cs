using System.Text.Json.Nodes;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Card;

/// <summary>
/// Sandbox-only routes under /__sandbox/card (card.md §7.6): resolve refund requests, dump the state, rebuild the
/// data set with another seed, tax rate or number of random rows.
/// </summary>
public static class CardControlApi
{
    public static void MapCardControl(this WebApplication app)
    {
        var control = app.MapGroup("/__sandbox/card");

        control.MapPost("/reversals/{requestId:int}/approve", (int requestId, CardState state, SandboxClock clock, MoneyLedger ledger) =>
            Resolve(state, requestId, approve: true, clock, ledger));
        control.MapPost("/reversals/{requestId:int}/reject", (int requestId, CardState state, SandboxClock clock, MoneyLedger ledger) =>
            Resolve(state, requestId, approve: false, clock, ledger));

        control.MapGet("/state", (CardState state) =>
        {
            lock (state.Gate)
            {
                var data = state.Data;
                return Results.Json(new
                {
                    seed = data.Seed,
                    taxRate = data.TaxRate,
                    transactions = data.Ordered.Select(StateRow).ToArray(),
                    reversalRequests = data.Requests.Select(r => RequestRow(data, r)).ToArray(),
                });
            }
        });

        control.MapPost("/reset", async (HttpRequest request, CardState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            ulong? seed = body?["seed"] is JsonNode s && ulong.TryParse(s.ToString(), out ulong sv) ? sv : null;
            decimal? tax = body?["tax_rate"] is JsonNode t && decimal.TryParse(t.ToString(), System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out decimal tv) && tv is >= 0 and < 1 ? tv : null;
            int? random = body?["random_count"] is JsonNode r && int.TryParse(r.ToString(), out int rv) && rv is >= 0 and <= 1_000_000 ? rv : null;
            state.Rebuild(seed, tax, random);
            var data = state.Data;
            return Results.Json(new { reset = true, seed = data.Seed, taxRate = data.TaxRate, transactions = data.Ordered.Count });
        });
    }

    private static IResult Resolve(CardState state, int requestId, bool approve, SandboxClock clock, MoneyLedger ledger)
    {
        var (request, problem) = CardRefunds.Resolve(state, requestId, approve, clock, ledger);
        if (request is null)
            return problem!.StartsWith("No ", StringComparison.Ordinal) ? Results.NotFound(new { error = problem }) : Results.Conflict(new { error = problem });
        lock (state.Gate) return Results.Json(RequestRow(state.Data, request));
    }

    private static object RequestRow(CardData data, CardReversalRequest r) => new
    {
        requestId = r.RequestId,
        originalId = r.OriginalId,
        originalXactId = data.ById[r.OriginalId].XactId,
        referenceNo = data.ById[r.OriginalId].ReferenceNo,
        amount = r.Amount,
        kind = r.Kind,
        status = r.Status,
        entryDate = r.EntryDate,
        resolvedAt = r.ResolvedAt,
        reversalId = r.ReversalId,
        reversalXactId = r.ReversalId is long id ? data.ById[id].XactId : null,
        succeedUrl = r.SucceedUrl,
    };

    private static object StateRow(CardTransaction t) => new
    {
        id = t.Id, xactId = t.XactId, referenceNo = t.ReferenceNo, xactDate = t.XactDate, xactType = t.XactType,
        transactionType = t.TransactionType, amount = t.Amount, netAmount = t.NetAmount, comission = t.Comission,
        comissionTax = t.ComissionTax, ratio = t.Ratio, isSucceed = t.IsSucceed, reversed = t.Reversed,
        reversedXactId = t.ReversedXactId, parentId = t.ParentId, cancelledById = t.CancelledById, consumedById = t.ConsumedById,
        isTransferred = t.IsTransferred, documentNo = t.DocumentNo, escrowStatus = t.EscrowStatus, agentId = t.AgentId,
        bankId = t.BankId, companyVdate = t.CompanyVdate, note = t.Note, email = t.Email, phone = t.Phone,
    };
}
