using System.Security.Cryptography;
using System.Text;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.TopUp;

/// <summary>A point of sale: its secret token, whether it may sell, its AED balance and the last accepted key.</summary>
public sealed class TopUpPos
{
    public required int Id { get; init; }
    public required string Token { get; init; }
    public bool Active { get; set; } = true;
    public required string AgentName { get; init; }
    public required string AgentAddress { get; init; }
    public decimal Balance { get; set; }
    /// <summary>Null until the first successfully authenticated request.</summary>
    public long? LastKey { get; set; }
}

/// <summary>The three parts of a delivered voucher (top-level `info` of find and confirm).</summary>
public sealed record VoucherInfo(string Reference, string Number, string? Serial);

/// <summary>One transaction as the sandbox keeps it (more than the wire shows: scenario, poll counters, money flags).</summary>
public sealed class TopUpTransaction
{
    public required string Id { get; init; }
    public required int PosId { get; init; }
    public string? ExternalId { get; init; }
    public required TopUpService Service { get; init; }
    public string? Customer { get; init; }
    public required string Account { get; init; }
    /// <summary>Two-digit magic suffix (topup.md §12.5).</summary>
    public required string Scenario { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Direct recharge and vouchers: AED; intl: the destination's local amount (null until legacy confirm picks one).</summary>
    public decimal? Amount { get; set; }
    public required string AmountCurrency { get; init; }
    /// <summary>What the POS pays, in AED (null until legacy confirm picks a denomination).</summary>
    public decimal? Price { get; set; }
    public IReadOnlyList<LegacyDenomination>? OfferedAmounts { get; init; }
    public int? TypeId { get; set; }
    public BridgeAmount? BridgeAmount { get; init; }
    public BridgeCountry? BridgeCountry { get; init; }
    public BridgeProvider? BridgeProvider { get; init; }

    /// <summary>Checked with `"simulation": true` (seed 002, topup.md §9): runs through every state, moves no money.</summary>
    public bool Simulation { get; init; }

    /// <summary>Reserved at reset for a documented confirm example; a fresh check with its external id replaces it.</summary>
    public bool Documented { get; init; }

    public int State { get; set; } = -1;
    public string Error { get; set; } = "";
    public VoucherInfo? Info { get; set; }
    public bool Debited { get; set; }
    public bool Refunded { get; set; }
    public int FindCount { get; set; }
    public int ConfirmCount { get; set; }
    /// <summary>Set by the control surface: the scenario no longer moves the state.</summary>
    public bool Forced { get; set; }
    public int ForcedErrorCode { get; set; }
    public string? ForcedErrorMessage { get; set; }
    public int ForcedErrorCount { get; set; }

    public bool IsFinal => State is 1 or 2 or 3 or 4;
}

/// <summary>
/// Everything the TopUp emulator remembers. One lock guards it all: requests per POS must be ordered by
/// key anyway, and the emulator is not the load-tested API.
/// </summary>
public sealed class TopUpState : ISandboxState
{
    private readonly SandboxOptions _options;
    private readonly Dictionary<int, TopUpPos> _pos = new();
    private readonly Dictionary<string, TopUpTransaction> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(int PosId, string ExternalId), TopUpTransaction> _byExternalId = new();
    private readonly List<TopUpTransaction> _ordered = new();
    private readonly HashSet<string> _checkOutagesServed = new();
    private int _idCounter;

    public TopUpState(SandboxOptions options)
    {
        _options = options;
        Reset();
    }

    public object Gate { get; } = new();

    /// <summary>The POS that is seeded inactive, to exercise error 5: the configured one plus one.</summary>
    public static int InactivePosId(TopUpSandboxOptions options) => options.PosId + 1;

    public static string InactivePosToken(TopUpSandboxOptions options) => options.Token + "-inactive";

    public void Reset()
    {
        lock (Gate)
        {
            var o = _options.TopUp;
            _pos.Clear();
            _pos[o.PosId] = new TopUpPos
            {
                Id = o.PosId, Token = o.Token, AgentName = "Demo Agent #1", AgentAddress = "Dubai", Balance = o.StartingBalance,
            };
            _pos[InactivePosId(o)] = new TopUpPos
            {
                Id = InactivePosId(o), Token = InactivePosToken(o), Active = false,
                AgentName = "Demo Agent #2 (inactive)", AgentAddress = "Abu Dhabi", Balance = o.StartingBalance,
            };
            _byId.Clear();
            _byExternalId.Clear();
            _ordered.Clear();
            _checkOutagesServed.Clear();
            _idCounter = 0;
            if (o.SeedDocumentedTransactions) TopUpDocumentedTransactions.Seed(this, o, _options.StartTime);
        }
    }

    public TopUpPos? Pos(int id) => _pos.GetValueOrDefault(id);

    public IReadOnlyCollection<TopUpPos> AllPos => _pos.Values;

    public IReadOnlyList<TopUpTransaction> Transactions => _ordered;

    public TopUpTransaction? ById(int posId, string id) =>
        _byId.TryGetValue(id, out var t) && t.PosId == posId ? t : null;

    public TopUpTransaction? ByExternalId(int posId, string externalId) => _byExternalId.GetValueOrDefault((posId, externalId));

    /// <summary>For the control surface: a Paynet id, or else an external id of any POS.</summary>
    public TopUpTransaction? ByAnyId(string id) =>
        _byId.GetValueOrDefault(id) ?? _ordered.FirstOrDefault(t => t.ExternalId == id);

    /// <summary>
    /// True the first time a check outage (suffix 25) is served for this key, so only the first check fails.
    /// </summary>
    public bool TakeCheckOutage(string key) => _checkOutagesServed.Add(key);

    /// <summary>
    /// The next transaction id: `xxx-xxx-xxx-xxx-xxx` from the first 15 hex digits of md5(seed:n), so the same
    /// sequence of checks gives the same ids on every run.
    /// </summary>
    public string NextTransactionId()
    {
        string hex = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"paynet-topup-sandbox:{++_idCounter}")));
        return string.Join('-', Enumerable.Range(0, 5).Select(i => hex.Substring(i * 3, 3)));
    }

    /// <summary>Forgets a transaction (only a documented reservation that a fresh check replaces).</summary>
    public void Remove(TopUpTransaction transaction)
    {
        _byId.Remove(transaction.Id);
        if (transaction.ExternalId is not null) _byExternalId.Remove((transaction.PosId, transaction.ExternalId));
        _ordered.Remove(transaction);
    }

    public void Add(TopUpTransaction transaction)
    {
        _byId[transaction.Id] = transaction;
        if (transaction.ExternalId is not null) _byExternalId[(transaction.PosId, transaction.ExternalId)] = transaction;
        _ordered.Add(transaction);
    }
}
