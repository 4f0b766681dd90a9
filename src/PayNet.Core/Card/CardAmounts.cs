using System;
using System.Globalization;
using PayNet.Core.Money;

namespace PayNet.Core.Card
{
    /// <summary>The Card API's request money encodings (card.md §1, §3.4, §3.10).</summary>
    public static class CardAmounts
    {
        /// <summary>Refund and capture amounts: kuruş (minor units) as a string, 10.00 TRY → "1000".</summary>
        public static string ToKurusString(decimal amount)
        {
            MoneyRules.Validate(PayNetApi.Card, "Amount", amount, "TRY");
            return decimal.Truncate(amount * 100m).ToString("0", CultureInfo.InvariantCulture);
        }

        /// <summary>Payment amounts: a decimal string with a comma separator, 123.45 → "123,45".</summary>
        public static string ToCommaDecimalString(decimal amount)
        {
            MoneyRules.Validate(PayNetApi.Card, "Amount", amount, "TRY");
            return MoneyRules.Round(amount).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        }

        /// <summary>Dates in requests: yyyy-MM-dd.</summary>
        public static string ToWireDate(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>Turkey has kept UTC+3 all year since 2016; times without an offset are read in it.</summary>
        public static readonly TimeSpan TurkeyOffset = TimeSpan.FromHours(3);
    }
}
