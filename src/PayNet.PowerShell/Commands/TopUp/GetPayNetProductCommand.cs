using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.TopUp;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// The TopUp catalogue: the POS's services (recharge and vouchers), or with -International (or
    /// -Country) the international offers, country by country. -Name, -Category and -Country take
    /// wildcards.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetProduct", DefaultParameterSetName = ServicesSet)]
    [OutputType(typeof(TopUpProduct), ParameterSetName = new[] { ServicesSet })]
    [OutputType(typeof(TopUpBridgeAmount), typeof(TopUpIntlDenomination), ParameterSetName = new[] { InternationalSet })]
    public sealed class GetPayNetProductCommand : PayNetConnectedCmdlet
    {
        private const string ServicesSet = "Services";
        private const string InternationalSet = "International";

        /// <summary>Matches the product id or its name.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Matches category, subcategory or biller (services); category id (international bridge).</summary>
        [Parameter]
        [SupportsWildcards]
        public string? Category { get; set; }

        /// <summary>International: country name or code (ISO3 for the bridge, numeric id for legacy).</summary>
        [Parameter(ParameterSetName = InternationalSet)]
        [SupportsWildcards]
        public string? Country { get; set; }

        [Parameter(ParameterSetName = InternationalSet)]
        public SwitchParameter International { get; set; }

        /// <summary>Which international catalogue: Bridge (current, default) or Legacy ("intl").</summary>
        [Parameter(ParameterSetName = InternationalSet)]
        public TopUpInternationalVariant Variant { get; set; } = TopUpInternationalVariant.Bridge;

        /// <summary>Include services PayNet marks inactive.</summary>
        [Parameter(ParameterSetName = ServicesSet)]
        public SwitchParameter IncludeInactive { get; set; }

        private protected override void Process()
        {
            var client = RequireConnection(PayNetApi.TopUp).TopUpClient;
            if (ParameterSetName == InternationalSet)
            {
                if (Variant == TopUpInternationalVariant.Legacy) WriteLegacy(client);
                else WriteBridge(client);
                return;
            }

            foreach (var product in Await(ct => client.GetServicesAsync(ct)))
            {
                if (!IncludeInactive.IsPresent && !product.Active) continue;
                if (!Like(Name, product.Id, product.Name)) continue;
                if (!Like(Category, product.Category, product.Subcategory, product.Biller)) continue;
                WriteObject(product);
            }
        }

        private void WriteBridge(TopUpClient client)
        {
            foreach (var country in Await(ct => client.GetBridgeCountriesAsync(ct)).Where(c => Like(Country, c.Id, c.Name)))
            {
                foreach (var provider in Await(ct => client.GetBridgeProvidersAsync(country.Id, ct)).Where(p => Like(Name, p.Name, p.Id)))
                {
                    foreach (var amount in Await(ct => client.GetBridgeAmountsAsync(provider.Id, ct)))
                    {
                        if (!Like(Category, amount.CategoryId)) continue;
                        WriteObject(amount);
                    }
                }
            }
        }

        private void WriteLegacy(TopUpClient client)
        {
            foreach (var country in Await(ct => client.GetIntlCountriesAsync(ct)).Where(c => Like(Country, c.Id, c.Name)))
            {
                foreach (var op in Await(ct => client.GetIntlOperatorsAsync(country.Id, ct)).Where(o => Like(Name, o.Name, o.Id)))
                {
                    foreach (var denomination in Await(ct => client.GetIntlDenominationsAsync(op.Id, ct)))
                        WriteObject(denomination);
                }
            }
        }

        private static bool Like(string? pattern, params string?[] values) => Wildcard.IsMatch(pattern, values);
    }
}
