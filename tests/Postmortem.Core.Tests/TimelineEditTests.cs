using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>Editing an event in place (Set-TimelineEvent) and the index each event shows.</summary>
    public sealed class TimelineEditTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        private static Timeline Sample()
        {
            var timeline = new Timeline();
            timeline.Add(new TimelineEvent(Day.AddHours(12), "a"));
            timeline.Add(new TimelineEvent(Day.AddHours(13), "b"));
            timeline.Add(new TimelineEvent(Day.AddHours(13), "c"));
            timeline.Add(new TimelineEvent(Day.AddHours(14), "d"));
            return timeline;
        }

        [Fact]
        public void An_event_given_another_time_moves_to_it_after_the_events_already_there()
        {
            var timeline = Sample();
            timeline.Replace(3, timeline[3].With(time: Day.AddHours(13)));
            Assert.Equal(new[] { "a", "b", "c", "d" }, timeline.Select(e => e.Event));
            timeline.Replace(0, timeline[0].With(time: Day.AddHours(13)));
            Assert.Equal(new[] { "b", "c", "d", "a" }, timeline.Select(e => e.Event));
            timeline.Replace(3, timeline[3].With(time: Day.AddHours(11)));
            Assert.Equal(new[] { "a", "b", "c", "d" }, timeline.Select(e => e.Event));
            Assert.Equal(Day.AddHours(11), timeline[0].UtcTime);
            Assert.True(timeline.Contains(timeline[0]));
        }

        [Fact]
        public void An_event_changed_at_the_same_time_keeps_its_place_among_equal_times()
        {
            var timeline = Sample();
            timeline.Replace(1, timeline[1].With(@event: "b reworded", milestone: Milestone.Detected, source: "pagerduty"));
            Assert.Equal(new[] { "a", "b reworded", "c", "d" }, timeline.Select(e => e.Event));
            Assert.Equal(Milestone.Detected, timeline[1].Milestone);
            Assert.Equal("pagerduty", timeline[1].Source);
            Assert.Same(timeline[1], timeline.Find(Milestone.Detected));
            Assert.Throws<ArgumentOutOfRangeException>(() => timeline.Replace(4, timeline[0]));
        }

        [Fact]
        public void Each_event_knows_its_index_through_additions_out_of_order_removals_and_moves()
        {
            var timeline = new Timeline();
            var detached = new TimelineEvent(Day, "alone");
            Assert.Null(detached.Index);
            for (int i = 99; i >= 0; i--) timeline.Add(new TimelineEvent(Day.AddMinutes(i), "event " + i));
            Assert.Equal(Enumerable.Range(0, 100).Select(i => (int?)i), timeline.Select(e => e.Index));
            var removed = timeline[10];
            timeline.Remove(removed);
            Assert.Null(removed.Index);
            Assert.Equal(Enumerable.Range(0, 99).Select(i => (int?)i), timeline.Select(e => e.Index));
            var moved = timeline[0];
            timeline.Replace(0, moved.With(time: Day.AddHours(5)));
            Assert.Null(moved.Index);
            Assert.Equal(98, timeline[98].Index);
            Assert.Equal("event 0", timeline[98].Event);
            Assert.Equal(Enumerable.Range(0, 99).Select(i => (int?)i), timeline.Select(e => e.Index));
            timeline.Clear();
            Assert.Null(moved.Index);
        }

        [Fact]
        public void An_event_added_to_a_second_timeline_is_copied_so_each_shows_its_own_index()
        {
            var first = Sample();
            var second = new Timeline();
            second.Add(new TimelineEvent(Day.AddHours(20), "z"));
            var shared = first[3];
            second.Add(shared);
            Assert.Equal(3, shared.Index);
            Assert.Equal(0, second[0].Index);
            Assert.Equal(shared, second[0]);
            Assert.NotSame(shared, second[0]);
            Assert.Equal(0, second.IndexOf(shared));
            Assert.Equal(3, first.IndexOf(shared));
            Assert.Equal(-1, first.IndexOf(new TimelineEvent(Day, "not there")));
        }

        [Fact]
        public void Of_two_equal_events_the_one_named_is_the_one_removed()
        {
            var p = new Postmortem("Two same pages") { Date = Day };
            p.Timeline.Add(new TimelineEvent(Day.AddHours(1), "page"));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(1), "other"));
            p.Timeline.AddAsWritten(new TimelineEvent(Day.AddHours(1), "page"));
            var second = p.Timeline[2];
            Assert.True(p.Timeline.Remove(second));
            Assert.Equal(new[] { "page", "other" }, p.Timeline.Select(e => e.Event));
            Assert.Equal(new int?[] { 0, 1 }, p.Timeline.Select(e => e.Index));
        }

        [Fact]
        public void Mark_sets_or_clears_the_milestone_of_the_event_already_there_where_Add_only_sets_a_missing_one()
        {
            var timeline = Sample();
            Assert.True(timeline.Mark(timeline[1].WithMilestone(Milestone.Detected)));
            Assert.False(timeline.Add(timeline[1].WithMilestone(Milestone.None)));
            Assert.Equal(Milestone.Detected, timeline[1].Milestone);
            Assert.True(timeline.Mark(timeline[1].WithMilestone(Milestone.FirstSymptom)));
            Assert.Equal(Milestone.FirstSymptom, timeline[1].Milestone);
            Assert.True(timeline.Mark(timeline[1].WithMilestone(Milestone.None)));
            Assert.Equal(Milestone.None, timeline[1].Milestone);
            Assert.False(timeline.Mark(timeline[1]));
            Assert.Equal(4, timeline.Count);
            Assert.True(timeline.Mark(new TimelineEvent(Day.AddHours(15), "e", Milestone.Resolved)));
            Assert.Equal(5, timeline.Count);
        }

        [Fact]
        public void An_action_item_knows_its_index_in_its_postmortem_and_has_none_once_removed()
        {
            var p = new Postmortem("Items");
            var alone = new ActionItem("Add a seal alert");
            Assert.Null(alone.Index);
            p.ActionItems.Add(new ActionItem("Document the recovery keys"));
            p.ActionItems.Add(alone);
            Assert.Equal(1, alone.Index);
            p.ActionItems.RemoveAt(0);
            Assert.Equal(0, alone.Index);
            p.ActionItems.Remove(alone);
            Assert.Null(alone.Index);
        }

        // Against the plainest model: a list where an event at the same time takes the place of the one it replaces, and a
        // moved one is taken out and put after the last event at or before its new time.
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Replacing_events_at_random_matches_taking_them_out_and_putting_them_in_after_their_time(int seed)
        {
            var random = new Random(seed);
            var timeline = new Timeline();
            var model = new List<TimelineEvent>();
            for (int i = 0; i < 300; i++)
            {
                var e = new TimelineEvent(Day.AddMinutes(random.Next(60)), "event " + i);
                timeline.Add(e);
                int at = model.FindLastIndex(m => m.UtcTime <= e.UtcTime) + 1;
                model.Insert(at, e);
            }
            for (int step = 0; step < 1_000; step++)
            {
                int index = random.Next(model.Count);
                var replacement = model[index].With(time: Day.AddMinutes(random.Next(60)), @event: "event " + (300 + step));
                timeline.Replace(index, replacement);
                if (replacement.UtcTime == model[index].UtcTime)
                {
                    model[index] = replacement;
                }
                else
                {
                    model.RemoveAt(index);
                    model.Insert(model.FindLastIndex(m => m.UtcTime <= replacement.UtcTime) + 1, replacement);
                }
                if (step % 97 == 0) Assert.Equal(Enumerable.Range(0, model.Count).Select(i => (int?)i), timeline.Select(e => e.Index));
            }
            Assert.Equal(model, timeline.ToList());
        }
    }
}
