using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Http;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>A cmdlet used only here, to pin down what the base class promises every PayNet cmdlet.</summary>
[Cmdlet(VerbsDiagnostic.Test, "PayNetBase")]
[OutputType(typeof(string))]
public sealed class TestPayNetBaseCommand : PayNetCmdlet
{
    [Parameter(ValueFromPipeline = true)]
    public string Item { get; set; } = "";

    /// <summary>The async PayNet.Core-like work the "async" item runs.</summary>
    [Parameter]
    public Func<CancellationToken, Task<string>>? Work { get; set; }

    private protected override void Process()
    {
        CurrentTarget = Item;
        switch (Item)
        {
            case "bad": throw new PayNetException(PayNetApi.Card, "Check", PayNetErrorCategory.NotFound, "No such transaction.", httpStatus: 404, reference: "bad");
            case "unknown": throw new PayNetStateUnknownException(PayNetApi.TopUp, "Confirm", "order-1", "the connection dropped");
            case "async": WriteObject(Await(Work!)); return;
            default: WriteObject(Item.ToUpperInvariant()); return;
        }
    }
}

/// <summary>What the base cmdlet promises every PayNet cmdlet, checked in real PowerShell.</summary>
public sealed class BaseCmdletTests : IDisposable
{
    private readonly PwshSession _session = new(true, new System.Management.Automation.Runspaces.SessionStateCmdletEntry("Test-PayNetBase", typeof(TestPayNetBaseCommand), null));

    public void Dispose() => _session.Dispose();

    [Fact]
    public void A_failed_item_is_a_non_terminating_error_and_the_batch_goes_on()
    {
        var result = _session.Pipe("Test-PayNetBase", new[] { "a", "bad", "b" });
        Assert.Equal(new object?[] { "A", "B" }, result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        Assert.StartsWith("PayNetNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("bad", error.TargetObject);
        Assert.IsType<PayNetException>(error.Exception);
        Assert.Null(result.Terminating);
    }

    [Fact]
    public void An_unknown_money_state_stops_the_pipeline_with_the_reference_to_look_up()
    {
        var result = _session.Pipe("Test-PayNetBase", new[] { "a", "unknown", "b" });
        Assert.Equal(new object?[] { "A" }, result.Output);
        Assert.NotNull(result.Terminating);
        Assert.Equal(ErrorIds.StateUnknown, result.Terminating!.ErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, result.Terminating.Category);
        Assert.Equal("unknown", result.Terminating.TargetObject);
        Assert.Contains("order-1", result.Terminating.Message);
        Assert.Contains("Get-PayNetTransaction", result.Terminating.RecommendedAction);
    }

    [Fact]
    public void Log_lines_from_worker_threads_are_written_on_the_pipeline_thread()
    {
        Func<CancellationToken, Task<string>> work = async ct =>
        {
            await Task.Yield();
            await Task.Run(() => PayNetLog.Current!.Verbose("from a worker"), ct);
            await Task.Delay(20, ct);
            PayNetLog.Current!.Debug("after a delay");
            return "done";
        };
        // PowerShell itself refuses Write* from another thread, so a misrouted line would be an error here.
        var result = _session.Invoke("Test-PayNetBase", new { Item = "async", Work = work });
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(new object?[] { "done" }, result.Output);
        Assert.Contains("from a worker", result.Verbose);
        Assert.Contains("after a delay", result.Debug);
    }

    [Fact]
    public void Stopping_cancels_in_flight_work_and_stops_the_pipeline()
    {
        var started = new TaskCompletionSource();
        Func<CancellationToken, Task<string>> work = async ct =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), ct);
            return "never";
        };
        _session.SetVariable("work", work);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = _session.RunStopping("Test-PayNetBase -Item async -Work $work", ps =>
        {
            Assert.True(started.Task.Wait(TimeSpan.FromSeconds(30)));
            ps.Stop();
        });
        Assert.True(result.Stopped);
        Assert.Empty(result.Output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }
}
