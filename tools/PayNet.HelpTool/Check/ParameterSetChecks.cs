using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;
using PayNet.HelpTool.Update;

namespace PayNet.HelpTool.Check;

/// <summary>SYNTAX against the compiled parameter sets: which sets, which one is the default, and each set's syntax line.</summary>
internal static class ParameterSetChecks
{
    public static void CheckSyntax(CmdletInfo cmdlet, CommandHelpDocument document, Action<DriftKind, int, string> add)
    {
        var section = document.Section(CommandHelpDocument.Syntax);
        if (section is null) return;
        var entries = document.SyntaxEntries;

        if (cmdlet.HasSingleParameterSet)
        {
            CheckSingleSet(cmdlet, section, entries, add);
            return;
        }

        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var set = entry.SetName is null ? null : cmdlet.ParameterSets.FirstOrDefault(s => s.Name.Equals(entry.SetName, StringComparison.OrdinalIgnoreCase));
            if (set is null)
            {
                add(DriftKind.StaleParameterSet, entry.Line, entry.SetName is null
                    ? $"SYNTAX has a block without a '### SetName' heading, but the cmdlet has {cmdlet.ParameterSets.Count} parameter sets"
                    : $"documents parameter set '{entry.SetName}', which the cmdlet does not have (sets: {HelpDriftChecker.JoinNames(cmdlet.ParameterSets.Select(s => s.Name))})");
                continue;
            }
            if (!matched.Add(set.Name))
            {
                add(DriftKind.StaleParameterSet, entry.Line, $"documents parameter set '{set.Name}' twice");
                continue;
            }
            if (entry.IsDefault != set.IsDefault)
                add(DriftKind.DefaultParameterSetMismatch, entry.Line, set.IsDefault
                    ? $"'{set.Name}' is the default parameter set; its heading needs ' (Default)'"
                    : $"marks '{set.Name}' as the default parameter set, but the default is '{cmdlet.DefaultParameterSetName ?? "(none)"}'");
            CompareSyntax(cmdlet, set, entry, add);
        }
        foreach (var set in cmdlet.ParameterSets.Where(s => !matched.Contains(s.Name)))
            add(DriftKind.UndocumentedParameterSet, section.Line, $"parameter set '{set.Name}' is not in SYNTAX");
    }

    private static void CheckSingleSet(CmdletInfo cmdlet, HelpSection section, IReadOnlyList<SyntaxEntry> entries, Action<DriftKind, int, string> add)
    {
        var set = cmdlet.ParameterSets[0];
        if (entries.Count == 0)
        {
            add(DriftKind.UndocumentedParameterSet, section.Line, "SYNTAX has no syntax code block");
            return;
        }
        bool NamesTheSet(SyntaxEntry e) =>
            e.SetName is null || e.SetName.Equals(set.Name, StringComparison.OrdinalIgnoreCase)
            || e.SetName.Equals(CmdletMetadataReader.AllParameterSets, StringComparison.OrdinalIgnoreCase);
        var first = entries.FirstOrDefault(NamesTheSet);
        foreach (var extra in entries.Where(e => !ReferenceEquals(e, first)))
            add(DriftKind.StaleParameterSet, extra.Line, extra.SetName is null
                ? "SYNTAX has more than one block, but the cmdlet has one parameter set"
                : $"documents parameter set '{extra.SetName}', but the cmdlet has only one parameter set");
        if (first is null)
            add(DriftKind.UndocumentedParameterSet, section.Line, $"the cmdlet's only parameter set ('{set.Name}') is not in SYNTAX");
        else
            CompareSyntax(cmdlet, set, first, add);
    }

    private static void CompareSyntax(CmdletInfo cmdlet, ParameterSetInfo set, SyntaxEntry entry, Action<DriftKind, int, string> add)
    {
        string expected = SyntaxFormatter.Format(cmdlet, set);
        if (SyntaxFormatter.Normalize(entry.Code) != SyntaxFormatter.Normalize(expected))
            add(DriftKind.SyntaxOutOfDate, entry.Line, $"syntax for '{set.Name}' is out of date; expected: {SyntaxFormatter.Normalize(expected)}");
    }
}
