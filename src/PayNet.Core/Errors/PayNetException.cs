using System;

namespace PayNet.Core
{
    /// <summary>The three PayNet APIs this library speaks.</summary>
    public enum PayNetApi { Wallet, TopUp, Card }

    /// <summary>
    /// Coarse classes of failure. The PowerShell layer maps each to an ErrorCategory, so they are a
    /// public contract: add members, never renumber.
    /// </summary>
    public enum PayNetErrorCategory
    {
        InvalidArgument = 0,
        Authentication = 1,
        NotFound = 2,
        LimitsExceeded = 3,
        Unavailable = 4,
        Timeout = 5,
        /// <summary>A money-moving request may or may not have executed; reconcile by <see cref="PayNetException.Reference"/>.</summary>
        StateUnknown = 6,
        /// <summary>The provider refused a well-formed request for a business reason (funds, state, duplicate).</summary>
        Rejected = 7,
        Cancelled = 8,
    }

    /// <summary>
    /// Every failure the clients raise. Carries what a support ticket needs and never a secret:
    /// messages are built from provider text and our own wording only.
    /// </summary>
    public class PayNetException : Exception
    {
        public PayNetException(PayNetApi api, string operation, PayNetErrorCategory category, string message,
            int? httpStatus = null, string? providerCode = null, string? providerMessage = null,
            string? reference = null, Exception? inner = null)
            : base(Security.Redactor.Shared.Redact(message), inner)
        {
            Api = api;
            Operation = operation;
            Category = category;
            HttpStatus = httpStatus;
            ProviderCode = providerCode;
            // Provider text is what a server may echo secrets in: scrubbed of every secret any connection registered.
            ProviderMessage = providerMessage is null ? null : Security.Redactor.Shared.Redact(providerMessage);
            Reference = reference;
        }

        public PayNetApi Api { get; }
        public string Operation { get; }
        public PayNetErrorCategory Category { get; }
        public int? HttpStatus { get; }
        public string? ProviderCode { get; }
        public string? ProviderMessage { get; }
        /// <summary>The caller-side reference of the request (external id, trace number, reference_no), when there is one.</summary>
        public string? Reference { get; }
        /// <summary>Seconds the server asked us to wait (429/503 Retry-After), when it said.</summary>
        public TimeSpan? RetryAfter { get; set; }
    }

    /// <summary>
    /// Raised when money may have moved and neither the response nor a follow-up lookup could say
    /// whether it did. The reference is what to look up later (Get-PayNetTransaction).
    /// </summary>
    public sealed class PayNetStateUnknownException : PayNetException
    {
        public PayNetStateUnknownException(PayNetApi api, string operation, string reference, string detail, Exception? inner = null)
            : base(api, operation, PayNetErrorCategory.StateUnknown,
                  $"The outcome of {api} {operation} is unknown: {detail}. Nothing will be re-sent automatically; look it up by reference '{reference}' before trying again.",
                  reference: reference, inner: inner)
        {
        }
    }

    /// <summary>
    /// A money move PayNet answered with HTTP 500 or 503, after which every settle lookup answered and showed nothing
    /// under the reference: it was not booked, and sending it again is safe (docs/design/money-settle.md).
    /// </summary>
    public sealed class PayNetNotBookedException : PayNetException
    {
        public PayNetNotBookedException(PayNetApi api, string operation, string message, int httpStatus, string reference, Exception? inner = null)
            : base(api, operation, PayNetErrorCategory.Unavailable, message, httpStatus: httpStatus, reference: reference, inner: inner)
        {
        }
    }

    /// <summary>
    /// Internal signal from the HTTP pipeline to a client: a money-moving request may have reached the
    /// server and its answer was lost. The client reconciles (find / history) before deciding.
    /// </summary>
    public sealed class PayNetAmbiguousOutcomeException : Exception
    {
        public PayNetAmbiguousOutcomeException(string reason, Exception? inner = null) : base(reason, inner) { }

        /// <param name="answeredStatus">The HTTP status the server answered with, when it answered at all.</param>
        public PayNetAmbiguousOutcomeException(string reason, int answeredStatus) : base(reason) => AnsweredStatus = answeredStatus;

        /// <summary>
        /// The HTTP status of a complete answer (500, 503...), or null when no answer came (timeout, dropped connection,
        /// cancellation) or the answer could not be read. An answer means the server had finished with the request.
        /// </summary>
        public int? AnsweredStatus { get; }
    }
}
