using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PayNet.Core.Security
{
    /// <summary>
    /// A credential held by a client. It renders as a mask everywhere (ToString, debugger, serializers
    /// that call ToString); only the wire code calls <see cref="Reveal"/>.
    /// </summary>
    public sealed class SecretString
    {
        private readonly string _value;

        public SecretString(string value)
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException("A secret cannot be empty.", nameof(value));
            _value = value;
        }

        public static SecretString FromSecureString(SecureString secure)
        {
            if (secure is null) throw new ArgumentNullException(nameof(secure));
            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return new SecretString(Marshal.PtrToStringUni(ptr) ?? string.Empty);
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        public string Reveal() => _value;

        public bool Matches(string? candidate) => candidate is not null && string.Equals(candidate, _value, StringComparison.Ordinal);

        public override string ToString() => "********";
    }
}
