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
    /// Completes -TransferType with the names Invoke-PayNetPayment understands; the tooltip shows the id
    /// each maps to on the connected tenant (no network call: the table is configuration).
    /// </summary>
    public sealed class WalletTransferTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var ids = ConnectionStore.For(Runspace.DefaultRunspace).Get(PayNetApi.Wallet)?.Wallet?.Settings.TransferTypes;
            return Complete(wordToComplete, ids).Select(c => new CompletionResult(c.Name, c.Name, CompletionResultType.ParameterValue, c.Tip));
        }

        internal static IEnumerable<(string Name, string Tip)> Complete(string? word, WalletTransferTypeIds? ids)
        {
            ids ??= new WalletTransferTypeIds();
            string prefix = (word ?? string.Empty).Trim('\'', '"');
            return WalletTransferTypes.Names
                .Where(n => Wildcard.IsMatch(prefix + "*", n.Name))
                .Select(n => (n.Name, $"{n.Meaning} (transfer type {WalletTransferTypes.IdOf(n.Name, ids).ToString(CultureInfo.InvariantCulture)})"));
        }
    }
}
