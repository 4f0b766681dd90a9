namespace PayNet.HelpTool.Markdown;

/// <summary>Which markdown files in a docs folder are command help, and which are about topics.</summary>
public static class DocsFolder
{
    public static bool IsAboutTopic(string path) =>
        Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> AboutTopicFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.md").Where(IsAboutTopic).OrderBy(f => f, StringComparer.OrdinalIgnoreCase).ToList()
            : Array.Empty<string>();

    /// <summary>Every *.md except about topics and a PlatyPS module page (front matter with "Module Guid").</summary>
    public static IReadOnlyList<string> CommandHelpFiles(string folder)
    {
        if (!Directory.Exists(folder)) return Array.Empty<string>();
        return Directory.GetFiles(folder, "*.md")
            .Where(f => !IsAboutTopic(f) && !IsModulePage(f))
            .OrderBy(f => f, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The command a file documents: its file name, which is what PlatyPS names it after.</summary>
    public static string CommandNameOf(string path) => Path.GetFileNameWithoutExtension(path);

    private static bool IsModulePage(string path)
    {
        using var reader = new StreamReader(path);
        if (reader.ReadLine()?.Trim() != "---") return false;
        for (string? line = reader.ReadLine(); line is not null && line.Trim() != "---"; line = reader.ReadLine())
            if (line.TrimStart().StartsWith("Module Guid", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
