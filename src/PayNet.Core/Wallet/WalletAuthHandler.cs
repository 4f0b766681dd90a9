using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// Outermost handler of the Wallet pipeline: puts the apikey and session token on each request, signs
    /// in lazily, and when the body says <c>sessionExpired: true</c> (whatever the HTTP code) signs in
    /// again and re-sends that one request once. A request refused for an expired session was not
    /// executed, so this is the only replay it ever does; it also counts every attempt against the daily budget.
    /// </summary>
    internal sealed class WalletAuthHandler : DelegatingHandler
    {
        private readonly WalletSession _session;
        private readonly WalletCallCounter _counter;
        private readonly PayNetClientOptions _options;
        private readonly Action _onBudgetWarning;

        public WalletAuthHandler(WalletSession session, WalletCallCounter counter, PayNetClientOptions options, Action onBudgetWarning)
        {
            _session = session;
            _counter = counter;
            _options = options;
            _onBudgetWarning = onBudgetWarning;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(WalletSession.ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(WalletSession.ApiKeyHeader, _session.ApiKey);
            var flags = WalletRequestMarks.Of(request);
            if ((flags & WalletRequestFlags.Anonymous) != 0)
            {
                var anonymous = await SendCountedAsync(request, cancellationToken).ConfigureAwait(false);
                await BufferAndCheckExpiryAsync(anonymous, CallInfo.Of(request), _counter, _options.Redactor).ConfigureAwait(false);
                return anonymous;
            }

            string token = (flags & WalletRequestFlags.NoRenewal) != 0
                ? _session.Token ?? string.Empty
                : await _session.GetTokenAsync(LoginThroughChainAsync, cancellationToken).ConfigureAwait(false);
            SetToken(request, token);
            var call = CallInfo.Of(request);
            var response = await SendCountedAsync(request, cancellationToken).ConfigureAwait(false);
            if (!await BufferAndCheckExpiryAsync(response, call, _counter, _options.Redactor).ConfigureAwait(false) || (flags & WalletRequestFlags.NoRenewal) != 0) return response;

            _session.Invalidate(token);
            response.Dispose();
            var log = PayNetLog.Current;
            if (log is not null && log.IsVerboseEnabled)
                log.Verbose($"Wallet session expired during {call.Operation}; signing in again and re-sending it once.");
            SetToken(request, await _session.GetTokenAsync(LoginThroughChainAsync, cancellationToken).ConfigureAwait(false));
            var replayed = await SendCountedAsync(request, cancellationToken).ConfigureAwait(false);
            await BufferAndCheckExpiryAsync(replayed, call, _counter, _options.Redactor).ConfigureAwait(false);
            return replayed;
        }

        private async Task<RawResponse> LoginThroughChainAsync(HttpRequestMessage login, CancellationToken cancellationToken)
        {
            // Sent below HttpClient, so nothing resolves the relative path against the base address for us.
            if (login.RequestUri is Uri relative && !relative.IsAbsoluteUri)
            {
                string root = _options.BaseUri.AbsoluteUri;
                login.RequestUri = new Uri(new Uri(root.EndsWith("/", StringComparison.Ordinal) ? root : root + "/"), relative);
            }
            login.Headers.Remove(WalletSession.ApiKeyHeader);
            login.Headers.TryAddWithoutValidation(WalletSession.ApiKeyHeader, _session.ApiKey);
            if (!login.Headers.Accept.TryParseAdd("application/json")) { }
            using (var response = await SendCountedAsync(login, cancellationToken).ConfigureAwait(false))
            {
                string body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                WalletBudget.ThrowIfRefused(response, body, CallInfo.Of(login), _counter, _options.Redactor);
                return new RawResponse(response.StatusCode, body, response.Headers.RetryAfter?.Delta);
            }
        }

        /// <summary>
        /// Sends one request (with the retries below it) and counts its attempts. Nothing is sent while the
        /// server's "budget spent" refusal stands; a refusal is never retried (see <see cref="WalletBudget"/>).
        /// </summary>
        private async Task<HttpResponseMessage> SendCountedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = CallInfo.Of(request);
            WalletBudget.ThrowIfSpent(call, _counter);
            call.Attempts = 0;
            call.IsFinalRefusal = WalletBudget.IsRefusalAsync;
            bool warn = false;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                warn = WalletBudget.Observe(response, _counter);
                return response;
            }
            finally
            {
                warn |= _counter.Add(Math.Max(1, call.Attempts));
                if (warn) _onBudgetWarning();
            }
        }

        private static void SetToken(HttpRequestMessage request, string token)
        {
            request.Headers.Remove(WalletSession.TokenHeader);
            if (token.Length > 0) request.Headers.TryAddWithoutValidation(WalletSession.TokenHeader, token);
        }

        /// <summary>
        /// Buffers the body here, inside the chain, so a connection cut mid-body surfaces as an ambiguous
        /// outcome for a money move instead of a bare IOException from HttpClient.
        /// </summary>
        private static async Task<bool> BufferAndCheckExpiryAsync(HttpResponseMessage response, CallInfo call, WalletCallCounter counter, Redactor redactor)
        {
            if (response.Content is null) return false;
            string body;
            try
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                response.Dispose();
                if (call.Kind == CallKind.MoneyMove) throw new PayNetAmbiguousOutcomeException("the answer was cut off while it was read", ex);
                if (ex is OperationCanceledException) throw;
                throw new PayNetException(PayNetApi.Wallet, call.Operation, PayNetErrorCategory.Unavailable,
                    $"Wallet {call.Operation} failed: the answer was cut off while it was read.", (int)response.StatusCode, reference: call.Reference, inner: ex);
            }
            try
            {
                WalletBudget.ThrowIfRefused(response, body, call, counter, redactor);
            }
            catch (PayNetRateLimitedException)
            {
                response.Dispose();
                throw;
            }
            if (body.IndexOf("sessionExpired", StringComparison.OrdinalIgnoreCase) < 0) return false;
            try
            {
                using (var doc = JsonDocument.Parse(body))
                    return doc.RootElement.ValueKind == JsonValueKind.Object && WalletEnvelope.ReadBool(doc.RootElement, "sessionExpired") == true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
