using System.Management.Automation;
using System.Security;

namespace PayNet.PowerShell.Tests.Help;

// Cmdlets that exist only for the help tool's tests: they cover what the real ones will use (parameter sets,
// pipeline binding, aliases, ValidateSet, ShouldProcess, paging, an inherited -Connection) without depending
// on cmdlets still being written. Nothing here is ever invoked, only reflected over.

public enum SampleOperator { Alpha, Beta }

public sealed class SampleQuote { }

public sealed class SampleReceipt { }

public abstract class SampleConnectedCmdlet : PSCmdlet
{
    [Parameter]
    public PayNetConnection? Connection { get; set; }
}

[Cmdlet(VerbsLifecycle.Start, "HelpSample", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = "ByAmount")]
[OutputType(typeof(SampleReceipt))]
public sealed class StartHelpSampleCommand : SampleConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Msisdn", "Phone")]
    public string PhoneNumber { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = "ByAmount")]
    public decimal Amount { get; set; }

    [Parameter(ParameterSetName = "ByAmount")]
    [ValidateSet("EUR", "USD")]
    public string Currency { get; set; } = "EUR";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "FromQuote")]
    public SampleQuote? Quote { get; set; }

    [Parameter(ParameterSetName = "ByAmount")]
    [Parameter(Mandatory = true, ParameterSetName = "FromQuote")]
    public string? Reference { get; set; }

    [Parameter]
    public SampleOperator? Operator { get; set; }

    [Parameter]
    public PSCredential? Credential { get; set; }

    [Parameter]
    public SecureString? Pin { get; set; }

    [Parameter]
    public string[] Tags { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter NoWait { get; set; }

    [Parameter]
    public DateTime? NotAfter { get; set; }
}

/// <summary>Start-HelpSample after a refactor: -Amount became -Value, -Tags went away, -Memo arrived.</summary>
[Cmdlet(VerbsLifecycle.Start, "HelpSample", SupportsShouldProcess = true, DefaultParameterSetName = "ByAmount")]
[OutputType(typeof(SampleReceipt))]
public sealed class StartHelpSampleV2Command : SampleConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Msisdn", "Phone")]
    public string PhoneNumber { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = "ByAmount")]
    public decimal Value { get; set; }

    [Parameter(ParameterSetName = "ByAmount")]
    [ValidateSet("EUR", "USD")]
    public string Currency { get; set; } = "EUR";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "FromQuote")]
    public SampleQuote? Quote { get; set; }

    [Parameter(ParameterSetName = "ByAmount")]
    [Parameter(Mandatory = true, ParameterSetName = "FromQuote")]
    public string? Reference { get; set; }

    [Parameter]
    public SampleOperator? Operator { get; set; }

    [Parameter]
    public PSCredential? Credential { get; set; }

    [Parameter]
    public SecureString? Pin { get; set; }

    [Parameter]
    public string? Memo { get; set; }

    [Parameter]
    public SwitchParameter NoWait { get; set; }

    [Parameter]
    public DateTime? NotAfter { get; set; }
}

[Cmdlet(VerbsCommon.Get, "HelpSample", SupportsPaging = true)]
[OutputType(typeof(SampleReceipt), typeof(string))]
public sealed class GetHelpSampleCommand : SampleConnectedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [Alias("Ref")]
    public string[] Reference { get; set; } = Array.Empty<string>();

    [Parameter(HelpMessage = "Only references created on or after this time.")]
    public DateTime From { get; set; }

    [Parameter]
    public int? Limit { get; set; }
}

/// <summary>Not a cmdlet for PowerShell: abstract.</summary>
[Cmdlet(VerbsCommon.Get, "HelpSampleAbstract")]
public abstract class GetHelpSampleAbstractCommand : PSCmdlet
{
}
