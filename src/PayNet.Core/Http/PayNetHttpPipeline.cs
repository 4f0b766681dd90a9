using System;
using System.Buffers;
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
    /// <summary>
    /// The raw answer of one call: status, body, and the Retry-After hint when present. The body is kept
    /// as text (<see cref="PayNetHttpPipeline.SendAsync"/>) or as UTF-8 bytes in a pooled buffer
    /// (<see cref="PayNetHttpPipeline.SendUtf8Async"/>), which the caller parses in place and then
    /// returns to the pool by disposing the response.
    /// </summary>
    public sealed class RawResponse : IDisposable
    {
        private byte[]? _utf8;
        private readonly int _length;
        private readonly bool _pooled;
        private string? _body;

        public RawResponse(HttpStatusCode status, string body, TimeSpan? retryAfter)
        {
            Status = status;
            _body = body ?? string.Empty;
            RetryAfter = retryAfter;
        }

        internal RawResponse(HttpStatusCode status, byte[] utf8, int length, bool pooled, TimeSpan? retryAfter)
        {
            Status = status;
            _utf8 = utf8;
            _length = length;
            _pooled = pooled;
            RetryAfter = retryAfter;
        }

        public HttpStatusCode Status { get; }
        public int StatusCode => (int)Status;
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// The server's clock when it answered (the HTTP Date header), when it sent one: the time of an answer that
        /// carries none in its body (a Wallet confirm), so a receipt shows PayNet's time, not this machine's.
        /// </summary>
        public DateTimeOffset? ServerTime { get; internal set; }

        /// <summary>The body as text (decoded on first use when it arrived as bytes).</summary>
        public string Body => _body ??= Encoding.UTF8.GetString(_utf8 ?? throw new ObjectDisposedException(nameof(RawResponse)), 0, _length);

        /// <summary>The body as UTF-8, without a byte order mark; valid until the response is disposed.</summary>
        internal ReadOnlySpan<byte> Utf8
        {
            get
            {
                if (_utf8 is null && _body is not null) return Encoding.UTF8.GetBytes(_body);
                return new ReadOnlySpan<byte>(_utf8 ?? throw new ObjectDisposedException(nameof(RawResponse)), 0, _length);
            }
        }

        /// <summary>
        /// Deserializes the body, turning anything that is not the expected JSON (an HTML error page, a
        /// truncated or empty body) into a PayNetException of category Unavailable, never a JsonException.
        /// </summary>
        internal T ReadJson<T>(PayNetApi api, string operation, string? reference) where T : class
        {
            try
            {
                var value = _utf8 is null && _body is not null
                    ? JsonSerializer.Deserialize<T>(_body, TolerantJson.Options)
                    : JsonSerializer.Deserialize<T>(Utf8, TolerantJson.Options);
                return value ?? throw new JsonException("The body was empty.");
            }
            catch (JsonException ex)
            {
                throw new PayNetException(api, operation, PayNetErrorCategory.Unavailable,
                    $"{api} {operation} returned a body that is not the expected JSON: {ex.Message}", StatusCode, reference: reference, inner: ex);
            }
        }

        /// <summary>Returns a pooled body buffer; the text, if it was decoded, stays readable.</summary>
        public void Dispose()
        {
            if (!_pooled) return;
            var buffer = Interlocked.Exchange(ref _utf8, null);
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
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
            options.EnsureSafeTransport(api, checkProxy: true);
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
            builder.RemoveAllLoggers();   // the factory's default logging handlers: PayNet logs through LoggingHandler
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
            else if (!options.UseSystemProxy || PayNetClientOptions.IsLoopback(options.BaseUri))
            {
                // Traffic to this machine never goes through the environment's proxy.
                handler.UseProxy = false;
            }
            return handler;
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

        /// <summary>Paths are relative to the base URI ("transaction/check", not "/transaction/check").</summary>
        public static HttpContent JsonBody(object body)
        {
            // Serialized straight to UTF-8 (no intermediate string); the same header StringContent sends.
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), TolerantJson.Options));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        /// <summary>
        /// Sends one request through the chain and reads the whole body. The body is read here, not by
        /// HttpClient, so that an answer cut off mid-body is caught: for a money move that is an ambiguous
        /// outcome (it may have executed), never a plain network error. The answer keeps the body as UTF-8
        /// bytes of its own (parse them in place with <see cref="RawResponse.Utf8"/>); the text is decoded
        /// only when asked for.
        /// </summary>
        public async Task<RawResponse> SendAsync(HttpRequestMessage request, CallInfo call, CancellationToken cancellationToken)
        {
            using (var pooled = await SendUtf8Async(request, call, cancellationToken).ConfigureAwait(false))
            {
                return new RawResponse(pooled.Status, pooled.Utf8.ToArray(), pooled.Utf8.Length, pooled: false, pooled.RetryAfter) { ServerTime = pooled.ServerTime };
            }
        }

        /// <summary>
        /// As <see cref="SendAsync"/>, but the body stays UTF-8 bytes in a pooled buffer, for a caller that
        /// parses it in one pass and then disposes the response (which returns the buffer).
        /// </summary>
        internal async Task<RawResponse> SendUtf8Async(HttpRequestMessage request, CallInfo call, CancellationToken cancellationToken)
        {
            call.AttachTo(request);
            if (!request.Headers.Contains("Accept")) request.Headers.TryAddWithoutValidation("Accept", "application/json");   // not parsed per call
            using (var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var raw = response.Content is null
                        ? new RawResponse(response.StatusCode, string.Empty, response.Headers.RetryAfter?.Delta)
                        : await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                    raw.ServerTime = response.Headers.Date;
                    return raw;
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
            }
        }

        /// <summary>
        /// Reads the body into a pooled buffer under the same per-attempt timeout, so a server that stalls
        /// mid-body cannot hang the caller. A body in another charset is transcoded to UTF-8; a UTF-8 byte
        /// order mark is dropped.
        /// </summary>
        private async Task<RawResponse> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var content = response.Content;
            long? declared = content.Headers.ContentLength;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is long n && n >= 0 && n < 1 << 24 ? (int)n + 1 : 4096);
            int length = 0;
            CancellationTokenSource? limit = null;
            CancellationTokenRegistration abort = default;
            try
            {
                using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    // Stop at the declared length (no extra read for the end); otherwise read to the end.
                    while (declared is null || length < declared.Value)
                    {
                        if (length == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            Buffer.BlockCopy(buffer, 0, larger, 0, length);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                        var pending = stream.ReadAsync(buffer, length, buffer.Length - length, limit?.Token ?? cancellationToken);
                        if (!pending.IsCompleted && limit is null)
                        {
                            // The body is still on its way: from now on it must arrive within the per-attempt
                            // timeout. Disposing the stream is what ends a read that ignores cancellation.
                            limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                            limit.CancelAfter(Options.Timeout);
                            abort = limit.Token.Register(s => ((System.IO.Stream)s!).Dispose(), stream);
                        }
                        int read = await pending.ConfigureAwait(false);
                        if (read == 0) break;
                        length += read;
                    }
                }
                var retryAfter = response.Headers.RetryAfter?.Delta;
                var charset = content.Headers.ContentType?.CharSet;
                if (!IsUtf8(charset))
                {
                    byte[] utf8 = Encoding.UTF8.GetBytes(SafeEncoding(charset!).GetString(buffer, 0, length));
                    ArrayPool<byte>.Shared.Return(buffer);
                    return new RawResponse(response.StatusCode, utf8, utf8.Length, pooled: false, retryAfter);
                }
                if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    Buffer.BlockCopy(buffer, 3, buffer, 0, length - 3);
                    length -= 3;
                }
                return new RawResponse(response.StatusCode, buffer, length, pooled: true, retryAfter);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
            finally
            {
                abort.Dispose();
                limit?.Dispose();
            }
        }

        private static bool IsUtf8(string? charset)
        {
            if (string.IsNullOrEmpty(charset)) return true;
            string name = charset!.Trim('"', ' ');
            return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
                || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
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
