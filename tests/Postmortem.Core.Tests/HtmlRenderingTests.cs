using System;
using System.Text.RegularExpressions;
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
            Assert.Contains("<table class=\"pm-timeline\">", html);
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

        [Fact]
        public void The_Time_and_Due_Date_columns_do_not_wrap_and_no_other_cell_is_touched()
        {
            var html = PostmortemHtml.RenderPage(SamplePostmortems.CheckoutOutage());
            Assert.Contains("table.pm-timeline td:first-child, table.pm-action-items td:nth-child(3) { white-space: nowrap; }", html);
            Assert.Single(html.Split('\n'), l => l.Contains("nowrap"));
            Assert.Matches(new Regex("(?s)<h2>Timeline</h2>\n<figure class=\"pm-chart\">.*?</figure>\n<table class=\"pm-timeline\">\n<thead>\n<tr>\n<th>Time \\(UTC\\)</th>"), html);
            Assert.Contains("<h2>Action Items</h2>\n<table class=\"pm-action-items\">\n<thead>\n<tr>\n<th>Action</th>\n<th>Owner</th>\n<th>Due Date</th>", html);
            Assert.Equal(2, Regex.Matches(html, "<table").Count);
        }

        [Fact]
        public void Without_a_timeline_table_the_action_items_table_is_not_taken_for_it()
        {
            var p = SamplePostmortems.JustStarted();
            p.ActionItems.Add(new ActionItem("Add an alert on the seal status") { DueDate = new DateTime(2026, 12, 15) });
            var html = PostmortemHtml.RenderPage(p);
            Assert.DoesNotContain("pm-timeline\"", html);
            Assert.Contains("<h2>Action Items</h2>\n<table class=\"pm-action-items\">", html);
        }
    }
}
