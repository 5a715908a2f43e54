using System;
using Postmortems.Rendering;
using Xunit;

namespace Postmortems.Tests
{
    public class HtmlRenderingTests
    {
        [Fact]
        public void A_complete_postmortem_renders_as_the_reviewed_golden_page()
        {
            GoldenFile.AssertMatches("checkout-outage.html", PostmortemHtml.RenderPage(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void The_page_is_standalone_with_a_title_and_a_stylesheet()
        {
            var html = PostmortemHtml.RenderPage(SamplePostmortems.CheckoutOutage());
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<title>Postmortem: Checkout API returned 502s after certificate rotation</title>", html);
            Assert.Contains("<style>", html);
            Assert.Contains("<table>", html);
        }

        [Fact]
        public void The_fragment_is_the_body_alone()
        {
            var html = PostmortemHtml.RenderFragment(SamplePostmortems.CheckoutOutage());
            Assert.StartsWith("<h1>Postmortem: Checkout API", html);
            Assert.DoesNotContain("<html", html);
            Assert.DoesNotContain("<style", html);
        }

        [Fact]
        public void Raw_HTML_in_user_text_is_shown_as_text_never_as_markup()
        {
            var p = new Postmortem("<img src=x onerror=alert(1)>")
            {
                ExecutiveSummary = "<script>alert('x')</script>",
            };
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), "<b>bold</b> <br> & more"));
            var html = PostmortemHtml.RenderPage(p);

            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("<b>", html);
            Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", html);
            Assert.Contains("<title>Postmortem: &lt;img src=x onerror=alert(1)&gt;</title>", html);
            Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &lt;br&gt; &amp; more", html);
        }

        [Fact]
        public void A_line_break_in_a_table_cell_becomes_a_break_and_nothing_else_does()
        {
            var p = new Postmortem("t");
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), "first\nsecond"));
            var html = PostmortemHtml.RenderFragment(p);
            Assert.Contains("<td>first<br />second</td>", html);
        }
    }
}
