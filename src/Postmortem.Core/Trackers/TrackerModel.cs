using System;
using System.Collections.Generic;

namespace Postmortems.Trackers
{
    /// <summary>The issue trackers action items can be synced with.</summary>
    public enum TrackerKind
    {
        GitHub,
        GitLab,
        Jira,
    }

    /// <summary>What a tracker issue says of its action item.</summary>
    public enum TrackerIssueState
    {
        /// <summary>Still open (or reopened).</summary>
        Open,

        /// <summary>Closed as done: GitHub "completed", GitLab closed, Jira in a done status with no won't-do resolution.</summary>
        Done,

        /// <summary>Closed as not to be done: GitHub "not planned", Jira resolution Won't Do (or Won't Fix, Declined).</summary>
        WontDo,
    }

    /// <summary>An issue as the tracker reports it.</summary>
    public sealed class TrackerIssue
    {
        public TrackerIssue(string url, string key, string title, TrackerIssueState state, DateTime? closedOn = null, string? reason = null, string? body = null)
        {
            Url = url ?? throw new ArgumentNullException(nameof(url));
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Title = title ?? string.Empty;
            State = state;
            ClosedOn = closedOn?.Date;
            Reason = reason;
            Body = body;
        }

        /// <summary>The issue's web address: what an action item's Tracking records.</summary>
        public string Url { get; }

        /// <summary>The tracker's own name for it: org/repo#42, group/project#7, OPS-12.</summary>
        public string Key { get; }

        public string Title { get; }

        public TrackerIssueState State { get; }

        /// <summary>The day (UTC) it was closed, when it is.</summary>
        public DateTime? ClosedOn { get; }

        /// <summary>Why it will not be done, in the tracker's words (a resolution, a close reason).</summary>
        public string? Reason { get; }

        internal string? Body { get; }

        public override string ToString() => $"{Key} ({State})";
    }

    /// <summary>An issue to create for an action item.</summary>
    public sealed class NewTrackerIssue
    {
        public NewTrackerIssue(string title, string body, IReadOnlyList<string> labels, DateTime? dueDate, ActionPriority? priority, string marker)
        {
            Title = title;
            Body = body;
            Labels = labels;
            DueDate = dueDate;
            Priority = priority;
            Marker = marker;
        }

        public string Title { get; }

        /// <summary>Markdown: owner, due date, priority, the link back to the postmortem's page, and the marker.</summary>
        public string Body { get; }

        public IReadOnlyList<string> Labels { get; }

        public DateTime? DueDate { get; }

        public ActionPriority? Priority { get; }

        /// <summary>The one token that finds this item's issue again (pm- and 12 hex digits).</summary>
        public string Marker { get; }
    }

    /// <summary>
    /// One tracker project (a GitHub repository, a GitLab project, a Jira project) as the sync needs it: find the issue
    /// made for an action item before, create one, and read one back by its address.
    /// </summary>
    public interface ITrackerClient
    {
        /// <summary>For messages: "GitHub octo/ops".</summary>
        string Name { get; }

        /// <summary>Whether the sync may create issues here (an offline export cannot).</summary>
        bool CanCreate { get; }

        /// <summary>Whether a Tracking value (an address or key) names an issue of this project.</summary>
        bool Owns(string tracking);

        /// <summary>The issue a Tracking value names; null when there is none (deleted, or moved out of reach).</summary>
        TrackerIssue? Get(string tracking);

        /// <summary>The issue made for an action item before, found by the marker in its body; null when there is none.</summary>
        TrackerIssue? FindByMarker(string marker);

        TrackerIssue Create(NewTrackerIssue issue);
    }

    /// <summary>Why a tracker request failed, by kind, so the cmdlet gives each its ErrorId and category.</summary>
    public enum TrackerErrorKind
    {
        Unauthorized,
        Forbidden,
        NotFound,
        Validation,
        RateLimited,
        Unavailable,
        Failed,
    }

    public sealed class TrackerException : Exception
    {
        public TrackerException(TrackerErrorKind kind, int? statusCode, string message, bool outcomeUnknown = false, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            StatusCode = statusCode;
            OutcomeUnknown = outcomeUnknown;
        }

        public TrackerErrorKind Kind { get; }

        public int? StatusCode { get; }

        /// <summary>A write whose answer never came: it may have happened.</summary>
        public bool OutcomeUnknown { get; }
    }
}
