using System;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// The page as published: without the title heading (the wiki shows the page's name as its title) and with the
    /// timeline chart as one delimited raw HTML block at the end of the Timeline section.
    /// </summary>
    public class MarkdownOptionsTests
    {
        private const string ChartStart = "<!-- Timeline chart, drawn from the table above by Publish-Postmortem: edits to it are replaced on the next publish -->";
        private const string ChartEnd = "<!-- End of timeline chart -->";

        // A CommonMark reading with raw HTML kept, as BookStack's league/commonmark does.
        private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().UsePipeTables().Build();

        private static ReadResult Read(string markdown, string? fallbackTitle = null) => PostmortemMarkdownReader.Read(markdown, "page", fallbackTitle);

        private static string Section(string markdown, string heading)
        {
            int start = markdown.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
            int end = markdown.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
            return markdown.Substring(start + 1, end - start);
        }

        [Fact]
        public void The_default_options_render_as_before()
        {
            var p = SamplePostmortems.CheckoutOutage();
            Assert.Equal(PostmortemMarkdown.Render(p), PostmortemMarkdown.Render(p, new MarkdownOptions()));
            Assert.Equal(PostmortemMarkdown.Render(p, frontMatter: true), PostmortemMarkdown.Render(p, new MarkdownOptions { FrontMatter = true }));
        }

        [Fact]
        public void Without_the_title_heading_the_page_starts_with_the_header()
        {
            var p = SamplePostmortems.CheckoutOutage();
            Assert.StartsWith("**Date:** 2026-11-20\\\n", PostmortemMarkdown.Render(p, new MarkdownOptions { TitleHeading = false }));
            var withFrontMatter = PostmortemMarkdown.Render(p, new MarkdownOptions { TitleHeading = false, FrontMatter = true });
            Assert.Matches(@"^---\n(.*\n)*---\n\n\*\*Date:\*\* 2026-11-20\\\n", withFrontMatter);
            Assert.DoesNotContain("# Postmortem:", withFrontMatter);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_page_without_the_title_heading_reads_back_with_the_pages_name_as_its_title(bool frontMatter)
        {
            var original = SamplePostmortems.CheckoutOutage();
            var result = Read(PostmortemMarkdown.Render(original, new MarkdownOptions { TitleHeading = false, FrontMatter = frontMatter, TimelineChart = true }), original.Title);
            Assert.Empty(result.Warnings);
            if (frontMatter) Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
            else Assert.Equal(Shown(original), Shown(result.Postmortem));
        }

        // What the page shows without front matter: everything but the id, the context and the review record.
        private static string Shown(Postmortem p) => string.Join("\n", PostmortemDump.Of(p).Split('\n')
            .Where(l => !l.StartsWith("Id:", StringComparison.Ordinal) && !l.StartsWith("Context:", StringComparison.Ordinal)));

        [Fact]
        public void The_chart_is_one_delimited_block_at_the_end_of_the_Timeline_section()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var markdown = PostmortemMarkdown.Render(p, new MarkdownOptions { TimelineChart = true });
            var timeline = Section(markdown, "Timeline");
            var lines = timeline.Split('\n');
            // ## Timeline, blank, header, separator, 7 rows, blank, the block's three lines, blank, and the next heading's line.
            Assert.Equal(17, lines.Length);
            Assert.Equal("| 10:02 | Error budget and dashboards confirmed stable for 60 minutes | Resolved |", lines[10]);
            Assert.Equal("", lines[11]);
            Assert.Equal(ChartStart, lines[12]);
            Assert.StartsWith("<div class=\"pm-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\"", lines[13]);
            Assert.EndsWith("</svg></div>", lines[13]);
            Assert.Equal(ChartEnd, lines[14]);
            Assert.Equal("", lines[15]);
            Assert.Single(markdown.Split('\n'), l => l.Contains("<svg"));
            // The chart is the one TimelineChart draws, on one line.
            var inner = lines[13].Substring("<div class=\"pm-chart\">".Length, lines[13].Length - "<div class=\"pm-chart\"></div>".Length);
            Assert.Equal(Regex.Replace(TimelineChart.Render(p)!, @"\s+", ""), Regex.Replace(inner, @"\s+", ""));
        }

        [Fact]
        public void For_CommonMark_the_block_is_raw_HTML_so_the_charts_text_is_never_read_as_Markdown()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 40, 0, DateTimeKind.Utc), "*not emphasis* and _this_ `nor code` [nor](link) a | b", Milestone.None, "slack"));
            var markdown = PostmortemMarkdown.Render(p, new MarkdownOptions { TimelineChart = true });
            var document = Markdown.Parse(markdown, CommonMark);
            var table = document.OfType<Markdig.Extensions.Tables.Table>().First();
            var impact = document.OfType<HeadingBlock>().First(h => h.Line > table.Line);
            var between = document.Where(b => b.Line > table.Line && b.Line < impact.Line).ToList();
            Assert.NotEmpty(between);
            Assert.All(between, b => Assert.IsType<HtmlBlock>(b));
            var html = Markdown.ToHtml(markdown, CommonMark);
            // The event's tooltip in the chart, as the chart wrote it.
            Assert.Contains("UTC: *not emphasis* and _this_ `nor code` [nor](link) a | b</title>", html);
            Assert.DoesNotContain("<em>", html);
        }

        [Fact]
        public void WithTimelineChart_gives_exactly_that_page()
        {
            var p = SamplePostmortems.CheckoutOutage();
            Assert.Equal(PostmortemMarkdown.Render(p, new MarkdownOptions { TimelineChart = true }), PostmortemMarkdown.WithTimelineChart(PostmortemMarkdown.Render(p), p));
            Assert.Equal(PostmortemMarkdown.Render(p, new MarkdownOptions { TimelineChart = true, TitleHeading = false }),
                PostmortemMarkdown.WithTimelineChart(PostmortemMarkdown.Render(p, new MarkdownOptions { TitleHeading = false }), p));
        }

        [Fact]
        public void An_empty_timeline_has_no_chart_block()
        {
            var p = SamplePostmortems.JustStarted();
            Assert.Equal(PostmortemMarkdown.Render(p), PostmortemMarkdown.Render(p, new MarkdownOptions { TimelineChart = true }));
            Assert.Equal(PostmortemMarkdown.Render(p), PostmortemMarkdown.WithTimelineChart(PostmortemMarkdown.Render(p), p));
        }

        [Theory]
        [MemberData(nameof(MarkdownEscapingTests.HostileTexts), MemberType = typeof(MarkdownEscapingTests))]
        public void The_reader_ignores_the_chart_block_whatever_the_events_say(string text)
        {
            var original = SamplePostmortems.CheckoutOutage();
            original.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 40, 0, DateTimeKind.Utc), text, Milestone.None, text));
            var result = Read(PostmortemMarkdown.Render(original, new MarkdownOptions { FrontMatter = true, TimelineChart = true }));
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void The_reader_ignores_html_blocks_in_the_Timeline_section_without_warnings()
        {
            var original = SamplePostmortems.CheckoutOutage();
            var markdown = PostmortemMarkdown.Render(original, frontMatter: true)
                .Replace("## Timeline\n\n", "## Timeline\n\n<!-- times are UTC -->\n\n<div class=\"note\">Checked against the pager log.</div>\n\n");
            var result = Read(markdown);
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
            Assert.Empty(result.Warnings);

            result = Read("# Postmortem: x\n\n## Timeline\n\n_Not yet written._\n\n<!-- to fill in from the pager log -->\n");
            Assert.Empty(result.Postmortem.Timeline);
            Assert.Empty(result.Warnings);
        }
    }
}
