using System.Security.Cryptography;
using System.Text;

namespace PayNet.Sandbox.TopUp;

public enum TopUpProductKind { DirectRecharge, Voucher, IntlLegacy, IntlBridge }

/// <summary>One `/services` entry, plus what the sandbox needs to validate a check against it.</summary>
public sealed record TopUpService(
    string Id,
    bool Active,
    string Name,
    string BillerName,
    string CategoryName,
    string SubcategoryName,
    decimal AmountMin,
    decimal AmountMax,
    decimal AmountStep,
    bool IsPinBased,
    bool IsAccountRequired,
    TopUpProductKind Kind,
    bool IsUaeMobile = false);

public sealed record LegacyCountry(int Id, string Name, string PhoneCode);

public sealed record LegacyOperator(int Id, int CountryId, string Name, string Currency, IReadOnlyList<string> NumberPrefixes);

/// <summary>A legacy `intl` denomination: local amount, its currency, the AED price and the type (1 mobile, 2 data).</summary>
public sealed record LegacyDenomination(decimal Amount, string Currency, decimal Price, int TypeId);

public sealed record BridgeCategory(string Id, string? ParentId, string Name);

public sealed record BridgeCountry(string Id, int NumericId, string Name, string Currency, string PhoneCode, string PhoneMask);

public sealed record BridgeProvider(int Id, string CountryId, string Name);

public sealed record BridgeAmount(string AmountId, int ProviderId, string CategoryId, string Name, decimal Amount, string Currency, decimal Price);

/// <summary>
/// The catalogue seed of topup.md §12.3. Entries marked INVENTED are not in Paynet's documentation; the
/// sandbox needs them to be complete (a price, a name, a prefix plan).
/// </summary>
public static class TopUpCatalogue
{
    public const string IntlId = "intl";
    public const string BridgeId = "international-bridge";

    private static TopUpService Voucher(string id, string name, string biller, string category, string sub, decimal price) =>
        new(id, true, name, biller, category, sub, price, price, 0, IsPinBased: true, IsAccountRequired: false, TopUpProductKind.Voucher);

    /// <summary>Every product the sandbox knows; <see cref="Services"/> filters the international ones by mode.</summary>
    public static readonly IReadOnlyList<TopUpService> AllServices = new[]
    {
        // DOC: the /services example, field for field.
        new TopUpService("et-mc", true, "Etisalat Wasel Prepaid", "Etisalat", "Mobile Prepaid", "Airtime", 5, 525, 5,
            IsPinBased: false, IsAccountRequired: true, TopUpProductKind.DirectRecharge, IsUaeMobile: true),
        // DOC (is_account_required is not documented for it; INVENTED false, as for every voucher).
        Voucher("itunes_aed_100", "Apple Gift Card - AED 100", "Apple UAE", "Gift Cards", "Apple", 100),
        // DOC ids and names where the docs give them; billers, categories and names otherwise INVENTED.
        Voucher("virgin-m100", "Virgin Mobile - AED100", "Virgin Mobile", "Mobile Vouchers", "Virgin Mobile", 100),
        Voucher("slk50", "Salik - AED 50", "Salik", "Transportation", "Salik", 50),
        Voucher("slk100", "Salik - AED 100", "Salik", "Transportation", "Salik", 100),
        Voucher("noon_25AED", "noon Gift Card - AED 25", "noon", "Gift Cards", "noon", 25),
        Voucher("gplay_aed_50", "Google Play - AED 50", "Google", "Gift Cards", "Google Play", 50),
        Voucher("steam-aed-100", "Steam Wallet - AED 100", "Valve", "Gift Cards", "Steam", 100),
        Voucher("netflix-aed-100", "Netflix - AED 100", "Netflix", "Gift Cards", "Netflix", 100),
        // DOC name; the price is INVENTED (the docs give none).
        Voucher("psn_aed_1m", "PlayStation Network UAE 1 Month", "Sony", "Gift Cards", "PlayStation", 40),
        // DOC ids and service names (from the find examples); amounts and category INVENTED.
        new TopUpService(IntlId, true, "Int-l Top-up", "Paynet", "International", "Mobile Top-up", 0, 0, 0,
            IsPinBased: false, IsAccountRequired: true, TopUpProductKind.IntlLegacy),
        new TopUpService(BridgeId, true, "International Bridge", "Paynet", "International", "Mobile Top-up", 0, 0, 0,
            IsPinBased: false, IsAccountRequired: true, TopUpProductKind.IntlBridge),
        // INVENTED: an inactive product, to trigger error 101.
        new TopUpService("test-inactive", false, "Sandbox Inactive Product", "Sandbox", "Mobile Prepaid", "Airtime", 10, 10, 0,
            IsPinBased: false, IsAccountRequired: true, TopUpProductKind.DirectRecharge),
    };

    public static bool LegacyEnabled(string intlMode) => !string.Equals(intlMode, "bridge", StringComparison.OrdinalIgnoreCase);

    public static bool BridgeEnabled(string intlMode) => !string.Equals(intlMode, "legacy", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<TopUpService> Services(string intlMode) => AllServices.Where(s =>
        s.Kind switch
        {
            TopUpProductKind.IntlLegacy => LegacyEnabled(intlMode),
            TopUpProductKind.IntlBridge => BridgeEnabled(intlMode),
            _ => true,
        });

    public static TopUpService? FindService(string id, string intlMode) =>
        Services(intlMode).FirstOrDefault(s => s.Id == id);

    // ---- legacy `intl` (DOC countries and operators) ----

    public static readonly IReadOnlyList<LegacyCountry> LegacyCountries = new[]
    {
        new LegacyCountry(74, "Pakistan", "+92"),
        new LegacyCountry(110, "Uganda", "+256"),
        new LegacyCountry(17, "Burundi", "+257"),
    };

    /// <summary>DOC operators; the number prefixes that pick one at check are INVENTED.</summary>
    public static readonly IReadOnlyList<LegacyOperator> LegacyOperators = new[]
    {
        new LegacyOperator(46, 74, "Ufone Pakistan", "PKR", new[] { "9233" }),
        new LegacyOperator(47, 74, "Jazz Pakistan", "PKR", new[] { "9230", "9232" }),
    };

    /// <summary>100 PKR at 5.00 AED is DOC; the others are INVENTED.</summary>
    public static IReadOnlyList<LegacyDenomination> LegacyDenominations(int operatorId) => operatorId is 46 or 47
        ? new[]
        {
            new LegacyDenomination(100, "PKR", 5.00m, 1),
            new LegacyDenomination(500, "PKR", 22.50m, 1),
            new LegacyDenomination(1000, "PKR", 44.00m, 2),
        }
        : Array.Empty<LegacyDenomination>();

    public static string OperatorLogo(int operatorId) => $"https://bo.paynet.one/uploads/operator-logo/{operatorId}.png";

    /// <summary>The operator serving an international number (digits only), or null when none does.</summary>
    public static LegacyOperator? LegacyOperatorFor(string digits) =>
        LegacyOperators.FirstOrDefault(o => o.NumberPrefixes.Any(p => digits.StartsWith(p, StringComparison.Ordinal)));

    // ---- v2 International Bridge ----

    /// <summary>DOC, except the name of "mobile-bundles" (documented only as "Bun...", completed here).</summary>
    public static readonly IReadOnlyList<BridgeCategory> BridgeCategories = new[]
    {
        new BridgeCategory("mobile", null, "Mobile Recharge"),
        new BridgeCategory("utility", null, "Utilities"),
        new BridgeCategory("gift-cards", null, "Gift Cards & Games"),
        new BridgeCategory("transport", null, "Transport"),
        new BridgeCategory("mobile-airtime", "mobile", "Airtime / Calls"),
        new BridgeCategory("mobile-bundles", "mobile", "Bundles"),
    };

    public static readonly IReadOnlyList<BridgeCountry> BridgeCountries = new[]
    {
        new BridgeCountry("IND", 233, "India", "INR", "+91", "+91 ($$$) $$$-$$-$$"),
    };

    /// <summary>56 Airtel is DOC; 284 "MTNL" is SEED 001 (the International Bridge confirm).</summary>
    public static readonly IReadOnlyList<BridgeProvider> BridgeProviders = new[]
    {
        new BridgeProvider(56, "IND", "Airtel"),
        new BridgeProvider(284, "IND", "MTNL"),
    };

    /// <summary>The documented amount id (100 INR for 4.56 AED) is 284's, as in seed 001's confirm; the others are INVENTED with derived ids.</summary>
    public const string DocumentedBridgeAmountId = "389c9b72d2677970916fac310a36e5a4";

    public static readonly IReadOnlyList<BridgeAmount> BridgeAmounts = new[]
    {
        new BridgeAmount(DocumentedBridgeAmountId, 284, "mobile-airtime", "Airtime 100 INR", 100, "INR", 4.56m),
        new BridgeAmount(DerivedAmountId("284:airtime-500"), 284, "mobile-airtime", "Airtime 500 INR", 500, "INR", 22.10m),
        new BridgeAmount(DerivedAmountId("56:airtime-100"), 56, "mobile-airtime", "Airtime 100 INR", 100, "INR", 4.56m),
        new BridgeAmount(DerivedAmountId("56:bundle-2gb"), 56, "mobile-bundles", "Data 2 GB / 28 days", 249, "INR", 11.20m),
    };

    public static BridgeCountry? BridgeCountry(string id) => BridgeCountries.FirstOrDefault(c => c.Id == id);

    public static BridgeProvider? BridgeProvider(int id) => BridgeProviders.FirstOrDefault(p => p.Id == id);

    public static BridgeAmount? BridgeAmount(string amountId) => BridgeAmounts.FirstOrDefault(a => a.AmountId == amountId);

    private static string DerivedAmountId(string name) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("paynet-sandbox-bridge:" + name)));
}
