using System;
using System.Management.Automation;
using PayNet.Core;

namespace PayNet.PowerShell
{
    /// <summary>Stable ErrorIds: scripts and about_PayNet's table rely on these exact strings.</summary>
    internal static class ErrorIds
    {
        public const string NotConnected = "PayNetNotConnected";
        public const string InvalidConfiguration = "PayNetInvalidConfiguration";
        public const string InvalidArgument = "PayNetInvalidArgument";
        public const string AuthenticationFailed = "PayNetAuthenticationFailed";
        public const string NotFound = "PayNetNotFound";
        public const string LimitExceeded = "PayNetLimitExceeded";
        public const string Unavailable = "PayNetUnavailable";
        public const string Timeout = "PayNetTimeout";
        public const string StateUnknown = "PayNetStateUnknown";
        public const string Rejected = "PayNetRejected";
        public const string Cancelled = "PayNetCancelled";
        public const string OtpRequired = "PayNetOtpRequired";
        public const string InvalidFile = "PayNetInvalidFile";

        public static string For(PayNetErrorCategory category) => category switch
        {
            PayNetErrorCategory.Authentication => AuthenticationFailed,
            PayNetErrorCategory.NotFound => NotFound,
            PayNetErrorCategory.LimitsExceeded => LimitExceeded,
            PayNetErrorCategory.Unavailable => Unavailable,
            PayNetErrorCategory.Timeout => Timeout,
            PayNetErrorCategory.StateUnknown => StateUnknown,
            PayNetErrorCategory.Rejected => Rejected,
            PayNetErrorCategory.Cancelled => Cancelled,
            _ => InvalidArgument,
        };

        public static ErrorCategory CategoryFor(PayNetErrorCategory category) => category switch
        {
            PayNetErrorCategory.Authentication => ErrorCategory.AuthenticationError,
            PayNetErrorCategory.NotFound => ErrorCategory.ObjectNotFound,
            PayNetErrorCategory.LimitsExceeded => ErrorCategory.LimitsExceeded,
            PayNetErrorCategory.Unavailable => ErrorCategory.ResourceUnavailable,
            PayNetErrorCategory.Timeout => ErrorCategory.OperationTimeout,
            PayNetErrorCategory.StateUnknown => ErrorCategory.InvalidResult,
            PayNetErrorCategory.Rejected => ErrorCategory.InvalidOperation,
            PayNetErrorCategory.Cancelled => ErrorCategory.OperationStopped,
            _ => ErrorCategory.InvalidArgument,
        };
    }

    /// <summary>
    /// The one place PayNet errors become ErrorRecords: a stable ErrorId, the matching category, the
    /// input as TargetObject, the message in ErrorDetails and, where there is one, the command that
    /// helps in ErrorDetails.RecommendedAction.
    /// </summary>
    internal static class PayNetErrors
    {
        public static ErrorRecord Create(string errorId, ErrorCategory category, object? targetObject, string message,
            Exception? exception = null, string? recommendedAction = null)
        {
            var record = new ErrorRecord(exception ?? new PayNetCmdletException(message), errorId, category, targetObject)
            {
                ErrorDetails = new ErrorDetails(message),
            };
            if (recommendedAction is not null) record.ErrorDetails.RecommendedAction = recommendedAction;
            return record;
        }

        public static ErrorRecord From(PayNetException error, object? target)
        {
            string? action = error.Category switch
            {
                PayNetErrorCategory.StateUnknown => $"Run Get-PayNetTransaction for reference '{error.Reference}' to learn whether it executed before trying again.",
                PayNetErrorCategory.Authentication => "Check the credentials given to Connect-PayNet.",
                PayNetErrorCategory.LimitsExceeded => error.RetryAfter is TimeSpan wait ? $"Wait {wait.TotalSeconds:0} s and try again." : "Wait and try again later.",
                PayNetErrorCategory.Unavailable => "PayNet did not answer; try again later.",
                PayNetErrorCategory.Timeout => "Raise -TimeoutSec or try again later.",
                _ => null,
            };
            return Create(ErrorIds.For(error.Category), ErrorIds.CategoryFor(error.Category), target, error.Message, error, action);
        }
    }

    /// <summary>Errors the cmdlet layer raises itself (bad input found before calling PayNet).</summary>
    public sealed class PayNetCmdletException : Exception
    {
        public PayNetCmdletException(string message) : base(message) { }
    }

    /// <summary>Thrown by command logic to stop the whole pipeline: no connection, bad configuration, unknown money state.</summary>
    internal sealed class PayNetTerminatingException : Exception
    {
        public PayNetTerminatingException(ErrorRecord record) : base(record.ErrorDetails?.Message ?? record.Exception.Message, record.Exception) => Record = record;
        public ErrorRecord Record { get; }
    }
}
