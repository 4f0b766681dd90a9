namespace PayNet.Core.Wallet
{
    /// <summary>A member (§5.5): a payee looked up, the signed-in profile, or a new registration.</summary>
    public sealed class WalletMember
    {
        /// <summary>Null only when a registration answer did not say.</summary>
        public long? Id { get; internal set; }
        /// <summary>The same as <see cref="Id"/>, under the name payment parameters bind to (-ToMemberId).</summary>
        public long? MemberId => Id;
        public string? Name { get; internal set; }
        public string? Username { get; internal set; }
        public string? Email { get; internal set; }
        public string? MobileNo { get; internal set; }
        public long? GroupId { get; internal set; }
        public string? Status { get; internal set; }
        /// <summary>Wallet created with the member, when a registration answer names it.</summary>
        public long? DefaultAccountId { get; internal set; }

        public override string ToString() => $"{Name} ({Username})";
    }

    /// <summary>What login returns (§5.13), flattened.</summary>
    public sealed class WalletInitialData
    {
        public long? MemberId { get; internal set; }
        public string? Name { get; internal set; }
        public string? Username { get; internal set; }
        public string? MobileNo { get; internal set; }
        /// <summary>Confirms carry the PIN; unknown (null) is treated as true.</summary>
        public bool? RequireTransactionPassword { get; internal set; }
        public bool CanMakeMemberPayments { get; internal set; }
        public bool CanMakeSystemPayments { get; internal set; }
        public int? DecimalCount { get; internal set; }
        public string? DecimalSeparator { get; internal set; }
        public long? GroupId { get; internal set; }
        public string? GroupName { get; internal set; }
        public string? GroupNature { get; internal set; }
        public bool CredentialsExpired { get; internal set; }
        public bool IsOperator { get; internal set; }
        public long? DefaultAccountId { get; internal set; }
        public int AccountCount { get; internal set; }
        public string Currency { get; internal set; } = string.Empty;

        public override string ToString() => $"{Name} ({Username}), {AccountCount} wallet(s)";
    }
}
