using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PayNet.Bench;

/// <summary>
/// The Release sandbox as a child process on a free loopback port, so the client side measured here
/// and the server never share a heap.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri root, JsonElement discovery)
    {
        _process = process;
        Root = root;
        CardUri = new Uri(discovery.GetProperty("card").GetProperty("baseUri").GetString()!);
        CardKey = discovery.GetProperty("card").GetProperty("secretKey").GetString()!;
        TopUpUri = new Uri(discovery.GetProperty("topUp").GetProperty("baseUri").GetString()!);
        PosId = discovery.GetProperty("topUp").GetProperty("posId").GetInt32();
        PosToken = discovery.GetProperty("topUp").GetProperty("token").GetString()!;
        var wallet = discovery.GetProperty("wallet");
        WalletUri = new Uri(wallet.GetProperty("baseUri").GetString()!);
        WalletApiKey = wallet.GetProperty("apiKey").GetString()!;
        WalletPrincipal = wallet.GetProperty("principal").GetString()!;
        WalletPin = wallet.GetProperty("pin").GetString()!;
    }

    public Uri WalletUri { get; }
    public string WalletApiKey { get; }
    public string WalletPrincipal { get; }
    public string WalletPin { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the sandbox process has used so far (all its threads).</summary>
    public TimeSpan CpuTime { get { _process.Refresh(); return _process.TotalProcessorTime; } }

    public Uri Root { get; }
    public Uri CardUri { get; }
    public string CardKey { get; }
    public Uri TopUpUri { get; }
    public int PosId { get; }
    public string PosToken { get; }

    public static async Task<SandboxProcess> StartAsync(string repo, params string[] extraArgs)
    {
        string dll = Path.Combine(repo, "src/PayNet.Sandbox/bin/Release/net10.0/PayNet.Sandbox.dll");
        if (!File.Exists(dll))
        {
            using var build = Process.Start(new ProcessStartInfo("dotnet", $"build \"{Path.Combine(repo, "src/PayNet.Sandbox")}\" -c Release -v q") { RedirectStandardOutput = true })!;
            await build.StandardOutput.ReadToEndAsync();
            await build.WaitForExitAsync();
        }
        int port = FreePort();
        var root = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(root.ToString().TrimEnd('/'));
        foreach (var a in extraArgs) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient();
        for (int i = 0; i < 600; i++)
        {
            try
            {
                var json = await http.GetStringAsync(new Uri(root, "/__sandbox"));
                using var discovery = JsonDocument.Parse(json);
                return new SandboxProcess(process, root, discovery.RootElement.Clone());
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill(true);
        throw new InvalidOperationException("The sandbox did not start.");
    }


    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
    }
}
