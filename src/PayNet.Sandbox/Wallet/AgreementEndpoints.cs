namespace PayNet.Sandbox.Wallet;

/// <summary>Agreements (PROPOSED, §6.10): the seeded "Terms of Use" and their acceptance per member.</summary>
internal static class AgreementEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Get("/agreements", WalletAuth.Session, call => WalletReply.Ok("Agreements", List(call)));
        api.Post("/agreements/accept", WalletAuth.Session, Accept);
    }

    private static WalletReply Accept(WalletCall call)
    {
        var state = call.State;
        var member = call.Member;
        if (!call.Body.Has("agreementIds")) throw WalletErrors.Validation("'agreementIds' is required");
        var ids = call.Body.LongList("agreementIds");
        if (ids.Count == 0) throw WalletErrors.Validation("'agreementIds' is empty");
        foreach (long id in ids)
            if (!state.Agreements.ContainsKey(id)) throw WalletErrors.NotFound($"Agreement {id} was not found");
        foreach (long id in ids)
            if (member.AcceptedAgreements.Add(id)) member.AgreementAcceptedAt[id] = state.Now;
        return WalletReply.Ok("Agreements", List(call), "Agreements accepted");
    }

    private static object[] List(WalletCall call)
    {
        var member = call.Member;
        return call.State.Agreements.Values.OrderBy(a => a.Id).Select(a => (object)new
        {
            id = a.Id,
            name = a.Name,
            version = a.Version,
            content = a.Content,
            required = a.Required,
            accepted = member.AcceptedAgreements.Contains(a.Id),
            acceptedAt = member.AgreementAcceptedAt.TryGetValue(a.Id, out var at) ? at : (DateTimeOffset?)null,
        }).ToArray();
    }
}
