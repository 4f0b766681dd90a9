namespace PayNet.Core.Tests.Wallet;

/// <summary>The documented example bodies of wallet.md, verbatim where the spec gives them whole.</summary>
internal static class WalletSpecExamples
{
    public const string SessionId = "6f1c0b0e9d2a4c7e8b11a3f4c5d6e7f8";

    /// <summary>§6.1.1.</summary>
    public const string Login = """
        { "status": true, "sessionExpired": false, "failed": false,
          "sessionId": "6f1c0b0e9d2a4c7e8b11a3f4c5d6e7f8",
          "payload": { "InitialData": { "profile": { "id": 101, "name": "Alice Mensah", "username": "233200000001", "mobileNo": "233200000001", "customValues": [] },
            "requireTransactionPassword": true,
            "accounts": [ { "id": 1001, "isDefault": true, "type": { "id": 5, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "GHS", "name": "Ghana Cedi" } } } ],
            "canMakeMemberPayments": true, "canMakeSystemPayments": true,
            "decimalCount": 2, "decimalSeparator": ".",
            "groupDetails": { "nature": "MEMBER", "groupId": 5, "groupName": "Customers", "description": "", "languages": ["en"] },
            "credentialsExpired": false, "operator": false } },
          "messages": [ { "shortMessage": "Login successful", "longMessage": "Login successful" } ] }
        """;

    /// <summary>§6.3.1 (type 21, fixed fee 1.00).</summary>
    public const string DoPaymentResult = """
        { "status": true, "sessionExpired": false, "failed": false,
          "payload": { "DoPaymentResult": {
            "wouldRequireAuthorization": false,
            "from": { "id": 101, "name": "Alice Mensah", "username": "233200000001", "mobileNo": "233200000001" },
            "to":   { "id": 102, "name": "Bob Owusu",   "username": "233200000002", "mobileNo": "233200000002" },
            "finalAmount": 100.00, "formattedFinalAmount": "GHS 100.00",
            "fees": [ { "name": "Fixed fee", "amount": 1.00, "formattedAmount": "GHS 1.00" } ],
            "transferType": { "id": 21, "name": "Payment with fixed fee",
              "from": { "id": 5, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "GHS", "name": "Ghana Cedi", "pattern": "GHS #amount#" } },
              "to":   { "id": 5, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "GHS", "name": "Ghana Cedi", "pattern": "GHS #amount#" } } },
            "customValues": {},
            "isOtpEnable": false,
            "consolidatedAmount": 101.00, "consolidatedFormatterAmount": "GHS 101.00", "showConsolidateAmount": true } } }
        """;

    /// <summary>§6.3.2 (the envelope's elided members filled in as §2.1 shows them).</summary>
    public const string Confirm = """
        { "status": true, "sessionExpired": false, "failed": false, "payload": { "ConfirmPaymentResult": { "id": 90001, "pending": false } } }
        """;

    /// <summary>§2.1, the generic failure.</summary>
    public const string Error = """
        { "status": false, "sessionExpired": false, "errors": [ { "shortMessage": "Error occurred",  "longMessage": "Error occurred" } ] }
        """;

    /// <summary>§2.1, the documented expiry.</summary>
    public const string SessionExpiredDoc = """
        { "status": false, "sessionExpired": true,  "errors": [ { "shortMessage": "Session expired", "longMessage": "Session expired" } ] }
        """;

    /// <summary>§11.7, exactly.</summary>
    public const string SessionExpiredSandbox = """
        { "status": false, "sessionExpired": true, "failed": true, "responseCode": "SESSION_EXPIRED", "errors": [ { "shortMessage": "Session expired", "longMessage": "Session expired" } ] }
        """;

    /// <summary>§11.8.</summary>
    public const string RateLimited = """
        { "status":false, "sessionExpired":false, "failed":true, "responseCode":"RATE_LIMIT_EXCEEDED", "errors":[{"shortMessage":"Rate limit exceeded", "longMessage":"Maximum of 2000 API calls per day reached"}] }
        """;

    public static string Failure(string code, string text) =>
        $$"""{ "status": false, "sessionExpired": false, "failed": true, "responseCode": "{{code}}", "errors": [ { "shortMessage": "{{text}}", "longMessage": "{{text}}" } ] }""";

    /// <summary>Login as the sandbox answers it, with a token of our choosing.</summary>
    public static string LoginWithToken(string token) => Login.Replace(SessionId, token);

    /// <summary>A §5.9 line the way deployments send it: amounts and ids as strings, "+0000" offsets.</summary>
    public static string HistoryLine(long id, string amount, string? trace, string status = "PROCESSED", string date = "2024-02-18T10:15:30.000+0000",
        string description = "Lunch", int typeId = 14, string currency = "$", long memberId = 3, string username = "86888") =>
        $$"""
        { "id": "{{id}}", "date": "{{date}}", "formattedDate": "18/02/2024",
          {{(status == "PENDING" ? "" : $"\"processDate\": \"{date}\",")}}
          "amount": "{{amount}}", "formattedAmount": "$ {{amount}}", "status": "{{status}}",
          "transferType": { "id": "{{typeId}}", "name": "P2P Transfer", "from": { "id": 4, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "{{currency}}", "name": "USD", "pattern": "$#amount#" } } },
          "description": "{{description}}",
          "member": { "id": "{{memberId}}", "name": "Avatar S", "username": "{{username}}" },
          "transactionNumber": "PN20240218000001"{{(trace is null ? "" : $", \"traceNumber\": \"{trace}\"")}} }
        """;

    public static string HistoryPage(int currentPage, int pageSize, int totalCount, params string[] lines) =>
        $$"""
        { "status": true, "sessionExpired": false, "failed": false,
          "payload": { "AccountHistoryResultPage": { "currentPage": {{currentPage}}, "pageSize": {{pageSize}}, "totalCount": {{totalCount}},
            "elements": [ {{string.Join(",", lines)}} ] } } }
        """;
}
