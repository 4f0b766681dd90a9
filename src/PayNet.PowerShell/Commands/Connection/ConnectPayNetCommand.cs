using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using PayNet.Core;
using PayNet.Core.Http;
using PayNet.Core.Security;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Connects this runspace to PayNet: one parameter set per service and credential kind, or
    /// -Sandbox for all three services on the local emulator. The connection becomes the default of
    /// each service it carries; -PassThru also returns it for -Connection.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "PayNet", DefaultParameterSetName = WalletSet)]
    [OutputType(typeof(PayNetConnection))]
    public sealed class ConnectPayNetCommand : PayNetCmdlet
    {
        private const string WalletSet = "Wallet";
        private const string TopUpTokenSet = "TopUpToken";
        private const string TopUpCredentialSet = "TopUpCredential";
        private const string CardSet = "Card";
        private const string SandboxSet = "Sandbox";

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

        private protected override void Process()
        {
            var transport = new TransportSettings
            {
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetry,
                AllowInsecureHttp = AllowInsecureHttp.IsPresent,
                Proxy = BuildProxy(),
            };
            var connection = new PayNetConnection(ParameterSetName == SandboxSet) { Proxy = Proxy?.ToString() };
            try
            {
                switch (ParameterSetName)
                {
                    case SandboxSet:
                        var sandbox = Await(ct => SandboxDiscovery.DiscoverAsync(BaseUri ?? SandboxDiscovery.DefaultRoot, TimeSpan.FromSeconds(Math.Min(TimeoutSec, 10)), ct));
                        connection.AttachWallet(sandbox.WalletUri, sandbox.WalletApiKey, sandbox.WalletPrincipal, sandbox.WalletPin, transport);
                        connection.AttachTopUp(sandbox.TopUpUri, sandbox.TopUpPosId, sandbox.TopUpToken, transport);
                        connection.AttachCard(sandbox.CardUri, sandbox.CardSecretKey, "Sandbox", transport);
                        break;
                    case WalletSet:
                        var (principal, pin) = (Credential.UserName, Credential.Password);
                        connection.AttachWallet(BaseUri ?? WalletProductionUri, SecretString.FromSecureString(ApiKey), principal, SecretString.FromSecureString(pin), transport);
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
                }
                VerifyCredentials(connection);
            }
            catch (PayNetException error)
            {
                connection.Dispose();
                // A connection that cannot work is bad configuration: stop rather than continue half-connected.
                throw new PayNetTerminatingException(PayNetErrors.From(error, ParameterSetName));
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            WarnAboutClearText(connection);
            Connections.SetDefault(connection);
            WriteVerbose($"Connected: {connection}.");
            if (PassThru.IsPresent) WriteObject(connection);
        }

        /// <summary>Wallet logs in (and so proves apikey, principal and PIN); TopUp reads its point info. Card has no free call to prove a key.</summary>
        private void VerifyCredentials(PayNetConnection connection)
        {
            if (connection.Wallet is not null) Await(ct => connection.Wallet.LoginAsync(ct));
            if (connection.TopUp is not null) Await(ct => connection.TopUp.GetPointInfoAsync(ct));
        }

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
