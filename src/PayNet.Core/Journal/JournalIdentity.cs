using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayNet.Core.Security;

namespace PayNet.Core.Journal
{
    /// <summary>
    /// The non-secret names of connections written into intents. The clients' intents and the settler
    /// must use the same ones, or an entry is never matched to the connection that can settle it.
    /// </summary>
    public static class JournalIdentity
    {
        /// <summary>The member principal (login name) as given, trimmed.</summary>
        public static string Wallet(string principal) => (principal ?? throw new ArgumentNullException(nameof(principal))).Trim();

        /// <summary>The POS id.</summary>
        public static string TopUp(int posId) => posId.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// "sha256:" and the first 16 hex digits of SHA-256 of the secret key: tells keys apart without
        /// revealing one (64 bits of a hash of a high-entropy key cannot be turned back into it).
        /// </summary>
        public static string CardKey(SecretString secretKey)
        {
            if (secretKey is null) throw new ArgumentNullException(nameof(secretKey));
            using (var sha = SHA256.Create())
            {
                byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes(secretKey.Reveal()));
                var hex = new StringBuilder("sha256:", 7 + 16);
                for (int i = 0; i < 8; i++) hex.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
                return hex.ToString();
            }
        }
    }
}
