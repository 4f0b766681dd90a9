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

    /// <summary>
    /// The journal of every session in this test run: a directory of its own, so tests never write into the user's
    /// own journal (and a run never reads what an earlier run left). Tests that need another set their own.
    /// </summary>
    public static string JournalDirectory { get; } = CreateJournalDirectory();

    private static string CreateJournalDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "paynet-tests-journal-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        Environment.SetEnvironmentVariable("PAYNET_JOURNAL", dir);
        return dir;
    }
    private readonly Runspace _runspace;

    /// <param name="verboseAndDebug">Sets $VerbosePreference and $DebugPreference to Continue, so both streams are recorded.</param>
    /// <param name="extraCmdlets">Test-only cmdlets to add to the session.</param>
    public PwshSession(bool verboseAndDebug = true, params SessionStateCmdletEntry[] extraCmdlets)
    {
        _ = JournalDirectory;
        Host = new TestPSHost();
        var state = Template.Value.Clone();
        foreach (var cmdlet in extraCmdlets) state.Commands.Add(cmdlet);
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        // Every change is asked about (ConfirmImpact Low and up) and answered yes unless a test says
        // otherwise, so each test sees the exact ShouldProcess questions a cautious user would.
        _runspace.SessionStateProxy.SetVariable("ConfirmPreference", ConfirmImpact.Low);
        Host.TestUI.ConfirmAnswer = "Y";
        if (verboseAndDebug)
        {
            _runspace.SessionStateProxy.SetVariable("VerbosePreference", ActionPreference.Continue);
            _runspace.SessionStateProxy.SetVariable("DebugPreference", ActionPreference.Continue);
        }
    }

    public TestPSHost Host { get; }

    public static string ModuleManifest => RepoPaths.File("out", "PayNet", "PayNet.psd1");

    /// <summary>Queues what the person types at the next command's Read-Host/OTP prompts (unused answers are then forgotten).</summary>
    public PwshSession Answer(params string[] answers)
    {
        Host.TestUI.Answer(answers);
        return this;
    }

    /// <summary>The session's default connection for a service, as Get-PayNetConnection lists it.</summary>
    public PayNetConnection? DefaultConnection(PayNet.Core.PayNetApi service) =>
        Call("Get-PayNetConnection", new { Service = new[] { service } }).OutputOf<PayNetConnection>().SingleOrDefault();

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>
    /// Runs one command as a user would type it: <paramref name="parameters"/>' properties become named
    /// parameters; <paramref name="configure"/> adds switches, -WhatIf, the -Confirm answer, paging and prompt answers.
    /// </summary>
    public PwshResult Call(string command, object? parameters = null, Action<Call>? configure = null) => CallPipeline(command, null, parameters, configure);

    /// <summary>Pipes <paramref name="input"/> into one command configured as in <see cref="Call"/>.</summary>
    public PwshResult CallPipeline(string command, IEnumerable? input, object? parameters = null, Action<Call>? configure = null)
    {
        var call = new Call();
        configure?.Invoke(call);
        Host.TestUI.Answer(call.Answers.ToArray());
        Host.TestUI.ConfirmAnswer = call.ConfirmAnswer ? "Y" : "N";
        try
        {
            var given = Parameters(parameters).ToList();
            var extra = new List<(string, object?)>();
            if (call.First is ulong first) extra.Add(("First", first));
            if (call.Skip is ulong skip) extra.Add(("Skip", skip));
            if (!call.VerboseOn) extra.Add(("Verbose", false));
            if (!call.DebugOn) extra.Add(("Debug", false));
            var switches = call.Switches.Where(s => !given.Any(g => string.Equals(g.Name, s, StringComparison.OrdinalIgnoreCase))).ToList();
            if (call.WhatIf) switches.Add("WhatIf");
            return Execute(ps =>
            {
                ps.AddCommand(command);
                foreach (var (name, value) in given.Concat(extra)) ps.AddParameter(name, value);
                foreach (var name in switches.Distinct(StringComparer.OrdinalIgnoreCase)) ps.AddParameter(name);
            }, input);
        }
        finally
        {
            Host.TestUI.ConfirmAnswer = "Y";
        }
    }

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
        int promptsBefore = Host.TestUI.Prompts.Count, confirmsBefore = Host.TestUI.ConfirmPrompts.Count, linesBefore = Host.TestUI.Lines.Count;
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
        result.ConfirmPrompts.AddRange(Host.TestUI.ConfirmPrompts.Skip(confirmsBefore));
        result.HostLines.AddRange(Host.TestUI.Lines.Skip(linesBefore));
        if (ps.InvocationStateInfo.State == PSInvocationState.Stopped) result.Stopped = true;
        Host.TestUI.ForgetAnswers();
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
    /// <summary>Read prompts shown (Read-Host, the OTP prompt).</summary>
    public List<string> Prompts { get; } = new();

    /// <summary>-Confirm questions shown, as "caption: message".</summary>
    public List<string> ConfirmPrompts { get; } = new();

    /// <summary>Lines written to the host: "What if: ..." under -WhatIf, Write-Host.</summary>
    public List<string> HostLines { get; } = new();

    public IEnumerable<string> WhatIf => HostLines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal));

    /// <summary>Every ShouldProcess question, answered (-Confirm prompt) or not (-WhatIf line), as (target, action).</summary>
    public IReadOnlyList<(string Target, string Action)> ShouldProcessCalls =>
        ConfirmPrompts.Concat(WhatIf)
            .Select(text => ShouldProcessText.Match(text))
            .Where(m => m.Success)
            .Select(m => (m.Groups["target"].Value, m.Groups["action"].Value))
            .ToList();

    private static readonly System.Text.RegularExpressions.Regex ShouldProcessText =
        new("Performing the operation \"(?<action>.*)\" on target \"(?<target>.*)\"\\.", System.Text.RegularExpressions.RegexOptions.Singleline);

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
            .Concat(Prompts).Concat(ConfirmPrompts).Concat(HostLines)
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

        /// <summary>TargetObject without the PSObject wrapper PowerShell puts around pipeline input.</summary>
        public object? Target => record.TargetObject is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : record.TargetObject;
    }

    extension(ProgressRecord progress)
    {
        public bool Completed => progress.RecordType == ProgressRecordType.Completed;

        public string Status => progress.StatusDescription;
    }
}

/// <summary>How a test runs one command: what a user would add on the command line or answer at prompts.</summary>
internal sealed class Call
{
    public Call() { }

    /// <summary>A call in <paramref name="session"/>, for <see cref="Pwsh.Run"/>.</summary>
    public Call(PwshSession session) => Session = session;

    public PwshSession? Session { get; }

    public List<string> Switches { get; } = new();
    public List<string> Answers { get; } = new();

    /// <summary>-WhatIf: ShouldProcess says what it would do and does nothing.</summary>
    public bool WhatIf { get; set; }

    /// <summary>The answer at every -Confirm question (the session asks about every change).</summary>
    public bool ConfirmAnswer { get; set; } = true;

    public ulong? First { get; set; }
    public ulong? Skip { get; set; }
    public bool VerboseOn { get; set; } = true;
    public bool DebugOn { get; set; } = true;

    /// <summary>Switch parameters to pass (names already given as parameters are not repeated).</summary>
    public Call Bind(params string[] names)
    {
        Switches.AddRange(names);
        return this;
    }

    /// <summary>What the person at the console types at Read-Host/OTP prompts, in order.</summary>
    public Call Answer(params string[] answers)
    {
        Answers.AddRange(answers);
        return this;
    }
}

/// <summary>Runs a command in the session a <see cref="Call"/> names.</summary>
internal static class Pwsh
{
    public static PwshResult Run(string command, object? parameters, Call call) =>
        RunPipeline(command, parameters, null, call);

    public static PwshResult RunPipeline(string command, object? parameters, System.Collections.IEnumerable? input, Call call)
    {
        var session = call.Session ?? throw new InvalidOperationException("new Call(session) names the session to run in.");
        return session.CallPipeline(command, input, parameters, c =>
        {
            c.Bind(call.Switches.ToArray()).Answer(call.Answers.ToArray());
            c.WhatIf = call.WhatIf;
            c.ConfirmAnswer = call.ConfirmAnswer;
            c.First = call.First;
            c.Skip = call.Skip;
            c.VerboseOn = call.VerboseOn;
            c.DebugOn = call.DebugOn;
        });
    }
}
