using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PayNet.Core.Security
{
    /// <summary>
    /// Scrubs text before it reaches any log: by field name (JSON keys and headers that carry secrets or
    /// personal data) and by value (every secret the client was given, wherever it turns up).
    /// </summary>
    public sealed class Redactor
    {
        public const string Mask = "***";

        private static readonly string[] SecretKeys =
        {
            "apikey", "api_key", "pin", "oldPin", "newPin", "confirmPin", "transactionPin", "transactionPassword",
            "otp", "token", "hash", "sessionId", "Paynet-Session-Token", "secret_key", "secretKey", "password",
            "authorization", "resourceId", "cvc", "card_hash", "pan", "number", "qrString",
        };

        // Personal data that is masked down to its last four characters rather than removed.
        private static readonly string[] PartialKeys =
        {
            "card_no", "card_no_masked", "phone", "mobileNo", "mobileNumber", "medium", "account", "customer", "username", "principal",
        };

        private static readonly Regex JsonStringField = new Regex(
            "\"(?<key>[A-Za-z_][A-Za-z0-9_\\-]*)\"\\s*:\\s*(?<value>\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+\\-]*)",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex FormOrQueryField = new Regex(
            "(?<=[?&])(?<key>[A-Za-z_][A-Za-z0-9_\\-]*)=(?<value>[^&\\s]*)",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private const int MaxTransient = 512;

        private readonly ConcurrentDictionary<string, byte> _secretValues = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _transient = new ConcurrentQueue<string>();
        private readonly bool _isProcessWide;

        public Redactor() : this(false) { }

        private Redactor(bool processWide) => _isProcessWide = processWide;

        /// <summary>
        /// Every secret any connection in this process registered. <see cref="PayNetException"/> scrubs its messages
        /// with it, so a secret the server echoes never reaches an error, $Error or its JSON, whichever client raised it.
        /// </summary>
        public static readonly Redactor Shared = new Redactor(true);

        /// <summary>
        /// Registers a value that must never appear in output, whatever field it is in, in the encodings a server or
        /// a library is likely to echo it in: raw, URL-encoded, JSON-escaped, base64 (and base64url).
        /// </summary>
        public void AddSecret(string? value)
        {
            if (string.IsNullOrEmpty(value) || value!.Length < 4) return;
            foreach (var variant in Encodings(value)) Add(variant);
        }

        public void AddSecret(SecretString? secret) => AddSecret(secret?.Reveal());

        /// <summary>A Basic authorization value: base64(user:secret), and the pair in clear.</summary>
        public void AddBasicCredentials(string user, string? secret)
        {
            if (string.IsNullOrEmpty(secret)) return;
            AddSecret(secret);
            AddSecret(Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));
        }

        /// <summary>
        /// A value that is secret but made per request (the TopUp md5 hash): remembered among the last few hundred only,
        /// because a long session would otherwise grow the list without end.
        /// </summary>
        public void AddTransientSecret(string? value)
        {
            if (string.IsNullOrEmpty(value) || value!.Length < 8) return;
            Remember(value);
            if (!_isProcessWide) Shared.Remember(value);
        }

        private void Remember(string value)
        {
            _transient.Enqueue(value);
            while (_transient.Count > MaxTransient && _transient.TryDequeue(out _)) { }
        }

        private void Add(string variant)
        {
            if (variant.Length < 4) return;
            _secretValues.TryAdd(variant, 0);
            if (!_isProcessWide) Shared._secretValues.TryAdd(variant, 0);
        }

        /// <summary>The forms a secret takes on the wire and in messages.</summary>
        internal static IEnumerable<string> Encodings(string value)
        {
            var forms = new HashSet<string>(StringComparer.Ordinal) { value };
            string escaped = Uri.EscapeDataString(value);
            forms.Add(escaped);
            forms.Add(LowerHexEscapes(escaped));
            forms.Add(System.Net.WebUtility.UrlEncode(value));
            forms.Add(JsonEncodedText.Encode(value).ToString());
            forms.Add(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
            forms.Add(value.Replace("/", "\\/"));
            string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
            forms.Add(base64);
            forms.Add(base64.TrimEnd('='));
            forms.Add(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            forms.Add(Uri.EscapeDataString(base64));
            return forms;
        }

        private static string LowerHexEscapes(string escaped) =>
            Regex.Replace(escaped, "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant(), RegexOptions.CultureInvariant);

        public static bool IsSecretField(string name) => SecretKeys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

        private static bool IsPartialField(string name) => PartialKeys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

        public string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            string result = JsonStringField.Replace(text, m => RedactField(m, quoted: true));
            result = FormOrQueryField.Replace(result, m => RedactField(m, quoted: false));
            return RedactValues(result);
        }

        /// <summary>Only the registered values, not field names: for prose such as exception messages.</summary>
        public string RedactValues(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            string result = text!;
            foreach (var secret in _secretValues.Keys.Concat(_transient.ToArray()).OrderByDescending(s => s.Length))
            {
                if (result.IndexOf(secret, StringComparison.OrdinalIgnoreCase) < 0) continue;
                result = ReplaceIgnoringCase(result, secret, wholeTokenOnly: secret.Length < ShortSecret);
            }
            return result;
        }

        /// <summary>
        /// Below this length a secret (a 4-digit PIN) would also match inside amounts, ids and dates, so it is masked
        /// only where it stands alone: not touching a letter, a digit, '.' or ','.
        /// </summary>
        private const int ShortSecret = 8;

        /// <summary>Hex and percent-escapes change case freely, so values are matched ignoring case.</summary>
        private static string ReplaceIgnoringCase(string text, string secret, bool wholeTokenOnly)
        {
            var builder = new StringBuilder(text.Length);
            int at = 0, from = 0;
            while (true)
            {
                int found = text.IndexOf(secret, from, StringComparison.OrdinalIgnoreCase);
                if (found < 0) break;
                int end = found + secret.Length;
                if (wholeTokenOnly && (Joins(text, found - 1) || Joins(text, end)))
                {
                    from = found + 1;
                    continue;
                }
                builder.Append(text, at, found - at).Append(Mask);
                at = from = end;
            }
            return builder.Append(text, at, text.Length - at).ToString();
        }

        private static bool Joins(string text, int index) =>
            index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '.' || text[index] == ',');

        public string RedactHeader(string name, IEnumerable<string> values)
        {
            if (IsSecretField(name) || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0) return Mask;
            return Redact(string.Join(",", values));
        }

        private static string RedactField(Match m, bool quoted)
        {
            string key = m.Groups["key"].Value;
            string value = m.Groups["value"].Value;
            if (IsSecretField(key))
            {
                return quoted ? $"\"{key}\":\"{Mask}\"" : $"{key}={Mask}";
            }
            if (IsPartialField(key))
            {
                string inner = value.Trim('"');
                string tail = inner.Length > 4 ? inner.Substring(inner.Length - 4) : string.Empty;
                return quoted ? $"\"{key}\":\"{Mask}{tail}\"" : $"{key}={Mask}{tail}";
            }
            return m.Value;
        }
    }
}
