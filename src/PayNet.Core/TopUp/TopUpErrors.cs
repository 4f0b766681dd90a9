using System;
using System.Globalization;

namespace PayNet.Core.TopUp
{
    /// <summary>An error envelope Paynet sent: its code, technical message and optional customer-facing text.</summary>
    public sealed class TopUpApiException : PayNetException
    {
        public TopUpApiException(string operation, int code, string? providerMessage, string? displayError, string? reference, int? httpStatus)
            : base(PayNetApi.TopUp, operation, TopUpErrors.CategoryOf(code), TopUpErrors.Describe(operation, code, providerMessage, displayError, reference),
                  httpStatus, code.ToString(CultureInfo.InvariantCulture), providerMessage, reference)
        {
            Code = code;
            DisplayError = displayError is null ? null : Security.Redactor.Shared.Redact(displayError);
        }

        /// <summary>Paynet's error code (topup.md §7.2).</summary>
        public int Code { get; }

        /// <summary>Text Paynet allows showing to the customer as is, when it sent one.</summary>
        public string? DisplayError { get; }

        /// <summary>Codes the docs say to retry with the same request (§7.3).</summary>
        public bool IsRetryable => TopUpErrors.IsRetryable(Code);
    }

    internal static class TopUpErrors
    {
        public const int AuthFailed = 1;
        public const int TransactionNotFound = 20;
        public const int ExternalNotFound = 22;
        public const int NoTransactionInfo = 23;
        public const int ProviderError = 60;
        public const int DuplicateExternalId = 105;

        public static bool IsRetryable(int code) => code == TransactionNotFound || code == NoTransactionInfo || code == ProviderError;

        /// <summary>Explicit codes first, then the docs' code ranges for codes not in the table.</summary>
        public static PayNetErrorCategory CategoryOf(int code) => code switch
        {
            1 or 5 => PayNetErrorCategory.Authentication,
            2 or 50 or 201 => PayNetErrorCategory.InvalidArgument,
            20 or 22 => PayNetErrorCategory.NotFound,
            23 or 60 => PayNetErrorCategory.Unavailable,
            101 => PayNetErrorCategory.NotFound,
            105 => PayNetErrorCategory.Rejected,
            1000 or 1001 => PayNetErrorCategory.LimitsExceeded,
            1200 => PayNetErrorCategory.Rejected,
            >= 1 and <= 9 => PayNetErrorCategory.Authentication,
            >= 20 and <= 29 => PayNetErrorCategory.NotFound,
            >= 50 and <= 99 => PayNetErrorCategory.InvalidArgument,
            >= 100 and <= 199 => PayNetErrorCategory.Unavailable,
            >= 200 and <= 299 => PayNetErrorCategory.InvalidArgument,
            >= 1000 and <= 1199 => PayNetErrorCategory.LimitsExceeded,
            >= 1200 => PayNetErrorCategory.Rejected,
            _ => PayNetErrorCategory.Unavailable,
        };

        public static string Describe(string operation, int code, string? message, string? displayError, string? reference)
        {
            string text = $"TopUp {operation} failed: {(string.IsNullOrWhiteSpace(message) ? "error" : message!.TrimEnd('.'))} (code {code.ToString(CultureInfo.InvariantCulture)})";
            if (!string.IsNullOrWhiteSpace(displayError) && !string.Equals(displayError, message, StringComparison.Ordinal))
                text += $". Customer message: {displayError}";
            if (!string.IsNullOrEmpty(reference)) text += $". External id '{reference}'";
            return text + ".";
        }
    }
}
