using System;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Postmortems.Rendering
{
    /// <summary>A line break inside a table cell. Not a LineBreakInline: the pipe-table parser takes those for row ends.</summary>
    internal sealed class CellLineBreakInline : LeafInline
    {
    }

    /// <summary>
    /// Raw HTML is off, so user text can never inject markup; the one tag let through is the &lt;br&gt; the
    /// Markdown writer puts where a table cell's text had a line break. Text that contained "&lt;br&gt;" itself was
    /// escaped to \&lt;br\&gt; and stays text.
    /// </summary>
    internal sealed class LineBreakTagExtension : InlineTagExtension<LineBreakTagExtension.LineBreakTagParser, LineBreakTagExtension.CellLineBreakRenderer>
    {
        internal sealed class LineBreakTagParser : InlineParser
        {
            public LineBreakTagParser()
            {
                OpeningCharacters = new[] { '<' };
            }

            public override bool Match(InlineProcessor processor, ref StringSlice slice)
            {
                var tag = MarkdownText.CellLineBreak;
                var text = slice.Text;
                if (slice.Start + tag.Length > slice.End + 1 ||
                    string.Compare(text, slice.Start, tag, 0, tag.Length, StringComparison.Ordinal) != 0)
                {
                    return false;
                }
                processor.Inline = new CellLineBreakInline();
                slice.Start += tag.Length;
                return true;
            }
        }

        internal sealed class CellLineBreakRenderer : HtmlObjectRenderer<CellLineBreakInline>
        {
            protected override void Write(HtmlRenderer renderer, CellLineBreakInline obj)
            {
                if (renderer.EnableHtmlForInline) renderer.Write("<br />");
                else renderer.Write(' ');
            }
        }
    }
}
