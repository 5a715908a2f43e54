using System;
using System.Net;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Postmortems.Rendering
{
    /// <summary>An event's source, written after its text in the Timeline's Event cell as &lt;sub&gt;slack&lt;/sub&gt;.</summary>
    internal sealed class SourceTagInline : LeafInline
    {
        public SourceTagInline(string source) => Source = source;

        /// <summary>The source as the tag shows it: escapes and character references read.</summary>
        public string Source { get; }
    }

    /// <summary>
    /// Raw HTML is off, so user text can never inject markup; besides &lt;br&gt;, the one tag let through is the
    /// &lt;sub&gt;...&lt;/sub&gt; that shows an event's source: its content is text (its markup is read as escapes and
    /// character references, never as tags), and it is written back escaped. Text that contained "&lt;sub&gt;" itself was
    /// escaped to \&lt;sub\&gt; and stays text.
    /// </summary>
    internal sealed class SourceTagExtension : InlineTagExtension<SourceTagExtension.SourceTagParser, SourceTagExtension.SourceTagRenderer>
    {
        public const string Open = "<sub>";
        public const string Close = "</sub>";

        internal sealed class SourceTagParser : InlineParser
        {
            public SourceTagParser()
            {
                OpeningCharacters = new[] { '<' };
            }

            public override bool Match(InlineProcessor processor, ref StringSlice slice)
            {
                var text = slice.Text;
                int start = slice.Start;
                int end = slice.End + 1;
                if (start + Open.Length > end || string.CompareOrdinal(text, start, Open, 0, Open.Length) != 0) return false;
                int content = start + Open.Length;
                int close = text.IndexOf(Close, content, end - content, StringComparison.Ordinal);
                if (close < 0) return false;
                for (int i = content; i < close; i++)
                {
                    // On one line, no other tag inside; an unescaped | ends a table cell before any tag is seen (GFM).
                    char c = text[i];
                    if (c == '<' || c == '\n' || c == '\r' || (c == '|' && text[i - 1] != '\\')) return false;
                }
                // &#0; is the NUL the writer wrote (Markdown's own reading is U+FFFD): read between them.
                var parts = text.Substring(content, close - content).Split(new[] { "&#0;" }, StringSplitOptions.None);
                var source = string.Join("\0", Array.ConvertAll(parts, part => HtmlHelper.Unescape(part, true)));
                processor.Inline = new SourceTagInline(source)
                {
                    Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out int line, out int column), processor.GetSourcePosition(close + Close.Length - 1)),
                    Line = line,
                    Column = column,
                };
                slice.Start = close + Close.Length;
                return true;
            }
        }

        internal sealed class SourceTagRenderer : HtmlObjectRenderer<SourceTagInline>
        {
            protected override void Write(HtmlRenderer renderer, SourceTagInline obj)
            {
                if (renderer.EnableHtmlForInline) renderer.Write(Open).WriteEscape(obj.Source).Write(Close);
                else renderer.WriteEscape(obj.Source);
            }
        }
    }
}
