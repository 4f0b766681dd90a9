using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PayNet.Core;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// -TransferType of a member payment: a name (P2P, Loyalty, FixedFee, PercentFee, Cashback, Discount)
    /// mapped through the connection's tenant table, or a numeric transfer-type id passed as is, because
    /// ids differ between deployments (wallet.md §4).
    /// </summary>
    internal static class WalletTransferTypes
    {
        public static readonly IReadOnlyList<(string Name, string Meaning)> Names = new[]
        {
            ("P2P", "Member to member transfer"),
            ("Loyalty", "Paid from the loyalty wallet"),
            ("FixedFee", "Payment with a fixed fee charged to the payer"),
            ("PercentFee", "Payment with a percentage fee charged to the payer"),
            ("Cashback", "Payment in full, no fees; the cashback comes back to the payer afterwards as its own transfer"),
            ("Discount", "Payment in full, no fees; the discount comes back to the payer afterwards as its own transfer"),
        };

        public static int IdOf(string name, WalletTransferTypeIds ids) => Compact(name) switch
        {
            "p2p" => ids.P2P,
            "loyalty" => ids.Loyalty,
            "fixedfee" => ids.FixedFee,
            "percentfee" => ids.PercentFee,
            "cashback" => ids.Cashback,
            "discount" => ids.Discount,
            _ => 0,
        };

        /// <summary>The transfer-type id, or null for the client's default (P2P) when nothing was given.</summary>
        public static int? Resolve(string? text, WalletTransferTypeIds ids, string operation)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            string value = text!.Trim();
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && id > 0) return id;
            string compact = Compact(value);
            if (compact == "percentagefee") compact = "percentfee";
            int named = IdOf(compact, ids);
            if (named > 0) return named;
            throw new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.InvalidArgument,
                $"Transfer type '{value}' is not known: use {string.Join(", ", Names.Select(n => n.Name))} or a numeric transfer-type id.");
        }

        private static string Compact(string text) =>
            new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').ToArray()).ToLowerInvariant();
    }
}
