using System.Reflection;
using System.Text.RegularExpressions;
using PayNet.HelpTool.Markdown;

namespace PayNet.PowerShell.Tests.Help;

/// <summary>What about_PayNet must cover for a user at the prompt; each miss is one readable line.</summary>
internal static class AboutTopicRequirements
{
    public static IReadOnlyList<string> Missing(string markdown, IEnumerable<string> errorIds)
    {
        var missing = new List<string>();
        var headings = MarkdownBlocks.Parse(markdown).OfType<HeadingBlock>().Select(h => h.Text).ToList();
        void Section(string pattern, string what)
        {
            if (!headings.Any(h => Regex.IsMatch(h, pattern, RegexOptions.IgnoreCase)))
                missing.Add($"a section on {what} (a heading matching /{pattern}/)");
        }
        void Mentions(string pattern, string what)
        {
            if (!Regex.IsMatch(markdown, pattern, RegexOptions.IgnoreCase))
                missing.Add($"an explanation of {what} (text matching /{pattern}/)");
        }

        Section("connect", "connecting");
        Mentions(@"Connect-PayNet", "Connect-PayNet");
        Section(@"\bAPIs?\b|Wallet|Top-?\s?Up|Card", "the three APIs");
        Mentions(@"\bWallet\b", "the Wallet API");
        Mentions(@"\bTop-?\s?Up\b", "the TopUp API");
        Mentions(@"\bCard\b", "the Card API");
        Section(@"money|safe|WhatIf|Confirm", "money safety");
        Mentions(@"-WhatIf\b", "-WhatIf");
        Mentions(@"-Confirm\b", "-Confirm");
        Mentions(@"state\s+unknown|StateUnknown", "what an unknown money state means and what to do about it");
        Section("reconcil", "reconciliation");
        Section("troubleshoot", "troubleshooting");

        var table = ErrorIdColumn(markdown);
        if (table.Count == 0)
        {
            missing.Add("a markdown table with an 'ErrorId' column");
        }
        else
        {
            var documented = table.Select(cell => cell.Trim('`', ' ', '*')).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(errorIds.Where(id => !documented.Contains(id)).Select(id => $"a row for ErrorId {id} in the ErrorId table"));
        }
        return missing;
    }

    /// <summary>The stable ErrorIds the module emits (the constants of its ErrorIds class).</summary>
    public static IReadOnlyList<string> ErrorIdsOf(Assembly assembly) =>
        assembly.GetTypes().Single(t => t.Name == "ErrorIds")
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    /// <summary>The ErrorId column of the first table whose header has one.</summary>
    private static IReadOnlyList<string> ErrorIdColumn(string markdown)
    {
        var lines = MarkdownBlocks.SplitLines(markdown);
        for (int i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith('|')) continue;
            int column = Cells(lines[i]).FindIndex(c => Regex.IsMatch(c.Trim('`', '*'), @"^Error\s?Id$", RegexOptions.IgnoreCase));
            if (column < 0) continue;
            return lines.Skip(i + 2).TakeWhile(l => l.TrimStart().StartsWith('|'))
                .Select(Cells).Where(c => c.Count > column).Select(c => c[column]).ToList();
        }
        return Array.Empty<string>();
    }

    private static List<string> Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
}
