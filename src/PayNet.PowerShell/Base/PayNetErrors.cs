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

        /// <summary>
        /// The ErrorRecord for a PayNet failure: the message says what happened and what to do, and the
        /// RecommendedAction, where there is a useful one, is a command that runs verbatim (see <see cref="FollowUpCommands"/>).
        /// </summary>
        /// <param name="reconnectCommand">The connection's own Connect-PayNet command line, recommended when a login OTP is needed.</param>
        public static ErrorRecord From(PayNetException error, object? target, string? reconnectCommand = null)
        {
            var (advice, action) = FollowUp(error, reconnectCommand);
            string message = advice is null ? error.Message : error.Message.TrimEnd() + " " + advice;
            string errorId = error is Core.Wallet.PayNetRateLimitedException ? ErrorIds.RateLimited
                : error is Core.Wallet.PayNetOtpRequiredException ? ErrorIds.OtpRequired
                : error is PayNet.Core.Money.PayNetInvalidAmountException ? ErrorIds.InvalidAmount
                : ErrorIds.For(error.Category);
            var category = error is Core.Wallet.PayNetRateLimitedException ? ErrorCategory.LimitsExceeded
                : error is Core.Wallet.PayNetOtpRequiredException ? ErrorCategory.AuthenticationError
                : ErrorIds.CategoryFor(error.Category);
            return Create(errorId, category, target, message, error, action);
        }

        /// <summary>Prose added to the message (null: the message says enough) and the command to recommend (null: none helps).</summary>
        private static (string? Advice, string? Action) FollowUp(PayNetException error, string? reconnectCommand)
        {
            string? reference = string.IsNullOrWhiteSpace(error.Reference) ? null : error.Reference;
            if (error is Core.Wallet.PayNetRateLimitedException limited)
                return error.RetryAfter is TimeSpan pause && limited.ResetsAt - DateTimeOffset.UtcNow <= pause + TimeSpan.FromMinutes(1)
                    ? ($"Wait {pause.TotalSeconds:0} s and try again.", FollowUpCommands.Sleep(pause))
                    : ($"The Wallet budget comes back at {limited.ResetsAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC; Get-PayNetConnection shows the calls left.", FollowUpCommands.Connections(PayNetApi.Wallet));
            if (error is Core.Wallet.PayNetOtpRequiredException)
                return (null, reconnectCommand ?? FollowUpCommands.ParameterHelp("Connect-PayNet", "Otp"));
            // The message says it was not booked and that sending again is safe; the journal shows the move as Failed.
            if (error is PayNetNotBookedException)
                return (null, reference is null ? null : FollowUpCommands.JournalFor(reference));
            switch (error.Category)
            {
                case PayNetErrorCategory.StateUnknown:
                    return (null, reference is null ? "Sync-PayNetJournal" : FollowUpCommands.SettleReference(reference));
                case PayNetErrorCategory.Authentication:
                    return ($"Check the credentials of the {error.Api} connection (Connect-PayNet).", FollowUpCommands.Connections(error.Api));
                case PayNetErrorCategory.NotFound:
                    // Did this session (or another on this machine) move money under that reference? The journal knows.
                    return (null, reference is not null && NamesATransaction(error) ? FollowUpCommands.JournalFor(reference) : null);
                case PayNetErrorCategory.LimitsExceeded:
                    return error.RetryAfter is TimeSpan wait
                        ? ($"Wait {wait.TotalSeconds:0} s and try again.", FollowUpCommands.Sleep(wait))
                        : ("Wait and try again later.", null);
                case PayNetErrorCategory.Unavailable:
                case PayNetErrorCategory.Timeout:
                    string advice = error.Category == PayNetErrorCategory.Timeout
                        ? "Try again later, or connect with a longer -TimeoutSec (Connect-PayNet -TimeoutSec)."
                        : "PayNet did not answer usefully; try again later.";
                    // A lookup by reference is a read: safe to repeat. Otherwise the connection shows where and how long it waits.
                    string action = error.RetryAfter is TimeSpan after ? FollowUpCommands.Sleep(after)
                        : reference is not null && error.Api == PayNetApi.Wallet && error.Operation == "GetTransfer" && long.TryParse(reference, out long transferId)
                            ? FollowUpCommands.LookUpTransfer(transferId)
                        : reference is not null && NamesATransaction(error) ? FollowUpCommands.LookUp(error.Api, reference)
                        : FollowUpCommands.Connections(error.Api);
                    return (advice, action);
                default:
                    return (null, null);
            }
        }

        /// <summary>
        /// Whether the error's reference is a transaction's own (a TopUp external id, a Card xact id or
        /// reference_no, a Wallet trace number), so a lookup or the journal can find it. Other Wallet
        /// operations carry account, dispute or transfer ids, principals or search words.
        /// </summary>
        private static bool NamesATransaction(PayNetException error) =>
            error.Api != PayNetApi.Wallet || error.Operation == "History" || error.Operation == "Find";
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
