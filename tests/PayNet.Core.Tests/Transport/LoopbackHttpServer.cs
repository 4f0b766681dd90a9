using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PayNet.Core.Tests.Transport;

/// <summary>A tiny HTTP/1.1 responder on 127.0.0.1 and a free port: answers every request the same way and counts them.</summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string> _respond;
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public LoopbackHttpServer(Func<string, string> respond)
    {
        _respond = respond;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Root => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    public static string Response(int status, string reason, string body = "", params string[] headers) =>
        $"HTTP/1.1 {status} {reason}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[16384];
                    var head = new StringBuilder();
                    while (!head.ToString().Contains("\r\n\r\n"))
                    {
                        int read = await stream.ReadAsync(buffer);
                        if (read == 0) return;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    Interlocked.Increment(ref _requests);
                    string requestLine = head.ToString().Split("\r\n")[0];
                    byte[] answer = Encoding.UTF8.GetBytes(_respond(requestLine));
                    await stream.WriteAsync(answer);
                }
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
