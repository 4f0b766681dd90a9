using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PayNet.Sandbox.Card;

/// <summary>What a new transaction is made from; ids, bank codes and the §5 arithmetic are filled in by <see cref="CardData.Create"/>.</summary>
public sealed record CardDraft(
    string ReferenceNo,
    DateTime At,
    string XactType,
    string BankId,
    string CardType,
    decimal Amount,
    decimal Ratio = 0,
    bool IsTds = false,
    int Instalment = 0,
    bool Succeed = true,
    CardTransaction? Parent = null,
    string AgentId = "",
    decimal AgentShare = 0,
    string? CardNo = null,
    string? CardHolder = null,
    string Note = "",
    string Email = "",
    string Phone = "",
    bool AddCommission = false);

/// <summary>
/// One generation of the card data set: transactions, indexes and refund requests. /__sandbox/reset swaps in a
/// new one. Writers hold <see cref="CardState.Gate"/>; the check endpoint reads the concurrent indexes and the
/// pre-serialized rows without a lock.
/// </summary>
public sealed class CardData
{
    public const string CompanyCode = "10001";
    public const string CompanyName = "ACME TEST A.Ş.";
    public const string DealerId = "600222";
    public const string DealerName = "BAYI TEST LTD.";

    private readonly byte[] _hmacKey;
    private long _nextId = 1_000_001;
    private int _nextRequestId = 1;

    public CardData(ulong seed, decimal taxRate, bool emitBothNetSpellings)
    {
        Seed = seed;
        TaxRate = taxRate;
        EmitBothNetSpellings = emitBothNetSpellings;
        Random = new SplitMix64(seed);
        _hmacKey = BitConverter.GetBytes(seed);
    }

    public ulong Seed { get; }
    public decimal TaxRate { get; }
    public bool EmitBothNetSpellings { get; }
    public SplitMix64 Random { get; }

    /// <summary>Stable order of every listing: by xact_date, then id.</summary>
    public List<CardTransaction> Ordered { get; } = new();
    public ConcurrentDictionary<string, CardTransaction> ByXactId { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<long, CardTransaction> ById { get; } = new();
    public ConcurrentDictionary<string, CardTransaction[]> ByReference { get; } = new(StringComparer.Ordinal);
    public List<CardReversalRequest> Requests { get; } = new();

    public static int Compare(CardTransaction a, CardTransaction b)
    {
        int byDate = a.XactDate.CompareTo(b.XactDate);
        return byDate != 0 ? byDate : a.Id.CompareTo(b.Id);
    }

    /// <summary>`xk_EAAAA` + 40 characters of base64(HMAC-SHA256(seed, id)), `/` shown as `*` as in real ids.</summary>
    public string XactIdFor(long id)
    {
        byte[] mac = HMACSHA256.HashData(_hmacKey, Encoding.ASCII.GetBytes(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "xk_EAAAA" + Convert.ToBase64String(mac)[..40].Replace('/', '*');
    }

    public int NextRequestId() => _nextRequestId++;

    /// <summary>Builds a transaction from a draft and adds it to the indexes.</summary>
    public CardTransaction Create(CardDraft d, bool keepOrder = true)
    {
        long id = _nextId++;
        int code = Random.Between(1000, 10000);
        string holder = d.CardHolder ?? d.Parent?.CardHolder ?? Random.Pick(Holders);
        bool moneyIn = d.XactType is "S" or "CR";
        decimal comission = 0, tax = 0, net = d.Succeed ? d.Amount : 0;
        decimal companyShare = d.Succeed ? d.Amount - d.AgentShare : 0;
        (decimal Commission, decimal WithTax, decimal Net) company = (0, 0, companyShare), agent = (0, 0, d.Succeed ? d.AgentShare : 0);
        DateTime? companyVdate = null, agentVdate = null;
        decimal amount = d.Amount;
        if (d.Succeed && moneyIn && d.AddCommission)
        {
            // The card holder pays the commission: the card is charged base + commission + tax, net is the base.
            (comission, tax, _) = CardArithmetic.Totals(d.Amount, d.Ratio, TaxRate);
            amount = d.Amount + comission + tax;
            net = d.Amount;
            companyShare = amount;
            company = (comission, comission * (1 + TaxRate), amount - comission * (1 + TaxRate));
            companyVdate = CardArithmetic.NextBusinessDay(d.At);
        }
        else if (d.Succeed && moneyIn)
        {
            (comission, tax, net) = CardArithmetic.Totals(d.Amount, d.Ratio, TaxRate);
            company = CardArithmetic.Share(companyShare, d.Ratio, TaxRate);
            companyVdate = CardArithmetic.NextBusinessDay(d.At);
            if (d.AgentShare > 0)
            {
                agent = CardArithmetic.Share(d.AgentShare, d.Ratio, TaxRate);
                agentVdate = companyVdate;
            }
        }
        else if (d.Succeed && d.XactType is "CD" or "RC")
        {
            companyVdate = CardArithmetic.NextBusinessDay(d.At);
        }

        var t = new CardTransaction
        {
            Id = id,
            XactId = XactIdFor(id),
            XactTransactionId = Random.Guid(),
            ReferenceNo = d.ReferenceNo,
            XactDate = d.At,
            TransactionType = TransactionTypeOf(d.XactType),
            XactType = d.XactType,
            IsTds = d.IsTds,
            BankId = d.BankId,
            CardType = d.CardType,
            Instalment = d.Instalment,
            CardNo = d.CardNo ?? d.Parent?.CardNo ?? MaskedCard(d.BankId, code),
            CardHolder = holder,
            Amount = amount,
            Ratio = d.Ratio,
            Comission = comission,
            ComissionTax = tax,
            NetAmount = net,
            IsSucceed = d.Succeed,
            AuthorizationCode = d.Succeed ? $"aut-{code}" : "",
            ReferenceCode = d.Succeed ? $"ref-{code}" : "",
            OrderId = $"order-{code}",
            BankErrorMessage = d.Succeed ? "" : "Red - Onaylanmadı",
            AgentId = d.AgentId,
            AgentName = d.AgentId.Length > 0 ? DealerName : "",
            UserId = d.AgentId.Length > 0 ? "bayi." + d.AgentId : "acme.api",
            Note = d.Note,
            Email = d.Email.Length > 0 ? d.Email : d.Parent?.Email ?? EmailOf(holder),
            Phone = d.Phone.Length > 0 ? d.Phone : d.Parent?.Phone ?? $"+90532{code:D4}{id % 1000:D3}",
            IpAddress = $"192.0.2.{id % 250 + 1}",
            ClientId = Random.Guid().ToLowerInvariant(),
            RatioCode = moneyIn || d.XactType == "PR" ? (d.Instalment == 0 ? "PESIN" : $"T{d.Instalment}") : "",
            CompanyAmount = companyShare,
            CompanyCommission = company.Commission,
            CompanyCommissionWithTax = company.WithTax,
            CompanyNetAmount = company.Net,
            AgentAmount = d.Succeed ? d.AgentShare : 0,
            AgentCommission = agent.Commission,
            AgentCommissionWithTax = agent.WithTax,
            AgentNetAmount = agent.Net,
            CompanyVdate = companyVdate,
            AgentVdate = agentVdate,
            ParentId = d.Parent?.Id,
        };
        Add(t, keepOrder);
        return t;
    }

    private void Add(CardTransaction t, bool keepOrder)
    {
        RefreshRow(t);
        ById[t.Id] = t;
        ByXactId[t.XactId] = t;
        IndexReference(t);
        if (!keepOrder)
        {
            Ordered.Add(t);
            return;
        }
        int at = Ordered.BinarySearch(t, Comparer<CardTransaction>.Create(Compare));
        Ordered.Insert(at < 0 ? ~at : at, t);
    }

    public void SortAfterBulkLoad() => Ordered.Sort(Compare);

    /// <summary>Re-serializes the check row after a change the check endpoint can see.</summary>
    public void RefreshRow(CardTransaction t) => t.CheckRow = CardJson.CheckRow(t, EmitBothNetSpellings);

    public void ChangeReference(CardTransaction t, string reference)
    {
        if (reference == t.ReferenceNo) return;
        if (ByReference.TryGetValue(t.ReferenceNo, out var old))
        {
            var rest = old.Where(x => x.Id != t.Id).ToArray();
            if (rest.Length == 0) ByReference.TryRemove(t.ReferenceNo, out _);
            else ByReference[t.ReferenceNo] = rest;
        }
        t.ReferenceNo = reference;
        IndexReference(t);
    }

    private void IndexReference(CardTransaction t)
    {
        if (t.ReferenceNo.Length == 0) return;
        ByReference[t.ReferenceNo] = ByReference.TryGetValue(t.ReferenceNo, out var existing)
            ? existing.Append(t).OrderBy(x => x, Comparer<CardTransaction>.Create(Compare)).ToArray()
            : new[] { t };
    }

    public static int TransactionTypeOf(string xactType) => xactType switch
    {
        "S" => 1, "R" or "CD" => 2, "PR" => 3, "CR" => 4, "RP" => 5, "RC" => 6, "PK" => 10, "PI" => 11, _ => 1,
    };

    private static readonly string[] Holders =
    {
        "AHMET YILMAZ", "AYSE KAYA", "MEHMET DEMIR", "FATMA CELIK", "MUSTAFA SAHIN", "EMINE YILDIZ", "ALI OZTURK", "ZEYNEP AYDIN",
    };

    private static string EmailOf(string holder) =>
        holder.ToLowerInvariant().Replace(' ', '.') + "@example.com.tr";

    /// <summary>First six (a BIN of the programme) and last four digits, as Paynet masks cards.</summary>
    private static string MaskedCard(string bankId, int code) => bankId switch
    {
        "AXSS" => "435508",
        "BONS" => "540061",
        "MAXM" => "450803",
        "WRLD" => "540134",
        "PARF" => "528939",
        _ => "444444",
    } + "******" + code.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
