using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// The checks every Wallet call passes in §11.6 order (apikey, rate limit, session), the envelope for
/// paths and methods nobody serves, and the executor that runs a handler under the state lock.
/// </summary>
internal static class WalletPipeline
{
    public const string Prefix = "/wallet/api";
    public const string SessionHeader = "Paynet-Session-Token";
    public const string RepliedKey = "paynet.wallet.replied";
    public const long MaxUploadBodyBytes = 32L * 1024 * 1024;

    public static void UseWalletGate(this WebApplication app) =>
        app.Use((Func<HttpContext, RequestDelegate, Task>)GateAsync);

    private static async Task GateAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments(Prefix))
        {
            await next(http);
            return;
        }

        var state = http.RequestServices.GetRequiredService<WalletState>();
        if (InjectedFault(http) is { } fault)
        {
            await WalletReply.Fail(fault).WriteAsync(http);
            return;
        }

        string? apiKey = http.Request.Headers["apikey"];
        if (!string.Equals(apiKey, state.Options.ApiKey, StringComparison.Ordinal))
        {
            await WalletReply.Fail(WalletErrors.InvalidApiKey()).WriteAsync(http);
            return;
        }

        RateDecision decision;
        lock (state.Gate) decision = state.RateLimiter.Count(apiKey + "|" + RateSubject(http, state));
        var headers = http.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            var refused = new WalletException(state.Options.RateLimitStatus, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded",
                $"Maximum of {decision.Limit} API calls per day reached");
            await WalletReply.Fail(refused).WriteAsync(http);
            return;
        }

        await next(http);

        if (http.Items.ContainsKey(RepliedKey) || http.Response.HasStarted) return;
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            await WalletReply.Fail(new WalletException(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                $"{http.Request.Method} is not allowed on {http.Request.Path}")).WriteAsync(http);
        else if (http.Response.StatusCode == StatusCodes.Status404NotFound)
            await WalletReply.Fail(WalletErrors.NotFound($"No Wallet API endpoint at {http.Request.Path}")).WriteAsync(http);
    }

    /// <summary>§11.10's test-only request header <c>X-Sandbox-Fault: 500|503|504</c>.</summary>
    private static WalletException? InjectedFault(HttpContext http)
    {
        string? value = http.Request.Headers["X-Sandbox-Fault"];
        return value?.Trim() switch
        {
            "500" => new WalletException(500, "INTERNAL_ERROR", "Internal error", "Injected fault: HTTP 500"),
            "503" => new WalletException(503, "SERVICE_UNAVAILABLE", "Service unavailable", "Injected fault: HTTP 503"),
            "504" => new WalletException(504, "GATEWAY_TIMEOUT", "Gateway timeout", "Injected fault: HTTP 504"),
            _ => null,
        };
    }

    /// <summary>§11.8 keying: the member when a session or Basic principal names one, else the client address.</summary>
    private static string RateSubject(HttpContext http, WalletState state)
    {
        if (state.Sessions.Peek(http.Request.Headers[SessionHeader].ToString().Trim()) is { } session)
            return "member:" + session.MemberId.ToString(CultureInfo.InvariantCulture);
        var call = new WalletCall(http, state, null, null, null);
        if (call.BasicCredentials() is { } basic && state.FindByLogin(basic.Principal) is { } member)
            return "member:" + member.Id.ToString(CultureInfo.InvariantCulture);
        return "ip:" + http.Connection.RemoteIpAddress;
    }

    public static RequestDelegate Handler(WalletAuth auth, Func<WalletCall, WalletReply> handler, WalletBodyKind body = WalletBodyKind.Json) =>
        http => ExecuteAsync(http, auth, handler, body);

    private static async Task ExecuteAsync(HttpContext http, WalletAuth auth, Func<WalletCall, WalletReply> handler, WalletBodyKind bodyKind)
    {
        var state = http.RequestServices.GetRequiredService<WalletState>();
        WalletReply reply;
        try
        {
            var (raw, form, problem) = await ReadBodyAsync(http, bodyKind);
            lock (state.Gate)
            {
                var call = new WalletCall(http, state, raw, form, problem);
                WalletSettlement.SettleDue(state);
                Authenticate(call, auth);
                reply = handler(call);
            }
        }
        catch (WalletException error)
        {
            reply = WalletReply.Fail(error);
        }
        catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            // A bug must still answer in the envelope, never with a stack trace.
            reply = WalletReply.Fail(new WalletException(500, "INTERNAL_ERROR", "Internal error", "The sandbox failed to handle the request"));
        }
        await reply.WriteAsync(http);
    }

    private static async Task<(string? Raw, IFormCollection? Form, string? Problem)> ReadBodyAsync(HttpContext http, WalletBodyKind kind)
    {
        var request = http.Request;
        try
        {
            if (kind == WalletBodyKind.Multipart)
            {
                if (!request.HasFormContentType) return (null, null, "Send the document as multipart/form-data");
                // Read somewhat oversized uploads to the end, so they get the documented 400 rather than a dropped connection.
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = MaxUploadBodyBytes;
                return (null, await request.ReadFormAsync(http.RequestAborted), null);
            }
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method)) return (null, null, null);
            using var reader = new StreamReader(request.Body);
            return (await reader.ReadToEndAsync(http.RequestAborted), null, null);
        }
        catch (Exception error) when (error is BadHttpRequestException or InvalidDataException or IOException or InvalidOperationException)
        {
            return (null, null, error is BadHttpRequestException { StatusCode: 413 }
                ? "The request body is too large"
                : "The request body could not be read");
        }
    }

    private static void Authenticate(WalletCall call, WalletAuth auth)
    {
        if (auth == WalletAuth.None) return;
        string? token = call.Http.Request.Headers[SessionHeader];
        if (auth == WalletAuth.SessionOrBasic && string.IsNullOrWhiteSpace(token) && call.BasicCredentials() is { } basic)
        {
            call.Caller = WalletCredentials.Check(call.State, basic.Principal, basic.Pin);
            return;
        }
        call.Session = call.State.Sessions.Authenticate(token);
        call.Caller = call.State.Members[call.Session.MemberId];
    }
}
