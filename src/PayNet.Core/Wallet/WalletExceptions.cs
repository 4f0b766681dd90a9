using System;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// The daily call budget is spent (§3: 2000 calls a day per user): the server answered HTTP 429 or
    /// <c>RATE_LIMIT_EXCEEDED</c>, or it did so earlier today and this client no longer sends anything until
    /// <see cref="ResetsAt"/>. Never retried: the budget does not come back within a retry's wait, and a
    /// refused request was not executed.
    /// </summary>
    public sealed class PayNetRateLimitedException : PayNetException
    {
        public const string Code = "RATE_LIMIT_EXCEEDED";

        public PayNetRateLimitedException(string operation, string message, DateTimeOffset resetsAt, int limit, bool sent,
            int? httpStatus = null, string? providerCode = null, string? providerMessage = null, string? reference = null)
            : base(PayNetApi.Wallet, operation, PayNetErrorCategory.LimitsExceeded, message, httpStatus, providerCode, providerMessage, reference)
        {
            ResetsAt = resetsAt;
            Limit = limit;
            WasSent = sent;
        }

        /// <summary>When the budget comes back (the server's X-RateLimit-Reset, else the next midnight UTC).</summary>
        public DateTimeOffset ResetsAt { get; }

        /// <summary>Calls per day the budget allows.</summary>
        public int Limit { get; }

        /// <summary>False when the client refused locally, without sending, because the server already said so today.</summary>
        public bool WasSent { get; }
    }

    /// <summary>
    /// The tenant enforces 2FA (§6.1.1 <c>otp</c>) and a login was made without a (valid) login OTP. When it
    /// happens while renewing an expired session (<see cref="DuringRenewal"/>) the client does not try again on
    /// its own: an unattended caller cannot supply an OTP, and each attempt would text the member a new one.
    /// </summary>
    public sealed class PayNetOtpRequiredException : PayNetException
    {
        public PayNetOtpRequiredException(string operation, string message, bool duringRenewal, int? httpStatus = null,
            string? providerCode = null, string? providerMessage = null)
            : base(PayNetApi.Wallet, operation, PayNetErrorCategory.Authentication, message, httpStatus, providerCode, providerMessage)
        {
            DuringRenewal = duringRenewal;
        }

        /// <summary>True when the session expired and signing in again needed an OTP nobody could give.</summary>
        public bool DuringRenewal { get; }
    }
}
