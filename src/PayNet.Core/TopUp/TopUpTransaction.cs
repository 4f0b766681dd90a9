using System;
using System.Collections.Generic;

namespace PayNet.Core.TopUp
{
    /// <summary>
    /// A TopUp transaction as the client last saw it: after check (New), confirm, or find. Flat, so it
    /// exports to CSV as is. The voucher PIN is the product being sold, so it is here; the POS token and
    /// the request hash never are.
    /// </summary>
    public sealed class TopUpTransaction : PayNetRecord, IPayNetRecord
    {
        /// <summary>Always TopUp; one of the columns all PayNet records share.</summary>
        public PayNetApi Service => PayNetApi.TopUp;

        /// <summary>Paynet's transaction id ("69d-7c9-5f1-098-494"); empty until Paynet gave one.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Your external_transaction_id: the reference to look the transaction up by.</summary>
        public string? ExternalId { get; set; }

        public TopUpState State { get; set; } = TopUpState.Unknown;

        public bool IsFinal => TopUpStates.IsFinal(State);

        /// <summary>Paynet's failure text (state 2); empty on success.</summary>
        public string? Error { get; set; }

        public string? Product { get; set; }
        public string? ProductName { get; set; }
        public string? Account { get; set; }
        public string? Customer { get; set; }

        /// <summary>AED for Direct Recharge and vouchers; the destination's local amount for international top-ups.</summary>
        public decimal? Amount { get; set; }
        public string? AmountCurrency { get; set; }

        /// <summary>What the POS pays (AED), when Paynet says.</summary>
        public decimal? Price { get; set; }
        public string? PriceCurrency { get; set; }

        /// <summary>e-Voucher PIN / code (find's info.number), once the voucher is delivered.</summary>
        public string? VoucherPin { get; set; }
        public string? VoucherSerial { get; set; }
        public string? VoucherReference { get; set; }

        public string? CountryId { get; set; }
        public string? CountryName { get; set; }
        public string? ProviderId { get; set; }
        public string? ProviderName { get; set; }

        /// <summary>Legacy international: the bridge amount id chosen at check.</summary>
        public string? AmountId { get; set; }

        /// <summary>Legacy international check: the denominations offered, as "100 PKR = 5.00 AED (type 1); ...".</summary>
        public string? OfferedAmounts { get; set; }

        /// <summary>Paynet's time, read as UAE local time (UTC+4) because it carries no zone.</summary>
        public DateTimeOffset? Time { get; set; }

        /// <summary>True when the answer was lost and this state was recovered by find or a repeated confirm.</summary>
        public bool Reconciled { get; set; }

        /// <summary>The external id: the reference you gave (or were given) at check.</summary>
        public string? Reference => ExternalId;

        /// <summary>The currency of <see cref="Amount"/> (AED, or the destination's for international).</summary>
        public string? Currency => AmountCurrency;
        public string StateName => State.ToString();

        /// <summary>PayNet's receipt (§5.6) once the top-up succeeded; null while pending or when PayNet sent none.</summary>
        public TopUpReceipt? Receipt { get; set; }

        /// <summary>A test transaction (checked with "simulation": true): PayNet moves no money for it.</summary>
        public bool Simulation { get; set; }

        /// <summary>Legacy international: the denominations the check offered, to pick the confirm amount from.</summary>
        public IReadOnlyList<TopUpIntlDenomination> GetOfferedDenominations() => Offered ?? Array.Empty<TopUpIntlDenomination>();

        // What the client remembers between check, confirm and polling; not part of the output.
        internal bool ConfirmSent { get; set; }
        internal decimal? ConfirmAmount { get; set; }
        internal int? ConfirmTypeId { get; set; }
        internal IReadOnlyList<TopUpIntlDenomination>? Offered { get; set; }

        internal bool IsBridge => TopUpProductIds.IsBridge(Product);
        internal bool IsLegacyInternational => TopUpProductIds.IsLegacy(Product);

        /// <summary>Fills what a newer answer left out from what an older one said (find rarely echoes everything).</summary>
        internal TopUpTransaction MergeFrom(TopUpTransaction? older)
        {
            if (older is null) return this;
            if (string.IsNullOrEmpty(Id)) Id = older.Id;
            ExternalId ??= older.ExternalId;
            Product ??= older.Product;
            ProductName ??= older.ProductName;
            Account ??= older.Account;
            Customer ??= older.Customer;
            if (!Amount.HasValue) { Amount = older.Amount; AmountCurrency ??= older.AmountCurrency; }
            AmountCurrency ??= older.AmountCurrency;
            Price ??= older.Price;
            PriceCurrency ??= older.PriceCurrency;
            VoucherPin ??= older.VoucherPin;
            VoucherSerial ??= older.VoucherSerial;
            VoucherReference ??= older.VoucherReference;
            CountryId ??= older.CountryId;
            CountryName ??= older.CountryName;
            ProviderId ??= older.ProviderId;
            ProviderName ??= older.ProviderName;
            AmountId ??= older.AmountId;
            OfferedAmounts ??= older.OfferedAmounts;
            Time ??= older.Time;
            Receipt ??= older.Receipt;
            Simulation |= older.Simulation;
            Offered ??= older.Offered;
            ConfirmSent |= older.ConfirmSent;
            ConfirmAmount ??= older.ConfirmAmount;
            ConfirmTypeId ??= older.ConfirmTypeId;
            return this;
        }

        public override string ToString() => $"{ExternalId ?? Id}: {State}" + (Amount.HasValue ? $" {MoneyText.Of(Amount)} {AmountCurrency}" : string.Empty) + (Simulation ? " (simulation)" : string.Empty);
    }
}
