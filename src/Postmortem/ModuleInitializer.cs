using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace Postmortems.Commands
{
    /// <summary>
    /// Third-party assemblies ship in the module's Dependencies folder, where no loader looks by itself;
    /// this resolves them from there when the runtime cannot find them elsewhere.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
        private static readonly string DependencyFolder = Path.Combine(ModuleFolder, "Dependencies");
        private static bool _registered;

        public void OnImport()
        {
            if (_registered) return;
            _registered = true;
            AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
        }

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name is null) return null;
            foreach (var folder in new[] { ModuleFolder, DependencyFolder })
            {
                var candidate = Path.Combine(folder, name + ".dll");
                if (File.Exists(candidate)) return Assembly.LoadFrom(candidate);
            }
            return null;
        }
    }
}
