namespace PayNet.HelpTool.Markdown;

/// <summary>
/// A PlatyPS 0.14 (schema 2.0.0) command help file. Sections keep their markdown exactly as written, so that
/// rewriting SYNTAX and PARAMETERS leaves every hand-written word elsewhere untouched; the typed views below
/// parse a section when asked.
/// </summary>
public sealed class CommandHelpDocument
{
    public const string Synopsis = "SYNOPSIS";
    public const string Syntax = "SYNTAX";
    public const string Description = "DESCRIPTION";
    public const string Examples = "EXAMPLES";
    public const string Parameters = "PARAMETERS";
    public const string Inputs = "INPUTS";
    public const string Outputs = "OUTPUTS";
    public const string Notes = "NOTES";
    public const string RelatedLinks = "RELATED LINKS";

    /// <summary>The order PlatyPS writes sections in.</summary>
    public static readonly IReadOnlyList<string> SectionOrder = new[] { Synopsis, Syntax, Description, Examples, Parameters, Inputs, Outputs, Notes, RelatedLinks };

    public string? SourcePath { get; init; }

    /// <summary>Whether the file had a front matter block at all (a missing one is drift).</summary>
    public bool HasFrontMatter { get; set; }

    public List<KeyValuePair<string, string>> FrontMatter { get; } = new();

    public string Name { get; set; } = "";

    /// <summary>Anything between "# Name" and the first "##" heading.</summary>
    public string Preamble { get; set; } = "";

    public List<HelpSection> Sections { get; } = new();

    public string? GetFrontMatter(string key) =>
        FrontMatter.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value).FirstOrDefault();

    public void SetFrontMatter(string key, string value)
    {
        int index = FrontMatter.FindIndex(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
        if (index >= 0) FrontMatter[index] = new(FrontMatter[index].Key, value);
        else FrontMatter.Add(new(key, value));
    }

    public HelpSection? Section(string heading) =>
        Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces a section's body, adding the section where PlatyPS would put it if it is missing.</summary>
    public HelpSection SetSection(string heading, string body, bool blankAfterHeading)
    {
        var section = Section(heading);
        if (section is not null)
        {
            section.Body = body;
            section.BlankAfterHeading = blankAfterHeading;
            return section;
        }
        section = new HelpSection(heading, body, blankAfterHeading);
        int rank = Rank(heading);
        int insertAt = Sections.FindIndex(s => Rank(s.Heading) > rank);
        Sections.Insert(insertAt < 0 ? Sections.Count : insertAt, section);
        return section;
    }

    private static int Rank(string heading)
    {
        for (int i = 0; i < SectionOrder.Count; i++)
            if (string.Equals(SectionOrder[i], heading, StringComparison.OrdinalIgnoreCase)) return i;
        return SectionOrder.Count;
    }

    public string SectionText(string heading) => Section(heading)?.Body ?? "";

    public IReadOnlyList<SyntaxEntry> SyntaxEntries => SectionParsers.ParseSyntax(Section(Syntax));

    public ParametersSection ParameterSection => SectionParsers.ParseParameters(Section(Parameters));

    public IReadOnlyList<ExampleDoc> ExampleEntries => SectionParsers.ParseExamples(Section(Examples));

    public IReadOnlyList<TypedEntry> InputEntries => SectionParsers.ParseTypedEntries(Section(Inputs));

    public IReadOnlyList<TypedEntry> OutputEntries => SectionParsers.ParseTypedEntries(Section(Outputs));

    public IReadOnlyList<LinkDoc> LinkEntries => SectionParsers.ParseLinks(Section(RelatedLinks));

    public override string ToString() => Name;
}

public sealed class HelpSection
{
    public HelpSection(string heading, string body, bool blankAfterHeading, int line = 0)
    {
        Heading = heading;
        Body = body;
        BlankAfterHeading = blankAfterHeading;
        Line = line;
    }

    public string Heading { get; }

    /// <summary>Markdown under the heading, without leading or trailing blank lines.</summary>
    public string Body { get; set; }

    public bool BlankAfterHeading { get; set; }

    /// <summary>1-based line of the heading in the source file; 0 for generated sections.</summary>
    public int Line { get; }

    /// <summary>Line of the first body line (heading line + 1, + 1 more after a blank line).</summary>
    public int BodyLine => Line == 0 ? 0 : Line + (BlankAfterHeading ? 2 : 1);
}

/// <summary>One "### Set (Default)" + code block in SYNTAX; SetName is null when the heading is omitted (one set).</summary>
public sealed record SyntaxEntry(string? SetName, bool IsDefault, string Code, int Line);

public sealed class ParameterDoc
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool BlankAfterHeading { get; set; }
    public List<ParameterYaml> Yaml { get; } = new();

    /// <summary>Markdown after the yaml blocks (not part of the schema, but kept rather than lost).</summary>
    public string Trailing { get; set; } = "";

    public int Line { get; init; }

    public override string ToString() => Name;
}

public sealed class ParametersSection
{
    public List<ParameterDoc> Parameters { get; } = new();

    /// <summary>Text before the first parameter (not part of the schema, kept).</summary>
    public string Intro { get; set; } = "";

    public bool HasCommonParameters { get; set; }

    public ParameterDoc? Find(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An example: its "### Example N: title" heading and body blocks (paragraphs and code, in order).</summary>
public sealed record ExampleDoc(string Title, IReadOnlyList<MarkdownBlock> Body, int Line)
{
    public IReadOnlyList<CodeBlock> Code => Body.OfType<CodeBlock>().ToList();

    /// <summary>Text before the first code block.</summary>
    public string Introduction => MarkdownBlocks.ToRaw(Body.TakeWhile(b => b is not CodeBlock));

    /// <summary>Text after the first code block (later text blocks included).</summary>
    public string Remarks => MarkdownBlocks.ToRaw(Body.SkipWhile(b => b is not CodeBlock).Where(b => b is not CodeBlock));
}

/// <summary>An INPUTS or OUTPUTS entry: "### TypeName" and its description.</summary>
public sealed record TypedEntry(string TypeName, string Description);

public sealed record LinkDoc(string Text, string? Uri);
