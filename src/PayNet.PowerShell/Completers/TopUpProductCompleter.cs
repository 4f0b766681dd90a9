using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading;
using PayNet.Core;

namespace PayNet.PowerShell.Completers
{
    /// <summary>
    /// Completes -Product from the connected POS's catalogue (cached by the client after the first
    /// read, fetched under a 2-second limit otherwise), falling back to the documented product ids.
    /// </summary>
    public sealed class TopUpProductCompleter : IArgumentCompleter
    {
        internal static readonly string[] DocumentedProducts =
        {
            "et-mc", "itunes_aed_100", "virgin-m100", "slk50", "slk100", "noon_25AED", "gplay_aed_50", "steam-aed-100",
            "netflix-aed-100", "psn_aed_1m", "intl", "international-bridge",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Complete(wordToComplete, Candidates()).Select(c => new CompletionResult(Quote(c.Id), c.Id, CompletionResultType.ParameterValue, c.Tip));

        internal static IEnumerable<(string Id, string Tip)> Complete(string? word, IEnumerable<(string Id, string Tip)> candidates)
        {
            string prefix = (word ?? string.Empty).Trim('\'', '"');
            return candidates.Where(c => Wildcard.IsMatch(prefix + "*", c.Id)).OrderBy(c => c.Id, StringComparer.OrdinalIgnoreCase);
        }

        private static IEnumerable<(string Id, string Tip)> Candidates()
        {
            var client = ConnectionStore.For(Runspace.DefaultRunspace).Get(PayNetApi.TopUp)?.TopUp;
            if (client is not null)
            {
                var catalogue = client.KnownCatalogue;
                if (catalogue is null)
                {
                    try
                    {
                        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
                            catalogue = client.GetServicesAsync(limit.Token).GetAwaiter().GetResult();
                    }
                    catch (Exception)
                    {
                        catalogue = null; // completion must never throw at the prompt
                    }
                }
                if (catalogue is not null) return catalogue.Select(p => (p.Id, $"{p.Name} ({p.Category})"));
            }
            return DocumentedProducts.Select(id => (id, id));
        }

        private static string Quote(string id) => id.IndexOfAny(new[] { ' ', '\'', '$', '`', '(', ')' }) >= 0 ? "'" + id.Replace("'", "''") + "'" : id;
    }
}
