using System;
using System.Globalization;

namespace PayNet.Core.Card
{
    /// <summary>A refusal from the Card API: an error object (HTTP ≠ 200) or a non-success return code (HTTP 200).</summary>
    public sealed class CardApiException : PayNetException
    {
        public CardApiException(string operation, PayNetErrorCategory category, string message, int? httpStatus, int? returnCode,
            string? errorType, string? providerMessage, string? reference)
            : base(PayNetApi.Card, operation, category, message, httpStatus,
                  returnCode?.ToString(CultureInfo.InvariantCulture), providerMessage, reference)
        {
            ReturnCode = returnCode;
            ErrorType = errorType;
        }

        /// <summary>Paynet's return code (card.md §1.3), e.g. 12 = nodata.</summary>
        public int? ReturnCode { get; }

        /// <summary>The error object's type: api_error, invalid_request_error, authorization_error, no_data_error.</summary>
        public string? ErrorType { get; }
    }

    internal static class CardErrors
    {
        public const int NoData = 12;

        public static bool IsSuccess(int? code) => !code.HasValue || code == 0 || code == 100;

        /// <summary>Return codes of §1.3 to categories.</summary>
        public static PayNetErrorCategory OfReturnCode(int code) => code switch
        {
            2 or 3 or 7 => PayNetErrorCategory.Authentication,
            4 or 12 or 23 or 24 or 25 => PayNetErrorCategory.NotFound,
            8 => PayNetErrorCategory.Unavailable,
            10 => PayNetErrorCategory.Timeout,
            9 or 11 or 18 or 20 or 21 or 22 or 26 => PayNetErrorCategory.InvalidArgument,
            _ => PayNetErrorCategory.Rejected,
        };

        /// <summary>The error object of a non-200 answer: the HTTP status decides, the type and code refine.</summary>
        public static PayNetErrorCategory OfErrorObject(int httpStatus, string? type, int? resultCode)
        {
            if (httpStatus == 401 || httpStatus == 403 || string.Equals(type, "authorization_error", StringComparison.OrdinalIgnoreCase))
                return PayNetErrorCategory.Authentication;
            if (httpStatus == 404 || string.Equals(type, "no_data_error", StringComparison.OrdinalIgnoreCase) || resultCode == NoData)
                return PayNetErrorCategory.NotFound;
            if (httpStatus == 429) return PayNetErrorCategory.LimitsExceeded;
            if (httpStatus == 408 || httpStatus == 504) return PayNetErrorCategory.Timeout;
            if (httpStatus >= 500) return PayNetErrorCategory.Unavailable;
            if (httpStatus >= 400) return PayNetErrorCategory.InvalidArgument;
            return resultCode.HasValue ? OfReturnCode(resultCode.Value) : PayNetErrorCategory.Unavailable;
        }

        public static int? ParseInt(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;
    }
}
