using System;
using System.Globalization;

namespace PayNet.Core.TopUp
{
    /// <summary>Paynet transaction states (topup.md §6). 5 is undocumented, hence Unknown for anything else.</summary>
    public enum TopUpState
    {
        Unknown = int.MinValue,
        New = -1,
        Pending = 0,
        Success = 1,
        Failed = 2,
        Cancelled = 3,
        Replaced = 4,
        Paused = 6,
    }

    public static class TopUpStates
    {
        public static TopUpState Parse(string? wire)
        {
            if (wire is null || !int.TryParse(wire.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code)) return TopUpState.Unknown;
            return Enum.IsDefined(typeof(TopUpState), code) ? (TopUpState)code : TopUpState.Unknown;
        }

        /// <summary>1, 2, 3 and 4 are final; -1, 0 and 6 are not (§6).</summary>
        public static bool IsFinal(TopUpState state) =>
            state == TopUpState.Success || state == TopUpState.Failed || state == TopUpState.Cancelled || state == TopUpState.Replaced;
    }

    /// <summary>What to top up: a catalogue product, the account to credit, and the amount or amount id.</summary>
    public sealed class TopUpRequest
    {
        /// <summary>Service id from the catalogue (et-mc, slk100...), or "intl" / "international-bridge".</summary>
        public string Product { get; set; } = string.Empty;

        /// <summary>The number (or e-mail) to credit.</summary>
        public string Account { get; set; } = string.Empty;

        /// <summary>The end customer; Paynet's examples send the account again, so that is the default.</summary>
        public string? Customer { get; set; }

        /// <summary>AED amount for Direct Recharge and e-Vouchers; not used by international products at check.</summary>
        public decimal? Amount { get; set; }

        /// <summary>Your idempotency key. One is generated ("pnps-" + 24 hex) when left empty.</summary>
        public string? ExternalId { get; set; }

        /// <summary>International Bridge: the amount id chosen from <see cref="TopUpBridgeAmount"/>.</summary>
        public string? AmountId { get; set; }

        /// <summary>
        /// A test transaction against a real POS: sends <c>"simulation": true</c> (seed 002, topup.md §9) on the
        /// check and on its confirm, and the result says <see cref="TopUpTransaction.Simulation"/>.
        /// </summary>
        public bool Simulation { get; set; }
    }

    /// <summary>The POS account balance.</summary>
    public sealed class TopUpBalance
    {
        public string Currency { get; set; } = "AED";

        /// <summary>The "main" wallet.</summary>
        public decimal? Main { get; set; }

        /// <summary>Every wallet as "name=amount; ..." so other wallets are not lost in a flat object.</summary>
        public string Wallets { get; set; } = string.Empty;

        public override string ToString() => $"{MoneyText.Of(Main)} {Currency}";
    }

    /// <summary>One sellable service of the POS catalogue (/services).</summary>
    public sealed class TopUpProduct
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Biller { get; set; }
        public string? Category { get; set; }
        public string? Subcategory { get; set; }
        public decimal? AmountMin { get; set; }
        public decimal? AmountMax { get; set; }
        /// <summary>0 on fixed-price items (min == max).</summary>
        public decimal? AmountStep { get; set; }
        /// <summary>True for e-Vouchers: the PIN comes back from find.</summary>
        public bool IsPinBased { get; set; }
        public bool IsAccountRequired { get; set; }
        public bool Active { get; set; }
        public string Currency { get; set; } = "AED";
        public decimal? CommissionValue { get; set; }
        /// <summary>Paynet's commission type code; its meaning is undocumented.</summary>
        public string? CommissionType { get; set; }

        public bool IsFixedPrice => AmountMin.HasValue && AmountMax.HasValue && AmountMin == AmountMax;

        public bool IsInternational => TopUpProductIds.IsInternational(Id);

        /// <summary>Null when the catalogue accepts the amount, else why it does not (the rules of topup.md §12.4).</summary>
        public string? AmountProblem(decimal amount)
        {
            if (AmountMin.HasValue && amount < AmountMin.Value || AmountMax.HasValue && amount > AmountMax.Value)
                return $"Amount {MoneyText.Of(amount)} AED is outside the range {MoneyText.Of(AmountMin)}-{MoneyText.Of(AmountMax)} AED of product '{Id}'.";
            decimal step = AmountStep ?? 0m;
            if (step > 0m && ((amount - (AmountMin ?? 0m)) % step) != 0m)
                return $"Amount {MoneyText.Of(amount)} AED is not a step of {MoneyText.Of(step)} AED from {MoneyText.Of(AmountMin ?? 0m)} AED for product '{Id}'.";
            if (step == 0m && AmountMin.HasValue && AmountMax == AmountMin && amount != AmountMin.Value)
                return $"Product '{Id}' has the fixed price {MoneyText.Of(AmountMin)} AED.";
            return null;
        }

        public override string ToString() => $"{Id} ({Name})";
    }

    /// <summary>The POS and its agent (/point_info).</summary>
    public sealed class TopUpPointInfo
    {
        public string? PosId { get; set; }
        public string? AgentName { get; set; }
        public string? AgentAddress { get; set; }
        public string? SupportEmail { get; set; }

        public override string ToString() => $"POS {PosId} ({AgentName})";
    }

    /// <summary>One polling step, reported to the caller's progress sink.</summary>
    public sealed class TopUpPollStatus
    {
        public TopUpPollStatus(TopUpTransaction transaction, int poll, TimeSpan elapsed, TimeSpan? nextPollIn, TimeSpan timeout)
        {
            Transaction = transaction;
            Poll = poll;
            Elapsed = elapsed;
            NextPollIn = nextPollIn;
            Timeout = timeout;
        }

        public TopUpTransaction Transaction { get; }
        /// <summary>1 for the first find.</summary>
        public int Poll { get; }
        public TimeSpan Elapsed { get; }
        /// <summary>Null once the state is final.</summary>
        public TimeSpan? NextPollIn { get; }
        public TimeSpan Timeout { get; }
        public TopUpState State => Transaction.State;
        public string? ExternalId => Transaction.ExternalId;

        public override string ToString() => $"{ExternalId}: {State} after {Poll} poll(s), {Elapsed.TotalSeconds:0} s";
    }

    internal static class MoneyText
    {
        public static string Of(decimal? amount) => amount.HasValue ? amount.Value.ToString("0.00##", CultureInfo.InvariantCulture) : "?";
    }
}
