using System.Management.Automation;
using System.Management.Automation.Language;
using System.Net.Http.Json;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Reliability;

/// <summary>
/// Issue 16 item 1: every recommended action is a command that works verbatim. Each error family that
/// carries a RecommendedAction is provoked in real PowerShell against the sandbox; its action is then run
/// as it stands, in the same session: it parses, every command it names exists, and running it raises no
/// parse, parameter-binding or command-not-found error. The TargetObject is what about_PayNet's table says.
/// </summary>
public sealed class RecommendedActionTests : SandboxCmdletTest
{
    public RecommendedActionTests(SandboxFixture sandbox) : base(sandbox) { }

    /// <summary>The error a statement stopped with, or the one it wrote.</summary>
    private static ErrorRecord TheError(PwshResult result, string errorId)
    {
        if (result.Terminating is { } stop && stop.ErrorId == errorId) return stop;
        var found = result.Errors.Where(e => e.ErrorId == errorId).ToList();
        Assert.True(found.Count == 1, $"expected one {errorId}; got: " +
            string.Join(" | ", result.Errors.Concat(result.Terminating is null ? Array.Empty<ErrorRecord>() : new[] { result.Terminating }).Select(e => e.FullyQualifiedErrorId + ": " + e.Message)));
        return found[0];
    }

    /// <summary>Runs the error's RecommendedAction verbatim in <paramref name="session"/> and checks it is a working command line.</summary>
    private static PwshResult RunsVerbatim(PwshSession session, ErrorRecord error, params string[] answers)
    {
        string action = Assert.IsType<string>(error.RecommendedAction);
        Assert.DoesNotContain("<", action);
        Assert.DoesNotContain("...", action);
        var ast = Parser.ParseInput(action, out _, out var parseErrors);
        Assert.True(parseErrors.Length == 0, $"'{action}' does not parse: {string.Join("; ", parseErrors.Select(p => p.Message))}");
        var names = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            Assert.False(string.IsNullOrEmpty(name), $"'{action}' calls a command whose name is not literal");
            var found = session.Run("Get-Command -Name $name -ErrorAction Stop", new { name });
            Assert.True(found.Terminating is null && found.Errors.Count == 0 && found.Output.Count == 1, $"'{name}' of '{action}' is not a command of the session");
        }
        session.Answer(answers);
        var ran = session.Run(action);
        foreach (var record in ran.Errors.Concat(ran.Terminating is null ? Array.Empty<ErrorRecord>() : new[] { ran.Terminating }))
        {
            Assert.False(record.Exception is ParameterBindingException || record.Exception is CommandNotFoundException || record.Exception is ParseException,
                $"'{action}' failed to run: {record.FullyQualifiedErrorId}: {record.Message}");
            Assert.DoesNotContain("ParameterBinding", record.FullyQualifiedErrorId);
            Assert.DoesNotContain("CommandNotFound", record.FullyQualifiedErrorId);
        }
        return ran;
    }

    [Fact]
    public void Not_connected_recommends_the_Connect_PayNet_examples_and_targets_the_service()
    {
        using var fresh = new PwshSession();
        var error = TheError(fresh.Run("Get-PayNetWallet"), ErrorIds.NotConnected);

        Assert.Equal(PayNetApi.Wallet, error.Target);
        Assert.Contains("Connect-PayNet", error.Message);
        Assert.Equal("Get-Help Connect-PayNet -Examples", error.RecommendedAction);
        var help = RunsVerbatim(fresh, error);
        Assert.Contains(help.Output, o => o?.ToString()?.Length > 0);
    }

    [Fact]
    public void A_closed_connection_targets_that_connection_and_its_action_runs()
    {
        var result = Session.Run("$c = Get-PayNetConnection -Service Card; Disconnect-PayNet; Get-PayNetTransaction -ReferenceNo RCN-0001 -Connection $c");
        var error = TheError(result, ErrorIds.NotConnected);

        Assert.IsType<PayNetConnection>(error.Target);
        Assert.Contains("Disconnect-PayNet", error.Message);
        RunsVerbatim(Session, error);
    }

    [Fact]
    public void A_connection_without_the_service_recommends_listing_the_connections_of_that_service()
    {
        var result = Session.Run("$c = Get-PayNetConnection -Service Wallet; Disconnect-PayNet -Service Card; Get-PayNetTransaction -ReferenceNo RCN-0001 -Connection $c");
        var error = TheError(result, ErrorIds.InvalidConfiguration);

        Assert.IsType<PayNetConnection>(error.Target);
        Assert.Equal("Get-PayNetConnection -Service Card", error.RecommendedAction);
        RunsVerbatim(Session, error);
    }

    [Fact]
    public void A_refused_key_at_Connect_targets_the_service_and_recommends_the_examples()
    {
        var result = Session.Run(@"
$card = (Get-PayNetConnection -Service Card).CardBaseUri
Connect-PayNet -SecretKey (ConvertTo-SecureString 'sck_test_wrong_key_000000000000' -AsPlainText -Force) -BaseUri $card");
        var error = TheError(result, ErrorIds.AuthenticationFailed);

        Assert.Equal(PayNetApi.Card, error.Target);
        Assert.Equal("Get-Help Connect-PayNet -Examples", error.RecommendedAction);
        RunsVerbatim(Session, error);
        Assert.DoesNotContain("sck_test_wrong_key", string.Join("\n", result.AllText()));
    }

    [Fact]
    public void A_reference_found_nowhere_targets_the_reference_and_recommends_its_journal_entry()
    {
        var error = TheError(Session.Run("Get-PayNetTransaction -Reference \"it's-nowhere\""), ErrorIds.NotFound);

        Assert.Equal("it's-nowhere", error.Target);
        Assert.Equal("Get-PayNetJournal -Reference 'it''s-nowhere'", error.RecommendedAction);
        var ran = RunsVerbatim(Session, error);
        Assert.Empty(ran.Errors);
    }

    [Fact]
    public async Task A_read_that_timed_out_recommends_the_same_lookup_again_which_then_answers()
    {
        // 3 s, not less: Connect-PayNet's sandbox discovery shares the timeout, and a loaded CI machine needs it.
        using var impatient = Sandbox.Connect(timeoutSec: 3, maxRetry: 0);
        await Sandbox.ArmFaultAsync("/topup/transaction/find", "Delay", count: 1, delayMs: 5000);

        var error = TheError(impatient.Run("Get-PayNetTransaction -ExternalId 'slow-find-1'"), ErrorIds.Timeout);

        Assert.Equal("slow-find-1", error.Target);
        Assert.Contains("-TimeoutSec", error.Message);
        Assert.Equal("Get-PayNetTransaction -Service TopUp -Reference 'slow-find-1'", error.RecommendedAction);
        var ran = RunsVerbatim(impatient, error);
        Assert.DoesNotContain(ran.Errors, e => e.ErrorId == ErrorIds.Timeout);
    }

    [Fact]
    public async Task PayNet_unavailable_recommends_a_command_that_runs()
    {
        await Sandbox.ArmFaultAsync("/topup/transaction/find", "Status500", count: 10);

        var error = TheError(Session.Run("Get-PayNetTransaction -ExternalId 'down-1'"), ErrorIds.Unavailable);
        await Sandbox.Control.DeleteAsync("/__sandbox/faults");

        Assert.Equal("down-1", error.Target);
        RunsVerbatim(Session, error);
    }

    [Fact]
    public async Task A_Card_lookup_by_xact_id_PayNet_could_not_answer_recommends_the_same_lookup_which_then_finds_it()
    {
        var sale = Session.Run("Get-PayNetTransaction -ReferenceNo RCN-0001").OutputOf<PayNet.Core.Card.CardTransaction>().First();
        await Sandbox.ArmFaultAsync("/card/v1/transaction/check", "Status500", count: 10);

        var error = TheError(Session.Run("Get-PayNetTransaction -XactId $x", new { x = sale.XactId }), ErrorIds.Unavailable);
        await Sandbox.Control.DeleteAsync("/__sandbox/faults");

        Assert.Equal(sale.XactId, error.Target);
        Assert.Equal($"Get-PayNetTransaction -XactId '{sale.XactId}'", error.RecommendedAction);
        var ran = RunsVerbatim(Session, error);
        Assert.Empty(ran.Errors);
        Assert.Contains(ran.Output, o => o is PayNet.Core.Card.CardTransaction t && t.XactId == sale.XactId);
    }

    [Fact]
    public async Task A_Wallet_transfer_PayNet_could_not_answer_recommends_looking_up_that_transfer_and_a_member_search_only_the_connection()
    {
        var receipt = Assert.IsType<WalletPaymentReceipt>(Session.Call("Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 1.00m, Reference = "tr-ra" }).Output.Single());
        await Sandbox.ArmFaultAsync("/wallet/api/accounts/transfer-data/*", "Status500", count: 10);
        var transfer = TheError(Session.Run("Get-PayNetTransaction -TransferId $id", new { id = receipt.TransferId }), ErrorIds.Unavailable);
        await Sandbox.Control.DeleteAsync("/__sandbox/faults");

        Assert.Equal(receipt.TransferId, transfer.Target);
        Assert.Equal($"Get-PayNetTransaction -TransferId {receipt.TransferId}", transfer.RecommendedAction);
        var ran = RunsVerbatim(Session, transfer);
        Assert.Empty(ran.Errors);
        Assert.Contains(ran.Output, o => o is WalletStatementLine l && l.TransferId == receipt.TransferId);

        // A search word is no transaction reference: the follow-up is the connection, not a lookup of the word.
        await Sandbox.ArmFaultAsync("/wallet/api/members*", "Status500", count: 10);
        var search = TheError(Session.Run("Get-PayNetMember -Search 'jhon'"), ErrorIds.Unavailable);
        await Sandbox.Control.DeleteAsync("/__sandbox/faults");
        Assert.Equal("Get-PayNetConnection -Service Wallet", search.RecommendedAction);
        RunsVerbatim(Session, search);
    }

    [Fact]
    public async Task A_throttled_TopUp_call_recommends_sleeping_as_long_as_PayNet_said()
    {
        // The 429's Retry-After (1 s from the sandbox) travels with the error: the action is that sleep, verbatim.
        await Sandbox.ArmFaultAsync("/topup/transaction/find", "Status429", count: 10);
        var result = Session.Run("Get-PayNetTransaction -ExternalId 'busy-1'");
        await Sandbox.Control.DeleteAsync("/__sandbox/faults");

        var error = result.Terminating ?? Assert.Single(result.Errors);
        Assert.Equal(ErrorIds.LimitExceeded, error.ErrorId);
        Assert.Equal("busy-1", error.Target);
        Assert.Matches("^Start-Sleep -Seconds [0-9]+$", error.RecommendedAction);
        RunsVerbatim(Session, error);
    }

    [Fact]
    public async Task A_spent_Wallet_call_budget_recommends_Get_PayNetConnection()
    {
        (await Sandbox.Control.PostAsJsonAsync("/__sandbox/wallet/switches", new { rateLimitPerDay = 1 })).EnsureSuccessStatusCode();

        var error = TheError(Session.Run("Get-PayNetTransaction -Service Wallet -Reference 'rl-1'"), ErrorIds.RateLimited);

        Assert.Equal("rl-1", error.Target);
        Assert.Matches("^(Get-PayNetConnection -Service Wallet|Start-Sleep -Seconds [0-9]+)$", error.RecommendedAction);
        RunsVerbatim(Session, error);
    }

    [Fact]
    public async Task An_unknown_state_recommends_settling_its_reference_and_targets_the_input()
    {
        await Sandbox.ArmFaultAsync("/wallet/api/payments/confirm/member-payment", "DropAfterCommit");
        await Sandbox.ArmFaultAsync("/wallet/api/accounts/*", "Status500", count: 50);
        var lost = Session.Call("Invoke-PayNetPayment", new { ToMemberId = "3", Amount = 9.00m, Reference = "lost-ra" });
        await Sandbox.Control.DeleteAsync("/__sandbox/faults");

        var error = TheError(lost, ErrorIds.StateUnknown);
        Assert.Equal("Sync-PayNetJournal -Reference 'lost-ra'", error.RecommendedAction);
        Assert.NotNull(error.TargetObject);
        var ran = RunsVerbatim(Session, error);
        Assert.Empty(ran.Errors);
    }

    [Fact]
    public void A_halted_batch_row_targets_that_row_and_recommends_settling_the_unknown_reference()
    {
        const string csv = "ToPrincipal,Amount,Reference\n86888,2.00,halt-1\n86888,3.00,halt-2\n";
        // halt-1 was paid earlier for another amount, so after the 500 the history shows halt-1 but not as this payment:
        // state unknown (a 500 with nothing under the reference would be "not booked" and halt nothing).
        var result = Session.Run(@"
            $null = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5.00 -Reference halt-1 -Confirm:$false
            $csv | ConvertFrom-Csv | ForEach-Object {
                if ($_.Reference -eq 'halt-1') {
                    $fault = @{ path = '/wallet/api/payments/confirm/member-payment'; kind = 'Status500'; count = 1 } | ConvertTo-Json
                    $null = Invoke-RestMethod -Method Post -Uri ""$root/__sandbox/faults"" -ContentType 'application/json' -Body $fault
                }
                $_
            } | Invoke-PayNetPayment -Confirm:$false", new { csv, root = Sandbox.Server.RootUri.ToString().TrimEnd('/') });

        var halted = TheError(result, ErrorIds.BatchHalted);
        Assert.Equal("halt-2", Assert.IsType<PSObject>(halted.TargetObject).Properties["Reference"].Value);
        Assert.Equal("Sync-PayNetJournal -Reference 'halt-1'", halted.RecommendedAction);
        RunsVerbatim(Session, halted);
    }

    [Fact]
    public async Task A_payment_OTP_nobody_typed_recommends_the_Otp_parameter_help()
    {
        (await Sandbox.Control.PostAsJsonAsync("/__sandbox/members/2/require-otp", new { required = true })).EnsureSuccessStatusCode();

        var result = Session.Call("Invoke-PayNetPayment", new { ToPrincipal = "86888", Amount = 1.00m, Reference = "otp-ra" }, c => c.Answer(""));
        var error = TheError(result, ErrorIds.OtpRequired);

        Assert.Equal("Get-Help Invoke-PayNetPayment -Parameter Otp", error.RecommendedAction);
        Assert.Contains("-Otp", error.Message);
        Assert.NotNull(error.TargetObject);
        RunsVerbatim(Session, error);
    }

    [Fact]
    public async Task A_login_OTP_nobody_typed_recommends_the_reconnect_command_which_then_connects()
    {
        (await Sandbox.Control.PostAsJsonAsync("/__sandbox/wallet/switches", new { loginOtpRequired = true })).EnsureSuccessStatusCode();
        using var fresh = new PwshSession();
        fresh.Answer("");

        var connect = fresh.Invoke("Connect-PayNet", new { BaseUri = Sandbox.Server.RootUri }, "Sandbox");
        var error = Assert.IsType<ErrorRecord>(connect.Terminating);

        Assert.Equal(ErrorIds.OtpRequired, error.ErrorId);
        Assert.Equal("48889", error.Target);
        Assert.Contains("Read-Host", error.RecommendedAction);
        var ran = RunsVerbatim(fresh, error, "123456");
        Assert.Empty(ran.Errors);
        Assert.Equal("Jhon Doe", Assert.IsType<WalletMember>(fresh.Invoke("Get-PayNetProfile").Output.Single()).Name);
    }

    [Fact]
    public void A_Wallet_transfer_still_pending_at_the_timeout_recommends_waiting_for_it_again()
    {
        var receipt = Assert.IsType<WalletPaymentReceipt>(Session.Call("Add-PayNetMoney", new { Amount = 50.00m, Reference = "pend-ra" }).Output.Single());
        Assert.True(receipt.Pending);

        var wait = Session.Run("$r | Wait-PayNetTransaction -TimeoutSec 1 -PollIntervalSec 0.2", new { r = receipt });
        var error = TheError(wait, ErrorIds.Timeout);

        Assert.IsType<WalletStatementLine>(error.Target);
        Assert.Equal($"Get-PayNetTransaction -TransferId {receipt.TransferId} | Wait-PayNetTransaction -TimeoutSec 1", error.RecommendedAction);
        var ran = RunsVerbatim(Session, error);
        // Waiting again is the same wait: still pending after 1 s, and nothing else goes wrong.
        Assert.All(ran.Errors, e => Assert.Equal(ErrorIds.Timeout, e.ErrorId));
        Assert.Single(ran.Errors);
    }
}
