using System;
using System.IO;
using System.Reflection;
using System.Text;

namespace Postmortems.IO
{
    /// <summary>The file a write without overwrite was to create exists already (or appeared while the content was written).</summary>
    public sealed class FileAlreadyExistsException : IOException
    {
        public FileAlreadyExistsException(string path)
            : base($"The file '{path}' already exists.")
        {
            Path = path;
        }

        public string Path { get; }
    }

    /// <summary>
    /// Writes a file so that it is either the old content or the whole new content, never half of it: the text goes
    /// to a temporary file in the same folder and takes the target's name only once it is complete and flushed.
    /// Without overwrite, the check for absence and taking the name are one step (a create-new of the target), so of
    /// several writers racing to one new path exactly one succeeds and the others get FileAlreadyExistsException.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>UTF-8 without a byte order mark.</summary>
        public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static void WriteAllText(string path, string content, bool overwrite)
        {
            var fullPath = Path.GetFullPath(path);
            if (!overwrite && Exists(fullPath)) throw new FileAlreadyExistsException(fullPath);
            // Replacing writes through a symbolic link: the file it points to gets the content, the link stays a link.
            var target = overwrite ? FinalTarget(fullPath) : fullPath;
            var folder = Path.GetDirectoryName(target) ?? throw new IOException($"'{path}' has no folder.");
            // Encoded first, so text that cannot be encoded (half of a surrogate pair) fails before any file is made.
            var bytes = Utf8NoBom.GetBytes(content);

            var name = Path.GetFileName(target);
            RemoveStaleTemporaries(folder, name);
            var temporary = Path.Combine(folder, TemporaryName(name));
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // The replaced file's permissions (a 0600 draft stays 0600), set before any content is in it.
                    if (overwrite) CopyUnixMode(target, temporary);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (overwrite) Replace(temporary, target);
                else Create(temporary, target);
            }
            finally
            {
                // Never left behind, and a failure to remove it never hides the error that brought us here.
                TryDelete(temporary);
            }
        }

        /// <summary>How long a temporary file of ours must have been left before a write to the same target removes it.</summary>
        public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

        /// <summary>
        /// The temporary file for a target: hidden, beside it, named for it and for the module, so one left by a killed
        /// write is recognisable: ".report.md.postmortem-1a2b3c4d.tmp".
        /// </summary>
        internal static string TemporaryName(string targetName) =>
            "." + targetName + ".postmortem-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";

        internal static bool IsTemporaryOf(string fileName, string targetName)
        {
            var prefix = "." + targetName + ".postmortem-";
            if (!fileName.StartsWith(prefix, StringComparison.Ordinal) || fileName.Length != prefix.Length + 8 + ".tmp".Length) return false;
            if (!fileName.EndsWith(".tmp", StringComparison.Ordinal)) return false;
            for (int i = prefix.Length; i < prefix.Length + 8; i++)
            {
                char c = fileName[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            }
            return true;
        }

        // What a killed write to the same target left more than an hour ago (a write in progress is seconds old).
        // Only our own pattern for this very name; anything that fails to go is left for the next time.
        private static void RemoveStaleTemporaries(string folder, string targetName)
        {
            try
            {
                var cutoff = DateTime.UtcNow - StaleAfter;
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles(".*.tmp"))
                {
                    if (IsTemporaryOf(file.Name, targetName) && file.LastWriteTimeUtc < cutoff) TryDelete(file.FullName);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        // Claiming the name with create-new (O_EXCL), which fails when the name exists whoever took it and whenever, is
        // the commit point; the whole content then takes the name in one rename over that empty claim. (A move without
        // overwrite is no such step: on Unix .NET checks for the target and then renames.)
        private static void Create(string temporary, string target)
        {
            try
            {
                using (new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { }
            }
            catch (IOException) when (Exists(target))
            {
                throw new FileAlreadyExistsException(target);
            }
            try
            {
                File.Replace(temporary, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            catch
            {
                // Our claim, still empty, goes again; a file another writer put there meanwhile stays.
                try
                {
                    var claim = new FileInfo(target);
                    if (claim.Exists && claim.Length == 0) claim.Delete();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                }
                throw;
            }
        }

        private static void Replace(string temporary, string target)
        {
            if (File.Exists(target))
            {
                File.Replace(temporary, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
                return;
            }
            try
            {
                File.Move(temporary, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another writer created it meanwhile; overwriting was asked for.
                File.Replace(temporary, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
        }

        // .NET 6 and later resolve links and .NET 7 and later read and set Unix permissions; the core targets
        // netstandard2.0 (Windows PowerShell 5.1 too), so both are reached by reflection. Without them (Windows
        // PowerShell on Windows, where File.Replace keeps the replaced file's attributes and ACL) the path is written
        // as given.
        private static readonly MethodInfo? ResolveLinkTarget =
            typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });

        private static readonly MethodInfo? GetUnixFileMode =
            typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        private static readonly MethodInfo? SetUnixFileMode =
            GetUnixFileMode is null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), GetUnixFileMode.ReturnType });

        /// <summary>The file a symbolic link (or a chain of them) at the path points to; the path itself when it is no link.</summary>
        internal static string FinalTarget(string fullPath)
        {
            // Nothing there (not even a link whose target is gone): nothing to resolve.
            if (ResolveLinkTarget is null || !Exists(fullPath)) return fullPath;
            object? resolved;
            try
            {
                resolved = ResolveLinkTarget.Invoke(new FileInfo(fullPath), new object[] { true });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
            return resolved is FileSystemInfo info ? info.FullName : fullPath;
        }

        private static void CopyUnixMode(string from, string to)
        {
            if (GetUnixFileMode is null || SetUnixFileMode is null || Path.DirectorySeparatorChar == '\\' || !File.Exists(from)) return;
            try
            {
                var mode = GetUnixFileMode.Invoke(null, new object[] { from });
                SetUnixFileMode.Invoke(null, new[] { to, mode! });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
            {
                // The file was replaced or removed meanwhile: the new one keeps the default permissions.
            }
        }

        // A file, a folder, or a link (even one whose target is gone) all hold the name.
        private static bool Exists(string path)
        {
            if (File.Exists(path) || Directory.Exists(path)) return true;
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
