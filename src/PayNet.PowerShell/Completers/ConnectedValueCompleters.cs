using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core;

namespace PayNet.PowerShell.Completers
{
    /// <summary>
    /// Shared shape of the completers that ask the connected service: at most 2 seconds, never an
    /// exception at the prompt (no connection or no answer completes nothing).
    /// </summary>
    public abstract class ConnectedValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<(string Value, string Tip)> candidates;
            try
            {
                using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
                    candidates = Candidates(ConnectionStore.For(Runspace.DefaultRunspace), limit.Token);
            }
            catch (Exception)
            {
                candidates = Array.Empty<(string, string)>();
            }
            return TopUpProductCompleter.Complete(wordToComplete, candidates.Select(c => (c.Value, c.Tip)))
                .Select(c => new CompletionResult(Quote(c.Id), c.Id, CompletionResultType.ParameterValue, c.Tip));
        }

        private protected abstract IReadOnlyList<(string Value, string Tip)> Candidates(ConnectionStore connections, CancellationToken cancellationToken);

        private protected static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

        private static string Quote(string value) => value.IndexOfAny(new[] { ' ', '\'', '$', '`', '(', ')', '&' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }

    /// <summary>Get-PayNetProduct -Category: the categories of the connected POS's catalogue.</summary>
    public sealed class TopUpCategoryCompleter : ConnectedValueCompleter
    {
        private protected override IReadOnlyList<(string Value, string Tip)> Candidates(ConnectionStore connections, CancellationToken cancellationToken)
        {
            var client = connections.Get(PayNetApi.TopUp)?.TopUp;
            if (client is null) return Array.Empty<(string, string)>();
            var catalogue = client.KnownCatalogue ?? Wait(client.GetServicesAsync(cancellationToken));
            return catalogue.Where(p => !string.IsNullOrEmpty(p.Category)).GroupBy(p => p.Category!, StringComparer.OrdinalIgnoreCase)
                .Select(g => (g.Key, $"{g.Key} ({g.Count()} products)")).ToList();
        }
    }

    /// <summary>Get-PayNetProduct -Country: the international bridge's countries (ISO3 code, name as tip).</summary>
    public sealed class TopUpCountryCompleter : ConnectedValueCompleter
    {
        private protected override IReadOnlyList<(string Value, string Tip)> Candidates(ConnectionStore connections, CancellationToken cancellationToken)
        {
            var client = connections.Get(PayNetApi.TopUp)?.TopUp;
            if (client is null) return Array.Empty<(string, string)>();
            return Wait(client.GetBridgeCountriesAsync(cancellationToken)).Select(c => (c.Id, c.Name ?? c.Id)).ToList();
        }
    }

    /// <summary>Get-PayNetStatement -AccountId: the connected member's wallets (type, currency and balance as tip).</summary>
    public sealed class WalletAccountCompleter : ConnectedValueCompleter
    {
        private protected override IReadOnlyList<(string Value, string Tip)> Candidates(ConnectionStore connections, CancellationToken cancellationToken)
        {
            var client = connections.Get(PayNetApi.Wallet)?.Wallet;
            if (client is null) return Array.Empty<(string, string)>();
            return Wait(client.GetWalletsAsync(cancellationToken))
                .Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), $"{a.TypeName} {a.Balance.ToString("N2", CultureInfo.InvariantCulture)} {a.Currency}{(a.IsDefault ? " (default)" : string.Empty)}"))
                .ToList();
        }
    }
}
