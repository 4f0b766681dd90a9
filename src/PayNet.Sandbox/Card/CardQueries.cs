using System.Buffers;
using System.Text;

namespace PayNet.Sandbox.Card;

/// <summary>
/// Payment check (card.md §3.1) and transaction detail (§3.2). Check is the load-tested path: lock-free index
/// lookups and rows serialized ahead of time, copied straight into the response.
/// </summary>
public static class CardQueries
{
    private static readonly byte[] CheckPrefix = "{\"Data\":["u8.ToArray();
    private static readonly byte[] CheckSuffix =
        Encoding.UTF8.GetBytes($"],\"object_name\":\"transaction_check\",\"code\":0,\"message\":\"{CardJson.Success}\"}}");

    public static async Task Check(CardCall call)
    {
        if (!call.Text("xact_id", out var xactId, out var refusal) || !call.Text("reference_no", out var referenceNo, out refusal))
        {
            await refusal!;
            return;
        }
        if (xactId is null && referenceNo is null)
        {
            await call.BadRequest("xact_id or reference_no is required");
            return;
        }

        var data = call.State.Data;
        CardTransaction[] rows;
        if (xactId is not null)
            rows = data.ByXactId.TryGetValue(xactId, out var one) ? new[] { one } : Array.Empty<CardTransaction>();
        else
            rows = data.ByReference.TryGetValue(referenceNo!, out var many) ? many : Array.Empty<CardTransaction>();
        if (rows.Length == 0)
        {
            await call.NotFound();
            return;
        }

        var snapshot = rows.Length == 1 ? new[] { rows[0].CheckRow } : rows.Select(r => r.CheckRow).ToArray();
        int length = CheckPrefix.Length + CheckSuffix.Length + snapshot.Length - 1;
        foreach (var row in snapshot) length += row.Length;

        var response = call.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = length;
        var writer = response.BodyWriter;
        writer.Write(CheckPrefix);
        for (int i = 0; i < snapshot.Length; i++)
        {
            if (i > 0) writer.Write(","u8);
            writer.Write(snapshot[i]);
        }
        writer.Write(CheckSuffix);
        await writer.FlushAsync();
    }

    public static async Task Detail(CardCall call)
    {
        if (!call.Text("id", out var id, out var refusal) || !call.Text("xact", out var xact, out refusal) ||
            !call.Text("xact_id", out var xactId, out refusal) || !call.Text("reference_no", out var referenceNo, out refusal) ||
            !call.Text("user_id", out var userId, out refusal))
        {
            await refusal!;
            return;
        }
        if (id is null && xact is null && xactId is null && referenceNo is null)
        {
            await call.BadRequest("one of id, xact, xact_id or reference_no is required");
            return;
        }

        byte[]? body = null;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            var rows = CardState.Lookup(data, id ?? xact, xactId, referenceNo)
                .Where(t => userId is null || string.Equals(t.UserId, userId, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (rows.Count > 0)
            {
                body = Serialize(w =>
                {
                    w.WriteStartArray("Data");
                    foreach (var t in rows) CardJson.DetailRow(w, t, data.EmitBothNetSpellings);
                    w.WriteEndArray();
                    w.WriteString("object_name", "transaction_detail");
                    w.WriteNumber("code", 0);
                    w.WriteString("message", CardJson.Success);
                });
            }
        }
        await (body is null ? call.NotFound() : call.Json(body));
    }

    /// <summary>Serializes an object body into a byte array, so no lock is held while the response is written.</summary>
    public static byte[] Serialize(Action<System.Text.Json.Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, CardJson.WriterOptions))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
