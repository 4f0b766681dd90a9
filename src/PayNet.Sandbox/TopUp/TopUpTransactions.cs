using System.Text.Json;

namespace PayNet.Sandbox.TopUp;

/// <summary>`/transaction/check`, `/transaction/confirm` and `/transaction/find` (topup.md §4.4–§4.6, §12.4, §12.5).</summary>
public static class TopUpTransactions
{
    public static TopUpOutcome Check(TopUpRequest req)
    {
        if (!req.Pos.Active) return req.Error(TopUpErrors.PosNotActive);
        var body = req.Body;

        var productStatus = TopUpFields.String(body, "product", out string? product);
        if (productStatus != FieldStatus.Ok) return req.Error(TopUpErrors.BadRequest, "product must be a non-empty string");
        if (TopUpFields.Object(body, "fields", out var fields) != FieldStatus.Ok)
            return req.Error(TopUpErrors.BadRequest, "fields must be an object");
        if (TopUpFields.String(body, "external_transaction_id", out string? externalId) == FieldStatus.WrongType)
            return req.Error(TopUpErrors.BadRequest, "external_transaction_id must be a string");
        if (externalId is { Length: > 100 }) return req.Error(TopUpErrors.BadRequest, "external_transaction_id is too long");
        if (TopUpFields.String(fields, "customer", out string? customer) == FieldStatus.WrongType)
            return req.Error(TopUpErrors.BadRequest, "fields.customer must be a string");
        if (TopUpFields.String(fields, "account", out string? account) == FieldStatus.WrongType)
            return req.Error(TopUpErrors.BadRequest, "fields.account must be a string");
        if (TopUpFields.Bool(body, "simulation", out bool simulation) == FieldStatus.WrongType)
            return req.Error(TopUpErrors.BadRequest, "simulation must be true or false");

        var service = TopUpCatalogue.FindService(product!, req.TopUp.IntlMode);
        if (service is null || !service.Active) return req.Error(TopUpErrors.ProductUnavailable);
        if (externalId is null && service.Kind != TopUpProductKind.IntlBridge)
            return req.Error(TopUpErrors.BadRequest, "external_transaction_id is required");
        if (externalId is not null && req.State.ByExternalId(req.Pos.Id, externalId) is { } existing)
        {
            if (!(existing.Documented && existing.State == -1)) return req.Error(TopUpErrors.DuplicateExternalId);
            req.State.Remove(existing);
        }
        if (account is null && service.IsAccountRequired) return req.Error(TopUpErrors.WrongInput, "fields.account is required");

        var draft = service.Kind switch
        {
            TopUpProductKind.IntlLegacy => DraftLegacy(req, account!),
            TopUpProductKind.IntlBridge => DraftBridge(req, fields, account!),
            _ => DraftDomestic(req, service, fields, account),
        };
        if (draft.Refusal is not null) return draft.Refusal;

        string scenario = TopUpScenarios.SuffixOf(account);
        if (TopUpScenarios.CheckError(scenario) is var (code, display)) return req.Error(code, null, display);
        if (scenario == TopUpScenarios.CheckOutage && req.State.TakeCheckOutage($"{req.Pos.Id}:{externalId ?? account}"))
        {
            return new TopUpOutcome(503, null, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", RetryAfterSeconds: 1);
        }

        var transaction = new TopUpTransaction
        {
            Id = req.State.NextTransactionId(),
            PosId = req.Pos.Id,
            ExternalId = externalId,
            Service = service,
            Customer = customer,
            Account = account ?? "",
            Scenario = scenario,
            Simulation = simulation,
            CreatedAt = req.Clock.UtcNow,
            Amount = draft.Amount,
            AmountCurrency = draft.Currency,
            Price = draft.Price,
            OfferedAmounts = draft.Offered,
            BridgeAmount = draft.Bridge,
            BridgeCountry = draft.Bridge is null ? null : TopUpCatalogue.BridgeCountry(TopUpCatalogue.BridgeProvider(draft.Bridge.ProviderId)!.CountryId),
            BridgeProvider = draft.Bridge is null ? null : TopUpCatalogue.BridgeProvider(draft.Bridge.ProviderId),
        };
        req.State.Add(transaction);
        return req.Ok(TopUpJson.CheckResponse(transaction, req.TopUp.TimeZoneOffset));
    }

    private sealed record Draft(TopUpOutcome? Refusal, decimal? Amount = null, string Currency = "AED", decimal? Price = null,
        IReadOnlyList<LegacyDenomination>? Offered = null, BridgeAmount? Bridge = null);

    private static Draft DraftDomestic(TopUpRequest req, TopUpService service, JsonElement fields, string? account)
    {
        switch (TopUpFields.Decimal(fields, "amount", out decimal amount))
        {
            case FieldStatus.Missing: return new Draft(req.Error(TopUpErrors.BadRequest, "fields.amount is required"));
            case FieldStatus.WrongType: return new Draft(req.Error(TopUpErrors.WrongInput, "fields.amount must be a number"));
        }
        bool inRange = amount >= service.AmountMin && amount <= service.AmountMax;
        bool onStep = service.AmountStep > 0 ? (amount - service.AmountMin) % service.AmountStep == 0 : amount == service.AmountMin;
        if (!inRange || !onStep)
        {
            string rule = service.AmountStep > 0
                ? $"amount must be {service.AmountMin}..{service.AmountMax} in steps of {service.AmountStep}"
                : $"amount must be {service.AmountMin}";
            return new Draft(req.Error(TopUpErrors.WrongInput, rule));
        }
        if (service.IsUaeMobile && !(account is { Length: 12 } && account.StartsWith("971", StringComparison.Ordinal) && account.All(char.IsAsciiDigit)))
            return new Draft(req.Error(TopUpErrors.WrongInput, "account must be 12 digits starting with 971"));
        return new Draft(null, amount, "AED", amount);
    }

    private static Draft DraftLegacy(TopUpRequest req, string account)
    {
        string digits = new(account.Where(char.IsAsciiDigit).ToArray());
        var op = TopUpCatalogue.LegacyOperatorFor(digits);
        if (op is null) return new Draft(req.Error(TopUpErrors.WrongAccount));
        return new Draft(null, null, op.Currency, null, TopUpCatalogue.LegacyDenominations(op.Id));
    }

    private static Draft DraftBridge(TopUpRequest req, JsonElement fields, string account)
    {
        switch (TopUpFields.String(fields, "amount_id", out string? amountId))
        {
            case FieldStatus.Missing: return new Draft(req.Error(TopUpErrors.BadRequest, "fields.amount_id is required"));
            case FieldStatus.WrongType: return new Draft(req.Error(TopUpErrors.BadRequest, "fields.amount_id must be a string"));
        }
        var amount = TopUpCatalogue.BridgeAmount(amountId!);
        if (amount is null) return new Draft(req.Error(TopUpErrors.WrongInput, "unknown amount_id"));
        var country = TopUpCatalogue.BridgeCountry(TopUpCatalogue.BridgeProvider(amount.ProviderId)!.CountryId)!;
        string phoneDigits = country.PhoneCode.TrimStart('+');
        string accountDigits = new(account.Where(char.IsAsciiDigit).ToArray());
        if (!accountDigits.StartsWith(phoneDigits, StringComparison.Ordinal) || accountDigits.Length <= phoneDigits.Length)
            return new Draft(req.Error(TopUpErrors.WrongAccount));
        return new Draft(null, amount.Amount, amount.Currency, amount.Price, Bridge: amount);
    }

    public static TopUpOutcome Confirm(TopUpRequest req)
    {
        if (!req.Pos.Active) return req.Error(TopUpErrors.PosNotActive);
        var (t, refusal) = Lookup(req);
        if (t is null) return refusal!;
        if (ForcedError(req, t) is { } forced) return forced;
        // A test transaction is one from its check on (seed 002 puts the flag on the check): a confirm cannot
        // turn a real reservation into a simulation, or leave the client believing no money moved when it did.
        if (TopUpFields.Bool(req.Body, "simulation", out bool simulation) == FieldStatus.WrongType)
            return req.Error(TopUpErrors.BadRequest, "simulation must be true or false");
        if (simulation && !t.Simulation)
            return req.Error(TopUpErrors.BadRequest, "simulation is decided at check; this transaction was checked as a real one");
        t.ConfirmCount++;
        if (t.State != -1) return req.Ok(TopUpJson.ConfirmResponse(t, req.Pos, req.TopUp.TimeZoneOffset));
        if (TopUpScenarios.ConfirmRefusal(t.Scenario) is int refusalCode) return req.Error(refusalCode);

        var fieldsStatus = TopUpFields.Object(req.Body, "fields", out var fields);
        if (fieldsStatus == FieldStatus.WrongType) return req.Error(TopUpErrors.BadRequest, "fields must be an object");

        LegacyDenomination? chosen = null;
        if (t.Service.Kind != TopUpProductKind.IntlBridge)
        {
            switch (TopUpFields.Decimal(fields, "amount", out decimal amount))
            {
                case FieldStatus.Missing: return req.Error(TopUpErrors.BadRequest, "fields.amount is required");
                case FieldStatus.WrongType: return req.Error(TopUpErrors.WrongInput, "fields.amount must be a number");
            }
            if (t.Service.Kind == TopUpProductKind.IntlLegacy)
            {
                var typeStatus = TopUpFields.Long(fields, "type_id", out long typeId);
                if (typeStatus == FieldStatus.WrongType) return req.Error(TopUpErrors.BadRequest, "fields.type_id must be an integer");
                if (typeStatus == FieldStatus.Missing) typeId = 1;
                if (typeId is not (1 or 2)) return req.Error(TopUpErrors.WrongInput, "type_id must be 1 or 2");
                var offered = t.OfferedAmounts ?? Array.Empty<LegacyDenomination>();
                chosen = offered.FirstOrDefault(d => d.Amount == amount && d.TypeId == typeId) ?? offered.FirstOrDefault(d => d.Amount == amount);
                if (chosen is null) return req.Error(TopUpErrors.WrongInput, "amount is not one of the check's details.amounts");
                chosen = chosen with { TypeId = (int)typeId };
            }
            else if (amount != t.Amount)
            {
                return req.Error(TopUpErrors.WrongInput, "fields.amount differs from the amount at check");
            }
        }

        decimal price = chosen?.Price ?? t.Price ?? 0;
        if (!t.Simulation && req.Pos.Balance < price) return req.Error(TopUpErrors.NotEnoughFunds);
        if (chosen is not null)
        {
            t.Amount = chosen.Amount;
            t.Price = chosen.Price;
            t.TypeId = chosen.TypeId;
        }

        var (state, error, effect) = TopUpScenarios.OnConfirm(t.Scenario);
        TopUpMoney.MoveTo(t, state, error, req.State, req.Ledger, req.Clock.UtcNow);
        var answer = TopUpJson.ConfirmResponse(t, req.Pos, req.TopUp.TimeZoneOffset);
        return effect switch
        {
            ConfirmEffect.ProviderErrorAfterCommit => req.Error(TopUpErrors.ProviderError),
            ConfirmEffect.ServerErrorAfterCommit => new TopUpOutcome(500, null, "<html><body><h1>500 Internal Server Error</h1></body></html>"),
            ConfirmEffect.SlowAnswer => new TopUpOutcome(200, answer, DelayMs: req.TopUp.SlowMs),
            _ => req.Ok(answer),
        };
    }

    public static TopUpOutcome Find(TopUpRequest req)
    {
        if (!req.Pos.Active) return req.Error(TopUpErrors.PosNotActive);
        var (t, refusal) = Lookup(req);
        if (t is null) return refusal!;
        if (ForcedError(req, t) is { } forced) return forced;

        // Polls are counted from confirm on: a find after a check timeout must not use up the scenario.
        if (t.State != -1)
        {
            t.FindCount++;
            if (!t.Forced)
            {
                if (t.FindCount == 1 && TopUpScenarios.FirstFindError(t.Scenario) is int code) return req.Error(code);
                if (t.State is 0 or 6 && TopUpScenarios.AfterFind(t.Scenario, t.FindCount) is var (state, error) && state != t.State)
                    TopUpMoney.MoveTo(t, state, error, req.State, req.Ledger, req.Clock.UtcNow);
            }
        }
        return req.Ok(TopUpJson.FindResponse(t, req.Pos, req.TopUp.TimeZoneOffset));
    }

    /// <summary>The transaction named by `transaction_id` (code 20 if unknown) or `external_transaction_id` (22).</summary>
    private static (TopUpTransaction? Found, TopUpOutcome? Refusal) Lookup(TopUpRequest req)
    {
        var idStatus = TopUpFields.String(req.Body, "transaction_id", out string? id);
        var externalStatus = TopUpFields.String(req.Body, "external_transaction_id", out string? externalId);
        if (idStatus == FieldStatus.WrongType || externalStatus == FieldStatus.WrongType)
            return (null, req.Error(TopUpErrors.BadRequest, "transaction_id and external_transaction_id must be strings"));
        if (id is not null)
        {
            var byId = req.State.ById(req.Pos.Id, id);
            return byId is null ? (null, req.Error(TopUpErrors.TransactionNotFound)) : (byId, null);
        }
        if (externalId is not null)
        {
            var byExternal = req.State.ByExternalId(req.Pos.Id, externalId);
            return byExternal is null ? (null, req.Error(TopUpErrors.ExternalNotFound)) : (byExternal, null);
        }
        return (null, req.Error(TopUpErrors.BadRequest, "send transaction_id or external_transaction_id"));
    }

    /// <summary>An error armed through the control surface for the next confirm/find calls on this transaction.</summary>
    private static TopUpOutcome? ForcedError(TopUpRequest req, TopUpTransaction t)
    {
        if (t.ForcedErrorCount <= 0) return null;
        t.ForcedErrorCount--;
        return new TopUpOutcome(req.TopUp.ErrorHttpStatus,
            TopUpErrors.EnvelopeWithMessage(t.ForcedErrorCode, t.ForcedErrorMessage ?? TopUpErrors.Message(t.ForcedErrorCode)));
    }
}
