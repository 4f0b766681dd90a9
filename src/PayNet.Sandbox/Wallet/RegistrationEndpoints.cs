using System.Net.Mail;
using System.Text.RegularExpressions;

namespace PayNet.Sandbox.Wallet;

/// <summary>Registration with OTP (§6.2, §11.9) and change PIN (§6.9).</summary>
internal static partial class RegistrationEndpoints
{
    private static readonly TimeSpan ResourceLifetime = TimeSpan.FromMinutes(30);

    [GeneratedRegex("^[0-9]{7,15}$")]
    private static partial Regex MobileNumber();

    [GeneratedRegex("^[0-9]{4,6}$")]
    private static partial Regex PinRule();

    public static void Map(RouteGroupBuilder api)
    {
        api.Post("/members/registration/generate-otp", WalletAuth.None, GenerateOtp);
        api.Post("/members/registration/verify-otp", WalletAuth.None, VerifyOtp);
        api.Post("/members/registration", WalletAuth.None, Register);
        api.Post("/members/self/pin", WalletAuth.SessionOrBasic, ChangePin);
        api.Post("/member/self/pin", WalletAuth.SessionOrBasic, ChangePin); // the path one deployed client misspells
    }

    private static WalletReply GenerateOtp(WalletCall call)
    {
        var state = call.State;
        var body = call.Body;
        string medium = Medium(body);
        string actionText = body.RequiredString("actionType");
        string action = WalletOtps.CanonicalAction(actionText)
            ?? throw WalletErrors.Validation($"actionType '{actionText}' is not one of {string.Join(", ", WalletOtps.Actions)}");
        if (body.Bool("otpToMobile") is null) throw WalletErrors.Validation("'otpToMobile' is required");

        var existing = state.FindByMobile(medium);
        if (action == "Registration" && existing is not null)
            throw WalletErrors.Business("MEMBER_ALREADY_EXISTS", "Member already exists", $"{medium} is already registered");
        if (action != "Registration" && existing is null)
            throw WalletErrors.MemberNotFound($"No member with mobile number {medium}");

        WalletOtps.Issue(state, medium, action);
        return WalletReply.Ok(null, null, "OTP sent successfully");
    }

    /// <summary>Answers with the top-level <c>payloadX {medium, resourceId}</c> that registration consumes.</summary>
    private static WalletReply VerifyOtp(WalletCall call)
    {
        var state = call.State;
        var body = call.Body;
        string medium = Medium(body);
        string code = body.RequiredString("otp");
        string? action = body.String("actionType") is { } given
            ? WalletOtps.CanonicalAction(given) ?? throw WalletErrors.Validation($"actionType '{given}' is not known")
            : WalletOtps.Latest(state, medium)?.Action;
        if (action is null) throw WalletErrors.Business("INVALID_OTP", "Invalid OTP", "There is no valid OTP for this number; generate a new one");

        var otp = WalletOtps.Check(state, medium, action, code);
        // Registration OTPs are spent here; transaction OTPs stay valid for the confirm that follows (§6.3.2).
        if (action == "Registration") otp.Used = true;
        var resource = new WalletResource { Id = Guid.NewGuid().ToString("N"), Medium = medium, Action = action, ExpiresAt = state.Now + ResourceLifetime };
        state.Resources[resource.Id] = resource;
        return WalletReply.Ok(null, null, "OTP verified").WithTopLevel("payloadX", new { medium, resourceId = resource.Id });
    }

    private static WalletReply Register(WalletCall call)
    {
        var state = call.State;
        var body = call.Body;
        string resourceId = body.RequiredString("resourceId");
        long groupId = body.RequiredLong("groupId");
        string name = body.RequiredString("name");
        string email = body.RequiredString("email");
        string mobile = body.RequiredString("mobileNo");
        string pin = body.RequiredString("pin");
        string confirmPin = body.RequiredString("confirmPin");
        body.Bool("isMobile");

        if (groupId != WalletSeed.CustomerGroupId && groupId != WalletSeed.MerchantGroupId)
            throw WalletErrors.Validation($"groupId {groupId} is not a registration group (5 customers, 9 merchants)");
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.'))
            throw WalletErrors.Validation($"'{email}' is not an email address");
        if (!MobileNumber().IsMatch(mobile)) throw WalletErrors.Validation("'mobileNo' must be 7 to 15 digits, without '+'");
        if (!PinRule().IsMatch(pin)) throw WalletErrors.Validation("The PIN must be 4 to 6 digits");
        if (pin != confirmPin) throw WalletErrors.Business("PIN_MISMATCH", "PIN mismatch", "'pin' and 'confirmPin' differ");

        if (!state.Resources.TryGetValue(resourceId, out var resource) || resource.Used || resource.Action != "Registration"
            || state.Now >= resource.ExpiresAt || resource.Medium != mobile)
            throw WalletErrors.Business("INVALID_RESOURCE_ID", "Invalid resource id",
                "The resourceId is unknown, used, expired or was issued for another number");
        if (state.FindByMobile(mobile) is not null)
            throw WalletErrors.Business("MEMBER_ALREADY_EXISTS", "Member already exists", $"{mobile} is already registered");

        resource.Used = true;
        var member = new WalletMember
        {
            Id = state.NextMemberId(), Name = name, Username = mobile, MobileNo = mobile, Email = email, GroupId = groupId, Pin = pin,
        };
        WalletSeed.AddMember(state, member, groupId == WalletSeed.MerchantGroupId ? AccountTypes.MerchantWallet : AccountTypes.CustomerWallet, 0.00m);
        return WalletReply.Ok("RegistrationResult", new
        {
            memberId = member.Id,
            username = member.Username,
            accounts = state.AccountsOf(member.Id).Select(WalletViews.MemberAccount).ToArray(),
        }, "Registration successful", state.Switches.CreatedStatus);
    }

    /// <summary>Two calls: without <c>otp</c> it checks the PINs and sends an OTP; with it, it changes the PIN.</summary>
    private static WalletReply ChangePin(WalletCall call)
    {
        var state = call.State;
        var body = call.Body;
        var member = call.Member;
        string oldPin = body.RequiredString("oldPin");
        string newPin = body.RequiredString("newPin");
        string confirmPin = body.RequiredString("confirmPin");
        string? otpCode = body.String("otp");

        if (oldPin != member.Pin) throw new WalletException(400, "INVALID_CREDENTIALS", "Invalid credentials", "The old PIN is wrong");
        if (!PinRule().IsMatch(newPin)) throw WalletErrors.Validation("The new PIN must be 4 to 6 digits");
        if (newPin != confirmPin) throw WalletErrors.Business("PIN_MISMATCH", "PIN mismatch", "'newPin' and 'confirmPin' differ");
        if (newPin == oldPin) throw WalletErrors.Validation("The new PIN must differ from the old one");

        if (string.IsNullOrWhiteSpace(otpCode))
        {
            WalletOtps.Issue(state, member.MobileNo, "ChangePin");
            return WalletReply.Ok(null, null, "OTP sent successfully");
        }

        var otp = WalletOtps.Check(state, member.MobileNo, "ChangePin", otpCode);
        otp.Used = true;
        member.Pin = newPin;
        member.LoginFailures = 0;
        member.PinFailures = 0;
        state.Sessions.EndAllOf(member.Id, keepToken: call.Session?.Token);
        return WalletReply.Ok(null, null, "PIN changed");
    }

    private static string Medium(WalletBody body)
    {
        string medium = body.RequiredString("medium");
        if (!MobileNumber().IsMatch(medium)) throw WalletErrors.Validation("'medium' must be a mobile number of 7 to 15 digits, without '+'");
        return medium;
    }
}
