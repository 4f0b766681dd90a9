using System;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace PayNet.Core.Http
{
    /// <summary>
    /// Which proxies may carry PayNet traffic. Every request carries credentials (apikey, session, Basic key, signed
    /// body), so a proxy the traffic reaches in clear is as dangerous as a plain-http base URI: a plain-http proxy that
    /// is not on this machine is refused unless insecure http is allowed explicitly. The same rule applies to a proxy
    /// given as an option and to one the environment names (HTTPS_PROXY and friends), so setting an environment
    /// variable cannot quietly undo it. See docs/design/transport-security.md.
    /// </summary>
    internal static class ProxyRule
    {
        public static void Check(PayNetApi api, Uri target, IWebProxy? explicitProxy, IWebProxy? systemProxy, bool allowInsecureHttp)
        {
            if (explicitProxy is null && PayNetClientOptions.IsLoopback(target)) return; // sent directly, see PayNetHttpPipeline
            var (proxy, source) = explicitProxy is not null ? (explicitProxy, "the Proxy option") : (systemProxy, "the environment (HTTPS_PROXY, HTTP_PROXY or ALL_PROXY) or the system proxy settings");
            if (proxy is null) return;
            Uri? via;
            try
            {
                if (proxy.IsBypassed(target)) return;
                via = proxy.GetProxy(target);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw new PayNetException(api, "Connect", PayNetErrorCategory.InvalidArgument, $"The proxy from {source} could not be read: {ex.Message}", inner: ex);
            }
            if (via is null || via == target || string.Equals(via.AbsoluteUri, target.AbsoluteUri, StringComparison.OrdinalIgnoreCase)) return;
            if (via.Scheme == Uri.UriSchemeHttps || PayNetClientOptions.IsLoopback(via) || allowInsecureHttp) return;
            throw new PayNetException(api, "Connect", PayNetErrorCategory.InvalidArgument,
                $"Refusing to send {api} credentials through the plain-http proxy '{via.Scheme}://{via.Host}:{via.Port}' named by {source}. " +
                "Use an https proxy or one on this machine, exclude the PayNet host with NO_PROXY, connect without the system proxy, or allow insecure http explicitly.");
        }

        /// <summary>
        /// The proxy HttpClient would use by itself: HttpClient.DefaultProxy on .NET (environment variables, then system
        /// settings), WebRequest.DefaultWebProxy on .NET Framework. Read by reflection because netstandard2.0 lacks the first.
        /// </summary>
        public static IWebProxy? SystemProxy()
        {
            try
            {
                var property = typeof(HttpClient).GetProperty("DefaultProxy", BindingFlags.Public | BindingFlags.Static);
                if (property?.GetValue(null) is IWebProxy modern) return modern;
#pragma warning disable SYSLIB0014
                return WebRequest.DefaultWebProxy;
#pragma warning restore SYSLIB0014
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return null;
            }
        }
    }
}
