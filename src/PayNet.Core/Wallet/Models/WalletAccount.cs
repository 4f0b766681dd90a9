namespace PayNet.Core.Wallet
{
    /// <summary>A wallet (member account, §5.7) with its balance (§5.8).</summary>
    public sealed class WalletAccount
    {
        public long Id { get; internal set; }
        public bool IsDefault { get; internal set; }
        public long? TypeId { get; internal set; }
        /// <summary>"Customer Wallet", "Loyalty Wallet"...</summary>
        public string? TypeName { get; internal set; }
        public string Currency { get; internal set; } = string.Empty;
        public decimal Balance { get; internal set; }
        /// <summary>Balance − reserved + credit limit: what can be spent now.</summary>
        public decimal AvailableBalance { get; internal set; }
        public decimal ReservedAmount { get; internal set; }
        public decimal CreditLimit { get; internal set; }
        public decimal? UpperCreditLimit { get; internal set; }

        public override string ToString() => $"{TypeName} {Id}: {Balance} {Currency} (available {AvailableBalance})";
    }
}
