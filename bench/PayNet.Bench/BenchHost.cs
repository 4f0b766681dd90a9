using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PayNet.Bench;

/// <summary>
/// Runs cmdlets in a real PowerShell runspace, in-process, with the built module (out/PayNet)
/// imported, counting what they write. One runspace holds one set of default connections.
/// </summary>
internal sealed class BenchHost : IDisposable
{
    private readonly Runspace _runspace;

    public BenchHost(string repo)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(Path.Combine(repo, "out", "PayNet", "PayNet.psd1"));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public int Objects;
    public int Errors;
    public List<object?> Output { get; } = new();
    public bool KeepOutput { get; set; }

    /// <summary>Runs one command, piping <paramref name="input"/> into it (PowerShell binds each item); counts are reset first.</summary>
    public void Run(string command, IDictionary parameters, IEnumerable? input = null, params string[] switches)
    {
        Objects = 0;
        Errors = 0;
        Output.Clear();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddCommand(command).AddParameters(parameters);
        foreach (var name in switches) ps.AddParameter(name);
        var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, e) =>
        {
            Objects++;
            if (KeepOutput) Output.Add(output[e.Index].BaseObject);
        };
        ps.Streams.Error.DataAdded += (_, _) => Errors++;
        ps.Invoke(input, output);
    }

    public void Dispose() => _runspace.Dispose();
}
