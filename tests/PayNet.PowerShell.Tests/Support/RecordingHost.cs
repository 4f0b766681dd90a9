using System.Management.Automation;
using System.Security;
using PayNet.PowerShell;
using PayNet.PowerShell.Host;

namespace PayNet.PowerShell.Tests.Support;

/// <summary>
/// Stands in for PowerShell: records what a user would see (objects, errors, prompts, progress,
/// verbose/debug lines) and answers ShouldProcess and prompts the way a test says.
/// </summary>
internal sealed class RecordingHost : ICmdletHost
{
    private readonly HashSet<string> _bound = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _answers = new();

    public RecordingHost(ConnectionStore? connections = null) => Connections = connections ?? new ConnectionStore();

    public List<object?> Output { get; } = new();
    public List<PayNetErrorRecord> Errors { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<PayNetProgress> Progress { get; } = new();
    public List<(string Target, string Action)> ShouldProcessCalls { get; } = new();
    public List<string> Prompts { get; } = new();
    public PayNetErrorRecord? Terminating { get; set; }
    public bool Stopped { get; set; }
    public int WriteThreadViolations { get; private set; }

    /// <summary>-WhatIf: every ShouldProcess answers no.</summary>
    public bool WhatIf { get; set; }
    /// <summary>The answer a person gives at the -Confirm prompt.</summary>
    public bool ConfirmAnswer { get; set; } = true;
    public bool VerboseOn { get; set; } = true;
    public bool DebugOn { get; set; } = true;
    public bool Interactive { get; set; }
    public ulong First { get; set; } = ulong.MaxValue;
    public ulong Skip { get; set; }
    public string SetName { get; set; } = "__AllParameterSets";
    public Dictionary<PSCredential, (string, SecureString)> Credentials { get; } = new();
    public int? PipelineThreadId { get; set; }

    public ConnectionStore Connections { get; }

    public IEnumerable<T> OutputOf<T>() => Output.OfType<T>();

    public RecordingHost Bind(params string[] names)
    {
        foreach (var n in names) _bound.Add(n);
        return this;
    }

    public RecordingHost Answer(params string[] answers)
    {
        foreach (var a in answers) _answers.Enqueue(a);
        Interactive = true;
        return this;
    }

    /// <summary>Every stream and record as text, for leak scans.</summary>
    public IEnumerable<string> AllText() =>
        Output.Select(o => o?.ToString() ?? "")
            .Concat(Errors.Select(e => e.ToString() + " " + e.Exception + " " + e.RecommendedAction + " " + e.TargetObject))
            .Concat(Verbose).Concat(Debug).Concat(Warnings).Concat(Progress.Select(p => p.ToString())).Concat(Prompts)
            .Concat(Terminating is null ? Array.Empty<string>() : new[] { Terminating.ToString() + " " + Terminating.Exception });

    private void OnWrite()
    {
        if (PipelineThreadId is int id && id != Environment.CurrentManagedThreadId) WriteThreadViolations++;
    }

    public void WriteObject(object? value) { OnWrite(); Output.Add(value); }
    public void WriteError(PayNetErrorRecord error) { OnWrite(); Errors.Add(error); }
    public void WriteVerbose(string message) { OnWrite(); Verbose.Add(message); }
    public void WriteDebug(string message) { OnWrite(); Debug.Add(message); }
    public void WriteWarning(string message) { OnWrite(); Warnings.Add(message); }
    public void WriteProgress(PayNetProgress progress) { OnWrite(); Progress.Add(progress); }

    public bool ShouldProcess(string target, string action)
    {
        OnWrite();
        ShouldProcessCalls.Add((target, action));
        return !WhatIf && ConfirmAnswer;
    }

    public bool IsVerboseEnabled => VerboseOn;
    public bool IsDebugEnabled => DebugOn;

    public string? Prompt(string caption, string message)
    {
        Prompts.Add($"{caption}: {message}");
        return Interactive && _answers.Count > 0 ? _answers.Dequeue() : null;
    }

    public SecureString? PromptSecret(string caption, string message)
    {
        var text = Prompt(caption, message);
        if (text is null) return null;
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    public ulong PagingFirst => First;
    public ulong PagingSkip => Skip;
    public string ParameterSetName => SetName;
    public bool IsBound(string parameterName) => _bound.Contains(parameterName);

    /// <summary>Switches are on when the test bound them with <see cref="Bind"/> (SwitchParameter itself is inert here).</summary>
    public bool IsSwitchOn(string parameterName, SwitchParameter value) => _bound.Contains(parameterName);

    public (string UserName, SecureString Password) Unwrap(PSCredential credential) =>
        Credentials.TryGetValue(credential, out var c) ? c : throw new InvalidOperationException("Register the credential with RecordingHost.Credential(...) first.");

    /// <summary>PSCredential keeps nothing outside PowerShell; this makes one the host can unwrap.</summary>
    public PSCredential Credential(string user, string password)
    {
        var credential = new PSCredential(user, Secure(password));
        Credentials[credential] = (user, Secure(password));
        return credential;
    }

    public static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }
}
