using System;
using System.Globalization;

namespace PayNet.Core.Money
{
    /// <summary>
    /// The one reader of amounts given as text (CSV cells, command lines) for every money move. Strict and
    /// culture-invariant, whatever the current culture: ASCII digits with at most one '.' as the decimal point,
    /// at least one digit on each side of it. No group separators, no decimal comma, no exponent, no hex, no sign
    /// (a money move is never negative, and '+' invites '-'), no other digits than 0-9 (not '١٠'). Surrounding
    /// spaces and tabs are ignored, nothing inside. '10,00' is refused rather than read as 1000 or 10.
    /// </summary>
    public static class AmountText
    {
        /// <summary>Longest text accepted: decimal holds 28-29 significant digits, and nobody pays more.</summary>
        public const int MaxLength = 32;

        /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says why, in words for the user.</summary>
        public static bool TryParse(string? text, out decimal amount, out string error)
        {
            amount = 0m;
            if (text is null || text.Trim(' ', '\t').Length == 0)
            {
                error = "The amount is empty.";
                return false;
            }
            string t = text.Trim(' ', '\t');
            if (t.Length > MaxLength)
            {
                error = $"'{Shorten(t)}' is too long to be an amount.";
                return false;
            }

            int dots = 0, digitsBefore = 0, digitsAfter = 0;
            foreach (char c in t)
            {
                if (c >= '0' && c <= '9')
                {
                    if (dots == 0) digitsBefore++;
                    else digitsAfter++;
                    continue;
                }
                if (c == '.')
                {
                    dots++;
                    if (dots > 1)
                    {
                        error = $"'{t}' is not an amount: it has more than one '.'; write amounts like 1234.50, without group separators.";
                        return false;
                    }
                    continue;
                }
                error = $"'{t}' is not an amount: {Why(c)}. Write amounts with digits and at most one '.' as the decimal point, like 10.00.";
                return false;
            }

            if (digitsBefore == 0 || (dots == 1 && digitsAfter == 0))
            {
                error = $"'{t}' is not an amount: write a digit on both sides of the decimal point, like 0.50 or 10.00.";
                return false;
            }
            if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
            {
                error = $"'{t}' is too large to be an amount.";
                return false;
            }
            error = string.Empty;
            return true;
        }

        /// <summary>Reads an amount, or throws <see cref="PayNetInvalidAmountException"/> naming the text.</summary>
        public static decimal Parse(string? text, PayNetApi api, string operation)
        {
            if (TryParse(text, out decimal amount, out string error)) return amount;
            throw new PayNetInvalidAmountException(api, operation, text, error);
        }

        /// <summary>
        /// Converts what a caller handed over as an amount: decimals and whole numbers as they are, text through
        /// <see cref="TryParse"/>, binary floating point only when finite and not negative (a double cannot hold
        /// most amounts exactly, so it is rounded to its 15 significant digits, as <see cref="Convert.ToDecimal(double)"/> does).
        /// Anything else (dates, booleans, arrays) is not an amount.
        /// </summary>
        public static bool TryConvert(object? value, out decimal amount, out string error)
        {
            amount = 0m;
            error = string.Empty;
            switch (value)
            {
                case null:
                    error = "The amount is empty.";
                    return false;
                case string text:
                    return TryParse(text, out amount, out error);
                case decimal d:
                    amount = d;
                    break;
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    amount = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    break;
                case double or float:
                    double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number) > 1e15)
                    {
                        error = $"'{number.ToString("R", CultureInfo.InvariantCulture)}' is not an amount.";
                        return false;
                    }
                    // Rounded to 15 significant digits, then without the trailing zeros that rounding leaves: 0.1 + 0.2
                    // (0.30000000000000004) is 0.3, as typed, not 0.300000000000000 with fifteen "decimals".
                    // A float keeps its own 7 significant digits ([single]1.1 is 1.1, not 1.10000002384186).
                    amount = (value is float single ? Convert.ToDecimal(single) : Convert.ToDecimal(number)) / 1.000000000000000000000000000000000m;
                    break;
                default:
                    error = $"A {value.GetType().Name} is not an amount: give a number such as 10.00.";
                    return false;
            }
            if (amount < 0m)
            {
                error = $"'{amount.ToString(CultureInfo.InvariantCulture)}' is not an amount: an amount to move is never negative.";
                return false;
            }
            return true;
        }

        private static string Why(char c)
        {
            if (c == ',') return "a comma is neither a decimal point nor allowed as a group separator here (the decimal point is '.')";
            if (c == '\'' || c == '_' || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == ' ') return "group separators are not allowed";
            if (c == 'e' || c == 'E') return "exponents are not allowed";
            if (c == 'x' || c == 'X') return "hexadecimal is not allowed";
            if (c == '-' || c == '+' || c == '\u2212') return "a sign is not allowed (amounts to move are never negative)";
            if (char.IsDigit(c)) return $"'{c}' is not one of the digits 0-9";
            if (c == '\u066B' || c == '\u066C') return "Arabic decimal and group separators are not allowed";
            return $"'{c}' is not allowed in an amount";
        }

        private static string Shorten(string text) => text.Length <= 20 ? text : text.Substring(0, 20) + "...";
    }

    /// <summary>Amount text that is not an amount. The cmdlets report it with ErrorId PayNetInvalidAmount; nothing is sent.</summary>
    public sealed class PayNetInvalidAmountException : PayNetException
    {
        public PayNetInvalidAmountException(PayNetApi api, string operation, string? text, string message)
            : base(api, operation, PayNetErrorCategory.InvalidArgument, message, providerCode: ErrorId)
        {
            Text = text;
        }

        /// <summary>The ErrorId the PowerShell layer gives this error.</summary>
        public const string ErrorId = "PayNetInvalidAmount";

        /// <summary>The text as given (the TargetObject of the error record).</summary>
        public string? Text { get; }
    }
}
