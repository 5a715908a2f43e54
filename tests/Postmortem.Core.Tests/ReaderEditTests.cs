using System;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// A page written with front matter, then edited as reviewers edit it: what the front matter carries (milestones,
    /// sources, status, tracking, a hand-set duration) stays with the rows it belongs to, and what cannot is warned of.
    /// </summary>
    public class MarkdownReaderEditTests
    {
        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        // Detected 16:27 to ServiceRestored 18:14: the page shows Duration 01:47.
        private static Postmortem Failover()
        {
            var p = new Postmortem("Primary database failover", new Guid("6c1d0a52-7e3b-4f1a-9d2e-3b4c5d6e7f80")) { Date = new DateTime(2026, 11, 20) };
            var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
            p.Timeline.Add(new TimelineEvent(day.AddHours(16).AddMinutes(20), "Replication lag alert fired", Milestone.FirstSymptom, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(16).AddMinutes(27), "On-call paged", Milestone.Detected, "pagerduty"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(17).AddMinutes(10), "Disk on the primary found full"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(17).AddMinutes(50), "Failover to the replica started", Milestone.MitigationApplied));
            p.Timeline.Add(new TimelineEvent(day.AddHours(18).AddMinutes(14), "Service back online", Milestone.ServiceRestored, "grafana"));
            return p;
        }

        private static string Render(Postmortem p) => PostmortemMarkdown.Render(p, frontMatter: true);

        // A file written before the page showed milestones, sources, status and tracking: the front matter alone carries them.
        private static string RenderPrevious(Postmortem p) => PreviousFormat.Of(Render(p));

        private static string Render(Postmortem p, bool previous) => previous ? RenderPrevious(p) : Render(p);

        private static string Edit(string markdown, string from, string to)
        {
            Assert.Contains(from, markdown);
            return markdown.Replace(from, to);
        }

        // The file's line (1-based) that holds the text.
        private static int LineOf(string markdown, string text)
        {
            var lines = markdown.Split('\n');
            int index = Array.FindIndex(lines, l => l.Contains(text));
            Assert.True(index >= 0, $"no line holds '{text}'");
            return index + 1;
        }

        private static DateTime At(int hour, int minute) => new DateTime(2026, 11, 20, hour, minute, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_corrected_time_keeps_the_rows_milestone_and_source(bool previousFormat)
        {
            var markdown = Edit(Render(Failover(), previousFormat), "| 18:14 | Service back online", "| 18:15 | Service back online");
            var result = Read(markdown);
            var restored = result.Postmortem.Timeline.Single(e => e.Event == "Service back online");
            Assert.Equal(At(18, 15), restored.UtcTime);
            Assert.Equal(Milestone.ServiceRestored, restored.Milestone);
            Assert.Equal("grafana", restored.Source);
            Assert.DoesNotContain(result.Warnings, w => w.Contains("matches no"));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_row_moved_to_another_rows_time_takes_its_own_entry_not_the_one_shown_there(bool previousFormat)
        {
            // The failover row's text was edited and the restore row's time corrected onto the failover row's time.
            var markdown = Edit(Render(Failover(), previousFormat), "| 17:50 | Failover to the replica started", "| 17:50 | Failover to the replica started by hand");
            markdown = Edit(markdown, "| 18:14 | Service back online", "| 17:50 | Service back online");
            var result = Read(markdown);
            var timeline = result.Postmortem.Timeline;
            Assert.Equal((Milestone.ServiceRestored, "grafana"), (timeline.Single(e => e.Event == "Service back online").Milestone, timeline.Single(e => e.Event == "Service back online").Source));
            Assert.Equal(Milestone.MitigationApplied, timeline.Single(e => e.Event.EndsWith("by hand", StringComparison.Ordinal)).Milestone);
            Assert.DoesNotContain(result.Warnings, w => w.Contains("matches no"));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Of_two_rows_with_the_same_text_a_corrected_one_takes_the_entry_nearest_in_time(bool previousFormat)
        {
            var p = Failover();
            p.Timeline.Add(new TimelineEvent(At(16, 40).AddSeconds(20), "Replica restarted", Milestone.None, "kubectl"));
            p.Timeline.Add(new TimelineEvent(At(17, 30), "Replica restarted", Milestone.None, "argocd"));
            var markdown = Edit(Render(p, previousFormat), "| 17:30:00 | Replica restarted", "| 17:31:00 | Replica restarted");
            var timeline = Read(markdown).Postmortem.Timeline;
            // The untouched row keeps its exact time, which only the front matter knows once it is written to the second.
            Assert.Equal("kubectl", timeline.Single(e => e.UtcTime == At(16, 40).AddSeconds(20)).Source);
            Assert.Equal("argocd", timeline.Single(e => e.UtcTime == At(17, 31)).Source);
        }

        [Fact]
        public void In_an_older_file_a_row_whose_time_and_text_were_both_edited_is_not_guessed_at_and_both_lines_are_warned_of()
        {
            var markdown = Edit(RenderPrevious(Failover()), "| 18:14 | Service back online |", "| 18:20 | Service back online in all regions |");
            var result = Read(markdown);
            var edited = result.Postmortem.Timeline.Single(e => e.Event == "Service back online in all regions");
            Assert.Equal((At(18, 20), Milestone.None, TimelineEvent.ManualSource), (edited.UtcTime, edited.Milestone, edited.Source));

            int row = LineOf(markdown, "| 18:20 |");
            int entry = LineOf(markdown, "milestone: ServiceRestored");
            Assert.Equal(2, result.Warnings.Count(w => w.Contains("matches no")));
            Assert.Contains(result.Warnings, w => w.StartsWith($"pm.md, line {row}: the timeline row '18:20 Service back online in all regions' matches no event in the front matter, so it has no milestone or source", StringComparison.Ordinal));
            Assert.Contains($"pm.md, line {entry}: the front matter's event at 18:14 (ServiceRestored, from grafana) matches no row any more; its milestone and source were dropped.", result.Warnings);
        }

        [Fact]
        public void In_an_older_file_a_deleted_row_is_warned_of_only_when_its_milestone_or_source_is_lost()
        {
            var markdown = Edit(RenderPrevious(Failover()), "| 17:50 | Failover to the replica started |\n", "");
            var result = Read(markdown);
            var warning = Assert.Single(result.Warnings);
            Assert.Equal($"pm.md, line {LineOf(markdown, "milestone: MitigationApplied")}: the front matter's event at 17:50 (MitigationApplied) matches no row any more; its milestone was dropped.", warning);

            // A plain event typed by hand carries nothing the page does not show.
            markdown = Edit(RenderPrevious(Failover()), "| 17:10 | Disk on the primary found full |\n", "");
            Assert.Empty(Read(markdown).Warnings);
        }

        [Fact]
        public void A_row_added_by_hand_is_not_warned_of()
        {
            var markdown = Edit(Render(Failover()), "| 17:50 |", "| 17:45 | Replica promoted by hand |\n| 17:50 |");
            var result = Read(markdown);
            Assert.Equal(Milestone.None, result.Postmortem.Timeline.Single(e => e.Event == "Replica promoted by hand").Milestone);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void After_a_corrected_time_the_old_Duration_on_the_page_is_stale_output_not_a_hand_set_one()
        {
            var markdown = Edit(Render(Failover()), "| 18:14 | Service back online", "| 18:15 | Service back online");
            Assert.Contains("**Duration:** 01:47", markdown);
            var p = Read(markdown).Postmortem;
            Assert.Null(p.ExplicitDuration);
            Assert.Equal(TimeSpan.FromMinutes(108), p.Duration);
            // Written again, the page shows the corrected timeline's Duration.
            Assert.Contains("**Duration:** 01:48", PostmortemMarkdown.Render(p));
        }

        [Fact]
        public void A_Duration_changed_by_hand_is_still_hand_set_when_a_time_was_corrected_too()
        {
            var markdown = Edit(Render(Failover()), "| 18:14 | Service back online", "| 18:15 | Service back online");
            markdown = Edit(markdown, "**Duration:** 01:47", "**Duration:** 02:00");
            Assert.Equal(TimeSpan.FromHours(2), Read(markdown).Postmortem.ExplicitDuration);
        }

        [Fact]
        public void A_hand_set_Duration_in_the_front_matter_stays_hand_set()
        {
            var original = Failover();
            original.ExplicitDuration = TimeSpan.FromMinutes(95);
            var markdown = Edit(Render(original), "| 18:14 | Service back online", "| 18:15 | Service back online");
            Assert.Equal(TimeSpan.FromMinutes(95), Read(markdown).Postmortem.ExplicitDuration);
        }

        [Fact]
        public void Without_front_matter_a_Duration_other_than_the_timelines_is_hand_set_as_before()
        {
            var markdown = Edit(PostmortemMarkdown.Render(Failover()), "| 18:14 | Service back online", "| 18:15 | Service back online");
            // Without front matter nothing tells the Duration the page was written with from one set by hand.
            Assert.Equal(TimeSpan.FromMinutes(107), Read(markdown).Postmortem.ExplicitDuration);
        }

        private static Postmortem WithActions()
        {
            var p = Failover();
            p.ActionItems.Add(new ActionItem("Alert at 80% disk on the primary") { Owner = "dba", DueDate = new DateTime(2026, 12, 1), Priority = ActionPriority.P1, Status = ActionItemStatus.Done, DoneDate = new DateTime(2026, 11, 30), Tracking = "DB-101" });
            p.ActionItems.Add(new ActionItem("Rehearse the failover every quarter") { Owner = "platform", Priority = ActionPriority.P2, Tracking = "DB-102" });
            p.ActionItems.Add(new ActionItem("Document the replica promotion") { Owner = "dba", Priority = ActionPriority.P3 });
            return p;
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void An_action_item_whose_owner_due_date_or_priority_was_edited_keeps_its_status_and_tracking(bool previousFormat)
        {
            var markdown = Edit(Render(WithActions(), previousFormat), "| Alert at 80% disk on the primary | dba | 2026-12-01 | P1 |", "| Alert at 80% disk on the primary | storage team | 2026-12-15 | P2 |");
            markdown = Edit(markdown, "| Rehearse the failover every quarter | platform | _not set_ | P2 |", "| Rehearse the failover every quarter | _not set_ | 2027-01-31 | _not set_ |");
            var result = Read(markdown);
            var items = result.Postmortem.ActionItems;
            Assert.Equal(("storage team", ActionItemStatus.Done, "DB-101"), (items[0].Owner, items[0].Status, items[0].Tracking));
            Assert.Equal((new DateTime(2027, 1, 31), (ActionPriority?)null, ActionItemStatus.Open, "DB-102"), (items[1].DueDate!.Value, items[1].Priority, items[1].Status, items[1].Tracking));
            Assert.Empty(result.Warnings);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void An_action_item_whose_text_was_edited_in_its_place_keeps_its_status_and_tracking(bool previousFormat)
        {
            var markdown = Edit(Render(WithActions(), previousFormat), "| Alert at 80% disk on the primary |", "| Alert at 75% disk on the primary and the replica |");
            var result = Read(markdown);
            var item = result.Postmortem.ActionItems[0];
            Assert.Equal(("Alert at 75% disk on the primary and the replica", ActionItemStatus.Done, "DB-101"), (item.Action, item.Status, item.Tracking));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void In_an_older_file_an_action_item_entry_that_matches_no_row_any_more_is_warned_of_when_its_status_or_tracking_is_lost()
        {
            var written = RenderPrevious(WithActions());
            var markdown = Edit(written, "| Alert at 80% disk on the primary | dba | 2026-12-01 | P1 |\n", "");
            var result = Read(markdown);
            Assert.Equal(new[] { "DB-102", null }, result.Postmortem.ActionItems.Select(i => i.Tracking));
            var warning = Assert.Single(result.Warnings);
            Assert.Equal($"pm.md, line {LineOf(markdown, "tracking: \"DB-101\"")}: the front matter's action item 1 (Done (2026-11-30), tracking 'DB-101') matches no row any more; its status and tracking were dropped.", warning);

            // An open item with no tracking carries nothing the page does not show.
            markdown = Edit(written, "| Document the replica promotion | dba | _not set_ | P3 |\n", "");
            Assert.Empty(Read(markdown).Warnings);

            markdown = Edit(written, "| Rehearse the failover every quarter | platform | _not set_ | P2 |\n", "");
            Assert.Equal($"pm.md, line {LineOf(markdown, "tracking: \"DB-102\"")}: the front matter's action item 2 (tracking 'DB-102') matches no row any more; its tracking was dropped.", Assert.Single(Read(markdown).Warnings));
        }
    }
}
