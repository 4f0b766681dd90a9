using System.Text.Json;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Journal;
using PayNet.Core.Money;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.Sandbox;
using PayNet.Sandbox.Control;

namespace PayNet.Core.Tests.Reliability;

/// <summary>What the caller was told about one op.</summary>
public enum SoakStatus { Succeeded, Unknown, Failed, Invalid, Cancelled, Read }

public sealed record SoakOutcome(SoakOp Op, string Api, string Reference, SoakStatus Status, decimal? Amount = null, string? Currency = null,
    string? Payee = null, string? Message = null)
{
    /// <summary>An earlier op of the sequence already took this reference (same API).</summary>
    public bool ReferenceTaken { get; init; }

    /// <summary>Reported as accepted but not finished (add money awaiting the gateway): its booking may later fail without money.</summary>
    public bool Pending { get; init; }
}

/// <summary>
/// One money movement as the sandbox holds it: in the ledger, pending, or (Card) a refund request. HoldsNoMoney marks a
/// transfer that was pending and then failed at the gateway: it existed (a Pending report of it was true) but moved nothing.
/// </summary>
public sealed record SoakBooking(string Api, string Reference, decimal Amount, string? Currency, string? Payee, bool HoldsNoMoney = false);

/// <summary>
/// A sandbox of its own and the clients of one soak thread, and the executor of one op: every money move goes through
/// the public Core API with the amount read by the strict parser, under the op's fault and cancellation.
/// </summary>
public sealed class SoakWorld : IAsyncDisposable
{
    public const string Payee = "86888", Merchant = "9555";
    private const string WalletRoot = "/wallet/api/";
    private SandboxServer _sandbox = null!;
    private HttpClient _control = null!;
    private FaultInjector _faults = null!;
    private WalletClient _payer = null!, _merchant = null!;
    private TopUpClient _topUp = null!;
    private CardClient _card = null!;
    private string[] _refundable = Array.Empty<string>();
    private HashSet<int> _seededRequests = new();
    private string? _staticQr;
    private readonly string _journalRoot = Path.Combine(Path.GetTempPath(), "paynet-soak-journal-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<PayNetClientOptions> _clientOptions = new();
    private int _sequence;

    /// <summary>
    /// The journal of the current sequence: every client of the world writes to it, as a connection's clients do.
    /// A fresh directory per sequence, because the sandbox forgets its bookings at each reset and PayNet never does:
    /// a reference reused after a reset is a new move to the sandbox but would read as the same one in a shared journal.
    /// </summary>
    public FileMoneyJournal Journal { get; private set; } = null!;

    public static async Task<SoakWorld> StartAsync()
    {
        var world = new SoakWorld();
        world.UseNewJournal();
        world._sandbox = await SandboxServer.StartAsync(o =>
        {
            o.Wallet.RateLimitPerDay = 10_000_000;
            o.TopUp.StartingBalance = 10_000_000m;
        });
        world._control = new HttpClient { BaseAddress = world._sandbox.RootUri };
        world._faults = world._sandbox.Service<FaultInjector>();
        var o = world._sandbox.Options;
        world.NewWalletClients();
        world._topUp = new TopUpClient(new TopUpCredentials(o.TopUp.PosId, new SecretString(o.TopUp.Token)), world.Options(world._sandbox.TopUpUri),
            new TopUpSettings { PollInitialInterval = TimeSpan.FromMilliseconds(20), PollMaxInterval = TimeSpan.FromMilliseconds(100), PollTimeout = TimeSpan.FromSeconds(5) });
        world._card = new CardClient(new SecretString(o.Card.SecretKey), world.Options(world._sandbox.CardUri));
        var xacts = new List<string>();
        foreach (var id in new[] { "1000001", "1000002", "1000003", "1000007" })
        {
            try { xacts.Add((await world._card.GetDetailAsync(id: id)).XactId!); }
            catch (PayNetException) { }
        }
        world._refundable = xacts.ToArray();
        return world;
    }

    /// <summary>Short timeouts so faults bite; a settle re-check spread over about three seconds; the world's journal.</summary>
    private PayNetClientOptions Options(Uri uri)
    {
        var options = new PayNetClientOptions(uri)
        {
            Timeout = TimeSpan.FromMilliseconds(500),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            SettleTimeout = TimeSpan.FromSeconds(8),
            SettleDelays = new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5) },
            Journal = Journal,
        };
        _clientOptions.Add(options);
        return options;
    }

    /// <summary>Points every client of the world at a new, empty journal directory (the options are the clients' own, read at each move).</summary>
    private void UseNewJournal()
    {
        Journal = new FileMoneyJournal(Path.Combine(_journalRoot, "sequence-" + (++_sequence)));
        foreach (var options in _clientOptions) options.Journal = Journal;
    }

    /// <summary>Every entry of the current sequence's journal, and the warnings the tolerant reader gave (none are expected).</summary>
    public (List<JournalEntry> Entries, List<string> Warnings) JournalEntries()
    {
        var warnings = new List<string>();
        var entries = Journal.Read(new JournalQuery(), warnings.Add).ToList();
        return (entries, warnings);
    }

    /// <summary>
    /// Wallet clients of their own for each sequence: the reset sandbox numbers transfers from 90001 again, which real
    /// PayNet never does, and a client remembers the transfers its earlier sends of a trace number were reported as.
    /// </summary>
    private void NewWalletClients()
    {
        _payer?.Dispose();
        _merchant?.Dispose();
        var o = _sandbox.Options;
        var settings = new WalletSettings();
        settings.DailyCallBudget = 10_000_000;
        _payer = new WalletClient(new WalletCredentials(new SecretString(o.Wallet.ApiKey), o.Wallet.Principal, new SecretString(o.Wallet.Pin)), Options(_sandbox.WalletUri), settings);
        var merchantSettings = new WalletSettings();
        merchantSettings.DailyCallBudget = 10_000_000;
        _merchant = new WalletClient(new WalletCredentials(new SecretString(o.Wallet.ApiKey), Merchant, new SecretString("0000")), Options(_sandbox.WalletUri), merchantSettings);
    }

    public async Task ResetAsync()
    {
        (await _control.PostAsync("/__sandbox/reset", null)).EnsureSuccessStatusCode();
        NewWalletClients();
        _staticQr = null;
        UseNewJournal();
        _seededRequests = (await CardRequestsAsync()).Select(r => r.Id).ToHashSet();
    }

    public async Task<SoakOutcome> RunAsync(SoakOp op)
    {
        string api = op.Move switch { SoakMove.TopUp or SoakMove.TopUpLookup => "TopUp", SoakMove.Refund => "Card", _ => "Wallet" };
        string reference = op.Move == SoakMove.Refund ? _refundable[op.Pick % _refundable.Length] : op.Reference;
        decimal amount = 0m;
        bool full = op.Move == SoakMove.Refund && op.AmountText == "full";
        if (op.MovesMoney && !full && !AmountText.TryParse(op.AmountText, out amount, out string why))
            return new SoakOutcome(op, api, reference, SoakStatus.Invalid, Message: why);

        Arm(op);
        using var cancel = new CancellationTokenSource();
        if (op.CancelAfterMs is int ms) cancel.CancelAfter(ms);
        var ct = cancel.Token;
        try
        {
            switch (op.Move)
            {
                case SoakMove.MemberPayment:
                    return Paid(op, await _payer.ExecutePaymentAsync(new WalletPaymentRequest(Payee, amount) { TraceNumber = op.Reference }, null, ct), Payee);
                case SoakMove.Withdrawal:
                    return Paid(op, await _payer.WithdrawAsync(amount, "0123456789", traceNumber: op.Reference, cancellationToken: ct), "system");
                case SoakMove.AddMoney:
                    return Paid(op, await _payer.AddMoneyAsync(amount, traceNumber: op.Reference, cancellationToken: ct), "system");
                case SoakMove.QrStatic:
                    _staticQr ??= (await _merchant.CreateQrAsync(description: "soak static")).QrString;
                    return Paid(op, await _payer.PayQrAsync(_staticQr, amount, traceNumber: op.Reference, cancellationToken: ct), Merchant);
                case SoakMove.QrDynamic:
                    var qr = await _merchant.CreateQrAsync(amount, "soak dynamic", cancellationToken: ct);
                    return Paid(op, await _payer.PayQrAsync(qr.QrString, traceNumber: op.Reference, cancellationToken: ct), Merchant);
                case SoakMove.TopUp:
                    string account = "9715" + Random.Shared.Next(100000, 999999) + "00";
                    var reserved = await _topUp.CheckAsync(new TopUpRequest { Product = "et-mc", Account = account, Amount = amount, ExternalId = op.Reference }, ct);
                    var done = await _topUp.ConfirmAsync(reserved, amount, cancellationToken: ct);
                    var status = done.State is TopUpState.Failed or TopUpState.Cancelled ? SoakStatus.Failed : SoakStatus.Succeeded;
                    return new SoakOutcome(op, api, done.ExternalId ?? op.Reference, status, done.Price ?? done.Amount, done.PriceCurrency ?? "AED", done.Account ?? account);
                case SoakMove.Refund:
                    var refund = await _card.RequestRefundAsync(reference, full ? null : amount, cancellationToken: ct);
                    return new SoakOutcome(op, api, refund.XactId ?? reference, SoakStatus.Succeeded, refund.Amount, "TRY", reference);
                case SoakMove.HistoryLookup:
                    await foreach (var _ in _payer.GetStatementAsync(pageSize: 20, cancellationToken: ct)) break;
                    return new SoakOutcome(op, api, reference, SoakStatus.Read);
                default:
                    try { await _topUp.FindAsync(externalId: op.Reference, cancellationToken: ct); }
                    catch (PayNetException e) when (e.Category == PayNetErrorCategory.NotFound) { }
                    return new SoakOutcome(op, api, reference, SoakStatus.Read);
            }
        }
        catch (PayNetStateUnknownException unknown)
        {
            return new SoakOutcome(op, api, unknown.Reference ?? "", SoakStatus.Unknown, Message: unknown.Message);
        }
        catch (OperationCanceledException stopped)
        {
            return new SoakOutcome(op, api, reference, op.MovesMoney ? SoakStatus.Cancelled : SoakStatus.Read, Message: stopped.Message);
        }
        catch (PayNetException failed)
        {
            return new SoakOutcome(op, api, reference, op.MovesMoney ? SoakStatus.Failed : SoakStatus.Read, Message: failed.Message);
        }
        finally
        {
            _faults.Clear();
        }
    }

    /// <summary>
    /// A receipt is a success unless it says the transfer failed: a lost answer settled from the history returns the
    /// transfer as it stands, and an add money the gateway failed meanwhile comes back Failed (the journal says Failed too).
    /// </summary>
    private static SoakOutcome Paid(SoakOp op, WalletPaymentReceipt receipt, string payee) =>
        receipt.State is WalletTransferState.Failed or WalletTransferState.Denied or WalletTransferState.Canceled or WalletTransferState.Blocked
            ? new(op, "Wallet", receipt.TraceNumber, SoakStatus.Failed, receipt.Amount, receipt.Currency, payee, $"the receipt says {receipt.StateName}")
            : new(op, "Wallet", receipt.TraceNumber, SoakStatus.Succeeded, receipt.Amount, receipt.Currency, payee) { Pending = receipt.Pending };

    private void Arm(SoakOp op)
    {
        if (op.Fault == SoakFault.None) return;
        string path = op.Move switch
        {
            SoakMove.MemberPayment => WalletRoot + "payments/confirm/member-payment",
            SoakMove.Withdrawal or SoakMove.AddMoney => WalletRoot + "payments/confirm/system-payment",
            SoakMove.QrStatic or SoakMove.QrDynamic => WalletRoot + "qr/pay",
            SoakMove.TopUp => "/topup/transaction/confirm",
            SoakMove.Refund => "/card/v1/transaction/reversed_request",
            SoakMove.HistoryLookup => WalletRoot + "accounts/default/history",
            _ => "/topup/transaction/find",
        };
        var (kind, afterCommit) = op.Fault switch
        {
            SoakFault.Status500Before => (FaultKind.Status500, false),
            SoakFault.Status503Before => (FaultKind.Status503, false),
            SoakFault.Status500AfterCommit => (FaultKind.Status500, true),
            SoakFault.DropAfterCommit => (FaultKind.DropAfterCommit, false),
            SoakFault.Malformed => (FaultKind.Malformed, false),
            SoakFault.UnreadableAfterCommit => (FaultKind.UnreadableAfterCommit, false),
            SoakFault.DelayAfterCommit => (FaultKind.DelayAfterCommit, false),
            SoakFault.LateBooking => (FaultKind.Delay, false),
            _ => (FaultKind.Status429, false),
        };
        _faults.Arm(new FaultRule { Path = path, Kind = kind, AfterCommit = afterCommit, DelayMs = 900, RetryAfterSeconds = 0, Count = 1 });
    }

    /// <summary>
    /// Waits (up to 15 s) until no faulted request is still running in the sandbox, so a late booking lands before the
    /// ledger is judged and never after the next sequence's reset, however loaded the machine is.
    /// </summary>
    public async Task WaitForLateBookingsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_faults.InFlightCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
    }

    /// <summary>Everything the sandbox booked since the reset: ledger entries, pending Wallet transfers, new Card refund requests.</summary>
    public async Task<List<SoakBooking>> BookingsAsync()
    {
        var bookings = new List<SoakBooking>();
        using (var ledger = JsonDocument.Parse(await _control.GetStringAsync("/__sandbox/ledger")))
        {
            foreach (var e in ledger.RootElement.GetProperty("entries").EnumerateArray())
            {
                string api = e.GetProperty("api").GetString()!, reference = e.GetProperty("reference").GetString()!;
                if (api == "Card") continue; // refunds are judged by their requests below
                if (api == "Wallet" && (reference.EndsWith("-FEE", StringComparison.Ordinal) || reference.EndsWith("-CB", StringComparison.Ordinal) || reference.EndsWith("-DS", StringComparison.Ordinal))) continue;
                bookings.Add(new SoakBooking(api, reference, e.GetProperty("amount").GetDecimal(), e.GetProperty("currency").GetString(),
                    e.TryGetProperty("payee", out var p) ? p.GetString() : null));
            }
        }
        using (var pending = JsonDocument.Parse(await _control.GetStringAsync("/__sandbox/pending-transfers")))
        {
            foreach (var t in pending.RootElement.GetProperty("transfers").EnumerateArray())
            {
                if (t.GetProperty("reference").GetString() is string reference)
                    bookings.Add(new SoakBooking("Wallet", reference, t.GetProperty("amount").GetDecimal(), null, "system"));
            }
            foreach (var t in pending.RootElement.GetProperty("settledWithoutMoney").EnumerateArray())
            {
                if (t.GetProperty("reference").GetString() is string reference)
                    bookings.Add(new SoakBooking("Wallet", reference, t.GetProperty("amount").GetDecimal(), null, "system", HoldsNoMoney: true));
            }
        }
        foreach (var r in await CardRequestsAsync())
        {
            if (!_seededRequests.Contains(r.Id)) bookings.Add(new SoakBooking("Card", r.Xact, r.Amount, "TRY", r.Xact));
        }
        return bookings;
    }

    private async Task<List<(int Id, string Xact, decimal Amount)>> CardRequestsAsync()
    {
        using var state = JsonDocument.Parse(await _control.GetStringAsync("/__sandbox/card/state"));
        return state.RootElement.GetProperty("reversalRequests").EnumerateArray()
            .Select(r => (r.GetProperty("requestId").GetInt32(), r.GetProperty("originalXactId").GetString()!, r.GetProperty("amount").GetDecimal()))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _payer.Dispose();
        _merchant.Dispose();
        _topUp.Dispose();
        _card.Dispose();
        _control.Dispose();
        await _sandbox.DisposeAsync();
        try { if (Directory.Exists(_journalRoot)) Directory.Delete(_journalRoot, recursive: true); }
        catch (IOException) { }
    }
}
