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
        // StateName first: the module's own objects carry the state as text there, and their ConvertTo-Json
        // copies hold State as a number (Processed is 2), which a ledger's status column would read as "failed".
        public static readonly string[] StateColumns = { "StateName", "State", "Status", "PaymentStatus", "Result" };
        /// <summary>Where a Wallet ledger says debit or credit; Get-PayNetStatement writes Direction.</summary>
        public static readonly string[] DirectionColumns = { "Direction", "DebitCredit", "DrCr", "Type" };

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
            // Invariant: a ConvertFrom-Json amount is a double, and under de-DE its ToString() is "-7,5".
            object? raw = property?.Value is PSObject inner ? inner.BaseObject : property?.Value;
            value = raw is null ? null : Convert.ToString(raw, CultureInfo.InvariantCulture);
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
    
        /// <summary>
        /// A Wallet ledger row's direction: -1 for money out (Debit, Dr, D, Out), +1 for money in (Credit, Cr,
        /// C, In), 0 when the row does not say. Only a "Type" column may hold other words (a transfer type
        /// such as "Payment") without being an error, because many exports use Type for something else.
        /// </summary>
        public static bool TryReadDirection(object row, string? explicitName, out int sign, out string? text, out string problem)
        {
            sign = 0;
            text = null;
            problem = string.Empty;
            string? column = null;
            foreach (var name in explicitName is null ? DirectionColumns : new[] { explicitName })
            {
                if (TryRead(row, name, out var value) && !string.IsNullOrWhiteSpace(value)) { column = name; text = value!.Trim(); break; }
            }
            if (text is null) return true;
            switch (text.ToLowerInvariant())
            {
                case "debit": case "dr": case "d": case "out": case "outgoing": case "withdrawal": sign = -1; return true;
                case "credit": case "cr": case "c": case "in": case "incoming": case "deposit": sign = 1; return true;
            }
            if (explicitName is null && string.Equals(column, "Type", StringComparison.OrdinalIgnoreCase)) { text = null; return true; }
            problem = $"'{text}' in column {column} is not a direction: use Debit or Credit (also Dr/Cr, Out/In).";
            return false;
        }

        /// <summary>
        /// Signs a Wallet ledger amount the way Get-PayNetStatement does: money out negative, money in positive.
        /// With a direction the amount may be written unsigned (50 and Debit is -50) or signed consistently
        /// (-50 and Debit); a sign that contradicts the direction (-50 and Credit) is the row's error, not a guess.
        /// </summary>
        public static bool TrySignWalletAmount(decimal amount, int sign, string? directionText, out decimal signed, out string problem)
        {
            problem = string.Empty;
            signed = amount;
            if (sign == 0 || amount == 0m) return true;
            if (amount < 0m && sign > 0)
            {
                problem = $"the amount {amount.ToString(CultureInfo.InvariantCulture)} is negative but the direction is {directionText}: a credit is money in.";
                return false;
            }
            signed = sign * Math.Abs(amount);
            return true;
        }
    }
}
