using System.Globalization;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// §6.15: the transfer types the caller may use, read from the sandbox's own table (<see cref="WalletRules"/>),
/// and the payment data a payment form needs. Engine paths are camelCase; the kebab-case twins are served too,
/// since PayNet's own spelling is unknown.
/// </summary>
internal static class TransferTypeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Get("/transferTypes", WalletAuth.Session, TransferTypes);
        api.Get("/transfer-types", WalletAuth.Session, TransferTypes);
        api.Get("/payments/paymentData", WalletAuth.Session, PaymentData);
        api.Get("/payments/payment-data", WalletAuth.Session, PaymentData);
    }

    private static WalletReply TransferTypes(WalletCall call)
    {
        var (types, _) = Usable(call);
        return WalletReply.Ok("TransferTypes", types);
    }

    private static WalletReply PaymentData(WalletCall call)
    {
        var (types, payee) = Usable(call);
        var accountsStatus = call.State.AccountsOf(call.Member.Id)
            .ToDictionary(a => a.TypeId.ToString(CultureInfo.InvariantCulture), WalletViews.AccountStatus);
        return WalletReply.Ok("PaymentData", new
        {
            transferTypes = types,
            accountsStatus,
            toMember = payee is null ? null : WalletViews.Member(payee),
        });
    }

    /// <summary>
    /// The types whose source account type the caller holds and, when a payee is named, whose destination
    /// type the payee holds; in the asked currency (the tenant has one). Query: destination=MEMBER|SYSTEM,
    /// toMemberPrincipal or toMemberId, currencyId or currencySymbol.
    /// </summary>
    private static (List<object> Types, WalletMember? Payee) Usable(WalletCall call)
    {
        var state = call.State;
        var caller = call.Member;
        PaymentFamily? family = call.Query("destination")?.ToUpperInvariant() switch
        {
            null => null,
            "MEMBER" => PaymentFamily.Member,
            "SYSTEM" => PaymentFamily.System,
            var other => throw WalletErrors.Validation($"destination '{other}' is not MEMBER or SYSTEM"),
        };

        WalletMember? payee = null;
        if (call.Query("toMemberPrincipal") is { } principal)
            payee = state.FindByPrincipal(principal) ?? throw WalletErrors.MemberNotFound($"No member '{principal}'");
        else if (call.Query("toMemberId") is { } idText)
        {
            if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
                throw WalletErrors.Validation($"toMemberId '{idText}' is not a number");
            payee = state.Members.GetValueOrDefault(id) ?? throw WalletErrors.MemberNotFound($"No member {id}");
        }
        if (payee is not null && payee.Id == caller.Id) throw WalletErrors.Validation("The payee must be another member");
        if (payee is not null && family == PaymentFamily.System)
            throw WalletErrors.Validation("A payee makes sense only with destination MEMBER");

        var result = new List<object>();
        if (!InTenantCurrency(call)) return (result, payee);

        var own = state.AccountsOf(caller.Id).Select(a => a.TypeId).ToHashSet();
        var payeeTypes = payee is null ? null : state.AccountsOf(payee.Id).Select(a => a.TypeId).ToHashSet();
        foreach (var type in state.Rules.Types.Values.OrderBy(t => t.Id))
        {
            if (type.Family == PaymentFamily.Internal) continue;
            if (family is { } wanted && type.Family != wanted) continue;
            if (payee is not null && type.Family != PaymentFamily.Member) continue;
            // Add money starts at the gateway's system account: any member who holds its destination may use it.
            long? from = type.FromTypes.Where(t => own.Contains(t) || IsSystemType(t)).Cast<long?>().FirstOrDefault();
            long? to = type.ToTypes.Where(t => payeeTypes is null ? true : payeeTypes.Contains(t)).Cast<long?>().FirstOrDefault();
            if (from is null || to is null) continue;
            if (IsSystemType(from.Value) && !own.Contains(to.Value)) continue;
            result.Add(WalletViews.TransferType(type, from.Value, to.Value));
        }
        return (result, payee);
    }

    private static bool IsSystemType(long accountType) =>
        accountType is AccountTypes.GatewayClearing or AccountTypes.FeeRevenue or AccountTypes.Promotions;

    private static bool InTenantCurrency(WalletCall call)
    {
        var currency = WalletSeed.Currency;
        if (call.Query("currencyId") is { } idText)
            return long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                ? id == currency.Id
                : throw WalletErrors.Validation($"currencyId '{idText}' is not a number");
        if (call.Query("currencySymbol") is { } symbol)
            return symbol == currency.Symbol || string.Equals(symbol, currency.Name, StringComparison.OrdinalIgnoreCase);
        return true;
    }
}
