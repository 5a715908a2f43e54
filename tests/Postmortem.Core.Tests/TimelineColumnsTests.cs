using System;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// The Timeline table shows what used to live only in the front matter: each event's milestone in a column of
    /// its own. A reviewer sets or moves a milestone on the page, and the page wins over the front matter.
    /// </summary>
    public class TimelineMilestoneColumnTests
    {
        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        private static DateTime At(int hour, int minute) => new DateTime(2026, 11, 20, hour, minute, 0, DateTimeKind.Utc);

        // Manual events only, so the rows hold no source tag.
        internal static Postmortem DiskFull()
        {
            var p = new Postmortem("Disk full on db-2", new Guid("0c4f2b1a-5d6e-4f70-8a9b-1c2d3e4f5a6b")) { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(At(14, 2), "Disk usage alert fired", Milestone.FirstSymptom));
            p.Timeline.Add(new TimelineEvent(At(14, 5), "On-call acknowledged", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(At(14, 9), "Old WAL files found"));
            p.Timeline.Add(new TimelineEvent(At(14, 25), "Old WAL files removed", Milestone.MitigationApplied));
            p.Timeline.Add(new TimelineEvent(At(14, 31), "Writes succeed again", Milestone.ServiceRestored));
            return p;
        }

        private static string Edit(string markdown, string from, string to)
        {
            Assert.Contains(from, markdown);
            return markdown.Replace(from, to);
        }

        [Fact]
        public void The_timeline_table_has_a_Milestone_column_after_Event_in_words_and_empty_for_a_plain_event()
        {
            var markdown = PostmortemMarkdown.Render(DiskFull());
            Assert.Contains(
                "| Time (UTC) | Event | Milestone |\n|------------|-------|-----------|\n" +
                "| 14:02 | Disk usage alert fired | First symptom |\n" +
                "| 14:05 | On-call acknowledged | Detected |\n" +
                "| 14:09 | Old WAL files found | |\n" +
                "| 14:25 | Old WAL files removed | Mitigation applied |\n" +
                "| 14:31 | Writes succeed again | Service restored |\n\n", markdown);
        }

        [Theory]
        [InlineData(Milestone.FirstSymptom, "First symptom")]
        [InlineData(Milestone.Detected, "Detected")]
        [InlineData(Milestone.InvestigationStarted, "Investigation started")]
        [InlineData(Milestone.RootCauseIdentified, "Root cause identified")]
        [InlineData(Milestone.MitigationApplied, "Mitigation applied")]
        [InlineData(Milestone.ServiceRestored, "Service restored")]
        [InlineData(Milestone.Resolved, "Resolved")]
        public void Every_milestone_is_shown_in_words_and_reads_back(Milestone milestone, string words)
        {
            var p = new Postmortem("t") { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(At(9, 0), "event", milestone));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains($"| 09:00 | event | {words} |\n", markdown);
            Assert.Equal(milestone, Read(markdown).Postmortem.Timeline.Single().Milestone);
        }

        [Fact]
        public void Without_front_matter_the_page_gives_every_milestone_and_the_Duration_they_span()
        {
            var original = DiskFull();
            var result = Read(PostmortemMarkdown.Render(original));
            Assert.Equal(original.Timeline.Select(e => e.Milestone), result.Postmortem.Timeline.Select(e => e.Milestone));
            Assert.Null(result.Postmortem.ExplicitDuration);
            Assert.Equal(TimeSpan.FromMinutes(26), result.Postmortem.Duration);
            Assert.Empty(result.Warnings);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_reviewer_sets_a_milestone_in_the_column(bool frontMatter)
        {
            var markdown = Edit(PostmortemMarkdown.Render(DiskFull(), frontMatter), "| 14:09 | Old WAL files found | |", "| 14:09 | Old WAL files found | Root cause identified |");
            var result = Read(markdown);
            Assert.Equal(Milestone.RootCauseIdentified, result.Postmortem.Timeline.Single(e => e.Event == "Old WAL files found").Milestone);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_reviewer_moves_a_milestone_and_the_page_wins_over_the_front_matter()
        {
            var markdown = Edit(PostmortemMarkdown.Render(DiskFull(), frontMatter: true), "| 14:05 | On-call acknowledged | Detected |", "| 14:05 | On-call acknowledged | |");
            markdown = Edit(markdown, "| 14:09 | Old WAL files found | |", "| 14:09 | Old WAL files found | Detected |");
            var result = Read(markdown);
            var timeline = result.Postmortem.Timeline;
            Assert.Equal(Milestone.None, timeline.Single(e => e.Event == "On-call acknowledged").Milestone);
            Assert.Equal(Milestone.Detected, timeline.Single(e => e.Event == "Old WAL files found").Milestone);
            // The Duration the page showed was derived from the milestones as they were: the moved one gives it now.
            Assert.Null(result.Postmortem.ExplicitDuration);
            Assert.Equal(TimeSpan.FromMinutes(22), result.Postmortem.Duration);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_row_whose_time_and_text_were_both_edited_keeps_the_milestone_its_column_shows()
        {
            var markdown = Edit(PostmortemMarkdown.Render(DiskFull(), frontMatter: true), "| 14:31 | Writes succeed again | Service restored |", "| 14:33 | Writes succeed on every tenant | Service restored |");
            var result = Read(markdown);
            Assert.Equal(Milestone.ServiceRestored, result.Postmortem.Timeline.Single(e => e.UtcTime == At(14, 33)).Milestone);
            Assert.Empty(result.Warnings);
        }

        [Theory]
        [InlineData("rootcauseidentified")]
        [InlineData("RootCauseIdentified")]
        [InlineData("ROOT CAUSE IDENTIFIED")]
        [InlineData("root  cause identified")]
        public void The_column_takes_the_words_or_the_names_in_any_case(string written)
        {
            var markdown = Edit(PostmortemMarkdown.Render(DiskFull()), "| 14:09 | Old WAL files found | |", $"| 14:09 | Old WAL files found | {written} |");
            Assert.Equal(Milestone.RootCauseIdentified, Read(markdown).Postmortem.Timeline.Single(e => e.Event == "Old WAL files found").Milestone);
        }

        [Fact]
        public void A_milestone_that_is_none_is_refused_naming_the_line_and_the_milestones()
        {
            var markdown = Edit(PostmortemMarkdown.Render(DiskFull()), "| 14:09 | Old WAL files found | |", "| 14:09 | Old WAL files found | Root cause found |");
            var error = Assert.Throws<PostmortemFormatException>(() => Read(markdown));
            Assert.Equal(Array.FindIndex(markdown.Split('\n'), l => l.Contains("Root cause found")) + 1, error.Line);
            Assert.Contains("'Root cause found'", error.Message);
            Assert.Contains("First symptom, Detected, Investigation started, Root cause identified, Mitigation applied, Service restored, Resolved", error.Message);
        }

        [Fact]
        public void An_older_file_without_the_column_still_takes_its_milestones_from_the_front_matter()
        {
            var original = DiskFull();
            var markdown = PreviousFormat.Of(PostmortemMarkdown.Render(original, frontMatter: true));
            Assert.Contains("| Time (UTC) | Event |\n|------------|-------|\n| 14:02 | Disk usage alert fired |\n", markdown);
            var result = Read(markdown);
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
            Assert.Empty(result.Warnings);
        }
    }

    /// <summary>
    /// An event's source (alertmanager, slack, kubectl) shows as a small tag after its text, &lt;sub&gt;slack&lt;/sub&gt;,
    /// raw inline HTML that BookStack keeps; the reader takes a trailing tag as the source and never as text.
    /// </summary>
    public class TimelineSourceTagTests
    {
        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        private static DateTime At(int hour, int minute) => new DateTime(2026, 11, 20, hour, minute, 0, DateTimeKind.Utc);

        private static Postmortem WithSource(string text, string? source, Milestone milestone = Milestone.None)
        {
            var p = new Postmortem("t", new Guid("5e1f0d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f")) { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(At(9, 12), text, milestone, source));
            return p;
        }

        private static string Edit(string markdown, string from, string to)
        {
            Assert.Contains(from, markdown);
            return markdown.Replace(from, to);
        }

        [Fact]
        public void A_gathered_events_source_is_a_sub_tag_after_its_text_and_a_manual_one_shows_none()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage());
            Assert.Contains("| 09:12 | 5xx rate alert fired for checkout-api <sub>alertmanager</sub> | First symptom |\n", markdown);
            Assert.Contains("| 09:52 | Previous certificate bundle restored | Mitigation applied |\n", markdown);
        }

        [Fact]
        public void The_source_is_HTML_escaped_and_cannot_break_the_row_or_become_Markdown()
        {
            var markdown = PostmortemMarkdown.Render(WithSource("alert", "<b>x</b> & \"q\" *a* _b_ `c` [d] a|b \\ ~e~"));
            Assert.Contains("| 09:12 | alert <sub>&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &#42;a&#42; &#95;b&#95; &#96;c&#96; &#91;d&#93; a&#124;b &#92; &#126;e&#126;</sub> | |\n", markdown);
        }

        [Theory]
        [MemberData(nameof(MarkdownEscapingTests.HostileTexts), MemberType = typeof(MarkdownEscapingTests))]
        public void Any_source_reads_back_as_it_was_and_the_row_keeps_its_columns(string source)
        {
            var original = WithSource("event", source, Milestone.Detected);
            var result = Read(PostmortemMarkdown.Render(original));
            var e = result.Postmortem.Timeline.Single();
            Assert.Equal(original.Timeline[0].Source, e.Source);
            Assert.Equal(("event", Milestone.Detected), (e.Event, e.Milestone));
            Assert.Empty(result.Warnings);
        }

        [Theory]
        [InlineData("Paged <sub>slack</sub>")]
        [InlineData("<sub>slack</sub>")]
        [InlineData("ends in a tag <sub>x</sub>\nover two lines <sub>y</sub>")]
        public void Event_text_that_holds_a_sub_tag_stays_text_and_is_never_taken_for_the_source(string text)
        {
            foreach (var source in new[] { null, "kubectl" })
            {
                var original = WithSource(text, source);
                var markdown = PostmortemMarkdown.Render(original);
                var e = Read(markdown).Postmortem.Timeline.Single();
                Assert.Equal((original.Timeline[0].Event, original.Timeline[0].Source), (e.Event, e.Source));
            }
        }

        [Fact]
        public void Without_front_matter_the_page_gives_every_source()
        {
            var original = SamplePostmortems.CheckoutOutage();
            var back = Read(PostmortemMarkdown.Render(original)).Postmortem;
            Assert.Equal(original.Timeline.Select(e => (e.Event, e.Milestone, e.Source)), back.Timeline.Select(e => (e.Event, e.Milestone, e.Source)));
        }

        [Fact]
        public void A_reviewer_adds_removes_or_changes_a_tag_and_the_page_wins_over_the_front_matter()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage(), frontMatter: true);
            markdown = Edit(markdown, "| 09:52 | Previous certificate bundle restored |", "| 09:52 | Previous certificate bundle restored <sub>argocd</sub> |");
            markdown = Edit(markdown, "pulled <sub>slack</sub> |", "pulled |");
            markdown = Edit(markdown, "<sub>grafana</sub>", "<sub>Grafana dashboard</sub>");
            var result = Read(markdown);
            var timeline = result.Postmortem.Timeline;
            Assert.Equal("argocd", timeline.Single(e => e.Event == "Previous certificate bundle restored").Source);
            Assert.Equal(TimelineEvent.ManualSource, timeline.Single(e => e.Event.StartsWith("Incident channel", StringComparison.Ordinal)).Source);
            Assert.Equal("Grafana dashboard", timeline.Single(e => e.Event.StartsWith("Checkout success", StringComparison.Ordinal)).Source);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_tag_typed_by_hand_with_Markdown_escapes_or_entities_reads_as_it_shows()
        {
            var markdown = Edit(PostmortemMarkdown.Render(WithSource("alert", "slack")), "<sub>slack</sub>", "<sub>chat\\_ops &amp; more</sub>");
            Assert.Equal("chat_ops & more", Read(markdown).Postmortem.Timeline.Single().Source);
        }

        [Fact]
        public void An_older_file_without_tags_still_takes_its_sources_from_the_front_matter()
        {
            var original = SamplePostmortems.CheckoutOutage();
            var markdown = PreviousFormat.Of(PostmortemMarkdown.Render(original, frontMatter: true));
            Assert.DoesNotContain("<sub>", markdown);
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(Read(markdown).Postmortem));
        }

        [Fact]
        public void In_an_older_file_a_tag_added_by_hand_is_the_source_and_the_front_matter_gives_the_others()
        {
            var original = SamplePostmortems.CheckoutOutage();
            var markdown = PreviousFormat.Of(PostmortemMarkdown.Render(original, frontMatter: true))
                .Replace("| 09:52 | Previous certificate bundle restored |", "| 09:52 | Previous certificate bundle restored <sub>argocd</sub> |");
            var timeline = Read(markdown).Postmortem.Timeline;
            Assert.Equal("argocd", timeline.Single(e => e.Event == "Previous certificate bundle restored").Source);
            Assert.Equal("kubectl", timeline.Single(e => e.Event.StartsWith("Gateway logs", StringComparison.Ordinal)).Source);
        }

        [Fact]
        public void The_html_shows_the_tag_as_a_sub_element_and_a_typed_one_as_text()
        {
            var p = WithSource("Paged <sub>me</sub>", "slack & co");
            var html = PostmortemHtml.RenderFragment(p, timelineChart: false);
            Assert.Contains("<td>Paged &lt;sub&gt;me&lt;/sub&gt; <sub>slack &amp; co</sub></td>", html);
        }
    }

    /// <summary>
    /// A timeline over more than a day shows the date once per day, on the first row and where the UTC day changes;
    /// the reader carries the day down to the rows that show a time of day.
    /// </summary>
    public class TimelineDayTests
    {
        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        private static DateTime Utc(int day, int hour, int minute, int second = 0) => new DateTime(2026, 11, day, hour, minute, second, DateTimeKind.Utc);

        // Past midnight and over a second night.
        internal static Postmortem OverTwoNights()
        {
            var p = new Postmortem("Replication lag over two nights", new Guid("7d2e1f3a-4b5c-4d6e-9f70-8a9b0c1d2e3f")) { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(Utc(20, 23, 50), "Lag alert fired", Milestone.FirstSymptom, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(Utc(20, 23, 58), "On-call paged", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(Utc(21, 0, 20), "Replica rebuilt", Milestone.MitigationApplied));
            p.Timeline.Add(new TimelineEvent(Utc(21, 9, 5), "Lag under a second", Milestone.ServiceRestored, "grafana"));
            p.Timeline.Add(new TimelineEvent(Utc(22, 9, 0), "Stable for a day", Milestone.Resolved));
            return p;
        }

        [Fact]
        public void A_timeline_over_midnight_shows_the_date_on_the_first_row_and_where_the_day_changes()
        {
            var markdown = PostmortemMarkdown.Render(OverTwoNights());
            Assert.Contains(
                "| 2026-11-20 23:50 | Lag alert fired <sub>alertmanager</sub> | First symptom |\n" +
                "| 23:58 | On-call paged | Detected |\n" +
                "| 2026-11-21 00:20 | Replica rebuilt | Mitigation applied |\n" +
                "| 09:05 | Lag under a second <sub>grafana</sub> | Service restored |\n" +
                "| 2026-11-22 09:00 | Stable for a day | Resolved |\n", markdown);
        }

        [Fact]
        public void With_seconds_the_date_still_shows_once_per_day()
        {
            var p = OverTwoNights();
            p.Timeline.Add(new TimelineEvent(Utc(21, 0, 20, 30), "Replica caught up"));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains("| 2026-11-21 00:20:00 | Replica rebuilt | Mitigation applied |\n| 00:20:30 | Replica caught up | |\n", markdown);
        }

        [Fact]
        public void A_timeline_on_one_day_other_than_the_incidents_Date_shows_that_date_on_its_first_row_only()
        {
            var p = new Postmortem("t") { Date = new DateTime(2026, 11, 19) };
            p.Timeline.Add(new TimelineEvent(Utc(20, 14, 2), "a"));
            p.Timeline.Add(new TimelineEvent(Utc(20, 14, 9), "b"));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains("| 2026-11-20 14:02 | a | |\n| 14:09 | b | |\n", markdown);
            p.Date = null;
            Assert.Contains("| 2026-11-20 14:02 | a | |\n| 14:09 | b | |\n", PostmortemMarkdown.Render(p));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_midnight_crossing_incident_round_trips_with_and_without_front_matter(bool frontMatter)
        {
            var original = OverTwoNights();
            var result = Read(PostmortemMarkdown.Render(original, frontMatter));
            Assert.Equal(original.Timeline.Select(e => (e.UtcTime, e.Event, e.Milestone, e.Source)), result.Postmortem.Timeline.Select(e => (e.UtcTime, e.Event, e.Milestone, e.Source)));
            Assert.Equal(TimeSpan.FromHours(33).Add(TimeSpan.FromMinutes(2)), result.Postmortem.Duration);
            Assert.Null(result.Postmortem.ExplicitDuration);
            Assert.Empty(result.Warnings);
            if (frontMatter) Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
        }

        [Fact]
        public void A_time_of_day_falls_on_the_day_of_the_row_above_and_the_first_on_the_incidents_Date()
        {
            var p = Read(@"# Postmortem: t

**Date:** 2026-11-20

## Timeline

| Time (UTC) | Event |
|---|---|
| 23:50 | alert |
| 2026-11-21 00:20 | rebuilt |
| 00:40 | caught up |
| 2026-11-22 | day only |
| 09:00 | stable |
").Postmortem;
            Assert.Equal(new[] { Utc(20, 23, 50), Utc(21, 0, 20), Utc(21, 0, 40), Utc(22, 0, 0), Utc(22, 9, 0) }, p.Timeline.Select(e => e.UtcTime));
        }

        [Fact]
        public void A_reviewer_adds_a_row_for_the_second_day_and_its_time_of_day_falls_on_that_day()
        {
            var markdown = PostmortemMarkdown.Render(OverTwoNights(), frontMatter: true)
                .Replace("| 09:05 | Lag under a second", "| 08:40 | Replica lag checked by hand | |\n| 09:05 | Lag under a second");
            var result = Read(markdown);
            Assert.Equal(Utc(21, 8, 40), result.Postmortem.Timeline.Single(e => e.Event == "Replica lag checked by hand").UtcTime);
            Assert.Empty(result.Warnings);
        }
    }
}
