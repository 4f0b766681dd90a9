using System;
using PayNet.Core;

namespace PayNet.PowerShell.Models
{
    /// <summary>What Set-PayNetPin did. It never carries either PIN.</summary>
    public sealed class WalletPinChangeResult
    {
        public PayNetApi Service => PayNetApi.Wallet;
        public string Username { get; internal set; } = string.Empty;
        public bool PinChanged { get; internal set; }
        public DateTimeOffset ChangedAt { get; internal set; }

        public override string ToString() => PinChanged ? $"PIN of {Username} changed" : $"PIN of {Username} unchanged";
    }
}
