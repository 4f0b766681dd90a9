using PayNet.Core;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.Sandbox;
using PayNet.Sandbox.Control;
using Xunit.Abstractions;

namespace PayNet.Core.Tests.Reliability;

/// <summary>
/// Mixed Wallet payments and top-ups under random injected faults, then the client's outcomes against
/// the sandbox ledger: nothing executed twice, nothing executed that the client reported as failed, and
/// every "state unknown" settled by a later lookup. Size: PAYNET_SOAK_SIZE (default 60, CI-sized).
/// Run alone with: dotnet test --filter Category=Soak
/// </summary>
[Trait("Category", "Soak")]
public sealed class FaultSoakTests
{
    private const string WalletConfirm = "/wallet/api/payments/confirm/member-payment";
    private const string TopUpConfirm = "/topup/transaction/confirm";
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(1);
    private readonly ITestOutputHelper _output;

    public FaultSoakTests(ITestOutputHelper output) => _output = output;

    private enum Outcome { Succeeded, Failed, StateUnknown }

    private sealed record Operation(string Api, string Reference, Outcome Outcome, string Fault, bool Reconciled, string? Error);

    private static int Size => int.TryParse(Environment.GetEnvironmentVariable("PAYNET_SOAK_SIZE"), out var n) && n > 0 ? n : 60;

    [Fact]
    public async Task Under_random_faults_no_money_moves_twice_or_behind_a_reported_failure()
    {
        await using var sandbox = await SandboxServer.StartAsync(o =>
        {
            o.Wallet.RateLimitPerDay = 1_000_000;
            o.TopUp.StartingBalance = 1_000_000m;
        });
        var faults = sandbox.Service<FaultInjector>();
        var clock = sandbox.Service<SandboxClock>();
        var options = sandbox.Options;
        var random = new Random(20241122);

        PayNetClientOptions Transport(Uri uri) => new(uri) { Timeout = ClientTimeout, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(200) };
        using var wallet = new WalletClient(new WalletCredentials(new SecretString(options.Wallet.ApiKey), options.Wallet.Principal, new SecretString(options.Wallet.Pin)), Transport(sandbox.WalletUri));
        using var topUp = new TopUpClient(new TopUpCredentials(options.TopUp.PosId, new SecretString(options.TopUp.Token)), Transport(sandbox.TopUpUri),
            new TopUpSettings { PollInitialInterval = TimeSpan.FromMilliseconds(20), PollMaxInterval = TimeSpan.FromMilliseconds(100), PollTimeout = TimeSpan.FromSeconds(5) });

        string[] kinds = { "none", "none", "Delay", "Status500", "Status500AfterCommit", "Status503", "Status503AfterCommit", "DropAfterCommit", "Malformed", "Status429", "SessionExpiry" };
        var injected = kinds.Distinct().ToDictionary(k => k, _ => 0);
        var operations = new List<Operation>();

        for (int i = 0; i < Size; i++)
        {
            bool isWallet = random.Next(2) == 0;
            string kind = kinds[random.Next(kinds.Length)];
            injected[kind]++;
            string path = isWallet ? WalletConfirm : TopUpConfirm;
            switch (kind)
            {
                case "none": break;
                case "SessionExpiry": clock.Advance(TimeSpan.FromMinutes(16)); break;
                case "Delay": faults.Arm(new FaultRule { Path = path, Kind = FaultKind.Delay, DelayMs = 1500 }); break;
                case "Status429": faults.Arm(new FaultRule { Path = path, Kind = FaultKind.Status429, RetryAfterSeconds = 0 }); break;
                default:
                    bool afterCommit = kind.StartsWith("Status") && kind.EndsWith("AfterCommit");
                    var faultKind = Enum.Parse<FaultKind>(afterCommit ? kind[..^"AfterCommit".Length] : kind);
                    faults.Arm(new FaultRule { Path = path, Kind = faultKind, AfterCommit = afterCommit });
                    break;
            }
            operations.Add(isWallet ? await PayAsync(wallet, random, kind) : await TopUpAsync(topUp, random, kind));
            faults.Clear();
        }

        // Let delayed operations commit before judging them against the ledger.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var ledger = sandbox.Service<MoneyLedger>().Snapshot();
        var booked = ledger.Where(e => e.Api == "TopUp" || !e.Reference.EndsWith("-FEE") && !e.Reference.EndsWith("-CB"))
            .GroupBy(e => (e.Api, e.Reference)).ToDictionary(g => g.Key, g => g.Count());

        int doubles = booked.Count(b => b.Value > 1);
        var phantoms = operations.Where(o => o.Outcome == Outcome.Failed && booked.ContainsKey((o.Api, o.Reference))).ToList();
        var missing = operations.Where(o => o.Outcome == Outcome.Succeeded && !booked.ContainsKey((o.Api, o.Reference))).ToList();
        int unknown = operations.Count(o => o.Outcome == Outcome.StateUnknown), resolved = 0;
        foreach (var op in operations.Where(o => o.Outcome == Outcome.StateUnknown))
        {
            bool executed = op.Api == "Wallet" ? await InWalletHistory(wallet, op.Reference) : await TopUpSucceeded(topUp, op.Reference);
            Assert.True(executed == booked.ContainsKey((op.Api, op.Reference)), $"the follow-up lookup of {op.Api} {op.Reference} agrees with the ledger");
            resolved++;
        }

        _output.WriteLine($"Fault soak: {operations.Count} operations ({operations.Count(o => o.Api == "Wallet")} Wallet payments, {operations.Count(o => o.Api == "TopUp")} top-ups)");
        _output.WriteLine("Faults injected: " + string.Join(", ", injected.Where(k => k.Key != "none").Select(k => $"{k.Key} {k.Value}")));
        _output.WriteLine($"Succeeded {operations.Count(o => o.Outcome == Outcome.Succeeded)} (reconciled after a lost answer: {operations.Count(o => o.Reconciled)}), " +
                          $"failed {operations.Count(o => o.Outcome == Outcome.Failed)}, state unknown {unknown} (resolved by lookup: {resolved})");
        _output.WriteLine($"Executed twice: {doubles}; executed while reported failed: {phantoms.Count}; reported succeeded but not booked: {missing.Count}");
        foreach (var f in operations.Where(o => o.Outcome == Outcome.Failed).GroupBy(o => o.Fault)) _output.WriteLine($"  failed under {f.Key}: {f.Count()} ({f.First().Error})");

        Assert.Equal(0, doubles);
        Assert.Empty(phantoms);
        Assert.Empty(missing);
        Assert.Equal(unknown, resolved);
        Assert.True(operations.Count(o => o.Outcome == Outcome.Succeeded) >= operations.Count / 2, "most operations still succeed under faults");
    }

    private static async Task<Operation> PayAsync(WalletClient wallet, Random random, string fault)
    {
        string trace = "SOAK-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        decimal amount = 1.00m + random.Next(0, 51) / 100m;
        try
        {
            var receipt = await wallet.ExecutePaymentAsync(new WalletPaymentRequest(3, amount) { TransferTypeId = 14, TraceNumber = trace, Description = "soak" });
            return new Operation("Wallet", trace, Outcome.Succeeded, fault, receipt.Reconciled, null);
        }
        catch (PayNetStateUnknownException e) { return new Operation("Wallet", trace, Outcome.StateUnknown, fault, false, e.Message); }
        catch (PayNetException e) { return new Operation("Wallet", trace, Outcome.Failed, fault, false, e.Category + ": " + e.Message); }
    }

    private static async Task<Operation> TopUpAsync(TopUpClient topUp, Random random, string fault)
    {
        string external = "soak-" + Guid.NewGuid().ToString("N")[..20];
        decimal amount = 5m * random.Next(1, 5);
        try
        {
            var reserved = await topUp.CheckAsync(new TopUpRequest { Product = "et-mc", Account = "971550000000", Amount = amount, ExternalId = external });
            var done = await topUp.ConfirmAsync(reserved, amount);
            var outcome = done.State == TopUpState.Success ? Outcome.Succeeded : done.IsFinal ? Outcome.Failed : Outcome.StateUnknown;
            return new Operation("TopUp", external, outcome, fault, done.Reconciled, done.IsFinal ? null : done.State.ToString());
        }
        catch (PayNetStateUnknownException e) { return new Operation("TopUp", external, Outcome.StateUnknown, fault, false, e.Message); }
        catch (PayNetException e) { return new Operation("TopUp", external, Outcome.Failed, fault, false, e.Category + ": " + e.Message); }
    }

    private static async Task<bool> InWalletHistory(WalletClient wallet, string trace)
    {
        await foreach (var line in wallet.GetStatementAsync(pageSize: 100))
            if (string.Equals(line.TraceNumber, trace, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static async Task<bool> TopUpSucceeded(TopUpClient topUp, string external)
    {
        try
        {
            var found = await topUp.FindAsync(externalId: external);
            return found.State == TopUpState.Success;
        }
        catch (PayNetException e) when (e.Category == PayNetErrorCategory.NotFound)
        {
            return false;
        }
    }
}
