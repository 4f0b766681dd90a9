using System.Net.Http.Json;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Card;

/// <summary>
/// Refund/cancel requests (card.md §3.4, §7.3, §7.5): a request waits as "pending" until the control surface
/// approves or rejects it. Approval creates the reversal transaction: R (same day, full) or CD (later day, full or
/// partial). A `succeedUrl` receives the callback JSON when the request resolves.
/// </summary>
public static class CardRefunds
{
    private static readonly HttpClient Callbacks = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task ReversedRequest(CardCall call)
    {
        if (!call.Text("xact_id", out var xactId, out var refusal) || !call.Kurus("amount", out var requested, out refusal) ||
            !call.Text("succeedUrl", out var succeedUrl, out refusal))
        {
            await refusal!;
            return;
        }
        if (xactId is null)
        {
            await call.BadRequest("xact_id is required");
            return;
        }
        if (succeedUrl is not null && !(Uri.TryCreate(succeedUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            await call.BadRequest("succeedUrl must be an absolute http(s) URL");
            return;
        }

        (int Code, string Message)? answer;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            answer = data.ByXactId.TryGetValue(xactId, out var original) ? Request(call, data, original, requested, succeedUrl) : null;
        }
        await (answer is { } a ? call.Envelope(a.Code, a.Message) : call.NotFound());
    }

    private static (int, string) Request(CardCall call, CardData data, CardTransaction original, decimal? requested, string? succeedUrl)
    {
        if (!original.IsSucceed) return (6, "noprocess: the transaction did not succeed");
        if (!original.IsMoneyIn) return (19, "wrongtransactiontype: only sales and captures can be cancelled or refunded");
        var now = call.Now;
        bool sameDay = original.XactDate.Date == now.Date;
        decimal remaining = Remaining(data, original);
        if (sameDay && requested is decimal partial && partial != original.Amount)
            return (1, "unsuccessful: a same-day transaction can only be cancelled in full");
        if (sameDay && remaining != original.Amount)
            return (1, "unsuccessful: a cancel or refund of this transaction is already requested");
        decimal amount = requested ?? remaining;
        if (amount <= 0 || amount > remaining) return (1, $"unsuccessful: the refundable remainder is {remaining:0.00} TRY");
        data.Requests.Add(new CardReversalRequest
        {
            RequestId = data.NextRequestId(),
            OriginalId = original.Id,
            Amount = amount,
            Kind = sameDay ? "R" : "CD",
            EntryDate = now,
            SucceedUrl = succeedUrl,
        });
        return (0, CardJson.Success);
    }

    /// <summary>What may still be refunded: the amount less approved and pending requests (nothing after a cancel).</summary>
    public static decimal Remaining(CardData data, CardTransaction original)
    {
        if (original.CancelledById is not null) return 0;
        decimal claimed = data.Requests.Where(r => r.OriginalId == original.Id && r.Status is "pending" or "approved").Sum(r => r.Amount);
        return original.Amount - claimed;
    }

    /// <summary>
    /// Approves or rejects a pending request; null with a reason when it cannot. Approval books the reversal in the
    /// ledger (reference = the original reference_no, TRY).
    /// </summary>
    public static (CardReversalRequest? Request, string? Problem) Resolve(CardState state, int requestId, bool approve,
        SandboxClock clock, MoneyLedger ledger)
    {
        CardReversalRequest request;
        object callback;
        lock (state.Gate)
        {
            var data = state.Data;
            var found = data.Requests.FirstOrDefault(r => r.RequestId == requestId);
            if (found is null) return (null, $"No reversal request {requestId}.");
            if (found.Status != "pending") return (null, $"Reversal request {requestId} is already {found.Status}.");
            request = found;
            var original = data.ById[request.OriginalId];
            var now = CardCall.ToTurkey(clock.UtcNow);
            request.ResolvedAt = now;
            if (approve)
            {
                var reversal = data.Create(new CardDraft(original.ReferenceNo, now, request.Kind, original.BankId, original.CardType,
                    request.Amount, Instalment: original.Instalment, Parent: original, AgentId: original.AgentId));
                CardSeed.Reverse(original, reversal, cancels: request.Kind == "R");
                request.Status = "approved";
                request.ReversalId = reversal.Id;
                request.Message = CardJson.Success;
                ledger.Record(new LedgerEntry("Card", request.Kind == "R" ? "Cancel" : "Refund", original.ReferenceNo, reversal.XactId,
                    request.Amount, "TRY", clock.UtcNow));
                callback = new { xact_id = reversal.XactId, code = "0", status = "approved", message = request.Message };
            }
            else
            {
                request.Status = "rejected";
                request.Message = "İade talebi reddedildi";
                callback = new { xact_id = original.XactId, code = "1", status = "rejected", message = request.Message };
            }
        }
        if (request.SucceedUrl is string url) _ = NotifyAsync(url, callback);
        return (request, null);
    }

    /// <summary>Best effort, like a real callback: a receiver that is down just misses it.</summary>
    private static async Task NotifyAsync(string url, object callback)
    {
        try
        {
            using var response = await Callbacks.PostAsJsonAsync(url, callback);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
        }
    }
}
