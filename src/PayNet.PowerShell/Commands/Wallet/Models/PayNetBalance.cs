using System;
using PayNet.Core;

namespace PayNet.PowerShell.Models
{
    /// <summary>
    /// A balance Get-PayNetWallet reports. Wallet accounts and the TopUp POS account share these exact
    /// columns in this order, so a mixed list formats as one table and exports as one CSV; the type
    /// (or the Service column) tells them apart.
    /// </summary>
    public abstract class PayNetBalance
    {
        private protected PayNetBalance() { }

        public PayNetApi Service { get; internal set; }
        /// <summary>Wallet: the account id. TopUp: the POS id.</summary>
        public string AccountId { get; internal set; } = string.Empty;
        /// <summary>Wallet: the account type ("Customer Wallet"). TopUp: "POS main wallet".</summary>
        public string? Name { get; internal set; }
        public bool IsDefault { get; internal set; }
        public string Currency { get; internal set; } = string.Empty;
        /// <summary>Null when the provider did not report it.</summary>
        public decimal? Balance { get; internal set; }
        /// <summary>What can be spent now (Wallet: balance − reserved + credit limit).</summary>
        public decimal? AvailableBalance { get; internal set; }
        public decimal? ReservedAmount { get; internal set; }
        public decimal? CreditLimit { get; internal set; }
        /// <summary>TopUp: every POS wallet as "name=amount; ...". Wallet: the account type id.</summary>
        public string? Details { get; internal set; }
        public DateTimeOffset RetrievedAt { get; internal set; }

        public override string ToString() => $"{Service} {AccountId} {Name}: {Balance} {Currency}";
    }

    /// <summary>One Wallet account (member wallet) with its balance.</summary>
    public sealed class WalletBalance : PayNetBalance
    {
        internal WalletBalance() { }
    }

    /// <summary>The TopUp POS account's balance, listed when the session also has a TopUp connection.</summary>
    public sealed class TopUpPosBalance : PayNetBalance
    {
        internal TopUpPosBalance() { }
    }
}
