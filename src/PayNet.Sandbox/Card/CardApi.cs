using System.Buffers;
using System.Collections.Frozen;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Card;

/// <summary>A card service: its handler, its object_name, and whether its not-found answer carries an empty `Data`.</summary>
public sealed record CardEndpoint(Func<CardCall, Task> Handler, string ObjectName, bool HasData = false);

/// <summary>Registration and routes of the Card emulator (see ../shared/spec/card.md).</summary>
public static class CardApi
{
    public const string Prefix = "/card";

    public static IServiceCollection AddCardSandbox(this IServiceCollection services)
    {
        services.AddSingleton<CardState>();
        services.AddSingleton<ISandboxState>(sp => sp.GetRequiredService<CardState>());
        return services;
    }

    private static FrozenDictionary<string, CardEndpoint> Endpoints() => new Dictionary<string, CardEndpoint>(StringComparer.OrdinalIgnoreCase)
    {
        ["/v1/transaction/check"] = new(CardQueries.Check, "transaction_check", HasData: true),
        ["/v1/transaction/detail"] = new(CardQueries.Detail, "transaction_detail", HasData: true),
        ["/v1/transaction/list"] = new(CardLists.List, "transaction_list", HasData: true),
        ["/v1/transaction/reversal_list"] = new(CardLists.ReversalList, "transaction_reversal_list", HasData: true),
        ["/v1/transaction/payment_list"] = new(CardPayoutReport.PaymentList, "transaction_payment_list", HasData: true),
        ["/v1/payment_list"] = new(CardPayoutReport.PaymentList, "transaction_payment_list", HasData: true),
        ["/v1/transaction/reversed_request"] = new(CardRefunds.ReversedRequest, "transaction_reversed_request"),
        ["/v1/transaction/mark_transferred"] = new(CardMutations.MarkTransferred, "transaction_mark_transferred"),
        ["/v1/transaction/add_info"] = new(CardMutations.AddInfo, "transaction_add_info"),
        ["/v1/transaction/preauth_reversal"] = new(CardMutations.PreAuthReversal, "transaction_preauth_reversed_request"),
        ["/v1/transaction/capture"] = new(CardMutations.Capture, "transaction_capture"),
        ["/v1/transaction/capture_reversal"] = new(CardMutations.CaptureReversal, "transaction_capture_reversal"),
        ["/v1/transaction/escrow_status_update"] = new(CardMutations.EscrowStatusUpdate, "transaction_escrow_status_update"),
        ["/v2/transaction/payment"] = new(CardPayments.Payment, "transaction_payment"),
        ["/v2/transaction/tds_initial"] = new(NotImplemented, "transaction_tds_initial"),
        ["/v2/transaction/tds_charge"] = new(NotImplemented, "transaction_tds_charge"),
        ["/v1/transaction/charge"] = new(NotImplemented, "transaction_charge"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static void MapCardApi(this WebApplication app)
    {
        var endpoints = Endpoints().GetAlternateLookup<ReadOnlySpan<char>>();
        var state = app.Services.GetRequiredService<CardState>();
        var options = app.Services.GetRequiredService<SandboxOptions>().Card;
        var clock = app.Services.GetRequiredService<SandboxClock>();
        var ledger = app.Services.GetRequiredService<MoneyLedger>();
        byte[] unknownPath = CardJson.Error("404 Not Found", "The requested service does not exist.", 404, 12);
        byte[] wrongMethod = CardJson.Error("invalid_request_error", "Only POST is allowed.", 405, 11);
        byte[] unauthorized = CardJson.Error("authorization_error", "The API key is missing or wrong.", 401, 7);

        async Task Dispatch(HttpContext http)
        {
            var path = http.Request.Path.Value.AsSpan(Prefix.Length).TrimEnd('/');
            if (!endpoints.TryGetValue(path, out var endpoint))
            {
                await CardResponses.WriteAsync(http, 404, unknownPath);
                return;
            }
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                http.Response.Headers.Allow = "POST";
                await CardResponses.WriteAsync(http, 405, wrongMethod);
                return;
            }
            if (!CardAuth.IsAuthorized(http.Request, options))
            {
                await CardResponses.WriteAsync(http, 401, unauthorized);
                return;
            }
            var (fields, problem) = await ReadFields(http.Request);
            if (fields is null)
            {
                await CardResponses.BadRequest(http, problem!);
                return;
            }
            var call = new CardCall
            {
                Http = http, Fields = fields, State = state, Options = options, Clock = clock, Ledger = ledger, Endpoint = endpoint,
            };
            if (!await CardFaults.Apply(call)) return;
            await endpoint.Handler(call);
        }

        app.Map(Prefix, Dispatch);
        app.Map(Prefix + "/{**rest}", Dispatch);
        app.MapCardControl();
    }

    private static Task NotImplemented(CardCall call) =>
        call.Envelope(9, "notimplemented: the sandbox creates payments through /v2/transaction/payment only");

    private static bool LooksLikeJson(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
            foreach (byte b in segment.Span)
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b == (byte)'{';
        return false;
    }

    /// <summary>JSON or form fields of the body; XML is not emulated.</summary>
    private static async Task<(CardFields? Fields, string? Problem)> ReadFields(HttpRequest request)
    {
        string contentType = request.ContentType ?? "";
        bool form = contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (contentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
            return (null, "XML bodies are not supported by the sandbox; send JSON or form-urlencoded.");
        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                if (!result.IsCompleted)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }
                try
                {
                    if (buffer.IsEmpty) return (CardFields.Empty, null);
                    // curl -d labels JSON as a form; a body that opens like JSON is read as JSON.
                    var fields = form && !LooksLikeJson(buffer) ? CardFields.FromForm(buffer) : CardFields.FromJson(buffer);
                    return fields is null ? (null, "The body is not a valid JSON object.") : (fields, null);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode == 413 ? "The body is too large." : "The body could not be read.");
        }
    }
}
