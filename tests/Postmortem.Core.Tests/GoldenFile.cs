using System;
using System.IO;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Compares rendered output with a reviewed file under Golden/. Set POSTMORTEM_UPDATE_GOLDEN=1 to rewrite the
    /// files in the source tree after an intended change, then review the diff like code.
    /// </summary>
    internal static class GoldenFile
    {
        public static void AssertMatches(string name, string actual)
        {
            var sourceFolder = Path.Combine(FindProjectFolder(), "Golden");
            var path = Path.Combine(sourceFolder, name);
            if (Environment.GetEnvironmentVariable("POSTMORTEM_UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(path, actual);
            }
            Assert.True(File.Exists(path), $"Golden file {name} is missing; run the tests once with POSTMORTEM_UPDATE_GOLDEN=1 and review it.");
            var expected = File.ReadAllText(path).Replace("\r\n", "\n");
            Assert.Equal(expected, actual);
        }

        private static string FindProjectFolder()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Postmortem.Core.Tests.csproj")))
            {
                folder = folder.Parent;
            }
            return folder?.FullName ?? throw new InvalidOperationException("Cannot find the test project's folder above " + AppContext.BaseDirectory);
        }
    }
}
