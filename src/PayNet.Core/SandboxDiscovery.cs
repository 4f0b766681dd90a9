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
            using (var http = new HttpClient { Timeout = timeout })
            {
                string body;
                try
                {
                    body = await http.GetStringAsync(new Uri(root, "/__sandbox")).ConfigureAwait(false);
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
                        return new SandboxEndpoints
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
