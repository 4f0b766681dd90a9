using System;
using System.Globalization;
using System.Management.Automation.Language;
using PayNet.Core;

namespace PayNet.PowerShell
{
    /// <summary>
    /// The commands errors recommend (ErrorDetails.RecommendedAction). Each is a whole command line that
    /// parses and runs verbatim in a session with the module imported: real values of the failing item
    /// are filled in, quoted for PowerShell, and nothing is a placeholder. Prose belongs in the message.
    /// Where the user must type something only they know (an OTP, an apikey), the command reads it with
    /// Read-Host, so it still runs as it stands.
    /// </summary>
    internal static class FollowUpCommands
    {
        /// <summary>A PowerShell single-quoted string literal of <paramref name="value"/> (quotes of every kind doubled).</summary>
        public static string Quote(string value) => "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";

        public static string SettleReference(string reference) => $"Sync-PayNetJournal -Reference {Quote(reference)}";

        public static string JournalFor(string reference) => $"Get-PayNetJournal -Reference {Quote(reference)}";

        /// <summary>
        /// The lookup of one reference in one service. Card errors often carry PayNet's xact id (xk_...) rather
        /// than a reference_no, and -Reference asks Card by reference_no: those are looked up by -XactId.
        /// </summary>
        public static string LookUp(PayNetApi service, string reference) =>
            service == PayNetApi.Card && reference.StartsWith("xk_", StringComparison.Ordinal)
                ? $"Get-PayNetTransaction -XactId {Quote(reference)}"
                : $"Get-PayNetTransaction -Service {service} -Reference {Quote(reference)}";

        public static string LookUpTransfer(long transferId) => $"Get-PayNetTransaction -TransferId {transferId.ToString(CultureInfo.InvariantCulture)}";

        public static string Connections(PayNetApi service) => $"Get-PayNetConnection -Service {service}";

        public static string Sleep(TimeSpan wait) =>
            "Start-Sleep -Seconds " + Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        public static string ConnectExamples => "Get-Help Connect-PayNet -Examples";

        public static string ParameterHelp(string command, string parameter) => $"Get-Help {command} -Parameter {parameter}";

        /// <summary>How long a recommended wait waits: Wait-PayNetTransaction's and Start-PayNetTopUp's default.</summary>
        public const int DefaultWaitSec = 120;

        /// <summary>Waits again for a top-up (by its external id) that was still pending.</summary>
        public static string WaitForTopUp(string externalId, int timeoutSec) =>
            $"Get-PayNetTransaction -Service TopUp -Reference {Quote(externalId)} | Wait-PayNetTransaction -TimeoutSec {timeoutSec.ToString(CultureInfo.InvariantCulture)}";

        /// <summary>Waits again for a Wallet transfer (by PayNet's transfer id) that was still pending.</summary>
        public static string WaitForTransfer(long transferId, int timeoutSec) =>
            $"Get-PayNetTransaction -TransferId {transferId.ToString(CultureInfo.InvariantCulture)} | Wait-PayNetTransaction -TimeoutSec {timeoutSec.ToString(CultureInfo.InvariantCulture)}";

        /// <summary>Reads the one-time password at the console; the rest of the command needs nothing typed.</summary>
        public const string ReadOtp = "(Read-Host 'PayNet one-time password')";

        /// <summary>Reads the Wallet apikey at the console without echoing it.</summary>
        public const string ReadApiKey = "(Read-Host 'PayNet Wallet apikey' -AsSecureString)";
    }
}
