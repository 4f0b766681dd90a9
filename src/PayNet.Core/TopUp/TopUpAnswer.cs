using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayNet.Core.TopUp
{
    /// <summary>
    /// Every TopUp answer may be the error envelope instead (topup.md §9: <c>{"error":{code,message}}</c>).
    /// The reply shapes inherit this member, so one pass over the bytes reads either.
    /// </summary>
    internal abstract class TopUpAnswerDto
    {
        [JsonPropertyName("error"), JsonConverter(typeof(ErrorObjectConverter))] public ErrorDto? Error { get; set; }
    }

    /// <summary>The root "error" member counts only as an object; anything else there ("", null, a number) is not an error envelope.</summary>
    internal sealed class ErrorObjectConverter : JsonConverter<ErrorDto?>
    {
        public override bool HandleNull => true;

        public override ErrorDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }
            return JsonSerializer.Deserialize<ErrorDto>(ref reader, options) ?? new ErrorDto();
        }

        public override void Write(Utf8JsonWriter writer, ErrorDto? value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }

    internal static class TopUpAnswers
    {
        /// <summary>The shape an operation's answer is read into; the money operations (check, confirm, find) answer a transaction.</summary>
        public static Type For(string operation)
        {
            switch (operation)
            {
                case "GetBalance": return typeof(BalanceDto);
                case "GetServices": return typeof(ServicesDto);
                case "GetPointInfo": return typeof(PointInfoDto);
                case "GetBridgeCategories": return typeof(BridgeCategoriesDto);
                case "GetBridgeCountries": return typeof(BridgeCountriesDto);
                case "GetBridgeProviders":
                case "GetBridgeAmounts": return typeof(BridgeProvidersDto);
                default: return operation.StartsWith("GetIntl", StringComparison.Ordinal) ? typeof(LegacyProvidersDto) : typeof(TransactionReplyDto);
            }
        }
    }
}
