using PayNet.Core.Card;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;

namespace PayNet.Core.Tests.Card;

internal static class CardTestKit
{
    /// <summary>The documented key shape (card.md §1.1): contains "/" and "+".</summary>
    public const string SecretKey = "sck_pcs_jECRyoZq0khnsV9elaF/SIBVvxQI+bIW";
    public const string XactId = "xk_EAAAAAh7VYf9HG4+GR9ezqiMWAA8PY6P4eroE4BUUHRCLxGO";
    public static readonly Uri BaseUri = new("https://pts-api.example/");

    public static CardClient Client(ScriptedHandler handler, TimeSpan? timeout = null) =>
        new(new SecretString(SecretKey), TestOptions.Fast(BaseUri, handler, timeout));

    /// <summary>A detail row shaped like the documentation's example (card.md §3.2, §5).</summary>
    public const string DetailExample = """
        {
          "Data": [
            {
              "id": 2527054,
              "xact_id": "xk_EAAAAAh7VYf9HG4+GR9ezqiMWAA8PY6P4eroE4BUUHRCLxGO",
              "xact_date": "2015-12-04T18:14:28.377",
              "transaction_type": 1,
              "xact_type_desc": "Satış",
              "pos_type": 5,
              "pos_type_desc": "Paynet POS",
              "is_tds": false,
              "agent_id": "10000",
              "company_code": "10001",
              "company_name": "ACME TEST A.Ş.",
              "note": "Sipariş 42",
              "ratio": 0.02,
              "agent_reference": "RCN-0015",
              "bank_id": "BONS",
              "bank_name": "Bonus",
              "instalment": 0,
              "instalment_text": "Peşin",
              "payment_string": "Bonus Tek çekim",
              "card_no": "444444******4448",
              "card_holder": "TEST KART",
              "card_type": "cc",
              "amount": 813.75,
              "netAmount": 794.54,
              "comission": 16.28,
              "comission_tax": 2.93,
              "currency": "TRY",
              "authorization_code": "aut-4276",
              "reference_code": "ref-4276",
              "order_id": "order-4276",
              "is_succeed": true,
              "reversed": false,
              "reversed_xact_id": "xk_EAAAAAh7VYf9HG4+GR9ezqiMWAA8PY6P4eroE4BUUHRCLxGx",
              "xact_transaction_id": "58573BB6-1F67-4DB1-841B-E44D8EA2873F",
              "email": "buyer@example.com",
              "phone": " ",
              "company_amount": 813.75,
              "company_commission": 16.28,
              "company_commission_with_tax": 19.2104,
              "company_net_amount": 794.5396,
              "agent_amount": 0,
              "agent_commission": 0,
              "agent_commission_with_tax": 0,
              "agent_net_amount": 0,
              "company_cost_ratio": 0.02,
              "company_pay_ratio": 0,
              "company_vdate": "0001-01-01T00:00:00",
              "agent_vdate": "2016-04-08T10:27:22.0296925+03:00"
            }
          ],
          "object_name": "transaction_detail",
          "code": 0,
          "message": "Başarılı İşlem"
        }
        """;

    public static string ListRow(int id, string date = "15.01.2024", string time = "15.01.2024 10:15:00") => $$"""
        { "companyCode": "10001", "companyName": "ACME TEST A.Ş.", "agent_id": "600222", "xact_id": "xk_{{id}}",
          "xact_date": "{{date}}", "xact_time": "{{time}}", "is_tds": "1", "bank_id": "BONS", "card_no": "444444******4448",
          "xact_type": "S", "is_succeed": true, "reversed": false, "is_transferred": false, "instalment": "3",
          "amount": "1000.00", "net_amount": "976.40", "comission": 20.00, "comission_tax": 3.60, "currency": "TRY",
          "ratio": "0.02", "xact_note": "note {{id}}", "xact_agent_reference": "RCN-{{id}}" }
        """;

    public static string ListPage(IEnumerable<int> ids, bool hasMore, int total) =>
        $$"""{ "object_name": "transaction_list", "total": {{total}}, "total_count": {{ids.Count()}}, "has_more": {{(hasMore ? "true" : "false")}}, "code": 0, "Data": [ {{string.Join(",", ids.Select(i => ListRow(i)))}} ] }""";
}
