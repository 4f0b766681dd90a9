namespace PayNet.PowerShell.Tests.Support;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "PayNet.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PayNet.sln not found above the test binaries.");
    }
}
