using System;
using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>
    /// A blameless postmortem, section for section as the guide's Document Template lays it out.
    /// Only the title is required: a draft starts before the severity is known, and what is still
    /// missing shows in the rendered document.
    /// </summary>
    public sealed class Postmortem
    {
        private string _title;
        private DateTime? _date;
        private TimeSpan? _explicitDuration;
        private Severity? _severity;
        private IncidentStatus? _status;
        private IncidentContext? _context;
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
            Authors = new PostmortemList<string>(this, "its authors");
            Reviewers = new PostmortemList<string>(this, "its reviewers");
            Timeline = new Timeline(this);
            Impact = new Impact(this);
            Whys = new PostmortemList<string>(this, "its 5 whys");
            WhyChains = new WhyChains(this);
            ContributingFactors = new PostmortemList<string>(this, "its contributing factors");
            WentWell = new PostmortemList<string>(this, "what went well");
            WentPoorly = new PostmortemList<string>(this, "what went poorly");
            Sections = new ExtraSections(this);
            Links = new PostmortemList<PostmortemLink>(this, "its links");
            External = new ExternalVersion(this);
            ActionItems = new PostmortemList<ActionItem>(this, "its action items", item =>
            {
                if (item is null) throw new ArgumentNullException(nameof(item), "An action item cannot be null.");
                item.Postmortem = this;
            });
        }

        /// <summary>Stable identity, made at creation; it survives title changes and is how a published page is found again.</summary>
        public Guid Id { get; }

        public string Title
        {
            get => _title;
            set => _title = Changing(RequireTitle(value), "its title");
        }

        /// <summary>The incident's day (date only).</summary>
        public DateTime? Date
        {
            get => _date;
            set => _date = Changing(value.HasValue ? DateTime.SpecifyKind(value.Value.Date, DateTimeKind.Unspecified) : (DateTime?)null, "its date");
        }

        /// <summary>A duration set by hand; when null, <see cref="Duration"/> is derived from the timeline.</summary>
        public TimeSpan? ExplicitDuration
        {
            get => _explicitDuration;
            set => _explicitDuration = Changing(value, "its duration");
        }

        /// <summary>
        /// Detection to resolution. Set explicitly, or derived from the timeline: from the Detected milestone
        /// (else FirstSymptom) to the Resolved milestone (else ServiceRestored).
        /// </summary>
        public TimeSpan? Duration => ExplicitDuration ?? Timeline.DerivedDuration;

        public Severity? Severity
        {
            get => _severity;
            set => _severity = Changing(value, "its severity");
        }

        public IncidentStatus? Status
        {
            get => _status;
            set => _status = Changing(value, "its status");
        }

        public IncidentContext? Context
        {
            get => _context;
            set => _context = Changing(value, "its context");
        }

        public PostmortemList<string> Authors { get; }

        public PostmortemList<string> Reviewers { get; }

        public string? ExecutiveSummary
        {
            get => _executiveSummary;
            set => _executiveSummary = Changing(Text.Normalize(value), "its executive summary");
        }

        public Timeline Timeline { get; }

        public Impact Impact { get; }

        public string? RootCause
        {
            get => _rootCause;
            set => _rootCause = Changing(Text.Normalize(value), "its root cause");
        }

        /// <summary>The 5-whys chain behind the root cause, first why first.</summary>
        public PostmortemList<string> Whys { get; }

        /// <summary>
        /// Further 5-whys chains, each named for the problem it asks about ('Backups failed'), for an incident with more
        /// than one; each renders after <see cref="Whys"/> under its own heading. None, and the document is as it always was.
        /// </summary>
        public WhyChains WhyChains { get; }

        public PostmortemList<string> ContributingFactors { get; }

        public PostmortemList<string> WentWell { get; }

        public PostmortemList<string> WentPoorly { get; }

        public PostmortemList<ActionItem> ActionItems { get; }

        /// <summary>
        /// Where the action items' ticket keys are tracked: an absolute http or https address with {0} where the key
        /// goes (https://jira.example.com/browse/{0}), so a key such as PAY-1423 shows as a link to its ticket.
        /// </summary>
        public string? TrackingUrl
        {
            get => _trackingUrl;
            set => _trackingUrl = Changing(TrackingLinks.CheckPattern(value), "its tracking address");
        }

        /// <summary>
        /// Draft, InReview or Final. A Final postmortem is locked: its content refuses every change, from the cmdlets
        /// and from scripts alike, until Unlock-Postmortem; the review record (state, sign-offs, unlocks) and the
        /// publication record still change.
        /// </summary>
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
            set => _lessonsLearned = Changing(Text.Normalize(value), "its lessons learned");
        }

        /// <summary>
        /// Sections beyond the template's: Trigger, Detection, Where We Got Lucky, the team's own (declared in its settings
        /// file), and any a reviewer wrote into the page. Each stands after a template section; none, and the document is
        /// the template alone.
        /// </summary>
        public ExtraSections Sections { get; }

        /// <summary>Dashboards, runbooks, the incident ticket, related postmortems: the Links section, shown only when it has any.</summary>
        public PostmortemList<PostmortemLink> Links { get; }

        /// <summary>
        /// The customer-facing version: its own text, sign-offs and page, rendered with -Audience External. It stays open
        /// to change while the postmortem is final, as action items' statuses do.
        /// </summary>
        public ExternalVersion External { get; }

        public override string ToString() => Date.HasValue ? $"Postmortem {Date.Value:yyyy-MM-dd}: {Title}" : $"Postmortem: {Title}";

        /// <summary>Refuses a change to a final postmortem, with the error the cmdlets give.</summary>
        internal void EnsureUnlocked(string what)
        {
            if (IsLocked) throw PostmortemReview.Locked(this, "changed (" + what + ")");
        }

        private T Changing<T>(T value, string what)
        {
            EnsureUnlocked(what);
            return value;
        }

        private static string RequireTitle(string value) =>
            Text.SingleLine(value) ?? throw new ArgumentException("A postmortem needs a title that names the incident.", nameof(value));
    }
}
