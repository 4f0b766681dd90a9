using System.Text.Json;
using PayNet.Core.Card;
using PayNet.Core.Journal;
using PayNet.Core.Security;
using PayNet.Core.Tests.Support;
using PayNet.Core.Tests.Wallet;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.Sandbox;

namespace PayNet.Core.Tests.Journal;

/// <summary>One sandbox serving all three APIs for the settler tests.</summary>
public sealed class JournalSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;
    public SandboxControl Control { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(o => o.TopUp.SlowMs = 1500);
        Control = new SandboxControl(Server.RootUri);
        Http = new HttpClient { BaseAddress = Server.RootUri };
    }

    public TopUpClient TopUp() => new(new TopUpCredentials(Server.Options.TopUp.PosId, new SecretString(Server.Options.TopUp.Token)), TestOptions.Fast(Server.TopUpUri), new TopUpSettings
    {
        PollInitialInterval = TimeSpan.FromMilliseconds(20),
        PollMaxInterval = TimeSpan.FromMilliseconds(80),
        PollTimeout = TimeSpan.FromSeconds(20),
    });

    public WalletClient Wallet() => SandboxWallet.Client(Server);

    public CardClient Card() => new(new SecretString(Server.Options.Card.SecretKey), TestOptions.Fast(Server.CardUri));

    public string CardIdentity => JournalIdentity.CardKey(new SecretString(Server.Options.Card.SecretKey));

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Control.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// Sync's engine against the sandbox: each open entry ends in the state the sandbox ledger shows, and a
/// lookup that does not match exactly (amount, currency, payee) settles nothing.
/// </summary>
public class JournalSettlerTests : IClassFixture<JournalSandboxFixture>
{
    private readonly JournalSandboxFixture _sandbox;

    public JournalSettlerTests(JournalSandboxFixture sandbox) => _sandbox = sandbox;

    private static string Mobile(string suffix) => "9715" + Random.Shared.Next(100000, 999999) + suffix;

    private JournalSettler Settler(FileMoneyJournal journal, TopUpClient? topUp = null, WalletClient? wallet = null, CardClient? card = null, TimeSpan? grace = null) =>
        new(journal, new JournalSettlerClients { TopUp = topUp, Wallet = wallet, Card = card, CardIdentity = _sandbox.CardIdentity })
        {
            NotFoundGrace = grace ?? TimeSpan.FromMinutes(10),
        };

    /// <summary>The intent as the client writes it just before the confirm, left without outcome as after a crash.</summary>
    private static JournalEntry Crashed(FileMoneyJournal journal, MoneyMoveIntent intent)
    {
        journal.RecordIntent(intent);
        return journal.Read(new JournalQuery { Reference = intent.Reference }).Last();
    }

    [Fact]
    public async Task A_confirmed_top_up_left_Sent_settles_to_Succeeded_with_Paynets_id_as_in_the_ledger()
    {
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        using var client = _sandbox.TopUp();
        string account = Mobile("00");
        var tx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = account, Amount = 50m, ExternalId = "jr-" + Guid.NewGuid().ToString("N")[..12] });
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.TopUp, JournalIdentity.TopUp(client.PosId), "TopUpConfirm", tx.ExternalId!, 50m, "AED") { Payee = account });
        await client.ConfirmAsync(tx);

        var settled = await Settler(journal, topUp: client).SettleAsync(entry);
        var ledger = Assert.Single(await _sandbox.Control.LedgerForAsync(tx.ExternalId));
        Assert.Equal(MoneyMoveState.Succeeded, settled.State);
        Assert.Equal(ledger.GetProperty("transactionId").GetString(), settled.TransactionId);
        Assert.Equal(MoneyMoveState.Succeeded, journal.Read(new JournalQuery { Reference = tx.ExternalId }).Single().State); // recorded, not just returned
    }

    [Fact]
    public async Task A_top_up_whose_journal_amount_or_account_differs_stays_Unknown_with_the_reason()
    {
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        using var client = _sandbox.TopUp();
        string account = Mobile("00");
        var tx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = account, Amount = 50m, ExternalId = "jm-" + Guid.NewGuid().ToString("N")[..12] });
        await client.ConfirmAsync(tx);
        var wrongAmount = Crashed(journal, new MoneyMoveIntent(PayNetApi.TopUp, JournalIdentity.TopUp(client.PosId), "TopUpConfirm", tx.ExternalId!, 55m, "AED") { Payee = account });

        var settled = await Settler(journal, topUp: client).SettleAsync(wrongAmount);
        Assert.Equal(MoneyMoveState.Unknown, settled.State);
        Assert.Contains("amount 50.00, not 55.00", settled.Reason);

        using var dir2 = new TempJournalDirectory();
        var journal2 = dir2.Store();
        var wrongAccount = Crashed(journal2, new MoneyMoveIntent(PayNetApi.TopUp, JournalIdentity.TopUp(client.PosId), "TopUpConfirm", tx.ExternalId!, 50m, "AED") { Payee = Mobile("00") });
        settled = await Settler(journal2, topUp: client).SettleAsync(wrongAccount);
        Assert.Equal(MoneyMoveState.Unknown, settled.State);
        Assert.Contains("account", settled.Reason);
    }

    [Fact]
    public async Task A_top_up_checked_but_never_confirmed_is_Unknown_at_first_and_Failed_once_the_grace_is_over_and_the_ledger_is_empty()
    {
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        using var client = _sandbox.TopUp();
        string account = Mobile("00");
        var tx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = account, Amount = 20m, ExternalId = "jn-" + Guid.NewGuid().ToString("N")[..12] });
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.TopUp, JournalIdentity.TopUp(client.PosId), "TopUpConfirm", tx.ExternalId!, 20m, "AED") { Payee = account });

        var early = await Settler(journal, topUp: client).SettleAsync(entry);
        Assert.Equal(MoneyMoveState.Unknown, early.State);
        Assert.Contains("New", early.Reason);

        var late = await Settler(journal, topUp: client, grace: TimeSpan.Zero).SettleAsync(early);
        Assert.Equal(MoneyMoveState.Failed, late.State);
        Assert.Empty(await _sandbox.Control.LedgerForAsync(tx.ExternalId));
    }

    [Fact]
    public async Task A_slow_top_up_still_pending_settles_to_Pending_then_Succeeded()
    {
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        using var client = _sandbox.TopUp();
        string account = Mobile("01"); // confirm -> 0, finds 1-2 -> 0, find 3 -> 1
        var tx = await client.CheckAsync(new TopUpRequest { Product = "et-mc", Account = account, Amount = 10m, ExternalId = "jp-" + Guid.NewGuid().ToString("N")[..12] });
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.TopUp, JournalIdentity.TopUp(client.PosId), "TopUpConfirm", tx.ExternalId!, 10m, "AED") { Payee = account });
        await client.ConfirmAsync(tx);

        var settler = Settler(journal, topUp: client);
        var first = await settler.SettleAsync(entry);
        Assert.Equal(MoneyMoveState.Pending, first.State);
        var current = first;
        for (int i = 0; i < 5 && current.IsOpen; i++) current = await settler.SettleAsync(current);
        Assert.Equal(MoneyMoveState.Succeeded, current.State);
        Assert.Single(await _sandbox.Control.LedgerForAsync(tx.ExternalId));
    }

    [Fact]
    public async Task An_external_id_Paynet_never_saw_stays_Unknown()
    {
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        using var client = _sandbox.TopUp();
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.TopUp, JournalIdentity.TopUp(client.PosId), "TopUpConfirm", "never-" + Guid.NewGuid().ToString("N")[..8], 10m, "AED"));
        var settled = await Settler(journal, topUp: client, grace: TimeSpan.Zero).SettleAsync(entry);
        Assert.Equal(MoneyMoveState.Unknown, settled.State);
        Assert.Contains("does not know", settled.Reason);
    }

    [Fact]
    public async Task An_entry_of_another_connection_is_not_looked_up_and_says_which_connection_can()
    {
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        using var client = _sandbox.TopUp();
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.TopUp, "123456", "TopUpConfirm", "other-pos", 10m, "AED"));
        var settled = await Settler(journal, topUp: client).SettleAsync(entry);
        Assert.Equal(MoneyMoveState.Sent, settled.State); // nothing learnt, nothing recorded
        Assert.Contains("TopUp POS '123456'", settled.Reason);
        Assert.Single(File.ReadAllLines(Assert.Single(dir.MonthFiles())));
        var wallet = await Settler(journal).SettleAsync(Crashed(journal, new MoneyMoveIntent(PayNetApi.Wallet, "someone", "MemberPayment", "T-1", 1m, "AED")));
        Assert.Contains("Wallet member 'someone'", wallet.Reason);
    }

    [Fact]
    public async Task A_wallet_payment_settles_by_history_only_when_trace_amount_currency_and_payee_all_match()
    {
        await SandboxWallet.ResetAsync(_sandbox.Http);
        using var client = _sandbox.Wallet();
        var quote = await client.ValidatePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 12.34m) { Description = "journal" });
        var receipt = await client.ExecutePaymentAsync(quote);
        string identity = JournalIdentity.Wallet(client.Principal);
        MoneyMoveIntent Intent(decimal amount, string currency, string payee) =>
            new(PayNetApi.Wallet, identity, "MemberPayment", receipt.TraceNumber, amount, currency) { Payee = payee };

        using (var dir = new TempJournalDirectory())
        {
            var journal = dir.Store();
            var settled = await Settler(journal, wallet: client).SettleAsync(Crashed(journal, Intent(12.34m, receipt.Currency, SandboxWallet.AvatarPrincipal)));
            var ledger = Assert.Single(await SandboxWallet.LedgerAsync(_sandbox.Http, receipt.TraceNumber));
            Assert.Equal(MoneyMoveState.Succeeded, settled.State);
            Assert.Equal(ledger.GetProperty("transactionId").ToString(), settled.TransactionId);
        }
        foreach (var (amount, currency, payee, why) in new[]
                 {
                     (12.35m, receipt.Currency, SandboxWallet.AvatarPrincipal, "amount"),
                     (12.34m, "TRY", SandboxWallet.AvatarPrincipal, "currency"),
                     (12.34m, receipt.Currency, "someone-else", "payee"),
                 })
        {
            using var dir = new TempJournalDirectory();
            var journal = dir.Store();
            var settled = await Settler(journal, wallet: client, grace: TimeSpan.Zero).SettleAsync(Crashed(journal, Intent(amount, currency, payee)));
            Assert.True(settled.State == MoneyMoveState.Unknown, $"a different {why} must not settle");
            Assert.Contains("does not match the journal", settled.Reason);
        }
    }

    [Fact]
    public async Task A_wallet_payment_that_never_reached_PayNet_is_Unknown_until_the_grace_is_over_then_Failed()
    {
        await SandboxWallet.ResetAsync(_sandbox.Http);
        using var client = _sandbox.Wallet();
        await client.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 1m)); // a history with trace numbers
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        string trace = "NEVER" + Guid.NewGuid().ToString("N")[..10];
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.Wallet, JournalIdentity.Wallet(client.Principal), "MemberPayment", trace, 5m, "AED") { Payee = SandboxWallet.AvatarPrincipal });

        var early = await Settler(journal, wallet: client).SettleAsync(entry);
        Assert.Equal(MoneyMoveState.Unknown, early.State);
        var late = await Settler(journal, wallet: client, grace: TimeSpan.Zero).SettleAsync(early);
        Assert.Equal(MoneyMoveState.Failed, late.State);
        Assert.Empty(await SandboxWallet.LedgerAsync(_sandbox.Http, trace));
    }

    [Fact]
    public async Task A_card_refund_settles_from_the_refund_list_Pending_then_Succeeded_once_approved()
    {
        await _sandbox.Control.ResetAsync();
        using var client = _sandbox.Card();
        var f07 = (await client.CheckAsync(referenceNo: "RCN-0007")).Single(r => r.TransactionType == CardTransactionType.Sale && r.State != CardTransactionState.Failed);
        // The journal's clock is the sandbox's (January 2024), as PayNet's and this machine's agree in real use.
        var sandboxNow = _sandbox.Server.Options.StartTime;
        using var dir = new TempJournalDirectory();
        var journal = dir.Store(() => sandboxNow);
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "CardRefund", f07.XactId!, 10.00m, "TRY"));
        Assert.True((await client.RequestRefundAsync(f07.XactId!, 10.00m)).Succeeded);

        var settler = Settler(journal, card: client);
        settler.Clock = () => sandboxNow;
        var pending = await settler.SettleAsync(entry);
        Assert.Equal(MoneyMoveState.Pending, pending.State);

        int requestId = await PendingRequestIdAsync(f07.XactId!, 10.00m);
        (await _sandbox.Http.PostAsync($"/__sandbox/card/reversals/{requestId}/approve", null)).EnsureSuccessStatusCode();
        var done = await settler.SettleAsync(pending);
        Assert.Equal(MoneyMoveState.Succeeded, done.State);
        Assert.Contains(await _sandbox.Control.LedgerForAsync(done.TransactionId), e => e.GetProperty("amount").GetDecimal() == 10.00m);
    }

    [Fact]
    public async Task A_card_refund_journaled_by_this_machines_clock_is_found_when_Paynets_calendar_is_years_away()
    {
        // The journal and the settler use this machine's clock (2026); the sandbox's Paynet dates its requests in
        // January 2024. The refund list must be read around the transaction's day and Paynet's clock, or a booked
        // refund becomes "not requested" (Failed) once the grace is over.
        await _sandbox.Control.ResetAsync();
        using var client = _sandbox.Card();
        var f07 = (await client.CheckAsync(referenceNo: "RCN-0007")).Single(r => r.TransactionType == CardTransactionType.Sale && r.State != CardTransactionState.Failed);
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        var entry = Crashed(journal, new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "CardRefund", f07.XactId!, 10.00m, "TRY"));
        Assert.True((await client.RequestRefundAsync(f07.XactId!, 10.00m)).Succeeded);

        var settled = await Settler(journal, card: client, grace: TimeSpan.Zero).SettleAsync(entry);

        Assert.Equal(MoneyMoveState.Pending, settled.State);
    }

    [Fact]
    public async Task Two_journal_refunds_of_one_amount_on_one_transaction_and_one_request_are_not_both_settled_by_it()
    {
        // Requests carry no id of ours: one request of 10.00 cannot settle two moves of 10.00, or the journal would say
        // two refunds went through where Paynet holds one.
        await _sandbox.Control.ResetAsync();
        using var client = _sandbox.Card();
        var f07 = (await client.CheckAsync(referenceNo: "RCN-0007")).Single(r => r.TransactionType == CardTransactionType.Sale && r.State != CardTransactionState.Failed);
        var sandboxNow = _sandbox.Server.Options.StartTime;
        using var dir = new TempJournalDirectory();
        var journal = dir.Store(() => sandboxNow);
        var first = Crashed(journal, new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "CardRefund", f07.XactId!, 10.00m, "TRY"));
        var second = Crashed(journal, new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "CardRefund", f07.XactId!, 10.00m, "TRY"));
        Assert.True((await client.RequestRefundAsync(f07.XactId!, 10.00m)).Succeeded);

        var settler = Settler(journal, card: client);
        settler.Clock = () => sandboxNow;
        var one = await settler.SettleAsync(first);
        var two = await settler.SettleAsync(second);

        Assert.Equal(MoneyMoveState.Unknown, one.State);
        Assert.Equal(MoneyMoveState.Unknown, two.State);
        Assert.Contains("2 refunds", one.Reason);
    }

    [Fact]
    public async Task A_card_refund_PayNet_has_no_request_for_is_Failed_after_the_grace_and_a_different_amount_stays_Unknown()
    {
        await _sandbox.Control.ResetAsync();
        using var client = _sandbox.Card();
        var f02 = (await client.CheckAsync(referenceNo: "RCN-0002")).Single(r => r.TransactionType == CardTransactionType.Sale && r.State != CardTransactionState.Failed);
        var sandboxNow = _sandbox.Server.Options.StartTime;
        using var dir = new TempJournalDirectory();
        var journal = dir.Store(() => sandboxNow);
        var settler = Settler(journal, card: client, grace: TimeSpan.Zero);
        settler.Clock = () => sandboxNow;

        var never = await settler.SettleAsync(Crashed(journal, new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "CardRefund", f02.XactId!, 5.00m, "TRY")));
        Assert.Equal(MoneyMoveState.Failed, never.State);

        using var dir2 = new TempJournalDirectory();
        var journal2 = dir2.Store(() => sandboxNow);
        var other = Settler(journal2, card: client, grace: TimeSpan.Zero);
        other.Clock = () => sandboxNow;
        Assert.True((await client.RequestRefundAsync(f02.XactId!, 7.00m)).Succeeded);
        var mismatch = await other.SettleAsync(Crashed(journal2, new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "CardRefund", f02.XactId!, 5.00m, "TRY")));
        Assert.Equal(MoneyMoveState.Unknown, mismatch.State);
        Assert.Contains("other amounts", mismatch.Reason);
    }

    [Fact]
    public async Task No_secret_of_any_connection_reaches_the_journal_directory()
    {
        await SandboxWallet.ResetAsync(_sandbox.Http);
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        var options = TestOptions.Fast(_sandbox.Server.TopUpUri);
        options.Journal = journal; // keys are drawn through the store
        using var topUp = new TopUpClient(new TopUpCredentials(_sandbox.Server.Options.TopUp.PosId, new SecretString(_sandbox.Server.Options.TopUp.Token)), options);
        using var wallet = _sandbox.Wallet();
        using var card = _sandbox.Card();
        string account = Mobile("00");
        var tx = await topUp.CheckAsync(new TopUpRequest { Product = "et-mc", Account = account, Amount = 5m, ExternalId = "js-" + Guid.NewGuid().ToString("N")[..12] });
        journal.RecordIntent(new MoneyMoveIntent(PayNetApi.TopUp, JournalIdentity.TopUp(topUp.PosId), "TopUpConfirm", tx.ExternalId!, 5m, "AED") { Payee = account });
        await topUp.ConfirmAsync(tx);
        var receipt = await wallet.ExecutePaymentAsync(new WalletPaymentRequest(SandboxWallet.AvatarPrincipal, 2m));
        journal.RecordIntent(new MoneyMoveIntent(PayNetApi.Wallet, JournalIdentity.Wallet(wallet.Principal), "MemberPayment", receipt.TraceNumber, 2m, receipt.Currency) { Payee = SandboxWallet.AvatarPrincipal });
        journal.RecordIntent(new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "CardRefund", "xk_none", 1m, "TRY"));
        var settler = Settler(journal, topUp: topUp, wallet: wallet, card: card);
        foreach (var entry in journal.Read().ToList()) await settler.SettleAsync(entry);

        string all = dir.AllText();
        var sandbox = _sandbox.Server.Options;
        Assert.Contains(tx.ExternalId!, all);
        foreach (var secret in new[] { sandbox.TopUp.Token, sandbox.Wallet.ApiKey, sandbox.Card.SecretKey })
            Assert.DoesNotContain(secret, all);
        Assert.DoesNotMatch("\"pin\"|\"token\"|\"hash\"|apikey", all.ToLowerInvariant());
        Assert.DoesNotContain(sandbox.Card.SecretKey, _sandbox.CardIdentity);
    }

    [Fact]
    public async Task A_card_capture_is_not_settled_as_if_it_were_a_refund()
    {
        using var dir = new TempJournalDirectory();
        var journal = dir.Store();
        using var client = _sandbox.Card();
        var settled = await Settler(journal, card: client, grace: TimeSpan.Zero)
            .SettleAsync(Crashed(journal, new MoneyMoveIntent(PayNetApi.Card, _sandbox.CardIdentity, "Capture", "xk_capture", 10m, "TRY")));
        Assert.Equal(MoneyMoveState.Unknown, settled.State);
        Assert.Contains("Get-PayNetTransaction -XactId 'xk_capture' -Detail", settled.Reason);
    }

    [Fact]
    public void Connection_identities_match_what_the_clients_write_and_reveal_no_key()
    {
        Assert.Equal("POS 42", JournalIdentity.TopUp(42));
        string fingerprint = JournalIdentity.CardKey(new SecretString("sk_live_abcdef"));
        Assert.Matches("^key [0-9a-f]{8}$", fingerprint);
        Assert.NotEqual(fingerprint, JournalIdentity.CardKey(new SecretString("sk_live_abcdeg")));
    }

    private async Task<int> PendingRequestIdAsync(string xactId, decimal amount)
    {
        using var state = JsonDocument.Parse(await _sandbox.Http.GetStringAsync("/__sandbox/card/state"));
        return state.RootElement.GetProperty("reversalRequests").EnumerateArray()
            .Last(r => r.GetProperty("originalXactId").GetString() == xactId && r.GetProperty("amount").GetDecimal() == amount && r.GetProperty("status").GetString() == "pending")
            .GetProperty("requestId").GetInt32();
    }
}
