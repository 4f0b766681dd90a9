using System;
using PayNet.Core.Security;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// What a Wallet client signs in with: the partner API key (sent on every call) and the member's
    /// login principal (usually the mobile number) with its PIN. ToString never shows a secret.
    /// </summary>
    public sealed class WalletCredentials
    {
        public WalletCredentials(SecretString apiKey, string principal, SecretString pin)
        {
            ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey));
            if (string.IsNullOrWhiteSpace(principal)) throw new ArgumentException("The member principal (username or mobile number) is required.", nameof(principal));
            Principal = principal.Trim();
            Pin = pin ?? throw new ArgumentNullException(nameof(pin));
        }

        public SecretString ApiKey { get; }
        public string Principal { get; }
        public SecretString Pin { get; }

        public override string ToString() => $"Wallet member {Principal}";
    }
}
