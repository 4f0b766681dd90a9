using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using PayNet.Core.Json;

namespace PayNet.Core.Http
{
    /// <summary>The raw answer of one call: status, body text, and the Retry-After hint when present.</summary>
    public sealed class RawResponse
    {
        public RawResponse(HttpStatusCode status, string body, TimeSpan? retryAfter)
        {
            Status = status;
            Body = body;
            RetryAfter = retryAfter;
        }

        public HttpStatusCode Status { get; }
        public int StatusCode => (int)Status;
        public string Body { get; }
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// Deserializes the body, turning anything that is not the expected JSON (an HTML error page, a
        /// truncated or empty body) into a PayNetException of category Unavailable, never a JsonException.
        /// </summary>
        internal T ReadJson<T>(PayNetApi api, string operation, string? reference) where T : class
        {
            try
            {
                return JsonSerializer.Deserialize<T>(Body, TolerantJson.Options) ?? throw new JsonException("The body was empty.");
            }
            catch (JsonException ex)
            {
                throw new PayNetException(api, operation, PayNetErrorCategory.Unavailable,
                    $"{api} {operation} returned a body that is not the expected JSON: {ex.Message}", StatusCode, reference: reference, inner: ex);
            }
        }
    }

    /// <summary>
    /// One HTTP pipeline per API client, built with IHttpClientFactory: the API's auth handler, then
    /// retry, then logging, over a socket handler that honours the proxy settings. Handlers live as
    /// long as the client (infinite handler lifetime) because auth state such as the Wallet session
    /// lives in them.
    /// </summary>
    public sealed class PayNetHttpPipeline : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly PayNetApi _api;

        public PayNetHttpPipeline(PayNetApi api, PayNetClientOptions options, Func<DelegatingHandler>? authHandler)
        {
            options.EnsureSafeTransport(api);
            _api = api;
            Options = options;
            var services = new ServiceCollection();
            var builder = services.AddHttpClient(api.ToString(), c =>
                {
                    c.BaseAddress = WithTrailingSlash(options.BaseUri);
                    c.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // per-attempt timeouts live in RetryHandler
                })
                .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => options.PrimaryHandlerFactory?.Invoke() ?? CreateSocketHandler(options));
            if (authHandler is not null) builder.AddHttpMessageHandler(authHandler);
            builder.AddHttpMessageHandler(() => new RetryHandler(options));
            builder.AddHttpMessageHandler(() => new LoggingHandler(options));
            _services = services.BuildServiceProvider();
            Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(api.ToString());
        }

        public PayNetClientOptions Options { get; }

        public HttpClient Client { get; }

        /// <summary>True once the base URI was accepted over plain http by explicit override.</summary>
        public bool IsInsecure => Options.BaseUri.Scheme == Uri.UriSchemeHttp && !PayNetClientOptions.IsLoopback(Options.BaseUri);

        private static HttpMessageHandler CreateSocketHandler(PayNetClientOptions options)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false, // a redirect would re-post a payment body somewhere else
            };
            HandlerDefaults.Apply(handler);
            if (options.Proxy is not null)
            {
                handler.Proxy = options.Proxy;
                handler.UseProxy = true;
            }
            return handler;
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

        /// <summary>Paths are relative to the base URI ("transaction/check", not "/transaction/check").</summary>
        public static HttpContent JsonBody(object body) =>
            new StringContent(JsonSerializer.Serialize(body, body.GetType(), TolerantJson.Options), Encoding.UTF8, "application/json");

        /// <summary>
        /// Sends one request through the chain and reads the whole body as text. The body is read here,
        /// not by HttpClient, so that an answer cut off mid-body is caught: for a money move that is an
        /// ambiguous outcome (it may have executed), never a plain network error.
        /// </summary>
        public async Task<RawResponse> SendAsync(HttpRequestMessage request, CallInfo call, CancellationToken cancellationToken)
        {
            call.AttachTo(request);
            if (!request.Headers.Accept.TryParseAdd("application/json")) { }
            using (var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                string text;
                try
                {
                    text = response.Content is null ? string.Empty : await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (call.Kind == CallKind.MoneyMove)
                {
                    throw new PayNetAmbiguousOutcomeException("the answer was cut off while it was read", ex);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is HttpRequestException)
                {
                    throw new PayNetException(call.Api, call.Operation, PayNetErrorCategory.Unavailable,
                        $"{call.Api} {call.Operation}: the answer was cut off while it was read.", reference: call.Reference, inner: ex);
                }
                var retryAfter = response.Headers.RetryAfter?.Delta;
                return new RawResponse(response.StatusCode, text, retryAfter);
            }
        }

        /// <summary>Reads the body under the same per-attempt timeout, so a server that stalls mid-body cannot hang the caller.</summary>
        private async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
        {
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var body = new System.IO.MemoryStream())
            {
                limit.CancelAfter(Options.Timeout);
                using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                using (limit.Token.Register(() => stream.Dispose()))
                {
                    await stream.CopyToAsync(body, 81920, limit.Token).ConfigureAwait(false);
                }
                var charset = content.Headers.ContentType?.CharSet;
                var encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : SafeEncoding(charset!);
                return encoding.GetString(body.GetBuffer(), 0, (int)body.Length);
            }
        }

        private static Encoding SafeEncoding(string charset)
        {
            try { return Encoding.GetEncoding(charset.Trim('"')); }
            catch (ArgumentException) { return Encoding.UTF8; }
        }

        /// <summary>The category PayNet's HTTP status implies, for APIs whose body says nothing more specific.</summary>
        public static PayNetErrorCategory CategoryOf(int httpStatus) => httpStatus switch
        {
            401 => PayNetErrorCategory.Authentication,
            403 => PayNetErrorCategory.Authentication,
            404 => PayNetErrorCategory.NotFound,
            408 => PayNetErrorCategory.Timeout,
            429 => PayNetErrorCategory.LimitsExceeded,
            504 => PayNetErrorCategory.Timeout,
            _ when httpStatus >= 500 => PayNetErrorCategory.Unavailable,
            _ => PayNetErrorCategory.InvalidArgument,
        };

        public void Dispose()
        {
            Client.Dispose();
            _services.Dispose();
        }

        public override string ToString() => $"{_api} pipeline to {Options.BaseUri}";
    }
}
