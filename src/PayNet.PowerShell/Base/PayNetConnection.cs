using System;
using System.Collections.Generic;
using System.Linq;
using PayNet.Core;

namespace PayNet.PowerShell
{
    /// <summary>
    /// A connection to one or more PayNet services. Its public properties say where it points and
    /// as whom, never with what secret, so it is safe to print, ConvertTo-Json or Export-Clixml.
    /// The API clients it owns are internal and thread-safe: pass the object to
    /// ForEach-Object -Parallel with -Connection $using:conn.
    /// </summary>
    public sealed partial class PayNetConnection : IDisposable
    {
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private readonly HashSet<PayNetApi> _disconnected = new HashSet<PayNetApi>();
        private volatile bool _disposed;

        internal PayNetConnection(bool isSandbox)
        {
            IsSandbox = isSandbox;
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        public Guid Id { get; } = Guid.NewGuid();

        /// <summary>Comma-separated, so the object exports to CSV as one cell.</summary>
        public string Services => string.Join(", ", ServiceList);

        public bool IsSandbox { get; }
        public DateTimeOffset ConnectedAt { get; }
        public Uri? WalletBaseUri { get; internal set; }
        public string? WalletPrincipal { get; internal set; }
        public Uri? TopUpBaseUri { get; internal set; }
        public int? TopUpPosId { get; internal set; }
        public Uri? CardBaseUri { get; internal set; }
        /// <summary>Live, Test or Sandbox.</summary>
        public string? CardEnvironment { get; internal set; }
        public string? Proxy { get; internal set; }

        /// <summary>Wallet calls used today (UTC) on this connection, or what PayNet counted for the member when it says more (§3: 2000 a day).</summary>
        public int? WalletCallsUsed => Wallet?.CallsUsedToday;

        /// <summary>Wallet calls left today before PayNet refuses with PayNetRateLimited.</summary>
        public int? WalletCallsLeft => Wallet?.CallsLeftToday;

        /// <summary>The daily Wallet call limit: PayNet's own once it said, else the documented 2000.</summary>
        public int? WalletCallLimit => Wallet?.DailyCallLimit;

        internal IReadOnlyList<PayNetApi> ServiceList
        {
            get
            {
                var list = new List<PayNetApi>();
                if (_disposed) return list;
                if (WalletBaseUri is not null) list.Add(PayNetApi.Wallet);
                if (TopUpBaseUri is not null) list.Add(PayNetApi.TopUp);
                if (CardBaseUri is not null) list.Add(PayNetApi.Card);
                lock (_disconnected) list.RemoveAll(_disconnected.Contains);
                return list;
            }
        }

        public bool Has(PayNetApi service) => ServiceList.Contains(service);

        /// <summary>True after Disconnect-PayNet closed it: a copy kept with -PassThru can no longer be used.</summary>
        public bool IsClosed => _disposed;

        /// <summary>Disconnect-PayNet -Service: the service leaves Services and can no longer be used through this object.</summary>
        internal void Disconnect(PayNetApi service)
        {
            lock (_disconnected) _disconnected.Add(service);
        }

        internal T Own<T>(T client) where T : IDisposable
        {
            _owned.Add(client);
            return client;
        }

        public void Dispose()
        {
            _disposed = true;
            foreach (var client in _owned) client.Dispose();
            _owned.Clear();
        }

        public override string ToString()
        {
            var parts = new List<string>();
            if (WalletBaseUri is not null) parts.Add($"Wallet {WalletPrincipal}@{WalletBaseUri}");
            if (TopUpBaseUri is not null) parts.Add($"TopUp POS {TopUpPosId}@{TopUpBaseUri}");
            if (CardBaseUri is not null) parts.Add($"Card ({CardEnvironment})@{CardBaseUri}");
            return parts.Count == 0 ? "PayNet connection (no services)" : "PayNet connection: " + string.Join("; ", parts);
        }
    }
}
