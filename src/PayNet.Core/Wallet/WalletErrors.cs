using System;
using System.Collections.Generic;
using System.Globalization;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// Turns a failed envelope into a <see cref="PayNetException"/>: the provider code (responseCode,
    /// §2.5) decides the category when we know it, the HTTP status otherwise.
    /// </summary>
    internal static class WalletErrors
    {
        public const string SessionExpiredCode = "SESSION_EXPIRED";
        public const string DuplicateTraceNumber = "DUPLICATE_TRACE_NUMBER";

        private static readonly Dictionary<string, PayNetErrorCategory> Categories = new Dictionary<string, PayNetErrorCategory>(StringComparer.OrdinalIgnoreCase)
        {
            ["INVALID_API_KEY"] = PayNetErrorCategory.Authentication,
            ["INVALID_CREDENTIALS"] = PayNetErrorCategory.Authentication,
            [SessionExpiredCode] = PayNetErrorCategory.Authentication,
            ["MISSING_TRANSACTION_PASSWORD"] = PayNetErrorCategory.Authentication,
            ["INVALID_TRANSACTION_PASSWORD"] = PayNetErrorCategory.Authentication,
            ["INACTIVE_TRANSACTION_PASSWORD"] = PayNetErrorCategory.Authentication,
            ["INVALID_OTP"] = PayNetErrorCategory.Authentication,
            ["OTP_EXPIRED"] = PayNetErrorCategory.Authentication,
            ["OTP_REQUIRED"] = PayNetErrorCategory.Authentication,
            ["MEMBER_NOT_FOUND"] = PayNetErrorCategory.NotFound,
            ["ENTITY_NOT_FOUND"] = PayNetErrorCategory.NotFound,
            ["RATE_LIMIT_EXCEEDED"] = PayNetErrorCategory.LimitsExceeded,
            ["MAX_AMOUNT_PER_DAY_EXCEEDED"] = PayNetErrorCategory.LimitsExceeded,
            ["UPPER_CREDIT_LIMIT_REACHED"] = PayNetErrorCategory.LimitsExceeded,
            ["NOT_ENOUGH_FUNDS"] = PayNetErrorCategory.Rejected,
            [DuplicateTraceNumber] = PayNetErrorCategory.Rejected,
            ["DISPUTE_NOT_OPEN"] = PayNetErrorCategory.Rejected,
            ["MEMBER_ALREADY_EXISTS"] = PayNetErrorCategory.Rejected,
            ["AGREEMENT_NOT_ACCEPTED"] = PayNetErrorCategory.Rejected,
            ["UNKNOWN_PAYMENT_ERROR"] = PayNetErrorCategory.Rejected,
            ["VALIDATION_ERROR"] = PayNetErrorCategory.InvalidArgument,
            ["INVALID_AMOUNT"] = PayNetErrorCategory.InvalidArgument,
            ["TRANSFER_MINIMUM_PAYMENT"] = PayNetErrorCategory.InvalidArgument,
            ["NO_POSSIBLE_TRANSFER_TYPES"] = PayNetErrorCategory.InvalidArgument,
            ["INVALID_RESOURCE_ID"] = PayNetErrorCategory.InvalidArgument,
            ["PIN_MISMATCH"] = PayNetErrorCategory.InvalidArgument,
            ["METHOD_NOT_ALLOWED"] = PayNetErrorCategory.InvalidArgument,
            ["INTERNAL_ERROR"] = PayNetErrorCategory.Unavailable,
            ["SERVICE_UNAVAILABLE"] = PayNetErrorCategory.Unavailable,
            ["GATEWAY_TIMEOUT"] = PayNetErrorCategory.Timeout,
        };

        public static PayNetErrorCategory CategoryOf(string? code, int httpStatus, bool sessionExpired)
        {
            if (sessionExpired) return PayNetErrorCategory.Authentication;
            if (!string.IsNullOrEmpty(code))
            {
                if (Categories.TryGetValue(code!, out var known)) return known;
                if (code!.StartsWith("BLOCKED_", StringComparison.OrdinalIgnoreCase)) return PayNetErrorCategory.Authentication;
                if (code.StartsWith("QR_", StringComparison.OrdinalIgnoreCase)) return PayNetErrorCategory.Rejected;
            }
            // status:false inside a 2xx is a business refusal the HTTP code does not describe.
            if (httpStatus >= 200 && httpStatus < 300) return PayNetErrorCategory.Rejected;
            return PayNetHttpPipeline.CategoryOf(httpStatus);
        }

        public static PayNetException FromEnvelope(WalletEnvelope envelope, string operation, string? reference, Redactor redactor)
        {
            string? code = envelope.Code ?? (envelope.SessionExpired ? SessionExpiredCode : null);
            var category = CategoryOf(code, envelope.HttpStatus, envelope.SessionExpired);
            string? providerText = envelope.ErrorText is null ? null : redactor.Redact(envelope.ErrorText);
            string what = providerText ?? (envelope.SessionExpired ? "Session expired" : "the server reported a failure without a message");
            string message;
            if (string.Equals(code, DuplicateTraceNumber, StringComparison.OrdinalIgnoreCase))
                message = $"Wallet {operation} refused: trace number '{reference}' was already used, so an earlier attempt with it went through. Look it up instead of paying again ({what}).";
            else if (envelope.SessionExpired)
                message = $"Wallet {operation} failed: the session expired and signing in again did not help ({what}).";
            else
                message = $"Wallet {operation} failed: {what}";
            message += Suffix(code, envelope.HttpStatus);
            return new PayNetException(PayNetApi.Wallet, operation, category, message, envelope.HttpStatus, code, providerText, reference)
            {
                RetryAfter = envelope.RetryAfter,
            };
        }

        /// <summary>An answer that is not a JSON envelope at all: a gateway's HTML page, a cut-off body.</summary>
        public static PayNetException Unreadable(RawResponse raw, string operation, string? reference)
        {
            string shape = string.IsNullOrWhiteSpace(raw.Body) ? "an empty body"
                : raw.Body.TrimStart().StartsWith("<", StringComparison.Ordinal) ? "an HTML page"
                : "a body that is not a complete JSON envelope";
            var category = raw.StatusCode == 504 || raw.StatusCode == 408 ? PayNetErrorCategory.Timeout : PayNetErrorCategory.Unavailable;
            return new PayNetException(PayNetApi.Wallet, operation, category,
                $"Wallet {operation} failed: the server answered HTTP {raw.StatusCode} with {shape} instead of a Wallet envelope.",
                raw.StatusCode, reference: reference)
            {
                RetryAfter = raw.RetryAfter,
            };
        }

        private static string Suffix(string? code, int httpStatus) =>
            code is null
                ? string.Format(CultureInfo.InvariantCulture, " (HTTP {0}).", httpStatus)
                : string.Format(CultureInfo.InvariantCulture, " ({0}, HTTP {1}).", code, httpStatus);
    }
}
