using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Postmortems.Rendering
{
    /// <summary>
    /// A Markdig extension for one of the few tags the module lets through while raw HTML is off: its parser goes before
    /// autolinks (which also open on '&lt;'), its renderer beside the HTML renderer's own; each is added once.
    /// </summary>
    internal abstract class InlineTagExtension<TParser, TRenderer> : IMarkdownExtension
        where TParser : InlineParser, new()
        where TRenderer : class, IMarkdownObjectRenderer, new()
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            if (!pipeline.InlineParsers.Contains<TParser>())
            {
                pipeline.InlineParsers.InsertBefore<AutolinkInlineParser>(new TParser());
            }
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<TRenderer>())
            {
                html.ObjectRenderers.Add(new TRenderer());
            }
        }
    }
}
