namespace PayNet.PowerShell.Tests.Help;

/// <summary>The about_PayNet requirements accept a complete topic and name exactly what an incomplete one lacks.</summary>
public sealed class AboutTopicRequirementsTests
{
    private const string Complete = """
        # about_PayNet

        ## Short description
        Wallet, TopUp and Card payments from PowerShell.

        ## Connecting
        Run `Connect-PayNet -Sandbox`.

        ## The three APIs
        Wallet moves money between wallets, TopUp recharges phones, Card reconciles card payments.

        ## Money safety
        Every money movement supports -WhatIf and -Confirm. When the state is unknown (PayNetStateUnknown), check before retrying.

        ## Reconciliation
        Pipe a bank CSV into Get-PayNetTransaction.

        ## Troubleshooting

        | ErrorId | Category |
        |---------|----------|
        | `PayNetNotConnected` | ConnectionError |
        | PayNetStateUnknown | InvalidResult |
        """;

    private static readonly string[] Ids = { "PayNetNotConnected", "PayNetStateUnknown" };

    [Fact]
    public void A_topic_with_every_section_and_ErrorId_passes()
    {
        Assert.Empty(AboutTopicRequirements.Missing(Complete, Ids));
    }

    [Fact]
    public void Missing_sections_and_ErrorIds_are_named()
    {
        string incomplete = Complete.Replace("## Reconciliation", "## Matching").Replace("| PayNetStateUnknown | InvalidResult |", "");

        var missing = AboutTopicRequirements.Missing(incomplete, Ids.Append("PayNetTimeout"));

        Assert.Equal(3, missing.Count);
        Assert.Contains(missing, m => m.Contains("reconciliation"));
        Assert.Contains("a row for ErrorId PayNetStateUnknown in the ErrorId table", missing);
        Assert.Contains("a row for ErrorId PayNetTimeout in the ErrorId table", missing);
    }

    [Fact]
    public void The_module_declares_the_ErrorIds_the_table_must_list()
    {
        var ids = AboutTopicRequirements.ErrorIdsOf(typeof(PayNetCmdlet).Assembly);

        Assert.Contains("PayNetStateUnknown", ids);
        Assert.Contains("PayNetNotConnected", ids);
    }
}
