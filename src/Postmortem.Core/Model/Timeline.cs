using System;
using System.Collections;
using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>
    /// The postmortem's timeline, always in time order; events at the same time keep the order they were added in.
    /// </summary>
    public sealed class Timeline : IReadOnlyList<TimelineEvent>
    {
        private readonly List<TimelineEvent> _events = new List<TimelineEvent>();

        // The same event (time, source and text) is kept once, so gathering from the same file twice is harmless.
        private readonly HashSet<(DateTime Time, string Source, string Event)> _keys = new HashSet<(DateTime, string, string)>(KeyComparer.Instance);

        public int Count => _events.Count;

        public TimelineEvent this[int index] => _events[index];

        /// <summary>
        /// Adds the event in time order. An event already in the timeline (same time, source and text) is not added
        /// again; if the new copy marks a milestone the old one did not, the old one takes it. Returns whether the
        /// timeline changed.
        /// </summary>
        public bool Add(TimelineEvent timelineEvent)
        {
            if (timelineEvent is null) throw new ArgumentNullException(nameof(timelineEvent));
            var key = Key(timelineEvent);
            // One hash lookup for the usual case, a new event.
            if (!_keys.Add(key))
            {
                if (timelineEvent.Milestone == Milestone.None) return false;
                int index = _events.FindIndex(e => Key(e) == key);
                if (_events[index].Milestone != Milestone.None) return false;
                _events[index] = _events[index].WithMilestone(timelineEvent.Milestone);
                return true;
            }
            // Insert after every event at the same or an earlier time; events usually arrive in order, so this is an append.
            int last = _events.Count - 1;
            if (last < 0 || _events[last].UtcTime <= timelineEvent.UtcTime) _events.Add(timelineEvent);
            else _events.Insert(UpperBound(timelineEvent.UtcTime, 0, last), timelineEvent);
            return true;
        }

        /// <summary>Puts another event at the same time in the place of one (a rewrite of its text, say).</summary>
        public void ReplaceAt(int index, TimelineEvent replacement)
        {
            var old = _events[index];
            if (replacement.UtcTime != old.UtcTime) throw new ArgumentException("A replacement keeps the event's time; remove and add an event to move it.", nameof(replacement));
            _keys.Remove(Key(old));
            _keys.Add(Key(replacement));
            _events[index] = replacement;
        }

        /// <summary>Whether this very event (time, text, milestone and source) is in the timeline.</summary>
        public bool Contains(TimelineEvent timelineEvent) =>
            timelineEvent is not null && _keys.Contains(Key(timelineEvent)) && _events.Contains(timelineEvent);

        public bool Remove(TimelineEvent timelineEvent)
        {
            if (!_events.Remove(timelineEvent)) return false;
            _keys.Remove(Key(timelineEvent));
            return true;
        }

        public void Clear()
        {
            _events.Clear();
            _keys.Clear();
        }

        private static (DateTime, string, string) Key(TimelineEvent e) => (e.UtcTime, e.Source, e.Event);

        /// <summary>Ordinal, without the generic comparers a value tuple goes through for each of its parts.</summary>
        private sealed class KeyComparer : IEqualityComparer<(DateTime Time, string Source, string Event)>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public bool Equals((DateTime Time, string Source, string Event) x, (DateTime Time, string Source, string Event) y) =>
                x.Time.Ticks == y.Time.Ticks && string.Equals(x.Event, y.Event, StringComparison.Ordinal) && string.Equals(x.Source, y.Source, StringComparison.Ordinal);

            public int GetHashCode((DateTime Time, string Source, string Event) key)
            {
                unchecked
                {
                    return (key.Time.Ticks.GetHashCode() * 31 + StringComparer.Ordinal.GetHashCode(key.Event)) * 31 + StringComparer.Ordinal.GetHashCode(key.Source);
                }
            }
        }

        /// <summary>The first event that marks the milestone, or null.</summary>
        public TimelineEvent? Find(Milestone milestone)
        {
            foreach (var e in _events)
            {
                if (e.Milestone == milestone) return e;
            }
            return null;
        }

        /// <summary>The start of the template's Duration: Detected, else FirstSymptom.</summary>
        public TimelineEvent? DurationStart => Find(Milestone.Detected) ?? Find(Milestone.FirstSymptom);

        /// <summary>The end of the template's Duration: Resolved, else ServiceRestored.</summary>
        public TimelineEvent? DurationEnd => Find(Milestone.Resolved) ?? Find(Milestone.ServiceRestored);

        /// <summary>Detection to resolution, as the template defines Duration; null while either end is missing.</summary>
        public TimeSpan? DerivedDuration
        {
            get
            {
                var start = DurationStart;
                var end = DurationEnd;
                if (start is null || end is null || end.UtcTime < start.UtcTime) return null;
                return end.UtcTime - start.UtcTime;
            }
        }

        public IEnumerator<TimelineEvent> GetEnumerator() => _events.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        // First index in [low, high] whose time is later than 'time'; high is known to be later.
        private int UpperBound(DateTime time, int low, int high)
        {
            while (low < high)
            {
                int mid = low + (high - low) / 2;
                if (_events[mid].UtcTime > time) high = mid;
                else low = mid + 1;
            }
            return low;
        }
    }
}
