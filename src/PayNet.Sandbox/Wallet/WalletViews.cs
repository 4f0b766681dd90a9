using System.Globalization;

namespace PayNet.Sandbox.Wallet;

/// <summary>The value objects of §5 as they go on the wire (nulls are dropped by the serializer).</summary>
internal static class WalletViews
{
    public static string FormatDate(DateTimeOffset at) =>
        at.UtcDateTime.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static object Currency()
    {
        var c = WalletSeed.Currency;
        return new { id = c.Id, symbol = c.Symbol, name = c.Name, pattern = c.Pattern };
    }

    public static object AccountType(long typeId) => new { id = typeId, name = AccountTypes.NameOf(typeId), currency = Currency() };

    /// <summary>
    /// MemberVO (§5.5) in the seed's order and spelling (<c>mobileNumber</c>, never the other deployments'
    /// <c>mobileNo</c>); the profile variant carries customValues.
    /// </summary>
    public static object Member(WalletMember m, bool profile = false) => new
    {
        id = m.Id,
        name = m.Name,
        username = m.Username,
        email = m.Email,
        groupId = m.GroupId,
        mobileNumber = m.MobileNo,
        status = m.LoginBlocked ? "BLOCKED" : "ACTIVE",
        notificationLanguage = "ENGLISH",
        customValues = profile ? Array.Empty<object>() : null,
    };

    /// <summary>MemberAccountVO (§5.7); <c>default</c> is repeated for older clients.</summary>
    public static object MemberAccount(WalletAccount a) => new { id = a.Id, isDefault = a.IsDefault, @default = a.IsDefault, type = AccountType(a.TypeId) };

    public static object AccountStatus(WalletAccount a) => new
    {
        balance = WalletMoney.Wire(a.Balance),
        formattedBalance = WalletMoney.Format(a.Balance),
        availableBalance = WalletMoney.Wire(a.Available),
        formattedAvailableBalance = WalletMoney.Format(a.Available),
        reservedAmount = WalletMoney.Wire(a.Reserved),
        formattedReservedAmount = WalletMoney.Format(a.Reserved),
        creditLimit = WalletMoney.Wire(a.CreditLimit),
        formattedCreditLimit = WalletMoney.Format(a.CreditLimit),
    };

    public static object TransferType(WalletTransferType t, long fromType, long toType) =>
        new { id = t.Id, name = t.Name, from = AccountType(fromType), to = AccountType(toType) };

    public static object Fee(FeeLine fee) => new { name = fee.Name, amount = WalletMoney.Wire(fee.Amount), formattedAmount = WalletMoney.Format(fee.Amount) };

    /// <summary>AccountHistoryTransferVO (§5.9) seen from <paramref name="viewed"/>: debits negative.</summary>
    public static object HistoryLine(WalletState state, WalletTransfer t, WalletAccount viewed)
    {
        var from = state.Accounts[t.FromAccountId];
        var to = state.Accounts[t.ToAccountId];
        bool debit = viewed.Id == from.Id;
        var counterpart = debit ? to : from;
        decimal signed = debit ? -t.Amount : t.Amount;
        var fromMember = state.OwnerOf(from);
        var otherMember = state.OwnerOf(counterpart);
        bool hasFields = t.CustomValues.Count > 0;
        return new
        {
            id = t.Id,
            date = t.Date,
            formattedDate = FormatDate(t.Date),
            processDate = t.ProcessDate,
            formattedProcessDate = t.ProcessDate is { } processed ? FormatDate(processed) : null,
            amount = WalletMoney.Wire(signed),
            formattedAmount = WalletMoney.Format(signed),
            status = t.Status,
            transferType = TransferType(state.Rules.Types[t.TypeId], from.TypeId, to.TypeId),
            description = t.Description,
            fromMember = fromMember is null ? null : Member(fromMember),
            member = otherMember is null ? null : Member(otherMember),
            fromSystemAccountName = from.IsSystem ? from.TypeName : null,
            systemAccountName = counterpart.IsSystem ? counterpart.TypeName : null,
            transactionNumber = t.TransactionNumber,
            traceNumber = t.TraceNumber,
            parentId = t.ParentId,
            fields = hasFields ? t.CustomValues.Select(kv => new { internalName = kv.Key, displayName = kv.Key, value = kv.Value }).ToArray() : null,
            fieldsMap = hasFields ? new Dictionary<string, string>(t.CustomValues) : null,
        };
    }

    /// <summary>InitialData (§5.13), the login payload.</summary>
    public static object InitialData(WalletState state, WalletMember m) => new
    {
        profile = Member(m, profile: true),
        requireTransactionPassword = state.RequiresTransactionPin(m),
        accounts = state.AccountsOf(m.Id).Select(MemberAccount).ToArray(),
        canMakeMemberPayments = true,
        canMakeSystemPayments = true,
        decimalCount = 2,
        decimalSeparator = ".",
        groupDetails = new
        {
            nature = "MEMBER",
            groupId = m.GroupId,
            groupName = m.IsMerchant ? "Merchants" : "Customers",
            description = "",
            languages = new[] { "en" },
        },
        credentialsExpired = false,
        @operator = false,
    };

    /// <summary>ResultPage (§5.10): 0-based page, page size, total before paging, the page's elements.</summary>
    public static Dictionary<string, object?> Page(int currentPage, int pageSize, int totalCount, IEnumerable<object> elements) => new()
    {
        ["currentPage"] = currentPage,
        ["pageSize"] = pageSize,
        ["totalCount"] = totalCount,
        ["elements"] = elements.ToArray(),
    };

    /// <summary>One page of a list; a page far beyond the end is empty, never an overflow.</summary>
    public static IEnumerable<T> Slice<T>(IReadOnlyList<T> items, int page, int size)
    {
        long skip = (long)page * size;
        return skip >= items.Count ? Array.Empty<T>() : items.Skip((int)skip).Take(size);
    }

    /// <summary>Reads currentPage/pageSize: defaults 0/10, page size clamped to 100, negatives refused.</summary>
    public static (int Page, int Size) Paging(WalletCall call)
    {
        int page = call.QueryInt("currentPage", 0);
        int size = call.QueryInt("pageSize", 10);
        if (page < 0) throw WalletErrors.Validation("'currentPage' must be 0 or more");
        if (size < 1) throw WalletErrors.Validation("'pageSize' must be 1 or more");
        return (page, Math.Min(size, 100));
    }
}
