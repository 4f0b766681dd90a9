using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using PayNet.Core.TopUp;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.TopUp;

/// <summary>
/// Issue 16 item 11: Ctrl+C during Wait-PayNetTransaction is not silent (a warning names the operation and
/// the command that follows it up), and the default wait is short enough for a prompt (120 s).
/// </summary>
public sealed class WaitPayNetTransactionStopTests : SandboxCmdletTest
{
    public WaitPayNetTransactionStopTests(SandboxFixture sandbox) : base(sandbox) { }

    private static readonly Regex FollowUp = new("Follow it up: (?<command>.+)$");

    private static string FollowUpCommand(PwshResult stopped, string naming)
    {
        var warning = Assert.Single(stopped.HostLines, l => l.StartsWith("WARNING:", StringComparison.Ordinal) && l.Contains(naming));
        Assert.Contains("not cancelled", warning);
        string command = FollowUp.Match(warning).Groups["command"].Value;
        Parser.ParseInput(command, out _, out var errors);
        Assert.Empty(errors);
        return command;
    }

    /// <summary>Presses Ctrl+C once the command shows it is waiting (its first progress record), however slow the machine.</summary>
    private static void StopOnceWaiting(System.Management.Automation.PowerShell ps)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !ps.Streams.Progress.ToArray().Any(p => p.RecordType != System.Management.Automation.ProgressRecordType.Completed))
            Thread.Sleep(20);
        Thread.Sleep(200);
        ps.Stop();
    }

    /// <summary>Starts <paramref name="script"/> and presses Ctrl+C once it is waiting.</summary>
    private PwshResult StoppedWhileWaiting(string script, object? variables = null)
    {
        if (variables is not null) foreach (var p in variables.GetType().GetProperties()) Session.SetVariable(p.Name, p.GetValue(variables));
        return Session.RunStopping(script, StopOnceWaiting);
    }

    [Fact]
    public void Ctrl_C_while_waiting_for_a_pending_top_up_warns_with_its_external_id_and_a_follow_up_that_runs()
    {
        // Suffix 07: confirmed, then pending for ever.
        var started = Session.Run("Start-PayNetTopUp -Product et-mc -Account 971550000007 -Amount 10 -ExternalId wait-stop-07 -NoWait -Confirm:$false");
        var pending = Assert.IsType<TopUpTransaction>(Assert.Single(started.Output));
        Assert.Equal(TopUpState.Pending, pending.State);

        var stopped = StoppedWhileWaiting("$pending | Wait-PayNetTransaction -PollIntervalSec 0.05", new { pending });

        Assert.True(stopped.Stopped);
        string command = FollowUpCommand(stopped, "wait-stop-07");
        Assert.Equal("Get-PayNetTransaction -Service TopUp -Reference 'wait-stop-07' | Wait-PayNetTransaction -TimeoutSec 120", command);
        // The follow-up, run as written, finds the same top-up and waits for it again (stopped again here).
        var again = Session.RunStopping(command, StopOnceWaiting);
        Assert.True(again.Stopped);
        Assert.Empty(again.Errors);
        Assert.Contains(again.Progress, p => p.Activity.Contains("wait-stop-07"));
        FollowUpCommand(again, "wait-stop-07");
    }

    [Fact]
    public void Ctrl_C_while_waiting_for_a_pending_Wallet_transfer_warns_with_its_id_and_a_follow_up_that_runs()
    {
        var receipt = Assert.IsType<WalletPaymentReceipt>(Session.Call("Add-PayNetMoney", new { Amount = 30.00m, Reference = "wait-stop-w" }).Output.Single());
        Assert.True(receipt.Pending);

        var stopped = StoppedWhileWaiting("$receipt | Wait-PayNetTransaction -PollIntervalSec 0.05", new { receipt });

        Assert.True(stopped.Stopped);
        string command = FollowUpCommand(stopped, $"Wallet transfer {receipt.TransferId}");
        Assert.Equal($"Get-PayNetTransaction -TransferId {receipt.TransferId} | Wait-PayNetTransaction -TimeoutSec 120", command);
        var again = Session.RunStopping(command, StopOnceWaiting);
        Assert.True(again.Stopped);
        Assert.Empty(again.Errors);
    }

    [Fact]
    public void Ctrl_C_while_Start_PayNetTopUp_waits_puts_the_top_up_in_Error_with_the_wait_as_its_action()
    {
        // Suffix 07: confirmed, then pending for ever; Ctrl+C lands during the wait.
        var stopped = Session.RunStopping(
            "Start-PayNetTopUp -Product et-mc -Account 971550000007 -Amount 10 -ExternalId start-stop-07 -PollIntervalSec 0.05 -Confirm:$false",
            StopOnceWaiting);

        Assert.True(stopped.Stopped);
        var error = Session.Run("$Error[0]").OutputOf<System.Management.Automation.ErrorRecord>().Single();
        Assert.Equal(ErrorIds.StoppedAfterMoneyMoved, error.ErrorId);
        Assert.Equal("start-stop-07", Assert.IsType<TopUpTransaction>(error.Target).ExternalId);
        Assert.Equal("Get-PayNetTransaction -Service TopUp -Reference 'start-stop-07' | Wait-PayNetTransaction -TimeoutSec 120", error.RecommendedAction);
        var again = Session.RunStopping(error.RecommendedAction!, StopOnceWaiting);
        Assert.True(again.Stopped);
        Assert.Empty(again.Errors);
        Assert.Contains(again.Progress, p => p.Activity.Contains("start-stop-07"));
    }

    [Fact]
    public void The_default_wait_is_120_seconds_as_Start_PayNetTopUp_and_the_help_says_so()
    {
        Assert.Equal(120, new PayNet.PowerShell.Commands.WaitPayNetTransactionCommand().TimeoutSec);
        Assert.Equal(new PayNet.PowerShell.Commands.StartPayNetTopUpCommand().TimeoutSec, new PayNet.PowerShell.Commands.WaitPayNetTransactionCommand().TimeoutSec);
        var help = Session.Run("Get-Help Wait-PayNetTransaction -Parameter TimeoutSec | Out-String");
        Assert.Contains("default 120 s", string.Concat(help.Output));
    }
}
