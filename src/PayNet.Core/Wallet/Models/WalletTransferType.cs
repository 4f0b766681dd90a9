using System.Collections.Generic;

namespace PayNet.Core.Wallet
{
    /// <summary>Where a payment goes (§6.15 <c>destination</c>): another member, or a system account (add money, withdraw).</summary>
    public enum WalletPaymentDestination { Member, System }

    /// <summary>Where a transfer-type list came from.</summary>
    public enum WalletTransferTypeSource
    {
        /// <summary>PayNet's transferTypes / paymentData answer for this member (§6.15).</summary>
        PayNet,
        /// <summary>The client's configured table (<see cref="WalletTransferTypeIds"/>), used when the tenant does not serve §6.15.</summary>
        Configuration,
    }

    /// <summary>A transfer type the member may use (TransferTypeVO, §5.3).</summary>
    public sealed class WalletTransferType
    {
        public int Id { get; internal set; }
        public string? Name { get; internal set; }
        /// <summary>The client's name for this id in the tenant table (P2P, FixedFee...), when it has one.</summary>
        public string? ConfiguredName { get; internal set; }
        public WalletPaymentDestination? Destination { get; internal set; }
        public long? FromAccountTypeId { get; internal set; }
        public string? FromAccountType { get; internal set; }
        public long? ToAccountTypeId { get; internal set; }
        public string? ToAccountType { get; internal set; }
        /// <summary>ISO code; empty when the answer named no currency.</summary>
        public string Currency { get; internal set; } = string.Empty;
        public WalletTransferTypeSource Source { get; internal set; }

        public override string ToString() => $"{Id} {Name ?? ConfiguredName}";
    }

    /// <summary>What a payment form needs (§6.15 paymentData): usable types, balances by wallet type, the payee.</summary>
    public sealed class WalletPaymentData
    {
        public IReadOnlyList<WalletTransferType> TransferTypes { get; internal set; } = new List<WalletTransferType>();
        /// <summary>Available balance per wallet (account) type id.</summary>
        public IReadOnlyDictionary<long, decimal> AvailableBalances { get; internal set; } = new Dictionary<long, decimal>();
        public WalletMember? ToMember { get; internal set; }
    }
}
