using System.Globalization;
using System.Security.Cryptography;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// One-time passwords of §11.9: fixed code in test mode (random when OtpFixedCode is empty), valid five
/// minutes, three wrong tries burn it, a new one replaces the old. Callers hold the state lock.
/// </summary>
internal static class WalletOtps
{
    public static readonly string[] Actions = { "Registration", "Verification", "ChangePin", Login };
    /// <summary>The login second factor of a tenant that enforces 2FA (§6.1.1 <c>otp</c>).</summary>
    public const string Login = "Login";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 3;

    public static string? CanonicalAction(string? action) =>
        Actions.FirstOrDefault(a => string.Equals(a, action?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static WalletOtp Issue(WalletState state, string medium, string action)
    {
        state.Otps.RemoveAll(o => o.Medium == medium && o.Action == action);
        string fixedCode = state.Options.OtpFixedCode;
        string code = string.IsNullOrWhiteSpace(fixedCode)
            ? RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture)
            : fixedCode.Trim();
        var otp = new WalletOtp { Medium = medium, Action = action, Code = code, CreatedAt = state.Now, ExpiresAt = state.Now + Lifetime };
        state.Otps.Add(otp);
        return otp;
    }

    /// <summary>The newest unused OTP for the medium (of one action when given).</summary>
    public static WalletOtp? Latest(WalletState state, string medium, string? action = null) =>
        state.Otps.LastOrDefault(o => o.Medium == medium && !o.Used && (action is null || o.Action == action));

    /// <summary>Checks a code without consuming it; the caller marks it used once the operation succeeds.</summary>
    public static WalletOtp Check(WalletState state, string medium, string action, string? code)
    {
        var otp = Latest(state, medium, action);
        if (otp is null || otp.FailedAttempts >= MaxAttempts)
            throw WalletErrors.Business("INVALID_OTP", "Invalid OTP", "There is no valid OTP for this number; generate a new one");
        if (state.Now >= otp.ExpiresAt)
            throw WalletErrors.Business("OTP_EXPIRED", "OTP expired", "The OTP has expired; generate a new one");
        if (!string.Equals(code?.Trim(), otp.Code, StringComparison.Ordinal))
        {
            otp.FailedAttempts++;
            throw WalletErrors.Business("INVALID_OTP", "Invalid OTP", "The OTP is wrong");
        }
        return otp;
    }
}
