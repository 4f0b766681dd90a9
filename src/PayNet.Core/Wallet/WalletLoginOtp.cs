using System;
using System.Collections.Generic;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>Recognises a 2FA tenant's "login OTP required" refusal and words the error for it.</summary>
    internal static class WalletLoginOtp
    {
        /// <summary>Codes tenants use for "send the login OTP" (the sandbox's is OTP_REQUIRED; the spec names none).</summary>
        private static readonly HashSet<string> Codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "OTP_REQUIRED", "LOGIN_OTP_REQUIRED", "TWO_FACTOR_REQUIRED", "2FA_REQUIRED", "MISSING_OTP",
        };

        public static bool IsRequired(WalletEnvelope envelope) => envelope.Code is string code && Codes.Contains(code);

        public static PayNetOtpRequiredException Required(string principal, string? reconnectHint, bool duringRenewal,
            WalletEnvelope? envelope, string? providerText = null)
        {
            string how = string.IsNullOrWhiteSpace(reconnectHint)
                ? "sign in again with the login OTP (WalletClient.LoginAsync(otp))"
                : "reconnect with the login OTP: " + reconnectHint;
            string message = duringRenewal
                ? $"The Wallet session for {principal} expired, and this tenant requires a login OTP to sign in again, which an unattended call cannot supply. The client will not try again on its own; {how}"
                : $"This Wallet tenant requires a login OTP for {principal} (two-factor sign-in); {how}";
            if (!message.EndsWith(".", StringComparison.Ordinal)) message += ".";
            if (!string.IsNullOrWhiteSpace(providerText)) message += $" The server said: {providerText}";
            return new PayNetOtpRequiredException("Login", message, duringRenewal, envelope?.HttpStatus, envelope?.Code ?? "OTP_REQUIRED", providerText);
        }
    }
}
