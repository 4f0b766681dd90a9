using System;
using System.Collections.Concurrent;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace PayNet.PowerShell.Loader
{
    /// <summary>
    /// Loads what lies under dependencies/ so that third-party assemblies (Microsoft.Extensions.*, Polly,
    /// System.*) never clash with versions the host already loaded (VS Code's PowerShell extension, Az,
    /// Microsoft.Graph), while PayNet.Core stays where PowerShell resolves type names. PowerShell 7: a
    /// private AssemblyLoadContext for the third-party ones, reached through reflection because
    /// netstandard2.0 cannot name the type (see <see cref="IsolatedLoadContext"/>). Windows PowerShell:
    /// AssemblyResolve + LoadFrom, which PowerShell's type resolution sees too.
    /// This class must not touch a PayNet.Core type: they resolve only after it has run.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyDirectory =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        private static readonly ConcurrentDictionary<string, Assembly> Loaded = new ConcurrentDictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private static IsolatedLoadContext? _context;
        private static bool _hooked;

        public void OnImport() => Install();

        public void OnRemove(PSModuleInfo module) => Uninstall();

        /// <summary>Called by PayNet.psm1 before the cmdlets are imported; idempotent.</summary>
        public static void InstallResolver() => Install();

        /// <summary>True when third-party dependencies load into the private load context (PowerShell 7).</summary>
        public static bool IsIsolated => _context is not null;

        internal static void Install()
        {
            if (_hooked || !Directory.Exists(DependencyDirectory)) return;
            _context = IsolatedLoadContext.TryCreate(DependencyDirectory);
            if (_context is null) AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
            _hooked = true;
        }

        private static void Uninstall()
        {
            if (!_hooked) return;
            if (_context is null) AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnFramework;
            else _context.Detach();
            _hooked = false;
        }

        private static Assembly? ResolveOnFramework(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            string? path = DependencyFile.Find(DependencyDirectory, name);
            if (path is null) return null;
            return Loaded.GetOrAdd(path, p => Assembly.LoadFrom(p));
        }
    }
}
