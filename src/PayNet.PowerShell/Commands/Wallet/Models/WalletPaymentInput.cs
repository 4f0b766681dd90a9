using System.Globalization;

namespace PayNet.PowerShell.Models
{
    /// <summary>
    /// The values one Invoke-PayNetPayment input carried (a CSV row, or the command line): the
    /// TargetObject of that input's error, so a failed batch row can be found and fixed.
    /// </summary>
    public sealed class WalletPaymentInput
    {
        public string? ToMemberId { get; set; }
        public string? ToPrincipal { get; set; }
        public decimal? Amount { get; set; }
        /// <summary>The amount exactly as given (a CSV cell's text), also when it was not an amount.</summary>
        public string? AmountText { get; set; }
        public string? TransferType { get; set; }
        public string? Description { get; set; }
        public string? Reference { get; set; }
        public string? QrString { get; set; }

        public override string ToString()
        {
            string amount = Amount?.ToString(CultureInfo.InvariantCulture) ?? (AmountText is null ? "(no amount)" : $"'{AmountText}'");
            string to = QrString is null ? $"to {(string.IsNullOrWhiteSpace(ToPrincipal) ? "member id " + ToMemberId : ToPrincipal)}" : "by QR code";
            string type = string.IsNullOrEmpty(TransferType) ? string.Empty : $" ({TransferType})";
            string reference = string.IsNullOrEmpty(Reference) ? string.Empty : $", reference {Reference}";
            return $"{amount} {to}{type}{reference}";
        }
    }
}
