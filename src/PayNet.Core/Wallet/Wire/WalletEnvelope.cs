using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PayNet.Core.Http;
using PayNet.Core.Json;

namespace PayNet.Core.Wallet.Wire
{
    /// <summary>
    /// The §2 envelope around every Wallet answer. Success is the body's <c>status</c> flag (falling back
    /// to <c>failed</c>, then to the HTTP code), never the HTTP code alone.
    /// </summary>
    internal sealed class WalletEnvelope
    {
        private readonly JsonElement? _payload;
        private readonly JsonElement? _payloadX;

        private WalletEnvelope(RawResponse raw, JsonElement root)
        {
            HttpStatus = raw.StatusCode;
            RetryAfter = raw.RetryAfter;
            bool? status = ReadBool(root, "status");
            bool? failed = ReadBool(root, "failed");
            Success = status ?? (failed.HasValue ? !failed.Value : raw.StatusCode >= 200 && raw.StatusCode < 300);
            SessionExpired = ReadBool(root, "sessionExpired") ?? false;
            Code = ReadString(root, "responseCode") ?? ReadString(root, "statusCode");
            SessionId = ReadString(root, "sessionId");
            Errors = ReadMessages(root, "errors");
            Messages = ReadMessages(root, "messages");
            _payload = Property(root, "payload") is JsonElement p && p.ValueKind != JsonValueKind.Null ? p.Clone() : (JsonElement?)null;
            _payloadX = Property(root, "payloadX") is JsonElement x && x.ValueKind != JsonValueKind.Null ? x.Clone() : (JsonElement?)null;
        }

        /// <summary>The raw <c>payload</c> object, for members that sit beside the typed one.</summary>
        public JsonElement? Payload => _payload;

        public int HttpStatus { get; }
        public TimeSpan? RetryAfter { get; }
        public bool Success { get; }
        public bool SessionExpired { get; }
        public string? Code { get; }
        public string? SessionId { get; }
        public IReadOnlyList<WalletMessage> Errors { get; }
        public IReadOnlyList<WalletMessage> Messages { get; }

        /// <summary>The text an app would show: the first error's long message, else its short one.</summary>
        public string? ErrorText => Errors.Select(e => e.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));

        /// <summary>Null when the body is not a JSON object (HTML error page, truncated, empty).</summary>
        public static WalletEnvelope? TryParse(RawResponse raw)
        {
            if (string.IsNullOrWhiteSpace(raw.Body)) return null;
            try
            {
                using (var doc = JsonDocument.Parse(raw.Body))
                {
                    if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
                    // Every Wallet answer carries its status flag (§2.1); without a readable one it is not a Wallet answer.
                    if (ReadBool(doc.RootElement, "status") is null && ReadBool(doc.RootElement, "failed") is null) return null;
                    return new WalletEnvelope(raw, doc.RootElement);
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>
        /// §2.3: <c>payload[TypeName]</c> for each candidate name, then a payload whose only member is a
        /// PascalCase type-name key, then <c>payload</c> itself, then <c>payloadX</c>. Empty objects are skipped.
        /// </summary>
        public JsonElement? Find(params string[] typeNames)
        {
            if (_payload is JsonElement payload && payload.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in typeNames)
                {
                    if (Property(payload, name) is JsonElement typed && IsUseful(typed)) return typed;
                }
                var members = payload.EnumerateObject().ToList();
                if (members.Count == 1 && members[0].Name.Length > 0 && char.IsUpper(members[0].Name[0]) && IsContainer(members[0].Value))
                    return members[0].Value;
            }
            if (_payload is JsonElement self && IsUseful(self)) return self;
            if (_payloadX is JsonElement x && IsUseful(x)) return x;
            return null;
        }

        public T? Read<T>(params string[] typeNames) where T : class =>
            Find(typeNames) is JsonElement e && e.ValueKind == JsonValueKind.Object ? Deserialize<T>(e) : null;

        /// <summary>A list payload: a bare array, a result page's <c>elements</c>, or an object's only array member.</summary>
        public List<T> ReadList<T>(params string[] typeNames) where T : class
        {
            if (!(Find(typeNames) is JsonElement e)) return new List<T>();
            if (e.ValueKind == JsonValueKind.Object)
            {
                var arrays = e.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Array).ToList();
                var elements = arrays.FirstOrDefault(m => string.Equals(m.Name, "elements", StringComparison.OrdinalIgnoreCase));
                if (elements.Value.ValueKind == JsonValueKind.Array) e = elements.Value;
                else if (arrays.Count == 1) e = arrays[0].Value;
            }
            if (e.ValueKind != JsonValueKind.Array) return new List<T>();
            return e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(Deserialize<T>).Where(i => i is not null).ToList()!;
        }

        public static T? Deserialize<T>(JsonElement element) where T : class =>
            JsonSerializer.Deserialize<T>(element.GetRawText(), TolerantJson.Options);

        public static JsonElement? Property(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object) return null;
            if (obj.TryGetProperty(name, out var exact)) return exact;
            foreach (var member in obj.EnumerateObject())
            {
                if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase)) return member.Value;
            }
            return null;
        }

        /// <summary>Reads a flag the way the tolerant converters do: true/false, "true"/"false", 1/0.</summary>
        public static bool? ReadBool(JsonElement obj, string name)
        {
            if (!(Property(obj, name) is JsonElement v)) return null;
            switch (v.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number: return v.TryGetInt64(out var n) ? n != 0 : (bool?)null;
                case JsonValueKind.String:
                    string s = (v.GetString() ?? string.Empty).Trim();
                    if (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (s == "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                    return null;
                default: return null;
            }
        }

        private static string? ReadString(JsonElement obj, string name) =>
            Property(obj, name) is JsonElement v && (v.ValueKind == JsonValueKind.String || v.ValueKind == JsonValueKind.Number)
                ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
                : null;

        private static IReadOnlyList<WalletMessage> ReadMessages(JsonElement root, string name)
        {
            if (!(Property(root, name) is JsonElement list) || list.ValueKind != JsonValueKind.Array) return Array.Empty<WalletMessage>();
            var result = new List<WalletMessage>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) result.Add(new WalletMessage(item.GetString(), null));
                else if (item.ValueKind == JsonValueKind.Object) result.Add(new WalletMessage(ReadString(item, "shortMessage"), ReadString(item, "longMessage")));
            }
            return result;
        }

        private static bool IsContainer(JsonElement e) => e.ValueKind == JsonValueKind.Object || e.ValueKind == JsonValueKind.Array;

        private static bool IsUseful(JsonElement e) =>
            e.ValueKind == JsonValueKind.Array || (e.ValueKind == JsonValueKind.Object && e.EnumerateObject().Any());
    }

    internal readonly struct WalletMessage
    {
        public WalletMessage(string? shortMessage, string? longMessage)
        {
            ShortMessage = shortMessage;
            LongMessage = longMessage;
        }

        public string? ShortMessage { get; }
        public string? LongMessage { get; }
        public string? Text => string.IsNullOrWhiteSpace(LongMessage) ? ShortMessage : LongMessage;
    }
}
