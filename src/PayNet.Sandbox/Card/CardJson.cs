using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PayNet.Sandbox.Card;

/// <summary>
/// The JSON rows of the card API. Spellings follow card.md §6.2 per endpoint: check and detail say `netAmount`,
/// everything else `net_amount` (both when EmitBothNetSpellings is on).
/// </summary>
public static class CardJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string Success = "Başarılı İşlem";
    public const string NoData = "Kayıt bulunamadı";

    public static string IsoTime(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    public static string ValueDate(DateTime? t) => (t ?? DateTime.MinValue).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    public static string Day(DateTime t) => t.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    public static string DayTime(DateTime t) => t.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static byte[] CheckRow(CardTransaction t, bool bothNet)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("xact_id", t.XactId);
            w.WriteNumber("id", t.Id);
            w.WriteString("xact_date", IsoTime(t.XactDate));
            w.WriteNumber("transaction_type", t.TransactionType);
            w.WriteNumber("pos_type", 5);
            w.WriteBoolean("is_tds", t.IsTds);
            w.WriteString("agent_id", t.AgentId);
            w.WriteString("note", t.Note);
            w.WriteNumber("ratio", t.Ratio);
            w.WriteString("agent_reference", t.ReferenceNo);
            w.WriteString("bank_id", t.BankId);
            w.WriteNumber("instalment", t.Instalment);
            w.WriteString("card_type", t.CardType);
            w.WriteString("card_no", t.CardNo);
            w.WriteString("card_holder", t.CardHolder);
            WriteMoney(w, t, camelNet: true, bothNet);
            w.WriteString("authorization_code", t.AuthorizationCode);
            w.WriteString("reference_code", t.ReferenceCode);
            w.WriteString("order_id", t.OrderId);
            w.WriteBoolean("is_succeed", t.IsSucceed);
            w.WriteString("xact_transaction_id", t.XactTransactionId);
            w.WriteString("email", t.Email);
            w.WriteString("phone", t.Phone);
            w.WriteString("ratio_code", t.RatioCode);
            w.WriteNumber("end_user_comission", 0m);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>amount, net (per-endpoint spelling), comission, comission_tax, currency.</summary>
    public static void WriteMoney(Utf8JsonWriter w, CardTransaction t, bool camelNet, bool bothNet)
    {
        w.WriteNumber("amount", t.Amount);
        if (camelNet || bothNet) w.WriteNumber("netAmount", t.NetAmount);
        if (!camelNet || bothNet) w.WriteNumber("net_amount", t.NetAmount);
        w.WriteNumber("comission", t.Comission);
        w.WriteNumber("comission_tax", t.ComissionTax);
        w.WriteString("currency", "TRY");
    }

    public static void DetailRow(Utf8JsonWriter w, CardTransaction t, bool bothNet)
    {
        w.WriteStartObject();
        w.WriteNumber("id", t.Id);
        w.WriteString("xact_id", t.XactId);
        w.WriteString("xact_date", IsoTime(t.XactDate));
        w.WriteNumber("transaction_type", t.TransactionType);
        w.WriteString("xact_type_desc", CardNames.XactType(t.XactType));
        w.WriteString("channel_id", "API");
        w.WriteNumber("pos_type", 5);
        w.WriteString("pos_type_desc", "Paynet POS");
        w.WriteBoolean("is_tds", t.IsTds);
        w.WriteString("agent_id", t.AgentId);
        w.WriteString("agent_name", t.AgentName);
        w.WriteString("company_code", CardData.CompanyCode);
        w.WriteString("company_name", CardData.CompanyName);
        w.WriteString("user_name", t.UserId);
        w.WriteString("note", t.Note);
        w.WriteNumber("ratio", t.Ratio);
        w.WriteString("ratio_code", t.RatioCode);
        w.WriteString("ratio_code_method", t.RatioCode.Length > 0 ? "standard" : "");
        w.WriteString("end_user_ratio", "0");
        w.WriteNumber("end_user_comission", 0m);
        w.WriteString("agent_reference", t.ReferenceNo);
        w.WriteString("bank_id", t.BankId);
        w.WriteString("bank_name", CardNames.Bank(t.BankId));
        w.WriteNumber("instalment", t.Instalment);
        w.WriteString("instalment_text", CardNames.Instalment(t.Instalment));
        w.WriteString("payment_string", CardNames.PaymentString(t.BankId, t.Instalment));
        w.WriteString("card_no", t.CardNo);
        w.WriteString("card_holder", t.CardHolder);
        w.WriteString("card_type", t.CardType);
        WriteMoney(w, t, camelNet: true, bothNet);
        w.WriteString("authorization_code", t.AuthorizationCode);
        w.WriteString("reference_code", t.ReferenceCode);
        w.WriteString("order_id", t.OrderId);
        w.WriteBoolean("is_succeed", t.IsSucceed);
        w.WriteBoolean("reversed", t.Reversed);
        w.WriteString("reversed_xact_id", t.ReversedXactId);
        w.WriteString("xact_transaction_id", t.XactTransactionId);
        w.WriteString("email", t.Email);
        w.WriteString("phone", t.Phone);
        w.WriteNumber("company_amount", t.CompanyAmount);
        w.WriteNumber("company_commission", t.CompanyCommission);
        w.WriteNumber("company_commission_with_tax", t.CompanyCommissionWithTax);
        w.WriteNumber("company_net_amount", t.CompanyNetAmount);
        w.WriteNumber("agent_amount", t.AgentAmount);
        w.WriteNumber("agent_commission", t.AgentCommission);
        w.WriteNumber("agent_commission_with_tax", t.AgentCommissionWithTax);
        w.WriteNumber("agent_net_amount", t.AgentNetAmount);
        w.WriteNumber("company_cost_ratio", t.Ratio);
        w.WriteNumber("company_pay_ratio", 0);
        w.WriteString("company_vdate", ValueDate(t.CompanyVdate));
        w.WriteString("agent_vdate", ValueDate(t.AgentVdate));
        w.WriteString("ipaddress", t.IpAddress);
        w.WriteString("client_id", t.ClientId);
        w.WriteEndObject();
    }

    /// <summary>A transaction_list row, shaped like Paynet's PHP sample model (Turkish settlement columns included).</summary>
    public static void ListRow(Utf8JsonWriter w, CardTransaction t, bool bothNet)
    {
        w.WriteStartObject();
        w.WriteString("companyCode", CardData.CompanyCode);
        w.WriteString("companyName", CardData.CompanyName);
        w.WriteNumber("id", t.Id);
        w.WriteString("agent_id", t.AgentId);
        w.WriteString("agent_referans_no", t.ReferenceNo);
        w.WriteString("agent_name", t.AgentName);
        w.WriteString("xact_id", t.XactId);
        w.WriteString("xact_date", Day(t.XactDate));
        w.WriteString("xact_time", DayTime(t.XactDate));
        w.WriteBoolean("is_tds", t.IsTds);
        w.WriteString("bank_id", t.BankId);
        w.WriteString("bank_name", CardNames.Bank(t.BankId));
        w.WriteString("card_no", t.CardNo);
        w.WriteString("card_holder", t.CardHolder);
        w.WriteString("card_type", t.CardType);
        w.WriteString("card_type_name", CardNames.CardType(t.CardType));
        w.WriteString("authorization_code", t.AuthorizationCode);
        w.WriteString("reference_code", t.ReferenceCode);
        w.WriteString("order_id", t.OrderId);
        w.WriteString("postype_desc", "Paynet POS");
        w.WriteString("xact_type", t.XactType);
        w.WriteString("xacttype_desc", CardNames.XactType(t.XactType));
        w.WriteNumber("fiscal_period_id", t.XactDate.Year * 100 + t.XactDate.Month);
        w.WriteString("sector_id", "1");
        w.WriteString("sectorid_desc", "Genel");
        w.WriteString("merchant_id", "SBX" + CardData.CompanyCode);
        w.WriteString("channel_name", "API");
        w.WriteString("ipaddress", t.IpAddress);
        w.WriteString("client_id", t.ClientId);
        w.WriteString("xact_transaction_id", t.XactTransactionId);
        w.WriteString("terminal_id", "SBX00001");
        w.WriteBoolean("is_succeed", t.IsSucceed);
        w.WriteBoolean("reversed", t.Reversed);
        w.WriteBoolean("is_reconcile", false);
        w.WriteBoolean("is_payup", false);
        w.WriteBoolean("is_onchargeback", false);
        w.WriteBoolean("is_transferred", t.IsTransferred);
        w.WriteString("reversed_xact_id", t.ReversedXactId);
        w.WriteString("channel_id", "API");
        w.WriteNumber("pos_type", 5);
        w.WriteNumber("instalment", t.Instalment);
        WriteMoney(w, t, camelNet: false, bothNet);
        w.WriteNumber("ratio", t.Ratio);
        w.WriteNumber("end_user_comission", 0m);
        w.WriteString("user_id", t.UserId);
        w.WriteString("xact_note", t.Note);
        w.WriteString("xact_agent_reference", t.ReferenceNo);
        w.WriteNumber("company_pay_ratio", 0);
        w.WriteNumber("company_cost_ratio", t.Ratio);
        w.WriteNumber("ana_firma_brut_alacak", t.CompanyAmount);
        w.WriteNumber("ana_firma_komisyonu", t.CompanyCommission);
        w.WriteNumber("ana_firma_komisyonu_kdv_dahil", t.CompanyCommissionWithTax);
        w.WriteNumber("ana_firma_odenecek_net_tutar", t.CompanyNetAmount);
        w.WriteNumber("bayi_brut_alacak", t.AgentAmount);
        w.WriteNumber("bayi_komisyonu", t.AgentCommission);
        w.WriteNumber("bayi_komisyonu_kdv_dahil", t.AgentCommissionWithTax);
        w.WriteNumber("bayiye_odenecek_net_tutar", t.AgentNetAmount);
        w.WriteString("cp_mfi_vdate", t.CompanyVdate is DateTime cv ? Day(cv) : "");
        w.WriteNumber("cp_mfi_vdate_day", t.CompanyVdate is DateTime cd ? (cd - t.XactDate.Date).Days : 0);
        w.WriteString("ap_mfi_vdate", t.AgentVdate is DateTime av ? Day(av) : "");
        w.WriteNumber("ap_mfi_vdate_day", t.AgentVdate is DateTime ad ? (ad - t.XactDate.Date).Days : 0);
        w.WriteEndObject();
    }

    /// <summary>The `{object_name, code, message}` envelope of the mutating services.</summary>
    public static byte[] Envelope(string objectName, int code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("object_name", objectName);
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The non-200 error object: {type, message, code: HTTP status, result_code}.</summary>
    public static byte[] Error(string type, string message, int status, int resultCode)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("message", message);
            w.WriteNumber("code", status);
            w.WriteNumber("result_code", resultCode);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>The transaction object that card operations (payment, capture, capture_reversal) answer with.</summary>
public static class CardOperationJson
{
    public static byte[] Result(CardTransaction t, string objectName, int code, string message, bool bothNet) => CardQueries.Serialize(w =>
    {
        w.WriteString("xact_id", t.XactId);
        w.WriteNumber("id", t.Id);
        w.WriteString("xact_date", CardJson.IsoTime(t.XactDate));
        w.WriteNumber("transaction_type", t.TransactionType);
        w.WriteNumber("pos_type", 5);
        w.WriteBoolean("is_tds", t.IsTds);
        w.WriteString("agent_id", t.AgentId);
        w.WriteString("user_id", t.UserId);
        w.WriteString("email", t.Email);
        w.WriteString("phone", t.Phone);
        w.WriteString("bank_id", t.BankId);
        w.WriteNumber("instalment", t.Instalment);
        w.WriteNumber("ratio", t.Ratio);
        w.WriteString("ratio_code", t.RatioCode);
        w.WriteString("card_no_masked", t.CardNo);
        w.WriteString("card_holder", t.CardHolder);
        CardJson.WriteMoney(w, t, camelNet: false, bothNet);
        w.WriteNumber("end_user_comission", 0m);
        w.WriteString("authorization_code", t.AuthorizationCode);
        w.WriteString("reference_code", t.ReferenceCode);
        w.WriteString("order_id", t.OrderId);
        w.WriteBoolean("is_succeed", t.IsSucceed);
        w.WriteString("paynet_error_id", t.IsSucceed ? "" : "1");
        w.WriteString("paynet_error_message", t.IsSucceed ? "" : "İşlem başarısız");
        w.WriteString("bank_error_id", t.IsSucceed ? "" : "05");
        w.WriteString("bank_error_message", t.BankErrorMessage);
        w.WriteString("bank_error_short_desc", t.IsSucceed ? "" : "Red");
        w.WriteString("bank_error_long_desc", t.BankErrorMessage);
        w.WriteString("agent_reference_no", t.ReferenceNo);
        w.WriteString("reference_no", t.ReferenceNo);
        w.WriteString("object_name", objectName);
        w.WriteNumber("code", code);
        w.WriteString("message", message);
    });
}
