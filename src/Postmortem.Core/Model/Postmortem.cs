using System;
using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>
    /// A blameless postmortem, section for section as the seed's Document Template lays it out.
    /// Only the title is required: a draft starts before the severity is known, and what is still
    /// missing shows in the rendered document.
    /// </summary>
    public sealed class Postmortem
    {
        private string _title;
        private DateTime? _date;
        private string? _executiveSummary;
        private string? _rootCause;
        private string? _lessonsLearned;
        private string? _trackingUrl;

        /// <summary>
        /// A new postmortem. There is deliberately no constructor that takes a title alone: PowerShell would use it to
        /// turn any string piped to a cmdlet into an empty postmortem titled with that string.
        /// </summary>
        public Postmortem(string title, Guid? id = null)
        {
            _title = RequireTitle(title);
            Id = id ?? Guid.NewGuid();
        }

        /// <summary>Stable identity, made at creation; it survives title changes and is how a published page is found again.</summary>
        public Guid Id { get; }

        public string Title
        {
            get => _title;
            set => _title = RequireTitle(value);
        }

        /// <summary>The incident's day (date only).</summary>
        public DateTime? Date
        {
            get => _date;
            set => _date = value.HasValue ? DateTime.SpecifyKind(value.Value.Date, DateTimeKind.Unspecified) : (DateTime?)null;
        }

        /// <summary>A duration set by hand; when null, <see cref="Duration"/> is derived from the timeline.</summary>
        public TimeSpan? ExplicitDuration { get; set; }

        /// <summary>
        /// Detection to resolution. Set explicitly, or derived from the timeline: from the Detected milestone
        /// (else FirstSymptom) to the Resolved milestone (else ServiceRestored).
        /// </summary>
        public TimeSpan? Duration => ExplicitDuration ?? Timeline.DerivedDuration;

        public Severity? Severity { get; set; }

        public IncidentStatus? Status { get; set; }

        public IncidentContext? Context { get; set; }

        public List<string> Authors { get; } = new List<string>();

        public List<string> Reviewers { get; } = new List<string>();

        public string? ExecutiveSummary
        {
            get => _executiveSummary;
            set => _executiveSummary = Text.Normalize(value);
        }

        public Timeline Timeline { get; } = new Timeline();

        public Impact Impact { get; } = new Impact();

        public string? RootCause
        {
            get => _rootCause;
            set => _rootCause = Text.Normalize(value);
        }

        /// <summary>The 5-whys chain behind the root cause, first why first.</summary>
        public List<string> Whys { get; } = new List<string>();

        public List<string> ContributingFactors { get; } = new List<string>();

        public List<string> WentWell { get; } = new List<string>();

        public List<string> WentPoorly { get; } = new List<string>();

        public List<ActionItem> ActionItems { get; } = new List<ActionItem>();

        /// <summary>
        /// Where the action items' ticket keys are tracked: an absolute http or https address with {0} where the key
        /// goes (https://jira.example.com/browse/{0}), so a key such as PAY-1423 shows as a link to its ticket.
        /// </summary>
        public string? TrackingUrl
        {
            get => _trackingUrl;
            set => _trackingUrl = TrackingLinks.CheckPattern(value);
        }

        /// <summary>Draft, InReview or Final. A Final postmortem is locked: the cmdlets change it only after Unlock-Postmortem.</summary>
        public DocumentState State { get; set; } = DocumentState.Draft;

        /// <summary>The reviewers' dated approvals.</summary>
        public List<SignOff> SignOffs { get; } = new List<SignOff>();

        /// <summary>Every unlock of a final postmortem, with its reason.</summary>
        public List<Unlock> Unlocks { get; } = new List<Unlock>();

        public bool IsLocked => State == DocumentState.Final;

        /// <summary>Where and how it was last published to BookStack; null until the first publish.</summary>
        public Publication? Publication { get; set; }

        /// <summary>The file this postmortem was read from, if any. Not part of the postmortem itself: it is never written out.</summary>
        public string? SourcePath { get; set; }

        /// <summary>The SHA-256 of the file as it was read, to tell whether it changed on disk since. Never written out.</summary>
        public string? SourceDigest { get; internal set; }

        public string? LessonsLearned
        {
            get => _lessonsLearned;
            set => _lessonsLearned = Text.Normalize(value);
        }

        public override string ToString() => Date.HasValue ? $"Postmortem {Date.Value:yyyy-MM-dd}: {Title}" : $"Postmortem: {Title}";

        private static string RequireTitle(string value) =>
            Text.SingleLine(value) ?? throw new ArgumentException("A postmortem needs a title that names the incident.", nameof(value));
    }
}
