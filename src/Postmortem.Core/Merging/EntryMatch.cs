using System;
using System.Collections.Generic;

namespace Postmortems.Merging
{
    /// <summary>
    /// Finds which entry of one side is which entry of the base. The answer is an array over the base's entries
    /// holding the index of the side's entry, or -1 for an entry the side removed; side entries no base entry points
    /// at are the side's additions.
    /// </summary>
    internal static class EntryMatch
    {
        /// <summary>
        /// For ordered lists (text lists, action items). First equal keys, ordinal, the k-th occurrence of a key in
        /// the base with its k-th occurrence on the side. Then an edit in place: the base entries and side entries
        /// left over between the same two matched neighbours pair up by their position among those leftovers.
        /// </summary>
        public static int[] Ordered(IReadOnlyList<string> baseKeys, IReadOnlyList<string> sideKeys)
        {
            int n = baseKeys.Count, m = sideKeys.Count;
            var toSide = Unmatched(n);
            var toBase = Unmatched(m);

            var free = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
            for (int j = 0; j < m; j++)
            {
                if (!free.TryGetValue(sideKeys[j], out var queue)) free[sideKeys[j]] = queue = new Queue<int>();
                queue.Enqueue(j);
            }
            for (int i = 0; i < n; i++)
            {
                if (free.TryGetValue(baseKeys[i], out var queue) && queue.Count > 0) Pair(toSide, toBase, i, queue.Dequeue());
            }

            // A gap is named by the side indexes of the matched entries around it, -1 and m standing for the ends.
            // A base gap whose neighbours are not next to each other on the side (entries moved) names no side gap,
            // so nothing in it is taken for an edit.
            var baseGaps = new Dictionary<(int, int), List<int>>();
            var nextMatched = new int[n];
            for (int i = n - 1, next = m; i >= 0; i--)
            {
                nextMatched[i] = next;
                if (toSide[i] >= 0) next = toSide[i];
            }
            for (int i = 0, previous = -1; i < n; i++)
            {
                if (toSide[i] >= 0)
                {
                    previous = toSide[i];
                    continue;
                }
                Add(baseGaps, (previous, nextMatched[i]), i);
            }

            var sideGaps = new Dictionary<(int, int), List<int>>();
            var nextOnSide = new int[m];
            for (int j = m - 1, next = m; j >= 0; j--)
            {
                nextOnSide[j] = next;
                if (toBase[j] >= 0) next = j;
            }
            for (int j = 0, previous = -1; j < m; j++)
            {
                if (toBase[j] >= 0)
                {
                    previous = j;
                    continue;
                }
                Add(sideGaps, (previous, nextOnSide[j]), j);
            }

            foreach (var gap in baseGaps)
            {
                if (!sideGaps.TryGetValue(gap.Key, out var sides)) continue;
                for (int k = 0; k < gap.Value.Count && k < sides.Count; k++) Pair(toSide, toBase, gap.Value[k], sides[k]);
            }
            return toSide;
        }

        /// <summary>
        /// For timeline events, by identity rather than position, each pass over what the earlier ones left:
        /// the same time and text (the same source first), the same text (time edited), the same time (text edited),
        /// and last the same milestone, when exactly one base event and one side event are left with it.
        /// </summary>
        public static int[] Events(IReadOnlyList<TimelineEvent> baseEvents, IReadOnlyList<TimelineEvent> sideEvents)
        {
            var toSide = Unmatched(baseEvents.Count);
            var toBase = Unmatched(sideEvents.Count);

            static bool SameTime(TimelineEvent b, TimelineEvent s) => b.TimeUnknown ? s.TimeUnknown : !s.TimeUnknown && b.UtcTime == s.UtcTime;

            void Pass(Func<TimelineEvent, TimelineEvent, bool> same)
            {
                for (int i = 0; i < baseEvents.Count; i++)
                {
                    if (toSide[i] >= 0) continue;
                    for (int j = 0; j < sideEvents.Count; j++)
                    {
                        if (toBase[j] >= 0 || !same(baseEvents[i], sideEvents[j])) continue;
                        Pair(toSide, toBase, i, j);
                        break;
                    }
                }
            }

            Pass((b, s) => SameTime(b, s) && b.Event == s.Event && b.Source == s.Source);
            Pass((b, s) => SameTime(b, s) && b.Event == s.Event);
            Pass((b, s) => b.Event == s.Event);
            // Two steps of unknown time are not the same for standing at one place: only their text pairs them.
            Pass((b, s) => !b.TimeUnknown && !s.TimeUnknown && b.UtcTime == s.UtcTime);

            foreach (Milestone milestone in Enum.GetValues(typeof(Milestone)))
            {
                if (milestone == Milestone.None) continue;
                int i = OnlyLeft(baseEvents, toSide, milestone), j = OnlyLeft(sideEvents, toBase, milestone);
                if (i >= 0 && j >= 0) Pair(toSide, toBase, i, j);
            }
            return toSide;
        }

        /// <summary>The reverse of a match: for each side entry, the base entry it is, or -1 for an addition.</summary>
        public static int[] Invert(int[] toSide, int sideCount)
        {
            var toBase = Unmatched(sideCount);
            for (int i = 0; i < toSide.Length; i++)
            {
                if (toSide[i] >= 0) toBase[toSide[i]] = i;
            }
            return toBase;
        }

        // The one unmatched event with the milestone, or -1 when there is none or more than one.
        private static int OnlyLeft(IReadOnlyList<TimelineEvent> events, int[] matches, Milestone milestone)
        {
            int found = -1;
            for (int i = 0; i < events.Count; i++)
            {
                if (matches[i] >= 0 || events[i].Milestone != milestone) continue;
                if (found >= 0) return -1;
                found = i;
            }
            return found;
        }

        private static int[] Unmatched(int count)
        {
            var matches = new int[count];
            for (int i = 0; i < count; i++) matches[i] = -1;
            return matches;
        }

        private static void Pair(int[] toSide, int[] toBase, int i, int j)
        {
            toSide[i] = j;
            toBase[j] = i;
        }

        private static void Add(Dictionary<(int, int), List<int>> gaps, (int, int) gap, int index)
        {
            if (!gaps.TryGetValue(gap, out var list)) gaps[gap] = list = new List<int>();
            list.Add(index);
        }
    }
}
