using System.Globalization;
using System.Text.Json.Nodes;

namespace PayNet.Sandbox.TopUp;

/// <summary>
/// The `receipt` object of a successful top-up (topup.md §5.6, seeds 001 and 004): header, subheader, info,
/// instruction, promo and footer, all strings, lines separated by "\n". Built from the transaction as the
/// seeds' examples are: operator and product, account, amount, the POS as terminal, the Paynet id as receipt
/// number. The support contacts are INVENTED (the seeds' e-mail address is not documented).
/// </summary>
public static class TopUpReceipts
{
    public const string SupportEmail = "support@paynet-sandbox.invalid";
    /// <summary>INVENTED number: the seed's "800 1234" would put the sandbox member's PIN digits into every receipt.</summary>
    public const string CustomerService = "Customer Service: 800 72963";

    public static JsonObject For(TopUpTransaction t, TopUpPos pos)
    {
        return t.Service.Kind switch
        {
            TopUpProductKind.IntlBridge => International(t, t.BridgeProvider?.Name ?? "", t.BridgeCountry?.Name),
            TopUpProductKind.IntlLegacy => International(t, OperatorName(t), null),
            _ => Domestic(t, pos),
        };
    }

    /// <summary>Seed 004: `"header": "Etisalat", "subheader": "Wasel Prepaid", "info": "Merchant: PAYNET, Terminal ID: 123"`.</summary>
    private static JsonObject Domestic(TopUpTransaction t, TopUpPos pos)
    {
        string biller = t.Service.BillerName;
        string product = t.Service.Name.StartsWith(biller + " ", StringComparison.Ordinal) ? t.Service.Name[(biller.Length + 1)..] : t.Service.Name;
        var info = new List<string> { $"Merchant: PAYNET, Terminal ID: {pos.Id.ToString(CultureInfo.InvariantCulture)}" };
        if (!string.IsNullOrEmpty(t.Account)) info.Add("Account: " + t.Account);
        if (t.Amount is decimal amount) info.Add($"Amount: {t.AmountCurrency} {Money(amount)}");
        string instruction = t.Service.Kind == TopUpProductKind.Voucher
            ? "Use the PIN code of this purchase as the product's instructions say."
            : "";
        return Receipt(biller, product, string.Join("\n", info), instruction,
            $"{CustomerService}\nRECEIPT NUMBER: {t.Id}");
    }

    /// <summary>Seed 001: "International Recharge", the provider, then country, provider, account and amount lines.</summary>
    private static JsonObject International(TopUpTransaction t, string provider, string? country)
    {
        var info = new List<string>();
        if (country is not null) info.Add("Country: " + country);
        info.Add("Provider: " + provider);
        info.Add("Account: " + (t.Account.StartsWith('+') ? t.Account : "+" + t.Account));
        if (t.Amount is decimal amount) info.Add($"Amount excluding local taxes: {t.AmountCurrency} {Money(amount)}");
        return Receipt("International Recharge", provider, string.Join("\n", info),
            "If you have any concern about the transaction please do inform us within 5 days.",
            $"CUSTOMER SERVICE\nE-MAIL: {SupportEmail}\n\nRECEIPT NUMBER: {t.Id}\n\nThank you for using Paynet");
    }

    private static JsonObject Receipt(string header, string subheader, string info, string instruction, string footer) => new()
    {
        ["header"] = header,
        ["subheader"] = subheader,
        ["info"] = info,
        ["instruction"] = instruction,
        ["promo"] = "",
        ["footer"] = footer,
    };

    private static string OperatorName(TopUpTransaction t)
    {
        string digits = new(t.Account.Where(char.IsAsciiDigit).ToArray());
        return TopUpCatalogue.LegacyOperatorFor(digits)?.Name ?? t.Service.Name;
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
