using System;
using System.Linq;
using System.Text;

namespace Postmortems.Rendering
{
    /// <summary>
    /// Escapes user text so that it reads as typed and can never change the document's structure:
    /// every character Markdown gives a meaning is backslash-escaped (a CommonMark escape, so a reader gets the
    /// text back exactly), and what matters only at the start of a line (#, -, +, =, 1.) is escaped there.
    /// </summary>
    internal static class MarkdownText
    {
        /// <summary>How a line break inside a table cell is written; the HTML renderer turns exactly this back into a break.</summary>
        public const string CellLineBreak = "<br>";

        /// <summary>Text on one line: a heading, a header field. Line breaks become spaces.</summary>
        public static string Inline(string text) => EscapeLine(text.Replace('\n', ' '), atLineStart: true, inHeading: true);

        /// <summary>
        /// A name in a list of names on one line: as <see cref="Inline"/>, with the separators the reader splits at
        /// (<paramref name="separators"/>: ";" or ";,") escaped in the text, not in the references written for it.
        /// </summary>
        public static string Name(string text, string separators) => EscapeLine(text.Replace('\n', ' '), atLineStart: true, inHeading: true, separators);

        /// <summary>
        /// Text in a pipe-table cell: line breaks become &lt;br&gt;, pipes are escaped; with <paramref name="links"/> false,
        /// a web address stays text (the Tracking cell, whose reader takes its first link for the ticket).
        /// </summary>
        public static string Cell(string text, bool links = true)
        {
            var lines = text.Split('\n');
            var builder = new StringBuilder(text.Length + 8);
            for (int i = 0; i < lines.Length; i++)
            {
                if (i > 0) builder.Append(CellLineBreak);
                builder.Append(EscapeLine(lines[i], atLineStart: true, links: links));
            }
            return builder.ToString();
        }

        /// <summary>
        /// An event's source as the tag after its text, &lt;sub&gt;source&lt;/sub&gt;: raw inline HTML, so every character
        /// that means something in HTML or Markdown (or ends a table cell) is written as a character reference.
        /// </summary>
        public static string SourceTag(string source)
        {
            var builder = new StringBuilder(source.Length + 16).Append(SourceTagExtension.Open);
            foreach (var c in source)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '"': builder.Append("&quot;"); break;
                    case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
                        builder.Append("&#").Append((int)c).Append(';');
                        break;
                    case var control when IsControl(control):
                        Reference(builder, control);
                        break;
                    default: builder.Append(c); break;
                }
            }
            return builder.Append(SourceTagExtension.Close).ToString();
        }

        /// <summary>
        /// An address as a link destination, [text](here): parentheses are escaped so the address reads back exactly.
        /// For addresses <see cref="TrackingLinks.IsLinkable"/> allows.
        /// </summary>
        public static string LinkDestination(string url)
        {
            var builder = new StringBuilder(url.Length + 4);
            for (int i = 0; i < url.Length; i++)
            {
                char c = url[i];
                if (c == '(' || c == ')') builder.Append('\\');
                builder.Append(c);
            }
            return builder.ToString();
        }

        /// <summary>
        /// Text that may span lines, as the body of a paragraph or list item. Each line break is kept as a hard
        /// break and a blank line as a paragraph break; continuation lines get <paramref name="indent"/> so they stay
        /// inside a list item.
        /// </summary>
        public static string Block(string text, string indent = "")
        {
            var lines = text.Split('\n');
            var builder = new StringBuilder(text.Length + 16);
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (i > 0)
                {
                    bool previousBlank = lines[i - 1].Length == 0;
                    // A hard break is a backslash before the newline; none is needed around a blank line (a paragraph break).
                    if (!previousBlank && line.Length != 0) builder.Append('\\');
                    builder.Append('\n');
                    if (line.Length != 0) builder.Append(indent);
                }
                builder.Append(EscapeLine(line, atLineStart: true));
            }
            return builder.ToString();
        }

        private static string EscapeLine(string line, bool atLineStart, bool inHeading = false, string separators = "", bool links = true)
        {
            var builder = new StringBuilder(line.Length + 8);
            int start = 0;
            // White space at the end of a line (or a table cell) is trimmed by Markdown, and Markdig trims Unicode
            // spaces too (no-break, em, ideographic, ...): the run at the end is written as references, which stay.
            int end = line.Length;
            while (end > 0 && IsTrimmed(line[end - 1])) end--;
            if (atLineStart)
            {
                // Leading white space would be swallowed (or turn the line into a code block): keep it as entities.
                while (start < end && IsTrimmed(line[start]))
                {
                    Reference(builder, line[start]);
                    start++;
                }
                if (start < end && (line[start] == '-' || line[start] == '+' || line[start] == '=' || line[start] == '#'))
                {
                    builder.Append('\\').Append(line[start]);
                    start++;
                }
                else
                {
                    // "1." or "1)" would start an ordered list.
                    int digits = start;
                    while (digits < end && digits - start < 10 && char.IsDigit(line[digits]) && line[digits] < 128) digits++;
                    if (digits > start && digits < end && (line[digits] == '.' || line[digits] == ')'))
                    {
                        builder.Append(line, start, digits - start).Append('\\').Append(line[digits]);
                        start = digits + 1;
                    }
                }
            }
            for (int i = start; i < end; i++)
            {
                char c = line[i];
                if (IsControl(c))
                {
                    Reference(builder, c);
                    continue;
                }
                // A bare web address becomes an autolink, <https://...>: BookStack (v24.02.3, seen) links only those, and
                // the reader gives the address back as the text it was. Not in a list of names, whose separators the
                // reader splits at.
                if ((c == 'h' || c == 'H') && links && separators.Length == 0 && BareUrlLength(line, i, end) is int length && length > 0)
                {
                    builder.Append('<').Append(line, i, length).Append('>');
                    i += length - 1;
                    continue;
                }
                // A run of # at the end of a heading would be taken for its closing sequence.
                if (NeedsEscape(c) || (c == '#' && inHeading) || (c == '&' && StartsEntity(line, i)) || separators.IndexOf(c) >= 0) builder.Append('\\');
                builder.Append(c);
            }
            for (int i = Math.Max(start, end); i < line.Length; i++) Reference(builder, line[i]);
            return builder.ToString();
        }

        /// <summary>
        /// The length of the web address (http:// or https://, then a host) that starts at <paramref name="at"/>, after no
        /// letter or digit; 0 when none does. It runs to white space or a character an autolink or a table cell cannot
        /// hold (&lt; &gt; | " `), without the punctuation that ends a sentence after it (. , : ; ! ? ' *) or a ) it did
        /// not open.
        /// </summary>
        internal static int BareUrlLength(string line, int at, int end)
        {
            if (at > 0 && (char.IsLetterOrDigit(line[at - 1]) || line[at - 1] == '<' || line[at - 1] == '\\')) return 0;
            int scheme = string.Compare(line, at, "https://", 0, 8, StringComparison.OrdinalIgnoreCase) == 0 ? 8
                : string.Compare(line, at, "http://", 0, 7, StringComparison.OrdinalIgnoreCase) == 0 ? 7 : 0;
            if (scheme == 0 || at + scheme >= end || !char.IsLetterOrDigit(line[at + scheme])) return 0;
            int stop = at + scheme;
            while (stop < end)
            {
                char c = line[stop];
                if (char.IsWhiteSpace(c) || IsControl(c) || c == '<' || c == '>' || c == '|' || c == '"' || c == '`' || c == '\\' || char.IsSurrogate(c) || c == '\uFEFF' || c == '\u200B') break;
                stop++;
            }
            while (stop > at + scheme)
            {
                char last = line[stop - 1];
                if (".,:;!?'*_~".IndexOf(last) >= 0) stop--;
                else if (last == ')' && line.Substring(at, stop - at).Count(ch => ch == '(') < line.Substring(at, stop - at).Count(ch => ch == ')')) stop--;
                else break;
            }
            return stop - at > scheme ? stop - at : 0;
        }

        /// <summary>
        /// A control character (but tab) as a reference: raw, a NUL makes the file binary (and Markdown reads it as
        /// U+FFFD), and others are white space Markdown trims or are taken for binary content when there are many.
        /// &amp;#0; is read back as a NUL by the module's reader (Markdown itself shows U+FFFD).
        /// </summary>
        public static bool IsControl(char c) => (c < ' ' && c != '\t') || c == '\u007F';

        // What Markdown or Markdig drops at either end of a line or a cell: white space of every kind, the byte order
        // mark and the zero-width space among it, and control characters.
        private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u200B' || IsControl(c);

        /// <summary>
        /// Whether a character reference is one to U+0000 (&amp;#0;, &amp;#x0;): Markdown reads it as U+FFFD, the
        /// module's reader as the NUL the writer wrote it for.
        /// </summary>
        public static bool IsNulReference(string reference)
        {
            if (!reference.StartsWith("&#", StringComparison.Ordinal) || !reference.EndsWith(";", StringComparison.Ordinal)) return false;
            int i = 2;
            if (i < reference.Length && (reference[i] == 'x' || reference[i] == 'X')) i++;
            if (i >= reference.Length - 1) return false;
            for (; i < reference.Length - 1; i++)
            {
                if (reference[i] != '0') return false;
            }
            return true;
        }

        private static void Reference(StringBuilder builder, char c) => builder.Append("&#").Append((int)c).Append(';');

        // &name; &#35; &#x23; would be read as a character reference; a lone & (AT&T) would not.
        private static bool StartsEntity(string line, int ampersand)
        {
            int i = ampersand + 1;
            if (i < line.Length && line[i] == '#') i++;
            int first = i;
            while (i < line.Length && i - first < 32 && char.IsLetterOrDigit(line[i]) && line[i] < 128) i++;
            return i > first && i < line.Length && line[i] == ';';
        }

        private static bool NeedsEscape(char c)
        {
            switch (c)
            {
                case '\\':
                case '`':
                case '*':
                case '_':
                case '[':
                case ']':
                case '<':
                case '>':
                case '|':
                case '~':
                    return true;
                default:
                    return false;
            }
        }
    }
}
