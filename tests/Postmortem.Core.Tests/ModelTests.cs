using System;
using System.Linq;
using Xunit;

namespace Postmortems.Tests
{
    public class ModelTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void The_timeline_stays_in_time_order_and_keeps_insertion_order_for_equal_times()
        {
            var timeline = new Timeline();
            timeline.Add(new TimelineEvent(Day.AddHours(14), "c"));
            timeline.Add(new TimelineEvent(Day.AddHours(12), "a"));
            timeline.Add(new TimelineEvent(Day.AddHours(14), "d"));
            timeline.Add(new TimelineEvent(Day.AddHours(13), "b"));
            timeline.Add(new TimelineEvent(Day.AddHours(12), "a2"));
            timeline.Add(new TimelineEvent(Day.AddHours(15), "e"));

            Assert.Equal(new[] { "a", "a2", "b", "c", "d", "e" }, timeline.Select(e => e.Event));
        }

        // Against the plainest model of the promise (a stable sort of everything added by time), with reads, removals,
        // replacements and milestone merges between the additions, in random orders.
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        public void The_timeline_orders_events_added_in_any_order_as_a_stable_sort_by_time_would(int seed)
        {
            var random = new Random(seed);
            var timeline = new Timeline();
            var model = new System.Collections.Generic.List<TimelineEvent>();
            for (int step = 0; step < 2_000; step++)
            {
                int roll = random.Next(100);
                if (roll < 80 || model.Count == 0)
                {
                    // Few distinct times, so equal times are common; a few repeats of the same event too.
                    var e = new TimelineEvent(Day.AddMinutes(random.Next(60)), "event " + random.Next(400));
                    bool added = timeline.Add(e);
                    bool known = model.Any(m => m.UtcTime == e.UtcTime && m.Event == e.Event && m.Source == e.Source);
                    Assert.Equal(!known, added);
                    if (!known) model.Add(e);
                }
                else if (roll < 88)
                {
                    Assert.Equal(Ordered(model).Select(m => m.Event + m.UtcTime.Ticks), timeline.Select(m => m.Event + m.UtcTime.Ticks));
                }
                else if (roll < 92)
                {
                    int index = random.Next(model.Count);
                    var ordered = Ordered(model);
                    Assert.Equal(ordered[index], timeline[index]);
                    Assert.True(timeline.Remove(timeline[index]));
                    model.Remove(ordered[index]);
                }
                else if (roll < 96)
                {
                    int index = random.Next(model.Count);
                    var ordered = Ordered(model);
                    var replacement = new TimelineEvent(ordered[index].UtcTime, ordered[index].Event + " (reworded)");
                    if (model.Any(m => m.UtcTime == replacement.UtcTime && m.Event == replacement.Event)) continue;
                    timeline.ReplaceAt(index, replacement);
                    model[model.IndexOf(ordered[index])] = replacement;
                }
                else
                {
                    // A later copy of an event that marks a milestone gives the milestone to the one already there.
                    var target = model[random.Next(model.Count)];
                    if (target.Milestone != Milestone.None) continue;
                    Assert.True(timeline.Add(new TimelineEvent(target.UtcTime, target.Event, Milestone.Detected, target.Source)));
                    model[model.IndexOf(target)] = target.WithMilestone(Milestone.Detected);
                }
                Assert.Equal(model.Count, timeline.Count);
            }
            Assert.Equal(Ordered(model), timeline.ToList());
            Assert.Equal(Ordered(model).FirstOrDefault(m => m.Milestone == Milestone.Detected), timeline.Find(Milestone.Detected));
        }

        private static System.Collections.Generic.List<TimelineEvent> Ordered(System.Collections.Generic.List<TimelineEvent> model) =>
            model.OrderBy(m => m.UtcTime).ToList();   // OrderBy is stable: equal times keep the order they were added in

        [Fact]
        public void A_timeline_given_its_events_newest_first_reads_oldest_first()
        {
            var timeline = new Timeline();
            for (int i = 49_999; i >= 0; i--) timeline.Add(new TimelineEvent(Day.AddSeconds(i), "event " + i));
            Assert.Equal(50_000, timeline.Count);
            Assert.Equal("event 0", timeline[0].Event);
            Assert.Equal("event 49999", timeline[49_999].Event);
            Assert.True(timeline.Zip(timeline.Skip(1), (a, b) => a.UtcTime < b.UtcTime).All(x => x));
        }

        [Fact]
        public void The_timeline_keeps_one_copy_of_an_event_and_knows_which_events_it_holds()
        {
            var timeline = new Timeline();
            var alert = new TimelineEvent(Day.AddHours(9), "Alert fired", Milestone.None, "alertmanager");
            Assert.True(timeline.Add(alert));
            Assert.False(timeline.Add(new TimelineEvent(Day.AddHours(9), "Alert fired", Milestone.None, "alertmanager")));
            Assert.Single(timeline);
            // A second copy that marks a milestone gives it to the event already there.
            Assert.True(timeline.Add(new TimelineEvent(Day.AddHours(9), "Alert fired", Milestone.FirstSymptom, "alertmanager")));
            Assert.Equal(Milestone.FirstSymptom, timeline[0].Milestone);

            Assert.True(timeline.Contains(new TimelineEvent(Day.AddHours(9), "Alert fired", Milestone.FirstSymptom, "alertmanager")));
            Assert.False(timeline.Contains(alert));   // the milestone differs now
            Assert.False(timeline.Contains(new TimelineEvent(Day.AddHours(9), "Alert fired", Milestone.FirstSymptom, "slack")));
            Assert.True(timeline.Remove(timeline[0]));
            Assert.Empty(timeline);
            Assert.True(timeline.Add(alert));   // removed, so it can come back
        }

        [Fact]
        public void Duration_runs_from_detection_to_resolution()
        {
            var p = new Postmortem("t");
            p.Timeline.Add(new TimelineEvent(Day.AddHours(14).AddMinutes(2), "alert", Milestone.FirstSymptom));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(14).AddMinutes(9), "ack", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(15).AddMinutes(1), "restored", Milestone.ServiceRestored));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(15).AddMinutes(56), "resolved", Milestone.Resolved));

            Assert.Equal(TimeSpan.FromMinutes(107), p.Duration);
        }

        [Fact]
        public void Duration_falls_back_to_first_symptom_and_service_restored()
        {
            var p = new Postmortem("t");
            p.Timeline.Add(new TimelineEvent(Day.AddHours(14), "alert", Milestone.FirstSymptom));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(14).AddMinutes(47), "restored", Milestone.ServiceRestored));

            Assert.Equal(TimeSpan.FromMinutes(47), p.Duration);
        }

        [Fact]
        public void Duration_is_unknown_while_either_end_is_missing()
        {
            var p = new Postmortem("t");
            p.Timeline.Add(new TimelineEvent(Day.AddHours(14), "alert", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(15), "note"));

            Assert.Null(p.Duration);
        }

        [Fact]
        public void An_explicit_duration_wins_over_the_timeline()
        {
            var p = new Postmortem("t") { ExplicitDuration = TimeSpan.FromMinutes(30) };
            p.Timeline.Add(new TimelineEvent(Day.AddHours(14), "alert", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(Day.AddHours(16), "fixed", Milestone.Resolved));

            Assert.Equal(TimeSpan.FromMinutes(30), p.Duration);
            p.ExplicitDuration = null;
            Assert.Equal(TimeSpan.FromHours(2), p.Duration);
        }

        [Fact]
        public void Event_times_are_stored_in_UTC()
        {
            var local = new DateTime(2026, 11, 20, 14, 0, 0, DateTimeKind.Local);
            var e = new TimelineEvent(local, "x");
            Assert.Equal(DateTimeKind.Utc, e.UtcTime.Kind);
            Assert.Equal(local.ToUniversalTime(), e.UtcTime);
            Assert.Equal(TimelineEvent.ManualSource, e.Source);
        }

        [Fact]
        public void Text_is_normalised_to_LF_without_trailing_blanks_but_keeps_indentation()
        {
            Assert.Equal("line one\n  indented\n\nafter blank", Text.Normalize("\r\n\r\nline one  \r\n  indented\r\n\r\n \n\nafter blank\t\n\n"));
            Assert.Null(Text.Normalize("  \n\t "));
            Assert.Equal("a b c", Text.SingleLine("  a \n b\t\tc "));
        }

        [Fact]
        public void Blank_titles_actions_and_events_are_refused()
        {
            Assert.Throws<ArgumentException>(() => new Postmortem("  "));
            Assert.Throws<ArgumentException>(() => new ActionItem("\n"));
            Assert.Throws<ArgumentException>(() => new TimelineEvent(Day, " "));
        }

        [Fact]
        public void Dates_keep_only_the_day()
        {
            var p = new Postmortem("t") { Date = new DateTime(2026, 11, 20, 23, 59, 0) };
            Assert.Equal(new DateTime(2026, 11, 20), p.Date);
            var item = new ActionItem("Add X") { DueDate = new DateTime(2026, 12, 15, 8, 0, 0) };
            Assert.Equal(new DateTime(2026, 12, 15), item.DueDate);
        }

        [Fact]
        public void An_events_time_is_an_instant_at_offset_zero_so_it_compares_rightly_with_times_in_any_zone()
        {
            var e = new TimelineEvent(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), "x");
            Assert.Equal(TimeSpan.Zero, e.Time.Offset);
            Assert.True(e.Time > new DateTimeOffset(2026, 11, 20, 19, 20, 0, TimeSpan.FromHours(5.5)));   // 13:50Z in Kolkata
            Assert.Equal(e.UtcTime, e.Time.UtcDateTime);
        }

        [Fact]
        public void A_new_postmortem_gets_a_fresh_id()
        {
            Assert.NotEqual(new Postmortem("a").Id, new Postmortem("a").Id);
        }
    }
}
