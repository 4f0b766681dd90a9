using System.Buffers;
using System.Text.Json;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Card;

/// <summary>One authenticated card request as a handler sees it, with the ways it can answer.</summary>
public sealed class CardCall
{
    private static readonly TimeSpan TurkeyOffset = TimeSpan.FromHours(3);

    public required HttpContext Http { get; init; }
    public required CardFields Fields { get; init; }
    public required CardState State { get; init; }
    public required CardSandboxOptions Options { get; init; }
    public required SandboxClock Clock { get; init; }
    public required MoneyLedger Ledger { get; init; }
    public required CardEndpoint Endpoint { get; init; }

    /// <summary>Now in Turkey local time (UTC+3, no DST), the zone of every card date.</summary>
    public DateTime Now => Clock.UtcNow.ToOffset(TurkeyOffset).DateTime;

    public static DateTime ToTurkey(DateTimeOffset at) => at.ToOffset(TurkeyOffset).DateTime;

    public Task Json(byte[] body, int status = 200) => CardResponses.WriteAsync(Http, status, body);

    public Task Envelope(int code, string message) => Json(CardJson.Envelope(Endpoint.ObjectName, code, message));

    public Task Ok() => Envelope(0, CardJson.Success);

    public Task BadRequest(string message) => CardResponses.BadRequest(Http, message);

    /// <summary>
    /// card.md §6.4: by default HTTP 200 with code 12 (and an empty `Data` where the service returns rows); with
    /// NotFoundMode "http404" an HTTP 404 no_data_error object.
    /// </summary>
    public Task NotFound()
    {
        if (string.Equals(Options.NotFoundMode, "http404", StringComparison.OrdinalIgnoreCase))
            return Json(CardJson.Error("no_data_error", CardJson.NoData, 404, 12), 404);
        if (!Endpoint.HasData) return Envelope(12, CardJson.NoData);
        return Write(w =>
        {
            w.WriteStartArray("Data");
            w.WriteEndArray();
            w.WriteString("object_name", Endpoint.ObjectName);
            w.WriteNumber("code", 12);
            w.WriteString("message", CardJson.NoData);
        });
    }

    /// <summary>Writes `{ ...members }` built by <paramref name="members"/>, then sends it.</summary>
    public Task Write(Action<Utf8JsonWriter> members, int status = 200)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, CardJson.WriterOptions))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }
        return CardResponses.WriteAsync(Http, status, buffer.WrittenMemory);
    }

    public bool Text(string name, out string? value, out Task? refusal) => Refuse(Fields.TryText(name, out value, out var e), e, out refusal);

    public bool Int(string name, out int? value, out Task? refusal) => Refuse(Fields.TryInt(name, out value, out var e), e, out refusal);

    public bool Decimal(string name, out decimal? value, out Task? refusal) => Refuse(Fields.TryDecimal(name, out value, out var e), e, out refusal);

    public bool Bool(string name, out bool? value, out Task? refusal) => Refuse(Fields.TryBool(name, out value, out var e), e, out refusal);

    /// <summary>A kuruş amount ("1000" = 10.00 TL); absent or "0" gives null.</summary>
    public bool Kurus(string name, out decimal? value, out Task? refusal)
    {
        value = null;
        if (!Text(name, out var text, out refusal)) return false;
        if (text is null) return true;
        decimal? lira = CardArithmetic.FromKurus(text);
        if (lira is null) return Refuse(false, $"{name} must be a whole number of kuruş, e.g. \"1000\" for 10.00 TL", out refusal);
        value = lira == 0 ? null : lira;
        return true;
    }

    private bool Refuse(bool ok, string? error, out Task? refusal)
    {
        refusal = ok ? null : BadRequest(error!);
        return ok;
    }
}

public static class CardResponses
{
    public static async Task WriteAsync(HttpContext http, int status, ReadOnlyMemory<byte> body)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    public static Task BadRequest(HttpContext http, string message) =>
        WriteAsync(http, 400, CardJson.Error("invalid_request_error", message, 400, 11));
}
