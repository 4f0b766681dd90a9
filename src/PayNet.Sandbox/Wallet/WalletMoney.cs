using System.Globalization;

namespace PayNet.Sandbox.Wallet;

internal enum PaymentFamily { Member, System, Internal }

internal enum FeeKind { None, Fixed, Percentage, Cashback, Discount }

/// <summary>One row of the §11.3 transfer-type table.</summary>
internal sealed class WalletTransferType
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Operation { get; init; } = "";
    public PaymentFamily Family { get; init; }
    public long[] FromTypes { get; init; } = Array.Empty<long>();
    public long[] ToTypes { get; init; } = Array.Empty<long>();
    public FeeKind Fee { get; init; }
    /// <summary>The fixed fee, or the rate as a fraction (0.015 = 1.5 %).</summary>
    public decimal FeeValue { get; init; }
    public decimal? FeeMin { get; init; }
    public decimal? FeeMax { get; init; }
    /// <summary>Engine deductAmount: the payee receives amount − fee instead of the payer paying on top.</summary>
    public bool DeductFee { get; set; }
    /// <summary>Confirm leaves it PENDING until the gateway (or a sandbox control route) settles it.</summary>
    public bool Pending { get; set; }

    public bool Allows(long fromType, long toType) => FromTypes.Contains(fromType) && ToTypes.Contains(toType);
}

internal sealed record FeeLine(string Name, decimal Amount);

/// <summary>The figures of one payment under §11.4, identical for validate and confirm.</summary>
internal sealed record PaymentQuote(
    decimal Amount,
    decimal FinalAmount,
    decimal ConsolidatedAmount,
    decimal SourceDebit,
    decimal PayeeCredit,
    decimal Fee,
    decimal Cashback,
    decimal Discount,
    IReadOnlyList<FeeLine> Fees);

/// <summary>The tenant configuration of the sandbox: the transfer-type table and the limits of §11.6.</summary>
internal sealed class WalletRules
{
    public const long FixedFeeChildType = 91;
    public const long PercentageFeeChildType = 92;
    public const long CashbackChildType = 94;
    public const long DiscountChildType = 95;
    /// <summary>The sandbox's own id (the spec has no type for it); 95 is the discount credit of §11.3.</summary>
    public const long DisputeRefundType = 96;

    public Dictionary<long, WalletTransferType> Types { get; } = new();
    public decimal MinimumPayment { get; set; } = 1.00m;
    public decimal DailyOutgoingMax { get; set; } = 5_000.00m;
    /// <summary>Anything larger is a typo or an overflow, not a payment (same ceiling as the client's).</summary>
    public decimal MaxAmount { get; set; } = 100_000_000.00m;
    public bool EnforceAgreements { get; set; }
    public int DisputeWindowDays { get; set; } = 90;
    public int QrDefaultExpirySeconds { get; set; } = 900;

    public static WalletRules Create(WalletSandboxOptions options)
    {
        var rules = new WalletRules();
        long[] customer = { AccountTypes.CustomerWallet };
        long[] anyPayee = { AccountTypes.CustomerWallet, AccountTypes.MerchantWallet };
        // Names as the seed shows them (wallet.md §11.3); every member type goes to any member wallet (the
        // seed pays cashback to member 3, a customer, and the discount to member 4, the merchant).
        rules.Add(new() { Id = 14, Name = "Send Money", Operation = "P2P", Family = PaymentFamily.Member, FromTypes = customer, ToTypes = anyPayee });
        rules.Add(new() { Id = 18, Name = "Send Money + Loyalty", Operation = "LoyaltyPayment", Family = PaymentFamily.Member, FromTypes = new[] { AccountTypes.LoyaltyWallet }, ToTypes = anyPayee });
        rules.Add(new() { Id = 21, Name = "Send Money + Fixed Fee", Operation = "FixedFeePayment", Family = PaymentFamily.Member, FromTypes = customer, ToTypes = anyPayee, Fee = FeeKind.Fixed, FeeValue = 5.00m });
        rules.Add(new() { Id = 22, Name = "Send Money + % Fee", Operation = "PercentageFeePayment", Family = PaymentFamily.Member, FromTypes = customer, ToTypes = anyPayee, Fee = FeeKind.Percentage, FeeValue = 0.015m, FeeMin = 0.10m, FeeMax = 50.00m });
        rules.Add(new() { Id = 24, Name = "Send Money + Cashback", Operation = "CashbackPayment", Family = PaymentFamily.Member, FromTypes = customer, ToTypes = anyPayee, Fee = FeeKind.Cashback, FeeValue = 0.02m });
        rules.Add(new() { Id = 25, Name = "Send Money + Discount", Operation = "DiscountPayment", Family = PaymentFamily.Member, FromTypes = customer, ToTypes = anyPayee, Fee = FeeKind.Discount, FeeValue = 0.05m });
        rules.Add(new() { Id = options.AddMoneyTransferTypeId, Name = "Add Money", Operation = "AddMoney", Family = PaymentFamily.System, FromTypes = new[] { AccountTypes.GatewayClearing }, ToTypes = customer, Pending = true });
        rules.Add(new() { Id = 28, Name = "Withdraw Money", Operation = "Withdraw", Family = PaymentFamily.System, FromTypes = customer, ToTypes = new[] { AccountTypes.GatewayClearing }, Fee = FeeKind.Fixed, FeeValue = 0.00m, Pending = options.WithdrawPending });
        rules.Add(new() { Id = FixedFeeChildType, Name = "Fixed fee", Operation = "Fee", Family = PaymentFamily.Internal });
        rules.Add(new() { Id = PercentageFeeChildType, Name = "Percentage fee", Operation = "Fee", Family = PaymentFamily.Internal });
        rules.Add(new() { Id = CashbackChildType, Name = "Cashback", Operation = "Cashback", Family = PaymentFamily.Internal });
        rules.Add(new() { Id = DiscountChildType, Name = "Discount", Operation = "Discount", Family = PaymentFamily.Internal });
        rules.Add(new() { Id = DisputeRefundType, Name = "Dispute refund", Operation = "DisputeRefund", Family = PaymentFamily.Internal });
        return rules;
    }

    private void Add(WalletTransferType type) => Types[type.Id] = type;

    public WalletTransferType? Find(long id, PaymentFamily family) =>
        Types.TryGetValue(id, out var type) && type.Family == family ? type : null;
}

/// <summary>Rounding, formatting and the per-type fee arithmetic of §11.1/§11.4.</summary>
internal static class WalletMoney
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Exactly two decimals on the wire (1000.00, not 1000 or 1000.0000).</summary>
    public static decimal Wire(decimal value) => Round(value) + 0.00m;

    public static bool HasAtMostTwoDecimals(decimal value) => value == Math.Round(value, 2);

    /// <summary>"$#amount#" with ',' thousands and '.' decimals; negatives keep the sign on the number.</summary>
    public static string Format(decimal value) =>
        WalletSeed.Currency.Pattern.Replace("#amount#", Round(value).ToString("#,##0.00", Invariant), StringComparison.Ordinal);

    public static PaymentQuote Quote(WalletTransferType type, decimal amount)
    {
        decimal fee, cashback = 0m, discount = 0m;
        switch (type.Fee)
        {
            case FeeKind.Fixed:
                fee = Round(type.FeeValue);
                break;
            case FeeKind.Percentage:
                fee = Round(amount * type.FeeValue);
                if (type.FeeMin is { } min && fee < min) fee = min;
                if (type.FeeMax is { } max && fee > max) fee = max;
                break;
            case FeeKind.Cashback:
                fee = 0m;
                cashback = Round(amount * type.FeeValue);
                break;
            case FeeKind.Discount:
                fee = 0m;
                discount = Round(amount * type.FeeValue);
                break;
            default:
                fee = 0m;
                break;
        }

        // §11.4: the preview of cashback and discount shows no fees and finalAmount = baseAmount (seed: 55 → 55,
        // 100 → 100); the payer pays A, the payee gets A, and the credit back is booked afterwards as its own transfer.
        if (type.Fee is FeeKind.Cashback or FeeKind.Discount)
            return new(amount, amount, amount, amount, amount, 0m, cashback, discount, Array.Empty<FeeLine>());

        var fees = fee > 0m ? new[] { new FeeLine(type.Fee == FeeKind.Percentage ? "Percentage Fee" : "Fixed Fee", fee) } : Array.Empty<FeeLine>();
        if (type.DeductFee)
        {
            if (fee >= amount) throw WalletErrors.InvalidAmount($"The amount {Format(amount)} does not cover the fee of {Format(fee)}");
            return new(amount, amount - fee, amount, amount, amount - fee, fee, 0m, 0m, fees);
        }
        return new(amount, amount, amount + fee, amount + fee, amount, fee, 0m, 0m, fees);
    }
}
