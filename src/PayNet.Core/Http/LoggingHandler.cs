using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PayNet.Core.Http
{
    /// <summary>
    /// One Verbose line per attempt (method, path, status, ms); redacted headers and bodies at Debug.
    /// Innermost in the chain, so each retry shows up as its own line.
    /// </summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        private const int MaxBodyChars = 4000;
        private readonly PayNetClientOptions _options;

        public LoggingHandler(PayNetClientOptions options) => _options = options;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Nothing to log: hand the call straight on, without an async state machine per request.
            var log = PayNetLog.Current;
            if (log is null || (!log.IsVerboseEnabled && !log.IsDebugEnabled)) return base.SendAsync(request, cancellationToken);
            return SendLoggedAsync(request, log, cancellationToken);
        }

        private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, IPayNetLog log, CancellationToken cancellationToken)
        {

            var redactor = _options.Redactor;
            string path = redactor.Redact(request.RequestUri?.PathAndQuery ?? string.Empty);
            if (log.IsDebugEnabled)
            {
                var headers = request.Headers.Select(h => $"{h.Key}: {redactor.RedactHeader(h.Key, h.Value)}");
                string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"{request.Method} {path}\n{string.Join("\n", headers)}\n{Truncate(redactor.Redact(body))}");
            }

            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Exception ex)
            {
                if (log.IsVerboseEnabled) log.Verbose($"{request.Method} {path} failed after {watch.ElapsedMilliseconds} ms: {redactor.Redact(ex.Message)}");
                throw;
            }
            if (log.IsVerboseEnabled) log.Verbose($"{request.Method} {path} -> {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms");
            if (log.IsDebugEnabled && response.Content is not null)
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"Response {(int)response.StatusCode} {path}\n{Truncate(redactor.Redact(body))}");
            }
            return response;
        }

        private static string Truncate(string text) => text.Length <= MaxBodyChars ? text : text.Substring(0, MaxBodyChars) + $"... ({text.Length} chars)";
    }
}
