namespace PayNet.PowerShell.Models
{
    /// <summary>
    /// The member Register-PayNetMember created. ResourceId is the registration resource the verified
    /// OTP produced; PayNet consumes it on registration, so it proves which verification this was and
    /// opens nothing.
    /// </summary>
    public sealed class RegisteredWalletMember
    {
        public long? MemberId { get; internal set; }
        public string? Name { get; internal set; }
        /// <summary>The login principal (the mobile number on PayNet).</summary>
        public string? Username { get; internal set; }
        public string? MobileNo { get; internal set; }
        public string? Email { get; internal set; }
        public long? GroupId { get; internal set; }
        public long? DefaultAccountId { get; internal set; }
        public string? ResourceId { get; internal set; }

        public override string ToString() => $"{Name} ({Username}), member {MemberId}";
    }
}
