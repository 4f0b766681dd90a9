using System.Net;
using System.Security.Cryptography;
using System.Text;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Core.TopUp;

namespace PayNet.Core.Tests.TopUp;

/// <summary>Builds TopUp clients over a scripted handler, and the documented bodies they are fed.</summary>
internal static class TopUpTestKit
{
    public const string Token = "T0ken-for-unit-tests";
    public static readonly Uri BaseUri = new("https://topup.example/");
    private static int _nextPos = 9000;

    /// <summary>A POS id no other test uses, so key-sequence assertions never see another test's keys.</summary>
    public static int FreshPosId() => Interlocked.Increment(ref _nextPos);

    public static TopUpClient Client(ScriptedHandler handler, TopUpSettings? settings = null, int? posId = null, TimeSpan? timeout = null) =>
        new(new TopUpCredentials(posId ?? FreshPosId(), new SecretString(Token)), TestOptions.Fast(BaseUri, handler, timeout), settings ?? FastPolling());

    public static TopUpSettings FastPolling() => new()
    {
        PollInitialInterval = TimeSpan.FromMilliseconds(10),
        PollMaxInterval = TimeSpan.FromMilliseconds(40),
        PollTimeout = TimeSpan.FromSeconds(5),
    };

    public static string Md5Hex(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    public static HttpResponseMessage Ok(string json) => ScriptedHandler.Json(json);

    public static HttpResponseMessage Error(int code, string message, string? display = null, HttpStatusCode status = HttpStatusCode.OK) =>
        ScriptedHandler.Json(display is null
            ? $"{{\"error\":{{\"code\":{code},\"message\":\"{message}\"}}}}"
            : $"{{\"error\":{{\"code\":{code},\"message\":\"{message}\",\"display_error\":\"{display}\"}}}}", status);

    public static string Tx(string id, string externalId, int state, string extra = "") =>
        $"{{\"transaction\":{{\"id\":\"{id}\",\"external_transaction_id\":\"{externalId}\",\"state\":{state},\"error\":\"\",\"time\":\"2024-01-27 12:00:05\"{extra}}}}}";

    /// <summary>topup.md §4.2, verbatim.</summary>
    public const string ServicesExample = """
        {
          "services": [
            {
              "id": "et-mc",
              "active": true,
              "name": "Etisalat Wasel Prepaid",
              "biller_name": "Etisalat",
              "category_name": "Mobile Prepaid",
              "subcategory_name": "Airtime",
              "amount_min": 5,
              "amount_max": 525,
              "amount_step": 5,
              "commission": { "value": 0, "type": 0 },
              "is_pin_based": false,
              "is_account_required": true
            },
            {
              "id": "itunes_aed_100",
              "active": true,
              "name": "Apple Gift Card - AED 100",
              "biller_name": "Apple UAE",
              "category_name": "Gift Cards",
              "subcategory_name": "Apple",
              "amount_min": 100,
              "amount_max": 100,
              "amount_step": 0,
              "commission": { "value": 0, "type": 0 },
              "is_pin_based": true
            }
          ]
        }
        """;
}
