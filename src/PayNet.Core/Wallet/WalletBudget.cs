using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// The daily call budget on the wire (§3, §9, §11.8): reads the server's <c>X-RateLimit-*</c> headers
    /// into the counter, recognises its refusal (HTTP 429, or <c>RATE_LIMIT_EXCEEDED</c> whatever the code)
    /// and turns it into <see cref="PayNetRateLimitedException"/>, and stops sending until the reset.
    /// </summary>
    internal static class WalletBudget
    {
        public const string LimitHeader = "X-RateLimit-Limit";
        public const string RemainingHeader = "X-RateLimit-Remaining";
        public const string ResetHeader = "X-RateLimit-Reset";

        /// <summary>Refuses locally, without sending, while the server's refusal stands.</summary>
        public static void ThrowIfSpent(CallInfo call, WalletCallCounter counter)
        {
            if (!(counter.ExhaustedUntil is DateTimeOffset until)) return;
            throw new PayNetRateLimitedException(call.Operation,
                $"Wallet {call.Operation} was not sent: PayNet said earlier today that the daily budget of {counter.Limit} calls is spent. " +
                $"It comes back at {Describe(until)}; until then every Wallet call is refused here, without a request (RATE_LIMIT_EXCEEDED).",
                until, counter.Limit, sent: false, reference: call.Reference);
        }

        /// <summary>Feeds the rate-limit headers to the counter; true when that first crosses the 90 % mark.</summary>
        public static bool Observe(HttpResponseMessage response, WalletCallCounter counter)
        {
            int? limit = Int(response, LimitHeader);
            int? remaining = Int(response, RemainingHeader);
            if (limit is null && remaining is null) return false;
            return counter.Observe(limit, remaining, Reset(response));
        }

        /// <summary>
        /// The retry handler's test (<see cref="CallInfo.IsFinalRefusal"/>): the daily budget refusal is never
        /// repeated. A 429 that carries Retry-After and does not say the budget is spent (X-RateLimit-Remaining: 0)
        /// is a short throttle instead: the retry handler may wait as told and ask again, a bounded number of times.
        /// </summary>
        public static async Task<bool> IsRefusalAsync(HttpResponseMessage response)
        {
            string body = string.Empty;
            if (response.Content is not null)
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            return IsRateLimit(response, body) && IsBudgetSpent(response);
        }

        /// <summary>
        /// Throws <see cref="PayNetRateLimitedException"/> when the answer is a rate-limit refusal; when it is the
        /// budget refusal (not a short throttle), nothing more is sent until the reset.
        /// </summary>
        public static void ThrowIfRefused(HttpResponseMessage response, string body, CallInfo call, WalletCallCounter counter, Redactor redactor)
        {
            if (!IsRateLimit(response, body)) return;
            int status = (int)response.StatusCode;
            bool coded = HasRefusalCode(body);
            string? said = ProviderText(body) is string text ? redactor.Redact(text) : null;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            string code = coded ? PayNetRateLimitedException.Code : ProviderCode(body) ?? "HTTP 429";
            if (!IsBudgetSpent(response))
            {
                throw new PayNetRateLimitedException(call.Operation,
                    $"Wallet {call.Operation} refused: PayNet is throttling calls ({said ?? "rate limit exceeded"}; {code}, HTTP {status}) and asked to wait " +
                    $"{retryAfter?.TotalSeconds ?? 0:0} s. Nothing was executed; try again after the wait.",
                    DateTimeOffset.UtcNow + (retryAfter ?? TimeSpan.Zero), counter.Limit, sent: true, httpStatus: status,
                    providerCode: coded ? PayNetRateLimitedException.Code : ProviderCode(body), providerMessage: said, reference: call.Reference)
                {
                    RetryAfter = retryAfter,
                };
            }
            counter.MarkExhausted(Reset(response));
            var until = counter.ExhaustedUntil ?? counter.ResetsAt;
            throw new PayNetRateLimitedException(call.Operation,
                $"Wallet {call.Operation} refused: the daily budget of {counter.Limit} calls is spent ({said ?? "rate limit exceeded"}; {code}, HTTP {status}). " +
                $"Nothing was executed. It comes back at {Describe(until)}; this connection sends no Wallet call until then.",
                until, counter.Limit, sent: true, httpStatus: status, providerCode: coded ? PayNetRateLimitedException.Code : ProviderCode(body),
                providerMessage: said, reference: call.Reference)
            {
                RetryAfter = retryAfter,
            };
        }

        private static bool IsRateLimit(HttpResponseMessage response, string body) => (int)response.StatusCode == 429 || HasRefusalCode(body);

        /// <summary>The budget is spent unless the server only asked for a short wait (Retry-After) without saying "0 left".</summary>
        private static bool IsBudgetSpent(HttpResponseMessage response) =>
            Int(response, RemainingHeader) == 0 || response.Headers.RetryAfter is null;

        private static bool HasRefusalCode(string body)
        {
            if (body.IndexOf(PayNetRateLimitedException.Code, StringComparison.OrdinalIgnoreCase) < 0) return false;
            try
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object) return false;
                    foreach (var name in new[] { "responseCode", "statusCode" })
                    {
                        if (WalletEnvelope.Property(root, name) is JsonElement code && code.ValueKind == JsonValueKind.String
                            && string.Equals(code.GetString(), PayNetRateLimitedException.Code, StringComparison.OrdinalIgnoreCase))
                            return true;
                    }
                    return false;
                }
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static string? ProviderText(string body) =>
            WalletEnvelope.TryParse(new RawResponse(System.Net.HttpStatusCode.OK, body, null))?.ErrorText;

        private static string? ProviderCode(string body) =>
            WalletEnvelope.TryParse(new RawResponse(System.Net.HttpStatusCode.OK, body, null))?.Code;

        private static int? Int(HttpResponseMessage response, string header) =>
            response.Headers.TryGetValues(header, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;

        private static DateTimeOffset? Reset(HttpResponseMessage response) =>
            response.Headers.TryGetValues(ResetHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out long epoch)
            && epoch > 0 && epoch < 253402300799L
                ? DateTimeOffset.FromUnixTimeSeconds(epoch) : (DateTimeOffset?)null;

        private static string Describe(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
