using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Security;

namespace PayNet.Core
{
    /// <summary>What GET /__sandbox answers: the three base URIs and the sandbox-only credentials.</summary>
    public sealed class SandboxEndpoints
    {
        public Uri WalletUri { get; internal set; } = null!;
        public SecretString WalletApiKey { get; internal set; } = null!;
        public string WalletPrincipal { get; internal set; } = "";
        public SecretString WalletPin { get; internal set; } = null!;
        public Uri TopUpUri { get; internal set; } = null!;
        public int TopUpPosId { get; internal set; }
        public SecretString TopUpToken { get; internal set; } = null!;
        public Uri CardUri { get; internal set; } = null!;
        public SecretString CardSecretKey { get; internal set; } = null!;

        public override string ToString() => $"PayNet sandbox (Wallet {WalletUri}, TopUp {TopUpUri}, Card {CardUri})";
    }

    /// <summary>Reads the sandbox's discovery document so Connect-PayNet -Sandbox needs no credentials.</summary>
    public static class SandboxDiscovery
    {
        public static readonly Uri DefaultRoot = new Uri("http://127.0.0.1:5080");

        public static async Task<SandboxEndpoints> DiscoverAsync(Uri root, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (!PayNetClientOptions.IsLoopback(root) && root.Scheme != Uri.UriSchemeHttps)
                throw new PayNetException(PayNetApi.Wallet, "DiscoverSandbox", PayNetErrorCategory.InvalidArgument,
                    $"The sandbox at '{root}' is neither on this machine nor behind https.");
            // The sandbox runs on this machine: no proxy, and never a redirect (it would carry the next request elsewhere).
            using (var handler = new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false })
            using (var http = new HttpClient(handler) { Timeout = timeout })
            {
                string body;
                try
                {
                    using (var response = await http.GetAsync(new Uri(root, "/__sandbox"), cancellationToken).ConfigureAwait(false))
                    {
                        int status = (int)response.StatusCode;
                        if (status >= 300 && status < 400)
                            throw new PayNetException(PayNetApi.Wallet, "DiscoverSandbox", PayNetErrorCategory.InvalidArgument,
                                $"{root} answered the sandbox discovery with a redirect (HTTP {status}) to '{response.Headers.Location}'; redirects are not followed. Pass the sandbox's own address.");
                        response.EnsureSuccessStatusCode();
                        body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    throw new PayNetException(PayNetApi.Wallet, "DiscoverSandbox", PayNetErrorCategory.Unavailable,
                        $"No PayNet sandbox answers at {root}. Start it with 'dotnet run --project src/PayNet.Sandbox' (or ./build.ps1 Sandbox), or pass -BaseUri.", inner: ex);
                }
                try
                {
                    using (var doc = JsonDocument.Parse(body))
                    {
                        var r = doc.RootElement;
                        var wallet = Child(r, "wallet");
                        var topUp = Child(r, "topUp");
                        var card = Child(r, "card");
                        var endpoints = new SandboxEndpoints
                        {
                            WalletUri = new Uri(Text(wallet, "baseUri")),
                            WalletApiKey = new SecretString(Text(wallet, "apiKey")),
                            WalletPrincipal = Text(wallet, "principal"),
                            WalletPin = new SecretString(Text(wallet, "pin")),
                            TopUpUri = new Uri(Text(topUp, "baseUri")),
                            TopUpPosId = Child(topUp, "posId").GetInt32(),
                            TopUpToken = new SecretString(Text(topUp, "token")),
                            CardUri = new Uri(Text(card, "baseUri")),
                            CardSecretKey = new SecretString(Text(card, "secretKey")),
                        };
                        // The document hands out credentials: they may only go to this machine or over https.
                        foreach (var uri in new[] { endpoints.WalletUri, endpoints.TopUpUri, endpoints.CardUri })
                        {
                            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && PayNetClientOptions.IsLoopback(uri))))
                                throw new PayNetException(PayNetApi.Wallet, "DiscoverSandbox", PayNetErrorCategory.InvalidArgument,
                                    $"The sandbox discovery at {root} points to '{uri}', which is neither on this machine nor https; refusing to send credentials there.");
                        }
                        return endpoints;
                    }
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is UriFormatException || ex is ArgumentException)
                {
                    throw new PayNetException(PayNetApi.Wallet, "DiscoverSandbox", PayNetErrorCategory.Unavailable,
                        $"{root}/__sandbox did not answer with a PayNet sandbox discovery document.", inner: ex);
                }
            }
        }

        private static JsonElement Child(JsonElement e, string name)
        {
            foreach (var p in e.EnumerateObject())
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
            throw new InvalidOperationException($"'{name}' is missing.");
        }

        private static string Text(JsonElement e, string name) => Child(e, name).GetString() ?? throw new InvalidOperationException($"'{name}' is empty.");
    }
}
