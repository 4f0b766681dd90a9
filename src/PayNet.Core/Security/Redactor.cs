using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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

        private readonly ConcurrentDictionary<string, byte> _secretValues = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        public static readonly Redactor Shared = new Redactor();

        /// <summary>Registers a value that must never appear in output, whatever field it is in.</summary>
        public void AddSecret(string? value)
        {
            if (!string.IsNullOrEmpty(value) && value!.Length >= 4) _secretValues.TryAdd(value, 0);
        }

        public void AddSecret(SecretString? secret) => AddSecret(secret?.Reveal());

        public static bool IsSecretField(string name) => SecretKeys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

        private static bool IsPartialField(string name) => PartialKeys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

        public string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            string result = JsonStringField.Replace(text, m => RedactField(m, quoted: true));
            result = FormOrQueryField.Replace(result, m => RedactField(m, quoted: false));
            foreach (var secret in _secretValues.Keys.OrderByDescending(s => s.Length))
            {
                result = result.Replace(secret, Mask);
            }
            return result;
        }

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
