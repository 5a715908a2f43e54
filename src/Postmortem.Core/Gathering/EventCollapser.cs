using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Folds repeats of the same message into one event that says how many there were and the last one's time, worded as
    /// kubectl's own repeats are ("(14 times, last at 2026-11-20 15:14:03 UTC)"). Two messages are the same when they are
    /// equal once numbers, hex ids, UUIDs and IP addresses are masked, and come from the same source; a repeat joins when
    /// it comes within the span of the group's first or last. Streaming: only the groups still open are held, and at most
    /// <see cref="MaxOpen"/> of them.
    /// </summary>
    internal static class EventCollapser
    {
        public const int MaxOpen = 4096;

        private static readonly Regex Uuid = new Regex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex Ipv6 = new Regex(@"\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex HexOrNumber = new Regex(@"\b(?:0x)?(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]+\b|\d+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The message with what varies from repeat to repeat masked: 'retry 3 for 10.0.0.7' and 'retry 4 for 10.0.0.9' are the same.</summary>
        public static string Mask(string text)
        {
            var masked = Uuid.Replace(text, "<uuid>");
            masked = Ipv6.Replace(masked, "<ip>");
            return HexOrNumber.Replace(masked, "#");
        }

        private sealed class Group
        {
            public (string, string) Key;
            public GatheredItem First;
            public bool Candidate;
            public DateTime Earliest;
            public DateTime Latest;
            public long Count;
            public long Order;
        }

        public static IEnumerable<(GatheredItem, bool)> Collapse(IEnumerable<(GatheredItem Item, bool Candidate)> items, TimeSpan span, GatherOptions options, GatherReport report)
        {
            var open = new Dictionary<(string, string), Group>();
            long order = 0, seen = 0;
            DateTime newest = DateTime.MinValue;
            foreach (var (item, candidate) in items)
            {
                if (item.Event is not TimelineEvent e)
                {
                    yield return (item, candidate);
                    continue;
                }
                if ((options.Since is DateTime since && e.UtcTime < since) || (options.Until is DateTime until && e.UtcTime > until))
                {
                    report.Skipped++;
                    report.OutsideWindow++;
                    continue;
                }
                if (e.UtcTime > newest) newest = e.UtcTime;
                var key = (e.Source, Mask(e.Event));
                if (open.TryGetValue(key, out var group) && e.UtcTime <= group.Latest + span && e.UtcTime >= group.Earliest - span)
                {
                    group.Count++;
                    group.Candidate |= candidate;
                    if (e.UtcTime < group.Earliest) group.Earliest = e.UtcTime;
                    if (e.UtcTime > group.Latest) group.Latest = e.UtcTime;
                    report.Collapsed++;
                }
                else
                {
                    if (group is not null)
                    {
                        open.Remove(key);
                        yield return Fold(group);
                    }
                    open[key] = new Group { Key = key, First = item, Candidate = candidate, Earliest = e.UtcTime, Latest = e.UtcTime, Count = 1, Order = order++ };
                }
                // Now and then, and whenever too many are open, give out the groups no later repeat can join (in time order,
                // as a log is written); past the limit, the oldest go out whatever their time.
                if (++seen % 1024 == 0 || open.Count > MaxOpen)
                {
                    var closed = open.Where(p => p.Value.Latest + span < newest).Select(p => p.Key).ToList();
                    if (open.Count - closed.Count > MaxOpen)
                    {
                        closed.AddRange(open.Where(p => !(p.Value.Latest + span < newest)).OrderBy(p => p.Value.Order).Take(open.Count - closed.Count - MaxOpen / 2).Select(p => p.Key));
                    }
                    foreach (var done in closed.Select(k => open[k]).OrderBy(g => g.Earliest).ThenBy(g => g.Order).ToList())
                    {
                        open.Remove(done.Key);
                        yield return Fold(done);
                    }
                }
            }
            foreach (var group in open.Values.OrderBy(g => g.Earliest).ThenBy(g => g.Order))
            {
                yield return Fold(group);
            }
        }

        private static (GatheredItem, bool) Fold(Group group)
        {
            if (group.Count == 1) return (group.First, group.Candidate);
            var first = group.First.Event!;
            var text = string.Format(CultureInfo.InvariantCulture, "{0} ({1} times, last at {2:yyyy-MM-dd HH:mm:ss} UTC)", first.Event, group.Count, group.Latest);
            return (GatheredItem.Of(new TimelineEvent(group.Earliest, text, first.Milestone, first.Source), group.First.Line, group.First.Record), group.Candidate);
        }
    }
}
