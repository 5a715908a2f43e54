using System;
using System.IO;
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
            var folder = Path.GetDirectoryName(fullPath) ?? throw new IOException($"'{path}' has no folder.");
            if (!overwrite && Exists(fullPath)) throw new FileAlreadyExistsException(fullPath);
            // Encoded first, so text that cannot be encoded (half of a surrogate pair) fails before any file is made.
            var bytes = Utf8NoBom.GetBytes(content);

            var temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (overwrite) Replace(temporary, fullPath);
                else Create(temporary, fullPath);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
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
