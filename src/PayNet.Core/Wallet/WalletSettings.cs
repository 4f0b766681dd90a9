using System;
using System.Collections.Generic;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// Transfer-type ids are tenant configuration in the engine (§4): BSL, CellPay and PayNet all use
    /// different ids, so nothing here is hard-coded in the client.
    /// </summary>
    public sealed class WalletTransferTypeIds
    {
        public int P2P { get; set; } = 14;
        public int Loyalty { get; set; } = 18;
        public int FixedFee { get; set; } = 21;
        public int PercentFee { get; set; } = 22;
        public int Cashback { get; set; } = 24;
        public int Discount { get; set; } = 25;
        public int AddMoney { get; set; } = 27;
        public int Withdraw { get; set; } = 28;
    }

    /// <summary>Paths relative to the Wallet base URI (§7), replaceable for deployments that spell them differently.</summary>
    public sealed class WalletRoutes
    {
        public string Login { get; set; } = "access/login";
        public string Logout { get; set; } = "access/logout";
        public string InitialData { get; set; } = "access/initialData";
        public string Profile { get; set; } = "members/me";
        public string GenerateOtp { get; set; } = "members/registration/generate-otp";
        public string VerifyOtp { get; set; } = "members/registration/verify-otp";
        public string Register { get; set; } = "members/registration";
        public string ValidateMemberPayment { get; set; } = "payments/member-payment";
        public string ExecuteMemberPayment { get; set; } = "payments/confirm/member-payment";
        public string ValidateSystemPayment { get; set; } = "payments/system-payment";
        public string ExecuteSystemPayment { get; set; } = "payments/confirm/system-payment";
        public string Accounts { get; set; } = "accounts";
        public string DefaultHistory { get; set; } = "accounts/default/history";
        /// <summary>{0} is the account id.</summary>
        public string AccountHistory { get; set; } = "accounts/{0}/history";
        /// <summary>{0} is the account id.</summary>
        public string AccountStatus { get; set; } = "accounts/{0}/status";
        /// <summary>{0} is the transfer id.</summary>
        public string TransferData { get; set; } = "accounts/transfer-data/{0}";
        /// <summary>{0} is the member id.</summary>
        public string MemberById { get; set; } = "members/{0}";
        /// <summary>{0} is the escaped principal.</summary>
        public string MemberByPrincipal { get; set; } = "members/principal/{0}";
        public string ChangePin { get; set; } = "members/self/pin";
        /// <summary>§6.14 search: <c>?keywords=&amp;currentPage=&amp;pageSize=</c> are appended.</summary>
        public string MemberSearch { get; set; } = "members";
        /// <summary>§6.15 (engine spelling); <c>?destination=&amp;toMemberPrincipal=&amp;currencyId=</c> are appended.</summary>
        public string TransferTypes { get; set; } = "transferTypes";
        /// <summary>§6.15 (engine spelling), same query as <see cref="TransferTypes"/>.</summary>
        public string PaymentData { get; set; } = "payments/paymentData";
        public string Documents { get; set; } = "members/self/documents";
        public string Agreements { get; set; } = "agreements";
        public string AcceptAgreements { get; set; } = "agreements/accept";
        public string QrCreate { get; set; } = "qr/create";
        public string QrDecode { get; set; } = "qr/decode";
        public string QrPay { get; set; } = "qr/pay";
        public string Disputes { get; set; } = "disputes";
    }

    /// <summary>Tenant configuration of one Wallet client.</summary>
    public sealed class WalletSettings
    {
        public WalletTransferTypeIds TransferTypes { get; } = new WalletTransferTypeIds();

        public WalletRoutes Routes { get; } = new WalletRoutes();

        /// <summary>ISO code of the tenant's currency: amounts are checked against its decimals before sending.</summary>
        public string DefaultCurrency { get; set; } = "USD";

        /// <summary>
        /// CurrencyVO symbol or name → ISO code, for tenants whose currency objects carry "$" or "Ghana Cedi"
        /// instead of a code. A symbol that already is an ISO code needs no entry.
        /// </summary>
        public IDictionary<string, string> CurrencyCodes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["$"] = "USD", ["US$"] = "USD", ["US Dollar"] = "USD",
            ["GH₵"] = "GHS", ["GH¢"] = "GHS", ["Ghana Cedi"] = "GHS",
            ["Rs"] = "NPR", ["Rs."] = "NPR", ["NRs"] = "NPR", ["Nepalese Rupee"] = "NPR",
        };

        /// <summary>The documented budget of calls per member per day (UTC); the client counts against it.</summary>
        public int DailyCallBudget { get; set; } = 2000;

        /// <summary>Group new members join on registration (customers are 5 in the seed data).</summary>
        public int CustomerGroupId { get; set; } = 5;

        /// <summary>Prefix of generated trace numbers; 20 hex characters follow it.</summary>
        public string TraceNumberPrefix { get; set; } = "PNPS-";

        /// <summary>
        /// How far from the client's clock a history line may be dated and still be matched by amount and
        /// description when a lost answer is reconciled (a trace-number match needs no window).
        /// </summary>
        public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>How many of the newest history lines reconciliation reads at most.</summary>
        public int ReconcileMaxLines { get; set; } = 200;

        /// <summary>Bound on the reconciliation lookup when the caller's own token was already cancelled.</summary>
        public TimeSpan ReconcileTimeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>
        /// How the caller reconnects with a login OTP, quoted in the error when a 2FA tenant refuses to renew an
        /// expired session (the PowerShell layer puts the exact Connect-PayNet command here). Never holds a secret.
        /// </summary>
        public string? ReconnectHint { get; set; }

        /// <summary>Largest document the client uploads; the sandbox refuses more than 5 MB.</summary>
        public int MaxDocumentBytes { get; set; } = 5 * 1024 * 1024;
    }
}
