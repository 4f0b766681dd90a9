using System.Text.RegularExpressions;
using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;

namespace PayNet.HelpTool.Check;

/// <summary>
/// The drift check: every exported cmdlet has a help file, every help file has a cmdlet, and each file says
/// what the compiled cmdlet does and is finished (no placeholders, a synopsis, a description, two examples).
/// </summary>
public static partial class HelpDriftChecker
{
    public const int MinimumExamples = 2;

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex PlaceholderPattern();

    private static readonly string[] RequiredSections =
    {
        CommandHelpDocument.Synopsis, CommandHelpDocument.Syntax, CommandHelpDocument.Description, CommandHelpDocument.Examples,
        CommandHelpDocument.Parameters, CommandHelpDocument.Inputs, CommandHelpDocument.Outputs,
    };

    public static IReadOnlyList<DriftProblem> Check(IEnumerable<CmdletInfo> cmdlets, string docsFolder, HelpToolOptions options)
    {
        var problems = new List<DriftProblem>();
        var files = DocsFolder.CommandHelpFiles(docsFolder).ToDictionary(DocsFolder.CommandNameOf, f => f, StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var cmdlet in cmdlets)
        {
            names.Add(cmdlet.Name);
            if (!files.TryGetValue(cmdlet.Name, out var path))
            {
                problems.Add(new(DriftKind.MissingDoc, cmdlet.Name, Path.Combine(docsFolder, cmdlet.Name + ".md"), 0,
                    $"has no help file; run the help tool's update command to create {cmdlet.Name}.md"));
                continue;
            }
            CommandHelpDocument document;
            string text;
            try
            {
                text = File.ReadAllText(path);
                document = CommandHelpParser.Parse(text, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(DriftKind.UnreadableDoc, cmdlet.Name, path, 0, e.Message));
                continue;
            }
            problems.AddRange(CheckDocument(cmdlet, document, text, options));
        }
        foreach (var (name, path) in files.Where(f => !names.Contains(f.Key)))
            problems.Add(new(DriftKind.OrphanDoc, name, path, 0, "documents a cmdlet the module does not export; delete or rename the file"));
        return problems;
    }

    public static IReadOnlyList<DriftProblem> CheckDocument(CmdletInfo cmdlet, CommandHelpDocument document, string sourceText, HelpToolOptions options)
    {
        var problems = new List<DriftProblem>();
        string file = document.SourcePath ?? cmdlet.Name + ".md";
        void Add(DriftKind kind, int line, string message) => problems.Add(new(kind, cmdlet.Name, file, line, message));

        CheckFrontMatter(document, options, Add);
        if (!string.Equals(document.Name, cmdlet.Name, StringComparison.Ordinal))
            Add(DriftKind.NameMismatch, 0, $"the title is '# {document.Name}', expected '# {cmdlet.Name}'");
        foreach (var heading in RequiredSections.Where(h => document.Section(h) is null))
            Add(DriftKind.MissingSection, 0, $"has no '## {heading}' section");

        var skipPlaceholderScan = new List<HelpSection>();
        CheckProse(document, CommandHelpDocument.Synopsis, DriftKind.EmptySynopsis, Add, skipPlaceholderScan);
        CheckProse(document, CommandHelpDocument.Description, DriftKind.EmptyDescription, Add, skipPlaceholderScan);
        CheckExamples(document, Add);
        ParameterSetChecks.CheckSyntax(cmdlet, document, Add);
        ParameterChecks.CheckParameters(cmdlet, document, Add);
        CheckPlaceholders(document, sourceText, skipPlaceholderScan, Add);
        PlatyPSCompatibilityChecks.Check(document, Add);
        return problems;
    }

    private static void CheckFrontMatter(CommandHelpDocument document, HelpToolOptions options, Action<DriftKind, int, string> add)
    {
        if (!document.HasFrontMatter)
        {
            add(DriftKind.FrontMatter, 1, "has no front matter (---) block");
            return;
        }
        void Expect(string key, string expected)
        {
            string? actual = document.GetFrontMatter(key);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
                add(DriftKind.FrontMatter, 1, $"front matter '{key}' is '{actual ?? "(missing)"}', expected '{expected}'");
        }
        Expect("external help file", options.ExternalHelpFile);
        Expect("Module Name", options.ModuleName);
        Expect("schema", "2.0.0");
    }

    public static bool IsPlaceholderOrEmpty(string text)
    {
        string stripped = PlaceholderPattern().Replace(text, "").Trim();
        return stripped.Length == 0;
    }

    private static void CheckProse(CommandHelpDocument document, string heading, DriftKind kind, Action<DriftKind, int, string> add, List<HelpSection> reported)
    {
        var section = document.Section(heading);
        if (section is null || !IsPlaceholderOrEmpty(section.Body)) return;
        add(kind, section.Line, section.Body.Length == 0 ? $"{heading} is empty" : $"{heading} is still a placeholder: {section.Body.Trim()}");
        reported.Add(section);
    }

    private static void CheckExamples(CommandHelpDocument document, Action<DriftKind, int, string> add)
    {
        var section = document.Section(CommandHelpDocument.Examples);
        if (section is null) return;
        var examples = document.ExampleEntries;
        if (examples.Count < MinimumExamples)
            add(DriftKind.TooFewExamples, section.Line, $"has {examples.Count} example(s); Get-Help -Examples needs at least {MinimumExamples}");
        foreach (var example in examples.Where(e => e.Code.Count == 0))
            add(DriftKind.ExampleWithoutCode, example.Line, $"example '{example.Title}' has no code block");
    }

    private static void CheckPlaceholders(CommandHelpDocument document, string sourceText, List<HelpSection> alreadyReported, Action<DriftKind, int, string> add)
    {
        var lines = MarkdownBlocks.SplitLines(sourceText.TrimStart('\uFEFF'));
        var skipped = new List<(int From, int To)>();
        foreach (var section in alreadyReported)
        {
            int next = document.Sections.Select(s => s.Line).Where(l => l > section.Line).DefaultIfEmpty(int.MaxValue).Min();
            skipped.Add((section.Line, next - 1));
        }
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            if (skipped.Any(r => lineNumber >= r.From && lineNumber <= r.To)) continue;
            foreach (Match match in PlaceholderPattern().Matches(lines[i]))
                add(DriftKind.Placeholder, lineNumber, $"placeholder left in: {match.Value}");
        }
    }

    internal static string JoinNames(IEnumerable<string> names) => string.Join(", ", names);
}
