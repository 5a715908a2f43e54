using System;
using System.IO;
using System.Text;

namespace Postmortems.IO
{
    /// <summary>
    /// Writes a file so that it is either the old content or the whole new content, never half of it: the text goes
    /// to a temporary file in the same folder and replaces the target only once it is complete and flushed.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>UTF-8 without a byte order mark.</summary>
        public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static void WriteAllText(string path, string content, bool overwrite)
        {
            var fullPath = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(fullPath) ?? throw new IOException($"'{path}' has no folder.");
            if (!overwrite && File.Exists(fullPath)) throw new IOException($"The file '{fullPath}' already exists.");

            var temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream, Utf8NoBom))
                {
                    writer.Write(content);
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }
                if (File.Exists(fullPath))
                {
                    File.Replace(temporary, fullPath, destinationBackupFileName: null, ignoreMetadataErrors: true);
                }
                else
                {
                    File.Move(temporary, fullPath);
                }
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }
    }
}
