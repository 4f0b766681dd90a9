namespace PayNet.Core.TopUp
{
    /// <summary>Legacy international catalogue: a destination country (/providers without arguments).</summary>
    public sealed class TopUpIntlCountry
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? PhoneCode { get; set; }

        public override string ToString() => $"{Id} {Name} ({PhoneCode})";
    }

    /// <summary>Legacy international catalogue: an operator of a country (/providers with country_id).</summary>
    public sealed class TopUpIntlOperator
    {
        public string Id { get; set; } = string.Empty;
        /// <summary>"0" for a root operator.</summary>
        public string? ParentId { get; set; }
        public string? Name { get; set; }
        public string? Logo { get; set; }
        public bool IsPinBased { get; set; }
        public string? CountryId { get; set; }
        public string? CountryName { get; set; }

        public override string ToString() => $"{Id} {Name}";
    }

    /// <summary>Legacy international: one denomination of an operator (or offered by a check).</summary>
    public sealed class TopUpIntlDenomination
    {
        public string? ProviderId { get; set; }
        /// <summary>Amount in the destination's currency; what confirm sends as fields.amount.</summary>
        public decimal? Amount { get; set; }
        public string? Currency { get; set; }
        /// <summary>What the POS pays.</summary>
        public decimal? Price { get; set; }
        public string PriceCurrency { get; set; } = "AED";
        /// <summary>1 = mobile (default), 2 = data / bundle / package.</summary>
        public int? TypeId { get; set; }
        public string? Name { get; set; }

        public override string ToString() => $"{MoneyText.Of(Amount)} {Currency} = {MoneyText.Of(Price)} {PriceCurrency}" + (TypeId.HasValue ? $" (type {TypeId})" : string.Empty);
    }

    /// <summary>International Bridge: a product category (two-level tree by ParentId).</summary>
    public sealed class TopUpBridgeCategory
    {
        public string Id { get; set; } = string.Empty;
        public string? ParentId { get; set; }
        public string? Name { get; set; }

        public override string ToString() => $"{Id} {Name}";
    }

    /// <summary>International Bridge: a destination country; Id is the ISO 3166 alpha-3 code.</summary>
    public sealed class TopUpBridgeCountry
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Currency { get; set; }
        public string? PhoneCode { get; set; }
        /// <summary>"$" marks a digit position: "+91 ($$$) $$$-$$-$$".</summary>
        public string? PhoneMask { get; set; }
        public string? Logo { get; set; }

        public override string ToString() => $"{Id} {Name} ({Currency})";
    }

    /// <summary>International Bridge: an operator of a country.</summary>
    public sealed class TopUpBridgeProvider
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? CountryId { get; set; }
        public string? CountryName { get; set; }
        public string? PhoneCode { get; set; }
        public string? Logo { get; set; }

        public override string ToString() => $"{Id} {Name}";
    }

    /// <summary>International Bridge: one amount of an operator; check it with <see cref="AmountId"/>.</summary>
    public sealed class TopUpBridgeAmount
    {
        public string AmountId { get; set; } = string.Empty;
        public decimal? Amount { get; set; }
        public string? AmountCurrency { get; set; }
        public decimal? Price { get; set; }
        public string? PriceCurrency { get; set; }
        public string? CategoryId { get; set; }
        public string? Name { get; set; }
        public string? ProviderId { get; set; }
        public string? ProviderName { get; set; }
        public string? CountryName { get; set; }

        public override string ToString() => $"{AmountId}: {MoneyText.Of(Amount)} {AmountCurrency} = {MoneyText.Of(Price)} {PriceCurrency}";
    }
}
