using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;

namespace PayNet.PowerShell.Completers
{
    /// <summary>
    /// Completes -TransferType with what PayNet lists for the connected member and currency (§6.15, fetched
    /// once per connection and cached): the names Invoke-PayNetPayment understands for listed ids, and the
    /// bare id of a listed type the tenant table has no name for. Without a connection, or when PayNet does
    /// not answer within a moment, the names of the configured table.
    /// </summary>
    public sealed class WalletTransferTypeCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan FetchWait = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = fakeBoundParameters?["Connection"] as PayNetConnection
                ?? ConnectionStore.For(Runspace.DefaultRunspace).Get(PayNetApi.Wallet);
            var client = connection?.Wallet;
            return Complete(wordToComplete, client?.Settings.TransferTypes, Fetch(client))
                .Select(c => new CompletionResult(c.Name, c.Name, CompletionResultType.ParameterValue, c.Tip));
        }

        internal static IEnumerable<(string Name, string Tip)> Complete(string? word, WalletTransferTypeIds? ids, IReadOnlyList<WalletTransferType>? listed = null)
        {
            ids ??= new WalletTransferTypeIds();
            string prefix = (word ?? string.Empty).Trim('\'', '"');
            if (listed is null || listed.Count == 0 || listed[0].Source != WalletTransferTypeSource.PayNet)
            {
                return WalletTransferTypes.Names
                    .Where(n => Wildcard.IsMatch(prefix + "*", n.Name))
                    .Select(n => (n.Name, $"{n.Meaning} (transfer type {WalletTransferTypes.IdOf(n.Name, ids).ToString(CultureInfo.InvariantCulture)})"));
            }
            return listed
                .Select(t =>
                {
                    string id = t.Id.ToString(CultureInfo.InvariantCulture);
                    string? name = WalletTransferTypes.Names.Select(n => n.Name).FirstOrDefault(n => WalletTransferTypes.IdOf(n, ids) == t.Id);
                    return (Name: name ?? id, Tip: $"{t.Name ?? name ?? "Transfer type"} (transfer type {id}, listed by PayNet)");
                })
                .Where(c => Wildcard.IsMatch(prefix + "*", c.Name))
                .ToList();
        }

        /// <summary>The member's listed types, or null when there is no client or PayNet does not answer in time.</summary>
        private static IReadOnlyList<WalletTransferType>? Fetch(WalletClient? client)
        {
            if (client is null) return null;
            try
            {
                var task = client.GetTransferTypesAsync(WalletPaymentDestination.Member, currency: client.Settings.DefaultCurrency);
                return task.Wait(FetchWait) ? task.Result : null;
            }
            catch (Exception)
            {
                // Completion must never throw at the user: fall back to the configured names.
                return null;
            }
        }
    }
}
