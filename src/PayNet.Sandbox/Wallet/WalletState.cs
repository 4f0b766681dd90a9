using System.Globalization;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// Everything the Wallet emulator remembers. One lock (<see cref="Gate"/>) guards all of it: every
/// request runs its checks and its booking under it, so validation and booking never interleave.
/// </summary>
internal sealed class WalletState : ISandboxState
{
    public const long FirstTransferId = 90001;
    public const long FirstDisputeId = 70001;
    public const long FirstDocumentId = 60001;
    public const long FirstQrId = 50001;

    private long _nextTransferId, _nextDisputeId, _nextDocumentId, _nextQrId, _nextMemberId, _transactionSequence;

    public WalletState(SandboxOptions options, SandboxClock clock, MoneyLedger ledger)
    {
        Options = options.Wallet;
        Clock = clock;
        Ledger = ledger;
        Sessions = new WalletSessions(this);
        RateLimiter = new WalletRateLimiter(this);
        Rules = WalletRules.Create(Options);
        Reset();
    }

    public object Gate { get; } = new();
    public WalletSandboxOptions Options { get; }
    public SandboxClock Clock { get; }
    public MoneyLedger Ledger { get; }
    public WalletSessions Sessions { get; }
    public WalletRateLimiter RateLimiter { get; }
    public WalletRules Rules { get; private set; }

    public Dictionary<long, WalletMember> Members { get; } = new();
    public Dictionary<long, WalletAccount> Accounts { get; } = new();
    public SortedDictionary<long, WalletTransfer> Transfers { get; } = new();
    public List<WalletOtp> Otps { get; } = new();
    public Dictionary<string, WalletResource> Resources { get; } = new(StringComparer.Ordinal);
    public Dictionary<long, WalletAgreement> Agreements { get; } = new();
    public Dictionary<long, WalletQr> Qrs { get; } = new();
    public SortedDictionary<long, WalletDispute> Disputes { get; } = new();
    public SortedDictionary<long, WalletDocument> Documents { get; } = new();

    public DateTimeOffset Now => Clock.UtcNow;

    public void Reset()
    {
        lock (Gate)
        {
            Members.Clear();
            Accounts.Clear();
            Transfers.Clear();
            Otps.Clear();
            Resources.Clear();
            Agreements.Clear();
            Qrs.Clear();
            Disputes.Clear();
            Documents.Clear();
            Sessions.Clear();
            RateLimiter.Clear();
            Rules = WalletRules.Create(Options);
            _nextTransferId = FirstTransferId;
            _nextDisputeId = FirstDisputeId;
            _nextDocumentId = FirstDocumentId;
            _nextQrId = FirstQrId;
            _nextMemberId = WalletSeed.FirstRegisteredMemberId;
            _transactionSequence = 0;
            WalletSeed.Load(this, Options);
        }
    }

    public long NextTransferId() => _nextTransferId++;
    public long NextDisputeId() => _nextDisputeId++;
    public long NextDocumentId() => _nextDocumentId++;
    public long NextQrId() => _nextQrId++;
    public long NextMemberId() => _nextMemberId++;

    /// <summary>§11.5: <c>PN</c> + yyyyMMdd + 6-digit sequence.</summary>
    public string NextTransactionNumber() =>
        "PN" + Now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (++_transactionSequence).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Login principal: the username, or the mobile number it usually equals.</summary>
    public WalletMember? FindByLogin(string principal) =>
        Members.Values.FirstOrDefault(m => m.Username == principal) ?? Members.Values.FirstOrDefault(m => m.MobileNo == principal);

    /// <summary>Payee principal: username, mobile number or account number (§6.3.1).</summary>
    public WalletMember? FindByPrincipal(string principal)
    {
        var member = FindByLogin(principal);
        if (member is not null) return member;
        return long.TryParse(principal, NumberStyles.None, CultureInfo.InvariantCulture, out long accountId)
            && Accounts.TryGetValue(accountId, out var account) && account.MemberId is { } owner
            ? Members[owner]
            : null;
    }

    public WalletMember? FindByMobile(string mobile) => Members.Values.FirstOrDefault(m => m.MobileNo == mobile || m.Username == mobile);

    public IEnumerable<WalletAccount> AccountsOf(long memberId) =>
        Accounts.Values.Where(a => a.MemberId == memberId).OrderByDescending(a => a.IsDefault).ThenBy(a => a.Id);

    public WalletAccount DefaultAccount(long memberId) => AccountsOf(memberId).First(a => a.IsDefault);

    public WalletAccount? AccountOfType(long memberId, long typeId) => AccountsOf(memberId).FirstOrDefault(a => a.TypeId == typeId);

    /// <summary>The caller's own account, or 404 (another member's account id is not revealed).</summary>
    public WalletAccount OwnAccount(WalletMember member, string? idText)
    {
        if (string.Equals(idText, "default", StringComparison.OrdinalIgnoreCase)) return DefaultAccount(member.Id);
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            throw WalletErrors.Validation($"Account id '{idText}' is not a number");
        if (Accounts.TryGetValue(id, out var account) && account.MemberId == member.Id) return account;
        throw WalletErrors.NotFound($"Account {id} was not found");
    }

    /// <summary>InitialData.requireTransactionPassword: the tenant switch, or this member's own.</summary>
    public bool RequiresTransactionPin(WalletMember member) => Options.RequireTransactionPin || member.RequirePin;

    public WalletMember? OwnerOf(WalletAccount account) => account.MemberId is { } id ? Members[id] : null;
}
