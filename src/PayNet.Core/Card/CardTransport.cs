using System;
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

    /// <summary>An answer of the Card API that passed the error checks, with its body parsed once.</summary>
    internal sealed class CardReply
    {
        private readonly JsonElement _root;

        public CardReply(RawResponse raw, int? code, string? message, JsonElement root = default)
        {
            Raw = raw;
            Code = code;
            Message = message;
            _root = root;
        }

        public RawResponse Raw { get; }
        public int? Code { get; }
        public string? Message { get; }
        public bool IsNoData => Code == CardErrors.NoData;

        /// <summary>Deserializes from the document Classify already parsed, so a page is tokenized once.</summary>
        public T Read<T>(string operation, string? reference) where T : class
        {
            if (_root.ValueKind != JsonValueKind.Object) return Raw.ReadJson<T>(PayNetApi.Card, operation, reference);
            try
            {
                return _root.Deserialize<T>(TolerantJson.Options) ?? throw new JsonException("The body was empty.");
            }
            catch (JsonException ex)
            {
                throw new PayNetException(PayNetApi.Card, operation, PayNetErrorCategory.Unavailable,
                    $"Card {operation} returned a body that is not the expected JSON: {ex.Message}", Raw.StatusCode, reference: reference, inner: ex);
            }
        }
    }

    /// <summary>Sends Card requests and turns both error layers (§1.2) into <see cref="CardApiException"/>.</summary>
    internal sealed class CardTransport : IDisposable
    {
        private readonly PayNetHttpPipeline _pipeline;

        public CardTransport(SecretString secretKey, PayNetClientOptions options)
        {
            options.Redactor.AddSecret(secretKey);
            _pipeline = new PayNetHttpPipeline(PayNetApi.Card, options, () => new CardAuthHandler(secretKey));
        }

        public PayNetClientOptions Options => _pipeline.Options;

        /// <param name="noDataIsEmpty">Lists answer "nodata" (12) for an empty range: that is not an error there.</param>
        public async Task<CardReply> PostAsync(string path, string operation, CallKind kind, object body, string? reference, bool noDataIsEmpty, CancellationToken cancellationToken)
        {
            var call = new CallInfo(PayNetApi.Card, operation, kind, reference);
            using (var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = PayNetHttpPipeline.JsonBody(body) })
            {
                var raw = await _pipeline.SendAsync(request, call, cancellationToken).ConfigureAwait(false);
                return Classify(raw, operation, kind, reference, noDataIsEmpty);
            }
        }

        private static CardReply Classify(RawResponse raw, string operation, CallKind kind, string? reference, bool noDataIsEmpty)
        {
            JsonElement root = default;
            bool parsed = false;
            try
            {
                // Kept alive (not disposed, not cloned) because the reply deserializes from it once more.
                root = JsonDocument.Parse(string.IsNullOrWhiteSpace(raw.Body) ? "null" : raw.Body).RootElement;
                parsed = root.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                parsed = false;
            }

            bool ok = raw.StatusCode >= 200 && raw.StatusCode < 300;
            if (!ok)
            {
                CardErrorDto error = parsed ? root.Deserialize<CardErrorDto>(TolerantJson.Options) ?? new CardErrorDto() : new CardErrorDto();
                int? resultCode = CardErrors.ParseInt(error.ResultCode);
                var category = CardErrors.OfErrorObject(raw.StatusCode, error.Type, resultCode);
                if (noDataIsEmpty && category == PayNetErrorCategory.NotFound && resultCode == CardErrors.NoData)
                    return new CardReply(raw, CardErrors.NoData, error.Message, root);
                string what = string.IsNullOrWhiteSpace(error.Message) ? $"HTTP {raw.StatusCode}" : $"{error.Message!.TrimEnd('.')} (HTTP {raw.StatusCode}{(error.Type is null ? string.Empty : ", " + error.Type)})";
                throw new CardApiException(operation, category, $"Card {operation} failed: {what}{ReferenceText(reference)}.",
                    raw.StatusCode, resultCode, error.Type, error.Message, reference);
            }

            if (!parsed)
            {
                if (kind == CallKind.MoneyMove) throw new PayNetAmbiguousOutcomeException($"the answer to {operation} could not be read");
                throw new PayNetException(PayNetApi.Card, operation, PayNetErrorCategory.Unavailable,
                    $"Card {operation} returned HTTP {raw.StatusCode} with a body that is not a JSON object.", raw.StatusCode, reference: reference);
            }

            int? code = root.TryGetProperty("code", out var c) ? ReadCode(c) : null;
            string? message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (CardErrors.IsSuccess(code) || (noDataIsEmpty && code == CardErrors.NoData)) return new CardReply(raw, code, message, root);

            var returnCategory = CardErrors.OfReturnCode(code!.Value);
            string text = string.IsNullOrWhiteSpace(message) ? "return code " + code : $"{message!.TrimEnd('.')} (code {code})";
            throw new CardApiException(operation, returnCategory, $"Card {operation} failed: {text}{ReferenceText(reference)}.",
                raw.StatusCode, code, null, message, reference);
        }

        private static int? ReadCode(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out int n) ? n : (int?)null,
            JsonValueKind.String => CardErrors.ParseInt(element.GetString()),
            _ => null,
        };

        private static string ReferenceText(string? reference) => string.IsNullOrEmpty(reference) ? string.Empty : $" for '{reference}'";

        public void Dispose() => _pipeline.Dispose();
    }
}
