using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Postmortems.Serialization
{
    /// <summary>Reads a postmortem file in the format its extension names, refusing what cannot be a postmortem before parsing it.</summary>
    public static class PostmortemFile
    {
        /// <summary>Far above any real postmortem (a few hundred KB with a long timeline); a larger file is a mistake.</summary>
        public const long MaxBytes = 32L * 1024 * 1024;

        public static bool IsSupported(string path) => FormatOf(path) is not null;

        public static string SupportedExtensions => ".yaml, .yml, .md, .markdown";

        public static ReadResult Read(string path)
        {
            var format = FormatOf(path) ?? throw new PostmortemFormatException(path, null,
                $"Import-Postmortem reads {SupportedExtensions} files; this one's extension does not say which it is.");
            var info = new FileInfo(path);
            if (!info.Exists) throw new FileNotFoundException($"The file '{path}' does not exist.", path);
            if (info.Length == 0) throw new PostmortemFormatException(path, null, "the file is empty.");
            if (info.Length > MaxBytes)
            {
                throw new PostmortemFormatException(path, null, $"the file is {info.Length / (1024 * 1024)} MB; a postmortem is far smaller (the limit is {MaxBytes / (1024 * 1024)} MB). Check this is the file you meant.");
            }
            var bytes = File.ReadAllBytes(path);
            var result = Read(bytes, path, format);
            result.Postmortem.SourcePath = path;
            result.Postmortem.SourceDigest = DigestOf(bytes);
            var stale = PostmortemReview.ApprovedOtherContent(result.Postmortem);
            if (stale.Count == 0) return result;
            var warnings = result.Warnings.ToList();
            warnings.Add($"{path}: '{result.Postmortem.Title}' is final, but its content is not what {string.Join(", ", stale.Select(s => s.Reviewer))} approved: it was changed since, around the lock. Undo the change, or Unlock-Postmortem -Reason '...' and have it approved again.");
            return new ReadResult(result.Postmortem, warnings);
        }

        // The file's bytes as Import-Postmortem reads them: refused when empty, too large, binary or not UTF-8.
        private static ReadResult Read(byte[] bytes, string path, string format)
        {
            if (bytes.Length == 0) throw new PostmortemFormatException(path, null, "the file is empty.");
            if (bytes.Length > MaxBytes)
            {
                throw new PostmortemFormatException(path, null, $"the file is {bytes.Length / (1024 * 1024)} MB; a postmortem is far smaller (the limit is {MaxBytes / (1024 * 1024)} MB). Check this is the file you meant.");
            }
            var text = Decode(bytes, path);
            return format == "yaml" ? PostmortemYaml.Read(text, path) : PostmortemMarkdownReader.Read(text, path);
        }

        /// <summary>
        /// Refuses a postmortem holding text no file can hold: half of a surrogate pair (an emoji cut in two), which
        /// UTF-8 cannot encode. The exception names the field. Checked before any format is rendered.
        /// </summary>
        public static void CheckText(Postmortem postmortem)
        {
            foreach (var (field, text) in ReadBack.Texts(postmortem))
            {
                if (text is null) continue;
                int at = ReadBack.LoneSurrogate(text);
                if (at < 0) continue;
                var around = ReadBack.Around(text, at);
                throw new PostmortemTextException(field,
                    $"{field} of '{postmortem.Title}' holds half of a character: U+{(int)text[at]:X4} without its other half{(around.Length > 0 ? $", after '{around}'" : "")} (an emoji or other character cut in two, as a truncated log line or message leaves it). No file can hold that, so nothing was written. Fix the text ({ReadBack.HowToFix(field)}) and write again.");
            }
        }

        /// <summary>
        /// The postmortem as its file's format writes it, checked to read back: text no file can hold is refused
        /// (<see cref="PostmortemTextException"/>), and so is text Import-Postmortem would refuse or read back as
        /// something else (<see cref="PostmortemNotReloadableException"/>), so what is written is always what comes back.
        /// </summary>
        public static string RenderChecked(Postmortem postmortem, string path)
        {
            var format = FormatOf(path) ?? throw new InvalidOperationException($"'{path}' is not a .yaml or .md file.");
            CheckText(postmortem);
            var content = Render(postmortem, path);
            CheckReadsBack(postmortem, content, path, format);
            return content;
        }

        private static void CheckReadsBack(Postmortem postmortem, string content, string path, string format)
        {
            ReadResult back;
            try
            {
                back = Read(IO.AtomicFile.Utf8NoBom.GetBytes(content), path, format);
            }
            catch (PostmortemFormatException ex)
            {
                // Most likely a control character a log line brought in (a NUL makes a file binary): name where it is.
                var culprits = ReadBack.Texts(postmortem)
                    .Where(f => f.Text is not null && ReadBack.ControlCharacter(f.Text) >= 0)
                    .Select(f => (f.Name, f.Text!, At: ReadBack.ControlCharacter(f.Text!)))
                    .ToList();
                var fields = culprits.Select(c => c.Name).ToList();
                var where = culprits.Count == 0
                    ? string.Empty
                    : " " + string.Join("; ", culprits.Take(3).Select(c => $"{c.Name} holds the control character {ReadBack.Describe(c.Item2[c.At])}{(ReadBack.Around(c.Item2, c.At) is { Length: > 0 } around ? $" after '{around}'" : "")}")) +
                      (culprits.Count > 3 ? $"; and {culprits.Count - 3} more" : "") +
                      $". Such characters come from raw log records; take them out ({ReadBack.HowToFix(culprits[0].Name)}) and write again" +
                      (format == "markdown" ? ", or write a .yaml draft, which keeps them escaped." : ".");
                throw new PostmortemNotReloadableException(path, fields,
                    $"'{postmortem.Title}' was not written to '{path}': Import-Postmortem would refuse the file, saying \"{ex.Problem}\"{where}", ex);
            }
            var differences = ReadBack.Differences(postmortem, back.Postmortem);
            if (differences.Count == 0) return;
            var listed = string.Join(", ", differences.Take(5)) + (differences.Count > 5 ? $" and {differences.Count - 5} more" : "");
            throw new PostmortemNotReloadableException(path, differences,
                $"'{postmortem.Title}' was not written to '{path}': Import-Postmortem would not read it back as it is. {listed} would come back changed. Fix the text ({ReadBack.HowToFix(differences[0])}) and write again.", null);
        }

        /// <summary>The postmortem as its file's format writes it: a YAML draft, or Markdown with its front matter.</summary>
        public static string Render(Postmortem postmortem, string path) =>
            FormatOf(path) == "yaml" ? PostmortemYaml.Write(postmortem) : Rendering.PostmortemMarkdown.Render(postmortem, frontMatter: true);

        /// <summary>
        /// Writes the postmortem back to the file it was read from, in that file's format, whole or not at all, checked
        /// to read back (<see cref="RenderChecked"/>). Unless <paramref name="force"/>, refuses
        /// (<see cref="PostmortemFileChangedException"/>) when that file changed on disk since it was read, or was moved
        /// or deleted, so a teammate's edit is never written over; a path set by hand is written only where no file is.
        /// </summary>
        public static void Save(Postmortem postmortem, bool force = false)
        {
            var path = postmortem.SourcePath ?? throw new InvalidOperationException($"The postmortem '{postmortem.Title}' was not read from a file, so there is nothing to save it back to. Write it with Export-Postmortem.");
            if (FormatOf(path) is null) throw new InvalidOperationException($"'{path}' is not a .yaml or .md file; write the postmortem with Export-Postmortem.");
            if (!force) CheckUnchanged(postmortem);
            var content = RenderChecked(postmortem, path);
            // A path set by hand (no digest) is created, never written over: a file that appeared meanwhile stays.
            bool created = !force && postmortem.SourceDigest is null;
            try
            {
                IO.AtomicFile.WriteAllText(path, content, overwrite: !created);
            }
            catch (IO.FileAlreadyExistsException)
            {
                throw new PostmortemFileChangedException(path, NotReadMessage(postmortem, path));
            }
            postmortem.SourceDigest = DigestOf(IO.AtomicFile.Utf8NoBom.GetBytes(content));
        }

        /// <summary>
        /// Throws <see cref="PostmortemFileChangedException"/> when the postmortem's file changed on disk since it was
        /// read from it, or is gone; or, for a path set by hand, when a file is there that it was not read from.
        /// </summary>
        public static void CheckUnchanged(Postmortem postmortem)
        {
            var path = postmortem.SourcePath ?? throw new InvalidOperationException($"The postmortem '{postmortem.Title}' was not read from a file.");
            bool exists = File.Exists(path);
            if (postmortem.SourceDigest is not string digest)
            {
                if (exists) throw new PostmortemFileChangedException(path, NotReadMessage(postmortem, path));
                return;
            }
            if (!exists)
            {
                throw new PostmortemFileChangedException(path, $"'{path}' no longer exists: it was moved or deleted since '{postmortem.Title}' was read from it, so it was not written again. Write it there anyway with -Force, or where it is now with Export-Postmortem.");
            }
            if (DigestOf(File.ReadAllBytes(path)) != digest)
            {
                throw new PostmortemFileChangedException(path, $"'{path}' changed on disk since the postmortem was read from it, so it was not written over. Import it again to see the change, or write this version over it with -Force (Export-Postmortem -Force, Save-Postmortem -Force).");
            }
        }

        /// <summary>
        /// What is at a path Export-Postmortem is to write, which decides whether it may replace it: nothing; the
        /// postmortem's own file (its SourcePath), which is written as a save is; a page or chart (.html, .svg), a view
        /// made from a postmortem and read by nothing; or another file, which may be a teammate's postmortem.
        /// </summary>
        public static ExportTarget TargetOf(Postmortem postmortem, string fullPath)
        {
            if (!File.Exists(fullPath)) return ExportTarget.NewFile;
            if (IsOwnFile(postmortem, fullPath)) return ExportTarget.OwnFile;
            return FormatOf(fullPath) is null ? ExportTarget.View : ExportTarget.OtherFile;
        }

        /// <summary>Whether the path is the file the postmortem was read from, or last written to as its own.</summary>
        public static bool IsOwnFile(Postmortem postmortem, string fullPath) =>
            postmortem.SourcePath is string source &&
            string.Equals(Path.GetFullPath(source), Path.GetFullPath(fullPath), PathComparison);

        /// <summary>
        /// Records that the postmortem was written to a .yaml or .md file: one not tied to a file yet takes it as its
        /// own (so Save-Postmortem writes back there, and refuses when someone changed it since), and its own file
        /// keeps the digest of what was written. A page, a chart or another copy changes nothing.
        /// </summary>
        public static void Written(Postmortem postmortem, string fullPath, string content)
        {
            if (FormatOf(fullPath) is null) return;
            if (postmortem.SourcePath is null) postmortem.SourcePath = fullPath;
            if (IsOwnFile(postmortem, fullPath)) postmortem.SourceDigest = DigestOf(IO.AtomicFile.Utf8NoBom.GetBytes(content));
        }

        private static readonly StringComparison PathComparison =
            System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        private static string NotReadMessage(Postmortem postmortem, string path) =>
            $"'{postmortem.Title}' was not read from '{path}', and a file is there, so it was not written over. Write it over that file with -Force, or to another path with Export-Postmortem.";

        private static string DigestOf(byte[] bytes)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(bytes));
        }

        private static string? FormatOf(string path)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".yaml":
                case ".yml":
                    return "yaml";
                case ".md":
                case ".markdown":
                    return "markdown";
                default:
                    return null;
            }
        }

        // UTF-8, or UTF-16 with or without its byte order mark (what Windows PowerShell 5.1's Out-File and Set-Content
        // -Encoding Unicode write); anything that is not text is refused before a parser sees it.
        private static string Decode(byte[] bytes, string path)
        {
            var sniff = IO.TextSniffer.Sniff(bytes, bytes.Length);
            if (sniff.Kind == IO.TextKind.NotText) throw new PostmortemFormatException(path, null, $"this is a binary file, not a postmortem ({sniff.Why}).");
            try
            {
                return IO.TextSniffer.Decode(bytes, sniff);
            }
            catch (DecoderFallbackException)
            {
                throw new PostmortemFormatException(path, null, sniff.IsUtf16
                    ? $"the file looks like {sniff.Name} text but is not whole (a character is cut off or broken). Save it as UTF-8 and import it again."
                    : "the file is not UTF-8 text. Save it as UTF-8 and import it again.");
            }
        }
    }

    /// <summary>What is at the path Export-Postmortem writes: see <see cref="PostmortemFile.TargetOf"/>.</summary>
    public enum ExportTarget
    {
        NewFile,
        OwnFile,
        View,
        OtherFile,
    }
}
