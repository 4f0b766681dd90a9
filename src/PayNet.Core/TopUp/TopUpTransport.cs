using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Json;

namespace PayNet.Core.TopUp
{
    /// <summary>One answer of the TopUp API: the raw response and the error envelope, if it carried one.</summary>
    internal sealed class TopUpReply
    {
        private readonly TopUpAnswerDto? _answer;

        public TopUpReply(RawResponse raw, ErrorDto? error, int? errorCode, TopUpAnswerDto? answer = null)
        {
            Raw = raw;
            Error = error;
            ErrorCode = errorCode;
            _answer = answer;
        }

        public RawResponse Raw { get; }
        public ErrorDto? Error { get; }
        public int? ErrorCode { get; }
        public bool IsError => Error is not null;

        public TopUpApiException ToException(string operation, string? reference) =>
            new TopUpApiException(operation, ErrorCode ?? 0, Error?.Message, Error?.DisplayError, reference, Raw.StatusCode);

        /// <summary>The answer Classify already read, when it is of this shape; otherwise read from the body now.</summary>
        public T Read<T>(string operation, string? reference) where T : class => _answer as T ?? Raw.ReadJson<T>(PayNetApi.TopUp, operation, reference);
    }

    /// <summary>
    /// Signs, sends and classifies TopUp requests. Every send (first attempt and each retry) carries a
    /// key drawn at that moment. An "Auth failed" answer is re-signed and sent again, because with
    /// concurrent requests on one POS a request can arrive after one signed later and be refused
    /// without having run. A second refusal means the credentials are wrong, unless this process has
    /// meanwhile signed later keys for the POS again (then a few more rounds are allowed).
    /// </summary>
    internal sealed class TopUpTransport : IDisposable
    {
        /// <summary>
        /// Sends of one request refused with "Auth failed" while this process keeps signing later keys
        /// for the POS. Under a burst of concurrent calls on one POS a request can be overtaken several
        /// times in a row; a refused request never ran, so re-signing is always safe.
        /// </summary>
        private const int MaxAuthRounds = 25;
        private readonly PayNetHttpPipeline _pipeline;
        private readonly TopUpSigner _signer;

        public TopUpTransport(TopUpCredentials credentials, PayNetClientOptions options)
        {
            _signer = new TopUpSigner(credentials, options.Redactor);
            options.Redactor.AddSecret(credentials.Token);
            _pipeline = new PayNetHttpPipeline(PayNetApi.TopUp, options, authHandler: null);
            _signer.Keys = options.Journal as Journal.ITopUpKeySequenceStore;
        }

        public PayNetClientOptions Options => _pipeline.Options;

        /// <summary>The absolute URI of a service path, built once per path instead of per request.</summary>
        private Uri UriOf(string path) => _uris.GetOrAdd(path, p => new Uri(_pipeline.Client.BaseAddress!, p));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _uris = new System.Collections.Concurrent.ConcurrentDictionary<string, Uri>(StringComparer.Ordinal);

        public async Task<TopUpReply> PostAsync(string path, string operation, CallKind kind, object? payload, string? reference, CancellationToken cancellationToken)
        {
            string payloadJson = payload is null ? "{}" : JsonSerializer.Serialize(payload, payload.GetType(), TolerantJson.Options);
            for (int round = 1; ; round++)
            {
                var call = new CallInfo(PayNetApi.TopUp, operation, kind, reference);
                using (var request = new HttpRequestMessage(HttpMethod.Post, UriOf(path)))
                {
                    request.Content = _signer.Sign(payloadJson, out long key);
                    call.BeforeResend = resent =>
                    {
                        var previous = resent.Content;
                        resent.Content = _signer.Sign(payloadJson, out key);
                        previous?.Dispose();
                        return Task.CompletedTask;
                    };
                    var raw = await _pipeline.SendAsync(request, call, cancellationToken).ConfigureAwait(false);
                    var reply = Classify(raw, operation, kind, reference);
                    if (reply.ErrorCode != TopUpErrors.AuthFailed)
                    {
                        TopUpKeySource.MarkAccepted(_signer.PosId);
                        return reply;
                    }

                    // The first refusal is always re-signed (another process may share the POS); later ones only
                    // while this process keeps handing out later keys that may have overtaken ours.
                    bool overtaken = TopUpKeySource.Last(_signer.PosId) > key || (_signer.Keys?.LastTopUpKey(_signer.PosId) ?? 0) > key; // the journal's store: other processes too
                    if (round == 1 || (overtaken && round < MaxAuthRounds))
                    {
                        var log = PayNetLog.Current;
                        if (log is not null && log.IsVerboseEnabled)
                            log.Verbose($"TopUp {operation}: Paynet answered 'Auth failed'; a concurrent request may have used a later key, so re-signing and sending again.");
                        // After a couple of rounds, step back a little so the burst that keeps overtaking us drains.
                        if (round >= 3) await Task.Delay(Math.Min(round, 10), cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    throw new TopUpApiException(operation, TopUpErrors.AuthFailed,
                        (reply.Error?.Message ?? "Auth failed") + "; " + KeyBehindAdvice(_signer.PosId, round, key),
                        reply.Error?.DisplayError, reference, raw.StatusCode);
                }
            }
        }

        /// <summary>
        /// Paynet answers "Auth failed" both for a wrong token and for a key not above the last one it saw for the POS.
        /// Once the POS was accepted in this process the token is right, so the key sequence is behind; before that it
        /// is the likelier cause too (another system or a clock running ahead signed larger keys), so it comes first.
        /// </summary>
        internal static string KeyBehindAdvice(int posId, int refusals, long lastKey)
        {
            string pos = posId.ToString(CultureInfo.InvariantCulture);
            string recover = "To recover: sign for this POS from one system only, let this machine's clock pass the larger keys " +
                $"(keys are Unix milliseconds; the last sent was {lastKey.ToString(CultureInfo.InvariantCulture)}) or fix a clock that runs ahead elsewhere, " +
                "or ask Paynet support to reset the POS key (the client cannot lower it)";
            if (TopUpKeySource.WasAccepted(posId))
                return $"refused {refusals.ToString(CultureInfo.InvariantCulture)} times with fresh keys although Paynet accepted POS {pos} earlier, " +
                       $"so the key sequence is behind: Paynet has seen a larger key for POS {pos} than this client signs with. {recover}";
            return $"refused {refusals.ToString(CultureInfo.InvariantCulture)} times with fresh keys. Most likely the key sequence is behind: Paynet has seen a larger key " +
                   $"for POS {pos} (from another system, or a clock running ahead) than this client signs with. {recover}. If this POS never worked here, check its id and token too";
        }

        private static TopUpReply Classify(RawResponse raw, string operation, CallKind kind, string? reference)
        {
            // The usual answer: one pass over the UTF-8 bytes into the operation's shape, which carries "error" too.
            TopUpAnswerDto? answer;
            try
            {
                answer = JsonSerializer.Deserialize(raw.Utf8, TopUpAnswers.For(operation), TolerantJson.Options) as TopUpAnswerDto;
            }
            catch (JsonException)
            {
                answer = null;
            }
            if (answer is null) return ClassifyUnfit(raw, operation, kind, reference);
            if (answer.Error is ErrorDto error)
                return new TopUpReply(raw, error, int.TryParse(error.Code, NumberStyles.Integer, CultureInfo.InvariantCulture, out int errorCode) ? errorCode : 0);
            if (raw.StatusCode >= 400)
                throw HttpFailure(raw, operation, $"TopUp {operation} failed: HTTP {raw.StatusCode}.", reference);
            return new TopUpReply(raw, null, null, answer);
        }

        /// <summary>An HTTP refusal without a Paynet answer; a 429's or 503's Retry-After travels with it, so the caller knows how long to wait.</summary>
        private static PayNetException HttpFailure(RawResponse raw, string operation, string message, string? reference) =>
            new PayNetException(PayNetApi.TopUp, operation, PayNetHttpPipeline.CategoryOf(raw.StatusCode), message, raw.StatusCode, reference: reference)
            {
                RetryAfter = raw.RetryAfter,
            };

        /// <summary>A body that did not fit the expected shape (bad input only): looked at again, tolerantly, as before.</summary>
        private static TopUpReply ClassifyUnfit(RawResponse raw, string operation, CallKind kind, string? reference)
        {
            JsonDocument? document = null;
            try
            {
                try
                {
                    if (!string.IsNullOrWhiteSpace(raw.Body)) document = JsonDocument.Parse(raw.Body);
                }
                catch (JsonException)
                {
                    document = null;
                }

                if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    if (raw.StatusCode >= 400)
                        throw HttpFailure(raw, operation, $"TopUp {operation} failed: HTTP {raw.StatusCode} without a Paynet answer.", reference);
                    if (kind == CallKind.MoneyMove)
                        throw new PayNetAmbiguousOutcomeException($"the answer to {operation} could not be read");
                    throw new PayNetException(PayNetApi.TopUp, operation, PayNetErrorCategory.Unavailable,
                        $"TopUp {operation} returned HTTP {raw.StatusCode} with a body that is not JSON.", raw.StatusCode, reference: reference);
                }

                if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    var dto = JsonSerializer.Deserialize<ErrorDto>(error.GetRawText(), TolerantJson.Options) ?? new ErrorDto();
                    int? code = int.TryParse(dto.Code, NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) ? c : (int?)null;
                    return new TopUpReply(raw, dto, code ?? 0);
                }

                if (raw.StatusCode >= 400)
                    throw HttpFailure(raw, operation, $"TopUp {operation} failed: HTTP {raw.StatusCode}.", reference);
                return new TopUpReply(raw, null, null);
            }
            finally
            {
                document?.Dispose();
            }
        }

        public void Dispose() => _pipeline.Dispose();
    }
}
