using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Http;
using PayNet.PowerShell.Host;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>A cmdlet used only here, to pin down what the base class promises every PayNet cmdlet.</summary>
[Cmdlet(VerbsDiagnostic.Test, "PayNetSeam")]
[OutputType(typeof(string))]
public sealed class TestPayNetSeamCommand : PayNetCmdlet
{
    [Parameter(ValueFromPipeline = true)]
    public string Item { get; set; } = "";

    internal Func<CancellationToken, Task<string>>? Work { get; set; }

    private protected override void Process()
    {
        CurrentTarget = Item;
        switch (Item)
        {
            case "bad": throw new PayNetException(PayNetApi.Card, "Check", PayNetErrorCategory.NotFound, "No such transaction.", httpStatus: 404, reference: "bad");
            case "unknown": throw new PayNetStateUnknownException(PayNetApi.TopUp, "Confirm", "order-1", "the connection dropped");
            case "async": CmdletHost.WriteObject(Await(Work!)); return;
            default: CmdletHost.WriteObject(Item.ToUpperInvariant()); return;
        }
    }
}

public sealed class SeamTests
{
    private static IEnumerable<Action<TestPayNetSeamCommand>> Items(params string[] items) => items.Select(i => (Action<TestPayNetSeamCommand>)(c => c.Item = i));

    [Fact]
    public void A_failed_item_is_a_non_terminating_error_and_the_batch_goes_on()
    {
        var host = CmdletRunner.RunPipeline(new TestPayNetSeamCommand(), Items("a", "bad", "b"));
        Assert.Equal(new object?[] { "A", "B" }, host.Output);
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("bad", error.TargetObject);
        Assert.Null(host.Terminating);
    }

    [Fact]
    public void An_unknown_money_state_stops_the_pipeline_with_the_reference_to_look_up()
    {
        var host = CmdletRunner.RunPipeline(new TestPayNetSeamCommand(), Items("a", "unknown", "b"));
        Assert.Equal(new object?[] { "A" }, host.Output);
        Assert.NotNull(host.Terminating);
        Assert.Equal(ErrorIds.StateUnknown, host.Terminating!.ErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, host.Terminating.Category);
        Assert.Contains("order-1", host.Terminating.Message);
        Assert.Contains("Get-PayNetTransaction", host.Terminating.RecommendedAction);
    }

    [Fact]
    public void Log_lines_from_worker_threads_are_written_on_the_pipeline_thread()
    {
        var cmd = new TestPayNetSeamCommand
        {
            Work = async ct =>
            {
                await Task.Yield();
                await Task.Run(() => PayNetLog.Current!.Verbose("from a worker"), ct);
                await Task.Delay(20, ct);
                PayNetLog.Current!.Debug("after a delay");
                return "done";
            },
        };
        var host = CmdletRunner.RunPipeline(cmd, Items("async"));
        Assert.Equal(new object?[] { "done" }, host.Output);
        Assert.Contains("from a worker", host.Verbose);
        Assert.Contains("after a delay", host.Debug);
        Assert.Equal(0, host.WriteThreadViolations);
    }

    [Fact]
    public void Stopping_cancels_in_flight_work_and_stops_the_pipeline()
    {
        var started = new TaskCompletionSource();
        TestPayNetSeamCommand cmd = null!;
        cmd = new TestPayNetSeamCommand
        {
            Work = async ct =>
            {
                started.SetResult();
                await Task.Delay(TimeSpan.FromMinutes(5), ct);
                return "never";
            },
        };
        _ = started.Task.ContinueWith(_ => cmd.InvokeStop());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var host = CmdletRunner.RunPipeline(cmd, Items("async"));
        Assert.True(host.Stopped);
        Assert.Empty(host.Output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }
}
