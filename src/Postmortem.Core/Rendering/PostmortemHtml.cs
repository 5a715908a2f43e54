using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Postmortems.Rendering
{
    /// <summary>Renders the template's Markdown to HTML through Markdig, with pipe tables on and raw HTML off.</summary>
    public static class PostmortemHtml
    {
        /// <summary>The pipeline every HTML rendering goes through.</summary>
        public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .DisableHtml()
            .Use<LineBreakTagExtension>()
            .Use<SourceTagExtension>()
            .Build();

        internal const string StyleSheet = @"
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5; color: #1f2328; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr:nth-child(even) td { background: #fbfcfd; }
em { color: #8c959f; }
td sub { color: #57606a; }
table.pm-timeline td:first-child, table.pm-action-items td:nth-child(3) { white-space: nowrap; }
figure.pm-chart { margin: .5rem 0 1rem; overflow-x: auto; }
figure.pm-chart svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } }
";

        private const string TimelineHeading = "<h2>Timeline</h2>\n";

        /// <summary>The body alone, for embedding in another page; with the timeline chart above the Timeline table unless told not to.</summary>
        public static string RenderFragment(Postmortem postmortem, bool timelineChart = true) =>
            RenderFragment(postmortem, new MarkdownOptions(), timelineChart);

        /// <summary>
        /// The body alone, from the Markdown as <paramref name="markdown"/> writes it (a wiki page's leaves out the title
        /// heading and writes dates that do not wrap); the chart is this rendering's own, above the Timeline table.
        /// </summary>
        public static string RenderFragment(Postmortem postmortem, MarkdownOptions markdown, bool timelineChart = true)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            if (markdown is null) throw new ArgumentNullException(nameof(markdown));
            var html = ToHtml(PostmortemMarkdown.Render(postmortem, new MarkdownOptions { TitleHeading = markdown.TitleHeading }));
            var chart = timelineChart ? TimelineChart.Render(postmortem) : null;
            var fragment = new StringBuilder(html.Length + (chart?.Length ?? 0) + 512);
            // The wiki's own stylesheet knows nothing of the tables; the page carries the rules that keep dates whole.
            if (markdown.UnbreakableDates) fragment.Append(PostmortemMarkdown.PageStyle).Append('\n');
            return AppendBody(fragment, html, chart).ToString();
        }

        /// <summary>A standalone page: title, a small readable stylesheet, and the rendered document.</summary>
        public static string RenderPage(Postmortem postmortem, bool timelineChart = true)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            var html = ToHtml(PostmortemMarkdown.Render(postmortem));
            var chart = timelineChart ? TimelineChart.Render(postmortem) : null;
            var page = new StringBuilder(html.Length + (chart?.Length ?? 0) + 1200);
            page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>").Append(WebUtility.HtmlEncode("Postmortem: " + postmortem.Title)).Append("</title>\n")
                .Append("<style>").Append(StyleSheet).Append("</style>\n</head>\n<body>\n<main>\n");
            AppendBody(page, html, chart)
                .Append("</main>\n</body>\n</html>\n");
            return page.ToString();
        }

        /// <summary>
        /// The template's Markdown as HTML, its two tables marked as what they are (pm-timeline, pm-action-items), so the
        /// stylesheet can keep a date in one line without touching any other table. Markdig's tables carry no class of
        /// their own, and user text can make no heading or table, so the first table under each heading is the template's.
        /// </summary>
        private static string ToHtml(string markdown)
        {
            var document = Markdown.Parse(markdown, Pipeline);
            string? section = null;
            bool timeline = false, actionItems = false;
            foreach (var block in document)
            {
                if (block is HeadingBlock heading && heading.Level == 2)
                {
                    section = heading.Inline is null ? null : string.Concat(heading.Inline.OfType<LiteralInline>().Select(l => l.Content.ToString()));
                }
                else if (block is Table table && section == "Timeline" && !timeline)
                {
                    table.GetAttributes().AddClass("pm-timeline");
                    timeline = true;
                }
                else if (block is Table actions && section == "Action Items" && !actionItems)
                {
                    actions.GetAttributes().AddClass("pm-action-items");
                    actionItems = true;
                }
            }
            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }

        // The rendered document with the chart, if any, in a figure right under the Timeline heading: written straight
        // into the page, without copying the document or the chart into strings of their own first.
        private static StringBuilder AppendBody(StringBuilder target, string html, string? chart)
        {
            // User text is escaped, so the only raw Timeline heading is the template's own.
            int at = chart is null ? -1 : html.IndexOf(TimelineHeading, StringComparison.Ordinal);
            if (at < 0) return target.Append(html);
            at += TimelineHeading.Length;
            return target.Append(html, 0, at)
                .Append("<figure class=\"pm-chart\">\n").Append(chart).Append("</figure>\n")
                .Append(html, at, html.Length - at);
        }
    }
}
