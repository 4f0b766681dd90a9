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

        /// <summary>The retry handler's test (<see cref="CallInfo.IsFinalRefusal"/>): a budget refusal is never repeated.</summary>
        public static async Task<bool> IsRefusalAsync(HttpResponseMessage response)
        {
            if ((int)response.StatusCode == 429) return true;
            if (response.Content is null) return false;
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            return HasRefusalCode(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        }

        /// <summary>Throws <see cref="PayNetRateLimitedException"/> when the answer is the budget refusal, and remembers it.</summary>
        public static void ThrowIfRefused(HttpResponseMessage response, string body, CallInfo call, WalletCallCounter counter, Redactor redactor)
        {
            int status = (int)response.StatusCode;
            if (status != 429 && !HasRefusalCode(body)) return;
            counter.MarkExhausted(Reset(response));
            var until = counter.ExhaustedUntil ?? counter.ResetsAt;
            string? said = ProviderText(body) is string text ? redactor.Redact(text) : null;
            throw new PayNetRateLimitedException(call.Operation,
                $"Wallet {call.Operation} refused: the daily budget of {counter.Limit} calls is spent ({said ?? "rate limit exceeded"}; HTTP {status}). " +
                $"Nothing was executed. It comes back at {Describe(until)}; the client sends no Wallet call until then.",
                until, counter.Limit, sent: true, httpStatus: status, providerMessage: said, reference: call.Reference)
            {
                RetryAfter = response.Headers.RetryAfter?.Delta,
            };
        }

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

        private static string? ProviderText(string body)
        {
            var envelope = WalletEnvelope.TryParse(new RawResponse(System.Net.HttpStatusCode.OK, body, null));
            return envelope?.ErrorText;
        }

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
