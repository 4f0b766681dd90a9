using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PayNet.PowerShell.Tests.Support;

/// <summary>
/// A real PowerShell 7.6 runspace, in-process, with the built module (out/PayNet) imported: real
/// parameter binding, pipeline input, ErrorRecords, -WhatIf and -Confirm. One per test, because the
/// default connections live per runspace. A binary module loads once per process, so what needs a fresh
/// process (the load-context isolation) is tested in Pester with a child pwsh instead.
/// </summary>
internal sealed class PwshSession : IDisposable
{
    private static readonly Lazy<InitialSessionState> Template = new(CreateTemplate);
    private readonly Runspace _runspace;

    /// <param name="verboseAndDebug">Sets $VerbosePreference and $DebugPreference to Continue, so both streams are recorded.</param>
    /// <param name="extraCmdlets">Test-only cmdlets to add to the session.</param>
    public PwshSession(bool verboseAndDebug = true, params SessionStateCmdletEntry[] extraCmdlets)
    {
        Host = new TestPSHost();
        var state = Template.Value.Clone();
        foreach (var cmdlet in extraCmdlets) state.Commands.Add(cmdlet);
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        if (verboseAndDebug)
        {
            _runspace.SessionStateProxy.SetVariable("VerbosePreference", ActionPreference.Continue);
            _runspace.SessionStateProxy.SetVariable("DebugPreference", ActionPreference.Continue);
        }
    }

    public TestPSHost Host { get; }

    public static string ModuleManifest => RepoPaths.File("out", "PayNet", "PayNet.psd1");

    /// <summary>Queues answers for the next prompts: "Y"/"N" for -Confirm, text for Read-Host and the OTP prompt.</summary>
    public PwshSession Answer(params string[] answers)
    {
        Host.TestUI.Answer(answers);
        return this;
    }

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Runs one command: <paramref name="parameters"/>' properties become named parameters, <paramref name="switches"/> switch parameters.</summary>
    public PwshResult Invoke(string command, object? parameters = null, params string[] switches) => Pipe(command, null, parameters, switches);

    /// <summary>Pipes <paramref name="input"/> into one command, item by item, as a pipeline does.</summary>
    public PwshResult Pipe(string command, IEnumerable? input, object? parameters = null, params string[] switches)
    {
        return Execute(ps =>
        {
            ps.AddCommand(command);
            foreach (var (name, value) in Parameters(parameters)) ps.AddParameter(name, value);
            foreach (var name in switches) ps.AddParameter(name);
        }, input);
    }

    /// <summary>Runs a script; <paramref name="variables"/>' properties become variables of the session first.</summary>
    public PwshResult Run(string script, object? variables = null)
    {
        foreach (var (name, value) in Parameters(variables)) SetVariable(name, value);
        return Execute(ps => ps.AddScript(script), null);
    }

    /// <summary>Starts a command and hands back the PowerShell instance, so a test can Stop() it mid-flight.</summary>
    public PwshResult RunStopping(string script, Action<System.Management.Automation.PowerShell> whileRunning)
    {
        return Execute(ps => ps.AddScript(script), null, whileRunning);
    }

    private PwshResult Execute(Action<System.Management.Automation.PowerShell> build, IEnumerable? input, Action<System.Management.Automation.PowerShell>? whileRunning = null)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        build(ps);
        int promptsBefore = Host.TestUI.Prompts.Count, linesBefore = Host.TestUI.Lines.Count;
        var result = new PwshResult();
        // Output goes to a collection of our own, so what was written before a terminating error is kept.
        var output = new PSDataCollection<PSObject>();
        try
        {
            var pipelineInput = new PSDataCollection<object?>();
            if (input is not null) foreach (var item in input) pipelineInput.Add(item);
            pipelineInput.Complete();
            if (whileRunning is null)
            {
                ps.Invoke(input is null ? null : pipelineInput, output);
            }
            else
            {
                var running = ps.BeginInvoke(pipelineInput, output);
                whileRunning(ps);
                ps.EndInvoke(running);
            }
        }
        catch (PipelineStoppedException)
        {
            result.Stopped = true;
        }
        catch (RuntimeException terminating)
        {
            result.Terminating = terminating.ErrorRecord;
        }
        result.Output.AddRange(output.Select(Unwrap));
        result.Errors.AddRange(ps.Streams.Error);
        result.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
        result.Debug.AddRange(ps.Streams.Debug.Select(d => d.Message));
        result.Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
        result.Progress.AddRange(ps.Streams.Progress);
        result.Prompts.AddRange(Host.TestUI.Prompts.Skip(promptsBefore));
        result.HostLines.AddRange(Host.TestUI.Lines.Skip(linesBefore));
        if (ps.InvocationStateInfo.State == PSInvocationState.Stopped) result.Stopped = true;
        return result;
    }

    private static object? Unwrap(PSObject? item) =>
        item is null ? null : item.BaseObject is PSCustomObject ? item : item.BaseObject;

    private static IEnumerable<(string Name, object? Value)> Parameters(object? bag) => bag switch
    {
        null => Array.Empty<(string, object?)>(),
        IDictionary dictionary => dictionary.Keys.Cast<object>().Select(k => (k.ToString()!, dictionary[k])),
        _ => bag.GetType().GetProperties().Select(p => (p.Name, p.GetValue(bag))),
    };

    private static InitialSessionState CreateTemplate()
    {
        if (!File.Exists(ModuleManifest))
            throw new InvalidOperationException($"{ModuleManifest} is missing: build src/PayNet.PowerShell (the test project's build does) first.");
        // ExecutionPolicy stays unset: setting it throws PlatformNotSupported on Linux.
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(ModuleManifest);
        return state;
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What a user would see from one invocation: objects, real ErrorRecords, every stream, prompts, and whether it stopped.</summary>
internal sealed class PwshResult
{
    public List<object?> Output { get; } = new();
    public List<ErrorRecord> Errors { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<ProgressRecord> Progress { get; } = new();
    public List<string> Prompts { get; } = new();

    /// <summary>Lines written to the host: "What if: ..." under -WhatIf, Write-Host.</summary>
    public List<string> HostLines { get; } = new();

    public IEnumerable<string> WhatIf => HostLines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal));

    /// <summary>The error that stopped the pipeline (ThrowTerminatingError, -ErrorAction Stop, throw).</summary>
    public ErrorRecord? Terminating { get; set; }

    /// <summary>The pipeline was stopped (Ctrl+C, PowerShell.Stop()).</summary>
    public bool Stopped { get; set; }

    public IEnumerable<T> OutputOf<T>() => Output.OfType<T>();

    /// <summary>Every stream and record as text, for leak scans.</summary>
    public IEnumerable<string> AllText() =>
        Output.Select(o => o?.ToString() ?? "")
            .Concat(Errors.Select(ErrorText))
            .Concat(Verbose).Concat(Debug).Concat(Warnings)
            .Concat(Progress.Select(p => $"{p.Activity}: {p.StatusDescription} {p.CurrentOperation}"))
            .Concat(Prompts).Concat(HostLines)
            .Concat(Terminating is null ? Array.Empty<string>() : new[] { ErrorText(Terminating) });

    private static string ErrorText(ErrorRecord e) =>
        $"{e} {e.FullyQualifiedErrorId} {e.ErrorDetails?.Message} {e.ErrorDetails?.RecommendedAction} {e.Exception} {e.TargetObject}";
}

/// <summary>The parts of an ErrorRecord PayNet promises, by the names about_PayNet uses.</summary>
internal static class ErrorRecordParts
{
    extension(ErrorRecord record)
    {
        /// <summary>The stable ErrorId: FullyQualifiedErrorId without the ",<command type>" PowerShell appends.</summary>
        public string ErrorId => record.FullyQualifiedErrorId.Split(',')[0];

        public ErrorCategory Category => record.CategoryInfo.Category;

        /// <summary>What PowerShell shows: ErrorDetails' message when set, else the exception's.</summary>
        public string Message => record.ErrorDetails?.Message ?? record.Exception.Message;

        public string? RecommendedAction => record.ErrorDetails?.RecommendedAction;
    }
}
