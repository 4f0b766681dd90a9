using System.Net;
using System.Text;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Reliability;

/// <summary>
/// What a broken server or gateway can send back, against every client: each must surface as a
/// PayNetException with a category, never a JsonException, NullReferenceException or InvalidCastException.
/// And bad amounts never leave the machine.
/// </summary>
public sealed class ResponseCorpusTests
{
    private const string WalletLogin = """{"status":true,"sessionExpired":false,"failed":false,"sessionId":"s-1","payload":{"InitialData":{"profile":{"id":2,"name":"Jhon Doe","username":"48889"},"requireTransactionPassword":true,"accounts":[{"id":201,"isDefault":true,"type":{"id":4,"name":"Customer Wallet","currency":{"id":1,"symbol":"$","name":"USD"}}}]}}}""";

    public static readonly Dictionary<string, (HttpStatusCode Status, string Type, Func<string> Body)> Shapes = new()
    {
        ["html page 200"] = (HttpStatusCode.OK, "text/html", () => "<html><body><h1>Service temporarily unavailable</h1></body></html>"),
        ["html page 502"] = (HttpStatusCode.BadGateway, "text/html", () => "<html><body>502 Bad Gateway</body></html>"),
        ["truncated json"] = (HttpStatusCode.OK, "application/json", () => """{"status":true,"payload":{"Ini"""),
        ["wrong types"] = (HttpStatusCode.OK, "application/json", () => """{"status":"maybe","payload":[1,2,3],"Data":"none","code":"x","wallets":"lots","transaction":7,"services":{"a":1}}"""),
        ["empty body"] = (HttpStatusCode.OK, "application/json", () => ""),
        ["json null"] = (HttpStatusCode.OK, "application/json", () => "null"),
        ["missing envelope fields"] = (HttpStatusCode.OK, "application/json", () => "{}"),
        ["array instead of object"] = (HttpStatusCode.OK, "application/json", () => "[]"),
        ["huge html body"] = (HttpStatusCode.InternalServerError, "text/html", () => "<html>" + new string('x', 20 * 1024 * 1024) + "</html>"),
    };

    public static readonly string[] Calls =
    {
        "Wallet.GetWallets", "Wallet.GetProfile", "Wallet.GetTransfer", "TopUp.GetBalance", "TopUp.GetServices", "TopUp.Find",
        "Card.Check", "Card.Detail", "Card.List", "Card.Payout",
    };

    public static IEnumerable<object[]> Cases() => Calls.SelectMany(c => Shapes.Keys.Select(s => new object[] { c, s }));

    private sealed class Scripted : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;
        public int Requests;
        public Scripted(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            return Task.FromResult(_answer(request));
        }
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string type, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, type) };

    private static PayNetClientOptions Options(string uri, Scripted handler) =>
        new(new Uri(uri)) { PrimaryHandlerFactory = () => handler, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(20) };

    private static WalletClient Wallet(Scripted h) => new(new WalletCredentials(new SecretString("apikey-test-123"), "48889", new SecretString("1234")), Options("https://wallet.test/api", h));
    private static TopUpClient TopUp(Scripted h) => new(new TopUpCredentials(123, new SecretString("token-test")), Options("https://topup.test", h));
    private static CardClient Card(Scripted h) => new(new SecretString("sck_test_key"), Options("https://card.test", h));

    private static async Task Invoke(string call, Scripted h)
    {
        switch (call)
        {
            case "Wallet.GetWallets": using (var w = Wallet(h)) await w.GetWalletsAsync(); break;
            case "Wallet.GetProfile": using (var w = Wallet(h)) await w.GetProfileAsync(); break;
            case "Wallet.GetTransfer": using (var w = Wallet(h)) await w.GetTransferAsync(90001); break;
            case "TopUp.GetBalance": using (var t = TopUp(h)) await t.GetBalanceAsync(); break;
            case "TopUp.GetServices": using (var t = TopUp(h)) await t.GetServicesAsync(); break;
            case "TopUp.Find": using (var t = TopUp(h)) await t.FindAsync(externalId: "order-1"); break;
            case "Card.Check": using (var c = Card(h)) await c.CheckAsync(referenceNo: "RCN-0001"); break;
            case "Card.Detail": using (var c = Card(h)) await c.GetDetailAsync(referenceNo: "RCN-0001"); break;
            case "Card.List": using (var c = Card(h)) await foreach (var _ in c.ListAsync(new CardListQuery { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16) })) { } break;
            case "Card.Payout": using (var c = Card(h)) await c.GetPayoutReportAsync(new DateTime(2024, 1, 16)); break;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_answer_is_a_PayNetException_with_a_category(string call, string shape)
    {
        var (status, type, body) = Shapes[shape];
        string text = body();
        var handler = new Scripted(r => r.RequestUri!.AbsolutePath.EndsWith("access/login") ? Answer(HttpStatusCode.OK, "application/json", WalletLogin) : Answer(status, type, text));

        var error = await Record.ExceptionAsync(() => Invoke(call, handler));

        // Lenient readers may accept an empty object or array as "nothing there"; anything thrown must be ours.
        if (error is null)
        {
            Assert.Contains(shape, new[] { "missing envelope fields", "array instead of object", "json null", "empty body", "wrong types" });
            Assert.StartsWith("Card.", call);
            return;
        }
        var payNet = Assert.IsAssignableFrom<PayNetException>(error);
        Assert.False(string.IsNullOrWhiteSpace(payNet.Message));
        Assert.True(Enum.IsDefined(payNet.Category));
        Assert.DoesNotContain("apikey-test-123", payNet.ToString());
        Assert.DoesNotContain("token-test", payNet.ToString());
        Assert.DoesNotContain("sck_test_key", payNet.ToString());
    }

    public static readonly decimal[] BadAmounts = { 0m, -1m, -0.01m, 0.001m, 12.345m, 100_000_000.01m, decimal.MaxValue, decimal.MinValue };

    public static IEnumerable<object[]> AmountCases() =>
        new[] { "Wallet.Validate", "Wallet.Execute", "Wallet.AddMoney", "Wallet.Withdraw", "Wallet.CreateQr", "TopUp.Check", "Card.Refund", "Card.Capture" }
            .SelectMany(op => BadAmounts.Select(a => new object[] { op, a }));

    [Theory]
    [MemberData(nameof(AmountCases))]
    public async Task A_bad_amount_is_refused_before_anything_is_sent(string operation, decimal amount)
    {
        var handler = new Scripted(_ => Answer(HttpStatusCode.OK, "application/json", WalletLogin));
        Func<Task> act = operation switch
        {
            "Wallet.Validate" => async () => { using var w = Wallet(handler); await w.ValidatePaymentAsync(new WalletPaymentRequest(3, amount)); },
            "Wallet.Execute" => async () => { using var w = Wallet(handler); await w.ExecutePaymentAsync(new WalletPaymentRequest(3, amount)); },
            "Wallet.AddMoney" => async () => { using var w = Wallet(handler); await w.AddMoneyAsync(amount); },
            "Wallet.Withdraw" => async () => { using var w = Wallet(handler); await w.WithdrawAsync(amount); },
            "Wallet.CreateQr" => async () => { using var w = Wallet(handler); await w.CreateQrAsync(amount); },
            "TopUp.Check" => async () => { using var t = TopUp(handler); await t.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = amount }); },
            "Card.Refund" => async () => { using var c = Card(handler); await c.RequestRefundAsync("xk_test", amount); },
            _ => async () => { using var c = Card(handler); await c.CaptureAsync("xk_test", amount); },
        };
        var error = await Assert.ThrowsAnyAsync<PayNetException>(act);
        Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(0, handler.Requests);
    }
}
