namespace PayNet.Sandbox;

/// <summary>
/// Everything the sandbox can be told. Bound from the "Sandbox" configuration section, so
/// `--Sandbox:Wallet:RateLimitPerDay=50` works on the command line.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The instant the sandbox clock starts at (and returns to on reset).</summary>
    public DateTimeOffset StartTime { get; set; } = new(2024, 1, 18, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Largest request body accepted; larger ones get the API's bad-request error.</summary>
    public long MaxBodyBytes { get; set; } = 6 * 1024 * 1024;

    public WalletSandboxOptions Wallet { get; set; } = new();
    public TopUpSandboxOptions TopUp { get; set; } = new();
    public CardSandboxOptions Card { get; set; } = new();
}

public sealed class WalletSandboxOptions
{
    public string ApiKey { get; set; } = "sbx-wallet-apikey-4f6c2a9e";
    /// <summary>The member the discovery document hands out (member 2, Jhon Doe).</summary>
    public string Principal { get; set; } = "48889";
    public string Pin { get; set; } = "1234";
    public int SessionIdleMinutes { get; set; } = 15;
    public int SessionAbsoluteHours { get; set; } = 24;
    public int RateLimitPerDay { get; set; } = 2000;
    /// <summary>429 by default; 503 is the other documented choice.</summary>
    public int RateLimitStatus { get; set; } = 429;
    public string OtpFixedCode { get; set; } = "123456";
    public bool RequireOtp { get; set; }
    /// <summary>
    /// wallet.md §11.2 (Payments:RequireTransactionPin): off in the seed tenant, whose execute requests carry
    /// only transferTypeId, toMemberId and amount; on, every confirm needs transactionPin (§11.6 step 9).
    /// </summary>
    public bool RequireTransactionPin { get; set; }
    public int AddMoneyTransferTypeId { get; set; } = 27;
    public bool WithdrawPending { get; set; }
    public int AddMoneyAutoConfirmAfterSeconds { get; set; }
}

public sealed class TopUpSandboxOptions
{
    public int PosId { get; set; } = 123;
    public string Token { get; set; } = "sbx-topup-token-7d1e55";
    public decimal StartingBalance { get; set; } = 10_000.00m;
    public bool StrictKeys { get; set; } = true;
    /// <summary>200 (the spec's reading) or 400 for error envelopes.</summary>
    public int ErrorHttpStatus { get; set; } = 200;
    /// <summary>legacy, bridge or both.</summary>
    public string IntlMode { get; set; } = "both";
    /// <summary>Delay of magic suffix 24 ("slow confirm").</summary>
    public int SlowMs { get; set; } = 35_000;
    /// <summary>UAE local time.</summary>
    public TimeSpan TimeZoneOffset { get; set; } = TimeSpan.FromHours(4);
    /// <summary>
    /// Reserve, on every reset, the checked transactions the providers' confirm examples name (seed 004's
    /// external id "order-12345", seed 001's transaction id "69d-7c9-5f1-098-494"), so those sample requests
    /// work unchanged. Off: a sandbox with no transactions at all.
    /// </summary>
    public bool SeedDocumentedTransactions { get; set; } = true;
}

public sealed class CardSandboxOptions
{
    public string SecretKey { get; set; } = "sck_sbx_jECRyoZq0khnsV9elaF/SIBVvxQI+bIW";
    public string TestSecretKey { get; set; } = "sck_sbx_test_T3stK3yZq0khnsV9/QI+bIW";
    public decimal TaxRate { get; set; } = 0.18m;
    public ulong Seed { get; set; } = 20240115;
    /// <summary>Extra generated transactions in the fixture window, for paging and load tests.</summary>
    public int RandomCount { get; set; }
    /// <summary>empty200 or http404.</summary>
    public string NotFoundMode { get; set; } = "empty200";
    public bool ListEndExclusive { get; set; } = true;
    public bool AcceptBase64Basic { get; set; }
    public bool EmitBothNetSpellings { get; set; }
    /// <summary>Delay of the ERR-TIMEOUT reference.</summary>
    public int SlowMs { get; set; } = 35_000;
}
