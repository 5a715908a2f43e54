using System;
using System.Linq;
using System.Xml.Linq;
using Postmortems.Merging;
using Postmortems.Metrics;
using Postmortems.Rendering;
using Postmortems.Rules;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// The impact's own times (degradation, the impact window, the data-loss window), from GitLab's database outage of
    /// 2017-01-31: replication lag from 19:00, the first alert at 21:00 and a page at 22:09, users affected until 18:14
    /// the next day, and the writes between 17:20 and 23:27 lost.
    /// </summary>
    public class ImpactTimeTests
    {
        private static readonly DateTime Day = new DateTime(2017, 1, 31, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime At(int hour, int minute, int day = 0) => Day.AddDays(day).AddHours(hour).AddMinutes(minute);

        private const string ImpactLines =
            "- **Degradation began:** 2017-01-31 19:00 UTC\n" +
            "- **Impact window:** 2017-01-31 21:00 UTC \u2013 2017-02-01 18:14 UTC (21 h 14 min)\n" +
            "- **Data loss:** Yes \u2014 Writes to the production database were lost.\n" +
            "- **Data-loss window:** 2017-01-31 17:20 UTC \u2013 23:27 UTC (6 h 7 min)\n";

        internal static Postmortem GitLab()
        {
            var p = new Postmortem("GitLab.com database outage", new Guid("1d2c3b4a-5f6e-4d8c-9b0a-112233445566"))
            {
                Date = Day,
                Severity = Severity.P1,
                Status = IncidentStatus.Resolved,
            };
            p.Timeline.Add(new TimelineEvent(At(21, 0), "Replication lag alert fired", Milestone.FirstSymptom, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(At(22, 9), "On-call paged about database load", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(At(23, 27), "Data directory removed on the primary", Milestone.RootCauseIdentified));
            p.Timeline.Add(new TimelineEvent(At(18, 14, 1), "GitLab.com back online from the staging copy", Milestone.ServiceRestored));
            p.Impact.ServicesAffected.Add("GitLab.com");
            p.Impact.DataLoss = true;
            p.Impact.DataLossDescription = "Writes to the production database were lost.";
            p.Impact.DegradationStart = At(19, 0);
            p.Impact.ImpactStart = At(21, 0);
            p.Impact.ImpactEnd = At(18, 14, 1);
            p.Impact.DataLossStart = At(17, 20);
            p.Impact.DataLossEnd = At(23, 27);
            return p;
        }

        private static string Dump(Postmortem p) => PostmortemDump.Of(p);

        // ---- Model

        [Fact]
        public void A_time_is_kept_in_UTC_as_a_timeline_events_time_is()
        {
            var p = new Postmortem("t");
            p.Impact.ImpactStart = new DateTime(2017, 1, 31, 21, 0, 0, DateTimeKind.Unspecified);
            Assert.Equal((At(21, 0), DateTimeKind.Utc), (p.Impact.ImpactStart!.Value, p.Impact.ImpactStart.Value.Kind));
            var local = new DateTime(2017, 1, 31, 21, 0, 0, DateTimeKind.Local);
            p.Impact.ImpactEnd = local;
            Assert.Equal(local.ToUniversalTime(), p.Impact.ImpactEnd);
            Assert.Equal(DateTimeKind.Utc, p.Impact.ImpactEnd!.Value.Kind);
            Assert.Equal(p.Impact.ImpactEnd, p.Impact.TimeOf(ImpactTime.ImpactEnd));
            p.Impact.ImpactEnd = null;
            Assert.Null(p.Impact.ImpactEnd);
        }

        [Fact]
        public void A_time_outside_1900_to_2100_is_refused_naming_the_time()
        {
            var p = new Postmortem("t");
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => p.Impact.DataLossStart = new DateTime(26, 1, 31, 17, 20, 0, DateTimeKind.Utc));
            Assert.Contains("DataLossStart is from 1900 to 2100", error.Message);
            Assert.Null(p.Impact.DataLossStart);
        }

        [Fact]
        public void A_time_alone_fills_the_impact_and_a_final_postmortem_refuses_a_change()
        {
            var p = new Postmortem("t");
            Assert.True(p.Impact.IsEmpty);
            p.Impact.DegradationStart = At(19, 0);
            Assert.False(p.Impact.IsEmpty);
            Assert.True(p.Impact.HasTimes);

            var final = GitLab();
            final.State = DocumentState.Final;
            Assert.Throws<PostmortemStateException>(() => final.Impact.ImpactEnd = At(19, 0, 1));
            Assert.Throws<PostmortemStateException>(() => final.Impact.SetTime(ImpactTime.DataLossEnd, null));
            Assert.Equal(At(18, 14, 1), final.Impact.ImpactEnd);
        }

        // ---- Rendering

        [Fact]
        public void The_impact_section_shows_each_window_with_its_length_and_the_end_without_a_date_on_the_starts_day()
        {
            var markdown = PostmortemMarkdown.Render(GitLab());
            Assert.Contains("## Impact\n\n- **Services affected:** GitLab.com\n- **Users affected:** _not set_\n" + ImpactLines + "- **Revenue/SLA impact:** _not set_\n\n## Root Cause", markdown);
        }

        [Fact]
        public void A_window_missing_a_side_says_not_set_and_a_time_with_seconds_shows_them()
        {
            var p = new Postmortem("t") { Date = Day };
            p.Impact.ImpactEnd = At(18, 14, 1).AddSeconds(30);
            p.Impact.DataLossStart = At(17, 20);
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains("- **Impact window:** _not set_ \u2013 2017-02-01 18:14:30 UTC\n", markdown);
            Assert.Contains("- **Data-loss window:** 2017-01-31 17:20 UTC \u2013 _not set_\n", markdown);
            Assert.DoesNotContain("Degradation began", markdown);
        }

        [Fact]
        public void A_window_the_wrong_way_round_shows_both_times_but_no_length()
        {
            var p = new Postmortem("t") { Date = Day };
            p.Impact.ImpactStart = At(21, 0);
            p.Impact.ImpactEnd = At(20, 0);
            Assert.Contains("- **Impact window:** 2017-01-31 21:00 UTC \u2013 20:00 UTC\n", PostmortemMarkdown.Render(p));
        }

        [Theory]
        [InlineData(0, "0 min")]
        [InlineData(45, "45 min")]
        [InlineData(60, "1 h")]
        [InlineData(367, "6 h 7 min")]
        [InlineData(3005, "50 h 5 min")]
        public void A_windows_length_reads_in_hours_and_minutes(int minutes, string expected) =>
            Assert.Equal(expected, PostmortemMarkdown.WindowLength(TimeSpan.FromMinutes(minutes)));

        [Fact]
        public void Without_the_times_the_impact_section_is_the_templates_four_lines()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage(), frontMatter: true);
            Assert.DoesNotContain("Impact window", markdown);
            Assert.DoesNotContain("Data-loss window", markdown);
            Assert.DoesNotContain("Degradation", markdown);
            Assert.DoesNotContain("\nimpact:", markdown);
            Assert.DoesNotContain("degradationStart", PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void The_html_page_shows_the_windows_in_the_impact_list()
        {
            var html = PostmortemHtml.RenderPage(GitLab(), timelineChart: false);
            Assert.Contains("<li><strong>Impact window:</strong> 2017-01-31 21:00 UTC \u2013 2017-02-01 18:14 UTC (21 h 14 min)</li>", html);
            Assert.Contains("<li><strong>Data-loss window:</strong> 2017-01-31 17:20 UTC \u2013 23:27 UTC (6 h 7 min)</li>", html);
            Assert.Contains("<li><strong>Degradation began:</strong> 2017-01-31 19:00 UTC</li>", html);
        }

        // ---- Reading back

        [Fact]
        public void The_yaml_draft_keeps_the_times_exactly_under_the_impact_block()
        {
            var p = GitLab();
            p.Impact.ImpactEnd = p.Impact.ImpactEnd!.Value.AddTicks(1234567);
            var yaml = PostmortemYaml.Write(p);
            Assert.Contains("  revenueImpact: ''\n  degradationStart: 2017-01-31T19:00:00Z\n  impactStart: 2017-01-31T21:00:00Z\n  impactEnd: 2017-02-01T18:14:00.1234567Z\n"
                + "  dataLossStart: 2017-01-31T17:20:00Z\n  dataLossEnd: 2017-01-31T23:27:00Z\n", yaml);
            var back = PostmortemYaml.Read(yaml, "t.yaml");
            Assert.Empty(back.Warnings);
            Assert.Equal(Dump(p), Dump(back.Postmortem));
        }

        [Fact]
        public void A_hand_written_draft_may_give_a_time_of_day_on_the_date_and_a_bad_time_names_its_line()
        {
            var yaml = "title: t\ndate: 2017-01-31\nimpact:\n  impactStart: '21:00'\n  dataLossEnd: 2017-01-31 23:27 +01:00\n";
            var p = PostmortemYaml.Read(yaml, "t.yaml").Postmortem;
            Assert.Equal(At(21, 0), p.Impact.ImpactStart);
            Assert.Equal(At(22, 27), p.Impact.DataLossEnd);

            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read("title: t\nimpact:\n  impactEnd: yesterday-ish\n", "t.yaml"));
            Assert.Equal(3, error.Line);
            Assert.Contains("'impactEnd' in 'impact'", error.Message);
        }

        [Fact]
        public void The_markdown_file_and_the_page_read_back_as_the_same_postmortem()
        {
            var p = GitLab();
            Assert.Equal(Dump(p), Dump(PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: true), "t.md").Postmortem));
            // The page alone, as BookStack holds it: its times are all there is.
            var page = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p), "page.md");
            Assert.Empty(page.Warnings);
            Assert.Equal(Dump(p), Dump(WithId(page.Postmortem, p.Id)));
        }

        [Fact]
        public void The_front_matter_keeps_what_the_page_cannot_show_while_the_page_still_shows_it()
        {
            var p = GitLab();
            p.Impact.DataLossStart = At(17, 20).AddSeconds(12).AddTicks(5);
            var file = PostmortemMarkdown.Render(p, frontMatter: true);
            Assert.Contains("impact: {degradationStart: '2017-01-31T19:00:00Z', impactStart: '2017-01-31T21:00:00Z', impactEnd: '2017-02-01T18:14:00Z', dataLossStart: '2017-01-31T17:20:12.0000005Z', dataLossEnd: '2017-01-31T23:27:00Z'}\n", file);
            Assert.Contains("- **Data-loss window:** 2017-01-31 17:20:12 UTC \u2013 23:27 UTC (6 h 7 min)\n", file);
            Assert.Equal(p.Impact.DataLossStart, PostmortemMarkdownReader.Read(file, "t.md").Postmortem.Impact.DataLossStart);
        }

        [Fact]
        public void A_reviewer_correcting_a_time_on_the_page_wins_over_the_front_matter()
        {
            var p = GitLab();
            var edited = PostmortemMarkdown.Render(p, frontMatter: true)
                .Replace("2017-01-31 17:20 UTC \u2013 23:27 UTC (6 h 7 min)", "2017-01-31 17:20 UTC \u2013 23:31 UTC (6 h 7 min)")
                .Replace("- **Degradation began:** 2017-01-31 19:00 UTC\n", "");
            var back = PostmortemMarkdownReader.Read(edited, "t.md").Postmortem;
            Assert.Equal(At(23, 31), back.Impact.DataLossEnd);
            Assert.Equal(At(17, 20), back.Impact.DataLossStart);
            // The line taken out: the page says there is no such time any more.
            Assert.Null(back.Impact.DegradationStart);
            Assert.Equal(At(18, 14, 1), back.Impact.ImpactEnd);
        }

        [Theory]
        [InlineData("2017-01-31 21:00 UTC to 2017-02-01 18:14 UTC")]
        [InlineData("2017-01-31 21:00 - 2017-02-01 18:14")]
        [InlineData("2017-01-31 21:00 UTC\u20132017-02-01 18:14 UTC (about a day)")]
        [InlineData("21:00 until 2017-02-01 18:14Z")]
        public void A_window_written_by_hand_reads_with_to_a_hyphen_or_a_dash_and_a_time_of_day_on_the_date(string window)
        {
            var page = "# Postmortem: t\n\n**Date:** 2017-01-31\n\n## Impact\n\n- **Impact window:** " + window + "\n";
            var p = PostmortemMarkdownReader.Read(page, "t.md").Postmortem;
            Assert.Equal((At(21, 0), At(18, 14, 1)), (p.Impact.ImpactStart!.Value, p.Impact.ImpactEnd!.Value));
        }

        [Fact]
        public void A_window_of_another_name_is_no_impact_time_and_is_warned_of()
        {
            var page = "# Postmortem: t\n\n**Date:** 2017-01-31\n\n## Impact\n\n- **Maintenance window:** Sundays 02:00-04:00\n";
            var read = PostmortemMarkdownReader.Read(page, "t.md");
            Assert.False(read.Postmortem.Impact.HasTimes);
            Assert.Contains(read.Warnings, w => w.Contains("the impact field 'Maintenance window' is not part of the template"));
        }

        [Fact]
        public void A_time_the_page_cannot_read_is_refused_with_its_line_and_the_form_to_write()
        {
            var page = "# Postmortem: t\n\n**Date:** 2017-01-31\n\n## Impact\n\n- **Services affected:** web\n- **Data-loss window:** 17:20 UTC \u2013 half past eleven\n";
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(page, "t.md"));
            Assert.Equal(8, error.Line);
            Assert.Contains("the Data-loss window has 'half past eleven', which is not a time; write it as the page does, such as 2017-01-31 17:20 UTC", error.Message);

            var noEnd = page.Replace("17:20 UTC \u2013 half past eleven", "17:20 UTC");
            var missing = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(noEnd, "t.md"));
            Assert.Contains("has no start and end", missing.Message);
        }

        [Fact]
        public void The_check_before_writing_passes_a_postmortem_with_times()
        {
            var p = GitLab();
            p.Impact.ImpactStart = At(21, 0).AddTicks(3);
            foreach (var path in new[] { "t.yaml", "t.md" }) Assert.Equal(PostmortemFile.Render(p, path), PostmortemFile.RenderChecked(p, path));
        }

        private static Postmortem WithId(Postmortem p, Guid id)
        {
            var copy = new Postmortem(p.Title, id);
            PostmortemContent.CopyInto(p, copy);
            return copy;
        }

        // ---- Merge

        [Fact]
        public void A_time_corrected_on_the_wiki_arrives_and_one_changed_on_both_sides_is_a_conflict_named_by_the_field()
        {
            var b = GitLab();
            var local = PostmortemYaml.Read(PostmortemYaml.Write(b), "l.yaml").Postmortem;
            var page = PostmortemMarkdown.Render(b).Replace("23:27 UTC (6 h 7 min)", "23:31 UTC (6 h 11 min)");
            var wiki = PostmortemMarkdownReader.Read(MarkdownFrontMatter.Write(b) + "\n" + page, "page").Postmortem;

            var result = PostmortemMerge.Merge(b, local, wiki);
            Assert.False(result.HasConflicts);
            Assert.Equal(At(23, 31), result.Merged.Impact.DataLossEnd);
            Assert.Equal(At(17, 20), result.Merged.Impact.DataLossStart);
            var change = Assert.Single(result.TakenFromWiki);
            Assert.Equal(("Impact", "Data Loss End"), (change.Section, change.Item));
            Assert.Equal("23:27 -> 23:31 (from the wiki)", change.Description);

            local.Impact.DataLossEnd = At(23, 40);
            var both = PostmortemMerge.Merge(b, local, wiki);
            var conflict = Assert.Single(both.Conflicts);
            Assert.Equal("Impact.DataLossEnd", conflict.Id);
            Assert.Equal(At(23, 40), both.Merged.Impact.DataLossEnd);
            var resolved = PostmortemMerge.Merge(b, local, wiki, resolutions: new System.Collections.Generic.Dictionary<string, MergeSide> { ["Impact.DataLossEnd"] = MergeSide.Wiki });
            Assert.Equal(At(23, 31), resolved.Merged.Impact.DataLossEnd);
        }

        [Fact]
        public void Copying_a_postmortems_content_copies_its_times()
        {
            var p = GitLab();
            var copy = new Postmortem("other");
            PostmortemContent.CopyInto(p, copy);
            Assert.Equal(Dump(p).Replace(p.Id.ToString(), ""), Dump(copy).Replace(copy.Id.ToString(), ""));
        }

        // ---- Chart

        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private static XElement? Band(string chart, string name) =>
            XDocument.Parse(chart).Descendants(Svg + "rect").FirstOrDefault(r => (string?)r.Attribute("class") == "pm-phase" && r.Value.StartsWith(name + ":", StringComparison.Ordinal));

        [Fact]
        public void The_chart_draws_the_impact_before_detection_from_the_earlier_start_to_the_first_symptom()
        {
            var chart = TimelineChart.Render(GitLab())!;
            var band = Band(chart, "Impact before detection");
            Assert.NotNull(band);
            // From the degradation at 19:00, before the impact window's 21:00, to the first symptom at 21:00.
            Assert.Equal("Impact before detection: 19:00 to 21:00 UTC (02:00)", band!.Value);
            var undetected = Band(chart, "Undetected")!;
            Assert.Equal(double.Parse((string)band.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture) + double.Parse((string)band.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse((string)undetected.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture), 1);
            Assert.Contains(XDocument.Parse(chart).Descendants(Svg + "text"), t => t.Value == "Impact before detection");
            // BookStack's rules: no id, nothing drawn through one.
            Assert.DoesNotContain(" id=", chart);
            Assert.DoesNotContain("url(", chart);
        }

        [Fact]
        public void Without_a_first_symptom_the_band_runs_to_detection_and_an_impact_after_detection_draws_none()
        {
            var p = GitLab();
            p.Timeline.Remove(p.Timeline.Find(Milestone.FirstSymptom)!);
            p.Impact.DegradationStart = null;
            Assert.Equal("Impact before detection: 21:00 to 22:09 UTC (01:09)", Band(TimelineChart.Render(p)!, "Impact before detection")!.Value);

            p.Impact.ImpactStart = At(22, 30);
            Assert.Null(Band(TimelineChart.Render(p)!, "Impact before detection"));
            Assert.DoesNotContain("Impact before detection", TimelineChart.Render(p)!);
        }

        [Fact]
        public void The_data_loss_window_is_a_thin_bar_of_its_own_and_the_axis_reaches_its_start()
        {
            var chart = XDocument.Parse(TimelineChart.Render(GitLab())!);
            var bar = Assert.Single(chart.Descendants(Svg + "rect"), r => (string?)r.Attribute("class") == "pm-data-loss");
            Assert.Equal("Data-loss window: 2017-01-31 17:20 to 2017-01-31 23:27 UTC (06:07)", bar.Value);
            Assert.Equal("5", (string?)bar.Attribute("height"));
            Assert.Contains(chart.Descendants(Svg + "text"), t => t.Value == "Data-loss window");
            // The axis starts before 17:20, before the first event at 21:00: its first tick is 18:00.
            Assert.Contains(chart.Descendants(Svg + "text"), t => t.Value == "18:00");
        }

        [Fact]
        public void Without_the_times_the_chart_is_the_same_as_before()
        {
            var p = GitLab();
            foreach (ImpactTime which in Enum.GetValues(typeof(ImpactTime))) p.Impact.SetTime(which, null);
            var without = TimelineChart.Render(p)!;
            Assert.DoesNotContain("Impact before detection", without);
            Assert.DoesNotContain("pm-data-loss", without);
            // A data-loss window with no end draws nothing and moves nothing.
            p.Impact.DataLossStart = At(17, 20);
            Assert.Equal(without, TimelineChart.Render(p));
        }

        // ---- Metrics

        [Fact]
        public void A_clock_runs_from_an_impact_time_to_an_impact_time_or_a_milestone()
        {
            var p = GitLab();
            var window = new MetricDefinition("ImpactStartToImpactEnd", new[] { ClockAnchor.ImpactStart }, new[] { ClockAnchor.ImpactEnd }).Measure(p);
            Assert.Equal((TimeSpan.FromMinutes(21 * 60 + 14), ClockAnchor.ImpactStart, ClockAnchor.ImpactEnd), (window.Value!.Value, window.From!.Value, window.To!.Value));
            Assert.Equal((At(21, 0), At(18, 14, 1)), (window.FromTime!.Value, window.ToTime!.Value));
            var unseen = new MetricDefinition("DegradationStartToDetected", new[] { ClockAnchor.DegradationStart }, new[] { ClockAnchor.Detected }).Measure(p);
            Assert.Equal(TimeSpan.FromMinutes(189), unseen.Value);
            var lost = new MetricDefinition("DataLossStartToDataLossEnd", new[] { ClockAnchor.DataLossStart }, new[] { ClockAnchor.DataLossEnd }).Measure(p);
            Assert.Equal(TimeSpan.FromMinutes(367), lost.Value);
        }

        [Fact]
        public void A_missing_impact_time_gives_no_value_and_says_where_to_set_it_and_a_fallback_may_be_a_milestone()
        {
            var p = GitLab();
            p.Impact.ImpactStart = null;
            var missing = new MetricDefinition("x", new[] { ClockAnchor.ImpactStart }, new[] { ClockAnchor.ImpactEnd }).Measure(p);
            Assert.Null(missing.Value);
            Assert.Equal("The impact has no ImpactStart time (Set-Postmortem -ImpactStart).", missing.Reason);

            var fallback = new MetricDefinition("x", new[] { ClockAnchor.ImpactStart, ClockAnchor.FirstSymptom }, new[] { ClockAnchor.ImpactEnd }).Measure(p);
            Assert.Equal(ClockAnchor.FirstSymptom, fallback.From);
            Assert.True(fallback.UsedFallback);
            Assert.Equal("Used FirstSymptom for the missing ImpactStart.", fallback.Reason);

            var none = new MetricDefinition("x", new[] { ClockAnchor.ImpactStart }, new[] { ClockAnchor.Resolved }).Measure(p);
            Assert.StartsWith("The postmortem has no ImpactStart and no Resolved: milestones come from the timeline", none.Reason);

            p.Impact.ImpactStart = At(19, 0, 1);
            var backwards = new MetricDefinition("x", new[] { ClockAnchor.ImpactStart }, new[] { ClockAnchor.ImpactEnd }).Measure(p);
            Assert.Null(backwards.Value);
            Assert.Equal("ImpactEnd (2017-02-01 18:14) comes before ImpactStart (2017-02-01 19:00); check the timeline and the impact's times.", backwards.Reason);
        }

        [Fact]
        public void The_four_standard_clocks_do_not_look_at_the_impacts_times()
        {
            var p = GitLab();
            var with = MetricDefinition.Standard.Select(d => d.Measure(p)).Select(m => $"{m.Name} {m.Value} {m.From} {m.To} {m.Reason}").ToList();
            foreach (ImpactTime which in Enum.GetValues(typeof(ImpactTime))) p.Impact.SetTime(which, null);
            Assert.Equal(with, MetricDefinition.Standard.Select(d => d.Measure(p)).Select(m => $"{m.Name} {m.Value} {m.From} {m.To} {m.Reason}"));
            Assert.All(MetricDefinition.Standard, d => Assert.All(d.From.Concat(d.To), a => Assert.NotNull(ClockAnchors.MilestoneOf(a))));
        }

        // ---- Rules

        [Fact]
        public void A_window_that_ends_before_it_starts_is_an_error_on_its_start()
        {
            Assert.Empty(RuleTestKit.Check(GitLab(), nameof(ImpactWindowOrder)));
            var p = GitLab();
            p.Impact.ImpactEnd = At(20, 0);
            p.Impact.DataLossEnd = At(17, 0);
            p.Impact.DegradationStart = At(20, 30);
            var findings = RuleTestKit.Check(p, nameof(ImpactWindowOrder));
            Assert.Equal(new[] { "Impact.ImpactStart", "Impact.DataLossStart", "Impact.DegradationStart" }, findings.Select(f => f.Target));
            Assert.All(findings, f => Assert.Equal((DiagnosticSeverity.Error, PostmortemSection.Impact), (f.Severity, f.Section)));
            Assert.Equal("The impact window starts at 2017-01-31 21:00 UTC, after it ends at 2017-01-31 20:00 UTC.", findings[0].Message);
        }

        [Fact]
        public void An_end_without_its_start_and_a_data_loss_window_without_data_loss_are_warned_of_and_an_impact_after_detection_is_not()
        {
            var p = GitLab();
            // Users affected only after the page: not a finding.
            p.Impact.ImpactStart = At(22, 30);
            Assert.Empty(RuleTestKit.Check(p, nameof(ImpactWindowComplete)));
            Assert.Empty(RuleTestKit.Check(p, nameof(ImpactWindowOrder)));

            p.Impact.ImpactStart = null;
            p.Impact.DataLossStart = null;
            p.Impact.DataLoss = false;
            var findings = RuleTestKit.Check(p, nameof(ImpactWindowComplete));
            Assert.Equal(new[] { "Impact.ImpactEnd", "Impact.DataLossEnd", "Impact.DataLoss" }, findings.Select(f => f.Target));
            Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Warning, f.Severity));
            Assert.Contains("says no data was lost", findings[2].Message);
            Assert.Contains("-DataLoss $true", findings[2].Suggestion);
        }
    }
}
