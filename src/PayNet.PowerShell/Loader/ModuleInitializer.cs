using System;
using System.Collections.Concurrent;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace PayNet.PowerShell.Loader
{
    /// <summary>
    /// Loads everything under dependencies/ (PayNet.Core, Microsoft.Extensions.*, Polly, System.*) so
    /// that it never clashes with versions the host already loaded (VS Code's PowerShell extension, Az,
    /// Microsoft.Graph). PowerShell 7: a private AssemblyLoadContext, reached through reflection because
    /// netstandard2.0 cannot name the type. Windows PowerShell: AssemblyResolve + LoadFrom.
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

        /// <summary>True when PayNet.Core came from the private load context (PowerShell 7).</summary>
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
            string path = Path.Combine(DependencyDirectory, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            return Loaded.GetOrAdd(path, p => Assembly.LoadFrom(p));
        }
    }
}
