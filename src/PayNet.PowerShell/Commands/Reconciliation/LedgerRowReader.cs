using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Reads named columns from whatever a ledger row is: an Import-Csv PSCustomObject, a hashtable,
    /// or a .NET object. The first of several candidate column names that exists wins.
    /// </summary>
    internal static class LedgerRowReader
    {
        public static readonly string[] ReferenceColumns = { "Reference", "ReferenceNo", "reference_no", "Ref", "ExternalId", "external_transaction_id", "OrderId", "TraceNumber", "TransactionId", "Id" };
        public static readonly string[] AmountColumns = { "Amount", "Total", "GrossAmount", "Value", "Sum" };
        public static readonly string[] CurrencyColumns = { "Currency", "CurrencyCode", "Ccy" };
        public static readonly string[] StateColumns = { "State", "Status", "PaymentStatus", "Result" };

        public static string? Read(object row, string[] candidates)
        {
            foreach (var name in candidates)
            {
                if (TryRead(row, name, out var value)) return value;
            }
            return null;
        }

        public static bool TryRead(object row, string name, out string? value)
        {
            value = null;
            object? raw = null;
            bool found = false;
            switch (row)
            {
                case PSObject ps when ps.BaseObject is not null && !(ps.BaseObject is PSCustomObject):
                    return TryRead(ps.BaseObject, name, out value) || TryReadPSObject(ps, name, out value);
                case PSObject ps:
                    return TryReadPSObject(ps, name, out value);
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) { raw = entry.Value; found = true; break; }
                    }
                    break;
                default:
                    var property = row.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    if (property is not null) { raw = property.GetValue(row); found = true; }
                    break;
            }
            value = raw is PSObject inner ? inner.BaseObject?.ToString() : Convert.ToString(raw, CultureInfo.InvariantCulture);
            return found;
        }

        private static bool TryReadPSObject(PSObject ps, string name, out string? value)
        {
            var property = ps.Properties?[name];
            value = property?.Value?.ToString();
            return property is not null;
        }

        /// <summary>
        /// A ledger amount. Without a culture it is read as every money parameter is (PayNet.Core's AmountText:
        /// digits and at most one '.'), plus a leading '-' because ledgers hold refunds: so '1,234' is never
        /// silently 1234 or 1.234. Only when the caller names the ledger's culture (-Culture de-DE) are that
        /// culture's group and decimal separators read.
        /// </summary>
        public static bool TryParseAmount(string? text, CultureInfo? culture, out decimal amount, out string problem)
        {
            amount = 0m;
            string t = (text ?? string.Empty).Trim();
            if (culture is not null)
            {
                const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
                if (decimal.TryParse(t, styles, culture, out amount)) { problem = string.Empty; return true; }
                problem = $"'{t}' is not an amount in the {culture.Name} culture.";
                return false;
            }
            bool negative = t.StartsWith("-", System.StringComparison.Ordinal);
            if (!PayNet.Core.Money.AmountText.TryParse(negative ? t.Substring(1) : t, out amount, out problem))
            {
                problem += " If the ledger was written in another culture, name it with -Culture (for example -Culture de-DE).";
                return false;
            }
            if (negative) amount = -amount;
            return true;
        }
    }
}
