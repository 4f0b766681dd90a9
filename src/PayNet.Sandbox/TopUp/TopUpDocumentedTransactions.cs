namespace PayNet.Sandbox.TopUp;

/// <summary>
/// The checked (state -1) transactions that the providers' confirm examples name, reserved on the main POS at
/// every reset, so the seeds' confirm requests run unchanged against the sandbox (topup.md §12.3): seed 004
/// confirms Direct Recharge "order-12345" (et-mc, 971550000000, 50 AED; its check is the Direct Recharge check
/// example), seed 001 confirms International Bridge "69d-7c9-5f1-098-494" (amount id 389c..., 100 INR to
/// 911234567890 with MTNL). Both accounts end in a suffix that succeeds at once (§12.5). The documentation's
/// own Direct Recharge check example uses "order-12345" too: a check with that external id replaces the
/// reservation while it is unconfirmed, so the documented check-then-confirm flow works as well.
/// </summary>
public static class TopUpDocumentedTransactions
{
    public const string DirectRechargeExternalId = "order-12345";
    public const string DirectRechargeId = "abc-123-def-456";
    public const string BridgeId = "69d-7c9-5f1-098-494";

    public static void Seed(TopUpState state, TopUpSandboxOptions options, DateTimeOffset at)
    {
        var recharge = TopUpCatalogue.FindService("et-mc", options.IntlMode)!;
        state.Add(new TopUpTransaction
        {
            Id = DirectRechargeId,
            PosId = options.PosId,
            ExternalId = DirectRechargeExternalId,
            Service = recharge,
            Customer = "971550000000",
            Account = "971550000000",
            Scenario = TopUpScenarios.SuffixOf("971550000000"),
            CreatedAt = at,
            Documented = true,
            Amount = 50m,
            AmountCurrency = "AED",
            Price = 50m,
        });

        if (TopUpCatalogue.FindService(TopUpCatalogue.BridgeId, options.IntlMode) is not { } bridge) return;
        var amount = TopUpCatalogue.BridgeAmount(TopUpCatalogue.DocumentedBridgeAmountId)!;
        var provider = TopUpCatalogue.BridgeProvider(amount.ProviderId)!;
        state.Add(new TopUpTransaction
        {
            Id = BridgeId,
            PosId = options.PosId,
            Service = bridge,
            Account = "911234567890",
            Scenario = TopUpScenarios.SuffixOf("911234567890"),
            CreatedAt = at,
            Documented = true,
            Amount = amount.Amount,
            AmountCurrency = amount.Currency,
            Price = amount.Price,
            BridgeAmount = amount,
            BridgeCountry = TopUpCatalogue.BridgeCountry(provider.CountryId),
            BridgeProvider = provider,
        });
    }
}
