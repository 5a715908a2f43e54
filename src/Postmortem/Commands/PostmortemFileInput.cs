using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Postmortems.Serialization;

namespace Postmortems.Commands
{
    /// <summary>
    /// Reads postmortem files for every cmdlet that takes -Path/-LiteralPath: resolves PowerShell paths (wildcards
    /// for -Path), reads each file, and reports a bad one with WriteError so the others are still read.
    /// </summary>
    internal static class PostmortemFileInput
    {
        public static IEnumerable<Postmortem> Read(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal)
        {
            foreach (var path in paths)
            {
                foreach (var file in Resolve(cmdlet, path, literal))
                {
                    var postmortem = ReadOne(cmdlet, file);
                    if (postmortem is not null) yield return postmortem;
                }
            }
        }

        private static IEnumerable<string> Resolve(PSCmdlet cmdlet, string path, bool literal)
        {
            var resolved = new List<string>();
            try
            {
                if (literal)
                {
                    var file = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                    if (!File.Exists(file) && !Directory.Exists(file)) throw new ItemNotFoundException($"The file '{file}' does not exist.");
                    resolved.Add(file);
                }
                else
                {
                    resolved.AddRange(cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _));
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException)
            {
                cmdlet.WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No postmortem file was found at '{path}'. {ex.Message}", ex),
                    ErrorIds.PostmortemFileNotFound, ErrorCategory.ObjectNotFound, path));
            }
            foreach (var file in resolved)
            {
                if (Directory.Exists(file))
                {
                    cmdlet.WriteError(new ErrorRecord(
                        new IOException($"'{file}' is a folder. Give the files, for example -Path '{Path.Combine(file, "*.yaml")}', or pipe Get-ChildItem -Recurse -Include *.yaml,*.md."),
                        ErrorIds.PostmortemFileNotFound, ErrorCategory.InvalidArgument, file));
                    continue;
                }
                yield return file;
            }
        }

        private static Postmortem? ReadOne(PSCmdlet cmdlet, string file)
        {
            try
            {
                var result = PostmortemFile.Read(file);
                foreach (var warning in result.Warnings) cmdlet.WriteWarning(warning);
                return result.Postmortem;
            }
            catch (PostmortemFormatException ex)
            {
                cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.InvalidPostmortemFile, ErrorCategory.InvalidData, file));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                cmdlet.WriteError(new ErrorRecord(
                    new IOException($"Could not read '{file}': {ex.Message}", ex),
                    ex is FileNotFoundException ? ErrorIds.PostmortemFileNotFound : ErrorIds.InvalidPostmortemFile,
                    ex is FileNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError, file));
            }
            return null;
        }
    }
}
