namespace PayNet.Sandbox.Tests.Conformance;

/// <summary>
/// Where the providers' pages are: $PAYNET_SEEDS, else ../shared/seeds beside the repository (as CI lays it
/// out), else /work/shared/seeds (a worktree elsewhere). Missing everywhere is a failure, never a skip: a
/// conformance test that silently checks nothing proves nothing.
/// </summary>
public static class SeedLocator
{
    public const string EnvironmentVariable = "PAYNET_SEEDS";
    public const string Fallback = "/work/shared/seeds";

    public static IEnumerable<string> Candidates() => Candidates(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static IEnumerable<string> Candidates(string? fromEnvironment)
    {
        if (!string.IsNullOrEmpty(fromEnvironment)) yield return fromEnvironment;
        if (RepositoryRoot() is { } root) yield return Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds"));
        yield return Fallback;
    }

    /// <summary>The seed directory, or null when no candidate holds seed pages.</summary>
    public static string? Find() => Candidates().FirstOrDefault(d => Directory.Exists(d) && Pages(d).Any());

    public static string Require() => Find() ?? throw new InvalidOperationException(
        "No seed pages found; looked in: " + string.Join(", ", Candidates()) +
        $". Set {EnvironmentVariable} to the directory that holds the providers' pages (*.txt).");

    /// <summary>The pages (README.md describes them and is not one).</summary>
    public static IEnumerable<string> Pages(string directory) =>
        Directory.EnumerateFiles(directory, "*.txt").OrderBy(p => p, StringComparer.Ordinal);

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PayNet.sln"))) return dir.FullName;
        return null;
    }
}
