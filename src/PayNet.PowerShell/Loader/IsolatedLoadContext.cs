using System;
using System.IO;
using System.Reflection;

namespace PayNet.PowerShell.Loader
{
    /// <summary>
    /// A private System.Runtime.Loader.AssemblyLoadContext driven by reflection. Assemblies found in
    /// dependencies/ load into it, both when the default context asks (our cmdlet DLL referencing
    /// PayNet.Core) and when the private context resolves PayNet.Core's own references. So the cmdlets
    /// and PayNet.Core see one copy of each type, and the host's copies are never used.
    /// </summary>
    internal sealed class IsolatedLoadContext
    {
        private readonly string _directory;
        private readonly object _context;
        private readonly MethodInfo _loadFromPath;
        private readonly EventInfo _resolving;
        private readonly object _defaultContext;
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
        private Assembly? Resolve(object loadContext, AssemblyName name)
        {
            string path = Path.Combine(_directory, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            // LoadFromAssemblyPath returns the already-loaded instance on repeat calls.
            return (Assembly)_loadFromPath.Invoke(_context, new object[] { path })!;
        }
    }
}
