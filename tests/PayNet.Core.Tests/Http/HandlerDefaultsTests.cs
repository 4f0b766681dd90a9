using System.Net.Http;
using System.Security.Authentication;
using PayNet.Core.Http;

namespace PayNet.Core.Tests.Http;

/// <summary>
/// The Windows PowerShell 5.1 risks that can be checked on .NET 10: the settings are applied to our
/// own handler (never ServicePointManager) and would give TLS 1.2 and enough connections there.
/// </summary>
public sealed class HandlerDefaultsTests
{
    [Fact]
    public void On_NET_Framework_the_handler_asks_for_TLS_1_2_or_later_and_never_older()
    {
        using var handler = new HttpClientHandler();
        HandlerDefaults.Apply(handler, netFramework: true);
        Assert.True(handler.SslProtocols.HasFlag(SslProtocols.Tls12));
#pragma warning disable SYSLIB0039, CS0618 // naming the old protocols to prove they are off
        Assert.False(handler.SslProtocols.HasFlag(SslProtocols.Tls11));
        Assert.False(handler.SslProtocols.HasFlag(SslProtocols.Tls));
        Assert.False(handler.SslProtocols.HasFlag(SslProtocols.Ssl3));
#pragma warning restore SYSLIB0039, CS0618
    }

    [Fact]
    public void On_NET_the_OS_default_protocols_stay()
    {
        using var handler = new HttpClientHandler();
        HandlerDefaults.Apply(handler, netFramework: false);
        Assert.Equal(SslProtocols.None, handler.SslProtocols);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sixteen_concurrent_requests_never_queue_for_a_connection(bool netFramework)
    {
        using var handler = new HttpClientHandler();
        HandlerDefaults.Apply(handler, netFramework);
        Assert.True(handler.MaxConnectionsPerServer >= 16, $"MaxConnectionsPerServer is {handler.MaxConnectionsPerServer}");
    }
}
