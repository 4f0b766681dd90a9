using System.Globalization;
using System.Text.Json;

namespace PayNet.Sandbox.Card;

/// <summary>
/// Transaction list (card.md §3.3) and refund list (§3.5), with the paging of §3.3.1 as §6.10 reads it:
/// `starting_after` is a 0-based offset (rows N…N+limit), `ending_before` an exclusive upper offset, 0 = not set.
/// </summary>
public static class CardLists
{
    public const int DefaultLimit = 10, MaxLimit = 1000;

    public readonly record struct Paging(int Limit, int StartingAfter, int EndingBefore)
    {
        public (int Start, int Count, bool HasMore) Window(int total)
        {
            if (StartingAfter > 0)
            {
                int start = Math.Min(StartingAfter, total);
                int count = Math.Min(Limit, total - start);
                return (start, count, start + count < total);
            }
            if (EndingBefore > 0)
            {
                int end = Math.Min(EndingBefore, total);
                int start = Math.Max(0, end - Limit);
                return (start, end - start, start > 0);
            }
            int first = Math.Min(Limit, total);
            return (0, first, first < total);
        }
    }

    public static bool ReadPaging(CardCall call, out Paging paging, out Task? refusal)
    {
        paging = default;
        if (!call.Int("limit", out var limit, out refusal) || !call.Int("starting_after", out var after, out refusal) ||
            !call.Int("ending_before", out var before, out refusal)) return false;
        if (after < 0 || before < 0)
        {
            refusal = call.BadRequest("starting_after and ending_before must not be negative");
            return false;
        }
        int effective = limit is int l && l > 0 ? Math.Min(l, MaxLimit) : DefaultLimit;
        paging = new Paging(effective, after ?? 0, before ?? 0);
        return true;
    }

    private static readonly string[] DateFormats =
        { "yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff", "dd.MM.yyyy HH:mm:ss" };

    public static DateTime? ParseDate(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>
    /// datab/datbi as [from, to): the end is exclusive (§6.9); with ListEndExclusive off, a date-only end includes its
    /// whole day.
    /// </summary>
    public static bool ReadRange(CardCall call, out DateTime from, out DateTime to, out Task? refusal)
    {
        from = to = default;
        if (!call.Text("datab", out var start, out refusal) || !call.Text("datbi", out var end, out refusal)) return false;
        if (start is null || end is null)
        {
            refusal = call.BadRequest("datab and datbi are required (yyyy-MM-dd)");
            return false;
        }
        if (ParseDate(start) is not DateTime f || ParseDate(end) is not DateTime t)
        {
            refusal = call.BadRequest("datab and datbi must be dates (yyyy-MM-dd)");
            return false;
        }
        if (f > t)
        {
            refusal = call.BadRequest("datab must not be after datbi");
            return false;
        }
        from = f;
        to = !call.Options.ListEndExclusive && t.TimeOfDay == TimeSpan.Zero ? t.AddDays(1) : t;
        return true;
    }

    public static async Task List(CardCall call)
    {
        if (!ReadRange(call, out var from, out var to, out var refusal) || !ReadPaging(call, out var paging, out refusal) ||
            !call.Text("agent_id", out var agentId, out refusal) || !call.Text("bank_id", out var bankId, out refusal) ||
            !call.Text("user_id", out var userId, out refusal) || !call.Bool("show_unsucceed", out var showUnsucceed, out refusal) ||
            !call.Bool("untransferred", out var untransferred, out refusal))
        {
            await refusal!;
            return;
        }

        byte[] body;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            var rows = new List<CardTransaction>();
            for (int i = FirstAtOrAfter(data.Ordered, from); i < data.Ordered.Count && data.Ordered[i].XactDate < to; i++)
            {
                var t = data.Ordered[i];
                if (!t.IsSucceed && showUnsucceed != true) continue;
                if (t.IsTransferred && untransferred == true) continue;
                if (agentId is not null && !string.Equals(t.AgentId, agentId, StringComparison.OrdinalIgnoreCase)) continue;
                if (bankId is not null && !string.Equals(t.BankId, bankId, StringComparison.OrdinalIgnoreCase)) continue;
                if (userId is not null && !string.Equals(t.UserId, userId, StringComparison.OrdinalIgnoreCase)) continue;
                rows.Add(t);
            }
            var (start, count, hasMore) = paging.Window(rows.Count);
            body = CardQueries.Serialize(w =>
            {
                WriteListHeader(w, rows.Count, count, rows.Sum(r => r.Amount), paging, "transaction_list", hasMore);
                w.WriteStartArray("Data");
                for (int i = start; i < start + count; i++) CardJson.ListRow(w, rows[i], data.EmitBothNetSpellings);
                w.WriteEndArray();
            });
        }
        await call.Json(body);
    }

    public static async Task ReversalList(CardCall call)
    {
        if (!ReadRange(call, out var from, out var to, out var refusal) || !ReadPaging(call, out var paging, out refusal) ||
            !call.Text("agent_id", out var agentId, out refusal) || !call.Text("bank_id", out var bankId, out refusal))
        {
            await refusal!;
            return;
        }

        byte[] body;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            var rows = data.Requests
                .Where(r => r.EntryDate >= from && r.EntryDate < to)
                .Select(r => (Request: r, Original: data.ById[r.OriginalId]))
                .Where(x => agentId is null || string.Equals(x.Original.AgentId, agentId, StringComparison.OrdinalIgnoreCase))
                .Where(x => bankId is null || string.Equals(x.Original.BankId, bankId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(x => x.Request.EntryDate).ThenBy(x => x.Request.RequestId)
                .ToList();
            var (start, count, hasMore) = paging.Window(rows.Count);
            body = CardQueries.Serialize(w =>
            {
                WriteListHeader(w, rows.Count, count, rows.Sum(x => x.Request.Amount), paging, "transaction_reversal_list", hasMore);
                w.WriteStartArray("Data");
                foreach (var (request, original) in rows.Skip(start).Take(count))
                    ReversalRow(w, request, original, request.ReversalId is long rid ? data.ById[rid] : null);
                w.WriteEndArray();
            });
        }
        await call.Json(body);
    }

    private static void WriteListHeader(Utf8JsonWriter w, int total, int count, decimal totalAmount, Paging paging, string objectName, bool hasMore)
    {
        w.WriteString("companyCode", CardData.CompanyCode);
        w.WriteString("companyName", CardData.CompanyName);
        w.WriteNumber("total", total);
        w.WriteNumber("total_count", count);
        w.WriteNumber("total_amount", totalAmount);
        w.WriteNumber("limit", paging.Limit);
        w.WriteNumber("ending_before", paging.EndingBefore);
        w.WriteNumber("starting_after", paging.StartingAfter);
        w.WriteString("object_name", objectName);
        w.WriteBoolean("has_more", hasMore);
        w.WriteNumber("code", 0);
        w.WriteString("message", CardJson.Success);
    }

    /// <summary>A refund-list row: the documented columns, then the request's amount and state (undocumented, §6.11).</summary>
    public static void ReversalRow(Utf8JsonWriter w, CardReversalRequest r, CardTransaction original, CardTransaction? reversal)
    {
        w.WriteStartObject();
        w.WriteString("id", original.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("xact_date", CardJson.Day(original.XactDate));
        w.WriteString("company_code", CardData.CompanyCode);
        w.WriteString("company_name", CardData.CompanyName);
        w.WriteString("entry_date", CardJson.Day(r.EntryDate));
        w.WriteString("agent_id", original.AgentId);
        w.WriteString("agent_name", original.AgentName);
        w.WriteString("user_id", original.UserId);
        w.WriteString("xact_id", original.XactId);
        w.WriteString("reversed_xact_id", reversal?.XactId ?? "");
        w.WriteString("reversed_id", reversal?.Id.ToString(CultureInfo.InvariantCulture) ?? "");
        w.WriteString("bank_id", original.BankId);
        w.WriteString("bank_name", CardNames.Bank(original.BankId));
        w.WriteString("card_no", original.CardNo);
        w.WriteString("card_holder", original.CardHolder);
        w.WriteNumber("request_id", r.RequestId);
        w.WriteString("reference_no", original.ReferenceNo);
        w.WriteNumber("amount", r.Amount);
        w.WriteNumber("original_amount", original.Amount);
        w.WriteString("currency", "TRY");
        w.WriteString("xact_type", r.Kind);
        w.WriteString("status", r.Status);
        w.WriteString("status_message", r.Message);
        w.WriteEndObject();
    }

    /// <summary>Index of the first transaction at or after <paramref name="from"/> (the list is ordered by date).</summary>
    public static int FirstAtOrAfter(List<CardTransaction> ordered, DateTime from)
    {
        int lo = 0, hi = ordered.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ordered[mid].XactDate < from) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
