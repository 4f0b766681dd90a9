using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Card;

/// <summary>
/// The services that change a transaction (card.md §3.7–§3.12, §7.5): marking, metadata, pre-auth cancel, capture,
/// capture cancel and escrow status. A transaction in the wrong state answers code 19 (wrongtransactiontype).
/// </summary>
public static class CardMutations
{
    private const int WrongType = 19;

    public static async Task MarkTransferred(CardCall call)
    {
        if (!call.Text("xact_id", out var xactId, out var refusal) || !call.Text("document_no", out var documentNo, out refusal) ||
            !call.Decimal("amount", out _, out refusal) || !call.Decimal("exchange_rate", out _, out refusal) ||
            !call.Text("currency", out _, out refusal))
        {
            await refusal!;
            return;
        }
        if (xactId is null)
        {
            await call.BadRequest("xact_id is required");
            return;
        }
        bool found;
        lock (call.State.Gate)
        {
            found = call.State.Data.ByXactId.TryGetValue(xactId, out var t);
            if (found)
            {
                t!.IsTransferred = true;
                t.DocumentNo = documentNo ?? t.DocumentNo;
            }
        }
        await (found ? call.Ok() : call.NotFound());
    }

    public static async Task AddInfo(CardCall call)
    {
        if (!call.Text("xact_id", out var xactId, out var refusal) || !call.Text("note", out var note, out refusal) ||
            !call.Text("email", out var email, out refusal) || !call.Text("phone", out var phone, out refusal) ||
            !call.Text("agent_reference", out var agentReference, out refusal) || !call.Text("reference_no", out var referenceNo, out refusal))
        {
            await refusal!;
            return;
        }
        if (xactId is null)
        {
            await call.BadRequest("xact_id is required");
            return;
        }
        string? reference = referenceNo ?? agentReference;
        if (reference is { Length: > 50 } || note is { Length: > 256 })
        {
            await call.BadRequest("reference_no is at most 50 characters and note at most 256");
            return;
        }
        bool found;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            found = data.ByXactId.TryGetValue(xactId, out var t);
            if (found)
            {
                if (note is not null) t!.Note = note;
                if (email is not null) t!.Email = email;
                if (phone is not null) t!.Phone = phone;
                if (reference is not null) data.ChangeReference(t!, reference);
                data.RefreshRow(t!);
            }
        }
        await (found ? call.Ok() : call.NotFound());
    }

    public static async Task PreAuthReversal(CardCall call)
    {
        if (!RequiredXactId(call, out var xactId, out var refusal))
        {
            await refusal!;
            return;
        }
        int? code = null;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            if (data.ByXactId.TryGetValue(xactId!, out var preAuth))
            {
                code = WrongType;
                if (preAuth.XactType == "PR" && preAuth.IsSucceed && preAuth.ConsumedById is null)
                {
                    var cancel = data.Create(Follow(preAuth, "RP", call.Now, preAuth.Amount));
                    preAuth.ConsumedById = cancel.Id;
                    CardSeed.Reverse(preAuth, cancel, cancels: true);
                    code = 0;
                }
            }
        }
        await (code switch
        {
            null => call.NotFound(),
            0 => call.Ok(),
            _ => call.Envelope(WrongType, "wrongtransactiontype: only an open pre-authorization can be cancelled"),
        });
    }

    public static async Task Capture(CardCall call)
    {
        if (!call.Text("xact_id", out var xactId, out var refusal) || !call.Text("xact", out var xact, out refusal) ||
            !call.Text("reference_no", out var referenceNo, out refusal) || !call.Kurus("amount", out var amount, out refusal))
        {
            await refusal!;
            return;
        }
        if (xactId is null && xact is null && referenceNo is null)
        {
            await call.BadRequest("one of xact_id, xact or reference_no is required");
            return;
        }
        await Operate(call, () =>
        {
            var data = call.State.Data;
            var candidates = CardState.Lookup(data, xact, xactId, referenceNo);
            if (candidates.Count == 0) return null;
            var preAuth = candidates.FirstOrDefault(t => t.XactType == "PR" && t.IsSucceed && t.ConsumedById is null);
            if (preAuth is null) return (null, WrongType, "wrongtransactiontype: no open pre-authorization to capture");
            decimal captured = amount ?? preAuth.Amount;
            if (captured > preAuth.Amount) return (null, 1, $"unsuccessful: at most {preAuth.Amount:0.00} TRY can be captured");
            var capture = data.Create(Follow(preAuth, "CR", call.Now, captured) with { Ratio = preAuth.Ratio, IsTds = preAuth.IsTds });
            preAuth.ConsumedById = capture.Id;
            call.Ledger.Record(new LedgerEntry("Card", "Capture", capture.ReferenceNo, capture.XactId, captured, "TRY", call.Clock.UtcNow));
            return (capture, 0, CardJson.Success);
        });
    }

    public static async Task CaptureReversal(CardCall call)
    {
        if (!RequiredXactId(call, out var xactId, out var refusal))
        {
            await refusal!;
            return;
        }
        await Operate(call, () =>
        {
            var data = call.State.Data;
            if (!data.ByXactId.TryGetValue(xactId!, out var capture)) return null;
            if (capture.XactType != "CR" || !capture.IsSucceed || capture.Reversed)
                return (null, WrongType, "wrongtransactiontype: only a successful, uncancelled capture can be cancelled");
            var cancel = data.Create(Follow(capture, "RC", call.Now, capture.Amount));
            CardSeed.Reverse(capture, cancel, cancels: capture.XactDate.Date == cancel.XactDate.Date);
            call.Ledger.Record(new LedgerEntry("Card", "CaptureReversal", capture.ReferenceNo, cancel.XactId, capture.Amount, "TRY", call.Clock.UtcNow));
            return (cancel, 0, CardJson.Success);
        });
    }

    public static async Task EscrowStatusUpdate(CardCall call)
    {
        if (!call.Text("xact_id", out var xactId, out var refusal) || !call.Text("xact", out var xact, out refusal) ||
            !call.Int("status", out var status, out refusal) || !call.Text("note", out var note, out refusal) ||
            !call.Decimal("agent_amount", out _, out refusal))
        {
            await refusal!;
            return;
        }
        if (xactId is null && xact is null)
        {
            await call.BadRequest("xact_id or xact is required");
            return;
        }
        if (status is not (2 or 3) || note is { Length: > 256 })
        {
            await call.BadRequest("status must be 2 (approve) or 3 (reject); note is at most 256 characters");
            return;
        }
        bool found;
        lock (call.State.Gate)
        {
            var rows = CardState.Lookup(call.State.Data, xact, xactId, null);
            found = rows.Count > 0;
            if (found) rows[0].EscrowStatus = status;
        }
        await (found ? call.Ok() : call.NotFound());
    }

    private static bool RequiredXactId(CardCall call, out string? xactId, out Task? refusal)
    {
        if (!call.Text("xact_id", out xactId, out refusal)) return false;
        if (xactId is not null) return true;
        refusal = call.BadRequest("xact_id is required");
        return false;
    }

    /// <summary>A transaction that follows <paramref name="parent"/> (same reference, card and dealer).</summary>
    private static CardDraft Follow(CardTransaction parent, string xactType, DateTime at, decimal amount) =>
        new(parent.ReferenceNo, at, xactType, parent.BankId, parent.CardType, amount, Instalment: parent.Instalment,
            Parent: parent, AgentId: parent.AgentId);

    /// <summary>Runs an operation under the lock; null means not found, otherwise the transaction object or a code.</summary>
    private static async Task Operate(CardCall call, Func<(CardTransaction? Result, int Code, string Message)?> operation)
    {
        (CardTransaction? Result, int Code, string Message)? outcome;
        byte[]? body = null;
        lock (call.State.Gate)
        {
            outcome = operation();
            if (outcome is { Result: { } t } o)
                body = CardOperationJson.Result(t, call.Endpoint.ObjectName, o.Code, o.Message, call.State.Data.EmitBothNetSpellings);
        }
        if (outcome is not { } done) await call.NotFound();
        else if (body is not null) await call.Json(body);
        else await call.Envelope(done.Code, done.Message);
    }
}
