using System;
using System.Globalization;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Money;

namespace PayNet.PowerShell
{
    /// <summary>
    /// An -Amount as the caller gave it: a number typed in a script, or text from a CSV cell or the
    /// command line. Text is read by PayNet.Core's one strict reader (AmountText: ASCII digits and at
    /// most one '.', whatever the culture), so '10,00' is refused instead of paying 1000.
    /// Binding never fails: a bad amount is that row's PayNetInvalidAmount error, raised by the cmdlet
    /// with the row as TargetObject before anything is sent, and the batch goes on.
    /// </summary>
    public sealed class PayNetAmount
    {
        private readonly decimal _value;

        public PayNetAmount(decimal value) : this(value.ToString(CultureInfo.InvariantCulture), value, null) { }
        public PayNetAmount(int value) : this((decimal)value) { }
        public PayNetAmount(long value) : this((decimal)value) { }

        /// <summary>Text is read strictly; see the class summary.</summary>
        public PayNetAmount(string text) : this(text, Parse(text, out var amount, out var problem) ? amount : 0m, problem) { }

        private PayNetAmount(string text, decimal value, string? problem)
        {
            Text = text;
            _value = value;
            Problem = problem;
        }

        /// <summary>What was given, as text.</summary>
        public string Text { get; }

        /// <summary>Why it is not an amount; null when it is one.</summary>
        public string? Problem { get; }

        public bool IsValid => Problem is null;

        /// <summary>The amount; throws PayNetInvalidAmountException when the input was not one.</summary>
        public decimal Value => IsValid ? _value : throw new InvalidOperationException(Problem);

        /// <summary>The decimal, or a PayNetInvalidAmountException for the row's error.</summary>
        public decimal For(PayNetApi api, string operation) =>
            IsValid ? _value : throw new PayNetInvalidAmountException(api, operation, Text, Problem!);

        public override string ToString() => Text;

        private static bool Parse(string text, out decimal amount, out string? problem)
        {
            bool ok = AmountText.TryParse(text, out amount, out string error);
            problem = ok ? null : error;
            return ok;
        }

        /// <summary>Anything a script or a pipeline can hand to -Amount.</summary>
        internal static PayNetAmount From(object? input)
        {
            object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
            switch (value)
            {
                case null: return new PayNetAmount(string.Empty);
                case PayNetAmount already: return already;
                case decimal d: return new PayNetAmount(d);
                case int i: return new PayNetAmount(i);
                case long l: return new PayNetAmount(l);
                case short s: return new PayNetAmount((decimal)s);
                case byte b: return new PayNetAmount((decimal)b);
                case double dbl: return FromBinary(dbl, dbl.ToString("R", CultureInfo.InvariantCulture), double.IsNaN(dbl) || double.IsInfinity(dbl));
                case float f: return FromBinary(f, f.ToString("R", CultureInfo.InvariantCulture), float.IsNaN(f) || float.IsInfinity(f));
                case string text: return new PayNetAmount(text);
                default:
                    string shown = value.ToString() ?? value.GetType().Name;
                    return new PayNetAmount(shown, 0m, $"A {value.GetType().Name} ('{shown}') is not an amount.");
            }
        }

        /// <summary>
        /// A double typed in a script (-Amount 12.3): its round-trip text keeps what the literal said, and
        /// is then read by the same strict reader (so 1E+30 or NaN is refused, not rounded).
        /// </summary>
        private static PayNetAmount FromBinary(double value, string roundTrip, bool notANumber)
        {
            if (notANumber) return new PayNetAmount(roundTrip, 0m, $"'{roundTrip}' is not an amount.");
            if (value < 0) return new PayNetAmount(roundTrip, 0m, $"'{roundTrip}' is not an amount: amounts are never negative.");
            if (roundTrip.IndexOfAny(new[] { 'E', 'e' }) >= 0)
            {
                // A small or large double prints with an exponent; read it as the decimal it is.
                try { return new PayNetAmount((decimal)value); }
                catch (OverflowException) { return new PayNetAmount(roundTrip, 0m, $"'{roundTrip}' is too large to be an amount."); }
            }
            return new PayNetAmount(roundTrip);
        }
    }

    /// <summary>Turns whatever was bound to -Amount into a PayNetAmount, and never throws.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PayNetAmountTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => PayNetAmount.From(inputData);
    }
}
