using System.Management.Automation;
using System.Security;
using System.Threading;

namespace PayNet.PowerShell.Host
{
    /// <summary>
    /// Everything a PayNet cmdlet does to its caller goes through here. In PowerShell it is
    /// <see cref="PSCmdletHost"/>; in xunit a recording host, because PowerShellStandard.Library is a
    /// reference assembly whose WriteObject and ShouldProcess do nothing at run time.
    /// </summary>
    internal interface ICmdletHost
    {
        void WriteObject(object? value);
        void WriteError(PayNetErrorRecord error);
        void WriteVerbose(string message);
        void WriteDebug(string message);
        void WriteWarning(string message);
        void WriteProgress(PayNetProgress progress);

        /// <summary>Asks -WhatIf/-Confirm. False means: do nothing, report nothing as failed.</summary>
        bool ShouldProcess(string target, string action);

        bool IsVerboseEnabled { get; }
        bool IsDebugEnabled { get; }

        /// <summary>Prompts the person at the console (e.g. for an OTP). Null when nobody can answer.</summary>
        string? Prompt(string caption, string message);
        SecureString? PromptSecret(string caption, string message);

        /// <summary>The -First/-Skip of SupportsPaging cmdlets.</summary>
        ulong PagingFirst { get; }
        ulong PagingSkip { get; }

        string ParameterSetName { get; }
        bool IsBound(string parameterName);

        /// <summary>Whether a switch is on. SwitchParameter keeps nothing outside PowerShell, so the host answers.</summary>
        bool IsSwitchOn(string parameterName, SwitchParameter value);

        /// <summary>The default connections of this runspace.</summary>
        ConnectionStore Connections { get; }

        /// <summary>PSCredential is inert outside PowerShell, so unwrapping it is the host's job.</summary>
        (string UserName, SecureString Password) Unwrap(PSCredential credential);
    }
}
