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

        public int Count => _events.Count;

        public TimelineEvent this[int index] => _events[index];

        public void Add(TimelineEvent timelineEvent)
        {
            if (timelineEvent is null) throw new ArgumentNullException(nameof(timelineEvent));
            // Insert after every event at the same or an earlier time; events usually arrive in order, so this is an append.
            int last = _events.Count - 1;
            if (last < 0 || _events[last].Time <= timelineEvent.Time) _events.Add(timelineEvent);
            else _events.Insert(UpperBound(timelineEvent.Time, 0, last), timelineEvent);
        }

        public bool Remove(TimelineEvent timelineEvent) => _events.Remove(timelineEvent);

        public void Clear() => _events.Clear();

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
                if (start is null || end is null || end.Time < start.Time) return null;
                return end.Time - start.Time;
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
                if (_events[mid].Time > time) high = mid;
                else low = mid + 1;
            }
            return low;
        }
    }
}
