using System;
using System.Linq;
using System.Xml.Linq;
using Postmortems.Rendering;
using Xunit;

namespace Postmortems.Tests
{
    public class TimelineChartTests
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private static Postmortem Incident(params (int Minutes, Milestone Milestone, string Text)[] events)
        {
            var p = new Postmortem("Chart test") { Date = new DateTime(2026, 11, 20) };
            var start = new DateTime(2026, 11, 20, 14, 0, 0, DateTimeKind.Utc);
            foreach (var (minutes, milestone, text) in events) p.Timeline.Add(new TimelineEvent(start.AddMinutes(minutes), text, milestone));
            return p;
        }

        public static Postmortem Short() => Incident(
            (0, Milestone.FirstSymptom, "Disk alert fired"), (2, Milestone.Detected, "On-call acknowledged"), (3, Milestone.None, "Logs pulled"),
            (5, Milestone.MitigationApplied, "Old WAL files removed"), (7, Milestone.ServiceRestored, "Writes succeed"), (10, Milestone.Resolved, "Stable"));

        public static Postmortem MultiDay() => Incident(
            (0, Milestone.FirstSymptom, "Replication lag alert"), (95, Milestone.Detected, "Noticed on the dashboard"), (600, Milestone.InvestigationStarted, "Investigation started"),
            (1500, Milestone.RootCauseIdentified, "Disk firmware bug found"), (2200, Milestone.MitigationApplied, "Replica rebuilt"), (3800, Milestone.ServiceRestored, "Lag under 1 s"),
            (4320, Milestone.Resolved, "Stable for a day"));

        [Fact]
        public void A_short_incident_is_drawn_as_the_reviewed_golden_svg() =>
            GoldenFile.AssertMatches("chart-short.svg", TimelineChart.Render(Short())!);

        [Fact]
        public void A_longer_incident_is_drawn_as_the_reviewed_golden_svg() =>
            GoldenFile.AssertMatches("chart-checkout.svg", TimelineChart.Render(SamplePostmortems.CheckoutOutage())!);

        [Fact]
        public void A_multi_day_incident_is_drawn_as_the_reviewed_golden_svg() =>
            GoldenFile.AssertMatches("chart-multi-day.svg", TimelineChart.Render(MultiDay())!);

        [Theory]
        [InlineData(10)]
        [InlineData(60)]
        [InlineData(4320)]
        public void The_svg_is_valid_xml_with_a_marker_per_event_and_a_label_per_milestone(int minutes)
        {
            var p = Incident((0, Milestone.FirstSymptom, "a"), (minutes / 3, Milestone.None, "b"), (minutes / 2, Milestone.Detected, "c"), (minutes, Milestone.Resolved, "d"));
            var svg = XDocument.Parse(TimelineChart.Render(p)!);
            Assert.Equal(Svg + "svg", svg.Root!.Name);
            Assert.Equal(2 - 1, svg.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("class") == "pm-event"));
            Assert.Equal(3, svg.Descendants(Svg + "path").Count(c => (string?)c.Attribute("class") == "pm-milestone"));
            Assert.Equal(3, svg.Descendants(Svg + "text").Count(c => (string?)c.Attribute("class") == "pm-label"));
            Assert.True(svg.Descendants(Svg + "text").Count(t => t.Value.Contains(':')) >= 3, "the axis has readable time ticks");
        }

        [Fact]
        public void The_ticks_of_a_multi_day_incident_name_the_days()
        {
            var svg = TimelineChart.Render(MultiDay())!;
            Assert.Contains(">Nov 21<", svg);
            Assert.Contains(">Nov 22<", svg);
        }

        [Fact]
        public void No_two_milestone_labels_overlap_even_when_milestones_crowd_together()
        {
            var crowded = Incident(Enumerable.Range(0, 7).Select(i => (i, (Milestone)(i + 1), "m" + i)).Concat(new[] { (600, Milestone.None, "late") }).ToArray());
            TimelineChart.Render(crowded, out var labels);
            Assert.Equal(7, labels.Count);
            for (int i = 0; i < labels.Count; i++)
            {
                for (int j = i + 1; j < labels.Count; j++)
                {
                    Assert.False(labels[i].Overlaps(labels[j]), $"'{labels[i].Text}' overlaps '{labels[j].Text}'");
                }
            }
            Assert.All(labels, l => Assert.InRange(l.X, 0, TimelineChart.Width - l.Width));
        }

        [Fact]
        public void User_text_is_escaped_and_can_add_no_markup()
        {
            var p = Incident((0, Milestone.FirstSymptom, "</title><script>alert(1)</script> & \"quotes\" 'too'"), (5, Milestone.Resolved, "done"));
            p.Title = "<svg onload=alert(1)>";
            var svg = XDocument.Parse(TimelineChart.Render(p)!);
            Assert.Empty(svg.Descendants(Svg + "script"));
            Assert.Single(svg.Root!.Elements(Svg + "title"));
            Assert.Contains(svg.Descendants(Svg + "title"), t => t.Value.Contains("</title><script>alert(1)</script> & \"quotes\" 'too'"));
            Assert.DoesNotContain(svg.Descendants(), e => e.Attributes().Any(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)));
        }

        [Fact]
        public void The_phases_are_shaded_with_patterns_and_named_in_a_legend_so_the_chart_reads_without_colour()
        {
            var svg = XDocument.Parse(TimelineChart.Render(Short())!);
            var phases = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "pm-phase").ToList();
            Assert.Equal(4, phases.Count);
            Assert.All(phases, r => Assert.StartsWith("url(#pm-", (string?)r.Attribute("fill")));
            var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
            Assert.Contains("Undetected", texts);
            Assert.Contains("Investigating", texts);
            Assert.Contains("Mitigated", texts);
            Assert.Contains("Restored, watching", texts);
        }

        [Fact]
        public void An_empty_timeline_has_no_chart_and_the_html_leaves_it_out()
        {
            var p = new Postmortem("t");
            Assert.Null(TimelineChart.Render(p));
            Assert.DoesNotContain("<svg", PostmortemHtml.RenderPage(p));
        }

        [Fact]
        public void The_html_page_carries_the_chart_above_the_timeline_table_unless_told_not_to()
        {
            var html = PostmortemHtml.RenderPage(SamplePostmortems.CheckoutOutage());
            int chart = html.IndexOf("<svg", StringComparison.Ordinal);
            Assert.True(chart > html.IndexOf("<h2>Timeline</h2>", StringComparison.Ordinal) && chart < html.IndexOf("<table", StringComparison.Ordinal));
            Assert.DoesNotContain("<svg", PostmortemHtml.RenderPage(SamplePostmortems.CheckoutOutage(), timelineChart: false));
        }

        [Fact]
        public void The_markdown_for_bookstack_carries_the_chart_as_one_delimited_raw_html_block_after_the_timeline_table()
        {
            var markdown = PostmortemMarkdown.WithTimelineChart(PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()), SamplePostmortems.CheckoutOutage());
            Assert.Contains("| Resolved |\n\n" + PostmortemMarkdown.ChartStart + "\n<div class=\"pm-chart\"><svg xmlns=", markdown);
            var block = markdown.Substring(markdown.IndexOf("<svg", StringComparison.Ordinal));
            block = block.Substring(0, block.IndexOf("</svg>", StringComparison.Ordinal));
            Assert.DoesNotContain("\n", block);   // one line: a blank line would end the HTML block early
            Assert.Contains("</svg></div>\n" + PostmortemMarkdown.ChartEnd + "\n\n## Impact\n", markdown);
        }
    }
}
