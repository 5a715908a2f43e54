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
            Time = TimelineTime.ToUtc(time);
            Event = text;
            Milestone = milestone;
            Source = Text.SingleLine(source) ?? ManualSource;
        }

        /// <summary>When it happened, always in UTC.</summary>
        public DateTime Time { get; }

        public string Event { get; }

        public Milestone Milestone { get; }

        /// <summary>Where the event came from: alertmanager, slack, kubectl, manual, ...</summary>
        public string Source { get; }

        public TimelineEvent WithMilestone(Milestone milestone) => new TimelineEvent(Time, Event, milestone, Source);

        public bool Equals(TimelineEvent? other) =>
            other is not null && Time == other.Time && Event == other.Event && Milestone == other.Milestone && Source == other.Source;

        public override bool Equals(object? obj) => Equals(obj as TimelineEvent);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = Time.GetHashCode();
                hash = hash * 31 + StringComparer.Ordinal.GetHashCode(Event);
                hash = hash * 31 + (int)Milestone;
                return hash * 31 + StringComparer.Ordinal.GetHashCode(Source);
            }
        }

        public override string ToString() =>
            Milestone == Milestone.None
                ? $"{Time:yyyy-MM-dd HH:mm:ss}Z {Event}"
                : $"{Time:yyyy-MM-dd HH:mm:ss}Z [{Milestone}] {Event}";
    }
}
