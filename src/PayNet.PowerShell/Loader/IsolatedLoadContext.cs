using System;
using System.IO;
using System.Reflection;

namespace PayNet.PowerShell.Loader
{
    /// <summary>
    /// PowerShell 7: the module's own assemblies (PayNet.PowerShell, PayNet.Core) live in the default
    /// load context, where PowerShell resolves type names, so scripts can write
    /// <c>catch [PayNet.Core.PayNetException]</c> and <c>-is [PayNet.Core.Card.CardTransaction]</c>.
    /// Third-party dependencies (Microsoft.Extensions.*, Polly, System.* polyfills) load into a private
    /// System.Runtime.Loader.AssemblyLoadContext, so they never clash with versions the host already
    /// loaded. The default context's Resolving handler serves PayNet.Core from dependencies/ and hands
    /// every other dependency over to the private context. Driven by reflection, because
    /// netstandard2.0 cannot name AssemblyLoadContext.
    /// </summary>
    internal sealed class IsolatedLoadContext
    {
        private readonly string _directory;
        private readonly object _context;
        private readonly object _defaultContext;
        private readonly MethodInfo _loadFromPath;
        private readonly EventInfo _resolving;
        private readonly Delegate _defaultHandler;
        private readonly Delegate _privateHandler;

        private IsolatedLoadContext(string directory, Type contextType)
        {
            _directory = directory;
            _context = Activator.CreateInstance(contextType, "PayNet", false)!;
            _loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            _resolving = contextType.GetEvent("Resolving")!;
            _defaultContext = contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

            var handlerMethod = typeof(IsolatedLoadContext).GetMethod(nameof(Resolve), BindingFlags.NonPublic | BindingFlags.Instance)!;
            _defaultHandler = Delegate.CreateDelegate(_resolving.EventHandlerType!, this, handlerMethod);
            _privateHandler = Delegate.CreateDelegate(_resolving.EventHandlerType!, this, handlerMethod);
            _resolving.AddEventHandler(_defaultContext, _defaultHandler);
            _resolving.AddEventHandler(_context, _privateHandler);
        }

        /// <summary>Null on .NET Framework, where there are no load contexts.</summary>
        public static IsolatedLoadContext? TryCreate(string directory)
        {
            var contextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false)
                ?? Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
            if (contextType is null || contextType.GetConstructor(new[] { typeof(string), typeof(bool) }) is null) return null;
            return new IsolatedLoadContext(directory, contextType);
        }

        public void Detach()
        {
            _resolving.RemoveEventHandler(_defaultContext, _defaultHandler);
            _resolving.RemoveEventHandler(_context, _privateHandler);
        }

        // Signature matches Func<AssemblyLoadContext, AssemblyName, Assembly?>; the context arrives as object.
        // Runs only when the asking context found nothing itself (nor, for the private one, in the default).
        private Assembly? Resolve(object loadContext, AssemblyName name)
        {
            string? path = DependencyFile.Find(_directory, name);
            if (path is null) return null;
            // The module's own assembly belongs where PowerShell resolves types; the rest stays private.
            // LoadFromAssemblyPath returns the already-loaded instance on repeat calls.
            var target = DependencyFile.IsModuleAssembly(name) ? _defaultContext : _context;
            return (Assembly)_loadFromPath.Invoke(target, new object[] { path })!;
        }
    }

    /// <summary>Finds a dependency's file in dependencies/ and refuses one older than the version asked for.</summary>
    internal static class DependencyFile
    {
        /// <summary>Module assemblies that scripts name types from; they load where PowerShell resolves types.</summary>
        public static bool IsModuleAssembly(AssemblyName name) => string.Equals(name.Name, "PayNet.Core", StringComparison.OrdinalIgnoreCase);

        public static string? Find(string directory, AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name)) return null;
            string path = Path.Combine(directory, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            return IsRecentEnough(path, name.Version) ? path : null;
        }

        /// <summary>A file whose version is lower than the one asked for would fail later with a missing member; better to say no now.</summary>
        public static bool IsRecentEnough(string path, Version? requested)
        {
            if (requested is null) return true;
            try
            {
                var found = AssemblyName.GetAssemblyName(path).Version;
                return found is null || found >= requested;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
