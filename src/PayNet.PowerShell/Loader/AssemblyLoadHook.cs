namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks the attribute; the C# compiler only needs one with this name to emit a
    // module constructor, which both .NET Framework and .NET run before any type of this assembly.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute { }
}

namespace PayNet.PowerShell.Loader
{
    internal static class AssemblyLoadHook
    {
        /// <summary>
        /// Runs when the runtime loads this assembly, before PowerShell reflects over cmdlet parameters
        /// whose types live in PayNet.Core, so those resolve through the isolated context.
        /// </summary>
        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void OnAssemblyLoad() => ModuleInitializer.Install();
    }
}
