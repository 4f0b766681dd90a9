using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayNet.Core.Json
{
    /// <summary>
    /// One set of serializer options for all three APIs: case-insensitive names, numbers that arrive as
    /// strings, several date shapes, and nulls left out of requests.
    /// </summary>
    internal static class TolerantJson
    {
        public static readonly JsonSerializerOptions Options = Create();

        private static JsonSerializerOptions Create()
        {
            var o = new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            };
            o.Converters.Add(new FlexibleDecimalConverter());
            o.Converters.Add(new FlexibleNullableDecimalConverter());
            o.Converters.Add(new FlexibleDateTimeOffsetConverter());
            o.Converters.Add(new FlexibleBoolConverter());
            o.Converters.Add(new FlexibleStringConverter());
            return o;
        }

        /// <summary>
        /// Parses the date shapes the three APIs send: ISO 8601 with or without offset (also "+0000"),
        /// "yyyy-MM-dd HH:mm:ss", "dd.MM.yyyy[ HH:mm:ss]", date-only. The .NET "0001-01-01" sentinel means
        /// "not set" and yields null. Values without an offset take <paramref name="assumedOffset"/>.
        /// </summary>
        public static DateTimeOffset? ParseDate(string? text, TimeSpan assumedOffset = default)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            string s = text!.Trim();
            if (s.StartsWith("0001-01-01", StringComparison.Ordinal)) return null;
            // "+0000" style offsets (no colon), as Jackson writes them.
            if (s.Length > 5 && (s[s.Length - 5] == '+' || s[s.Length - 5] == '-') && s.IndexOf('T') > 0 && char.IsDigit(s[s.Length - 1]) && s[s.Length - 3] != ':')
                s = s.Substring(0, s.Length - 2) + ":" + s.Substring(s.Length - 2);
            var styles = DateTimeStyles.AllowWhiteSpaces;
            if (HasOffset(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out var withOffset)) return withOffset;
            string[] formats =
            {
                "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss",
                "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy",
            };
            if (DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, styles, out var local))
                return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), assumedOffset);
            return null;
        }

        private static bool HasOffset(string s) =>
            s.EndsWith("Z", StringComparison.OrdinalIgnoreCase) ||
            (s.Length > 6 && (s[s.Length - 6] == '+' || s[s.Length - 6] == '-') && s[s.Length - 3] == ':');

        private const NumberStyles Plain = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
            | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

        /// <summary>
        /// A money amount sent as text. A lone comma is PayNet's decimal separator ("123,45" is 123.45,
        /// never 12345); with both separators the last one is the decimal point ("1,234.56", "1.234,56").
        /// </summary>
        public static decimal? ParseDecimalText(string text)
        {
            string s = text.Trim();
            int comma = s.LastIndexOf(',');
            int dot = s.LastIndexOf('.');
            if (comma >= 0 && dot < 0) s = s.Replace(',', '.');
            else if (comma >= 0 && comma > dot) s = s.Replace(".", string.Empty).Replace(',', '.');
            else if (comma >= 0) return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var grouped) ? grouped : (decimal?)null;
            return decimal.TryParse(s, Plain, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null;
        }

        public static decimal? ReadDecimal(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number: return reader.GetDecimal();
                case JsonTokenType.String:
                    string? s = reader.GetString();
                    if (string.IsNullOrWhiteSpace(s)) return null;
                    return ParseDecimalText(s!) ?? throw new JsonException($"'{s}' is not a number.");
                case JsonTokenType.Null: return null;
                default: throw new JsonException($"Expected a number, got {reader.TokenType}.");
            }
        }
    }

    internal sealed class FlexibleDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TolerantJson.ReadDecimal(ref reader) ?? 0m;

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    internal sealed class FlexibleNullableDecimalConverter : JsonConverter<decimal?>
    {
        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TolerantJson.ReadDecimal(ref reader);

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteNumberValue(value.Value); else writer.WriteNullValue();
        }
    }

    internal sealed class FlexibleDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
    {
        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a date string, got {reader.TokenType}.");
            return TolerantJson.ParseDate(reader.GetString());
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteStringValue(value.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }

    internal sealed class FlexibleBoolConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.Null: return false;
                case JsonTokenType.Number: return reader.GetInt64() != 0;
                case JsonTokenType.String:
                    string s = (reader.GetString() ?? string.Empty).Trim();
                    return s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase);
                default: throw new JsonException($"Expected a boolean, got {reader.TokenType}.");
            }
        }

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    /// <summary>Ids documented as strings arrive as numbers too ("id": 2527054).</summary>
    internal sealed class FlexibleStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out long l) ? l.ToString(CultureInfo.InvariantCulture) : reader.GetDecimal().ToString(CultureInfo.InvariantCulture);
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                case JsonTokenType.Null: return null;
                default:
                    using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>
    /// An object member that some answers send as an empty array, an empty string or null when there is nothing
    /// to say (TopUp's `info`, topup.md §5.3: "absent or empty otherwise"): anything but an object reads as null.
    /// </summary>
    internal sealed class ObjectOrEmptyConverter<T> : JsonConverter<T?> where T : class
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartObject) return JsonSerializer.Deserialize<T>(ref reader, options);
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else JsonSerializer.Serialize(writer, value, options);
        }
    }
}
