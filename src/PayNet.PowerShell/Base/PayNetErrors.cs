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
        public const string InvalidAmount = PayNet.Core.Money.PayNetInvalidAmountException.ErrorId;
        /// <summary>A money move not sent because an earlier one in the same batch ended in an unknown state.</summary>
        public const string BatchHalted = "PayNetBatchHalted";
        /// <summary>Ctrl+C landed after a money move had happened: its result, reported on the host and in $Error.</summary>
        public const string StoppedAfterMoneyMoved = "PayNetStoppedAfterMoneyMoved";
        public const string RateLimited = "PayNetRateLimited";

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
            if (error is Core.Wallet.PayNetRateLimitedException limited)
                return Create(ErrorIds.RateLimited, ErrorCategory.LimitsExceeded, target, error.Message, error,
                    error.RetryAfter is TimeSpan pause && limited.ResetsAt - DateTimeOffset.UtcNow <= pause + TimeSpan.FromMinutes(1)
                        ? $"Wait {pause.TotalSeconds:0} s and try again."
                        : $"The Wallet budget comes back at {limited.ResetsAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC; Get-PayNetConnection shows the calls left.");
            if (error is Core.Wallet.PayNetOtpRequiredException)
                return Create(ErrorIds.OtpRequired, ErrorCategory.AuthenticationError, target, error.Message, error,
                    "Run Connect-PayNet again with -Otp <code> (the one-time password PayNet sent to the member's mobile).");
            string? action = error.Category switch
            {
                PayNetErrorCategory.StateUnknown => $"Sync-PayNetJournal -Reference '{error.Reference}'",
                PayNetErrorCategory.Authentication => "Check the credentials given to Connect-PayNet.",
                PayNetErrorCategory.LimitsExceeded => error.RetryAfter is TimeSpan wait ? $"Wait {wait.TotalSeconds:0} s and try again." : "Wait and try again later.",
                PayNetErrorCategory.Unavailable => "PayNet did not answer; try again later.",
                PayNetErrorCategory.Timeout => "Raise -TimeoutSec or try again later.",
                _ => null,
            };
            string errorId = error is PayNet.Core.Money.PayNetInvalidAmountException ? ErrorIds.InvalidAmount : ErrorIds.For(error.Category);
            return Create(errorId, ErrorIds.CategoryFor(error.Category), target, error.Message, error, action);
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
