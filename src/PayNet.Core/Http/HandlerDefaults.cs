using System;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace PayNet.Core.Http
{
    /// <summary>
    /// Socket-handler settings that differ between Windows PowerShell 5.1 (.NET Framework) and
    /// PowerShell 7, set on our own handler so no process-wide state (ServicePointManager) changes.
    /// </summary>
    internal static class HandlerDefaults
    {
        /// <summary>
        /// Enough connections per host for -ThrottleLimit 16 and then some. .NET Framework defaults to 2,
        /// which makes requests queue, and queue time counts against the per-attempt timeout: a queued
        /// payment would turn into a false "state unknown".
        /// </summary>
        internal const int MaxConnectionsPerServer = 64;

        // SslProtocols.Tls13 is not in netstandard2.0's enum; its value is stable.
        private const SslProtocols Tls13 = (SslProtocols)12288;

        internal static bool IsNetFramework { get; } =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        internal static void Apply(HttpClientHandler handler) => Apply(handler, IsNetFramework);

        internal static void Apply(HttpClientHandler handler, bool netFramework)
        {
            handler.MaxConnectionsPerServer = MaxConnectionsPerServer;
            if (!netFramework) return; // .NET (Core) lets the OS choose, which already means TLS 1.2 or later.
            // .NET Framework before 4.7 defaults to SSL 3 / TLS 1.0 unless the machine opts in; PayNet needs TLS 1.2.
            try { handler.SslProtocols = SslProtocols.Tls12 | Tls13; }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PlatformNotSupportedException)
            {
                handler.SslProtocols = SslProtocols.Tls12; // a Framework without TLS 1.3 support
            }
        }
    }
}
