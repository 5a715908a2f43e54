using System;
using System.IO;
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
            var text = Decode(bytes, path);
            var result = format == "yaml" ? PostmortemYaml.Read(text, path) : PostmortemMarkdownReader.Read(text, path);
            result.Postmortem.SourcePath = path;
            result.Postmortem.SourceDigest = DigestOf(bytes);
            return result;
        }

        /// <summary>The postmortem as its file's format writes it: a YAML draft, or Markdown with its front matter.</summary>
        public static string Render(Postmortem postmortem, string path) =>
            FormatOf(path) == "yaml" ? PostmortemYaml.Write(postmortem) : Rendering.PostmortemMarkdown.Render(postmortem, frontMatter: true);

        /// <summary>
        /// Writes the postmortem back to the file it was read from, in that file's format, whole or not at all. Refuses
        /// (an IOException that says so) when the file changed on disk since it was read, so a teammate's edit is never
        /// written over.
        /// </summary>
        public static void Save(Postmortem postmortem)
        {
            var path = postmortem.SourcePath ?? throw new InvalidOperationException($"The postmortem '{postmortem.Title}' was not read from a file, so there is nothing to save it back to. Write it with Export-Postmortem.");
            if (FormatOf(path) is null) throw new InvalidOperationException($"'{path}' is not a .yaml or .md file; write the postmortem with Export-Postmortem.");
            if (postmortem.SourceDigest is string digest && File.Exists(path) && DigestOf(File.ReadAllBytes(path)) != digest)
            {
                throw new IOException($"'{path}' changed on disk since the postmortem was read from it, so it was not written over. Import it again to see the change, or write this version with Export-Postmortem -Force.");
            }
            var content = Render(postmortem, path);
            IO.AtomicFile.WriteAllText(path, content, overwrite: true);
            postmortem.SourceDigest = DigestOf(IO.AtomicFile.Utf8NoBom.GetBytes(content));
        }

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
}
