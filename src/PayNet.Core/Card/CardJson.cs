using System;
using System.Text.Json;
using PayNet.Core.Json;

namespace PayNet.Core.Card
{
    /// <summary>The tolerant second looks at a Card body, taken only when it did not fit the expected model.</summary>
    internal static class CardJson
    {
        private static readonly JsonReaderOptions Tolerant = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        /// <summary>The body as <typeparamref name="T"/>, or null when it is not JSON of that shape.</summary>
        public static T? TryRead<T>(ReadOnlySpan<byte> utf8) where T : class
        {
            if (utf8.IsEmpty) return null;
            try
            {
                return JsonSerializer.Deserialize<T>(utf8, TolerantJson.Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>
        /// True when the body is one complete JSON object; then its top-level "code" (a number or a
        /// numeric string) and "message" (a string), when present.
        /// </summary>
        public static bool TryReadCode(ReadOnlySpan<byte> utf8, out int? code, out string? message)
        {
            code = null;
            message = null;
            try
            {
                var reader = new Utf8JsonReader(utf8, Tolerant);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isCode = reader.ValueTextEquals("code") || reader.ValueTextEquals("Code");
                    bool isMessage = reader.ValueTextEquals("message") || reader.ValueTextEquals("Message");
                    reader.Read();
                    if (isCode && reader.TokenType == JsonTokenType.Number) code = reader.TryGetInt32(out int n) ? n : (int?)null;
                    else if (isCode && reader.TokenType == JsonTokenType.String) code = CardErrors.ParseInt(reader.GetString());
                    else if (isMessage && reader.TokenType == JsonTokenType.String) message = reader.GetString();
                    else reader.Skip();
                }
                // The object must be closed and nothing but whitespace or comments may follow it.
                if (reader.TokenType != JsonTokenType.EndObject) return false;
                return !reader.Read();
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
