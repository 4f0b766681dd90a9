using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using PayNet.Core;

namespace PayNet.PowerShell
{
    /// <summary>
    /// The default connection of each service, one store per runspace (never process-wide), so
    /// ForEach-Object -Parallel runspaces never overwrite each other and each one passes
    /// -Connection $using:conn explicitly.
    /// </summary>
    internal sealed class ConnectionStore
    {
        private static readonly ConditionalWeakTable<object, ConnectionStore> ByRunspace = new ConditionalWeakTable<object, ConnectionStore>();
        private static readonly ConnectionStore WithoutRunspace = new ConnectionStore();

        private readonly object _gate = new object();
        private readonly Dictionary<PayNetApi, PayNetConnection> _defaults = new Dictionary<PayNetApi, PayNetConnection>();

        public static ConnectionStore For(object? runspace) => runspace is null ? WithoutRunspace : ByRunspace.GetValue(runspace, _ => new ConnectionStore());

        public PayNetConnection? Get(PayNetApi service)
        {
            lock (_gate) return _defaults.TryGetValue(service, out var c) ? c : null;
        }

        /// <summary>Makes the connection the default for every service it carries; returns the connections it displaced.</summary>
        public IReadOnlyList<PayNetConnection> SetDefault(PayNetConnection connection)
        {
            lock (_gate)
            {
                var displaced = new List<PayNetConnection>();
                foreach (var service in connection.ServiceList)
                {
                    if (_defaults.TryGetValue(service, out var old) && !ReferenceEquals(old, connection)) displaced.Add(old);
                    _defaults[service] = connection;
                }
                return displaced.Distinct().Where(d => !_defaults.Values.Contains(d)).ToList();
            }
        }

        public IReadOnlyList<PayNetConnection> All()
        {
            lock (_gate) return _defaults.Values.Distinct().ToList();
        }

        /// <summary>Forgets the defaults of the given services (all when null); returns connections no longer used by any service.</summary>
        public IReadOnlyList<PayNetConnection> Clear(IEnumerable<PayNetApi>? services)
        {
            lock (_gate)
            {
                var before = _defaults.Values.Distinct().ToList();
                foreach (var s in (services ?? _defaults.Keys.ToList()).ToList()) _defaults.Remove(s);
                return before.Where(c => !_defaults.Values.Contains(c)).ToList();
            }
        }
    }
}
