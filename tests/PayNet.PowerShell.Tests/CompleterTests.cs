using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests;

/// <summary>Tab completion of -Category, -Country and -AccountId from the connected services (issue 16 item 12).</summary>
public sealed class CompleterTests : SandboxCmdletTest
{
    public CompleterTests(SandboxFixture sandbox) : base(sandbox) { }

    private List<string> Complete(string line)
    {
        var result = Session.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", new { line });
        Assert.Empty(result.Errors);
        return result.Output.Select(o => o!.ToString()!).ToList();
    }

    [Fact]
    public void Category_completes_the_catalogues_categories()
    {
        var categories = Complete("Get-PayNetProduct -Category ");
        Assert.NotEmpty(categories);
        var first = categories[0].Trim('\'');
        var products = Session.Run("Get-PayNetProduct -Category $c", new { c = first });
        Assert.NotEmpty(products.Output);
    }

    [Fact]
    public void Country_completes_the_international_countries_by_code()
    {
        var countries = Complete("Get-PayNetProduct -International -Country I");
        Assert.Contains("IND", countries);
    }

    [Fact]
    public void AccountId_completes_the_members_wallets()
    {
        var accounts = Complete("Get-PayNetStatement -From 2024-01-01 -To 2024-01-31 -AccountId ");
        Assert.Contains("201", accounts);
        Assert.Contains("202", accounts);
    }
}
