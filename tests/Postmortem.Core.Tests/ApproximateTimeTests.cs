using System;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Rendering;
using Postmortems.Rules;
using Postmortems.Serialization;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>Events whose source gives only an approximate time ("~23:30", "23:00-ish"): marked, shown and kept.</summary>
    public class ApproximateTimeTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        private static Postmortem WithApproximateEvent()
        {
            var p = new Postmortem("Broker outage") { Date = Day };
            p.Timeline.Add(new TimelineEvent(Day.AddHours(22).AddMinutes(10), "Queue depth alert fired", Milestone.FirstSymptom, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(23).AddMinutes(30), "Someone restarted the broker", Milestone.None, "slack", approximate: true));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(23).AddMinutes(45), "Service back online", Milestone.ServiceRestored));
            return p;
        }

        // ---- Model

        [Fact]
        public void Approximate_is_part_of_the_events_value_and_kept_by_its_copies()
        {
            var exact = new TimelineEvent(Day.AddHours(23), "Broker restarted");
            var approximate = new TimelineEvent(Day.AddHours(23), "Broker restarted", Milestone.None, null, approximate: true);
            Assert.False(exact.Approximate);
            Assert.True(approximate.Approximate);
            Assert.NotEqual(exact, approximate);
            Assert.Equal(approximate, exact.WithApproximate(true));
            Assert.Equal(approximate.GetHashCode(), exact.WithApproximate(true).GetHashCode());
            Assert.NotEqual(exact.GetHashCode(), approximate.GetHashCode());
            Assert.True(approximate.WithMilestone(Milestone.Detected).Approximate);
            Assert.True(approximate.With(@event: "Broker restarted by hand").Approximate);
            Assert.False(approximate.With(approximate: false).Approximate);
            Assert.StartsWith("~2026-11-20 23:00:00Z", approximate.ToString());
        }

        [Fact]
        public void A_milestone_marked_on_an_approximate_event_keeps_it_approximate()
        {
            var p = WithApproximateEvent();
            Assert.True(p.Timeline.Mark(new TimelineEvent(Day.AddHours(23).AddMinutes(30), "Someone restarted the broker", Milestone.MitigationApplied, "slack")));
            var marked = p.Timeline[1];
            Assert.Equal(Milestone.MitigationApplied, marked.Milestone);
            Assert.True(marked.Approximate);
        }

        // ---- Parsing

        [Theory]
        [InlineData("~23:30")]
        [InlineData("~ 23:30")]
        [InlineData("\u00B1 23:30")]
        [InlineData("\u00B123:30")]
        [InlineData("ca. 23:30")]
        [InlineData("ca.23:30")]
        [InlineData("Ca 23:30")]
        [InlineData("circa 23:30")]
        [InlineData("approx. 23:30")]
        [InlineData("approx 23:30")]
        [InlineData("23:30-ish")]
        [InlineData("23:30ish")]
        [InlineData("23:30 -ish")]
        [InlineData("~2026-11-20T23:30Z")]
        [InlineData("~2026-11-20 23:30")]
        public void A_marked_time_is_read_as_approximate(string text)
        {
            Assert.True(TimelineTime.TryParse(text, Day, null, out var utc, out var problem, out _, out bool approximate), problem);
            Assert.True(approximate);
            Assert.Equal(Day.AddHours(23).AddMinutes(30), utc);
        }

        [Theory]
        [InlineData("23:30")]
        [InlineData("2026-11-20T23:30:00Z")]
        [InlineData("Nov 20 23:30:00")]
        [InlineData("Aug 20 23:30:00")]
        public void An_unmarked_time_is_exact(string text)
        {
            Assert.True(TimelineTime.TryParse(text, Day, null, out _, out var problem, out _, out bool approximate), problem);
            Assert.False(approximate);
        }

        [Theory]
        [InlineData("~")]
        [InlineData("ca.")]
        [InlineData("~ soon")]
        public void A_marker_without_a_time_is_refused_with_a_sentence(string text)
        {
            Assert.False(TimelineTime.TryParse(text, Day, null, out _, out var problem, out _, out _));
            Assert.Contains("Give", problem);
        }

        [Fact]
        public void The_readers_without_the_approximate_flag_still_refuse_a_marked_time()
        {
            // Gatherers read exact times; a marker there is not dropped silently.
            Assert.False(TimelineTime.TryParse("~23:30", Day, out _, out _));
        }

        // ---- YAML

        [Fact]
        public void A_YAML_draft_keeps_the_mark_and_writes_it_only_when_true()
        {
            var p = WithApproximateEvent();
            var yaml = PostmortemYaml.Write(p);
            Assert.Equal(1, CountOf(yaml, "approximate: true"));
            Assert.DoesNotContain("approximate: false", yaml);
            var back = PostmortemYaml.Read(yaml, "t.yaml").Postmortem;
            Assert.Equal(p.Timeline.Select(e => e.Approximate), back.Timeline.Select(e => e.Approximate));
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back));
            Assert.DoesNotContain("approximate", PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void A_YAML_time_written_with_a_tilde_by_hand_is_approximate()
        {
            var yaml = System.Text.RegularExpressions.Regex.Replace(PostmortemYaml.Write(WithApproximateEvent()), @"\n *approximate: true", "").Replace("time: 2026-11-20T23:30:00Z", "time: ~23:30");
            Assert.Contains("time: ~23:30", yaml);
            Assert.DoesNotContain("approximate", yaml);
            var back = PostmortemYaml.Read(yaml, "t.yaml").Postmortem;
            Assert.True(back.Timeline[1].Approximate);
            Assert.Equal(Day.AddHours(23).AddMinutes(30), back.Timeline[1].UtcTime);
        }

        // ---- Markdown

        [Fact]
        public void The_Markdown_table_shows_a_tilde_before_an_approximate_time()
        {
            var markdown = PostmortemMarkdown.Render(WithApproximateEvent());
            Assert.Contains("| ~23:30 | Someone restarted the broker", markdown);
            Assert.Contains("| 22:10 | Queue depth alert fired", markdown);
        }

        [Fact]
        public void On_a_day_change_the_tilde_comes_before_the_date()
        {
            var p = WithApproximateEvent();
            p.Timeline.Add(new TimelineEvent(Day.AddDays(1).AddMinutes(20), "Backlog drained", Milestone.None, null, approximate: true));
            var markdown = PostmortemMarkdown.Render(p);
            Assert.Contains("| ~2026-11-21 00:20 | Backlog drained", markdown);
            Assert.True(PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem.Timeline[3].Approximate);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Markdown_with_and_without_front_matter_reads_the_tilde_back(bool frontMatter)
        {
            var p = WithApproximateEvent();
            var back = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: frontMatter), "t.md");
            Assert.Empty(back.Warnings);
            Assert.Equal(p.Timeline.Select(e => (e.UtcTime, e.Approximate)), back.Postmortem.Timeline.Select(e => (e.UtcTime, e.Approximate)));
            if (frontMatter) Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back.Postmortem));
        }

        [Fact]
        public void A_tilde_typed_into_a_page_marks_the_event_approximate()
        {
            var markdown = PostmortemMarkdown.Render(WithApproximateEvent(), frontMatter: true).Replace("| 23:45 |", "| ~23:45 |");
            var back = PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem;
            Assert.True(back.Timeline[2].Approximate);
            Assert.Equal(Milestone.ServiceRestored, back.Timeline[2].Milestone);
        }

        [Fact]
        public void The_HTML_table_shows_the_tilde()
        {
            var html = PostmortemHtml.RenderFragment(WithApproximateEvent(), timelineChart: false);
            Assert.Contains("<td>~23:30</td>", html);
        }

        [Fact]
        public void The_charts_tooltip_shows_the_tilde()
        {
            var svg = TimelineChart.Render(WithApproximateEvent())!;
            Assert.Contains("<title>~2026-11-20 23:30:00 UTC: Someone restarted the broker</title>", svg);
            Assert.Contains("<title>2026-11-20 22:10:00 UTC: Queue depth alert fired</title>", svg);
        }

        [Fact]
        public void Protecting_the_text_keeps_the_mark()
        {
            var p = new Postmortem("Broker outage") { Date = Day };
            p.Timeline.Add(new TimelineEvent(Day.AddHours(23), "Paged bob@example.com about the broker", Milestone.Detected, "slack", approximate: true));
            Postmortems.Privacy.PostmortemProtector.Protect(p, new Postmortems.Privacy.ProtectOptions { EmailAddresses = true });
            Assert.DoesNotContain("bob@example.com", p.Timeline[0].Event);
            Assert.True(p.Timeline[0].Approximate);
            Assert.Equal(Milestone.Detected, p.Timeline[0].Milestone);
        }

        // ---- Merge

        [Fact]
        public void A_merge_keeps_an_approximate_mark_made_on_one_side()
        {
            var b = WithApproximateEvent();
            var local = PostmortemYaml.Read(PostmortemYaml.Write(b), "l.yaml").Postmortem;
            var wiki = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(b, frontMatter: true), "w.md").Postmortem;
            local.Timeline.Replace(2, local.Timeline[2].WithApproximate(true));
            var result = PostmortemMerge.Merge(b, local, wiki);
            Assert.False(result.HasConflicts);
            Assert.Equal(new[] { false, true, true }, result.Merged.Timeline.Select(e => e.Approximate));
        }

        // ---- The tone rule

        [Theory]
        [InlineData("The pager fired around 23:00.")]
        [InlineData("The broker was restarted 23:00-ish.")]
        public void SpecificTimes_passes_an_event_marked_approximate(string text)
        {
            var p = Sample(p => p.Timeline.Add(new TimelineEvent(At(9, 30), text, Milestone.None, null, approximate: true)));
            Assert.Empty(Check(p, nameof(SpecificTimes)));
            Assert.Single(Check(WithEvent(text), nameof(SpecificTimes)));
        }

        private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
    }
}

namespace Postmortems.Tests
{
    public class ApproximateReadBackTests
    {
        [Fact]
        public void The_read_back_check_of_an_export_sees_an_approximate_mark_that_did_not_come_back()
        {
            var written = new Postmortem("Read back");
            var time = new System.DateTime(2026, 11, 20, 23, 30, 0, System.DateTimeKind.Utc);
            written.Timeline.Add(new TimelineEvent(time, "Disk started filling", Milestone.None, null, approximate: true));
            var read = new Postmortem("Read back", written.Id);
            read.Timeline.Add(new TimelineEvent(time, "Disk started filling"));

            var difference = Xunit.Assert.Single(Serialization.ReadBack.Differences(written, read));
            Xunit.Assert.Contains("Timeline[0]", difference);

            var same = new Postmortem("Read back", written.Id);
            same.Timeline.Add(new TimelineEvent(time, "Disk started filling", Milestone.None, null, approximate: true));
            Xunit.Assert.Empty(Serialization.ReadBack.Differences(written, same));
        }
    }
}
