using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Reliability;

/// <summary>
/// Every cmdlet with -Verbose and -Debug against the sandbox: no stream, error record, output or
/// connection, as text, JSON or property dump (what Export-Clixml writes), holds a secret.
/// </summary>
public sealed class SecretScanTests : SandboxCmdletTest
{
    public SecretScanTests(SandboxFixture sandbox) : base(sandbox) { }

    private static readonly Regex SecretShapes = new(
        "(\"hash\"\\s*:\\s*\"[0-9a-f]{32}\")|(Paynet-Session-Token:\\s*(?!\\*\\*\\*)\\S)|(\"sessionId\"\\s*:\\s*\"(?!\\*\\*\\*))|(Authorization:\\s*Basic\\s+(?!\\*\\*\\*)\\S)|(\"(transactionPin|pin|oldPin|newPin|confirmPin)\"\\s*:\\s*\"(?!\\*\\*\\*))",
        RegexOptions.IgnoreCase);

    private IEnumerable<string> Secrets()
    {
        var o = Sandbox.Server.Options;
        yield return o.Wallet.ApiKey;
        yield return o.TopUp.Token;
        yield return o.Card.SecretKey;
        yield return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{o.Wallet.Principal}:{o.Wallet.Pin}"));
    }

    private static IEnumerable<string> Dumps(object? value)
    {
        if (value is null) yield break;
        yield return value.ToString() ?? "";
        string json;
        try { json = JsonSerializer.Serialize(value, value.GetType()); } catch (NotSupportedException) { json = ""; }
        yield return json;
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            yield return $"{p.Name}={p.GetValue(value)}";
    }

    [Fact]
    public void No_secret_reaches_any_stream_output_or_serialization_of_any_cmdlet()
    {
        var hosts = new List<PwshResult>();
        var outputs = new List<object?>();
        PwshResult Run(string command, object? parameters, params string[] switches)
        {
            // The session records Verbose and Debug ($VerbosePreference/$DebugPreference Continue).
            var host = Session.Call(command, parameters, c => c.Bind(switches));
            hosts.Add(host);
            outputs.AddRange(host.Output);
            return host;
        }
        var pin = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure(Sandbox.Server.Options.Wallet.Pin);

        Run("Get-PayNetConnection", null);
        Run("Get-PayNetWallet", null);
        Run("Get-PayNetProfile", null);
        var quote = Run("Invoke-PayNetPayment", new { ToMemberId = "3", Amount = 20m, TransferType = "FixedFee" }, "Validate").OutputOf<WalletPaymentQuote>().Single();
        var receipt = Run("Invoke-PayNetPayment", new { Quote = quote }).OutputOf<WalletPaymentReceipt>().Single();
        Run("Get-PayNetStatement", new { From = new DateTime(2024, 1, 18), To = new DateTime(2024, 1, 18) });
        Run("Get-PayNetTransaction", new { InputObject = receipt });
        var added = Run("Add-PayNetMoney", new { Amount = 20m }).OutputOf<WalletPaymentReceipt>().Single();
        Run("Wait-PayNetTransaction", new { InputObject = added, TimeoutSec = 1, PollIntervalSec = 0.2 });
        Run("Request-PayNetWithdrawal", new { Amount = 10m, BankAccount = "GB33BUKB20201555555555" });
        Run("Get-PayNetAgreement", null);
        Run("Approve-PayNetAgreement", new { Id = new long[] { 1 } });
        var qr = Run("New-PayNetQrCode", new { Amount = 5m, Description = "scan" }, "Amount").OutputOf<WalletQrCode>().Single();
        Run("Resolve-PayNetQrCode", new { QrString = qr.QrString! });
        var file = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(file, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(new byte[64]).ToArray());
        Run("Add-PayNetDocument", new { Path = file, Category = "ID_CARD" });
        Run("Get-PayNetDocument", null);
        var dispute = Run("New-PayNetDispute", new { TransferId = receipt.TransferId, Reason = "Other", Description = "scan" }).OutputOf<WalletDispute>().Single();
        Run("Get-PayNetDispute", null);
        Run("Set-PayNetDispute", new { Id = dispute.DisputeId, Comment = "more" });
        Run("Close-PayNetDispute", new { Id = dispute.DisputeId });
        Run("Register-PayNetMember", new { Name = "Scan Member", MobileNo = "233200000099", Email = "scan@example.com", Pin = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("8642") });
        Run("Register-PayNetMember", new { Name = "Scan Member", MobileNo = "233200000099", Email = "scan@example.com", Pin = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("8642"), Otp = "123456" });
        Run("Get-PayNetProduct", null);
        var topUp = Run("Start-PayNetTopUp", new { Product = "slk100", Account = "voucher00@example.com", Amount = 100m, PollIntervalSec = 0.02 }).Output.Single();
        Run("Start-PayNetTopUp", new { Product = "et-mc", Account = "971550000001", Amount = 10m, PollIntervalSec = 0.02 }, "NoWait");
        Run("Get-PayNetTransaction", new { InputObject = (IPayNetRecord)topUp! });
        var card = Run("Get-PayNetTransaction", new { ReferenceNo = "RCN-0001" }).Output.First();
        Run("Get-PayNetTransaction", new { XactId = ((PayNet.Core.Card.CardTransaction)card!).XactId! }, "Detail");
        Run("Get-PayNetTransaction", new { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16) });
        Run("Request-PayNetRefund", new { XactId = ((PayNet.Core.Card.CardTransaction)card!).XactId!, Amount = 10m });
        Run("Get-PayNetRefund", new { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 19) });
        Run("Get-PayNetPayout", new { Date = new DateTime(2024, 1, 16) });
        Run("Compare-PayNetTransaction", new { Service = PayNetApi.Card, From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16), InputObject = new Dictionary<string, object?> { ["Reference"] = "RCN-0001", ["Amount"] = "1000" } });
        Run("Set-PayNetPin", new { CurrentPin = pin, NewPin = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("9753") });
        Run("Set-PayNetPin", new { CurrentPin = pin, NewPin = PayNet.PowerShell.Tests.Wallet.WalletTestKit.Secure("9753"), Otp = "123456" });
        var connections = Session.Call("Get-PayNetConnection").Output.ToList();
        Run("Disconnect-PayNet", null);

        var text = hosts.SelectMany(h => h.AllText())
            .Concat(outputs.SelectMany(Dumps))
            .Concat(connections.SelectMany(Dumps))
            .Concat(hosts.SelectMany(h => h.Errors).SelectMany(e => Dumps(e.TargetObject)))
            .ToList();

        Assert.True(hosts.Sum(h => h.Debug.Count) > 50, "Debug output was captured");
        Assert.True(outputs.Count > 30, "outputs were produced");
        foreach (var secret in Secrets())
            Assert.DoesNotContain(text, t => t.Contains(secret, StringComparison.Ordinal));
        var shaped = text.Where(t => SecretShapes.IsMatch(t)).Select(t => SecretShapes.Match(t).Value).ToList();
        Assert.Empty(shaped);
        // Whole tokens only: the same digits turn up inside millisecond keys and ids by chance.
        var pins = new Regex(@"(?<![0-9])(8642|9753)(?![0-9])");
        Assert.DoesNotContain(text, t => pins.IsMatch(t));
    }
}
