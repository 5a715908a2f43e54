using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Postmortems.Trackers
{
    /// <summary>What the sync did, or would do, for one action item.</summary>
    public enum SyncAction
    {
        /// <summary>An issue was created for the item; its address is now the item's Tracking.</summary>
        Created,

        /// <summary>An issue made for the item before (found by its marker) is its Tracking again.</summary>
        Linked,

        /// <summary>The issue was closed (or will not be done): the item took its status.</summary>
        StatusChanged,

        /// <summary>The item and its issue agree.</summary>
        Unchanged,

        /// <summary>Nothing to do here: the item is tracked elsewhere, or it is closed and has no issue.</summary>
        Skipped,
    }

    /// <summary>One action item's line in the sync's report.</summary>
    public sealed class SyncChange
    {
        internal SyncChange(Postmortem postmortem, int index, ActionItem item, SyncAction action, string? issueUrl, string? issueKey, string note)
        {
            PostmortemTitle = postmortem.Title;
            Index = index;
            Action = action;
            ActionText = item.Action;
            Status = item.Status;
            IssueUrl = issueUrl;
            IssueKey = issueKey;
            Note = note;
        }

        public string PostmortemTitle { get; }

        /// <summary>The item's place in ActionItems.</summary>
        public int Index { get; }

        public SyncAction Action { get; }

        /// <summary>The item's text (its action).</summary>
        public string ActionText { get; }

        /// <summary>The item's status after the sync.</summary>
        public ActionItemStatus Status { get; internal set; }

        public string? IssueUrl { get; }

        public string? IssueKey { get; }

        /// <summary>What happened, in a sentence.</summary>
        public string Note { get; }

        public override string ToString() => $"ActionItems[{Index}] {Action}: {Note}";
    }

    /// <summary>The sync's settings: what it may do, and what it writes into new issues.</summary>
    public sealed class SyncOptions
    {
        /// <summary>Create issues for open items without one (false: only read back the ones linked).</summary>
        public bool Create { get; set; } = true;

        /// <summary>The postmortem's published page, linked from each new issue's body.</summary>
        public Uri? PageUrl { get; set; }

        /// <summary>The day "Done" is recorded on when an issue closed without a date.</summary>
        public DateTime Today { get; set; } = DateTime.UtcNow.Date;
    }

    /// <summary>
    /// Takes a postmortem's action items to a tracker and their state back: an open item without a tracker issue gets
    /// one (title = the action; body = owner, due date, priority, a link to the published page and the postmortem's
    /// title, and a marker; labels postmortem and the priority), and its address becomes the item's Tracking; an item
    /// whose issue was closed takes Done with the day it closed, or WontDo with the tracker's reason. A re-run creates
    /// nothing twice: before creating, the issue is looked for by the marker, one token made of the postmortem's id and
    /// the action's text. An item closed here while its issue is open stays closed, with a note.
    /// </summary>
    public static class ActionItemSync
    {
        public const string Label = "postmortem";

        /// <summary>The token that finds an item's issue again: pm- and 12 hex digits of the postmortem's id and the action.</summary>
        public static string Marker(Postmortem postmortem, ActionItem item)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(postmortem.Id.ToString("D") + "\n" + item.Action));
            var hex = new StringBuilder("pm-");
            for (int i = 0; i < 6; i++) hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        /// <summary>The issue to create for an item.</summary>
        public static NewTrackerIssue NewIssue(Postmortem postmortem, ActionItem item, Uri? pageUrl)
        {
            var c = CultureInfo.InvariantCulture;
            var marker = Marker(postmortem, item);
            var page = BookStack.PostmortemPublisher.PageName(postmortem);
            var body = new StringBuilder();
            body.Append("An action item of the postmortem ")
                .Append(pageUrl is null ? "**" + page + "**" : "[" + page + "](" + pageUrl.AbsoluteUri + ")").Append(".\n\n");
            body.Append("- **Owner:** ").Append(item.Owner ?? "not set").Append('\n');
            body.Append("- **Due date:** ").Append(item.DueDate?.ToString("yyyy-MM-dd", c) ?? "not set").Append('\n');
            body.Append("- **Priority:** ").Append(item.Priority?.ToString() ?? "not set").Append('\n');
            // One body for every tracker: each says "won't do" its own way.
            body.Append("\nClosing this issue marks the action item Done on the next sync. To mark it Won't do, close it as not planned (GitHub), ")
                .Append("with the label wontdo (GitLab), or with the resolution Won't Do (Jira).\n\n");
            body.Append("Postmortem action item ").Append(marker).Append('\n');
            var labels = new List<string> { Label };
            if (item.Priority is ActionPriority priority) labels.Add(priority.ToString());
            // Trackers cut long titles (GitHub at 256 characters, Jira's summary at 255).
            var title = Text.SingleLine(item.Action) ?? item.Action;
            if (title.Length > 250) title = title.Substring(0, 249) + "…";
            return new NewTrackerIssue(title, body.ToString(), labels, item.DueDate, item.Priority, marker);
        }

        /// <summary>
        /// Syncs each action item: reads the linked issues into the items, links issues made before (found by their
        /// markers), and creates issues for open items without one, each as <paramref name="shouldCreate"/> allows (no to
        /// one is -WhatIf or a declined -Confirm: the item is reported as not created). Returns a line per item.
        /// </summary>
        public static IReadOnlyList<SyncChange> Run(Postmortem postmortem, ITrackerClient tracker, SyncOptions options, Func<string, bool>? shouldCreate = null, Action<string>? warn = null)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            if (tracker is null) throw new ArgumentNullException(nameof(tracker));
            options ??= new SyncOptions();
            var changes = new List<SyncChange>();
            for (int i = 0; i < postmortem.ActionItems.Count; i++)
            {
                var item = postmortem.ActionItems[i];
                if (item.Tracking is string tracking)
                {
                    var resolved = TrackingLinks.Resolve(tracking, postmortem.TrackingUrl);
                    if (!tracker.Owns(resolved))
                    {
                        changes.Add(new SyncChange(postmortem, i, item, SyncAction.Skipped, null, null,
                            tracker.CanCreate ? $"tracked elsewhere: {tracking} is no issue of {tracker.Name}" : $"{tracking} is not in {tracker.Name}"));
                        continue;
                    }
                    var issue = tracker.Get(resolved);
                    if (issue is null)
                    {
                        warn?.Invoke($"'{postmortem.Title}', ActionItems[{i}] '{item.Action}': its issue {tracking} is not in {tracker.Name} any more (deleted or moved); the item was left as it is.");
                        changes.Add(new SyncChange(postmortem, i, item, SyncAction.Skipped, resolved, null, $"{tracking} was not found in {tracker.Name}"));
                        continue;
                    }
                    changes.Add(TakeState(postmortem, i, item, issue, options, warn));
                    continue;
                }
                if (!item.IsOpen)
                {
                    changes.Add(new SyncChange(postmortem, i, item, SyncAction.Skipped, null, null, $"{ActionItemStatusText.Label(item.Status)} here, and has no issue: none is made for a closed item"));
                    continue;
                }
                var marker = Marker(postmortem, item);
                var found = tracker.FindByMarker(marker);
                if (found is not null)
                {
                    item.Tracking = found.Url;
                    var linked = TakeState(postmortem, i, item, found, options, warn);
                    changes.Add(new SyncChange(postmortem, i, item, SyncAction.Linked, found.Url, found.Key,
                        $"found {found.Key}, made for it before, and recorded it as its tracking" + (linked.Action == SyncAction.StatusChanged ? "; " + linked.Note : "")) { Status = item.Status });
                    continue;
                }
                if (!options.Create || !tracker.CanCreate)
                {
                    changes.Add(new SyncChange(postmortem, i, item, SyncAction.Skipped, null, null, options.Create ? $"no issue, and {tracker.Name} cannot create one" : "no issue (-NoCreate)"));
                    continue;
                }
                var newIssue = NewIssue(postmortem, item, options.PageUrl);
                if (shouldCreate is not null && !shouldCreate($"Create an issue in {tracker.Name} for ActionItems[{i}] '{item.Action}' of '{postmortem.Title}'"))
                {
                    changes.Add(new SyncChange(postmortem, i, item, SyncAction.Skipped, null, null, $"no issue yet; one would be created in {tracker.Name} (not now: -WhatIf, or declined)"));
                    continue;
                }
                var created = tracker.Create(newIssue);
                item.Tracking = created.Url;
                changes.Add(new SyncChange(postmortem, i, item, SyncAction.Created, created.Url, created.Key, $"created {created.Key}"));
            }
            return changes;
        }

        // An item takes what its issue says: closed as done -> Done on the day it closed; not planned -> WontDo with the
        // tracker's reason. An issue open again while the item is closed here changes nothing (the item's closing is a
        // person's word), but is said.
        private static SyncChange TakeState(Postmortem postmortem, int index, ActionItem item, TrackerIssue issue, SyncOptions options, Action<string>? warn)
        {
            switch (issue.State)
            {
                case TrackerIssueState.Done:
                    if (item.Status == ActionItemStatus.Done) return new SyncChange(postmortem, index, item, SyncAction.Unchanged, issue.Url, issue.Key, $"{issue.Key} is closed and the item Done");
                    var day = issue.ClosedOn ?? options.Today;
                    item.SetStatus(ActionItemStatus.Done, null, day);
                    return new SyncChange(postmortem, index, item, SyncAction.StatusChanged, issue.Url, issue.Key, $"{issue.Key} was closed on {day:yyyy-MM-dd}: the item is Done");
                case TrackerIssueState.WontDo:
                    if (item.Status == ActionItemStatus.WontDo) return new SyncChange(postmortem, index, item, SyncAction.Unchanged, issue.Url, issue.Key, $"{issue.Key} will not be done, nor will the item");
                    var reason = Text.SingleLine(issue.Reason) ?? "closed as not planned";
                    var why = $"{reason} ({issue.Key})";
                    item.SetStatus(ActionItemStatus.WontDo, why);
                    return new SyncChange(postmortem, index, item, SyncAction.StatusChanged, issue.Url, issue.Key, $"{issue.Key} was closed as not to be done: the item is Won't do: {why}");
                default:
                    if (!item.IsOpen)
                    {
                        warn?.Invoke($"'{postmortem.Title}', ActionItems[{index}] '{item.Action}' is {ActionItemStatusText.Label(item.Status)} here, but {issue.Key} is open in the tracker; close it there, or set the item back with Set-ActionItem -Status Open.");
                    }
                    return new SyncChange(postmortem, index, item, SyncAction.Unchanged, issue.Url, issue.Key, $"{issue.Key} is open");
            }
        }
    }
}
