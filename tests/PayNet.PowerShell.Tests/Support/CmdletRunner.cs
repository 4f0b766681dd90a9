using System.Management.Automation;
using PayNet.PowerShell;
using PayNet.PowerShell.Host;

namespace PayNet.PowerShell.Tests.Support;

/// <summary>
/// Drives a cmdlet the way PowerShell's pipeline does: Begin once, Process once per input (the test
/// binds each input's properties, as ValueFromPipelineByPropertyName would), End once. A terminating
/// error or a stop ends the run and is recorded on the host.
/// </summary>
internal static class CmdletRunner
{
    public static RecordingHost Run<T>(T cmdlet, RecordingHost? host = null) where T : PayNetCmdlet =>
        RunPipeline(cmdlet, new Action<T>[] { _ => { } }, host);

    public static RecordingHost RunPipeline<T>(T cmdlet, IEnumerable<Action<T>> inputs, RecordingHost? host = null) where T : PayNetCmdlet
    {
        host ??= new RecordingHost();
        host.PipelineThreadId = Environment.CurrentManagedThreadId;
        cmdlet.AttachHost(host);
        try
        {
            cmdlet.InvokeBegin();
            foreach (var bind in inputs)
            {
                bind(cmdlet);
                cmdlet.InvokeProcess();
            }
            cmdlet.InvokeEnd();
        }
        catch (PayNetTerminatingException terminating)
        {
            host.Terminating = terminating.Record;
        }
        catch (PipelineStoppedException)
        {
            host.Stopped = true;
        }
        return host;
    }
}
