using System.Linq;
using System.Text.RegularExpressions;

namespace PayNet.PowerShell
{
    /// <summary>
    /// PowerShell-style * and ? matching, case-insensitive (brackets match literally). Kept rather than
    /// WildcardPattern so that filters behave exactly as before.
    /// </summary>
    internal static class Wildcard
    {
        public static bool IsMatch(string? pattern, params string?[] values)
        {
            if (string.IsNullOrEmpty(pattern) || pattern == "*") return true;
            string regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
            return values.Any(v => v is not null && Regex.IsMatch(v, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        }
    }
}
