using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    public class MergeTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime BackOnline = Day.AddHours(18).AddMinutes(14);

        private const string QueueAlert = "Add alert on queue depth";
        private const string RestoredId = "Timeline[2026-11-20 18:14 'Service back online']";

        // As last published: what the author and a reviewer both started from.
        private static Postmortem Published()
        {
            var p = new Postmortem("Orders stuck after broker disk filled", new Guid("6a1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"))
            {
                Date = Day,
                Severity = Severity.P2,
                Status = IncidentStatus.Resolved,
                Context = IncidentContext.Work,
                ExecutiveSummary = "Orders were accepted but not processed for 42 minutes.",
                RootCause = "The broker's disk filled with unacknowledged messages.",
                LessonsLearned = "Disk alerts need a lead time.",
            };
            p.Authors.Add("Priya Natarajan");
            p.Reviewers.Add("Marcus Lee");
            p.Impact.ServicesAffected.Add("orders");
            p.Impact.UsersAffected = "about 900 customers";
            p.Timeline.Add(new TimelineEvent(Day.AddHours(17).AddMinutes(32), "Queue depth alert fired", Milestone.FirstSymptom, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(17).AddMinutes(40), "On-call acknowledged", Milestone.Detected, "pagerduty"));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(17).AddMinutes(58), "Old segments deleted", Milestone.MitigationApplied, "slack"));
            p.Timeline.Add(new TimelineEvent(BackOnline, "Service back online", Milestone.ServiceRestored, "slack"));
            p.Whys.Add("Why were orders stuck? The broker refused writes.");
            p.Whys.Add("Why did it refuse writes? Its disk was full.");
            p.Whys.Add("Why was the disk full? Retention was set to 30 days.");
            p.ContributingFactors.Add("No alert on disk");
            p.ContributingFactors.Add("Retention was never reviewed");
            p.WentWell.Add("The queue alert fired quickly");
            p.WentPoorly.Add("Nobody knew where the segments were");
            p.ActionItems.Add(new ActionItem(QueueAlert) { Owner = "observability", DueDate = new DateTime(2026, 12, 4), Priority = ActionPriority.P1 });
            p.ActionItems.Add(new ActionItem("Set broker retention to 3 days") { Owner = "platform", Priority = ActionPriority.P2, Tracking = "OPS-77" });
            return p;
        }

        // A deep copy, as the YAML draft keeps everything but the publication record and the file.
        private static Postmortem Copy(Postmortem p) => PostmortemYaml.Read(PostmortemYaml.Write(p), "copy.yaml").Postmortem;

        private static (Postmortem Base, Postmortem Local, Postmortem Wiki) Three()
        {
            var published = Published();
            return (published, Copy(published), Copy(published));
        }

        // A timeline event replaced by another, as an edit of the draft or the page does it.
        private static void Replace(Postmortem p, string text, TimelineEvent replacement)
        {
            p.Timeline.Remove(p.Timeline.Single(e => e.Event == text));
            p.Timeline.Add(replacement);
        }

        private static ActionItem Item(Postmortem p, string action) => p.ActionItems.Single(a => a.Action == action);

        [Fact]
        public void Two_identical_events_in_all_three_stay_two_after_a_merge()
        {
            // Protect-Postmortem can make two same-minute events alike (both redacted to the same words); a merge that
            // reads the page back must not fold them into one.
            var published = Published();
            var twin = new TimelineEvent(Day.AddHours(17).AddMinutes(45), "Ran [REDACTED] against the broker", Milestone.None, "shell");
            published.Timeline.AddAsWritten(twin);
            published.Timeline.AddAsWritten(twin);
            var (b, local, wiki) = (published, Copy(published), Copy(published));
            Assert.Equal(2, local.Timeline.Count(e => e.Equals(twin)));
            wiki.ContributingFactors.Add("The shell history kept the password");

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            Assert.Equal(2, result.Merged.Timeline.Count(e => e.Equals(twin)));
            Assert.Equal(6, result.Merged.Timeline.Count);
            Assert.Contains("The shell history kept the password", result.Merged.ContributingFactors);
        }

        [Fact]
        public void A_time_fixed_on_the_wiki_keeps_the_events_milestone_and_source()
        {
            var (b, local, wiki) = Three();
            // What the page gives back for a row whose time was edited: no milestone, the manual source.
            Replace(wiki, "Service back online", new TimelineEvent(BackOnline.AddMinutes(1), "Service back online"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            var restored = result.Merged.Timeline.Single(e => e.Event == "Service back online");
            Assert.Equal(BackOnline.AddMinutes(1), restored.UtcTime);
            Assert.Equal(Milestone.ServiceRestored, restored.Milestone);
            Assert.Equal("slack", restored.Source);
            var change = Assert.Single(result.TakenFromWiki);
            Assert.Equal(("Timeline", "Service back online", "Time"), (change.Section, change.Item, change.Field));
            Assert.Equal("Time 18:14 -> 18:15 (from the wiki)", change.Description);
        }

        [Fact]
        public void A_time_fixed_on_the_page_and_read_back_through_the_Markdown_reader_keeps_its_milestone()
        {
            var (b, local, _) = Three();
            var page = PostmortemMarkdown.Render(b, frontMatter: true)
                .Replace("| 18:14 | Service back online", "| 18:15 | Service back online");
            Assert.Contains("| 18:15 | Service back online", page);
            var wiki = PostmortemMarkdownReader.Read(page, "page.md").Postmortem;

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            var restored = result.Merged.Timeline.Single(e => e.Event == "Service back online");
            Assert.Equal((BackOnline.AddMinutes(1), Milestone.ServiceRestored, "slack"), (restored.UtcTime, restored.Milestone, restored.Source));
            // The page still shows the published 00:34: stale output, derived from the front matter's events, not a hand-set duration.
            Assert.Null(wiki.ExplicitDuration);
            Assert.Null(result.Merged.ExplicitDuration);
            Assert.Equal(TimeSpan.FromMinutes(35), result.Merged.Duration);
        }

        [Fact]
        public void A_reviewers_factor_and_time_fix_and_the_authors_action_item_all_arrive_without_conflicts()
        {
            var (b, local, wiki) = Three();
            local.ActionItems.Add(new ActionItem("Alert at 80% broker disk") { Owner = "platform", Priority = ActionPriority.P1 });
            wiki.ContributingFactors.Add("Disk usage was not on any dashboard");
            Replace(wiki, "Service back online", new TimelineEvent(BackOnline.AddMinutes(1), "Service back online"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            Assert.Empty(result.Resolved);
            var m = result.Merged;
            Assert.Equal(new[] { QueueAlert, "Set broker retention to 3 days", "Alert at 80% broker disk" }, m.ActionItems.Select(a => a.Action));
            Assert.Equal("platform", Item(m, "Alert at 80% broker disk").Owner);
            Assert.Equal(new[] { "No alert on disk", "Retention was never reviewed", "Disk usage was not on any dashboard" }, m.ContributingFactors);
            Assert.Equal(BackOnline.AddMinutes(1), m.Timeline.Find(Milestone.ServiceRestored)!.UtcTime);
            Assert.Equal(2, result.TakenFromWiki.Count);
        }

        [Fact]
        public void The_same_field_changed_differently_on_both_sides_is_one_conflict_and_the_draft_keeps_its_value()
        {
            var (b, local, wiki) = Three();
            Item(local, QueueAlert).Owner = "Priya Natarajan";
            Item(wiki, QueueAlert).Owner = "Marcus Lee";

            var result = PostmortemMerge.Merge(b, local, wiki);

            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal("ActionItems['Add alert on queue depth'].Owner", conflict.Id);
            Assert.Equal(("Action Items", QueueAlert, "Owner"), (conflict.Section, conflict.Item, conflict.Field));
            Assert.Equal(("observability", "Priya Natarajan", "Marcus Lee"), (conflict.Base, conflict.Local, conflict.Wiki));
            Assert.Equal("Priya Natarajan", Item(result.Merged, QueueAlert).Owner);
            Assert.Empty(result.TakenFromWiki);
            Assert.Equal("ActionItems['Add alert on queue depth'].Owner: base 'observability', local 'Priya Natarajan', wiki 'Marcus Lee'", conflict.ToString());
        }

        [Fact]
        public void A_single_value_changed_on_one_side_is_taken_and_changed_alike_on_both_is_no_conflict()
        {
            var (b, local, wiki) = Three();
            wiki.Severity = Severity.P1;
            local.LessonsLearned = "Every disk needs an alert with lead time.";
            local.RootCause = "Retention outgrew the disk.";
            wiki.RootCause = "Retention outgrew the disk.";

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            Assert.Equal(Severity.P1, result.Merged.Severity);
            Assert.Equal("Every disk needs an alert with lead time.", result.Merged.LessonsLearned);
            Assert.Equal("Retention outgrew the disk.", result.Merged.RootCause);
            var change = Assert.Single(result.TakenFromWiki);
            Assert.Equal("Header: Severity: P2 -> P1 (from the wiki)", change.ToString());
        }

        [Theory]
        [InlineData(MergeSide.Local, "local cause", "Priya Natarajan")]
        [InlineData(MergeSide.Wiki, "wiki cause", "Marcus Lee")]
        public void A_preferred_side_settles_every_conflict(MergeSide prefer, string rootCause, string owner)
        {
            var (b, local, wiki) = Three();
            local.RootCause = "local cause";
            wiki.RootCause = "wiki cause";
            Item(local, QueueAlert).Owner = "Priya Natarajan";
            Item(wiki, QueueAlert).Owner = "Marcus Lee";

            var result = PostmortemMerge.Merge(b, local, wiki, prefer);

            Assert.False(result.HasConflicts);
            Assert.Equal(new[] { "RootCause", "ActionItems['Add alert on queue depth'].Owner" }, result.Resolved.Select(c => c.Id));
            Assert.Equal(rootCause, result.Merged.RootCause);
            Assert.Equal(owner, Item(result.Merged, QueueAlert).Owner);
            Assert.Equal(prefer == MergeSide.Wiki ? 2 : 0, result.TakenFromWiki.Count);
        }

        [Fact]
        public void A_resolution_by_Id_settles_that_conflict_only()
        {
            var (b, local, wiki) = Three();
            local.RootCause = "local cause";
            wiki.RootCause = "wiki cause";
            Item(local, QueueAlert).Owner = "Priya Natarajan";
            Item(wiki, QueueAlert).Owner = "Marcus Lee";
            var resolutions = new Dictionary<string, MergeSide> { ["ActionItems['Add alert on queue depth'].Owner"] = MergeSide.Wiki };

            var result = PostmortemMerge.Merge(b, local, wiki, resolutions: resolutions);

            Assert.Equal("RootCause", Assert.Single(result.Conflicts).Id);
            Assert.Equal("ActionItems['Add alert on queue depth'].Owner", Assert.Single(result.Resolved).Id);
            Assert.Equal("Marcus Lee", Item(result.Merged, QueueAlert).Owner);
            Assert.Equal("local cause", result.Merged.RootCause);
            Assert.Contains(result.TakenFromWiki, c => c.Description == "Owner 'Priya Natarajan' -> 'Marcus Lee' (from the wiki, resolving a conflict)");
        }

        [Fact]
        public void A_resolution_by_Id_wins_over_the_preferred_side()
        {
            var (b, local, wiki) = Three();
            local.RootCause = "local cause";
            wiki.RootCause = "wiki cause";
            local.LessonsLearned = "local lesson";
            wiki.LessonsLearned = "wiki lesson";

            var result = PostmortemMerge.Merge(b, local, wiki, MergeSide.Local, new Dictionary<string, MergeSide> { ["RootCause"] = MergeSide.Wiki });

            Assert.Equal(("wiki cause", "local lesson"), (result.Merged.RootCause, result.Merged.LessonsLearned));
            Assert.Equal(2, result.Resolved.Count);
        }

        [Fact]
        public void An_entry_removed_on_the_draft_and_changed_on_the_wiki_is_a_conflict_each_side_can_win()
        {
            var (b, local, wiki) = Three();
            local.ContributingFactors.Remove("No alert on disk");
            wiki.ContributingFactors[0] = "No alert on broker disk usage";

            var result = PostmortemMerge.Merge(b, local, wiki);

            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal("ContributingFactors['No alert on disk']", conflict.Id);
            Assert.Equal(("Contributing Factors", "No alert on disk"), (conflict.Section, conflict.Item));
            Assert.Null(conflict.Field);
            Assert.Equal("No alert on disk", conflict.Base);
            Assert.Null(conflict.Local);
            Assert.Equal("No alert on broker disk usage", conflict.Wiki);
            Assert.Equal(new[] { "Retention was never reviewed" }, result.Merged.ContributingFactors);

            var wikiWins = PostmortemMerge.Merge(b, local, wiki, resolutions: new Dictionary<string, MergeSide> { [conflict.Id] = MergeSide.Wiki });
            Assert.False(wikiWins.HasConflicts);
            Assert.Equal(new[] { "No alert on broker disk usage", "Retention was never reviewed" }, wikiWins.Merged.ContributingFactors);
        }

        [Fact]
        public void An_action_item_removed_on_the_wiki_and_changed_on_the_draft_is_removed_only_when_the_wiki_wins()
        {
            var (b, local, wiki) = Three();
            Item(local, QueueAlert).DueDate = new DateTime(2026, 12, 11);
            wiki.ActionItems.Remove(Item(wiki, QueueAlert));

            var kept = PostmortemMerge.Merge(b, local, wiki);
            var conflict = Assert.Single(kept.Conflicts);
            Assert.Equal("ActionItems['Add alert on queue depth']", conflict.Id);
            Assert.Null(conflict.Field);
            Assert.Null(conflict.Wiki);
            Assert.Equal(new DateTime(2026, 12, 11), Assert.IsType<ActionItem>(conflict.Local).DueDate);
            Assert.Equal(new DateTime(2026, 12, 11), Item(kept.Merged, QueueAlert).DueDate);

            var removed = PostmortemMerge.Merge(b, local, wiki, MergeSide.Wiki);
            Assert.DoesNotContain(removed.Merged.ActionItems, a => a.Action == QueueAlert);
            Assert.Contains(removed.TakenFromWiki, c => c.Item == QueueAlert && c.Description == "removed (from the wiki, resolving a conflict)");
        }

        [Fact]
        public void A_timeline_event_removed_on_one_side_and_changed_on_the_other_is_a_conflict()
        {
            var (b, local, wiki) = Three();
            local.Timeline.Remove(local.Timeline.Single(e => e.Event == "Service back online"));
            Replace(wiki, "Service back online", new TimelineEvent(BackOnline, "Service back online for all regions", Milestone.ServiceRestored, "slack"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal(RestoredId, conflict.Id);
            Assert.Null(conflict.Local);
            Assert.Equal("Service back online for all regions", Assert.IsType<TimelineEvent>(conflict.Wiki).Event);
            Assert.Null(result.Merged.Timeline.Find(Milestone.ServiceRestored));

            var wikiWins = PostmortemMerge.Merge(b, local, wiki, MergeSide.Wiki);
            Assert.Equal("Service back online for all regions", wikiWins.Merged.Timeline.Find(Milestone.ServiceRestored)!.Event);
        }

        [Fact]
        public void An_entry_removed_on_one_side_and_left_alone_on_the_other_is_removed()
        {
            var (b, local, wiki) = Three();
            wiki.Timeline.Remove(wiki.Timeline.Single(e => e.Event == "On-call acknowledged"));
            local.WentWell.Clear();

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            Assert.DoesNotContain(result.Merged.Timeline, e => e.Event == "On-call acknowledged");
            Assert.Empty(result.Merged.WentWell);
            Assert.Equal("removed (from the wiki)", Assert.Single(result.TakenFromWiki).Description);
        }

        [Fact]
        public void Different_fields_of_one_event_changed_on_each_side_are_both_taken()
        {
            var (b, local, wiki) = Three();
            Replace(local, "Old segments deleted", new TimelineEvent(Day.AddHours(17).AddMinutes(58), "Old segments deleted", Milestone.Resolved, "slack"));
            Replace(wiki, "Old segments deleted", new TimelineEvent(Day.AddHours(17).AddMinutes(56), "Old segments deleted"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            var e = result.Merged.Timeline.Single(t => t.Event == "Old segments deleted");
            Assert.Equal((Day.AddHours(17).AddMinutes(56), Milestone.Resolved, "slack"), (e.UtcTime, e.Milestone, e.Source));
        }

        [Fact]
        public void The_same_event_time_fixed_differently_on_both_sides_is_a_conflict_on_its_time()
        {
            var (b, local, wiki) = Three();
            Replace(local, "Service back online", new TimelineEvent(BackOnline.AddMinutes(2), "Service back online", Milestone.ServiceRestored, "slack"));
            Replace(wiki, "Service back online", new TimelineEvent(BackOnline.AddMinutes(1), "Service back online"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal(RestoredId + ".Time", conflict.Id);
            Assert.Equal(new DateTimeOffset(BackOnline), conflict.Base);
            Assert.Equal(new DateTimeOffset(BackOnline.AddMinutes(2)), conflict.Local);
            Assert.Equal(new DateTimeOffset(BackOnline.AddMinutes(1)), conflict.Wiki);
            Assert.Equal(BackOnline.AddMinutes(2), result.Merged.Timeline.Find(Milestone.ServiceRestored)!.UtcTime);
        }

        [Fact]
        public void A_milestone_or_source_really_changed_on_the_wiki_is_taken()
        {
            var (b, local, wiki) = Three();
            Replace(wiki, "Old segments deleted", new TimelineEvent(Day.AddHours(17).AddMinutes(58), "Old segments deleted", Milestone.None, "slack"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.Equal(Milestone.None, result.Merged.Timeline.Single(e => e.Event == "Old segments deleted").Milestone);
            Assert.Equal("Milestone MitigationApplied -> None (from the wiki)", Assert.Single(result.TakenFromWiki).Description);
        }

        [Fact]
        public void An_event_with_its_time_and_text_edited_is_still_found_by_its_milestone()
        {
            var (b, local, wiki) = Three();
            Replace(local, "On-call acknowledged", new TimelineEvent(Day.AddHours(17).AddMinutes(41), "On-call acknowledged the page", Milestone.Detected, "pagerduty"));
            Replace(wiki, "On-call acknowledged", new TimelineEvent(Day.AddHours(17).AddMinutes(40), "On-call acknowledged", Milestone.Detected, "slack"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            var detected = Assert.Single(result.Merged.Timeline, e => e.Milestone == Milestone.Detected);
            Assert.Equal(("On-call acknowledged the page", "slack"), (detected.Event, detected.Source));
        }

        [Fact]
        public void Events_added_on_both_sides_are_kept_and_the_same_event_once()
        {
            var (b, local, wiki) = Three();
            local.Timeline.Add(new TimelineEvent(Day.AddHours(17).AddMinutes(45), "Broker disk at 100%", Milestone.None, "grafana"));
            local.Timeline.Add(new TimelineEvent(Day.AddHours(18), "Consumers restarted", Milestone.None, "kubectl"));
            wiki.Timeline.Add(new TimelineEvent(Day.AddHours(18), "Consumers restarted"));
            wiki.Timeline.Add(new TimelineEvent(Day.AddHours(18).AddMinutes(5), "Backlog draining"));

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            Assert.Equal(7, result.Merged.Timeline.Count);
            Assert.Equal("kubectl", result.Merged.Timeline.Single(e => e.Event == "Consumers restarted").Source);
            Assert.Contains(result.Merged.Timeline, e => e.Event == "Backlog draining");
            Assert.Contains(result.Merged.Timeline, e => e.Event == "Broker disk at 100%");
        }

        [Fact]
        public void The_same_factor_added_on_both_sides_is_kept_once()
        {
            var (b, local, wiki) = Three();
            local.ContributingFactors.Add("Disk usage was not on any dashboard");
            wiki.ContributingFactors.Add("Disk usage was not on any dashboard");

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            Assert.Equal(new[] { "No alert on disk", "Retention was never reviewed", "Disk usage was not on any dashboard" }, result.Merged.ContributingFactors);
            Assert.Empty(result.TakenFromWiki);
        }

        [Fact]
        public void An_owner_changed_on_the_wiki_keeps_the_drafts_status_and_tracking()
        {
            var (b, local, wiki) = Three();
            var draft = Item(local, QueueAlert);
            draft.Status = ActionItemStatus.Done;
            draft.Tracking = "OBS-12";
            Item(wiki, QueueAlert).Owner = "Marcus Lee";

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            var merged = Item(result.Merged, QueueAlert);
            Assert.Equal(("Marcus Lee", ActionItemStatus.Done, "OBS-12"), (merged.Owner, merged.Status, merged.Tracking));
            Assert.Equal(ActionPriority.P1, merged.Priority);
        }

        [Fact]
        public void An_item_read_back_from_the_page_without_its_status_and_tracking_has_not_changed_them()
        {
            var (b, local, wiki) = Three();
            var published = Item(b, "Set broker retention to 3 days");
            published.Status = ActionItemStatus.Done;
            Item(local, "Set broker retention to 3 days").Status = ActionItemStatus.Done;
            // The page's table has no status or tracking column: a row the reader cannot match comes back Open, untracked.
            var row = Item(wiki, "Set broker retention to 3 days");
            row.Action = "Set broker retention to 3 days on all brokers";
            row.Status = ActionItemStatus.Open;
            row.Tracking = null;

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            var merged = result.Merged.ActionItems[1];
            Assert.Equal(("Set broker retention to 3 days on all brokers", ActionItemStatus.Done, "OPS-77"), (merged.Action, merged.Status, merged.Tracking));
        }

        // The published postmortem with a milestone on an event typed by hand (no source) and an item done without
        // tracking: what a page read back without its columns could not tell from an unmatched row.
        private static (Postmortem Base, Postmortem Local) WithManualMilestoneAndDoneItem()
        {
            var published = Published();
            published.Timeline.Add(new TimelineEvent(Day.AddHours(18).AddMinutes(30), "Incident closed by the on-call", Milestone.Resolved));
            Item(published, QueueAlert).Status = ActionItemStatus.Done;
            Item(published, QueueAlert).DoneDate = new DateTime(2026, 11, 25);
            return (published, Copy(published));
        }

        // The page as Publish-Postmortem sends it, edited by a reviewer, and read back as Merge-Postmortem reads it:
        // with the published postmortem's front matter and the page's name as the title.
        private static ReadResult ReadEditedPage(Postmortem published, Func<string, string> edit)
        {
            var page = PostmortemMarkdown.Render(published, new MarkdownOptions { FrontMatter = true, TitleHeading = false, TimelineChart = true });
            var edited = edit(page);
            Assert.NotEqual(page, edited);
            return PostmortemMarkdownReader.Read(edited, "page.md", published.Title);
        }

        [Fact]
        public void A_reviewer_clearing_a_manual_events_milestone_in_the_Milestone_column_is_taken()
        {
            var (b, local) = WithManualMilestoneAndDoneItem();
            var read = ReadEditedPage(b, page => page.Replace("| Incident closed by the on-call | Resolved |", "| Incident closed by the on-call | |"));
            Assert.Contains(PageColumns.TimelineMilestone, read.Columns);

            var result = PostmortemMerge.Merge(b, local, read.Postmortem, wikiColumns: read.Columns);

            Assert.False(result.HasConflicts);
            var closed = result.Merged.Timeline.Single(e => e.Event == "Incident closed by the on-call");
            Assert.Equal((Milestone.None, TimelineEvent.ManualSource), (closed.Milestone, closed.Source));
            Assert.Equal("Milestone Resolved -> None (from the wiki)", Assert.Single(result.TakenFromWiki).Description);
        }

        [Fact]
        public void A_reviewer_setting_an_item_back_to_Open_in_the_Status_column_is_taken()
        {
            var (b, local) = WithManualMilestoneAndDoneItem();
            var read = ReadEditedPage(b, page => page.Replace("| P1 | Done (2026\u201111\u201125) |", "| P1 | Open |"));
            Assert.Contains(PageColumns.ActionItemStatus, read.Columns);

            var result = PostmortemMerge.Merge(b, local, read.Postmortem, wikiColumns: read.Columns);

            Assert.False(result.HasConflicts);
            Assert.Equal(ActionItemStatus.Open, Item(result.Merged, QueueAlert).Status);
            Assert.Equal("Status Done (2026-11-25) -> Open (from the wiki)", Assert.Single(result.TakenFromWiki).Description);
        }

        [Fact]
        public void A_reviewer_setting_an_item_to_wont_do_with_its_reason_on_the_page_is_taken_whole()
        {
            var (b, local) = WithManualMilestoneAndDoneItem();
            var read = ReadEditedPage(b, page => page.Replace("| P2 | Open | OPS-77 |", "| P2 | Won\u2019t do - retention is set per topic now | OPS-77 |"));

            var result = PostmortemMerge.Merge(b, local, read.Postmortem, wikiColumns: read.Columns);

            Assert.False(result.HasConflicts);
            var item = Item(result.Merged, "Set broker retention to 3 days");
            Assert.Equal((ActionItemStatus.WontDo, "retention is set per topic now", "OPS-77"), (item.Status, item.StatusReason, item.Tracking));
            Assert.Equal("Status Open -> Won't do: retention is set per topic now (from the wiki)", Assert.Single(result.TakenFromWiki).Description);
        }

        [Fact]
        public void A_draft_done_against_a_wiki_wont_do_is_one_status_conflict_settled_whole()
        {
            var (b, local, wiki) = Three();
            Item(local, QueueAlert).SetStatus(ActionItemStatus.Done, doneDate: new DateTime(2026, 12, 2));
            Item(wiki, QueueAlert).SetStatus(ActionItemStatus.WontDo, "The broker now alerts on its own");

            var result = PostmortemMerge.Merge(b, local, wiki);

            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal("ActionItems['Add alert on queue depth'].Status", conflict.Id);
            Assert.Equal("ActionItems['Add alert on queue depth'].Status: base Open, local Done (2026-12-02), wiki Won't do: The broker now alerts on its own", conflict.ToString());
            Assert.Equal((ActionItemStatus.Done, (DateTime?)new DateTime(2026, 12, 2)), (Item(result.Merged, QueueAlert).Status, Item(result.Merged, QueueAlert).DoneDate));

            var wikiWins = PostmortemMerge.Merge(b, local, wiki, resolutions: new Dictionary<string, MergeSide> { [conflict.Id] = MergeSide.Wiki });
            var item = Item(wikiWins.Merged, QueueAlert);
            Assert.Equal((ActionItemStatus.WontDo, "The broker now alerts on its own", (DateTime?)null), (item.Status, item.StatusReason, item.DoneDate));
        }

        [Fact]
        public void A_done_date_corrected_on_the_wiki_is_taken_and_a_draft_done_without_a_day_stays_so()
        {
            var (b, local, wiki) = Three();
            foreach (var p in new[] { b, local, wiki }) Item(p, QueueAlert).SetStatus(ActionItemStatus.Done, doneDate: new DateTime(2026, 12, 2));
            Item(wiki, QueueAlert).DoneDate = new DateTime(2026, 12, 1);
            var result = PostmortemMerge.Merge(b, local, wiki);
            Assert.Equal(new DateTime(2026, 12, 1), Item(result.Merged, QueueAlert).DoneDate);

            Item(b, QueueAlert).DoneDate = null;
            Item(local, QueueAlert).DoneDate = null;
            Item(wiki, QueueAlert).DoneDate = null;
            Assert.Null(Item(PostmortemMerge.Merge(b, local, wiki).Merged, QueueAlert).DoneDate);
        }

        [Fact]
        public void A_reviewer_clearing_a_tracking_cell_of_a_done_item_is_taken_with_its_status()
        {
            var (b, local) = WithManualMilestoneAndDoneItem();
            Item(b, "Set broker retention to 3 days").SetStatus(ActionItemStatus.Done, doneDate: new DateTime(2026, 11, 26));
            Item(local, "Set broker retention to 3 days").SetStatus(ActionItemStatus.Done, doneDate: new DateTime(2026, 11, 26));
            var read = ReadEditedPage(b, page => page.Replace("| P2 | Done (2026\u201111\u201126) | OPS-77 |", "| P2 | Open | |"));

            var result = PostmortemMerge.Merge(b, local, read.Postmortem, wikiColumns: read.Columns);

            Assert.False(result.HasConflicts);
            var item = Item(result.Merged, "Set broker retention to 3 days");
            Assert.Equal((ActionItemStatus.Open, (string?)null), (item.Status, item.Tracking));
        }

        [Fact]
        public void Without_the_columns_a_page_that_shows_no_milestone_or_status_keeps_the_drafts()
        {
            var (b, local) = WithManualMilestoneAndDoneItem();
            // What a page without the columns gives back for rows the reader could not match: no milestone, the manual
            // source, Open with no tracking.
            var wiki = Copy(b);
            Replace(wiki, "Incident closed by the on-call", new TimelineEvent(Day.AddHours(18).AddMinutes(30), "Incident closed by the on-call"));
            Item(wiki, QueueAlert).Status = ActionItemStatus.Open;

            foreach (var columns in new[] { null, new HashSet<string> { "Timeline.Time", "Timeline.Event", "ActionItems.Action", "ActionItems.Owner", "ActionItems.DueDate", "ActionItems.Priority" } })
            {
                var result = PostmortemMerge.Merge(b, local, wiki, wikiColumns: columns);

                Assert.False(result.HasConflicts);
                Assert.Empty(result.TakenFromWiki);
                Assert.Equal(Milestone.Resolved, result.Merged.Timeline.Single(e => e.Event == "Incident closed by the on-call").Milestone);
                Assert.Equal(ActionItemStatus.Done, Item(result.Merged, QueueAlert).Status);
            }
        }

        [Fact]
        public void The_reader_says_which_columns_the_pages_tables_have()
        {
            var (b, _) = WithManualMilestoneAndDoneItem();
            var page = PostmortemMarkdown.Render(b);
            Assert.Equal(
                new[] { "ActionItems.Action", "ActionItems.DueDate", "ActionItems.Owner", "ActionItems.Priority", "ActionItems.Status", "ActionItems.Tracking", "Timeline.Event", "Timeline.Milestone", "Timeline.Time" },
                PostmortemMarkdownReader.Read(page, "page.md").Columns.OrderBy(c => c, StringComparer.Ordinal));

            // The template's own tables, as an older file or a page written by hand has them.
            var older = "# Postmortem: Old\n\n**Date:** 2026-11-20\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 14:02 | Alert fired |\n\n"
                        + "## Action Items\n\n| Action | Owner | Due Date | Priority |\n|---|---|---|---|\n| Add alert | ops | 2026-12-04 | P1 |\n";
            Assert.Equal(
                new[] { "ActionItems.Action", "ActionItems.DueDate", "ActionItems.Owner", "ActionItems.Priority", "Timeline.Event", "Timeline.Time" },
                PostmortemMarkdownReader.Read(older, "old.md").Columns.OrderBy(c => c, StringComparer.Ordinal));
            Assert.Empty(PostmortemMarkdownReader.Read("# Postmortem: Nothing yet\n", "empty.md").Columns);
        }

        [Fact]
        public void An_action_edited_in_place_on_one_side_takes_the_new_text_and_the_other_sides_field_changes()
        {
            var (b, local, wiki) = Three();
            Item(local, QueueAlert).Action = "Add alert on queue depth above 10k";
            Item(wiki, QueueAlert).Priority = ActionPriority.P2;

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            var merged = result.Merged.ActionItems[0];
            Assert.Equal(("Add alert on queue depth above 10k", ActionPriority.P2, "observability"), (merged.Action, merged.Priority, merged.Owner));
            Assert.Equal(2, result.Merged.ActionItems.Count);
        }

        [Fact]
        public void A_text_entry_edited_in_place_differently_on_both_sides_is_a_conflict()
        {
            var (b, local, wiki) = Three();
            local.Whys[1] = "Why did it refuse writes? Its data disk was full.";
            wiki.Whys[1] = "Why did it refuse writes? The disk was at 100%.";

            var result = PostmortemMerge.Merge(b, local, wiki);

            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal("Whys['Why did it refuse writes? Its disk was full.']", conflict.Id);
            Assert.Equal("5 Whys", conflict.Section);
            Assert.Equal(("Why did it refuse writes? Its disk was full.", "Why did it refuse writes? Its data disk was full.", "Why did it refuse writes? The disk was at 100%."),
                (conflict.Base, conflict.Local, conflict.Wiki));
            Assert.Equal(local.Whys, result.Merged.Whys);
        }

        [Fact]
        public void A_text_entry_edited_in_place_on_the_wiki_is_taken_where_the_draft_has_it()
        {
            var (b, local, wiki) = Three();
            local.Whys.Insert(0, "Why did customers complain? Orders never shipped.");
            wiki.Whys[2] = "Why was the disk full? Retention was 30 days on a 7-day disk.";

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.False(result.HasConflicts);
            Assert.Equal("Why was the disk full? Retention was 30 days on a 7-day disk.", result.Merged.Whys[3]);
            Assert.Equal(4, result.Merged.Whys.Count);
        }

        [Fact]
        public void A_why_added_on_the_wiki_is_placed_right_after_the_why_before_it_there()
        {
            var (b, local, wiki) = Three();
            local.Whys.Add("Why was retention 30 days? It was the default.");
            wiki.Whys.Insert(1, "Why did the broker refuse writes? It protects itself from a full disk.");
            wiki.Whys.Insert(0, "Why did customers complain? Orders never shipped.");

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.Equal(new[]
            {
                "Why did customers complain? Orders never shipped.",
                "Why were orders stuck? The broker refused writes.",
                "Why did the broker refuse writes? It protects itself from a full disk.",
                "Why did it refuse writes? Its disk was full.",
                "Why was the disk full? Retention was set to 30 days.",
                "Why was retention 30 days? It was the default.",
            }, result.Merged.Whys);
            Assert.Equal(2, result.TakenFromWiki.Count(c => c.Description == "added (from the wiki)"));
        }

        [Fact]
        public void A_wiki_addition_whose_predecessor_the_draft_removed_follows_the_next_one_before_it()
        {
            var (b, local, wiki) = Three();
            local.Whys.RemoveAt(1);
            wiki.Whys.Insert(2, "Why was the disk small? It was sized for a test.");

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.Equal(new[]
            {
                "Why were orders stuck? The broker refused writes.",
                "Why was the disk small? It was sized for a test.",
                "Why was the disk full? Retention was set to 30 days.",
            }, result.Merged.Whys);
        }

        [Fact]
        public void Merged_keeps_what_only_the_draft_knows_and_the_inputs_are_unchanged()
        {
            var (b, local, wiki) = Three();
            local.SourcePath = "orders.postmortem.yaml";
            local.State = DocumentState.InReview;
            local.SignOffs.Add(new SignOff("Marcus Lee", Day.AddDays(2), "Looks right", new[] { "ActionItemOwners" }));
            local.Unlocks.Add(new Unlock(Day.AddDays(3), "Reviewer found a wrong time"));
            local.Publication = new Publication { Server = "https://wiki.example.org/", PageId = 42, BookId = 7, Digest = "abc", Base = PostmortemYaml.Write(b) };
            local.Publication.Tags.Add("incident");
            local.ActionItems.Add(new ActionItem("Alert at 80% broker disk"));
            local.Whys.RemoveAt(0);
            wiki.ContributingFactors.Add("Disk usage was not on any dashboard");
            Item(wiki, QueueAlert).Owner = "Marcus Lee";
            Replace(wiki, "Service back online", new TimelineEvent(BackOnline.AddMinutes(1), "Service back online"));
            var before = (PostmortemDump.Of(b), PostmortemDump.Of(local), PostmortemDump.Of(wiki));

            var result = PostmortemMerge.Merge(b, local, wiki);

            Assert.Equal(before, (PostmortemDump.Of(b), PostmortemDump.Of(local), PostmortemDump.Of(wiki)));
            var m = result.Merged;
            Assert.NotSame(local, m);
            Assert.Equal(local.Id, m.Id);
            Assert.Equal(("orders.postmortem.yaml", DocumentState.InReview), (m.SourcePath, m.State));
            Assert.Equal("Marcus Lee", Assert.Single(m.SignOffs).Reviewer);
            Assert.Equal("Reviewer found a wrong time", Assert.Single(m.Unlocks).Reason);
            Assert.NotSame(local.Publication, m.Publication);
            Assert.Equal((42, "abc", "incident"), (m.Publication!.PageId, m.Publication.Digest, Assert.Single(m.Publication.Tags)));

            // The merged postmortem shares nothing that changes with the inputs.
            Item(m, QueueAlert).Owner = "someone else";
            m.Publication.Tags.Add("changed");
            m.SignOffs[0].AcknowledgedRules.Add("changed");
            Assert.Equal(before, (PostmortemDump.Of(b), PostmortemDump.Of(local), PostmortemDump.Of(wiki)));
            Assert.Single(local.Publication!.Tags);
        }

        [Fact]
        public void Conflict_Ids_are_the_same_on_every_run_and_resolve_the_conflicts_they_name()
        {
            static (Postmortem, Postmortem, Postmortem) Edited()
            {
                var (b, local, wiki) = Three();
                local.RootCause = "local cause";
                wiki.RootCause = "wiki cause";
                local.Impact.ServicesAffected[0] = "orders-api";
                wiki.Impact.ServicesAffected[0] = "order processing";
                Replace(local, "Service back online", new TimelineEvent(BackOnline, "Service back online", Milestone.Resolved, "slack"));
                Replace(wiki, "Service back online", new TimelineEvent(BackOnline, "Service back online", Milestone.MitigationApplied, "slack"));
                Item(local, "Set broker retention to 3 days").Tracking = "OPS-78";
                Item(wiki, "Set broker retention to 3 days").Tracking = "OPS-79";
                return (b, local, wiki);
            }

            var (b1, l1, w1) = Edited();
            var first = PostmortemMerge.Merge(b1, l1, w1).Conflicts.Select(c => c.Id).ToList();
            var (b2, l2, w2) = Edited();
            var second = PostmortemMerge.Merge(b2, l2, w2);

            Assert.Equal(new[]
            {
                RestoredId + ".Milestone",
                "Impact.ServicesAffected['orders']",
                "RootCause",
                "ActionItems['Set broker retention to 3 days'].Tracking",
            }, first);
            Assert.Equal(first, second.Conflicts.Select(c => c.Id));

            var resolved = PostmortemMerge.Merge(b2, l2, w2, resolutions: first.ToDictionary(id => id, _ => MergeSide.Wiki));
            Assert.False(resolved.HasConflicts);
            Assert.Equal(first, resolved.Resolved.Select(c => c.Id));
            Assert.Equal(new[] { "order processing" }, resolved.Merged.Impact.ServicesAffected);
            Assert.Equal(Milestone.MitigationApplied, resolved.Merged.Timeline.Single(e => e.Event == "Service back online").Milestone);
        }

        [Fact]
        public void Entries_with_the_same_text_get_Ids_of_their_own()
        {
            var (b, local, wiki) = Three();
            // Published with two placeholders; the draft and the page each filled in the second differently.
            b.WentPoorly.Add("TBD");
            b.WentPoorly.Add("TBD");
            local.WentPoorly.Add("TBD");
            local.WentPoorly.Add("Paging took 8 minutes");
            wiki.WentPoorly.Add("TBD");
            wiki.WentPoorly.Add("Escalation path unclear");

            var result = PostmortemMerge.Merge(b, local, wiki);

            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal("WentPoorly['TBD' #2]", conflict.Id);
            Assert.Equal(("Paging took 8 minutes", "Escalation path unclear"), (conflict.Local, conflict.Wiki));
        }
    }
}
