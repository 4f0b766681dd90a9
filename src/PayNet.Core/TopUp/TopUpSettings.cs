using System;
using PayNet.Core.Security;

namespace PayNet.Core.TopUp
{
    /// <summary>The POS identity Paynet issued: its id and the token that signs every request (never sent).</summary>
    public sealed class TopUpCredentials
    {
        public TopUpCredentials(int posId, SecretString token)
        {
            if (posId <= 0) throw new ArgumentOutOfRangeException(nameof(posId), "The POS id is a positive integer issued by the Paynet manager.");
            PosId = posId;
            Token = token ?? throw new ArgumentNullException(nameof(token));
        }

        public int PosId { get; }

        public SecretString Token { get; }

        public override string ToString() => $"TopUp POS {PosId}";
    }

    /// <summary>Which international top-up generation the POS uses (topup.md §0.2).</summary>
    public enum TopUpInternationalVariant
    {
        /// <summary>Product "intl", one /providers catalogue endpoint, amount and type chosen at confirm.</summary>
        Legacy,
        /// <summary>Product "international-bridge", amount chosen at check by amount_id.</summary>
        Bridge,
    }

    /// <summary>Behaviour of a TopUp client beyond transport: polling cadence and the international variant.</summary>
    public sealed class TopUpSettings
    {
        /// <summary>First wait between two finds while a transaction is pending (spec: 5 s).</summary>
        public TimeSpan PollInitialInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The wait doubles up to this ceiling (spec: 60 s).</summary>
        public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Overall wait for a final state before giving up and escalating (spec: about 1 h).</summary>
        public TimeSpan PollTimeout { get; set; } = TimeSpan.FromHours(1);

        public TopUpInternationalVariant InternationalVariant { get; set; } = TopUpInternationalVariant.Bridge;

        /// <summary>How many find / re-confirm rounds a confirm with a lost answer gets before its state is declared unknown.</summary>
        public int ReconcileAttempts { get; set; } = 4;

        /// <summary>The product id of the configured international variant.</summary>
        public string InternationalProductId => InternationalVariant == TopUpInternationalVariant.Legacy
            ? TopUpProductIds.Legacy
            : TopUpProductIds.Bridge;

        internal void Validate()
        {
            if (PollInitialInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PollInitialInterval));
            if (PollMaxInterval < PollInitialInterval) throw new ArgumentOutOfRangeException(nameof(PollMaxInterval), "PollMaxInterval must be at least PollInitialInterval.");
            if (PollTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PollTimeout));
            if (ReconcileAttempts < 1) throw new ArgumentOutOfRangeException(nameof(ReconcileAttempts));
        }
    }

    /// <summary>The product ids of the two international variants.</summary>
    public static class TopUpProductIds
    {
        public const string Legacy = "intl";
        public const string Bridge = "international-bridge";

        public static bool IsInternational(string? product) => IsLegacy(product) || IsBridge(product);

        public static bool IsLegacy(string? product) => string.Equals(product, Legacy, StringComparison.OrdinalIgnoreCase);

        public static bool IsBridge(string? product) => string.Equals(product, Bridge, StringComparison.OrdinalIgnoreCase);
    }
}
