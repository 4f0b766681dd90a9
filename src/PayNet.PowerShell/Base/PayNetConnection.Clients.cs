using System;
using System.Net;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Journal;
using PayNet.Core.Security;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell
{
    /// <summary>Transport settings Connect-PayNet applies to every client it creates.</summary>
    internal sealed class TransportSettings
    {
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        public int MaxRetries { get; set; } = 3;
        public bool AllowInsecureHttp { get; set; }
        public IWebProxy? Proxy { get; set; }
        /// <summary>Where every client of the connection records its money moves (the null journal with -NoJournal).</summary>
        public IMoneyJournal Journal { get; set; } = NullMoneyJournal.Instance;

        public PayNetClientOptions OptionsFor(Uri baseUri) => new PayNetClientOptions(baseUri)
        {
            Timeout = Timeout,
            MaxRetries = MaxRetries,
            AllowInsecureHttp = AllowInsecureHttp,
            Proxy = Proxy,
            Journal = Journal,
        };
    }

    public sealed partial class PayNetConnection
    {
        internal WalletClient? Wallet { get; private set; }
        internal TopUpClient? TopUp { get; private set; }
        internal CardClient? Card { get; private set; }

        internal void AttachWallet(Uri baseUri, SecretString apiKey, string principal, SecretString pin, TransportSettings transport)
        {
            Wallet = Own(new WalletClient(new WalletCredentials(apiKey, principal, pin), transport.OptionsFor(baseUri)));
            WalletBaseUri = baseUri;
            WalletPrincipal = principal;
        }

        internal void AttachTopUp(Uri baseUri, int posId, SecretString token, TransportSettings transport)
        {
            TopUp = Own(new TopUpClient(new TopUpCredentials(posId, token), transport.OptionsFor(baseUri)));
            TopUpBaseUri = baseUri;
            TopUpPosId = posId;
        }

        internal void AttachCard(Uri baseUri, SecretString secretKey, string environment, TransportSettings transport)
        {
            Card = Own(new CardClient(secretKey, transport.OptionsFor(baseUri)));
            CardBaseUri = baseUri;
            CardEnvironment = environment;
            CardIdentity = JournalIdentity.CardKey(secretKey);
        }

        internal WalletClient WalletClient => Wallet ?? throw new InvalidOperationException("This connection has no Wallet service.");
        internal TopUpClient TopUpClient => TopUp ?? throw new InvalidOperationException("This connection has no TopUp service.");
        internal CardClient CardClient => Card ?? throw new InvalidOperationException("This connection has no Card service.");
    }
}
