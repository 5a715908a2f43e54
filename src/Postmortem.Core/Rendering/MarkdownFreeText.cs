using System;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Postmortems.Rendering
{
    /// <summary>Where a free text stands in the page, which decides how the reader takes it back.</summary>
    internal enum FreeTextPlace
    {
        /// <summary>A section of paragraphs: the Executive Summary, the Root Cause, the Lessons Learned.</summary>
        Prose,

        /// <summary>An item of a list section: a contributing factor, a why, what went well or poorly.</summary>
        ListItem,

        /// <summary>The value of a "- **Label:** value" item: an impact field.</summary>
        Field,
    }

    /// <summary>
    /// The Markdown free text keeps. Free text is text as typed, escaped so that it reads back exactly; but where it
    /// spells out a link or an image ([text](https://...), ![alt](https://...)), a list, a quote or a fenced code
    /// block, whole and as Markdown reads it, that block is written as the Markdown it is, so a page edited by hand
    /// keeps its links and lists through Import and Export, and renders them. The text comes back the same either way:
    /// a block is written as Markdown only when the reader was seen to take it back as exactly that text, in the place
    /// it stands; else it is escaped, as all other text is.
    /// </summary>
    internal static class MarkdownFreeText
    {
        /// <summary>
        /// A block plain text cannot hold: a paragraph with a link or an image, a list, a quote, a code fence. The reader
        /// keeps such a block as its Markdown source.
        /// </summary>
        public static bool IsMarkdown(Block block) => block switch
        {
            ListBlock => true,
            QuoteBlock => true,
            FencedCodeBlock => true,
            ParagraphBlock paragraph => HasLink(paragraph.Inline),
            _ => false,
        };

        private static bool HasLink(ContainerInline? container)
        {
            if (container is null) return false;
            foreach (var inline in container)
            {
                if (inline is LinkInline) return true;
                if (inline is ContainerInline inner && HasLink(inner)) return true;
            }
            return false;
        }

        /// <summary>
        /// The text as written into its place (continuation lines indented by <paramref name="indent"/>): its blocks
        /// of Markdown as they are, the rest escaped; or fully escaped when no block may stay Markdown or the reader
        /// would not give the text back exactly. <paramref name="lead"/> is what comes before it on its first line
        /// ("- ", "1. ", "- **Users affected:** "), <paramref name="prefix"/> what the field's value holds before it.
        /// </summary>
        public static string Write(string text, FreeTextPlace place, string lead, string indent, string prefix = "")
        {
            var escaped = MarkdownText.Block(text, indent);
            if (!MayHoldMarkdown(text)) return escaped;
            var live = Live(text);
            if (live is null) return escaped;
            var written = Indent(live, indent);
            return Serialization.PostmortemMarkdownReader.ReadsBack(lead + written, place, prefix + text) ? written : escaped;
        }

        // A cheap look before the parse: a link's "](", a fence, or a line that may start a list or a quote.
        private static bool MayHoldMarkdown(string text)
        {
            if (text.IndexOf("](", StringComparison.Ordinal) >= 0) return true;
            int start = 0;
            while (start <= text.Length)
            {
                int i = start;
                while (i < text.Length && text[i] == ' ') i++;
                if (i < text.Length)
                {
                    char c = text[i];
                    if (c == '>' || c == '`' || c == '~' || c == '-' || c == '*' || c == '+' || (c >= '0' && c <= '9')) return true;
                }
                int next = text.IndexOf('\n', start);
                if (next < 0) break;
                start = next + 1;
            }
            return false;
        }

        /// <summary>The text with its safe blocks of Markdown as they are and every other block escaped; null if it has none.</summary>
        private static string? Live(string text)
        {
            var document = Markdown.Parse(text, PostmortemHtml.Pipeline);
            var builder = new StringBuilder(text.Length + 16);
            int position = 0;
            bool any = false;
            foreach (var block in document)
            {
                int start = block.Span.Start, end = Math.Min(block.Span.End, text.Length - 1);
                if (start < position || end < start) return null;
                // The block from the start of its line; between blocks only line breaks.
                int lineStart = text.LastIndexOf('\n', start) + 1;
                if (lineStart < position) return null;
                var gap = text.Substring(position, lineStart - position);
                if (gap.Any(c => c != '\n')) return null;
                builder.Append(gap);
                var source = text.Substring(lineStart, end - lineStart + 1);
                if (IsMarkdown(block) && IsSafe(block))
                {
                    builder.Append(source);
                    any = true;
                }
                else
                {
                    builder.Append(MarkdownText.Block(source));
                }
                position = end + 1;
            }
            if (!any || text.Substring(position).Trim().Length > 0) return null;
            return builder.ToString();
        }

        private static string Indent(string text, string indent)
        {
            if (indent.Length == 0) return text;
            var lines = text.Split('\n');
            for (int i = 1; i < lines.Length; i++) if (lines[i].Length > 0) lines[i] = indent + lines[i];
            return string.Join("\n", lines);
        }

        /// <summary>
        /// Markdown that may be written as it is: paragraphs, lists, quotes and closed code fences only (no heading, table,
        /// rule or indented code, which would change the page's structure), links and images to web or mail addresses
        /// or relative ones (no javascript:), and no raw HTML, which a wiki's renderer might let through.
        /// </summary>
        private static bool IsSafe(Block block)
        {
            switch (block)
            {
                case FencedCodeBlock fence:
                    return fence.ClosingFencedCharCount > 0;
                case ParagraphBlock paragraph:
                    return paragraph.Inline is null || InlinesSafe(paragraph.Inline);
                case ListBlock or ListItemBlock or QuoteBlock:
                    return ((ContainerBlock)block).All(IsSafe);
                default:
                    return false;
            }
        }

        private static bool InlinesSafe(ContainerInline container)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        if (literal.Content.ToString().IndexOf('<') >= 0) return false;
                        break;
                    case LinkInline link:
                        if (!SafeUrl(link.Url) || !InlinesSafe(link)) return false;
                        break;
                    case AutolinkInline autolink:
                        if (!SafeUrl(autolink.Url)) return false;
                        break;
                    case EmphasisInline emphasis:
                        if (!InlinesSafe(emphasis)) return false;
                        break;
                    case CodeInline:
                    case LineBreakInline:
                    case HtmlEntityInline:
                        break;
                    default:
                        return false;
                }
            }
            return true;
        }

        // A web or mail address, or one with no scheme (relative, an anchor).
        private static bool SafeUrl(string? url)
        {
            if (string.IsNullOrEmpty(url)) return false;
            var u = url!.Trim();
            if (u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return true;
            int colon = u.IndexOf(':');
            int stop = u.IndexOfAny(new[] { '/', '?', '#' });
            return colon < 0 || (stop >= 0 && stop < colon);
        }
    }
}
