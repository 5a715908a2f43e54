using System;
using System.Collections;
using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>
    /// The postmortem's timeline, always in time order; events at the same time keep the order they were added in.
    /// </summary>
    /// <remarks>
    /// Events usually arrive in time order and are appended. One that arrives earlier than the last is appended too,
    /// and the events that arrived out of order are sorted and merged in when the timeline is next read: a source in
    /// reverse or no order (journalctl -r, kubectl get events) costs n log n, not the n squared of inserting each in
    /// its place.
    /// </remarks>
    public sealed class Timeline : IReadOnlyList<TimelineEvent>
    {
        private readonly Postmortem? _owner;
        private readonly List<TimelineEvent> _events = new List<TimelineEvent>();

        // _events[0 .. _ordered) is in time order; the rest arrived out of order and waits, in arrival order, for a read.
        private int _ordered;
        private readonly object _orderGate = new object();

        // Changes with every change of order; an event's Position is current while its Numbered equals it.
        private int _numbering = 1;

        // The same event (time, source and text) is added once, so gathering from the same file twice is harmless; but
        // a timeline may hold it more than once (two same-minute pages that read alike once Protect-Postmortem has
        // redacted what told them apart, or a file that holds both), so each key counts its events.
        private readonly Dictionary<(DateTime Time, string Source, string Event), int> _keys = new Dictionary<(DateTime, string, string), int>(KeyComparer.Instance);

        /// <summary>A timeline of its own, outside any postmortem.</summary>
        public Timeline()
        {
        }

        internal Timeline(Postmortem owner) => _owner = owner;

        public int Count => _events.Count;

        public TimelineEvent this[int index]
        {
            get
            {
                EnsureOrdered();
                return _events[index];
            }
        }

        /// <summary>
        /// Adds the event in time order. An event already in the timeline (same time, source and text) is not added
        /// again; if the new copy marks a milestone the old one did not, the old one takes it. Returns whether the
        /// timeline changed.
        /// </summary>
        public bool Add(TimelineEvent timelineEvent)
        {
            if (timelineEvent is null) throw new ArgumentNullException(nameof(timelineEvent));
            _owner?.EnsureUnlocked("its timeline");
            var key = Key(timelineEvent);
            if (_keys.ContainsKey(key))
            {
                if (timelineEvent.Milestone == Milestone.None) return false;
                int index = _events.FindIndex(e => Key(e) == key);
                if (_events[index].Milestone != Milestone.None) return false;
                Put(index, _events[index].WithMilestone(timelineEvent.Milestone));
                return true;
            }
            Append(timelineEvent);
            return true;
        }

        /// <summary>
        /// Adds the event, or, when one with the same time, source and text is there, gives that one this event's
        /// milestone: Milestone.None clears it. Returns whether the timeline changed.
        /// </summary>
        public bool Mark(TimelineEvent timelineEvent)
        {
            if (timelineEvent is null) throw new ArgumentNullException(nameof(timelineEvent));
            _owner?.EnsureUnlocked("its timeline");
            var key = Key(timelineEvent);
            if (!_keys.ContainsKey(key))
            {
                Append(timelineEvent);
                return true;
            }
            EnsureOrdered();
            int index = _events.FindIndex(e => Key(e) == key);
            if (_events[index].Milestone == timelineEvent.Milestone) return false;
            Put(index, _events[index].WithMilestone(timelineEvent.Milestone));
            return true;
        }

        /// <summary>
        /// Puts an edited event in the place of the one at index. At the same time it keeps that place; at another time
        /// it moves to its time, after the events already at that time, as an added event would.
        /// </summary>
        public void Replace(int index, TimelineEvent replacement)
        {
            if (replacement is null) throw new ArgumentNullException(nameof(replacement));
            _owner?.EnsureUnlocked("its timeline");
            EnsureOrdered();
            if (index < 0 || index >= _events.Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The timeline holds {_events.Count} events.");
            var old = _events[index];
            if (replacement.UtcTime == old.UtcTime)
            {
                CountKey(Key(old), -1);
                CountKey(Key(replacement), +1);
                Put(index, replacement);
                return;
            }
            _events.RemoveAt(index);
            old.Holder = null;
            CountKey(Key(old), -1);
            // After every event at the same or an earlier time.
            int low = 0, high = _events.Count;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (_events[middle].UtcTime <= replacement.UtcTime) low = middle + 1;
                else high = middle;
            }
            replacement = Take(replacement);
            _events.Insert(low, replacement);
            CountKey(Key(replacement), +1);
            _ordered = _events.Count;
            _numbering++;
        }

        /// <summary>
        /// Puts an event whose time is unknown at a position of the story (0 to Count): before the event now there, after
        /// the one before it. It takes the time of the event before it (of the first, at position 0), which keeps that
        /// place; in an empty timeline, the start of the postmortem's Date. Returns the event as the timeline holds it, or
        /// null when the same untimed step (text and source) is there already, so that running a script twice adds it once.
        /// </summary>
        public TimelineEvent? Insert(int position, TimelineEvent timelineEvent)
        {
            if (timelineEvent is null) throw new ArgumentNullException(nameof(timelineEvent));
            if (!timelineEvent.TimeUnknown)
            {
                throw new ArgumentException("Only an event whose time is unknown is put at a position; an event with a time goes to its time (Add).", nameof(timelineEvent));
            }
            _owner?.EnsureUnlocked("its timeline");
            EnsureOrdered();
            if (position < 0 || position > _events.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, $"The timeline holds {_events.Count} events: a place is 0 to {_events.Count}.");
            }
            if (_keys.ContainsKey(Key(timelineEvent))) return null;
            // In an empty timeline, at the start of the incident's day, before any event to come.
            var place = _events.Count == 0
                ? DateTime.SpecifyKind((_owner?.Date ?? timelineEvent.UtcTime).Date, DateTimeKind.Utc)
                : _events[position == 0 ? 0 : position - 1].UtcTime;
            var placed = Take(timelineEvent.UtcTime == place ? timelineEvent : timelineEvent.With(time: place, timeUnknown: true));
            _events.Insert(position, placed);
            CountKey(Key(placed), +1);
            _ordered = _events.Count;
            _numbering++;
            return placed;
        }

        /// <summary>
        /// The place of an event in the timeline: of this very object when the timeline holds it, else of the first event
        /// equal to it (time, text, milestone and source); -1 when there is none.
        /// </summary>
        public int IndexOf(TimelineEvent timelineEvent)
        {
            if (timelineEvent is null) return -1;
            if (ReferenceEquals(timelineEvent.Holder, this)) return PositionOf(timelineEvent);
            if (!_keys.ContainsKey(Key(timelineEvent))) return -1;
            EnsureOrdered();
            return _events.IndexOf(timelineEvent);
        }

        /// <summary>The place of an event this timeline holds; numbers every event once per change of order.</summary>
        internal int PositionOf(TimelineEvent held)
        {
            EnsureOrdered();
            if (held.Numbered != _numbering)
            {
                lock (_orderGate)
                {
                    int numbering = _numbering;
                    for (int i = 0; i < _events.Count; i++)
                    {
                        _events[i].Position = i;
                        _events[i].Numbered = numbering;
                    }
                }
            }
            return held.Position;
        }

        // The event as this timeline holds it: itself, or a copy when a timeline holds it already, so that each object
        // has one place.
        private TimelineEvent Take(TimelineEvent timelineEvent)
        {
            var held = timelineEvent.Holder is null ? timelineEvent : timelineEvent.Copy();
            held.Holder = this;
            return held;
        }

        // Puts an event in the place of another at the same time; the keys are the caller's.
        private void Put(int index, TimelineEvent replacement)
        {
            var old = _events[index];
            replacement = Take(replacement);
            old.Holder = null;
            _events[index] = replacement;
            _numbering++;
        }

        /// <summary>
        /// Adds the event as a file or another postmortem holds it: beside an identical one already there, not merged
        /// into it, so reading or copying a timeline never loses an event.
        /// </summary>
        internal void AddAsWritten(TimelineEvent timelineEvent)
        {
            if (timelineEvent is null) throw new ArgumentNullException(nameof(timelineEvent));
            _owner?.EnsureUnlocked("its timeline");
            Append(timelineEvent);
        }

        private void Append(TimelineEvent timelineEvent)
        {
            timelineEvent = Take(timelineEvent);
            _numbering++;
            CountKey(Key(timelineEvent), +1);
            // After every event at the same or an earlier time: in order, an append; out of order, it waits for a read.
            int count = _events.Count;
            if (_ordered == count && (count == 0 || _events[count - 1].UtcTime <= timelineEvent.UtcTime)) _ordered++;
            _events.Add(timelineEvent);
        }

        private void CountKey((DateTime, string, string) key, int change)
        {
            _keys.TryGetValue(key, out int count);
            count += change;
            if (count > 0) _keys[key] = count;
            else _keys.Remove(key);
        }

        /// <summary>Puts another event at the same time in the place of one (a rewrite of its text, say).</summary>
        public void ReplaceAt(int index, TimelineEvent replacement)
        {
            _owner?.EnsureUnlocked("its timeline");
            EnsureOrdered();
            var old = _events[index];
            if (replacement.UtcTime != old.UtcTime) throw new ArgumentException("A replacement keeps the event's time; remove and add an event to move it.", nameof(replacement));
            CountKey(Key(old), -1);
            CountKey(Key(replacement), +1);
            Put(index, replacement);
        }

        /// <summary>Whether this very event (time, text, milestone and source) is in the timeline.</summary>
        public bool Contains(TimelineEvent timelineEvent) =>
            timelineEvent is not null && _keys.ContainsKey(Key(timelineEvent)) && _events.Contains(timelineEvent);

        public bool Remove(TimelineEvent timelineEvent)
        {
            _owner?.EnsureUnlocked("its timeline");
            EnsureOrdered();
            // This very object where the timeline holds it, so that of two equal events the one named goes.
            int index = ReferenceEquals(timelineEvent.Holder, this) ? PositionOf(timelineEvent) : _events.IndexOf(timelineEvent);
            if (index < 0) return false;
            var removed = _events[index];
            _events.RemoveAt(index);
            removed.Holder = null;
            _ordered = _events.Count;
            _numbering++;
            CountKey(Key(removed), -1);
            return true;
        }

        public void Clear()
        {
            if (_events.Count > 0) _owner?.EnsureUnlocked("its timeline");
            foreach (var e in _events) e.Holder = null;
            _events.Clear();
            _numbering++;
            _ordered = 0;
            _keys.Clear();
        }

        // Sorts what arrived out of order (by time, then arrival) and merges it into the ordered part, earlier arrivals
        // first at equal times: the order inserting each in its place would have given.
        private void EnsureOrdered()
        {
            if (_ordered == _events.Count) return;
            lock (_orderGate)
            {
                int count = _events.Count;
                if (_ordered == count) return;
                var late = new (TimelineEvent Event, int Arrival)[count - _ordered];
                for (int i = 0; i < late.Length; i++) late[i] = (_events[_ordered + i], i);
                Array.Sort(late, (x, y) =>
                {
                    int byTime = x.Event.UtcTime.CompareTo(y.Event.UtcTime);
                    return byTime != 0 ? byTime : x.Arrival.CompareTo(y.Arrival);
                });
                var ordered = _events.GetRange(0, _ordered);
                int a = 0, b = 0, at = 0;
                while (a < ordered.Count && b < late.Length)
                {
                    _events[at++] = ordered[a].UtcTime <= late[b].Event.UtcTime ? ordered[a++] : late[b++].Event;
                }
                while (a < ordered.Count) _events[at++] = ordered[a++];
                while (b < late.Length) _events[at++] = late[b++].Event;
                _ordered = count;
                _numbering++;
            }
        }

        // An event whose time is unknown is the same step wherever it stands.
        private static (DateTime, string, string) Key(TimelineEvent e) => (e.TimeUnknown ? DateTime.MinValue : e.UtcTime, e.Source, e.Event);

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
            EnsureOrdered();
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

        public IEnumerator<TimelineEvent> GetEnumerator()
        {
            EnsureOrdered();
            return _events.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
