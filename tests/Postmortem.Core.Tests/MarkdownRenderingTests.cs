using System;
using System.Linq;
using System.Text.RegularExpressions;
using Postmortems.Rendering;
using Xunit;

namespace Postmortems.Tests
{
    public class MarkdownRenderingTests
    {
        private static readonly string[] TemplateHeadings =
        {
            "## Executive Summary", "## Timeline", "## Impact", "## Root Cause", "## Contributing Factors",
            "## What Went Well", "## What Went Poorly", "## Action Items", "## Lessons Learned",
        };

        [Fact]
        public void A_complete_postmortem_renders_as_the_reviewed_golden_file()
        {
            GoldenFile.AssertMatches("checkout-outage.md", PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void A_just_started_postmortem_renders_as_the_reviewed_golden_file()
        {
            GoldenFile.AssertMatches("just-started.md", PostmortemMarkdown.Render(SamplePostmortems.JustStarted()));
        }

        [Fact]
        public void Every_template_section_appears_once_and_in_the_templates_order()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage());
            var headings = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(TemplateHeadings, headings);
            Assert.StartsWith("# Postmortem: Checkout API returned 502s after certificate rotation\n", markdown);
        }

        [Fact]
        public void The_header_fields_are_bold_on_consecutive_lines_as_in_the_template()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage());
            Assert.Contains(
                "**Date:** 2026-11-20\\\n**Duration:** 00:47\\\n**Severity:** P2\\\n**Status:** Resolved\\\n" +
                "**Author(s):** Priya Natarajan, payments SRE\\\n**Reviewers:** Marcus Lee\n", markdown);
        }

        [Fact]
        public void Empty_sections_stay_and_are_marked_as_not_yet_written()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.JustStarted());
            foreach (var heading in TemplateHeadings.Where(h => h != "## Impact"))
            {
                Assert.Contains(heading + "\n\n" + PostmortemMarkdown.NotYetWritten + "\n", markdown);
            }
            Assert.Contains("- **Users affected:** " + PostmortemMarkdown.NotSet, markdown);
            Assert.Contains("**Severity:** " + PostmortemMarkdown.NotSet, markdown);
        }

        [Fact]
        public void A_timeline_that_crosses_midnight_shows_the_date_in_the_time_column()
        {
            var p = new Postmortem("t") { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 23, 50, 0, DateTimeKind.Utc), "alert"));
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 21, 0, 20, 0, DateTimeKind.Utc), "fixed"));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains("| 2026-11-20 23:50 | alert |", markdown);
            Assert.Contains("| 2026-11-21 00:20 | fixed |", markdown);
        }

        [Fact]
        public void A_timeline_within_the_incident_day_shows_only_the_time_and_seconds_only_when_there_are_any()
        {
            var p = new Postmortem("t") { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), "a"));
            Assert.Contains("| 14:02 | a |", PostmortemMarkdown.Render(p));
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, 2, 30, DateTimeKind.Utc), "b"));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains("| 14:02:00 | a |", markdown);
            Assert.Contains("| 14:02:30 | b |", markdown);
        }

        [Theory]
        [InlineData(47, "00:47")]
        [InlineData(107, "01:47")]
        [InlineData(3 * 24 * 60 + 5, "72:05")]
        public void Duration_is_written_as_hours_and_minutes(int minutes, string expected)
        {
            Assert.Equal(expected, PostmortemMarkdown.FormatDuration(TimeSpan.FromMinutes(minutes)));
        }

        [Fact]
        public void Data_loss_reads_yes_or_no_with_its_description()
        {
            var p = new Postmortem("t");
            p.Impact.DataLoss = true;
            p.Impact.DataLossDescription = "Two hours of metrics";
            Assert.Contains("- **Data loss:** Yes — Two hours of metrics\n", PostmortemMarkdown.Render(p));
            p.Impact.DataLoss = false;
            Assert.Contains("- **Data loss:** No — Two hours of metrics\n", PostmortemMarkdown.Render(p));
            p.Impact.DataLossDescription = null;
            Assert.Contains("- **Data loss:** No\n", PostmortemMarkdown.Render(p));
        }

        [Fact]
        public void The_five_whys_are_a_numbered_list_under_the_root_cause()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage());
            var rootCause = markdown.Substring(markdown.IndexOf("## Root Cause", StringComparison.Ordinal));
            rootCause = rootCause.Substring(0, rootCause.IndexOf("## Contributing Factors", StringComparison.Ordinal));
            Assert.Matches(new Regex(@"### 5 Whys\n\n1\. Why did checkout fail\?.*\n2\. .*\n3\. .*\n4\. .*\n"), rootCause);
        }
    }
}
