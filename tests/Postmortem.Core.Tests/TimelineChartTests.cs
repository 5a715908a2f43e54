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

        public static Postmortem FourHours() => Incident(
            (0, Milestone.FirstSymptom, "Queue depth alert"), (35, Milestone.Detected, "On-call paged"), (40, Milestone.InvestigationStarted, "Bridge opened"),
            (60, Milestone.None, "Consumers restarted"), (130, Milestone.RootCauseIdentified, "Poison message found"), (170, Milestone.MitigationApplied, "Message parked"),
            (200, Milestone.ServiceRestored, "Queue drained"), (240, Milestone.Resolved, "Stable"));

        public static Postmortem HalfAnHour() => Incident(
            (0, Milestone.FirstSymptom, "a"), (4, Milestone.Detected, "b"), (6, Milestone.InvestigationStarted, "c"), (12, Milestone.None, "d"),
            (15, Milestone.RootCauseIdentified, "e"), (21, Milestone.MitigationApplied, "f"), (25, Milestone.ServiceRestored, "g"), (30, Milestone.Resolved, "h"));

        [Fact]
        public void The_phases_are_plain_colours_told_apart_by_shade_and_edge_and_named_in_a_legend_so_the_chart_reads_without_colour()
        {
            var svg = XDocument.Parse(TimelineChart.Render(Short())!);
            var phases = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "pm-phase").ToList();
            var swatches = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "pm-swatch").ToList();
            Assert.Equal(4, phases.Count);
            Assert.Equal(4, swatches.Count);
            Assert.Equal(4, phases.Select(r => (string?)r.Attribute("fill-opacity")).Distinct().Count());
            Assert.Equal(phases.Select(r => (string?)r.Attribute("fill") + (string?)r.Attribute("fill-opacity")), swatches.Select(r => (string?)r.Attribute("fill") + (string?)r.Attribute("fill-opacity")));
            // Each band and swatch is followed by its top edge, dashed its own way (one of them solid).
            var edges = phases.Select(r => (string?)((XElement)r.NextNode!).Attribute("stroke-dasharray") ?? "solid").ToList();
            Assert.Equal(4, edges.Distinct().Count());
            Assert.Equal(edges, swatches.Select(r => (string?)((XElement)r.NextNode!).Attribute("stroke-dasharray") ?? "solid"));
            var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
            Assert.Contains("Undetected", texts);
            Assert.Contains("Investigating", texts);
            Assert.Contains("Mitigated", texts);
            Assert.Contains("Restored, watching", texts);
        }

        public static TheoryData<string> Charts() => new TheoryData<string> { "short", "half-hour", "four-hours", "multi-day", "checkout" };

        private static Postmortem Chart(string name) => name switch
        {
            "short" => Short(),
            "half-hour" => HalfAnHour(),
            "four-hours" => FourHours(),
            "multi-day" => MultiDay(),
            _ => SamplePostmortems.CheckoutOutage(),
        };

        [Theory]
        [MemberData(nameof(Charts))]
        public void No_leader_line_runs_through_another_milestones_label(string name)
        {
            TimelineChart.Render(Chart(name), out var labels);
            foreach (var label in labels)
            {
                Assert.DoesNotContain(labels, above => label.IsCrossedBy(above));
            }
        }

        [Fact]
        public void The_chart_scales_to_its_column_instead_of_a_fixed_width()
        {
            var root = XDocument.Parse(TimelineChart.Render(SamplePostmortems.CheckoutOutage())!).Root!;
            Assert.Equal("100%", (string?)root.Attribute("width"));
            Assert.Null(root.Attribute("height"));
            Assert.StartsWith($"0 0 {TimelineChart.Width} ", (string?)root.Attribute("viewBox"));
            Assert.Equal("xMinYMin meet", (string?)root.Attribute("preserveAspectRatio"));
            Assert.Matches("^max-width:[0-9]+px;", (string?)root.Attribute("style"));
            Assert.True(TimelineChart.Width <= 720, "drawn for a column about 700px wide, so its 11px text stays about 11px there");
        }

        [Theory]
        [MemberData(nameof(Charts))]
        public void The_one_line_chart_is_the_same_chart_without_its_line_breaks(string name)
        {
            var chart = TimelineChart.Render(Chart(name))!;
            var oneLine = TimelineChart.RenderOneLine(Chart(name))!;
            Assert.DoesNotContain("\n\n", chart);
            Assert.DoesNotContain('\n', oneLine);
            Assert.DoesNotContain('\r', oneLine);
            Assert.Equal(chart.Replace("\n", ""), oneLine);
        }

        [Fact]
        public void The_chart_of_the_checkout_sample_is_compact()
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(TimelineChart.RenderOneLine(SamplePostmortems.CheckoutOutage())!);
            Assert.True(bytes < 6000, $"the chart is {bytes} bytes; it is what a reviewer scrolls past in BookStack's markdown editor");
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

        [Fact]
        public void The_html_page_the_markdown_and_the_svg_file_carry_the_same_chart()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var chart = TimelineChart.Render(p)!;
            Assert.Contains("<figure class=\"pm-chart\">\n" + chart + "</figure>", PostmortemHtml.RenderPage(p));
            Assert.Contains("<figure class=\"pm-chart\">\n" + chart + "</figure>", PostmortemHtml.RenderFragment(p));
            Assert.Contains(chart.Replace("\n", ""), PostmortemMarkdown.WithTimelineChart(PostmortemMarkdown.Render(p), p));
        }
    }
}

namespace Postmortems.Tests
{
    public class RecoveringPhaseTests
    {
        private static Postmortem Incident(bool rootCauseMarked)
        {
            var p = new Postmortem("Replica rebuild") { Date = new DateTime(2026, 11, 20) };
            var t = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
            p.Timeline.Add(new TimelineEvent(t, "Alert fired", Milestone.FirstSymptom));
            p.Timeline.Add(new TimelineEvent(t.AddMinutes(5), "Paged", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(t.AddMinutes(40), "Found the corrupted WAL segment", rootCauseMarked ? Milestone.RootCauseIdentified : Milestone.None));
            p.Timeline.Add(new TimelineEvent(t.AddHours(17), "Replica rebuilt and serving", Milestone.ServiceRestored));
            return p;
        }

        [Fact]
        public void A_restore_after_the_root_cause_was_found_is_Recovering_not_Investigating()
        {
            var svg = Rendering.TimelineChart.Render(Incident(rootCauseMarked: true))!;
            Xunit.Assert.Contains("<title>Investigating: 09:05 to 09:40 UTC (00:35)</title>", svg);
            Xunit.Assert.Contains("<title>Recovering: 09:40 to 02:00 UTC (16:20)</title>", svg);
        }

        [Fact]
        public void Without_a_root_cause_milestone_the_chart_is_as_before()
        {
            var svg = Rendering.TimelineChart.Render(Incident(rootCauseMarked: false))!;
            Xunit.Assert.DoesNotContain("Recovering", svg);
            Xunit.Assert.Contains("<title>Investigating: 09:05 to 02:00 UTC (16:55)</title>", svg);
        }
    }
}
