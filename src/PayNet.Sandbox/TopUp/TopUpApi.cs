using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.TopUp;

/// <summary>Registration and routes of the TopUp emulator (see ../shared/spec/topup.md).</summary>
public static class TopUpApi
{
    public const string Prefix = "/topup";

    public static IServiceCollection AddTopUpSandbox(this IServiceCollection services)
    {
        services.AddSingleton<TopUpState>();
        services.AddSingleton<ISandboxState>(sp => sp.GetRequiredService<TopUpState>());
        return services;
    }

    public static void MapTopUpApi(this WebApplication app)
    {
        var routes = new (string Path, Func<TopUpRequest, TopUpOutcome> Handler)[]
        {
            ("/balance", TopUpCatalogueRoutes.Balance),
            ("/services", TopUpCatalogueRoutes.Services),
            ("/point_info", TopUpCatalogueRoutes.PointInfo),
            ("/transaction/check", TopUpTransactions.Check),
            ("/transaction/confirm", TopUpTransactions.Confirm),
            ("/transaction/find", TopUpTransactions.Find),
            ("/providers", TopUpCatalogueRoutes.LegacyProviders),
            ("/international-bridge/categories", TopUpCatalogueRoutes.BridgeCategories),
            ("/international-bridge/countries", TopUpCatalogueRoutes.BridgeCountries),
            ("/international-bridge/providers", TopUpCatalogueRoutes.BridgeProviders),
            ("/international-bridge/provider", TopUpCatalogueRoutes.BridgeProvider),
        };
        foreach (var (path, handler) in routes)
            app.MapPost(Prefix + path, (HttpContext http) => Handle(http, handler));

        // Every other path and method under the prefix: 404 with code 2 (topup.md §12.1).
        RequestDelegate unknown = http => Write(http, new TopUpOutcome(404, TopUpErrors.Envelope(TopUpErrors.BadRequest)));
        app.Map(Prefix, unknown);
        app.Map(Prefix + "/{**rest}", unknown);

        app.MapTopUpControl();
    }

    private static async Task Handle(HttpContext http, Func<TopUpRequest, TopUpOutcome> handler)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<SandboxOptions>();
        var state = services.GetRequiredService<TopUpState>();
        int errorStatus = options.TopUp.ErrorHttpStatus;

        using var document = await ReadBody(http);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            await Write(http, new TopUpOutcome(errorStatus, TopUpErrors.Envelope(TopUpErrors.BadRequest, "the body must be a JSON object")));
            return;
        }

        TopUpOutcome outcome;
        lock (state.Gate)
        {
            var pos = TopUpAuth.Authenticate(document.RootElement, state, options.TopUp);
            if (pos is null)
            {
                outcome = new TopUpOutcome(errorStatus, TopUpErrors.Envelope(TopUpErrors.AuthFailed));
            }
            else
            {
                var request = new TopUpRequest
                {
                    Body = document.RootElement,
                    Pos = pos,
                    State = state,
                    Options = options,
                    Clock = services.GetRequiredService<SandboxClock>(),
                    Ledger = services.GetRequiredService<MoneyLedger>(),
                    RootUri = $"{http.Request.Scheme}://{http.Request.Host}{Prefix}",
                };
                outcome = handler(request);
            }
        }

        if (outcome.DelayMs > 0)
        {
            // The transaction has already moved on; a client that gives up early finds it with /transaction/find.
            try { await Task.Delay(outcome.DelayMs, http.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        await Write(http, outcome);
    }

    /// <summary>The body as JSON, or null when it is not JSON or is larger than the sandbox accepts.</summary>
    private static async Task<JsonDocument?> ReadBody(HttpContext http)
    {
        try
        {
            return await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
    }

    public static async Task Write(HttpContext http, TopUpOutcome outcome)
    {
        var response = http.Response;
        response.StatusCode = outcome.Status;
        if (outcome.RetryAfterSeconds is int retryAfter)
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (outcome.Json is JsonNode json)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(json.ToJsonString());
        }
        else if (outcome.Raw is string raw)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(raw);
        }
    }
}
