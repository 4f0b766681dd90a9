using System.Reflection;
using PayNet.HelpTool.Check;
using PayNet.HelpTool.Maml;
using PayNet.HelpTool.Metadata;
using PayNet.HelpTool.Update;

namespace PayNet.HelpTool.Cli;

/// <summary>The command line: update, check, maml, about. Exit codes: 0 done, 1 drift or failure, 2 bad arguments.</summary>
public static class HelpToolCli
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public const string Usage = """
        PayNet help tool: PlatyPS-compatible help for the PayNet module, without PowerShell.

        Usage:
          dotnet run --project tools/PayNet.HelpTool -- <command> [options]

        Commands:
          update --docs <folder>                 Create missing <Cmdlet>.md skeletons; refresh SYNTAX and each
                                                 parameter's yaml from the compiled cmdlets, keeping all prose.
          check  --docs <folder>                 Report drift between the docs and the compiled cmdlets, and
                                                 unfinished docs. Exits 1 when there is any.
          maml   --docs <folder> --out <folder>  Write <dll>-Help.xml (MAML) and about_*.help.txt into <folder>.
          about  --docs <folder> --out <folder>  Write only the about_*.help.txt topics.

        Options:
          --assembly <path>     Cmdlet DLL to read (default: the PayNet.PowerShell this tool was built with),
                                e.g. out/PayNet/PayNet.PowerShell.dll.
          --module-name <name>  Expected 'Module Name' front matter (default: PayNet).
          --help-file <name>    Expected 'external help file' front matter (default: <dll name>-Help.xml).

        Examples:
          dotnet run --project tools/PayNet.HelpTool -- update --docs docs/en-US
          dotnet run --project tools/PayNet.HelpTool -- check --docs docs/en-US
          dotnet run --project tools/PayNet.HelpTool -- maml --docs docs/en-US --out out/PayNet/en-US
        """;

    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["update"] = new[] { "--docs" },
        ["check"] = new[] { "--docs" },
        ["maml"] = new[] { "--docs", "--out" },
        ["about"] = new[] { "--docs", "--out" },
    };

    private static readonly HashSet<string> KnownOptions = new(StringComparer.Ordinal) { "--docs", "--out", "--assembly", "--module-name", "--help-file" };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 1 && args[0] is "-h" or "--help" or "help" or "/?")
        {
            output.WriteLine(Usage);
            return Success;
        }
        if (args.Length == 0 || !Required.ContainsKey(args[0]))
            return Fail(error, args.Length == 0 ? "No command given." : $"Unknown command '{args[0]}'.");

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i++)
        {
            if (!KnownOptions.Contains(args[i])) return Fail(error, $"Unknown option '{args[i]}'.");
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) return Fail(error, $"Option '{args[i]}' needs a value.");
            options[args[i]] = args[++i];
        }
        var missing = Required[args[0]].Where(o => !options.ContainsKey(o)).ToList();
        if (missing.Count > 0) return Fail(error, $"'{args[0]}' needs {string.Join(" and ", missing)}.");

        try
        {
            return args[0] switch
            {
                "update" => RunUpdate(options, output),
                "check" => RunCheck(options, output, error),
                "maml" => RunExport(options, output, error, includeCommands: true),
                _ => RunExport(options, output, error, includeCommands: false),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine();
        error.WriteLine(Usage);
        return BadArguments;
    }

    private static (IReadOnlyList<CmdletInfo> Cmdlets, HelpToolOptions Options) LoadCmdlets(IReadOnlyDictionary<string, string> options)
    {
        Assembly assembly = options.TryGetValue("--assembly", out var path) ? ModuleAssemblyLoader.Load(path) : typeof(PayNet.PowerShell.PayNetCmdlet).Assembly;
        var helpOptions = new HelpToolOptions(
            options.GetValueOrDefault("--module-name") ?? HelpToolOptions.Default.ModuleName,
            options.GetValueOrDefault("--help-file") ?? HelpToolOptions.HelpFileFor(assembly));
        return (CmdletMetadataReader.Read(assembly), helpOptions);
    }

    private static HelpToolOptions ExportOptions(IReadOnlyDictionary<string, string> options) => new(
        options.GetValueOrDefault("--module-name") ?? HelpToolOptions.Default.ModuleName,
        options.GetValueOrDefault("--help-file") ?? HelpToolOptions.Default.ExternalHelpFile);

    private static int RunUpdate(IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var (cmdlets, helpOptions) = LoadCmdlets(options);
        var report = HelpFolderUpdater.UpdateFolder(cmdlets, options["--docs"], helpOptions);
        foreach (var file in report.Created) output.WriteLine($"created    {file}");
        foreach (var file in report.Updated) output.WriteLine($"updated    {file}");
        foreach (var file in report.Orphans) output.WriteLine($"orphaned   {file} (no such cmdlet; not deleted)");
        output.WriteLine($"{cmdlets.Count} cmdlet(s): {report.Created.Count} created, {report.Updated.Count} updated, {report.Unchanged.Count} unchanged, {report.Orphans.Count} orphaned.");
        if (report.Created.Count > 0) output.WriteLine("New files contain {{ ... }} placeholders; 'check' fails until they are written.");
        return Success;
    }

    private static int RunCheck(IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var (cmdlets, helpOptions) = LoadCmdlets(options);
        var problems = HelpDriftChecker.Check(cmdlets, options["--docs"], helpOptions);
        foreach (var problem in problems) error.WriteLine(problem);
        if (problems.Count == 0)
        {
            output.WriteLine($"Help is in step with {cmdlets.Count} cmdlet(s).");
            return Success;
        }
        error.WriteLine($"{problems.Count} help problem(s) in {problems.Select(p => p.Command).Distinct().Count()} cmdlet(s). " +
            "Run 'update' to refresh syntax and parameter metadata, then write the missing prose.");
        return Failed;
    }

    private static int RunExport(IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter error, bool includeCommands)
    {
        string docs = options["--docs"];
        if (!Directory.Exists(docs))
        {
            error.WriteLine($"error: docs folder not found: {docs}");
            return Failed;
        }
        var result = HelpExporter.Export(docs, options["--out"], ExportOptions(options), includeCommands, includeAbout: true);
        foreach (var file in result.HelpFiles.Concat(result.AboutFiles)) output.WriteLine($"wrote      {file}");
        foreach (var problem in result.Problems) error.WriteLine($"invalid    {problem}");
        return result.Problems.Count == 0 ? Success : Failed;
    }
}
