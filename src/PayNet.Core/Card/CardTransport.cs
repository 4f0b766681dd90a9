using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Json;
using PayNet.Core.Security;

namespace PayNet.Core.Card
{
    /// <summary>Adds "Authorization: Basic &lt;secret key&gt;" with the raw key, as Paynet documents it (not base64).</summary>
    internal sealed class CardAuthHandler : DelegatingHandler
    {
        private readonly SecretString _secretKey;

        public CardAuthHandler(SecretString secretKey) => _secretKey = secretKey;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + _secretKey.Reveal());
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>An answer of the Card API that passed the error checks (money moves and other untyped calls).</summary>
    internal sealed class CardReply
    {
        private readonly CardEnvelopeDto<CardRowDto>? _envelope;

        public CardReply(RawResponse raw, int? code, string? message, CardEnvelopeDto<CardRowDto>? envelope = null)
        {
            Raw = raw;
            Code = code;
            Message = message;
            _envelope = envelope;
        }

        public RawResponse Raw { get; }
        public int? Code { get; }
        public string? Message { get; }
        public bool IsNoData => Code == CardErrors.NoData;

        /// <summary>The envelope Classify already read is handed out as is; another shape is read from the body.</summary>
        public T Read<T>(string operation, string? reference) where T : class =>
            _envelope as T ?? Raw.ReadJson<T>(PayNetApi.Card, operation, reference);
    }

    /// <summary>A read answer, parsed once from UTF-8 bytes into the typed envelope.</summary>
    internal sealed class CardPage<TRow>
    {
        public CardPage(CardEnvelopeDto<TRow> envelope, int? code)
        {
            Envelope = envelope;
            Code = code;
        }

        public CardEnvelopeDto<TRow> Envelope { get; }
        public int? Code { get; }
        public bool IsNoData => Code == CardErrors.NoData;
        public List<TRow> Rows => Envelope.Data ?? new List<TRow>();
    }

    /// <summary>Sends Card requests and turns both error layers (§1.2) into <see cref="CardApiException"/>.</summary>
    internal sealed class CardTransport : IDisposable
    {
        private readonly PayNetHttpPipeline _pipeline;
        private readonly ConcurrentDictionary<string, Uri> _uris = new ConcurrentDictionary<string, Uri>(StringComparer.Ordinal);

        public CardTransport(SecretString secretKey, PayNetClientOptions options)
        {
            options.Redactor.AddSecret(secretKey);
            _pipeline = new PayNetHttpPipeline(PayNetApi.Card, options, () => new CardAuthHandler(secretKey));
        }

        public PayNetClientOptions Options => _pipeline.Options;

        /// <summary>The absolute URI of a service path, built once per path instead of per request.</summary>
        private Uri UriOf(string path) => _uris.GetOrAdd(path, p => new Uri(_pipeline.Client.BaseAddress!, p));

        /// <param name="noDataIsEmpty">Lists answer "nodata" (12) for an empty range: that is not an error there.</param>
        private long _serverTicks;

        /// <summary>Paynet's clock as its latest answer's Date header told it (null before any answer carried one).</summary>
        public DateTimeOffset? ServerTime
        {
            get
            {
                long ticks = Interlocked.Read(ref _serverTicks);
                return ticks == 0 ? (DateTimeOffset?)null : new DateTimeOffset(ticks, TimeSpan.Zero);
            }
        }

        private void NoteServerTime(RawResponse raw)
        {
            if (raw.ServerTime is DateTimeOffset time) Interlocked.Exchange(ref _serverTicks, time.UtcTicks);
        }

        public async Task<CardReply> PostAsync(string path, string operation, CallKind kind, object body, string? reference, bool noDataIsEmpty, CancellationToken cancellationToken)
        {
            var call = new CallInfo(PayNetApi.Card, operation, kind, reference);
            using (var request = new HttpRequestMessage(HttpMethod.Post, UriOf(path)) { Content = PayNetHttpPipeline.JsonBody(body) })
            {
                // Text, not a pooled buffer: the reply outlives this call and may be read again in another shape.
                var raw = await _pipeline.SendAsync(request, call, cancellationToken).ConfigureAwait(false);
                NoteServerTime(raw);
                var (envelope, code, message) = Classify<CardRowDto>(raw, operation, kind, reference, noDataIsEmpty);
                return new CardReply(raw, code, message, envelope);
            }
        }

        /// <summary>
        /// A read: the answer's UTF-8 bytes are parsed once, in place, into the typed envelope, and the
        /// pooled buffer goes back to the pool before this method returns.
        /// </summary>
        public async Task<CardPage<TRow>> ReadAsync<TRow>(string path, string operation, object body, string? reference, bool noDataIsEmpty, CancellationToken cancellationToken)
        {
            var call = new CallInfo(PayNetApi.Card, operation, CallKind.Read, reference);
            using (var request = new HttpRequestMessage(HttpMethod.Post, UriOf(path)) { Content = PayNetHttpPipeline.JsonBody(body) })
            using (var raw = await _pipeline.SendUtf8Async(request, call, cancellationToken).ConfigureAwait(false))
            {
                NoteServerTime(raw);
                var (envelope, code, _) = Classify<TRow>(raw, operation, CallKind.Read, reference, noDataIsEmpty);
                return new CardPage<TRow>(envelope ?? new CardEnvelopeDto<TRow>(), code);
            }
        }

        /// <summary>
        /// Both error layers (§1.2): an HTTP error object, or HTTP 200 with a failing return code. The
        /// usual answer is read in one pass into the envelope; only a body that does not fit it (bad input)
        /// is looked at again, tolerantly, to tell a failing return code from an unreadable answer.
        /// </summary>
        private static (CardEnvelopeDto<TRow>? Envelope, int? Code, string? Message) Classify<TRow>(RawResponse raw, string operation, CallKind kind, string? reference, bool noDataIsEmpty)
        {
            if (raw.StatusCode < 200 || raw.StatusCode >= 300)
            {
                var error = CardJson.TryRead<CardErrorDto>(raw.Utf8) ?? new CardErrorDto();
                int? resultCode = CardErrors.ParseInt(error.ResultCode);
                var category = CardErrors.OfErrorObject(raw.StatusCode, error.Type, resultCode);
                if (noDataIsEmpty && category == PayNetErrorCategory.NotFound && resultCode == CardErrors.NoData)
                    return (null, CardErrors.NoData, error.Message);
                string what = string.IsNullOrWhiteSpace(error.Message) ? $"HTTP {raw.StatusCode}" : $"{error.Message!.TrimEnd('.')} (HTTP {raw.StatusCode}{(error.Type is null ? string.Empty : ", " + error.Type)})";
                throw new CardApiException(operation, category, $"Card {operation} failed: {what}{ReferenceText(reference)}.",
                    raw.StatusCode, resultCode, error.Type, error.Message, reference);
            }

            CardEnvelopeDto<TRow>? envelope;
            JsonException? unreadable = null;
            try
            {
                envelope = JsonSerializer.Deserialize<CardEnvelopeDto<TRow>>(raw.Utf8, TolerantJson.Options);
            }
            catch (JsonException ex)
            {
                envelope = null;
                unreadable = ex;
            }

            int? code;
            string? message;
            if (envelope is not null)
            {
                code = CardErrors.ParseInt(envelope.Code);
                message = envelope.Message;
            }
            else if (!CardJson.TryReadCode(raw.Utf8, out code, out message))
            {
                // Not even a JSON object (HTML, truncated, empty, null, an array).
                if (kind == CallKind.MoneyMove) throw new PayNetAmbiguousOutcomeException($"the answer to {operation} could not be read");
                throw new PayNetException(PayNetApi.Card, operation, PayNetErrorCategory.Unavailable,
                    $"Card {operation} returned HTTP {raw.StatusCode} with a body that is not a JSON object.", raw.StatusCode, reference: reference);
            }

            if (noDataIsEmpty && code == CardErrors.NoData) return (envelope, code, message);
            if (CardErrors.IsSuccess(code))
            {
                if (envelope is not null || kind == CallKind.MoneyMove) return (envelope, code, message);   // a money move's caller reads the shape it expects
                throw new PayNetException(PayNetApi.Card, operation, PayNetErrorCategory.Unavailable,
                    $"Card {operation} returned a body that is not the expected JSON: {unreadable?.Message}", raw.StatusCode, reference: reference, inner: unreadable);
            }

            // A failing return code wins over rows that did not fit the model.
            var returnCategory = CardErrors.OfReturnCode(code!.Value);
            string text = string.IsNullOrWhiteSpace(message) ? "return code " + code : $"{message!.TrimEnd('.')} (code {code})";
            throw new CardApiException(operation, returnCategory, $"Card {operation} failed: {text}{ReferenceText(reference)}.",
                raw.StatusCode, code, null, message, reference);
        }

        private static string ReferenceText(string? reference) => string.IsNullOrEmpty(reference) ? string.Empty : $" for '{reference}'";

        public void Dispose() => _pipeline.Dispose();
    }
}
