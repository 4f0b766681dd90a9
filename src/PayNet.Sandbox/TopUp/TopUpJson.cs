using System.Text.Json.Nodes;

namespace PayNet.Sandbox.TopUp;

/// <summary>
/// The `transaction` object (topup.md §5) and the responses built around it. Legacy-shaped products carry money
/// as JSON numbers; the v2 International Bridge carries amount, price and provider id as strings (§5.5).
/// </summary>
public static class TopUpJson
{
    public static JsonObject Transaction(TopUpTransaction t, TimeSpan offset)
    {
        var o = new JsonObject { ["id"] = t.Id };
        if (t.ExternalId is not null) o["external_transaction_id"] = t.ExternalId;
        o["state"] = t.State;
        o["error"] = t.Error;
        o["time"] = TopUpFormat.Time(t.CreatedAt, offset);
        o["service"] = new JsonObject { ["id"] = t.Service.Id, ["name"] = t.Service.Name };
        if (t.Customer is not null) o["customer"] = t.Customer;
        o["account"] = t.Account;

        if (t.Service.Kind == TopUpProductKind.IntlBridge)
        {
            var amount = t.BridgeAmount!;
            o["amount"] = TopUpFormat.AmountString(amount.Amount);
            o["amount_currency"] = amount.Currency;
            o["price"] = TopUpFormat.PriceString(amount.Price);
            o["price_currency"] = "AED";
            o["country_id"] = t.BridgeCountry!.Id;
            o["country_name"] = t.BridgeCountry.Name;
            o["provider_id"] = t.BridgeProvider!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            o["provider_name"] = t.BridgeProvider.Name;
            o["amount_id"] = amount.AmountId;
            return o;
        }

        if (t.Amount is decimal value) o["amount"] = value;
        o["amount_currency"] = t.AmountCurrency;
        if (t.Price is decimal price)
        {
            o["price"] = price;
            o["price_currency"] = "AED";
        }
        if (t.TypeId is int typeId) o["type_id"] = typeId;
        if (t.Simulation) o["simulation"] = true;
        return o;
    }

    /// <summary>
    /// A confirm answer in the seeds' shapes (topup.md §4.5): on success the full `transaction`, `info` (`[]` for
    /// International Bridge, the PIN object for a delivered voucher) and `receipt` with its six strings. Pending
    /// (0 or 6): the short `transaction` of the seeds (id, external id, state, time, service; the bridge adds
    /// `error`); International Bridge adds `"info": []` and `"receipt": {}`, Direct Recharge neither (seed 004).
    /// Other final states: the full `transaction`, and for the bridge `"info": []`, `"receipt": {}`.
    /// </summary>
    public static JsonObject ConfirmResponse(TopUpTransaction t, TopUpPos pos, TimeSpan offset)
    {
        bool bridge = t.Service.Kind == TopUpProductKind.IntlBridge;
        if (t.State is 0 or 6)
        {
            var full = Transaction(t, offset);
            var brief = new JsonObject { ["id"] = t.Id };
            if (t.ExternalId is not null) brief["external_transaction_id"] = t.ExternalId;
            brief["state"] = t.State;
            if (bridge) brief["error"] = t.Error;
            brief["time"] = full["time"]!.DeepClone();
            brief["service"] = full["service"]!.DeepClone();
            if (t.Simulation) brief["simulation"] = true;
            var pending = new JsonObject { ["transaction"] = brief };
            if (bridge)
            {
                pending["info"] = new JsonArray();
                pending["receipt"] = new JsonObject();
            }
            return pending;
        }

        var root = TransactionResponse(t, offset);
        if (bridge)
        {
            root["info"] = new JsonArray();
            root["receipt"] = t.State == 1 ? TopUpReceipts.For(t, pos) : new JsonObject();
        }
        else if (t.State == 1)
        {
            root["receipt"] = TopUpReceipts.For(t, pos);
        }
        return root;
    }

    /// <summary>
    /// A find answer: the transaction (and the voucher's `info` once delivered), plus the `receipt` once it
    /// succeeded, so a top-up that was still pending at confirm reaches its receipt too (PROPOSED: the find
    /// answers are documented only in part, topup.md §11.3).
    /// </summary>
    public static JsonObject FindResponse(TopUpTransaction t, TopUpPos pos, TimeSpan offset)
    {
        var root = TransactionResponse(t, offset);
        if (t.State == 1) root["receipt"] = TopUpReceipts.For(t, pos);
        return root;
    }

    /// <summary>
    /// Find and confirm: `{"transaction":{...}}`, plus a top-level `info` once a voucher is delivered (state 1).
    /// </summary>
    public static JsonObject TransactionResponse(TopUpTransaction t, TimeSpan offset)
    {
        var root = new JsonObject { ["transaction"] = Transaction(t, offset) };
        if (t.State == 1 && t.Info is { } info)
        {
            var infoJson = new JsonObject { ["reference"] = info.Reference, ["number"] = info.Number };
            if (info.Serial is not null) infoJson["serial"] = info.Serial;
            root["info"] = infoJson;
        }
        return root;
    }

    /// <summary>
    /// Check (PROPOSED, topup.md §11 gap 1): the same `transaction` object in state -1; a legacy `intl` check adds
    /// `details.amounts[]` with {amount, currency, price, type_id} elements.
    /// </summary>
    public static JsonObject CheckResponse(TopUpTransaction t, TimeSpan offset)
    {
        var root = new JsonObject { ["transaction"] = Transaction(t, offset) };
        if (t.OfferedAmounts is { } offered)
        {
            root["details"] = new JsonObject { ["amounts"] = Denominations(offered) };
        }
        return root;
    }

    public static JsonArray Denominations(IEnumerable<LegacyDenomination> amounts) =>
        new(amounts.Select(d => (JsonNode)new JsonObject
        {
            ["amount"] = d.Amount,
            ["currency"] = d.Currency,
            ["price"] = d.Price,
            ["type_id"] = d.TypeId,
        }).ToArray());
}
