using System.Management.Automation;
using System.Security;
using PayNet.PowerShell;
using PayNet.PowerShell.Host;

namespace PayNet.Bench;

/// <summary>Drives cmdlets in-process, as the xunit seam does, counting what they write.</summary>
internal sealed class BenchHost : ICmdletHost
{
    private readonly HashSet<string> _switches;

    public BenchHost(ConnectionStore store, string set, params string[] switches)
    {
        Connections = store;
        ParameterSetName = set;
        _switches = new HashSet<string>(switches, StringComparer.OrdinalIgnoreCase);
    }

    public int Objects;
    public int Errors;
    public List<object?> Output { get; } = new();
    public bool KeepOutput { get; set; }

    public void WriteObject(object? value) { Objects++; if (KeepOutput) Output.Add(value); }
    public void WriteError(PayNetErrorRecord error) => Errors++;
    public void WriteVerbose(string message) { }
    public void WriteDebug(string message) { }
    public void WriteWarning(string message) { }
    public void WriteProgress(PayNetProgress progress) { }
    public bool ShouldProcess(string target, string action) => true;
    public bool IsVerboseEnabled => false;
    public bool IsDebugEnabled => false;
    public string? Prompt(string caption, string message) => null;
    public SecureString? PromptSecret(string caption, string message) => null;
    public ulong PagingFirst => ulong.MaxValue;
    public ulong PagingSkip => 0;
    public string ParameterSetName { get; }
    public bool IsBound(string parameterName) => _switches.Contains(parameterName);
    public bool IsSwitchOn(string parameterName, SwitchParameter value) => _switches.Contains(parameterName);
    public ConnectionStore Connections { get; }
    public (string UserName, SecureString Password) Unwrap(PSCredential credential) => throw new NotSupportedException();

    /// <summary>Begin, one Process per input, End: the pipeline PowerShell would run.</summary>
    public static void Run<T>(T cmdlet, BenchHost host, IEnumerable<Action<T>> inputs) where T : PayNetCmdlet
    {
        cmdlet.AttachHost(host);
        cmdlet.InvokeBegin();
        foreach (var bind in inputs)
        {
            bind(cmdlet);
            cmdlet.InvokeProcess();
        }
        cmdlet.InvokeEnd();
    }
}
