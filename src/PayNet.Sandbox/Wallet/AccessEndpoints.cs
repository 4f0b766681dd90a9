namespace PayNet.Sandbox.Wallet;

/// <summary>Login principal + PIN checks shared by login and Basic-authenticated change PIN (§11.7).</summary>
internal static class WalletCredentials
{
    public const int MaxFailures = 3;

    public static WalletMember Check(WalletState state, string principal, string pin)
    {
        var member = state.FindByLogin(principal.Trim()) ?? throw WalletErrors.InvalidCredentials();
        if (member.LoginBlocked) throw WalletErrors.BlockedCredentials();
        if (pin != member.Pin)
        {
            if (++member.LoginFailures >= MaxFailures)
            {
                member.LoginBlocked = true;
                throw WalletErrors.BlockedCredentials();
            }
            throw WalletErrors.InvalidCredentials();
        }
        member.LoginFailures = 0;
        return member;
    }
}

/// <summary>Login, logout, initial data, profile and member lookup (§6.1, §6.14).</summary>
internal static class AccessEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Post("/access/login", WalletAuth.None, Login);
        api.Post("/access/logout", WalletAuth.Session, Logout);
        api.Get("/access/initialData", WalletAuth.Session,
            call => WalletReply.Ok("InitialData", WalletViews.InitialData(call.State, call.Member)));
        api.Get("/members/me", WalletAuth.Session, call => WalletReply.Ok("Member", WalletViews.Member(call.Member, profile: true)));
        api.Get("/members", WalletAuth.Session, SearchMembers);
        api.Get("/members/{id:long}", WalletAuth.Session, call =>
        {
            long id = call.RouteId("id", "Member");
            var member = call.State.Members.GetValueOrDefault(id) ?? throw WalletErrors.MemberNotFound($"No member {id}");
            return WalletReply.Ok("Member", WalletViews.Member(member));
        });
        api.Get("/members/principal/{principal}", WalletAuth.Session, call =>
        {
            string principal = call.Route("principal") ?? "";
            var member = call.State.FindByPrincipal(principal) ?? throw WalletErrors.MemberNotFound($"No member '{principal}'");
            return WalletReply.Ok("Member", WalletViews.Member(member));
        });
    }

    private static WalletReply Login(WalletCall call)
    {
        var credentials = call.BasicCredentials()
            ?? throw WalletErrors.InvalidCredentials("Send Authorization: Basic base64(username:PIN)");
        var member = WalletCredentials.Check(call.State, credentials.Principal, credentials.Pin);
        string? authType = call.Body.String("authType");
        if (string.IsNullOrWhiteSpace(authType)) throw WalletErrors.Validation("'authType' is required (\"SESSION\")");
        if (!authType.Trim().Equals("SESSION", StringComparison.OrdinalIgnoreCase))
            throw WalletErrors.Validation($"authType '{authType}' is not supported; use \"SESSION\"");

        CheckLoginOtp(call, member);
        var session = call.State.Sessions.Open(member.Id);
        return WalletReply.Ok("InitialData", WalletViews.InitialData(call.State, member), "Login successful")
            .WithTopLevel("sessionId", session.Token);
    }

    /// <summary>
    /// Tenant 2FA: without <c>otp</c> the sandbox "sends" a login OTP to the member's mobile and refuses with
    /// 401 OTP_REQUIRED; with it, the OTP must be the one issued (fixed 123456 in test mode), unexpired, and
    /// it is used up by the login it admits.
    /// </summary>
    private static void CheckLoginOtp(WalletCall call, WalletMember member)
    {
        if (!call.State.Switches.LoginOtpRequired) return;
        string? otp = call.Body.String("otp");
        if (string.IsNullOrWhiteSpace(otp))
        {
            WalletOtps.Issue(call.State, member.MobileNo, WalletOtps.Login);
            throw new WalletException(401, "OTP_REQUIRED", "OTP required",
                "This tenant requires a login OTP: one was sent to the registered mobile number; log in again with 'otp'");
        }
        WalletOtps.Check(call.State, member.MobileNo, WalletOtps.Login, otp).Used = true;
    }

    /// <summary>Ends the calling session and the member's other sessions (§11.7).</summary>
    private static WalletReply Logout(WalletCall call)
    {
        call.State.Sessions.EndAllOf(call.Member.Id);
        return WalletReply.Ok(null, null, "Logged out");
    }

    private static WalletReply SearchMembers(WalletCall call)
    {
        var (page, size) = WalletViews.Paging(call);
        string? keywords = call.Query("keywords");
        var matches = call.State.Members.Values
            .Where(m => keywords is null
                || m.Name.Contains(keywords, StringComparison.OrdinalIgnoreCase)
                || m.Username.Contains(keywords, StringComparison.OrdinalIgnoreCase)
                || m.MobileNo.Contains(keywords, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Id)
            .ToList();
        var elements = WalletViews.Slice(matches, page, size).Select(m => WalletViews.Member(m));
        return WalletReply.Ok("MemberResultPage", WalletViews.Page(page, size, matches.Count, elements));
    }
}
