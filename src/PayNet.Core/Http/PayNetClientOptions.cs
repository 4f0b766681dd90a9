using System;
using System.Net;
using System.Net.Http;
using PayNet.Core.Journal;
using PayNet.Core.Security;

namespace PayNet.Core.Http
{
    /// <summary>Transport settings of one API client. Secrets live in the API-specific credentials, not here.</summary>
    public sealed class PayNetClientOptions
    {
        public PayNetClientOptions(Uri baseUri) => BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));

        public Uri BaseUri { get; set; }

        /// <summary>Per attempt. A money move that exceeds it is reconciled, never re-sent.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Retries for reads and validations (not counting the first attempt).</summary>
        public int MaxRetries { get; set; } = 3;

        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Ceiling for one wait, including a server's Retry-After.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Plain http to a non-loopback host is refused unless this is set (and then warned about).</summary>
        public bool AllowInsecureHttp { get; set; }

        /// <summary>
        /// Null means the system proxy (see <see cref="UseSystemProxy"/>). A plain-http proxy that is not on this
        /// machine is refused unless <see cref="AllowInsecureHttp"/> is set; https and loopback proxies are fine.
        /// </summary>
        public IWebProxy? Proxy { get; set; }

        /// <summary>
        /// When <see cref="Proxy"/> is null: true uses the proxy the environment names (HTTPS_PROXY / HTTP_PROXY /
        /// ALL_PROXY, honouring NO_PROXY; on Windows PowerShell the system settings), checked by the same rule as an
        /// explicit proxy; false connects directly whatever the environment says.
        /// </summary>
        public bool UseSystemProxy { get; set; } = true;

        /// <summary>Replaces the socket handler: benchmarks and fault tests.</summary>
        public Func<HttpMessageHandler>? PrimaryHandlerFactory { get; set; }

        /// <summary>
        /// Bound of settling one money move whose answer was lost (all lookups together). Settling never uses
        /// the caller's token, so a cancelled call still learns whether money moved.
        /// </summary>
        public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>
        /// Wait before each settle lookup: a booking whose answer was lost often shows up a moment later.
        /// The count is the number of lookups; the default spreads five over about six seconds.
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<TimeSpan> SettleDelays { get; set; } = new[]
        {
            TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3),
        };

        /// <summary>Write-ahead record of every money move this client sends (see IMoneyJournal).</summary>
        public IMoneyJournal Journal { get; set; } = NullMoneyJournal.Instance;

        /// <summary>Scrubs every secret the client holds from its log output.</summary>
        public Redactor Redactor { get; } = new Redactor();

        /// <summary>Throws when the base URI would send credentials in clear text to another machine.</summary>
        public void EnsureSafeTransport(PayNetApi api)
        {
            if (!BaseUri.IsAbsoluteUri)
                throw new PayNetException(api, "Connect", PayNetErrorCategory.InvalidArgument, $"Base URI '{BaseUri}' must be absolute.");
            if (BaseUri.Scheme == Uri.UriSchemeHttps) return;
            if (BaseUri.Scheme != Uri.UriSchemeHttp)
                throw new PayNetException(api, "Connect", PayNetErrorCategory.InvalidArgument, $"Base URI '{BaseUri}' must use https.");
            if (!IsLoopback(BaseUri) && !AllowInsecureHttp)
                throw new PayNetException(api, "Connect", PayNetErrorCategory.InvalidArgument,
                    $"Refusing to send {api} credentials over plain http to '{BaseUri.Host}'. Use https, or allow insecure http explicitly.");
        }

        /// <summary>Throws when the base URI or the proxy in use would carry credentials in clear text to another machine.</summary>
        public void EnsureSafeTransport(PayNetApi api, bool checkProxy)
        {
            EnsureSafeTransport(api);
            if (checkProxy && PrimaryHandlerFactory is null)
                ProxyRule.Check(api, BaseUri, Proxy, UseSystemProxy ? ProxyRule.SystemProxy() : null, AllowInsecureHttp);
        }

        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) ||
            (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
