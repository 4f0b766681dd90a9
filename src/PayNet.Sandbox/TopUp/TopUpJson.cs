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
        return o;
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
