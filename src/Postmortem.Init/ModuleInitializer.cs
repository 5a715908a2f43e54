using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace Postmortems.Init
{
    /// <summary>
    /// Loads the module's own core and its third-party libraries so that they cannot clash with another module's
    /// copies. PowerShell 7 loads its own Markdig.Signed, and modules such as powershell-yaml and platyPS load other
    /// YamlDotNet versions into the shared default load context; a second version there fails with "assembly with
    /// same name is already loaded". So Postmortem.Core and its libraries live in Dependencies/, where no loader looks,
    /// and are loaded into an AssemblyLoadContext of this module's own: the core is resolved there when the cmdlets
    /// first need it, and Markdig and YamlDotNet are loaded there first, so the core always binds to the module's
    /// copies whatever the session holds. The target is netstandard2.0, so the load context is reached by reflection.
    /// Windows PowerShell 5.1 has no load contexts: there the libraries are loaded from Dependencies/ as usual.
    /// Where the build left ReadyToRun images of these assemblies for the running .NET and platform
    /// (Dependencies/ReadyToRun/net10.0-linux-x64/, say), those are loaded instead: the same code, compiled ahead of time,
    /// so a session's first commands do not wait for the JIT. Any other runtime or platform takes the portable copies.
    /// This assembly references nothing of the module's, and the manifest loads it (as a nested module) before the
    /// cmdlets, because PowerShell reads the cmdlets' parameter types, and so needs the core, before any initializer
    /// in the cmdlets' own assembly could run.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private const string CoreName = "Postmortem.Core";
        private static readonly string[] Isolated = { "Markdig", "YamlDotNet" };
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

        private static readonly object Gate = new object();
        private static object? _context;
        private static MethodInfo? _loadFromPath;
        private static string? _readyToRunFolder;
        private static bool _registered;

        public void OnImport()
        {
            lock (Gate)
            {
                if (_registered) return;
                _registered = true;
                CreateContext();
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                if (_context is not null) RegisterTypeNames();
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // The load context and what it loaded stay for the process: .NET cannot unload them while types are in use.
            lock (Gate)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                _registered = false;
            }
        }

        /// <summary>
        /// PowerShell finds a type named in a script ([Postmortems.Milestone], the format views' calls) only in the
        /// default load context. Each public type of the core is registered under its full name as a type accelerator,
        /// so scripts name the module's types as usual.
        /// </summary>
        private static void RegisterTypeNames()
        {
            var accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");
            var add = accelerators?.GetMethod("Add", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(Type) }, null);
            var core = LoadIntoContext(CoreName);
            if (add is null || core is null) return;
            foreach (var type in core.GetExportedTypes())
            {
                if (type.FullName is string name && !type.IsNested) add.Invoke(null, new object[] { name, type });
            }
        }

        private static void CreateContext()
        {
            if (_context is not null) return;
            var type = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader")
                       ?? Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Private.CoreLib");
            var constructor = type?.GetConstructor(new[] { typeof(string), typeof(bool) });
            if (type is null || constructor is null) return;   // .NET Framework: Windows PowerShell 5.1
            _context = constructor.Invoke(new object[] { "Postmortem", false });
            _loadFromPath = type.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
            // Only here, with a load context: Windows PowerShell never reaches (or compiles) the lookup.
            _readyToRunFolder = FindReadyToRunFolder();

            // What the core asks for and the context has not loaded is looked for in Dependencies/ (after the default context).
            // The handler is a Func<AssemblyLoadContext, AssemblyName, Assembly?>; a method taking object for the context
            // binds to it directly (no expression to compile at import).
            var resolving = type.GetEvent("Resolving");
            if (resolving?.EventHandlerType is Type handlerType)
            {
                var method = typeof(ModuleInitializer).GetMethod(nameof(ResolveInContext), BindingFlags.NonPublic | BindingFlags.Static)!;
                resolving.AddEventHandler(_context, Delegate.CreateDelegate(handlerType, method));
            }
            foreach (var name in Isolated) LoadIntoContext(name);
        }

        private static Assembly? LoadIntoContext(string name)
        {
            var path = Path.Combine(DependencyFolder, name + ".dll");
            if (!File.Exists(path)) return null;
            if (_context is null || _loadFromPath is null) return Assembly.LoadFrom(path);
            if (_readyToRunFolder is not null)
            {
                var compiled = Path.Combine(_readyToRunFolder, name + ".dll");
                if (File.Exists(compiled))
                {
                    try
                    {
                        return (Assembly?)_loadFromPath.Invoke(_context, new object[] { compiled });
                    }
                    catch (TargetInvocationException e) when (e.InnerException is BadImageFormatException)
                    {
                        // An image this runtime cannot read: the portable copy does the same.
                    }
                }
            }
            return (Assembly?)_loadFromPath.Invoke(_context, new object[] { path });
        }

        // Dependencies/ReadyToRun/net<major>.0-<platform>/ for the .NET and platform this process runs on, if the build made it.
        private static string? FindReadyToRunFolder()
        {
            // RuntimeInformation.RuntimeIdentifier exists from .NET 5 on; the target is netstandard2.0, so it is read by reflection.
            var platform = typeof(System.Runtime.InteropServices.RuntimeInformation).GetProperty("RuntimeIdentifier")?.GetValue(null) as string;
            if (string.IsNullOrEmpty(platform)) return null;
            var folder = Path.Combine(DependencyFolder, "ReadyToRun", "net" + Environment.Version.Major + ".0-" + platform);
            return Directory.Exists(folder) ? folder : null;
        }

        // The default context could not find an assembly: the core (for the cmdlets), or, on .NET Framework, a library.
        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name is null) return null;
            if (name == CoreName || _context is null) return LoadIntoContext(name);
            return null;
        }

        private static Assembly? ResolveInContext(object context, AssemblyName name) => name.Name is null ? null : LoadIntoContext(name.Name);
    }
}
