namespace PayNet.Sandbox.Card;

/// <summary>
/// card.md §5: comission = round2(amount × ratio), comission_tax = round2(comission × tax_rate),
/// net = amount − comission − comission_tax. Split shares keep `_with_tax` and `_net_amount` unrounded.
/// All decimal, half away from zero.
/// </summary>
public static class CardArithmetic
{
    public static decimal Round2(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    public static (decimal Comission, decimal Tax, decimal Net) Totals(decimal amount, decimal ratio, decimal taxRate)
    {
        decimal comission = Round2(amount * ratio);
        decimal tax = Round2(comission * taxRate);
        return (comission, tax, amount - comission - tax);
    }

    /// <summary>One share of a dealer split: commission rounded, commission-with-tax and net left unrounded.</summary>
    public static (decimal Commission, decimal CommissionWithTax, decimal Net) Share(decimal share, decimal ratio, decimal taxRate)
    {
        decimal commission = Round2(share * ratio);
        decimal withTax = commission * (1 + taxRate);
        return (commission, withTax, share - withTax);
    }

    /// <summary>
    /// What a share pays out in the payment report: the service amount is the rounded commission-with-tax, so the
    /// payout of an unsplit transaction equals its net amount to the kuruş.
    /// </summary>
    public static (decimal Service, decimal Pay) Payout(decimal share, decimal commissionWithTax)
    {
        decimal service = Round2(commissionWithTax);
        return (service, share - service);
    }

    /// <summary>The next business day after <paramref name="day"/> (weekends skipped): the T+1 value date.</summary>
    public static DateTime NextBusinessDay(DateTime day)
    {
        var next = day.Date.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) next = next.AddDays(1);
        return next;
    }

    /// <summary>Kuruş string ("10000") to lira (100.00); null when it is not a non-negative whole number.</summary>
    public static decimal? FromKurus(string text)
    {
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long kurus)) return null;
        if (kurus > 100_000_000_000L) return null;
        return kurus * 0.01m;
    }
}
