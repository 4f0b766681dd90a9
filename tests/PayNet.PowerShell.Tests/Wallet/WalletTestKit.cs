using System.Management.Automation;
using System.Security;
using System.Text.Json;
using PayNet.Core;
using PayNet.PowerShell.Models;
using PayNet.PowerShell.Tests.Support;
using PayNet.Sandbox;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>One money movement as the sandbox ledger (GET /__sandbox/ledger) shows it.</summary>
public sealed record LedgerLine(string Api, string Operation, string Reference, string TransactionId, decimal Amount);

/// <summary>
/// A sandbox whose payments need an OTP, with a distinctive PIN and OTP code, so a leak of either is
/// found by a plain text search.
/// </summary>
public sealed class OtpSandboxFixture : IAsyncLifetime
{
    public const string Pin = "975310";
    public const string OtpCode = "640213";
    public const string OwnMobile = "9555292137";

    public SandboxServer Server { get; private set; } = null!;
    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(o =>
        {
            o.Wallet.RequireOtp = true;
            o.Wallet.OtpFixedCode = OtpCode;
            o.Wallet.Pin = Pin;
        });
        Control = new HttpClient { BaseAddress = Server.RootUri };
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Server.DisposeAsync();
    }

    internal PwshSession Connect() => WalletTestKit.ConnectSandbox(Server.RootUri);
}

/// <summary>Helpers the Wallet cmdlet tests share: connecting, reading balances and the ledger, control routes.</summary>
internal static class WalletTestKit
{
    public const string SandboxApiKey = "sbx-wallet-apikey-4f6c2a9e";

    /// <summary>The day of the sandbox clock after a reset (SandboxOptions.StartTime).</summary>
    public static DateTime SandboxDay => new SandboxOptions().StartTime.UtcDateTime.Date;

    public static PwshSession ConnectSandbox(Uri root) => SandboxFixture.ConnectSandbox(root);

    /// <summary>Connect-PayNet with -ApiKey and -Credential as another sandbox member (Wallet only), in a session of its own.</summary>
    public static PwshSession ConnectAs(Uri root, string principal, string pin)
    {
        var session = new PwshSession();
        var connect = session.Call("Connect-PayNet", new
        {
            ApiKey = Secure(SandboxApiKey),
            Credential = new PSCredential(principal, Secure(pin)),
            BaseUri = new Uri(root, "/wallet/api"),
            TimeoutSec = 5,
            MaxRetry = 1,
        });
        if (connect.Terminating is not null || connect.Errors.Count > 0)
        {
            session.Dispose();
            throw new InvalidOperationException($"Connect-PayNet as {principal} failed: " + (connect.Terminating ?? connect.Errors[0]));
        }
        return session;
    }

    public static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    /// <summary>Runs a command once in the session; <paramref name="configure"/> adds switches, -WhatIf, the -Confirm answer, prompt answers.</summary>
    public static PwshResult Run(PwshSession session, string command, object? parameters = null, Action<Call>? configure = null) =>
        session.Call(command, parameters, configure);

    public static PwshResult Pipeline(PwshSession session, string command, object? parameters, System.Collections.IEnumerable input, Action<Call>? configure = null) =>
        session.CallPipeline(command, input, parameters, configure);

    public static IReadOnlyList<WalletBalance> Wallets(PwshSession session)
    {
        var result = Run(session, "Get-PayNetWallet");
        Assert.Empty(result.Errors);
        return result.OutputOf<WalletBalance>().ToList();
    }

    /// <summary>The default Wallet account's balance of the connected member.</summary>
    public static decimal Balance(PwshSession session) => Wallets(session).Single(w => w.IsDefault).Balance!.Value;

    public static async Task<IReadOnlyList<LedgerLine>> LedgerAsync(HttpClient control)
    {
        using var doc = JsonDocument.Parse(await control.GetStringAsync("/__sandbox/ledger"));
        return doc.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => new LedgerLine(e.GetProperty("api").GetString()!, e.GetProperty("operation").GetString()!,
                e.GetProperty("reference").GetString()!, e.GetProperty("transactionId").GetString()!, e.GetProperty("amount").GetDecimal()))
            .Where(l => l.Api == "Wallet")
            .ToList();
    }

    public static async Task PostAsync(HttpClient control, string path)
    {
        using var response = await control.PostAsync(path, null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The code of the last OTP the sandbox issued for the number, or null when none was sent.</summary>
    public static async Task<string?> LastOtpAsync(HttpClient control, string mobile)
    {
        using var response = await control.GetAsync("/__sandbox/otp/last?medium=" + mobile);
        if (!response.IsSuccessStatusCode) return null;
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("otp").GetString();
    }

    public static void AssertNoLeak(PwshResult result, params string[] secrets)
    {
        var text = string.Join("\n", result.AllText());
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text);
    }

    public static PayNetApi Service(object record) => ((IPayNetRecord)record).Service;
}
