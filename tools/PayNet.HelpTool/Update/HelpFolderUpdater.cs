using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;

namespace PayNet.HelpTool.Update;

public sealed record UpdateReport(
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Orphans);

/// <summary>Runs <see cref="HelpUpdater"/> over a docs folder: one &lt;Cmdlet&gt;.md per cmdlet.</summary>
public static class HelpFolderUpdater
{
    /// <summary>
    /// Creates missing files and refreshes existing ones. Files for cmdlets that no longer exist are reported,
    /// never deleted: they hold hand-written prose that may belong to a renamed cmdlet.
    /// </summary>
    public static UpdateReport UpdateFolder(IEnumerable<CmdletInfo> cmdlets, string folder, HelpToolOptions options)
    {
        Directory.CreateDirectory(folder);
        var existing = DocsFolder.CommandHelpFiles(folder)
            .ToDictionary(DocsFolder.CommandNameOf, f => f, StringComparer.OrdinalIgnoreCase);
        var created = new List<string>();
        var updated = new List<string>();
        var unchanged = new List<string>();
        var cmdletNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var cmdlet in cmdlets)
        {
            cmdletNames.Add(cmdlet.Name);
            if (existing.TryGetValue(cmdlet.Name, out var path))
            {
                string before = File.ReadAllText(path);
                string after = CommandHelpWriter.Write(HelpUpdater.Update(cmdlet, CommandHelpParser.Parse(before, path), options));
                if (after == before.Replace("\r\n", "\n")) { unchanged.Add(path); continue; }
                File.WriteAllText(path, after);
                updated.Add(path);
            }
            else
            {
                path = Path.Combine(folder, cmdlet.Name + ".md");
                CommandHelpWriter.WriteFile(HelpUpdater.CreateSkeleton(cmdlet, options), path);
                created.Add(path);
            }
        }

        var orphans = existing.Where(e => !cmdletNames.Contains(e.Key)).Select(e => e.Value).ToList();
        return new UpdateReport(created, updated, unchanged, orphans);
    }
}
