using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Trackers;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// ActionItemSync over an OfflineTracker: the items whose issues the export holds take what the tracker says
    /// (closed -> Done on the day it closed, not planned -> Won't do with the reason, open -> as they were), the others
    /// are left alone, and nothing is created.
    /// </summary>
    public class OfflineTrackerTests
    {
        private static readonly Guid LedgerId = new Guid("5c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e");

        private static OfflineTracker Tracker(string fixture, string? site = null) =>
            new OfflineTracker(TrackerExport.Read(TrackerExportTests.Fixture(fixture), site));

        private static Postmortem Ledger(params ActionItem[] items)
        {
            var p = new Postmortem("Ledger replica fell behind and checkout timed out", LedgerId) { Date = new DateTime(2026, 11, 28) };
            foreach (var item in items) p.ActionItems.Add(item);
            return p;
        }

        private static ActionItem Item(string action, string? tracking = null) => new ActionItem(action) { Owner = "db team", Tracking = tracking };

        private static readonly SyncOptions ReadBack = new SyncOptions { Create = false, Today = new DateTime(2026, 12, 10) };

        [Fact]
        public void A_gh_export_marks_completed_items_Done_on_their_day_not_planned_ones_Wont_do_and_leaves_the_rest()
        {
            var alreadyDone = Item("Tune the replication-lag alert threshold", "https://www.github.com/octo-org/payments-infra/issues/44#issuecomment-2291");
            alreadyDone.SetStatus(ActionItemStatus.Done, null, new DateTime(2026, 12, 1));
            var postmortem = Ledger(
                Item("Add a replication-lag panel to the ledger dashboard", "https://github.com/octo-org/payments-infra/issues/41"),
                Item("Write our own replica promotion script", "octo-org/payments-infra#42"),
                Item("Load-test checkout with a lagging replica", "https://github.com/octo-org/payments-infra/issues/43/"),
                Item("Move ledger reads to the replica pool", "https://github.com/octo-org/ledger/issues/7"),
                alreadyDone,
                Item("Page the database on-call when replication lag passes 30 seconds"),
                Item("Document the failover runbook for the ledger database"),
                Item("Queue ledger writes during failover", "#47"));
            var warnings = new List<string>();

            var changes = ActionItemSync.Run(postmortem, Tracker("gh-issue-list.json"), ReadBack, warn: warnings.Add);
            var items = postmortem.ActionItems;

            Assert.Equal(new[] { SyncAction.StatusChanged, SyncAction.StatusChanged, SyncAction.Unchanged, SyncAction.Skipped, SyncAction.Unchanged, SyncAction.Linked, SyncAction.Skipped, SyncAction.Unchanged },
                changes.Select(c => c.Action));

            Assert.Equal(ActionItemStatus.Done, items[0].Status);
            Assert.Equal(new DateTime(2026, 12, 3), items[0].DoneDate);

            Assert.Equal(ActionItemStatus.WontDo, items[1].Status);
            Assert.Equal("closed as not planned (octo-org/payments-infra#42)", items[1].StatusReason);

            Assert.Equal(ActionItemStatus.Open, items[2].Status);

            Assert.Equal(ActionItemStatus.Open, items[3].Status);
            Assert.Contains("not in the export gh-issue-list.json", changes[3].Note);

            // Done here while its issue was reopened: it stays Done on its own day, and the sync says so.
            Assert.Equal(ActionItemStatus.Done, items[4].Status);
            Assert.Equal(new DateTime(2026, 12, 1), items[4].DoneDate);
            Assert.Contains(warnings, w => w.Contains("octo-org/payments-infra#44 is open in the tracker"));

            // Its issue was made for it by an earlier sync and carries its marker: linked and Done.
            Assert.Equal("https://github.com/octo-org/payments-infra/issues/46", items[5].Tracking);
            Assert.Equal(ActionItemStatus.Done, items[5].Status);
            Assert.Equal(new DateTime(2026, 12, 8), items[5].DoneDate);

            Assert.Null(items[6].Tracking);
            Assert.Equal("no issue (-NoCreate)", changes[6].Note);

            Assert.Equal(ActionItemStatus.Open, items[7].Status);
            Assert.Equal("https://github.com/octo-org/payments-infra/issues/47", changes[7].IssueUrl);
        }

        [Fact]
        public void An_item_already_Done_whose_issue_closed_keeps_its_own_day()
        {
            var done = Item("Add a replication-lag panel to the ledger dashboard", "octo-org/payments-infra#41");
            done.SetStatus(ActionItemStatus.Done, null, new DateTime(2026, 12, 2));
            var postmortem = Ledger(done);
            var change = Assert.Single(ActionItemSync.Run(postmortem, Tracker("gh-issue-list.json"), ReadBack));
            Assert.Equal(SyncAction.Unchanged, change.Action);
            Assert.Equal(ActionItemStatus.Done, done.Status);
            Assert.Equal(new DateTime(2026, 12, 2), done.DoneDate);
        }

        [Fact]
        public void Asked_to_create_an_offline_tracker_creates_nothing_and_says_it_cannot()
        {
            var postmortem = Ledger(Item("Document the failover runbook for the ledger database"));
            var tracker = Tracker("gh-issue-list-older.json");
            var change = Assert.Single(ActionItemSync.Run(postmortem, tracker, new SyncOptions { Create = true }));
            Assert.Equal(SyncAction.Skipped, change.Action);
            Assert.Equal("no issue, and the export gh-issue-list-older.json cannot create one", change.Note);
            Assert.Null(postmortem.ActionItems[0].Tracking);
            Assert.False(tracker.CanCreate);
            Assert.Throws<NotSupportedException>(() => tracker.Create(ActionItemSync.NewIssue(postmortem, postmortem.ActionItems[0], null)));
        }

        [Fact]
        public void A_Jira_export_with_its_site_reads_keys_through_the_postmortems_tracking_URL_and_browse_addresses()
        {
            var postmortem = Ledger(
                Item("Add a replication-lag panel to the ledger dashboard", "OPS-101"),
                Item("Write our own replica promotion script", "https://acme.atlassian.net/browse/OPS-102"),
                Item("Load-test checkout with a lagging replica", "https://acme.atlassian.net/browse/OPS-103?focusedCommentId=10400"),
                Item("Tune the replication-lag alert threshold", "https://other.atlassian.net/browse/OPS-104"),
                Item("Move ledger reads to the replica pool", "OPS-999"),
                Item("Page the database on-call when replication lag passes 30 seconds"),
                Item("Check the ledger's connection pool limits", "https://acme.atlassian.net/browse/OPS-106"));
            postmortem.TrackingUrl = "https://acme.atlassian.net/browse/{0}";

            var changes = ActionItemSync.Run(postmortem, Tracker("jira-export-all-fields.csv", "https://acme.atlassian.net"), ReadBack);
            var items = postmortem.ActionItems;

            Assert.Equal(new[] { SyncAction.StatusChanged, SyncAction.StatusChanged, SyncAction.Unchanged, SyncAction.Skipped, SyncAction.Skipped, SyncAction.Linked, SyncAction.StatusChanged },
                changes.Select(c => c.Action));
            Assert.Equal(ActionItemStatus.Done, items[0].Status);
            Assert.Equal(new DateTime(2026, 12, 3), items[0].DoneDate);
            Assert.Equal("OPS-101", items[0].Tracking);
            Assert.Equal(ActionItemStatus.WontDo, items[1].Status);
            Assert.Equal("Won't Do (OPS-102)", items[1].StatusReason);
            Assert.Equal(ActionItemStatus.Open, items[2].Status);
            Assert.Equal(ActionItemStatus.Open, items[3].Status); // another Jira site's OPS-104
            Assert.Equal(ActionItemStatus.Open, items[4].Status);
            Assert.Equal("https://acme.atlassian.net/browse/OPS-105", items[5].Tracking);
            Assert.Equal(new DateTime(2026, 12, 8), items[5].DoneDate);
            Assert.Equal("Declined (OPS-106)", items[6].StatusReason);
        }

        [Fact]
        public void A_Jira_export_without_a_site_matches_by_key_on_any_address_and_a_Done_without_a_day_takes_today()
        {
            var postmortem = Ledger(
                Item("Add a replication-lag panel to the ledger dashboard", "OPS-101"),
                Item("Write our own replica promotion script", "https://jira.internal.example/browse/OPS-102"),
                Item("Check the ledger's connection pool limits", "ops-107"));

            var changes = ActionItemSync.Run(postmortem, Tracker("jira-export-current-fields.csv"), ReadBack);

            Assert.All(changes, c => Assert.Equal(SyncAction.StatusChanged, c.Action));
            Assert.Equal(new DateTime(2026, 12, 3), postmortem.ActionItems[0].DoneDate);
            Assert.Equal("Won't Fix (OPS-102)", postmortem.ActionItems[1].StatusReason);
            Assert.Equal(ActionItemStatus.Done, postmortem.ActionItems[2].Status);
            Assert.Equal(ReadBack.Today, postmortem.ActionItems[2].DoneDate);
        }

        [Fact]
        public void A_glab_export_matches_web_urls_with_or_without_the_dash_and_short_references()
        {
            var postmortem = Ledger(
                Item("Add a replication-lag panel to the ledger dashboard", "https://gitlab.example.com/platform/sre/incident-actions/issues/12"),
                Item("Write our own replica promotion script", "platform/sre/incident-actions#13"),
                Item("Load-test checkout with a lagging replica", "#14"),
                Item("Page the database on-call when replication lag passes 30 seconds"));

            var changes = ActionItemSync.Run(postmortem, Tracker("glab-issue-list.json"), ReadBack);
            var items = postmortem.ActionItems;

            Assert.Equal(new[] { SyncAction.StatusChanged, SyncAction.StatusChanged, SyncAction.Unchanged, SyncAction.Linked }, changes.Select(c => c.Action));
            Assert.Equal(new DateTime(2026, 12, 3), items[0].DoneDate);
            Assert.Equal("closed with the label resolution::won't do (platform/sre/incident-actions#13)", items[1].StatusReason);
            Assert.Equal(ActionItemStatus.Open, items[2].Status);
            Assert.Equal("https://gitlab.example.com/platform/sre/incident-actions/-/issues/15", items[3].Tracking);
        }

        [Theory]
        [InlineData("https://github.com/octo-org/payments-infra/issues/41", true)]
        [InlineData("http://github.com/Octo-Org/Payments-Infra/issues/41/", true)]
        [InlineData("https://github.com/octo-org/payments-infra/issues/41#issuecomment-1", true)]
        [InlineData("octo-org/payments-infra#41", true)]
        [InlineData("OCTO-ORG/payments-infra#41", true)]
        [InlineData("#41", true)]
        [InlineData("https://github.com/octo-org/payments-infra/issues/410", false)]
        [InlineData("https://github.com/octo-org/payments-infra/pull/41", false)]
        [InlineData("https://ghe.example.com/octo-org/payments-infra/issues/41", false)]
        [InlineData("other/repo#41", false)]
        [InlineData("PAY-41", false)]
        [InlineData("", false)]
        public void Owns_an_issue_by_the_address_or_key_that_names_it(string tracking, bool owned)
        {
            var tracker = Tracker("gh-issue-list.json");
            Assert.Equal(owned, tracker.Owns(tracking));
            Assert.Equal(owned, tracker.Get(tracking) is not null);
            if (owned) Assert.Equal("octo-org/payments-infra#41", tracker.Get(tracking)!.Key);
        }

        [Fact]
        public void A_short_number_names_nothing_when_the_export_holds_two_repositories()
        {
            var export = TrackerExport.Parse("[{\"url\":\"https://github.com/o/a/issues/1\",\"state\":\"OPEN\"},{\"url\":\"https://github.com/o/b/issues/1\",\"state\":\"OPEN\"}]", "two.json");
            var tracker = new OfflineTracker(export);
            Assert.False(tracker.Owns("#1"));
            Assert.True(tracker.Owns("o/b#1"));
        }

        [Fact]
        public void Markers_are_found_whole_in_bodies_and_not_at_all_without_them()
        {
            var tracker = Tracker("gh-issue-list.json");
            Assert.Equal("octo-org/payments-infra#46", tracker.FindByMarker("pm-d085abc11beb")!.Key);
            Assert.Null(tracker.FindByMarker("pm-d085abc11bec"));
            Assert.Null(tracker.FindByMarker("pm-d085abc11be"));
            Assert.Null(Tracker("gh-issue-list-older.json").FindByMarker("pm-0c41aa9e0b7d"));
            Assert.Equal("the export gh-issue-list.json", tracker.Name);
        }
    }
}
