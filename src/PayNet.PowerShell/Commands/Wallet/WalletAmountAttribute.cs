using System;
using System.Globalization;
using System.Management.Automation;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Binds -Amount as a decimal from whatever a script or a CSV cell holds: "12.50", " 1,250.00 ",
    /// 12 or a double literal. Text is read with the invariant culture (a '.' decimal point), so a
    /// CSV means the same on every machine; a cell that is not a number fails that row's binding with a
    /// message saying so. Money never passes through a double here unless the caller typed one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class WalletAmountAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null) return null;
            if (TryConvert(value, out decimal amount, out string? problem)) return amount;
            throw new ArgumentTransformationMetadataException(problem);
        }

        internal static bool TryConvert(object value, out decimal amount, out string? problem)
        {
            problem = null;
            amount = 0m;
            switch (value)
            {
                case decimal d: amount = d; return true;
                case int i: amount = i; return true;
                case long l: amount = l; return true;
                case short s: amount = s; return true;
                case byte b: amount = b; return true;
                case double dbl when !double.IsNaN(dbl) && !double.IsInfinity(dbl) && Math.Abs(dbl) < 7.9e27:
                    // Round-trip text keeps what the literal said (12.3 stays 12.3, not 12.2999...).
                    amount = decimal.Parse(dbl.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                    return true;
                case float f when !float.IsNaN(f) && !float.IsInfinity(f):
                    amount = decimal.Parse(f.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                    return true;
                case string text:
                    string trimmed = text.Trim();
                    if (decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out amount)) return true;
                    problem = trimmed.Length == 0
                        ? "The amount is empty."
                        : $"'{trimmed}' is not an amount: write digits with a '.' decimal point, such as 12.50.";
                    return false;
                default:
                    problem = $"A {value.GetType().Name} is not an amount.";
                    return false;
            }
        }
    }
}
