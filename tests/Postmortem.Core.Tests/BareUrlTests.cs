using System;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Web addresses in any text become links on the page and in HTML: BookStack (v24.02.3, seen) links only
    /// &lt;https://...&gt; autolinks, not bare addresses, so the writer makes them autolinks and the reader gives the text back.
    /// </summary>
    public class BareUrlTests
    {
        [Theory]
        [InlineData("See https://grafana.example.com/d/abc?from=now-6h&to=now for the dashboard.", "<https://grafana.example.com/d/abc?from=now-6h&to=now> for")]
        [InlineData("The runbook (https://wiki.example.org/books/ops/page/tls_rotation) was out of date.", "(<https://wiki.example.org/books/ops/page/tls_rotation>)")]
        [InlineData("Logs: http://loki.home/explore?q={app=\"x\"}.", "<http://loki.home/explore?q={app=>")]
        [InlineData("Two: https://a.example.com/x, https://b.example.com/y!", "<https://a.example.com/x>, <https://b.example.com/y>!")]
        [InlineData("Wikipedia: https://en.wikipedia.org/wiki/Domain_Name_System_(DNS) explains it.", "<https://en.wikipedia.org/wiki/Domain_Name_System_(DNS)> explains")]
        [InlineData("Non-ASCII: https://example.com/straße/ünï", "<https://example.com/straße/ünï>")]
        public void A_web_address_in_prose_is_written_as_an_autolink_and_read_back_as_it_was_typed(string text, string written)
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.LessonsLearned = text;
            p.WentPoorly.Add(text);
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 10, 30, 0, DateTimeKind.Utc), text));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains(written, markdown);
            var back = PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem;
            Assert.Equal(text, back.LessonsLearned);
            Assert.Contains(text, back.WentPoorly);
            Assert.Contains(back.Timeline, e => e.Event == text);
        }

        [Theory]
        [InlineData("nohttps://example.com stays text")]
        [InlineData("https:// alone")]
        [InlineData("ftp://files.example.com/x is not linked")]
        public void What_is_no_web_address_after_a_word_break_stays_text(string text)
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.LessonsLearned = text;
            var markdown = PostmortemMarkdown.Render(p);
            Assert.DoesNotContain("<http", markdown.Substring(markdown.IndexOf("## Lessons Learned", StringComparison.Ordinal)));
            Assert.Equal(text, PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem.LessonsLearned);
        }

        [Fact]
        public void The_HTML_links_the_address_and_the_tracking_cell_keeps_its_own_link()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.LessonsLearned = "See https://grafana.example.com/d/abc for the dashboard.";
            var html = PostmortemHtml.RenderFragment(p, timelineChart: false);
            Assert.Contains("<a href=\"https://grafana.example.com/d/abc\">https://grafana.example.com/d/abc</a>", html);
            p.ActionItems[1].Tracking = "https://t.io/42";
            Assert.Equal("https://t.io/42", PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p), "t.md").Postmortem.ActionItems[1].Tracking);
            p.ActionItems[0].Tracking = "see https://tracker.example.com/x?a=1|2";
            var back = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p), "t.md").Postmortem;
            Assert.Equal("see https://tracker.example.com/x?a=1|2", back.ActionItems[0].Tracking);
        }
    }
}

namespace Postmortems.Tests
{
    public class PageDurationRoundingTests
    {
        private static Postmortem Lasting(TimeSpan length)
        {
            var p = new Postmortem("Broker outage") { Date = new DateTime(2026, 11, 20) };
            var start = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
            p.Timeline.Add(new TimelineEvent(start, "Alert fired", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(start + length, "Service back online", Milestone.Resolved));
            return p;
        }

        [Theory]
        [InlineData(47 * 60 + 31, "00:48")]
        [InlineData(47 * 60 + 29, "00:47")]
        [InlineData(47 * 60 + 30, "00:48")]
        public void The_page_rounds_the_Duration_to_the_minute_as_every_view_does(int seconds, string shown)
        {
            var markdown = Rendering.PostmortemMarkdown.Render(Lasting(TimeSpan.FromSeconds(seconds)));
            Xunit.Assert.Contains("**Duration:** " + shown + "\\", markdown);
        }

        [Fact]
        public void A_page_written_before_with_the_Duration_cut_down_still_reads_as_derived_not_set_by_hand()
        {
            var p = Lasting(TimeSpan.FromSeconds(47 * 60 + 31));
            var old = Rendering.PostmortemMarkdown.Render(p, frontMatter: true).Replace("**Duration:** 00:48", "**Duration:** 00:47");
            var back = Serialization.PostmortemMarkdownReader.Read(old, "t.md").Postmortem;
            Xunit.Assert.Null(back.ExplicitDuration);
            Xunit.Assert.Equal(TimeSpan.FromSeconds(47 * 60 + 31), back.Duration);
        }
    }
}
