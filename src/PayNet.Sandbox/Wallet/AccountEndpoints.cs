using System.Globalization;

namespace PayNet.Sandbox.Wallet;

/// <summary>Wallets, balances, history/statement and one transfer (§6.7, §6.8), plus the PROPOSED /wallets aliases.</summary>
internal static class AccountEndpoints
{
    private static readonly string[] DateFormats = { "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss" };

    public static void Map(RouteGroupBuilder api)
    {
        api.Get("/accounts", WalletAuth.Session, ListAccounts);
        api.Get("/wallets", WalletAuth.Session, ListAccounts);
        api.Get("/accounts/info", WalletAuth.Session, call => WalletReply.Ok("AccountsInfo",
            call.State.AccountsOf(call.Member.Id)
                .Select(a => new { account = WalletViews.MemberAccount(a), status = WalletViews.AccountStatus(a) })
                .ToArray()));

        foreach (string id in new[] { "default", "{id:long}" })
        {
            api.Get($"/accounts/{id}", WalletAuth.Session, OneAccount);
            api.Get($"/wallets/{id}", WalletAuth.Session, OneAccount);
            api.Get($"/accounts/{id}/status", WalletAuth.Session, Status);
            api.Get($"/wallets/{id}/balance", WalletAuth.Session, Status);
            api.Get($"/accounts/{id}/history", WalletAuth.Session, History);
            api.Get($"/accounts/{id}/statement", WalletAuth.Session, History);
        }
        api.Get("/accounts/transfer-data/{transferId:long}", WalletAuth.Session, TransferData);
    }

    private static WalletReply ListAccounts(WalletCall call) =>
        WalletReply.Ok("MemberAccounts", call.State.AccountsOf(call.Member.Id).Select(WalletViews.MemberAccount).ToArray());

    private static WalletAccount Addressed(WalletCall call) => call.State.OwnAccount(call.Member, call.Route("id") ?? "default");

    private static WalletReply OneAccount(WalletCall call) => WalletReply.Ok("MemberAccount", WalletViews.MemberAccount(Addressed(call)));

    private static WalletReply Status(WalletCall call) => WalletReply.Ok("AccountStatus", WalletViews.AccountStatus(Addressed(call)));

    /// <summary>§11.5: newest first, dates inclusive by UTC calendar day, totalCount before paging.</summary>
    private static WalletReply History(WalletCall call)
    {
        var state = call.State;
        var account = Addressed(call);
        var (page, size) = WalletViews.Paging(call);
        DateOnly? begin = Day(call, "beginDate"), end = Day(call, "endDate");
        if (begin > end) throw WalletErrors.Validation("'beginDate' is after 'endDate'");
        var counterpart = Counterpart(call);

        var lines = state.Transfers.Values
            .Where(t => t.FromAccountId == account.Id || t.ToAccountId == account.Id)
            .Where(t => begin is null || DateOnly.FromDateTime(t.Date.UtcDateTime) >= begin)
            .Where(t => end is null || DateOnly.FromDateTime(t.Date.UtcDateTime) <= end)
            .Where(t => counterpart is null || state.Accounts[t.FromAccountId == account.Id ? t.ToAccountId : t.FromAccountId].MemberId == counterpart.Id)
            .OrderByDescending(t => t.Date).ThenByDescending(t => t.Id)
            .ToList();
        var result = WalletViews.Page(page, size, lines.Count,
            WalletViews.Slice(lines, page, size).Select(t => WalletViews.HistoryLine(state, t, account)));
        result["accountStatus"] = WalletViews.AccountStatus(account);
        return WalletReply.Ok("AccountHistoryResultPage", result);
    }

    /// <summary>§6.7.2: one transfer, seen from the caller's account; 404 when the caller is not a party.</summary>
    private static WalletReply TransferData(WalletCall call)
    {
        var state = call.State;
        long id = call.RouteId("transferId", "Transfer");
        var transfer = state.Transfers.GetValueOrDefault(id);
        var from = transfer is null ? null : state.Accounts[transfer.FromAccountId];
        var to = transfer is null ? null : state.Accounts[transfer.ToAccountId];
        var viewed = from?.MemberId == call.Member.Id ? from : to?.MemberId == call.Member.Id ? to : null;
        if (transfer is null || viewed is null) throw WalletErrors.NotFound($"Transfer {id} was not found");
        var counterpart = viewed == from ? to! : from!;
        return WalletReply.Ok("TransferDataVO", new
        {
            accountHistoryTransfer = WalletViews.HistoryLine(state, transfer, viewed),
            canAddRelatedMemberAsContact = counterpart.MemberId is not null && counterpart.MemberId != call.Member.Id,
        });
    }

    private static DateOnly? Day(WalletCall call, string name)
    {
        string? text = call.Query(name);
        if (text is null) return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out at))
            return DateOnly.FromDateTime(at);
        throw WalletErrors.Validation($"'{name}' must be a date (yyyy-MM-dd)");
    }

    private static WalletMember? Counterpart(WalletCall call)
    {
        if (call.Query("memberId") is { } idText)
        {
            if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
                throw WalletErrors.Validation("'memberId' must be a whole number");
            return call.State.Members.GetValueOrDefault(id) ?? throw WalletErrors.MemberNotFound($"No member {id}");
        }
        if (call.Query("memberPrincipal") is { } principal)
            return call.State.FindByPrincipal(principal) ?? throw WalletErrors.MemberNotFound($"No member '{principal}'");
        return null;
    }
}
