using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayNet.Core.Money
{
    /// <summary>
    /// Checks an amount before anything goes on the wire: positive, no more decimals than the currency
    /// has, below a sanity ceiling, and in a currency we know. Money is always decimal, never double.
    /// </summary>
    public static class MoneyRules
    {
        /// <summary>No single PayNet operation comes near this; anything above is a typo or an overflow.</summary>
        public const decimal MaxAmount = 100_000_000m;

        private static readonly Dictionary<string, int> MinorUnits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["AED"] = 2, ["TRY"] = 2, ["GHS"] = 2, ["NPR"] = 2,
            ["INR"] = 2, ["PKR"] = 2, ["SAR"] = 2, ["QAR"] = 2, ["EGP"] = 2, ["KES"] = 2, ["NGN"] = 2,
            ["PHP"] = 2, ["BDT"] = 2, ["LKR"] = 2, ["ZAR"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["CHF"] = 2,
            ["UGX"] = 0, ["BIF"] = 0, ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["XOF"] = 0, ["XAF"] = 0,
            ["KWD"] = 3, ["BHD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
        };

        public static bool IsKnownCurrency(string? currency) => currency is not null && MinorUnits.ContainsKey(currency);

        public static int DecimalsOf(string currency) =>
            MinorUnits.TryGetValue(currency, out var d) ? d : throw new ArgumentException($"Unknown currency '{currency}'.", nameof(currency));

        public static IEnumerable<string> KnownCurrencies => MinorUnits.Keys;

        /// <summary>Returns null when the amount is acceptable, else a sentence saying what is wrong.</summary>
        public static string? Problem(decimal amount, string? currency)
        {
            if (currency is null || !MinorUnits.TryGetValue(currency, out int decimals))
                return $"Currency '{currency}' is not a known ISO 4217 code.";
            if (amount <= 0m) return $"Amount {Format(amount)} must be greater than zero.";
            if (amount > MaxAmount) return $"Amount {Format(amount)} is larger than the {Format(MaxAmount)} {currency.ToUpperInvariant()} a single operation allows.";
            if (ScaleOf(amount) > decimals)
                return $"Amount {Format(amount)} has more than {decimals} decimal place(s), which {currency.ToUpperInvariant()} allows.";
            return null;
        }

        /// <summary>Throws <see cref="PayNetException"/> (InvalidArgument) when <see cref="Problem"/> finds one.</summary>
        public static void Validate(PayNetApi api, string operation, decimal amount, string? currency)
        {
            string? problem = Problem(amount, currency);
            if (problem is not null)
                throw new PayNetException(api, operation, PayNetErrorCategory.InvalidArgument, problem);
        }

        /// <summary>Number of significant decimal places (1.50 has scale 1, 2.000 has 0).</summary>
        public static int ScaleOf(decimal amount)
        {
            amount = amount / 1.000000000000000000000000000000000m; // normalises trailing zeros away
            int[] bits = decimal.GetBits(amount);
            return (bits[3] >> 16) & 0x7F;
        }

        /// <summary>Round half away from zero, as every PayNet spec asks.</summary>
        public static decimal Round(decimal amount, int decimals = 2) => Math.Round(amount, decimals, MidpointRounding.AwayFromZero);

        public static string Format(decimal amount) => amount.ToString("0.############", CultureInfo.InvariantCulture);
    }
}
