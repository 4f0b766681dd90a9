using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// Control routes for the tenant switches (<see cref="WalletSwitches"/>) and the login OTP. Plain JSON like
/// the rest of /__sandbox; no apikey, not rate-limited. <c>/__sandbox/reset</c> returns every switch to its option.
/// </summary>
internal static class WalletSwitchControl
{
    public static void Map(WebApplication app)
    {
        var control = app.MapGroup("/__sandbox");

        control.MapGet("/wallet/switches", (WalletState state) => Run(state, () => state.Switches.View()));
        control.MapPost("/wallet/switches", async (HttpRequest request, WalletState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            return Run(state, () =>
            {
                state.Switches.Apply(body);
                return state.Switches.View();
            });
        });

        // The daily budget of §11.8, set low so a test reaches it in a few calls. Counters already spent stay.
        control.MapPost("/rate-limit", async (HttpRequest request, WalletState state) =>
        {
            var body = await ControlApi.ReadObject(request);
            return Run(state, () =>
            {
                if (body?["limit"] is null) throw WalletErrors.Validation("Send {\"limit\": <calls per day>}");
                var patch = new System.Text.Json.Nodes.JsonObject { ["rateLimitPerDay"] = body["limit"]!.DeepClone() };
                state.Switches.Apply(patch);
                return new { limit = state.Switches.RateLimitPerDay };
            });
        });

        // The login OTP a 2FA tenant would text to the member: the outstanding one, or a new one when none is.
        control.MapGet("/otp/login", (HttpRequest request, WalletState state) => Run(state, () =>
        {
            string principal = request.Query["principal"].ToString().Trim();
            if (principal.Length == 0) throw WalletErrors.Validation("Pass ?principal=<username or mobile number>");
            var member = state.FindByLogin(principal) ?? throw WalletErrors.MemberNotFound($"No member '{principal}'");
            var otp = WalletOtps.Latest(state, member.MobileNo, WalletOtps.Login);
            if (otp is null || state.Now >= otp.ExpiresAt || otp.FailedAttempts >= WalletOtps.MaxAttempts)
                otp = WalletOtps.Issue(state, member.MobileNo, WalletOtps.Login);
            return new { principal, medium = member.MobileNo, otp = otp.Code, expiresAt = otp.ExpiresAt };
        }));
    }

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
