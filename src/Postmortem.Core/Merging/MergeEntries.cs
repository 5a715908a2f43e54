using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Merging
{
    internal sealed partial class Merger
    {
        /// <summary>
        /// The three-way merge of a list of entries (text, timeline events, action items). Per base entry: kept on
        /// both sides, merged by <see cref="EntryKind{T}.Merge"/>; removed on one side and unchanged on the other,
        /// removed; removed on one side and changed on the other, a conflict. Entries added on either side are kept,
        /// the same entry added on both sides once. The draft's order is kept, and each entry the wiki brings is put
        /// right after the entry that precedes it on the wiki, or first when none does.
        /// </summary>
        private List<T> Entries<T>(EntryKind<T> kind, IReadOnlyList<T> b, IReadOnlyList<T> l, IReadOnlyList<T> w) where T : class
        {
            var localOf = kind.Match(b, l);
            var wikiOf = kind.Match(b, w);
            var labels = new Labels();
            var merged = new T?[b.Count];
            for (int i = 0; i < b.Count; i++)
            {
                var at = kind.At(b[i], labels);
                var local = localOf[i] >= 0 ? l[localOf[i]] : null;
                var wiki = wikiOf[i] >= 0 ? kind.AsCompared(b[i], w[wikiOf[i]]) : null;
                if (local is not null && wiki is not null)
                {
                    merged[i] = kind.Merge(at, b[i], local, wiki);
                }
                else if (local is not null)
                {
                    // The wiki removed it.
                    if (kind.Same(b[i], local))
                    {
                        Take(at, null, "removed", resolved: false);
                    }
                    else if (Decide(at, null, kind.Copy(b[i]), kind.Copy(local), null) == MergeSide.Local)
                    {
                        merged[i] = kind.Copy(local);
                    }
                    else
                    {
                        Take(at, null, "removed", resolved: true);
                    }
                }
                else if (wiki is not null && !kind.Same(b[i], wiki))
                {
                    // The draft removed it and the wiki changed it.
                    if (Decide(at, null, kind.Copy(b[i]), null, kind.Copy(wiki)) == MergeSide.Wiki)
                    {
                        merged[i] = kind.Copy(wiki);
                        Take(at, null, "kept as the wiki changed it", resolved: true);
                    }
                }
            }

            // The same entry added on both sides: the k-th addition with a key on one side is the k-th on the other.
            var localBase = EntryMatch.Invert(localOf, l.Count);
            var wikiBase = EntryMatch.Invert(wikiOf, w.Count);
            var wikiAdditions = new Dictionary<string, Queue<int>>();
            for (int k = 0; k < w.Count; k++)
            {
                if (wikiBase[k] >= 0) continue;
                var key = kind.Key(w[k]);
                if (!wikiAdditions.TryGetValue(key, out var queue)) wikiAdditions[key] = queue = new Queue<int>();
                queue.Enqueue(k);
            }

            // The draft's entries in the draft's order, each with the index of the wiki entry it is (-1: none), so
            // the wiki's entries can be put after their predecessors.
            var output = new List<(T Entry, int Wiki)>();
            var addedOnBoth = new bool[w.Count];
            for (int j = 0; j < l.Count; j++)
            {
                int i = localBase[j];
                if (i >= 0)
                {
                    if (merged[i] is T entry) output.Add((entry, wikiOf[i]));
                }
                else if (wikiAdditions.TryGetValue(kind.Key(l[j]), out var queue) && queue.Count > 0)
                {
                    int k = queue.Dequeue();
                    addedOnBoth[k] = true;
                    output.Add((kind.MergeAdded(kind.At(l[j], labels), l[j], w[k]), k));
                }
                else
                {
                    output.Add((kind.Copy(l[j]), -1));
                }
            }
            for (int k = 0; k < w.Count; k++)
            {
                int i = wikiBase[k];
                T entry;
                if (i >= 0)
                {
                    // Only an entry the draft removed and a resolution brought back from the wiki is still to place.
                    if (localOf[i] >= 0 || merged[i] is null) continue;
                    entry = merged[i]!;
                }
                else
                {
                    if (addedOnBoth[k]) continue;
                    entry = kind.Copy(w[k]);
                    Take(kind.Section, kind.Words(entry), null, "added", resolved: false);
                }
                output.Insert(After(output, k), (entry, k));
            }
            return output.Select(o => o.Entry).ToList();
        }

        // Where the k-th wiki entry goes: after the nearest wiki entry before it that the output has, else first.
        private static int After<T>(List<(T Entry, int Wiki)> output, int k)
        {
            for (int before = k - 1; before >= 0; before--)
            {
                int at = output.FindIndex(o => o.Wiki == before);
                if (at >= 0) return at + 1;
            }
            return 0;
        }

        /// <summary>
        /// Names the items of one list in conflict Ids: the label, and from the second item with the same label
        /// on, its count ('TBD' #2). Base items are named in base order first, so the names depend only on the
        /// three inputs.
        /// </summary>
        internal sealed class Labels
        {
            private readonly Dictionary<string, int> _seen = new Dictionary<string, int>();

            public string Name(string label)
            {
                _seen.TryGetValue(label, out int count);
                _seen[label] = ++count;
                return count == 1 ? label : $"{label} #{count}";
            }
        }

        /// <summary>What the list merge needs to know about one kind of entry.</summary>
        internal abstract class EntryKind<T> where T : class
        {
            protected EntryKind(Merger merger, string section, string id)
            {
                Merger = merger;
                Section = section;
                Id = id;
            }

            protected Merger Merger { get; }

            public string Section { get; }

            /// <summary>The list's name in conflict Ids: Whys, Impact.ServicesAffected, ActionItems, Timeline.</summary>
            public string Id { get; }

            /// <summary>Which base entry each side entry is: see <see cref="EntryMatch"/>.</summary>
            public abstract int[] Match(IReadOnlyList<T> b, IReadOnlyList<T> side);

            /// <summary>Entries added on both sides with the same key are the same entry.</summary>
            public abstract string Key(T entry);

            /// <summary>The entry's name inside the brackets of a conflict Id, before any #2.</summary>
            public abstract string Label(T entry);

            /// <summary>The entry in words, for a conflict's or change's Item.</summary>
            public abstract string Words(T entry);

            public abstract bool Same(T x, T y);

            /// <summary>
            /// A wiki entry as it is to be compared with <paramref name="reference"/>: the wiki side is read from a
            /// page that cannot show everything, and what it could not show is not a change.
            /// </summary>
            public virtual T AsCompared(T reference, T wiki) => wiki;

            /// <summary>An entry kept on both sides: merged value by value (mutable entries are new objects).</summary>
            public abstract T Merge(Where at, T b, T l, T w);

            /// <summary>An entry with the same key added on both sides.</summary>
            public abstract T MergeAdded(Where at, T l, T w);

            /// <summary>The entry for the merged postmortem or a conflict: a copy where entries can be changed.</summary>
            public virtual T Copy(T entry) => entry;

            public Where At(T entry, Labels labels) => new Where(Section, Words(entry), $"{Id}[{labels.Name(Label(entry))}]");
        }

        /// <summary>Entries of a text list: Authors, Whys, Contributing Factors, ...; an entry is its text.</summary>
        private sealed class TextEntries : EntryKind<string>
        {
            public TextEntries(Merger merger, string section, string id) : base(merger, section, id)
            {
            }

            public override int[] Match(IReadOnlyList<string> b, IReadOnlyList<string> side) => EntryMatch.Ordered(b, side);

            public override string Key(string entry) => entry;

            public override string Label(string entry) => MergeText.Quote(entry);

            public override string Words(string entry) => entry;

            public override bool Same(string x, string y) => x == y;

            public override string Merge(Where at, string b, string l, string w) => Merger.Value(at, null, b, l, w);

            // Additions pair up by their text, so they are equal.
            public override string MergeAdded(Where at, string l, string w) => l;
        }

        /// <summary>Timeline events: matched by identity (time, text, milestone), merged field by field.</summary>
        private sealed class TimelineEntries : EntryKind<TimelineEvent>
        {
            public TimelineEntries(Merger merger) : base(merger, "Timeline", "Timeline")
            {
            }

            public override int[] Match(IReadOnlyList<TimelineEvent> b, IReadOnlyList<TimelineEvent> side) => EntryMatch.Events(b, side);

            public override string Key(TimelineEvent entry) => MergeText.Time(entry) + "\n" + entry.Event;

            public override string Label(TimelineEvent entry) => MergeText.Time(entry) + " " + MergeText.Quote(entry.Event);

            public override string Words(TimelineEvent entry) => entry.Event;

            public override bool Same(TimelineEvent x, TimelineEvent y) => x.Equals(y);

            /// <summary>
            /// A page with the Milestone column shows each event's milestone there and its source as a tag: an empty
            /// cell and no tag say the event marks none and was typed by hand. An older page shows neither. Read back
            /// with the published metadata, an event keeps both; one the reader could not match to it (its time was
            /// edited, say) comes back with no milestone and the manual source. That is not a change of either, so the
            /// event is compared as if it had the other's.
            /// </summary>
            public override TimelineEvent AsCompared(TimelineEvent reference, TimelineEvent wiki) =>
                !Merger.WikiShows(Serialization.PageColumns.TimelineMilestone)
                && wiki.Milestone == Milestone.None && wiki.Source == TimelineEvent.ManualSource
                && (reference.Milestone != Milestone.None || reference.Source != TimelineEvent.ManualSource)
                    ? new TimelineEvent(wiki.UtcTime, wiki.Event, wiki.TimeUnknown ? Milestone.None : reference.Milestone, reference.Source, wiki.Approximate, wiki.TimeUnknown)
                    : wiki;

            public override TimelineEvent Merge(Where at, TimelineEvent b, TimelineEvent l, TimelineEvent w)
            {
                // An unknown time is no time (null): a step's place, which moves with the events around it, is no change.
                var time = Merger.Value(at, "Time", Known(b), Known(l), Known(w));
                var text = Merger.Value(at, "Event", b.Event, l.Event, w.Event);
                var milestone = Merger.Value(at, "Milestone", b.Milestone, l.Milestone, w.Milestone);
                var source = Merger.Value(at, "Source", b.Source, l.Source, w.Source);
                var approximate = Merger.Value(at, "Approximate", b.Approximate, l.Approximate, w.Approximate);
                if (time is System.DateTimeOffset known) return new TimelineEvent(known.UtcDateTime, text, milestone, source, approximate);
                // Where the wiki's page has the step, its place there; else the draft's.
                var place = w.TimeUnknown ? w.UtcTime : l.TimeUnknown ? l.UtcTime : b.UtcTime;
                return new TimelineEvent(place, text, Milestone.None, source, false, true);
            }

            // Added on both sides at the same time with the same text.
            public override TimelineEvent MergeAdded(Where at, TimelineEvent l, TimelineEvent w)
            {
                w = AsCompared(l, w);
                var milestone = Merger.Added(at, "Milestone", l.Milestone, w.Milestone);
                var source = Merger.Added(at, "Source", l.Source, w.Source);
                var approximate = Merger.Added(at, "Approximate", l.Approximate, w.Approximate);
                return new TimelineEvent(l.UtcTime, l.Event, l.TimeUnknown ? Milestone.None : milestone, source, approximate, l.TimeUnknown);
            }
        }

        private static System.DateTimeOffset? Known(TimelineEvent e) => e.TimeUnknown ? null : e.Time;

        /// <summary>Action items: matched by their action text, else as an edit in place; merged field by field.</summary>
        private sealed class ActionItemEntries : EntryKind<ActionItem>
        {
            public ActionItemEntries(Merger merger) : base(merger, "Action Items", "ActionItems")
            {
            }

            public override int[] Match(IReadOnlyList<ActionItem> b, IReadOnlyList<ActionItem> side) =>
                EntryMatch.Ordered(b.Select(a => a.Action).ToList(), side.Select(a => a.Action).ToList());

            public override string Key(ActionItem entry) => entry.Action;

            public override string Label(ActionItem entry) => MergeText.Quote(entry.Action);

            public override string Words(ActionItem entry) => entry.Action;

            public override bool Same(ActionItem x, ActionItem y) =>
                x.Action == y.Action && x.Owner == y.Owner && x.DueDate == y.DueDate && x.Priority == y.Priority && ItemStatus.Of(x).Equals(ItemStatus.Of(y)) && x.Tracking == y.Tracking;

            /// <summary>
            /// A page with the Status and Tracking columns shows both there: Open and an empty cell are what the page
            /// says. An older page's table shows neither. Read back with the published metadata, an item keeps both;
            /// one the reader could not match comes back Open with no tracking. That is not a change of either, so a
            /// value the page does not show is compared as the other's.
            /// </summary>
            public override ActionItem AsCompared(ActionItem reference, ActionItem wiki)
            {
                bool statusShown = Merger.WikiShows(Serialization.PageColumns.ActionItemStatus);
                bool trackingShown = Merger.WikiShows(Serialization.PageColumns.ActionItemTracking);
                if (statusShown && trackingShown) return wiki;
                if ((!statusShown && wiki.Status != ActionItemStatus.Open) || (!trackingShown && wiki.Tracking is not null)) return wiki;
                if ((statusShown || reference.Status == ActionItemStatus.Open) && (trackingShown || reference.Tracking is null)) return wiki;
                var compared = Copy(wiki);
                if (!statusShown) ItemStatus.Of(reference).ApplyTo(compared);
                if (!trackingShown) compared.Tracking = reference.Tracking;
                return compared;
            }

            // The status merges as one value with its reason and done date: a reviewer's "Won't do: reason" is taken
            // whole, and a draft's Done against it is one conflict, not a status from one side and a reason from the other.
            public override ActionItem Merge(Where at, ActionItem b, ActionItem l, ActionItem w)
            {
                var item = new ActionItem(Merger.Value(at, "Action", b.Action, l.Action, w.Action))
                {
                    Owner = Merger.Value(at, "Owner", b.Owner, l.Owner, w.Owner),
                    DueDate = Merger.Value(at, "DueDate", b.DueDate, l.DueDate, w.DueDate),
                    Priority = Merger.Value(at, "Priority", b.Priority, l.Priority, w.Priority),
                    Tracking = Merger.Value(at, "Tracking", b.Tracking, l.Tracking, w.Tracking),
                };
                Merger.Value(at, "Status", ItemStatus.Of(b), ItemStatus.Of(l), ItemStatus.Of(w)).ApplyTo(item);
                return item;
            }

            // Added on both sides with the same action text.
            public override ActionItem MergeAdded(Where at, ActionItem l, ActionItem w)
            {
                w = AsCompared(l, w);
                var item = new ActionItem(l.Action)
                {
                    Owner = Merger.Added(at, "Owner", l.Owner, w.Owner),
                    DueDate = Merger.Added(at, "DueDate", l.DueDate, w.DueDate),
                    Priority = Merger.Added(at, "Priority", l.Priority, w.Priority),
                    Tracking = Merger.Added(at, "Tracking", l.Tracking, w.Tracking),
                };
                Merger.Added(at, "Status", ItemStatus.Of(l), ItemStatus.Of(w)).ApplyTo(item);
                return item;
            }

            public override ActionItem Copy(ActionItem entry)
            {
                var copy = new ActionItem(entry.Action)
                {
                    Owner = entry.Owner,
                    DueDate = entry.DueDate,
                    Priority = entry.Priority,
                    Tracking = entry.Tracking,
                };
                ItemStatus.Of(entry).ApplyTo(copy);
                return copy;
            }
        }

        /// <summary>
        /// An action item's status with its reason and done date, as one value to compare and merge; shown as the
        /// page's Status column shows it (Done (2026-12-01), Won't do: reason) in conflicts and changes.
        /// </summary>
        internal readonly struct ItemStatus : System.IEquatable<ItemStatus>
        {
            private ItemStatus(ActionItemStatus status, string? reason, System.DateTime? doneDate)
            {
                Status = status;
                Reason = reason;
                DoneDate = doneDate;
            }

            public ActionItemStatus Status { get; }

            public string? Reason { get; }

            public System.DateTime? DoneDate { get; }

            public static ItemStatus Of(ActionItem item) => new ItemStatus(item.Status, item.StatusReason, item.DoneDate);

            /// <summary>Sets it on an item as it is: a Done without its day stays without one.</summary>
            public void ApplyTo(ActionItem item) => item.SetStatus(Status, Reason, DoneDate, stampToday: false);

            public bool Equals(ItemStatus other) => Status == other.Status && Reason == other.Reason && DoneDate == other.DoneDate;

            public override bool Equals(object? obj) => obj is ItemStatus other && Equals(other);

            public override int GetHashCode() => ((int)Status * 397) ^ (Reason?.GetHashCode() ?? 0) ^ DoneDate.GetHashCode();

            public override string ToString() => ActionItemStatusText.Format(Status, Reason, DoneDate);
        }
    }
}
