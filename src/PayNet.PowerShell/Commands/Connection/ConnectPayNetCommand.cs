using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Security;
using PayNet.Core;
using PayNet.Core.Http;
using PayNet.Core.Journal;
using PayNet.Core.Security;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Connects this runspace to PayNet: one parameter set per service and credential kind, or
    /// -Sandbox for all three services on the local emulator. The connection becomes the default of
    /// each service it carries; -PassThru also returns it for -Connection.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "PayNet", DefaultParameterSetName = WalletSet, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Connect-PayNet.md")]
    [OutputType(typeof(PayNetConnection))]
    public sealed class ConnectPayNetCommand : PayNetCmdlet
    {
        private const string WalletSet = "Wallet";
        private const string TopUpTokenSet = "TopUpToken";
        private const string TopUpCredentialSet = "TopUpCredential";
        private const string CardSet = "Card";
        private const string SandboxSet = "Sandbox";
        private const string EnvironmentSet = "Environment";

        public static readonly Uri WalletProductionUri = new Uri("https://gateway.paynet.systems/api");
        public static readonly Uri TopUpProductionUri = new Uri("https://api.paynet.one");
        public static readonly Uri CardLiveUri = new Uri("https://api.paynet.com.tr");
        public static readonly Uri CardTestUri = new Uri("https://pts-api.paynet.com.tr");

        [Parameter(Mandatory = true, ParameterSetName = WalletSet)]
        public SecureString ApiKey { get; set; } = null!;

        /// <summary>Wallet: the member's principal (mobile number) and PIN. TopUp (with -TopUp): the POS id and token.</summary>
        [Parameter(Mandatory = true, ParameterSetName = WalletSet)]
        [Parameter(Mandatory = true, ParameterSetName = TopUpCredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = TopUpTokenSet)]
        [ValidateRange(1, int.MaxValue)]
        public int PosId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TopUpTokenSet)]
        public SecureString Token { get; set; } = null!;

        /// <summary>Says that -Credential holds a TopUp POS id and token.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TopUpCredentialSet)]
        public SwitchParameter TopUp { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CardSet)]
        public SecureString SecretKey { get; set; } = null!;

        /// <summary>Card: use PayNet's test host (pts-api) instead of live.</summary>
        [Parameter(ParameterSetName = CardSet)]
        public SwitchParameter Test { get; set; }

        /// <summary>All three services on the local sandbox, with the credentials it publishes.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SandboxSet)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>
        /// Every service whose PAYNET_* environment variables are set (for CI and Automation accounts):
        /// PAYNET_WALLET_APIKEY, PAYNET_WALLET_PRINCIPAL, PAYNET_WALLET_PIN; PAYNET_TOPUP_POSID,
        /// PAYNET_TOPUP_TOKEN; PAYNET_CARD_SECRETKEY (PAYNET_CARD_TEST=1 for the test host); optional
        /// PAYNET_WALLET_BASEURI, PAYNET_TOPUP_BASEURI, PAYNET_CARD_BASEURI. Secrets are read, never echoed.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
        public SwitchParameter FromEnvironment { get; set; }

        /// <summary>The service's base URI; for -Sandbox the sandbox root (default http://127.0.0.1:5080).</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        [Parameter]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Seconds one HTTP attempt may take.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Retries for reads and validations. Money-moving calls are never retried after they may have been sent.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetry { get; set; } = 3;

        /// <summary>Allows plain http to a non-loopback host. Credentials then travel in clear text; a warning says so.</summary>
        [Parameter]
        public SwitchParameter AllowInsecureHttp { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The journal directory for this connection's money moves, instead of $env:PAYNET_JOURNAL or the per-user default.</summary>
        [Parameter]
        public string? JournalPath { get; set; }

        /// <summary>Records no money move of this connection: a crash between send and answer then leaves no local record.</summary>
        [Parameter]
        public SwitchParameter NoJournal { get; set; }

        /// <summary>
        /// Wallet: the login one-time password of a tenant that enforces two-factor sign-in. Without it such a tenant
        /// texts one to the member's mobile and you are asked for it at the console; elsewhere the error names -Otp.
        /// </summary>
        [Parameter(ParameterSetName = WalletSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        public string? Otp { get; set; }

        private protected override void Process()
        {
            var transport = new TransportSettings
            {
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetry,
                AllowInsecureHttp = AllowInsecureHttp.IsPresent,
                Proxy = BuildProxy(),
            };
            var journal = OpenJournal();
            if (journal is not null) transport.Journal = journal;
            var connection = new PayNetConnection(ParameterSetName == SandboxSet) { Proxy = Proxy?.ToString() };
            try
            {
                switch (ParameterSetName)
                {
                    case SandboxSet:
                        var sandbox = Await(ct => SandboxDiscovery.DiscoverAsync(BaseUri ?? SandboxDiscovery.DefaultRoot, TimeSpan.FromSeconds(Math.Min(TimeoutSec, 10)), ct));
                        connection.AttachWallet(sandbox.WalletUri, sandbox.WalletApiKey, sandbox.WalletPrincipal, sandbox.WalletPin, transport);
                        connection.WalletClient.Settings.ReconnectHint = $"Connect-PayNet -Sandbox -BaseUri {FollowUpCommands.Quote((BaseUri ?? SandboxDiscovery.DefaultRoot).ToString())} -Otp {FollowUpCommands.ReadOtp}";
                        connection.AttachTopUp(sandbox.TopUpUri, sandbox.TopUpPosId, sandbox.TopUpToken, transport);
                        connection.AttachCard(sandbox.CardUri, sandbox.CardSecretKey, "Sandbox", transport);
                        break;
                    case WalletSet:
                        var (principal, pin) = (Credential.UserName, Credential.Password);
                        connection.AttachWallet(BaseUri ?? WalletProductionUri, SecretString.FromSecureString(ApiKey), principal, SecretString.FromSecureString(pin), transport);
                        // The exact command; the secrets and the OTP are read at the console when it runs, never echoed from what the user typed.
                        connection.WalletClient.Settings.ReconnectHint =
                            $"Connect-PayNet -ApiKey {FollowUpCommands.ReadApiKey} -Credential (Get-Credential {FollowUpCommands.Quote(principal)}) -BaseUri {FollowUpCommands.Quote((BaseUri ?? WalletProductionUri).ToString())} -Otp {FollowUpCommands.ReadOtp}";
                        break;
                    case TopUpTokenSet:
                        connection.AttachTopUp(BaseUri ?? TopUpProductionUri, PosId, SecretString.FromSecureString(Token), transport);
                        break;
                    case TopUpCredentialSet:
                        var (pos, token) = (Credential.UserName, Credential.Password);
                        if (!int.TryParse(pos, out int posId) || posId <= 0)
                            throw Terminating(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidArgument, pos,
                                $"The credential's user name must be the numeric TopUp POS id, not '{pos}'.");
                        connection.AttachTopUp(BaseUri ?? TopUpProductionUri, posId, SecretString.FromSecureString(token), transport);
                        break;
                    case CardSet:
                        connection.AttachCard(BaseUri ?? (Test.IsPresent ? CardTestUri : CardLiveUri), SecretString.FromSecureString(SecretKey), Test.IsPresent ? "Test" : "Live", transport);
                        break;
                    case EnvironmentSet:
                        AttachFromEnvironment(connection, transport);
                        break;
                }
                VerifyCredentials(connection);
            }
            catch (PayNetException error)
            {
                string? reconnect = connection.Wallet?.Settings.ReconnectHint;
                connection.Dispose();
                // A connection that cannot work is bad configuration: stop rather than continue half-connected.
                var record = PayNetErrors.From(error, error.Api, reconnect);
                // Refused credentials at connect time: the examples show how each service's credentials are given.
                if (error.Category == PayNetErrorCategory.Authentication && !(error is PayNetOtpRequiredException))
                    record.ErrorDetails.RecommendedAction = FollowUpCommands.ConnectExamples;
                throw new PayNetTerminatingException(record);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            connection.Journal = journal;
            WarnAboutClearText(connection);
            Connections.SetDefault(connection);
            WriteVerbose($"Connected: {connection}.");
            if (PassThru.IsPresent) WriteObject(connection);
        }

        /// <summary>
        /// The connection's journal, ready to write (so a directory that cannot be written fails here, not at
        /// the first payment); null with -NoJournal, which warns about what is given up.
        /// </summary>
        private FileMoneyJournal? OpenJournal()
        {
            if (NoJournal.IsPresent)
            {
                if (JournalPath is not null)
                    throw Terminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, JournalPath, "-JournalPath and -NoJournal contradict each other; give one of them.");
                WriteWarning("-NoJournal: this connection's money moves are not journaled. A crash, a closed window or Ctrl+C between send and answer leaves no local record, " +
                    "Sync-PayNetJournal cannot settle them, and TopUp keys are not coordinated with other processes on the same POS.");
                return null;
            }
            string directory = JournalLocation.Resolve(JournalPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath));
            var journal = new FileMoneyJournal(directory);
            try
            {
                journal.EnsureWritable();
            }
            catch (Exception error) when (error is IOException || error is UnauthorizedAccessException || error is InvalidOperationException)
            {
                throw Terminating(ErrorIds.InvalidConfiguration, ErrorCategory.WriteError, directory,
                    $"The PayNet journal in '{directory}' cannot be written: {error.Message} Pass -JournalPath with a directory you can write, or -NoJournal to connect without a journal (see Get-Help about_PayNet).",
                    FollowUpCommands.ParameterHelp("Connect-PayNet", "JournalPath"));
            }
            WriteVerbose($"Journal: {directory}.");
            return journal;
        }

        /// <summary>
        /// Wallet logs in (and so proves apikey, principal and PIN); TopUp reads its point info; Card checks a
        /// reference that cannot exist, a read the key must sign: "not found" proves the key, a refused key
        /// fails here instead of on first use, an unreachable host is a warning. On failure the old default
        /// connection stays in place.
        /// </summary>
        private void VerifyCredentials(PayNetConnection connection)
        {
            if (connection.Wallet is not null) LoginWallet(connection.Wallet);
            if (connection.TopUp is not null) Await(ct => connection.TopUp.GetPointInfoAsync(ct));
            if (connection.Card is not null)
            {
                string probe = "PNPS-CONNECT-" + Guid.NewGuid().ToString("N").Substring(0, 12);
                try
                {
                    Await(ct => connection.Card.CheckAsync(referenceNo: probe, cancellationToken: ct));
                }
                catch (PayNetException notFound) when (notFound.Category == PayNetErrorCategory.NotFound)
                {
                    // The key was accepted; PayNet just has no such transaction.
                }
                catch (PayNetException unreachable) when (unreachable.Category == PayNetErrorCategory.Unavailable || unreachable.Category == PayNetErrorCategory.Timeout)
                {
                    // Nobody answered, so nothing says the key is wrong: connect, but say it is unproven.
                    // A key PayNet refuses (Authentication) still stops here and keeps the old connection.
                    WriteWarning($"The Card secret key could not be checked now ({unreachable.Message}); a wrong key will fail on first use.");
                }
            }
        }

        /// <summary>
        /// Logs in with -Otp when given. A tenant that enforces two-factor sign-in and got none has texted the
        /// member an OTP: the person at the console types it; with nobody there the error names -Otp.
        /// </summary>
        private void LoginWallet(WalletClient wallet)
        {
            string? otp = string.IsNullOrWhiteSpace(Otp) ? null : Otp!.Trim();
            try
            {
                Await(ct => wallet.LoginAsync(otp, ct));
            }
            catch (PayNetOtpRequiredException) when (otp is null)
            {
                string? typed = Prompt("Login one-time password",
                    $"This PayNet Wallet tenant requires two-factor sign-in. PayNet sent a one-time password to the mobile of {wallet.Principal}. Type it here");
                if (string.IsNullOrWhiteSpace(typed))
                    throw Terminating(ErrorIds.OtpRequired, ErrorCategory.AuthenticationError, wallet.Principal,
                        $"This Wallet tenant requires a login one-time password (two-factor sign-in) for {wallet.Principal}, and none was given: pass -Otp. " +
                        $"PayNet has sent one to the member's mobile; connect again with it within 5 minutes: {wallet.Settings.ReconnectHint}",
                        wallet.Settings.ReconnectHint ?? FollowUpCommands.ParameterHelp("Connect-PayNet", "Otp"));
                Await(ct => wallet.LoginAsync(typed!.Trim(), ct));
            }
        }

        internal static class EnvironmentNames
        {
            public const string WalletApiKey = "PAYNET_WALLET_APIKEY", WalletPrincipal = "PAYNET_WALLET_PRINCIPAL", WalletPin = "PAYNET_WALLET_PIN", WalletBaseUri = "PAYNET_WALLET_BASEURI";
            public const string TopUpPosId = "PAYNET_TOPUP_POSID", TopUpToken = "PAYNET_TOPUP_TOKEN", TopUpBaseUri = "PAYNET_TOPUP_BASEURI";
            public const string CardSecretKey = "PAYNET_CARD_SECRETKEY", CardTest = "PAYNET_CARD_TEST", CardBaseUri = "PAYNET_CARD_BASEURI";
        }

        /// <summary>Reads the PAYNET_* variables; names are logged, values never.</summary>
        private void AttachFromEnvironment(PayNetConnection connection, TransportSettings transport)
        {
            static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { } v && v.Trim().Length > 0 ? v.Trim() : null;
            Uri? UriOf(string name)
            {
                string? text = Env(name);
                if (text is null) return null;
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
                    throw Terminating(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidArgument, name, $"{name} is not an absolute URI.");
                return uri;
            }

            bool any = false;
            if (Env(EnvironmentNames.WalletApiKey) is { } apiKey)
            {
                string principal = Env(EnvironmentNames.WalletPrincipal) ?? throw Missing(EnvironmentNames.WalletPrincipal, "Wallet");
                string pin = Env(EnvironmentNames.WalletPin) ?? throw Missing(EnvironmentNames.WalletPin, "Wallet");
                connection.AttachWallet(BaseUri ?? UriOf(EnvironmentNames.WalletBaseUri) ?? WalletProductionUri, new SecretString(apiKey), principal, new SecretString(pin), transport);
                WriteVerbose($"Wallet from {EnvironmentNames.WalletApiKey}, {EnvironmentNames.WalletPrincipal} and {EnvironmentNames.WalletPin}.");
                any = true;
            }
            if (Env(EnvironmentNames.TopUpToken) is { } token)
            {
                string posText = Env(EnvironmentNames.TopUpPosId) ?? throw Missing(EnvironmentNames.TopUpPosId, "TopUp");
                if (!int.TryParse(posText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int posId) || posId <= 0)
                    throw Terminating(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidArgument, EnvironmentNames.TopUpPosId, $"{EnvironmentNames.TopUpPosId} must be the numeric POS id.");
                connection.AttachTopUp(BaseUri ?? UriOf(EnvironmentNames.TopUpBaseUri) ?? TopUpProductionUri, posId, new SecretString(token), transport);
                WriteVerbose($"TopUp from {EnvironmentNames.TopUpPosId} and {EnvironmentNames.TopUpToken}.");
                any = true;
            }
            if (Env(EnvironmentNames.CardSecretKey) is { } secretKey)
            {
                bool test = Env(EnvironmentNames.CardTest) is { } flag && (flag == "1" || flag.Equals("true", StringComparison.OrdinalIgnoreCase));
                connection.AttachCard(BaseUri ?? UriOf(EnvironmentNames.CardBaseUri) ?? (test ? CardTestUri : CardLiveUri), new SecretString(secretKey), test ? "Test" : "Live", transport);
                WriteVerbose($"Card from {EnvironmentNames.CardSecretKey}.");
                any = true;
            }
            if (!any)
                throw Terminating(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidArgument, "Environment",
                    $"No PayNet service is configured in the environment: set {EnvironmentNames.WalletApiKey} (with {EnvironmentNames.WalletPrincipal} and {EnvironmentNames.WalletPin}), {EnvironmentNames.TopUpToken} (with {EnvironmentNames.TopUpPosId}) or {EnvironmentNames.CardSecretKey}.",
                    FollowUpCommands.ParameterHelp("Connect-PayNet", "FromEnvironment"));
        }

        private PayNetTerminatingException Missing(string name, string service) =>
            Terminating(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidArgument, name, $"{service} is configured in the environment but {name} is not set.");

        private void WarnAboutClearText(PayNetConnection connection)
        {
            foreach (var uri in new[] { connection.WalletBaseUri, connection.TopUpBaseUri, connection.CardBaseUri })
            {
                if (uri is not null && uri.Scheme == Uri.UriSchemeHttp && !PayNetClientOptions.IsLoopback(uri))
                    WriteWarning($"-AllowInsecureHttp: credentials for {uri.Host} travel in clear text over http.");
            }
        }

        private IWebProxy? BuildProxy()
        {
            if (Proxy is null) return null;
            var proxy = new WebProxy(Proxy);
            if (ProxyCredential is not null)
            {
                var (user, password) = (ProxyCredential.UserName, ProxyCredential.Password);
                proxy.Credentials = new NetworkCredential(user, password);
            }
            return proxy;
        }
    }
}
