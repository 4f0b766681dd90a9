using System;
using System.Collections.Generic;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// A member → member payment to validate or execute (§6.3). The client snapshots it when called, so
    /// changing it afterwards affects nothing already quoted.
    /// </summary>
    public sealed class WalletPaymentRequest
    {
        public WalletPaymentRequest() { }

        public WalletPaymentRequest(string toMemberPrincipal, decimal amount)
        {
            ToMemberPrincipal = toMemberPrincipal;
            Amount = amount;
        }

        public WalletPaymentRequest(long toMemberId, decimal amount)
        {
            ToMemberId = toMemberId;
            Amount = amount;
        }

        /// <summary>Payee username, mobile number or account number.</summary>
        public string? ToMemberPrincipal { get; set; }

        /// <summary>Payee member id, the alternative to <see cref="ToMemberPrincipal"/>.</summary>
        public long? ToMemberId { get; set; }

        /// <summary>In the tenant's currency (<see cref="WalletSettings.DefaultCurrency"/>).</summary>
        public decimal Amount { get; set; }

        /// <summary>Null means P2P (<see cref="WalletTransferTypeIds.P2P"/>).</summary>
        public int? TransferTypeId { get; set; }

        public string? Description { get; set; }

        /// <summary>Idempotency key of the payment; generated when empty.</summary>
        public string? TraceNumber { get; set; }

        /// <summary>Transfer-type specific custom fields (internal name → value).</summary>
        public IDictionary<string, string> CustomValues { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public override string ToString() => $"{Amount} to {ToMemberPrincipal ?? ToMemberId?.ToString()}";
    }

    /// <summary>A payment to or from a system account (§6.4): add money, withdraw, tenant-specific types.</summary>
    public sealed class WalletSystemPaymentRequest
    {
        public WalletSystemPaymentRequest() { }

        public WalletSystemPaymentRequest(int transferTypeId, decimal amount)
        {
            TransferTypeId = transferTypeId;
            Amount = amount;
        }

        public int TransferTypeId { get; set; }
        public decimal Amount { get; set; }
        public string? Description { get; set; }
        public string? TraceNumber { get; set; }

        /// <summary>External references such as REFNO, SELECTBANK, ACCOUNTNUMBER (§6.4).</summary>
        public IDictionary<string, string> CustomValues { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public override string ToString() => $"{Amount} (transfer type {TransferTypeId})";
    }

    /// <summary>Input of <see cref="WalletClient.RegisterAsync"/> (§6.2.3).</summary>
    public sealed class WalletRegistration
    {
        public WalletRegistration(string resourceId, string name, string email, string mobileNo, Security.SecretString pin)
        {
            ResourceId = resourceId;
            Name = name;
            Email = email;
            MobileNo = mobileNo;
            Pin = pin;
        }

        /// <summary>From <see cref="WalletClient.VerifyOtpAsync"/>.</summary>
        public string ResourceId { get; }
        public string Name { get; }
        public string Email { get; }
        /// <summary>Must be the verified number.</summary>
        public string MobileNo { get; }
        public Security.SecretString Pin { get; }
        /// <summary>Null means <see cref="WalletSettings.CustomerGroupId"/>.</summary>
        public int? GroupId { get; set; }
        public bool IsMobile { get; set; }

        public override string ToString() => $"Registration of {Name}";
    }
}
