using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PayNet.Core.Journal
{
    /// <summary>
    /// One line of a journal file: an intent or an outcome, as one JSON object. Only the fields of
    /// <see cref="MoneyMoveIntent"/> and the outcome are ever written, so nothing secret can reach a
    /// file. Amounts are JSON numbers written from the decimal (scale kept: 10.50 stays 10.50).
    /// </summary>
    internal sealed class JournalLine
    {
        public const string IntentKind = "intent";
        public const string OutcomeKind = "outcome";
        private const int FormatVersion = 1;

        public string Kind { get; set; } = IntentKind;
        public DateTimeOffset Time { get; set; }
        public int ProcessId { get; set; }
        public PayNetApi Service { get; set; }
        public string Connection { get; set; } = string.Empty;
        public string Operation { get; set; } = string.Empty;
        public string Reference { get; set; } = string.Empty;
        /// <summary>The intent's own id, on its intent and outcome lines; absent on lines written before it existed.</summary>
        public string? MoveId { get; set; }
        public decimal? Amount { get; set; }
        public string? Currency { get; set; }
        public string? Payee { get; set; }
        public string? ProductOrAccount { get; set; }
        public MoneyMoveState? State { get; set; }
        public string? Reason { get; set; }
        public string? TransactionId { get; set; }

        public static JournalLine Intent(MoneyMoveIntent intent, DateTimeOffset time, int processId) => new JournalLine
        {
            Kind = IntentKind,
            Time = time,
            ProcessId = processId,
            Service = intent.Service,
            Connection = intent.ConnectionIdentity,
            Operation = intent.Operation,
            Reference = intent.Reference,
            MoveId = intent.MoveId,
            Amount = intent.Amount,
            Currency = intent.Currency,
            Payee = intent.Payee,
            ProductOrAccount = intent.ProductOrAccount,
        };

        public static JournalLine Outcome(MoneyMoveIntent intent, MoneyMoveState state, string? reason, string? transactionId, DateTimeOffset time, int processId) => new JournalLine
        {
            Kind = OutcomeKind,
            Time = time,
            ProcessId = processId,
            Service = intent.Service,
            Connection = intent.ConnectionIdentity,
            Operation = intent.Operation,
            Reference = intent.Reference,
            MoveId = intent.MoveId,
            State = state,
            // PowerShell passes $null strings as empty ones: both mean "none".
            Reason = string.IsNullOrEmpty(reason) ? null : reason,
            TransactionId = string.IsNullOrEmpty(transactionId) ? null : transactionId,
        };

        /// <summary>The line as UTF-8 bytes, newline included: written with one call so a reader sees all or a torn tail.</summary>
        public byte[] ToUtf8()
        {
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("v", FormatVersion);
                    writer.WriteString("kind", Kind);
                    writer.WriteString("time", Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                    writer.WriteNumber("pid", ProcessId);
                    writer.WriteString("service", Service.ToString());
                    writer.WriteString("connection", Connection);
                    writer.WriteString("operation", Operation);
                    writer.WriteString("reference", Reference);
                    if (MoveId is not null) writer.WriteString("move", MoveId);
                    if (Amount.HasValue) writer.WriteNumber("amount", Amount.Value);
                    if (Currency is not null) writer.WriteString("currency", Currency);
                    if (Payee is not null) writer.WriteString("payee", Payee);
                    if (ProductOrAccount is not null) writer.WriteString("productOrAccount", ProductOrAccount);
                    if (State.HasValue) writer.WriteString("state", State.Value.ToString());
                    if (Reason is not null) writer.WriteString("reason", Reason);
                    if (TransactionId is not null) writer.WriteString("transactionId", TransactionId);
                    writer.WriteEndObject();
                }
                buffer.WriteByte((byte)'\n');
                return buffer.ToArray();
            }
        }

        /// <summary>Parses one line; null (with why) when it is torn, not JSON, or lacks what folding needs.</summary>
        public static JournalLine? TryParse(string text, out string? problem)
        {
            problem = null;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                problem = "not a complete JSON object (torn or corrupt)";
                return null;
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    problem = "not a JSON object";
                    return null;
                }
                var line = new JournalLine
                {
                    Kind = Text(root, "kind") ?? string.Empty,
                    Connection = Text(root, "connection") ?? string.Empty,
                    Operation = Text(root, "operation") ?? string.Empty,
                    Reference = Text(root, "reference") ?? string.Empty,
                    MoveId = string.IsNullOrEmpty(Text(root, "move")) ? null : Text(root, "move"),
                    Currency = Text(root, "currency"),
                    Payee = Text(root, "payee"),
                    ProductOrAccount = Text(root, "productOrAccount"),
                    Reason = Text(root, "reason"),
                    TransactionId = Text(root, "transactionId"),
                };
                if (line.Kind != IntentKind && line.Kind != OutcomeKind)
                {
                    problem = $"unknown kind '{line.Kind}'";
                    return null;
                }
                if (!Enum.TryParse(Text(root, "service") ?? string.Empty, ignoreCase: true, out PayNetApi service) || line.Reference.Length == 0)
                {
                    problem = "no service or reference";
                    return null;
                }
                line.Service = service;
                if (!DateTimeOffset.TryParse(Text(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                {
                    problem = "no valid time";
                    return null;
                }
                line.Time = time;
                if (root.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number && pid.TryGetInt32(out int processId)) line.ProcessId = processId;
                if (root.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number && amount.TryGetDecimal(out decimal value)) line.Amount = value;
                string? state = Text(root, "state");
                if (state is not null)
                {
                    if (!Enum.TryParse(state, ignoreCase: true, out MoneyMoveState parsed) || !Enum.IsDefined(typeof(MoneyMoveState), parsed))
                    {
                        problem = $"unknown state '{state}'";
                        return null;
                    }
                    line.State = parsed;
                }
                if (line.Kind == OutcomeKind && !line.State.HasValue)
                {
                    problem = "an outcome without a state";
                    return null;
                }
                if (line.Kind == IntentKind && (!line.Amount.HasValue || string.IsNullOrEmpty(line.Currency)))
                {
                    problem = "an intent without amount or currency";
                    return null;
                }
                return line;
            }
        }

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // Relaxed escaping keeps names such as "Çağrı" readable in the file; control characters and quotes are still escaped.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        internal static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    }
}
