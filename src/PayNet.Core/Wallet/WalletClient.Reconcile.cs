using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        private const int ReconcilePageSize = 50;

        /// <summary>
        /// The answer to a confirm was lost. Reads the newest lines of the default account's history: the
        /// trace number decides; only when no line carries any trace number at all (a deployment that does
        /// not echo it) do amount + description within <see cref="WalletSettings.ReconcileWindow"/> of now
        /// count. Found → a receipt with Reconciled; not found or lookup failed → PayNetStateUnknownException.
        /// </summary>
        private async Task<WalletPaymentReceipt> ReconcileAsync(WalletPaymentQuote quote, string operation, string why, Exception? inner, CancellationToken cancellationToken)
        {
            var log = PayNetLog.Current;
            if (log is not null && log.IsVerboseEnabled)
                log.Verbose($"Wallet {operation}: {why}; looking for trace number {quote.TraceNumber} in the history instead of re-sending.");

            // A caller who cancelled still needs to know whether money moved: look it up under our own bound.
            using (var own = cancellationToken.IsCancellationRequested ? new CancellationTokenSource(Settings.ReconcileTimeout) : null)
            {
                var token = own?.Token ?? cancellationToken;
                WalletStatementLine? line;
                try
                {
                    line = await FindInHistoryAsync(quote, token).ConfigureAwait(false);
                }
                catch (Exception lookup)
                {
                    throw new PayNetStateUnknownException(PayNetApi.Wallet, operation, quote.TraceNumber,
                        $"{why}, and looking it up in the history failed too ({lookup.Message})", inner ?? lookup);
                }
                if (line is null)
                    throw new PayNetStateUnknownException(PayNetApi.Wallet, operation, quote.TraceNumber,
                        $"{why}, and no matching transfer appears in the history yet", inner);
                if (log is not null && log.IsVerboseEnabled)
                    log.Verbose($"Wallet {operation}: found transfer {line.TransferId} ({line.StateName}) for trace number {quote.TraceNumber}.");
                return _mapper.Reconciled(quote, line);
            }
        }

        private async Task<WalletStatementLine?> FindInHistoryAsync(WalletPaymentQuote quote, CancellationToken cancellationToken)
        {
            var scanned = new List<WalletStatementLine>();
            await foreach (var line in ReadHistoryAsync(null, null, null, ReconcilePageSize, cancellationToken).ConfigureAwait(false))
            {
                scanned.Add(line);
                if (scanned.Count >= Settings.ReconcileMaxLines) break;
            }

            var traced = scanned.Where(l => string.Equals(l.TraceNumber, quote.TraceNumber, StringComparison.OrdinalIgnoreCase)).ToList();
            if (traced.Count > 0)
                return traced.FirstOrDefault(l => l.TransferTypeId == quote.TransferTypeId)
                    ?? traced.OrderByDescending(l => Math.Abs(l.Amount)).First();

            if (string.IsNullOrWhiteSpace(quote.Description) || scanned.Any(l => !string.IsNullOrEmpty(l.TraceNumber))) return null;
            var amounts = new[] { quote.BaseAmount, quote.FinalAmount, quote.ConsolidatedAmount };
            var now = DateTimeOffset.UtcNow;
            return scanned.FirstOrDefault(l =>
                string.Equals(l.Description, quote.Description, StringComparison.Ordinal) &&
                amounts.Contains(Math.Abs(l.Amount)) &&
                l.Time is DateTimeOffset at && (at - now).Duration() <= Settings.ReconcileWindow);
        }
    }
}
