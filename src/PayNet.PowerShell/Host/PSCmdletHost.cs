using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace PayNet.PowerShell.Host
{
    /// <summary>The real host: forwards to the running PSCmdlet.</summary>
    internal sealed class PSCmdletHost : ICmdletHost
    {
        private readonly PSCmdlet _cmdlet;

        public PSCmdletHost(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            IsVerboseEnabled = PreferenceOn("Verbose", "VerbosePreference");
            IsDebugEnabled = PreferenceOn("Debug", "DebugPreference");
        }

        public bool IsVerboseEnabled { get; }
        public bool IsDebugEnabled { get; }

        public void WriteObject(object? value) => _cmdlet.WriteObject(value);
        public void WriteError(PayNetErrorRecord error) => _cmdlet.WriteError(error.ToErrorRecord());
        public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);
        public void WriteDebug(string message) => _cmdlet.WriteDebug(message);
        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);
        public void WriteProgress(PayNetProgress progress) => _cmdlet.WriteProgress(progress.ToProgressRecord());
        public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

        public string? Prompt(string caption, string message) => Ask(caption, message, ui => ui.ReadLine());

        public SecureString? PromptSecret(string caption, string message) => Ask(caption, message, ui => ui.ReadLineAsSecureString());

        /// <summary>Null when nobody can answer: CI, -NonInteractive, or a host that cannot read.</summary>
        private T? Ask<T>(string caption, string message, Func<System.Management.Automation.Host.PSHostUserInterface, T> read) where T : class
        {
            var ui = _cmdlet.Host?.UI;
            if (ui is null || !IsInteractive()) return null;
            try
            {
                ui.Write($"{caption}: {message} ");
                return read(ui);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is NotImplementedException || ex is InvalidOperationException)
            {
                return null;
            }
        }

        public ulong PagingFirst => _cmdlet.PagingParameters?.First ?? ulong.MaxValue;
        public ulong PagingSkip => _cmdlet.PagingParameters?.Skip ?? 0;

        public string ParameterSetName => _cmdlet.ParameterSetName;

        public bool IsBound(string parameterName) => _cmdlet.MyInvocation.BoundParameters.ContainsKey(parameterName);

        public bool IsSwitchOn(string parameterName, SwitchParameter value) => value.IsPresent;

        public ConnectionStore Connections => ConnectionStore.For(Runspace.DefaultRunspace);

        public (string UserName, SecureString Password) Unwrap(PSCredential credential) => (credential.UserName, credential.Password);

        private static bool IsInteractive() =>
            !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && Environment.UserInteractive &&
            !Array.Exists(Environment.GetCommandLineArgs(), a => a.StartsWith("-NonI", StringComparison.OrdinalIgnoreCase));

        private bool PreferenceOn(string switchName, string preferenceVariable)
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out var bound) && bound is SwitchParameter s) return s.IsPresent;
            var preference = _cmdlet.GetVariableValue(preferenceVariable);
            return preference is ActionPreference p ? p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore
                : preference is not null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }
    }
}
