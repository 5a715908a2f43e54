using System;

namespace Postmortems
{
    /// <summary>
    /// One row of the timeline: when (UTC), what happened, which of the template's milestones it marks, and
    /// where it was gathered from. Immutable, so the timeline's order cannot be broken from outside.
    /// </summary>
    public sealed class TimelineEvent : IEquatable<TimelineEvent>
    {
        public const string ManualSource = "manual";

        public TimelineEvent(DateTime time, string @event, Milestone milestone = Milestone.None, string? source = null)
            : this(time, @event, milestone, source, false)
        {
        }

        /// <summary>An event whose time may be approximate: a source gave it as "~23:30" or "23:00-ish".</summary>
        public TimelineEvent(DateTime time, string @event, Milestone milestone, string? source, bool approximate)
            : this(time, @event, milestone, source, approximate, false)
        {
        }

        /// <summary>
        /// An event whose time may be unknown: a source lists the step but no source says when. Its time is then only its
        /// place in the story (the time of the event it follows), it is shown without one, and it marks no milestone, so
        /// it never enters the metrics.
        /// </summary>
        public TimelineEvent(DateTime time, string @event, Milestone milestone, string? source, bool approximate, bool timeUnknown)
        {
            var text = Text.Normalize(@event);
            if (text is null) throw new ArgumentException("A timeline event needs text that says what happened.", nameof(@event));
            if (timeUnknown && milestone != Milestone.None)
            {
                throw new ArgumentException(
                    $"The event '{Text.SingleLine(text)}' has no known time, so it cannot mark the {milestone} milestone: the metrics (time to detect, to resolve) are measured between milestones' times. Give it a time (~23:30 if only roughly known) to mark it.",
                    nameof(milestone));
            }
            UtcTime = TimelineTime.ToUtc(time);
            // Every reader refuses such a time as its own error first; this keeps one made in code out too, so that no
            // later sum of the timeline's times (the chart's margins) leaves DateTime's range.
            if (!TimelineTime.InWindow(UtcTime))
            {
                throw new ArgumentOutOfRangeException(nameof(time), time, "A timeline event's time is from 1900 to 2100 (UTC). Check the year.");
            }
            Event = text;
            Milestone = milestone;
            Source = Text.SingleLine(source) ?? ManualSource;
            TimeUnknown = timeUnknown;
            Approximate = approximate && !timeUnknown;
        }

        /// <summary>
        /// An event with no known time, whose place in the story is at the given time, after the events already there
        /// (Timeline.Insert puts it at a position instead); see TimeUnknown.
        /// </summary>
        public static TimelineEvent Untimed(string @event, DateTime place, string? source = null) =>
            new TimelineEvent(place, @event, Milestone.None, source, false, true);

        /// <summary>
        /// When it happened: an instant, at offset +00:00 (the template's "Time (UTC)"). A DateTimeOffset, so that
        /// PowerShell compares it correctly with any time it is given (Where-Object Time -ge '2026-11-20T13:50Z'
        /// holds in every time zone), which a DateTime would not: DateTime comparisons ignore whether a time is UTC.
        /// </summary>
        /// For an event whose time is unknown (TimeUnknown), the time of the event it follows in the story, which keeps its
        /// place.
        public DateTimeOffset Time => new DateTimeOffset(UtcTime, TimeSpan.Zero);

        /// <summary>The same instant as a DateTime of Kind Utc.</summary>
        public DateTime UtcTime { get; }

        public string Event { get; }

        public Milestone Milestone { get; }

        /// <summary>Where the event came from: alertmanager, slack, kubectl, manual, ...</summary>
        public string Source { get; }

        /// <summary>
        /// Whether the time is only approximate (a source said "~23:30", "ca. 23:30" or "23:00-ish"): shown as ~23:30,
        /// and the tone rule SpecificTimes does not ask for an exact one.
        /// </summary>
        public bool Approximate { get; }

        /// <summary>
        /// Whether no source says when it happened: the event is a step of the story in its place (Time is then the time
        /// of the event before it), shown without a time, marking no milestone and outside every metric and the chart.
        /// </summary>
        public bool TimeUnknown { get; }

        /// <summary>
        /// Its zero-based place in the timeline that holds it, as Test-Postmortem's Timeline[n] and Set-TimelineEvent's
        /// -Index name it; null when it is in no timeline. Not part of the event's value: the timeline keeps it.
        /// </summary>
        public int? Index => Holder?.PositionOf(this);

        // The timeline that holds this very object (each object is in one timeline at most, once: a timeline takes a
        // copy of an event another holds), and its place there as of the timeline's numbering Numbered.
        internal Timeline? Holder;
        internal int Position;
        internal int Numbered;

        public TimelineEvent WithMilestone(Milestone milestone) => new TimelineEvent(UtcTime, Event, milestone, Source, Approximate, TimeUnknown);

        /// <summary>The same event marked approximate or exact.</summary>
        public TimelineEvent WithApproximate(bool approximate) => new TimelineEvent(UtcTime, Event, Milestone, Source, approximate, TimeUnknown);

        /// <summary>
        /// The same event with any of its parts changed; null keeps a part as it is. A time given makes the time known
        /// unless timeUnknown says otherwise.
        /// </summary>
        public TimelineEvent With(DateTime? time = null, string? @event = null, Milestone? milestone = null, string? source = null, bool? approximate = null, bool? timeUnknown = null) =>
            new TimelineEvent(time ?? UtcTime, @event ?? Event, milestone ?? Milestone, source ?? Source, approximate ?? Approximate,
                timeUnknown ?? (time.HasValue ? false : TimeUnknown));

        internal TimelineEvent Copy() => new TimelineEvent(UtcTime, Event, Milestone, Source, Approximate, TimeUnknown);

        /// <summary>
        /// Equal events say the same: the same time, text, milestone, source and marks. Two events of unknown time are
        /// equal whatever their places, as a file that holds them in the same order gives them back.
        /// </summary>
        public bool Equals(TimelineEvent? other) =>
            other is not null && TimeUnknown == other.TimeUnknown && (TimeUnknown || UtcTime == other.UtcTime)
            && Event == other.Event && Milestone == other.Milestone && Source == other.Source && Approximate == other.Approximate;

        public override bool Equals(object? obj) => Equals(obj as TimelineEvent);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = TimeUnknown ? -1 : UtcTime.GetHashCode();
                hash = hash * 31 + StringComparer.Ordinal.GetHashCode(Event);
                hash = hash * 31 + (int)Milestone;
                hash = hash * 31 + StringComparer.Ordinal.GetHashCode(Source);
                return hash * 31 + (Approximate ? 1 : 0);
            }
        }

        public override string ToString() =>
            TimeUnknown ? $"(time unknown, after {UtcTime:yyyy-MM-dd HH:mm:ss}Z) {Event}"
            : Milestone == Milestone.None
                ? $"{(Approximate ? "~" : "")}{UtcTime:yyyy-MM-dd HH:mm:ss}Z {Event}"
                : $"{(Approximate ? "~" : "")}{UtcTime:yyyy-MM-dd HH:mm:ss}Z [{Milestone}] {Event}";
    }
}
