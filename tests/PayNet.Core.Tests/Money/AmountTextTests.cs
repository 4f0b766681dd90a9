using System.Globalization;
using PayNet.Core.Money;

namespace PayNet.Core.Tests.Money;

/// <summary>
/// Issue 13 defect 2 / issue 20 item 1: '10,00' paid 1000.00 and '1,5' paid 15.00. Amount text is read one way
/// only, whatever the current culture; everything else is refused with a message, never guessed.
/// </summary>
public sealed class AmountTextTests
{
    private static readonly string[] Cultures = { "en-US", "de-DE", "tr-TR", "fr-FR", "ar-SA", "hi-IN", "fa-IR", "" };

    public static IEnumerable<object[]> Accepted()
    {
        var cases = new (string Text, decimal Value)[]
        {
            ("10", 10m), ("10.00", 10.00m), ("0.50", 0.50m), ("1234.5", 1234.5m), (" 10 ", 10m), ("\t7.25\t", 7.25m),
            ("007", 7m), ("0", 0m), ("99999999999999999999.99", 99999999999999999999.99m),
        };
        foreach (var culture in Cultures)
            foreach (var (text, value) in cases)
                yield return new object[] { culture, text, value };
    }

    public static IEnumerable<object[]> Refused()
    {
        var cases = new (string Text, string Hint)[]
        {
            ("10,00", "comma"), ("1,5", "comma"), ("1,0", "comma"), ("1,000.00", "comma"), ("1.000,00", "comma"),
            ("1.000.000", "more than one"), ("1 000", "group"), ("1'000", "group"), ("1_000", "group"), ("1\u00A0000", "group"),
            ("abc", "'a'"), ("١٠", "digits 0-9"), ("۱۰", "digits 0-9"), ("१०", "digits 0-9"), ("１０", "digits 0-9"), ("1٫5", "Arabic"),
            ("1e1", "exponent"), ("1E3", "exponent"), ("0x10", "hexadecimal"), ("&H10", "'&'"),
            ("-10", "sign"), ("+10", "sign"), ("\u221210", "sign"), ("10-", "sign"),
            ("10.", "both sides"), (".5", "both sides"), (".", "both sides"), ("", "empty"), ("   ", "empty"),
            ("10 00", "group"), ("$10", "'$'"), ("10 TRY", "group"), ("NaN", "'N'"), ("Infinity", "'I'"), ("∞", "'∞'"),
            ("1" + new string('0', 40), "too long"), ("79228162514264337593543950336", "too large"),
        };
        foreach (var culture in Cultures)
            foreach (var (text, hint) in cases)
                yield return new object[] { culture, text, hint };
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Digits_with_one_point_read_the_same_in_every_culture(string culture, string text, decimal expected)
    {
        using var scope = new CultureScope(culture);
        Assert.True(AmountText.TryParse(text, out var amount, out var error), error);
        Assert.Equal(expected, amount);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), amount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused_with_a_reason_in_every_culture(string culture, string text, string hint)
    {
        using var scope = new CultureScope(culture);
        Assert.False(AmountText.TryParse(text, out var amount, out var error));
        Assert.Equal(0m, amount);
        Assert.Contains(hint, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.False(AmountText.TryParse(null, out _, out var error));
        Assert.Contains("empty", error);
    }

    [Fact]
    public void Parse_throws_the_invalid_amount_error_naming_the_text()
    {
        var error = Assert.Throws<PayNetInvalidAmountException>(() => AmountText.Parse("10,00", PayNetApi.Wallet, "MemberPayment"));
        Assert.Equal("10,00", error.Text);
        Assert.Equal(PayNetErrorCategory.InvalidArgument, error.Category);
        Assert.Equal("PayNetInvalidAmount", error.ProviderCode);
        Assert.Contains("'10,00'", error.Message);
    }

    [Fact]
    public void The_scale_of_the_text_is_kept()
    {
        Assert.True(AmountText.TryParse("10.50", out var amount, out _));
        Assert.Equal("10.50", amount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Converting_objects_is_culture_invariant_too(string culture)
    {
        using var scope = new CultureScope(culture);
        Assert.True(AmountText.TryConvert(12.5m, out var fromDecimal, out _));
        Assert.True(AmountText.TryConvert(12, out var fromInt, out _));
        Assert.True(AmountText.TryConvert(12.5d, out var fromDouble, out _));
        Assert.True(AmountText.TryConvert("12.5", out var fromText, out _));
        Assert.Equal(new[] { 12.5m, 12m, 12.5m, 12.5m }, new[] { fromDecimal, fromInt, fromDouble, fromText });
        Assert.False(AmountText.TryConvert("12,5", out _, out _));
        Assert.False(AmountText.TryConvert(-1m, out _, out var negative));
        Assert.Contains("negative", negative);
        Assert.False(AmountText.TryConvert(double.NaN, out _, out _));
        Assert.False(AmountText.TryConvert(DateTime.Now, out _, out _));
        Assert.False(AmountText.TryConvert(true, out _, out _));
        Assert.False(AmountText.TryConvert(null, out _, out _));
    }

    [Fact]
    public void A_double_is_its_15_significant_digits_without_trailing_zeros()
    {
        // 0.1 + 0.2 is 0.30000000000000004 as a double: the amount is 0.3 (it passes a two-decimal currency), while a
        // double that really has more decimals, 1.005, keeps them and is refused by the currency's rule.
        Assert.True(AmountText.TryConvert(0.1d + 0.2d, out var sum, out _));
        Assert.Equal(0.3m, sum);
        Assert.Null(MoneyRules.Problem(sum, "USD"));
        Assert.True(AmountText.TryConvert(1.005d, out var three, out _));
        Assert.NotNull(MoneyRules.Problem(three, "USD"));
        Assert.True(AmountText.TryConvert((float)1.1, out var single, out _));
        Assert.Equal(1.1m, single);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture, _ui;

        public CultureScope(string name)
        {
            _culture = CultureInfo.CurrentCulture;
            _ui = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = name.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
