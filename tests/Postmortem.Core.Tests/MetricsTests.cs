using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Metrics;
using Xunit;

namespace Postmortems.Tests
{
    public class MetricsTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>A postmortem whose milestones fall the given minutes after 10:00 (null leaves the milestone out).</summary>
        private static Postmortem Incident(string title, Severity? severity, int? detected, int? mitigated = null, int? restored = null, int? resolved = null, int? firstSymptom = 0)
        {
            var p = new Postmortem(title) { Date = Day, Severity = severity, Status = resolved is null ? IncidentStatus.Ongoing : IncidentStatus.Resolved };
            void Add(int? minutes, Milestone milestone)
            {
                if (minutes is int m) p.Timeline.Add(new TimelineEvent(Day.AddHours(10).AddMinutes(m), milestone.ToString(), milestone));
            }
            Add(firstSymptom, Milestone.FirstSymptom);
            Add(detected, Milestone.Detected);
            Add(mitigated, Milestone.MitigationApplied);
            Add(restored, Milestone.ServiceRestored);
            Add(resolved, Milestone.Resolved);
            return p;
        }

        private static IncidentMetric Metric(Postmortem p, string name) => MetricDefinition.Standard.Single(d => d.Name == name).Measure(p);

        [Fact]
        public void Each_clock_runs_between_its_two_milestones_and_says_which()
        {
            var p = Incident("t", Severity.P2, detected: 7, mitigated: 40, restored: 55, resolved: 90);
            Assert.Equal(TimeSpan.FromMinutes(7), Metric(p, "TimeToDetect").Value);
            Assert.Equal(TimeSpan.FromMinutes(40), Metric(p, "TimeToMitigate").Value);
            Assert.Equal(TimeSpan.FromMinutes(55), Metric(p, "TimeToRestore").Value);
            var resolve = Metric(p, "TimeToResolve");
            Assert.Equal(TimeSpan.FromMinutes(83), resolve.Value);
            Assert.Equal((ClockAnchor.Detected, ClockAnchor.Resolved), (resolve.From!.Value, resolve.To!.Value));
            Assert.False(resolve.UsedFallback);
            Assert.Null(resolve.Reason);
        }

        [Fact]
        public void A_fallback_milestone_is_used_and_said()
        {
            var p = Incident("t", Severity.P2, detected: null, restored: 55);
            var resolve = Metric(p, "TimeToResolve");
            Assert.Equal(TimeSpan.FromMinutes(55), resolve.Value);
            Assert.True(resolve.UsedFallback);
            Assert.Equal("Used FirstSymptom for the missing Detected and ServiceRestored for the missing Resolved.", resolve.Reason);
            Assert.Equal(TimeSpan.FromMinutes(55), Metric(p, "TimeToMitigate").Value);
        }

        [Fact]
        public void A_missing_milestone_gives_no_value_and_a_reason_never_a_wrong_number()
        {
            var p = Incident("t", Severity.P2, detected: null, firstSymptom: 0);
            var detect = Metric(p, "TimeToDetect");
            Assert.Null(detect.Value);
            Assert.Equal("The timeline has no Detected milestone.", detect.Reason);
            var empty = Metric(new Postmortem("e"), "TimeToResolve");
            Assert.Equal("The timeline has no Detected or FirstSymptom and no Resolved or ServiceRestored milestone.", empty.Reason);
        }

        [Fact]
        public void A_clock_cannot_start_or_stop_at_None_which_every_plain_event_carries()
        {
            var error = Assert.Throws<ArgumentException>(() => new MetricDefinition("NoneToDetected", new[] { Milestone.None }, new[] { Milestone.Detected }));
            Assert.StartsWith("None marks no event", error.Message);
            Assert.Throws<ArgumentException>(() => new MetricDefinition("DetectedToNone", new[] { Milestone.Detected }, new[] { Milestone.MitigationApplied, Milestone.None }));
        }

        [Fact]
        public void A_clock_of_your_own_runs_between_the_milestones_you_pick()
        {
            var p = Incident("t", Severity.P2, detected: 7, mitigated: 40);
            var custom = new MetricDefinition("DetectedToMitigationApplied", new[] { Milestone.Detected }, new[] { Milestone.MitigationApplied });
            Assert.Equal(TimeSpan.FromMinutes(33), custom.Measure(p).Value);
        }

        [Fact]
        public void Median_and_90th_percentile_follow_the_documented_definitions()
        {
            TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);
            Assert.Equal(M(10), Statistics.Median(new[] { M(30), M(5), M(10) }));
            Assert.Equal(M(5), Statistics.Median(new[] { M(2), M(8), M(4), M(6) }));        // (4 + 6) / 2
            Assert.Equal(M(30), Statistics.Percentile90(new[] { M(30), M(5), M(10) }));    // ⌈2.7⌉ = 3rd
            Assert.Equal(M(8), Statistics.Percentile90(new[] { M(2), M(8), M(4), M(6) }));  // ⌈3.6⌉ = 4th
            var ten = Enumerable.Range(1, 10).Select(M).ToArray();
            Assert.Equal(M(9), Statistics.Percentile90(ten));                               // ⌈9⌉ = 9th
            Assert.Null(Statistics.Median(Array.Empty<TimeSpan>()));
        }

        [Fact]
        public void A_corpus_is_counted_by_severity_and_status_with_medians_and_percentiles_worked_out_by_hand()
        {
            var corpus = new List<Postmortem>
            {
                Incident("a", Severity.P1, detected: 5, resolved: 60),
                Incident("b", Severity.P1, detected: 10, resolved: 130),
                Incident("c", Severity.P1, detected: 30, resolved: 90),
                Incident("d", Severity.P2, detected: 2),
                Incident("e", Severity.P2, detected: 8),
                Incident("f", Severity.P2, detected: 4),
                Incident("g", Severity.P2, detected: 6),
                Incident("h", Severity.P2, detected: null),
                Incident("i", null, detected: 1),
            };
            var measure = PostmortemMeasurer.Measure(corpus, Day.AddDays(10));

            Assert.Equal(9, measure.Count);
            Assert.Equal(new[] { ("(not set)", 1), ("P1", 3), ("P2", 5) }, measure.Severity.Select(s => (s.Severity, s.Count)));
            var p1 = measure.Severity.Single(s => s.Severity == "P1");
            Assert.Equal(TimeSpan.FromMinutes(10), p1.MedianTimeToDetect);
            Assert.Equal(TimeSpan.FromMinutes(30), p1.P90TimeToDetect);
            // Resolve runs from detection: 55, 120 and 60 minutes.
            Assert.Equal(TimeSpan.FromMinutes(60), p1.MedianTimeToResolve);
            Assert.Equal(TimeSpan.FromMinutes(120), p1.P90TimeToResolve);
            var p2 = measure.Severity.Single(s => s.Severity == "P2");
            Assert.Equal(TimeSpan.FromMinutes(5), p2.MedianTimeToDetect);   // h has no detection and is left out
            Assert.Equal(TimeSpan.FromMinutes(8), p2.P90TimeToDetect);
            Assert.Null(p2.MedianTimeToResolve);
            Assert.Equal(new[] { ("Ongoing", 6), ("Resolved", 3) }, measure.Status.Select(s => (s.Status, s.Count)));
        }

        [Fact]
        public void The_most_frequent_contributing_factors_are_counted_once_per_postmortem_whatever_their_spelling()
        {
            var a = new Postmortem("a");
            a.ContributingFactors.AddRange(new[] { "No alerting on disk usage.", "no alerting on disk usage" });
            var b = new Postmortem("b");
            b.ContributingFactors.AddRange(new[] { "No  alerting on DISK usage", "Runbook out of date" });
            var c = new Postmortem("c");
            c.ContributingFactors.Add("Runbook out of date!");
            var d = new Postmortem("d");
            d.ContributingFactors.Add("Single point of failure");
            var factors = PostmortemMeasurer.Measure(new[] { a, b, c, d }, Day, topFactors: 2).ContributingFactors;
            Assert.Equal(new[] { ("No alerting on disk usage.", 2), ("Runbook out of date", 2) }, factors.Select(f => (f.Factor, f.Count)));
            Assert.Equal("a; b", factors[0].Postmortems);
        }

        [Fact]
        public void Action_items_are_counted_open_overdue_and_aged_by_priority_as_of_a_day()
        {
            var p = new Postmortem("a") { Date = new DateTime(2026, 11, 1) };
            p.ActionItems.Add(new ActionItem("Add A") { Priority = ActionPriority.P1, DueDate = new DateTime(2026, 11, 10) });                                  // overdue 20 days
            p.ActionItems.Add(new ActionItem("Add B") { Priority = ActionPriority.P1, DueDate = new DateTime(2026, 12, 10) });                                  // open, not due
            p.ActionItems.Add(new ActionItem("Add C") { Priority = ActionPriority.P1, DueDate = new DateTime(2026, 11, 5), Status = ActionItemStatus.Done });     // done
            var q = new Postmortem("b") { Date = new DateTime(2026, 11, 21) };
            q.ActionItems.Add(new ActionItem("Add D") { Priority = ActionPriority.P1, DueDate = new DateTime(2026, 11, 29) });                                  // overdue 1 day
            q.ActionItems.Add(new ActionItem("Add E") { DueDate = new DateTime(2026, 11, 30) });                                                                 // due today: not overdue
            var asOf = new DateTime(2026, 11, 30);

            var measure = PostmortemMeasurer.Measure(new[] { p, q }, asOf);
            var p1 = measure.ActionItems.Single(a => a.Priority == "P1");
            Assert.Equal((4, 3, 1, 2), (p1.Total, p1.Open, p1.Done, p1.Overdue));
            Assert.Equal(29, p1.MedianOpenAgeDays);          // open ages 29, 29, 9
            Assert.Equal(29, p1.OldestOpenAgeDays);
            Assert.Equal((1, 0), measure.ActionItems.Single(a => a.Priority == "(not set)").Let(x => (x.Open, x.Overdue)));

            var items = PostmortemMeasurer.ActionItems(p, asOf).ToList();
            Assert.Equal(new[] { 20, 0, 0 }, items.Select(i => i.DaysOverdue));
            Assert.All(items, i => Assert.Equal("a", i.PostmortemTitle));
            Assert.Same(p.ActionItems[0], items[0].Item);
        }
    }

    public class MeasureAsOfTests
    {
        [Fact]
        public void An_as_of_day_before_an_incident_gives_it_no_age_never_a_negative_one_and_says_so()
        {
            var early = new Postmortem("early") { Date = new DateTime(2025, 3, 1) };
            early.ActionItems.Add(new ActionItem("Add A") { Priority = ActionPriority.P1 });
            var late = new Postmortem("late") { Date = new DateTime(2026, 11, 20) };
            late.ActionItems.Add(new ActionItem("Add B") { Priority = ActionPriority.P1 });
            var asOf = new DateTime(2025, 4, 10);

            var p1 = PostmortemMeasurer.Measure(new[] { early, late }, asOf).ActionItems.Single(a => a.Priority == "P1");
            Assert.Equal((2, 2), (p1.Total, p1.Open));
            Assert.Equal(40, p1.OldestOpenAgeDays);     // the early one alone: 2025-03-01 to 2025-04-10
            Assert.Equal(40, p1.MedianOpenAgeDays);

            var said = PostmortemMeasurer.DatedAfter(new[] { early, late }, asOf);
            Assert.StartsWith("1 of the postmortems is dated after -AsOf 2025-04-10: 'late' (2026-11-20).", said);
            Assert.Contains("Give -AsOf 2026-11-20 or later", said);
            Assert.Null(PostmortemMeasurer.DatedAfter(new[] { early, late }, new DateTime(2026, 11, 20)));

            var none = PostmortemMeasurer.Measure(new[] { late }, asOf).ActionItems.Single();
            Assert.Null(none.OldestOpenAgeDays);
            Assert.Null(none.MedianOpenAgeDays);
        }
    }

    public class ReadableTimeTests
    {
        [Theory]
        [InlineData(18, 46, 50, "18:47")]   // rounded, not cut down
        [InlineData(18, 46, 29, "18:46")]
        [InlineData(0, 20, 30, "00:21")]    // half a minute rounds up
        [InlineData(72, 5, 0, "72:05")]     // hours past a day
        [InlineData(0, 59, 45, "01:00")]
        public void A_duration_reads_as_HH_MM_to_the_nearest_minute(int hours, int minutes, int seconds, string expected)
        {
            Assert.Equal(expected, Rendering.ReadableTime.Duration(new TimeSpan(hours, minutes, seconds)));
        }

        [Fact]
        public void Dates_and_times_read_the_same_in_every_culture_and_say_UTC()
        {
            var before = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                foreach (var culture in new[] { "en-US", "de-DE", "th-TH", "ar-SA" })
                {
                    System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
                    var time = new DateTime(2017, 1, 31, 18, 46, 50, DateTimeKind.Utc);
                    Assert.Equal("2017-01-31", Rendering.ReadableTime.Date(time));
                    Assert.Equal("2017-01-31 18:46 UTC", Rendering.ReadableTime.Utc(time));
                    Assert.Equal("2017-01-31 18:46:50 UTC", Rendering.ReadableTime.UtcSeconds(time));
                    Assert.Equal("Marcus Lee approved 2017-01-31 18:46 UTC", new SignOff("Marcus Lee", time).ToString());
                    Assert.Equal("2017-01-31 18:46 UTC: typo", new Unlock(time, "typo").ToString());
                }
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = before;
            }
            Assert.Null(Rendering.ReadableTime.Duration(null));
            Assert.Null(Rendering.ReadableTime.Date(null));
        }
    }

    internal static class LetExtension
    {
        public static TResult Let<T, TResult>(this T value, Func<T, TResult> map) => map(value);
    }
}
