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
        var hosts = new List<RecordingHost>();
        var outputs = new List<object?>();
        RecordingHost Run(PayNetCmdlet cmdlet, string set = "__AllParameterSets", params string[] switches)
        {
            var host = CmdletRunner.Run(cmdlet, new RecordingHost(Store) { SetName = set, VerboseOn = true, DebugOn = true }.Bind(switches));
            hosts.Add(host);
            outputs.AddRange(host.Output);
            return host;
        }
        var pin = RecordingHost.Secure(Sandbox.Server.Options.Wallet.Pin);

        Run(new GetPayNetConnectionCommand());
        Run(new GetPayNetWalletCommand());
        Run(new GetPayNetProfileCommand());
        var quote = Run(new InvokePayNetPaymentCommand { ToMemberId = "3", Amount = 20m, TransferType = "FixedFee" }, "Member", "Validate").OutputOf<WalletPaymentQuote>().Single();
        var receipt = Run(new InvokePayNetPaymentCommand { Quote = quote }, "Quote").OutputOf<WalletPaymentReceipt>().Single();
        Run(new GetPayNetStatementCommand { From = new DateTime(2024, 1, 18), To = new DateTime(2024, 1, 18) }, "Account");
        Run(new GetPayNetTransactionCommand { InputObject = receipt }, "InputObject");
        var added = Run(new AddPayNetMoneyCommand { Amount = 20m }).OutputOf<WalletPaymentReceipt>().Single();
        Run(new WaitPayNetTransactionCommand { InputObject = added, TimeoutSec = 1, PollIntervalSec = 0.2 });
        Run(new RequestPayNetWithdrawalCommand { Amount = 10m, BankAccount = "GB33BUKB20201555555555" });
        Run(new GetPayNetAgreementCommand());
        Run(new ApprovePayNetAgreementCommand { Id = new long[] { 1 } });
        var qr = Run(new NewPayNetQrCodeCommand { Amount = 5m, Description = "scan" }, "__AllParameterSets", "Amount").OutputOf<WalletQrCode>().Single();
        Run(new ResolvePayNetQrCodeCommand { QrString = qr.QrString! });
        var file = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(file, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(new byte[64]).ToArray());
        Run(new AddPayNetDocumentCommand { Path = file, Category = "ID_CARD" });
        Run(new GetPayNetDocumentCommand());
        var dispute = Run(new NewPayNetDisputeCommand { TransferId = receipt.TransferId, Reason = "Other", Description = "scan" }).OutputOf<WalletDispute>().Single();
        Run(new GetPayNetDisputeCommand(), "List");
        Run(new SetPayNetDisputeCommand { Id = dispute.DisputeId, Comment = "more" });
        Run(new ClosePayNetDisputeCommand { Id = dispute.DisputeId });
        Run(new RegisterPayNetMemberCommand { Name = "Scan Member", MobileNo = "233200000099", Email = "scan@example.com", Pin = RecordingHost.Secure("8642") });
        Run(new RegisterPayNetMemberCommand { Name = "Scan Member", MobileNo = "233200000099", Email = "scan@example.com", Pin = RecordingHost.Secure("8642"), Otp = "123456" });
        Run(new GetPayNetProductCommand(), "Services");
        var topUp = Run(new StartPayNetTopUpCommand { Product = "slk100", Account = "voucher00@example.com", Amount = 100m, PollIntervalSec = 0.02 }).Output.Single();
        Run(new StartPayNetTopUpCommand { Product = "et-mc", Account = "971550000001", Amount = 10m, PollIntervalSec = 0.02 }, "__AllParameterSets", "NoWait");
        Run(new GetPayNetTransactionCommand { InputObject = (IPayNetRecord)topUp! }, "InputObject");
        var card = Run(new GetPayNetTransactionCommand { ReferenceNo = "RCN-0001" }, "CardReferenceNo").Output.First();
        Run(new GetPayNetTransactionCommand { XactId = ((PayNet.Core.Card.CardTransaction)card!).XactId! }, "CardXactId", "Detail");
        Run(new GetPayNetTransactionCommand { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16) }, "CardList");
        Run(new RequestPayNetRefundCommand { XactId = ((PayNet.Core.Card.CardTransaction)card!).XactId!, Amount = 10m });
        Run(new GetPayNetRefundCommand { From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 19) });
        Run(new GetPayNetPayoutCommand { Date = new DateTime(2024, 1, 16) });
        Run(new ComparePayNetTransactionCommand { Service = PayNetApi.Card, From = new DateTime(2024, 1, 15), To = new DateTime(2024, 1, 16), InputObject = new Dictionary<string, object?> { ["Reference"] = "RCN-0001", ["Amount"] = "1000" } });
        Run(new SetPayNetPinCommand { CurrentPin = pin, NewPin = RecordingHost.Secure("9753") });
        Run(new SetPayNetPinCommand { CurrentPin = pin, NewPin = RecordingHost.Secure("9753"), Otp = "123456" });
        var connections = Store.All().ToList();
        Run(new DisconnectPayNetCommand());

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
