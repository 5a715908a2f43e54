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
        {
            var text = Text.Normalize(@event);
            if (text is null) throw new ArgumentException("A timeline event needs text that says what happened.", nameof(@event));
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
        }

        /// <summary>
        /// When it happened: an instant, at offset +00:00 (the template's "Time (UTC)"). A DateTimeOffset, so that
        /// PowerShell compares it correctly with any time it is given (Where-Object Time -ge '2026-11-20T13:50Z'
        /// holds in every time zone), which a DateTime would not: DateTime comparisons ignore whether a time is UTC.
        /// </summary>
        public DateTimeOffset Time => new DateTimeOffset(UtcTime, TimeSpan.Zero);

        /// <summary>The same instant as a DateTime of Kind Utc.</summary>
        public DateTime UtcTime { get; }

        public string Event { get; }

        public Milestone Milestone { get; }

        /// <summary>Where the event came from: alertmanager, slack, kubectl, manual, ...</summary>
        public string Source { get; }

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

        public TimelineEvent WithMilestone(Milestone milestone) => new TimelineEvent(UtcTime, Event, milestone, Source);

        /// <summary>The same event with any of its parts changed; null keeps a part as it is.</summary>
        public TimelineEvent With(DateTime? time = null, string? @event = null, Milestone? milestone = null, string? source = null) =>
            new TimelineEvent(time ?? UtcTime, @event ?? Event, milestone ?? Milestone, source ?? Source);

        internal TimelineEvent Copy() => new TimelineEvent(UtcTime, Event, Milestone, Source);

        public bool Equals(TimelineEvent? other) =>
            other is not null && UtcTime == other.UtcTime && Event == other.Event && Milestone == other.Milestone && Source == other.Source;

        public override bool Equals(object? obj) => Equals(obj as TimelineEvent);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = UtcTime.GetHashCode();
                hash = hash * 31 + StringComparer.Ordinal.GetHashCode(Event);
                hash = hash * 31 + (int)Milestone;
                return hash * 31 + StringComparer.Ordinal.GetHashCode(Source);
            }
        }

        public override string ToString() =>
            Milestone == Milestone.None
                ? $"{UtcTime:yyyy-MM-dd HH:mm:ss}Z {Event}"
                : $"{UtcTime:yyyy-MM-dd HH:mm:ss}Z [{Milestone}] {Event}";
    }
}
