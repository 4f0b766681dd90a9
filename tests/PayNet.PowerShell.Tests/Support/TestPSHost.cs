using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PayNet.PowerShell.Tests.Support;

/// <summary>
/// A PSHost for tests: answers -Confirm prompts and Read-Host/OTP prompts from a queue, records the
/// text of every prompt, and keeps what PowerShell writes to the host (the "What if:" lines).
/// </summary>
internal sealed class TestPSHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();

    public TestPSHost() => TestUI = new TestHostUserInterface();

    public TestHostUserInterface TestUI { get; }
    public override PSHostUserInterface UI => TestUI;
    public override string Name => "PayNetTestHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId => _id;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}

internal sealed class TestHostUserInterface : PSHostUserInterface
{
    private readonly object _gate = new();
    private readonly Queue<string> _answers = new();
    private readonly System.Text.StringBuilder _pending = new();

    /// <summary>Every read prompt (Read-Host, the OTP prompt): the text written before reading.</summary>
    public List<string> Prompts { get; } = new();

    /// <summary>Every -Confirm question as "caption: message".</summary>
    public List<string> ConfirmPrompts { get; } = new();

    /// <summary>Lines written to the host (Write-Host, "What if:" lines).</summary>
    public List<string> Lines { get; } = new();

    /// <summary>Queues answers for Read-Host and the OTP prompt, in order.</summary>
    public void Answer(params string[] answers)
    {
        lock (_gate) foreach (var a in answers) _answers.Enqueue(a);
    }

    /// <summary>Forgets answers nobody asked for, so they cannot answer the next command's prompt.</summary>
    public void ForgetAnswers()
    {
        lock (_gate) _answers.Clear();
    }

    /// <summary>The answer to every -Confirm question: "Y", "A", "N" or "L"; null refuses to answer (an error).</summary>
    public string? ConfirmAnswer { get; set; }

    private string? NextAnswer()
    {
        lock (_gate) return _answers.Count > 0 ? _answers.Dequeue() : null;
    }

    private void Record(string prompt)
    {
        lock (_gate) Prompts.Add(prompt);
    }

    private void RecordConfirm(string prompt)
    {
        lock (_gate) ConfirmPrompts.Add(prompt);
    }

    /// <summary>The text written since the last line: what a prompt said before reading.</summary>
    private string TakePending()
    {
        lock (_gate)
        {
            var text = _pending.ToString().Trim();
            _pending.Clear();
            return text;
        }
    }

    public override PSHostRawUserInterface? RawUI => null;

    public override string ReadLine()
    {
        Record(TakePending());
        // Nobody at the console: behave as a -NonInteractive host does.
        return NextAnswer() ?? throw new PSInvalidOperationException("The test queued no answer for this prompt.");
    }

    public override SecureString ReadLineAsSecureString()
    {
        var text = ReadLine();
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        RecordConfirm($"{caption}: {message}");
        var answer = ConfirmAnswer ?? throw new PSInvalidOperationException($"The test gave no answer for: {caption}: {message}");
        for (int i = 0; i < choices.Count; i++)
        {
            var label = choices[i].Label.Replace("&", "");
            int hot = choices[i].Label.IndexOf('&');
            string hotKey = hot >= 0 && hot + 1 < choices[i].Label.Length ? choices[i].Label[hot + 1].ToString() : label;
            if (string.Equals(answer, hotKey, StringComparison.OrdinalIgnoreCase) || string.Equals(answer, label, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new InvalidOperationException($"'{answer}' is not one of the choices of: {caption}: {message}");
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        Record($"{caption}: {message}");
        var result = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
            result[field.Name] = new PSObject(NextAnswer() ?? throw new PSInvalidOperationException($"The test queued no answer for {field.Name}."));
        return result;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new PSInvalidOperationException("Tests pass credentials explicitly.");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new PSInvalidOperationException("Tests pass credentials explicitly.");

    public override void Write(string value)
    {
        lock (_gate) _pending.Append(value);
    }

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

    public override void WriteLine(string value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            Lines.Add(_pending.ToString());
            _pending.Clear();
        }
    }

    public override void WriteErrorLine(string value) => WriteLine(value);
    public override void WriteDebugLine(string message) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
    public override void WriteVerboseLine(string message) { }
    public override void WriteWarningLine(string message) { }
}
