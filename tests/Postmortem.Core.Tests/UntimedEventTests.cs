using System;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Steps no source gives a time for ("then someone restarted the pods"): they stand in their place in the story,
    /// show no time, mark no milestone and stay out of the metrics and the chart, through every file and the wiki.
    /// </summary>
    public class UntimedEventTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime At(int hour, int minute) => Day.AddHours(hour).AddMinutes(minute);

        // 22:10 alert, 22:25 detected, (unknown) restarted pods, (unknown) drained node, 23:45 restored.
        private static Postmortem WithUntimedSteps()
        {
            var p = new Postmortem("Broker outage") { Date = Day, Status = IncidentStatus.Resolved };
            p.Timeline.Add(new TimelineEvent(At(22, 10), "Queue depth alert fired", Milestone.FirstSymptom, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(At(22, 25), "On-call engineer acknowledged the page", Milestone.Detected, "pagerduty"));
            p.Timeline.Add(new TimelineEvent(At(23, 45), "Service back online", Milestone.ServiceRestored));
            p.Timeline.Insert(2, TimelineEvent.Untimed("Restarted the broker pods", Day, "slack"));
            p.Timeline.Insert(3, TimelineEvent.Untimed("Drained the node with the full disk", Day));
            return p;
        }

        private static string[] Texts(Postmortem p) => p.Timeline.Select(e => e.Event).ToArray();

        private static readonly string[] Story =
        {
            "Queue depth alert fired", "On-call engineer acknowledged the page", "Restarted the broker pods", "Drained the node with the full disk", "Service back online",
        };

        // ---- Model

        [Fact]
        public void An_untimed_step_stands_where_it_was_put_and_takes_the_time_before_it_as_its_place()
        {
            var p = WithUntimedSteps();
            Assert.Equal(Story, Texts(p));
            Assert.True(p.Timeline[2].TimeUnknown);
            Assert.Equal(At(22, 25), p.Timeline[2].UtcTime);
            Assert.Equal(At(22, 25), p.Timeline[3].UtcTime);
            Assert.False(p.Timeline[2].Approximate);
            Assert.Equal(2, p.Timeline[2].Index);
            Assert.StartsWith("(time unknown, after 2026-11-20 22:25:00Z)", p.Timeline[2].ToString());
        }

        [Fact]
        public void A_step_put_first_stands_before_the_first_event_and_later_events_keep_it_in_place()
        {
            var p = WithUntimedSteps();
            p.Timeline.Insert(0, TimelineEvent.Untimed("Customers reported slow checkouts", Day));
            Assert.Equal("Customers reported slow checkouts", p.Timeline[0].Event);
            Assert.Equal(At(22, 10), p.Timeline[0].UtcTime);
            // A timed event added afterwards, at the time of a step's place, comes after the step; one earlier, before.
            p.Timeline.Add(new TimelineEvent(At(22, 25), "Opened the incident channel"));
            p.Timeline.Add(new TimelineEvent(At(22, 5), "Disk usage crossed 90%"));
            Assert.Equal(new[] { "Disk usage crossed 90%", "Customers reported slow checkouts", "Queue depth alert fired", "On-call engineer acknowledged the page",
                "Restarted the broker pods", "Drained the node with the full disk", "Opened the incident channel", "Service back online" }, Texts(p));
        }

        [Fact]
        public void The_same_step_put_twice_is_kept_once_and_an_empty_timeline_places_it_on_the_incidents_day()
        {
            var p = WithUntimedSteps();
            Assert.Null(p.Timeline.Insert(1, TimelineEvent.Untimed("Restarted the broker pods", Day, "slack")));
            Assert.Equal(5, p.Timeline.Count);
            var empty = new Postmortem("x") { Date = Day };
            Assert.NotNull(empty.Timeline.Insert(0, TimelineEvent.Untimed("Noticed by a customer", At(9, 0))));
            Assert.Equal(Day, empty.Timeline[0].UtcTime);
        }

        [Fact]
        public void An_untimed_step_marks_no_milestone_and_a_timed_event_goes_to_its_time_not_a_position()
        {
            var e = Assert.Throws<ArgumentException>(() => new TimelineEvent(Day, "Restarted the pods", Milestone.MitigationApplied, null, false, true));
            Assert.Contains("cannot mark the MitigationApplied milestone", e.Message);
            Assert.Throws<ArgumentException>(() => WithUntimedSteps().Timeline.Insert(1, new TimelineEvent(Day, "Timed")));
            Assert.Throws<ArgumentOutOfRangeException>(() => WithUntimedSteps().Timeline.Insert(6, TimelineEvent.Untimed("x", Day)));
        }

        [Fact]
        public void Untimed_steps_are_equal_wherever_they_stand_but_never_equal_a_timed_event()
        {
            var a = TimelineEvent.Untimed("Restarted the pods", At(1, 0));
            var b = TimelineEvent.Untimed("Restarted the pods", At(2, 0));
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.NotEqual(a, new TimelineEvent(At(1, 0), "Restarted the pods"));
            // Giving a step a time makes it an ordinary event, which moves to its time.
            var p = WithUntimedSteps();
            p.Timeline.Replace(3, p.Timeline[3].With(time: At(23, 0)));
            Assert.False(p.Timeline[3].TimeUnknown);
            Assert.Equal("Drained the node with the full disk", p.Timeline[3].Event);
            // And an event's time said unknown keeps its place.
            p.Timeline.Replace(1, p.Timeline[1].With(milestone: Milestone.None, timeUnknown: true));
            Assert.True(p.Timeline[1].TimeUnknown);
            Assert.Equal("On-call engineer acknowledged the page", p.Timeline[1].Event);
        }

        // ---- Metrics and rules

        [Fact]
        public void The_metrics_and_the_duration_ignore_untimed_steps()
        {
            var p = WithUntimedSteps();
            Assert.Equal(TimeSpan.FromMinutes(80), p.Timeline.DerivedDuration);
            var q = new Postmortem("Broker outage") { Date = Day };
            foreach (var e in p.Timeline.Where(e => !e.TimeUnknown)) q.Timeline.Add(e);
            Assert.Equal(q.Timeline.DerivedDuration, p.Timeline.DerivedDuration);
        }

        [Fact]
        public void The_tone_rule_does_not_ask_an_untimed_step_for_an_exact_time()
        {
            var p = WithUntimedSteps();
            p.Timeline.Insert(4, TimelineEvent.Untimed("At some point around then, restarted the consumers", Day));
            Assert.DoesNotContain(Check(p), d => d.RuleName == "SpecificTimes");
            p.Timeline.Add(new TimelineEvent(At(23, 50), "At some point around then, drained the queue"));
            Assert.Contains(Check(p), d => d.RuleName == "SpecificTimes");
        }

        [Fact]
        public void The_date_rule_looks_at_the_first_timed_event()
        {
            var p = WithUntimedSteps();
            p.Timeline.Insert(0, TimelineEvent.Untimed("Customers reported slow checkouts", Day));
            Assert.DoesNotContain(Check(p), d => d.RuleName == "DateMatchesTimeline");
        }

        // ---- YAML

        [Fact]
        public void A_YAML_draft_writes_time_unknown_and_reads_the_steps_back_in_their_places()
        {
            var p = WithUntimedSteps();
            p.Timeline.Insert(0, TimelineEvent.Untimed("Customers reported slow checkouts", Day));
            var yaml = PostmortemYaml.Write(p);
            Assert.Equal(3, CountOf(yaml, "time: unknown"));
            var back = PostmortemYaml.Read(yaml, "t.yaml").Postmortem;
            Assert.Equal(Texts(p), Texts(back));
            Assert.Equal(p.Timeline.Select(e => e.TimeUnknown), back.Timeline.Select(e => e.TimeUnknown));
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back));
        }

        [Theory]
        [InlineData("unknown")]
        [InlineData("Unknown")]
        [InlineData("'?'")]
        [InlineData("n/a")]
        [InlineData("TBD")]
        [InlineData("'-'")]
        public void A_YAML_time_written_as_unknown_by_hand_is_read_so(string said)
        {
            var yaml = PostmortemYaml.Write(WithUntimedSteps()).Replace("time: unknown", "time: " + said);
            var back = PostmortemYaml.Read(yaml, "t.yaml").Postmortem;
            Assert.Equal(Story, Texts(back));
            Assert.True(back.Timeline[2].TimeUnknown);
        }

        [Fact]
        public void A_YAML_step_of_unknown_time_with_a_milestone_is_refused_with_its_line()
        {
            var yaml = PostmortemYaml.Write(WithUntimedSteps());
            yaml = System.Text.RegularExpressions.Regex.Replace(yaml, @"(\n( *)event: Restarted the broker pods)", "\n$2milestone: MitigationApplied$1");
            Assert.Contains("milestone: MitigationApplied", yaml);
            var e = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(yaml, "t.yaml"));
            Assert.True(e.Message.Contains("cannot mark the MitigationApplied milestone"), e.Message);
            Assert.True(e.Line > 0, e.Message);
            Assert.Contains("t.yaml", e.Message);
        }

        // ---- Markdown

        [Fact]
        public void The_Markdown_table_says_unknown_and_the_date_still_shows_once_per_day()
        {
            var p = WithUntimedSteps();
            p.Timeline.Add(new TimelineEvent(Day.AddDays(1).AddMinutes(20), "Backlog drained", Milestone.Resolved));
            p.Timeline.Insert(6, TimelineEvent.Untimed("Closed the incident channel", Day));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains("| unknown | Restarted the broker pods <sub>slack</sub> | |", markdown);
            Assert.Contains("| unknown | Drained the node with the full disk | |", markdown);
            Assert.Contains("| 2026-11-20 22:10 | Queue depth alert fired", markdown);
            Assert.Contains("| 23:45 | Service back online", markdown);
            Assert.Contains("| 2026-11-21 00:20 | Backlog drained", markdown);
            Assert.Contains("| unknown | Closed the incident channel | |", markdown);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Markdown_with_and_without_front_matter_reads_the_steps_back(bool frontMatter)
        {
            var p = WithUntimedSteps();
            var back = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: frontMatter), "t.md");
            Assert.Empty(back.Warnings);
            Assert.Equal(Story, Texts(back.Postmortem));
            Assert.Equal(p.Timeline.Select(e => (e.UtcTime, e.TimeUnknown)), back.Postmortem.Timeline.Select(e => (e.UtcTime, e.TimeUnknown)));
            if (frontMatter) Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back.Postmortem));
        }

        [Theory]
        [InlineData("?")]
        [InlineData("time unknown")]
        [InlineData("\u2014")]
        [InlineData("n/a")]
        public void A_row_a_reviewer_adds_without_a_time_is_a_step_in_its_place(string said)
        {
            var markdown = PostmortemMarkdown.Render(WithUntimedSteps(), frontMatter: true)
                .Replace("| 23:45 | Service back online", $"| {said} | Flushed the consumer offsets | |\n| 23:45 | Service back online");
            var back = PostmortemMarkdownReader.Read(markdown, "t.md");
            Assert.Equal(6, back.Postmortem.Timeline.Count);
            var added = back.Postmortem.Timeline[4];
            Assert.Equal("Flushed the consumer offsets", added.Event);
            Assert.True(added.TimeUnknown);
            Assert.Equal(Milestone.ServiceRestored, back.Postmortem.Timeline[5].Milestone);
        }

        [Fact]
        public void A_page_row_of_unknown_time_that_marks_a_milestone_is_refused_and_an_empty_time_says_how_to_write_one()
        {
            var markdown = PostmortemMarkdown.Render(WithUntimedSteps(), frontMatter: true);
            var marked = markdown.Replace("| unknown | Drained the node with the full disk | |", "| unknown | Drained the node with the full disk | Mitigation applied |");
            var e = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(marked, "t.md"));
            Assert.Contains("has no known time, so it cannot mark", e.Message);
            var blank = markdown.Replace("| unknown | Drained the node with the full disk |", "|  | Drained the node with the full disk |");
            e = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(blank, "t.md"));
            Assert.Contains("write 'unknown' in its time cell", e.Message);
        }

        [Fact]
        public void A_reviewer_who_finds_the_time_of_a_step_gives_it_one_and_it_moves_to_that_time()
        {
            var markdown = PostmortemMarkdown.Render(WithUntimedSteps(), frontMatter: true)
                .Replace("| unknown | Drained the node with the full disk |", "| 23:50 | Drained the node with the full disk |");
            var back = PostmortemMarkdownReader.Read(markdown, "t.md");
            var drained = back.Postmortem.Timeline.Single(x => x.Event.StartsWith("Drained", StringComparison.Ordinal));
            Assert.False(drained.TimeUnknown);
            Assert.Equal(At(23, 50), drained.UtcTime);
            Assert.Equal(4, drained.Index);
        }

        [Fact]
        public void The_HTML_page_says_unknown_and_the_chart_leaves_the_steps_out()
        {
            var p = WithUntimedSteps();
            Assert.Contains("<td>unknown</td>", PostmortemHtml.RenderFragment(p, timelineChart: false));
            var svg = TimelineChart.Render(p)!;
            Assert.DoesNotContain("Restarted the broker pods", svg);
            Assert.DoesNotContain("Drained the node", svg);
            Assert.Contains("Queue depth alert fired", svg);
            var onlySteps = new Postmortem("x") { Date = Day };
            onlySteps.Timeline.Insert(0, TimelineEvent.Untimed("Restarted the pods", Day));
            Assert.Null(TimelineChart.Render(onlySteps));
        }

        [Fact]
        public void Export_read_back_compares_a_steps_unknown_time()
        {
            var p = WithUntimedSteps();
            var same = PostmortemYaml.Read(PostmortemYaml.Write(p), "t.yaml").Postmortem;
            Assert.Empty(ReadBack.Differences(p, same));
            var timed = PostmortemYaml.Read(PostmortemYaml.Write(p), "t.yaml").Postmortem;
            timed.Timeline.Replace(2, timed.Timeline[2].With(time: At(22, 25)));
            Assert.Contains(ReadBack.Differences(p, timed), d => d.StartsWith("Timeline[2]", StringComparison.Ordinal));
        }

        // ---- Wiki merge

        [Fact]
        public void A_step_a_reviewer_adds_in_the_wiki_is_merged_into_its_place_and_an_unchanged_step_is_no_change()
        {
            var published = WithUntimedSteps();
            var local = PostmortemYaml.Read(PostmortemYaml.Write(published), "l.yaml").Postmortem;
            var wikiText = PostmortemMarkdown.Render(published, frontMatter: true)
                .Replace("| 23:45 | Service back online", "| unknown | Flushed the consumer offsets | |\n| 23:45 | Service back online");
            var wiki = PostmortemMarkdownReader.Read(wikiText, "page").Postmortem;
            var merged = PostmortemMerge.Merge(published, local, wiki);
            Assert.Empty(merged.Conflicts);
            Assert.Equal(new[] { "Queue depth alert fired", "On-call engineer acknowledged the page", "Restarted the broker pods", "Drained the node with the full disk",
                "Flushed the consumer offsets", "Service back online" }, Texts(merged.Merged));
            Assert.True(merged.Merged.Timeline[4].TimeUnknown);
            var again = PostmortemMerge.Merge(published, local, PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(published, frontMatter: true), "page").Postmortem);
            Assert.Empty(again.TakenFromWiki);
        }

        [Fact]
        public void A_time_a_reviewer_finds_for_a_step_is_taken_by_the_merge()
        {
            var published = WithUntimedSteps();
            var wikiText = PostmortemMarkdown.Render(published, frontMatter: true)
                .Replace("| unknown | Restarted the broker pods", "| 23:05 | Restarted the broker pods");
            var merged = PostmortemMerge.Merge(published, PostmortemYaml.Read(PostmortemYaml.Write(published), "l.yaml").Postmortem, PostmortemMarkdownReader.Read(wikiText, "page").Postmortem);
            Assert.Empty(merged.Conflicts);
            var restarted = merged.Merged.Timeline.Single(x => x.Event == "Restarted the broker pods");
            Assert.False(restarted.TimeUnknown);
            Assert.Equal(At(23, 5), restarted.UtcTime);
            Assert.Equal("slack", restarted.Source);
        }

        private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
    }
}
