namespace PayNet.HelpTool.Check;

public enum DriftKind
{
    // The folder against the assembly.
    MissingDoc,
    OrphanDoc,
    UnreadableDoc,

    // File shape.
    FrontMatter,
    NameMismatch,
    MissingSection,

    // SYNTAX against the parameter sets.
    UndocumentedParameterSet,
    StaleParameterSet,
    DefaultParameterSetMismatch,
    SyntaxOutOfDate,

    // PARAMETERS against the parameters.
    UndocumentedParameter,
    StaleParameter,
    MissingParameterYaml,
    UndocumentedAlias,
    StaleAlias,
    TypeMismatch,
    RequiredMismatch,
    PositionMismatch,
    PipelineInputMismatch,
    ParameterSetMembershipMismatch,
    AcceptedValuesMismatch,
    WildcardsMismatch,

    // Prose a reader needs.
    EmptySynopsis,
    EmptyDescription,
    EmptyParameterDescription,
    TooFewExamples,
    ExampleWithoutCode,
    Placeholder,

    // Readable here, but not by platyPS 0.14's New-ExternalHelp.
    PlatyPSIncompatible,
}

/// <summary>One way a help file and the compiled cmdlets disagree, or a help file is not finished.</summary>
public sealed record DriftProblem(DriftKind Kind, string Command, string File, int Line, string Message)
{
    public override string ToString()
    {
        string where = File.Length == 0 ? "" : Path.GetFileName(File) + (Line > 0 ? $":{Line}" : "") + ": ";
        return $"{where}{Command}: {Message} [{Kind}]";
    }
}
