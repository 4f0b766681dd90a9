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

        /// <summary>"POS 123", as the TopUp client writes it.</summary>
        public static string TopUp(int posId) => "POS " + posId.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// "key " and the first 8 hex digits of SHA-256 of the secret key, as the Card client names itself
        /// (CardClient.KeyFingerprint): tells keys apart without revealing one.
        /// </summary>
        public static string CardKey(SecretString secretKey)
        {
            if (secretKey is null) throw new ArgumentNullException(nameof(secretKey));
            using (var sha = SHA256.Create())
            {
                byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes(secretKey.Reveal()));
                var hex = new StringBuilder("key ", 4 + 8);
                for (int i = 0; i < 4; i++) hex.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
                return hex.ToString();
            }
        }
    }
}
