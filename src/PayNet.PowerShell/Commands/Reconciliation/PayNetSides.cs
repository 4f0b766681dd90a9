using System;
using System.Collections.Generic;
using System.Linq;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Reconciliation;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Reduces each API's rows to one settlement state and amount per reference.</summary>
    internal static class PayNetSides
    {
        /// <summary>
        /// A card reference can have a declined attempt and its retry, a sale and its same-day cancel (R),
        /// a later refund (CD), or a pre-auth with its capture or cancel. The sale or capture that
        /// succeeded decides the amount; a reversal of it decides the state.
        /// </summary>
        public static IEnumerable<PayNetSideEntry> FromCard(IEnumerable<CardTransaction> rows) =>
            rows.Where(r => !string.IsNullOrEmpty(r.ReferenceNo))
                .GroupBy(r => r.ReferenceNo!, StringComparer.OrdinalIgnoreCase)
                .Select(g => ReduceCard(g.Key, g.OrderBy(r => r.Time).ToList()));

        private static PayNetSideEntry ReduceCard(string reference, IReadOnlyList<CardTransaction> rows)
        {
            var charged = rows.LastOrDefault(r => r.IsSucceeded && (r.TransactionType == CardTransactionType.Sale || r.TransactionType == CardTransactionType.Capture));
            var preAuth = rows.LastOrDefault(r => r.IsSucceeded && r.TransactionType == CardTransactionType.PreAuth);
            var main = charged ?? preAuth ?? rows.Last();
            SettlementState state;
            if (charged is null && preAuth is null) state = SettlementState.Failed;
            else if (charged is null) state = rows.Any(r => r.TransactionType == CardTransactionType.PreAuthReversal) ? SettlementState.Cancelled : SettlementState.Pending;
            else if (rows.Any(r => string.Equals(r.XactType, "R", StringComparison.OrdinalIgnoreCase))) state = SettlementState.Cancelled;
            else if (charged.IsReversed || rows.Any(r => string.Equals(r.XactType, "CD", StringComparison.OrdinalIgnoreCase) || r.TransactionType == CardTransactionType.Reversal)) state = SettlementState.Refunded;
            else state = SettlementState.Paid;
            return new PayNetSideEntry(PayNetApi.Card, reference, main.Id, main.Amount, main.Currency, state, main.Time);
        }

        public static PayNetSideEntry FromTopUp(string reference, TopUpTransaction t)
        {
            // The POS ledger books what it paid: the AED price for international, the AED amount otherwise.
            bool local = t.AmountCurrency is not null && !string.Equals(t.AmountCurrency, "AED", StringComparison.OrdinalIgnoreCase);
            decimal? amount = local ? t.Price : t.Amount ?? t.Price;
            string currency = local ? t.PriceCurrency ?? "AED" : t.AmountCurrency ?? "AED";
            var state = t.State switch
            {
                TopUpState.Success => SettlementState.Paid,
                TopUpState.Failed => SettlementState.Failed,
                TopUpState.Cancelled => SettlementState.Cancelled,
                TopUpState.New or TopUpState.Pending or TopUpState.Paused => SettlementState.Pending,
                _ => SettlementState.Unknown,
            };
            return new PayNetSideEntry(PayNetApi.TopUp, reference, t.Id, amount, currency, state, t.Time);
        }

        /// <summary>
        /// Wallet lines are keyed by trace number; amounts keep the statement's sign (a debit is negative, a credit
        /// positive), so a debit and a credit of the same size never match each other.
        /// </summary>
        public static IEnumerable<PayNetSideEntry> FromWallet(IEnumerable<WalletStatementLine> lines) =>
            lines.Where(l => !string.IsNullOrEmpty(l.TraceNumber))
                .GroupBy(l => l.TraceNumber!, StringComparer.OrdinalIgnoreCase)
                .Select(g =>
                {
                    var line = g.OrderBy(l => Math.Abs(l.Amount)).Last(); // the principal, not its fee line
                    var state = line.State switch
                    {
                        WalletTransferState.Processed => SettlementState.Paid,
                        WalletTransferState.Pending or WalletTransferState.Scheduled => SettlementState.Pending,
                        WalletTransferState.Denied or WalletTransferState.Failed or WalletTransferState.Blocked => SettlementState.Failed,
                        WalletTransferState.Canceled => SettlementState.Cancelled,
                        _ => SettlementState.Unknown,
                    };
                    return new PayNetSideEntry(PayNetApi.Wallet, g.Key, line.Id, line.Amount, line.Currency, state, line.Time);
                });
    }
}
