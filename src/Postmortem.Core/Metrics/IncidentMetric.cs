using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Rendering;

namespace Postmortems.Metrics
{
    /// <summary>One of an incident's clocks: how long from one milestone to another.</summary>
    public sealed class IncidentMetric
    {
        public string PostmortemTitle { get; internal set; } = string.Empty;

        public Guid PostmortemId { get; internal set; }

        /// <summary>TimeToDetect, TimeToMitigate, TimeToRestore, TimeToResolve, or the name given with -Name.</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>Null when a milestone is missing: then <see cref="Reason"/> says which.</summary>
        public TimeSpan? Value { get; internal set; }

        /// <summary>The milestone the clock started at (the fallback's, when one was used).</summary>
        public Milestone? From { get; internal set; }

        public DateTime? FromTime { get; internal set; }

        public Milestone? To { get; internal set; }

        public DateTime? ToTime { get; internal set; }

        /// <summary>True when the wanted milestone was missing and its fallback was used.</summary>
        public bool UsedFallback { get; internal set; }

        /// <summary>Why there is no value, or which fallback stood in; null otherwise.</summary>
        public string? Reason { get; internal set; }

        /// <summary>The value as HH:MM to the nearest minute, as the table shows it.</summary>
        public string? ValueText => ReadableTime.Duration(Value);

        public override string ToString() => Value is null ? $"{Name}: — ({Reason})" : $"{Name}: {ValueText}";
    }

    /// <summary>A clock's definition: from a milestone (with fallbacks) to a milestone (with fallbacks).</summary>
    public sealed class MetricDefinition
    {
        public MetricDefinition(string name, IReadOnlyList<Milestone> from, IReadOnlyList<Milestone> to)
        {
            // None is what every plain event carries, so a clock that started or stopped there would time nothing real.
            if (from.Contains(Milestone.None) || to.Contains(Milestone.None))
            {
                throw new ArgumentException("None marks no event, so no clock starts or stops there. Give milestones such as -From Detected -To MitigationApplied.");
            }
            Name = name;
            From = from;
            To = to;
        }

        public string Name { get; }

        /// <summary>The start: the first milestone present in this list, in order.</summary>
        public IReadOnlyList<Milestone> From { get; }

        /// <summary>The end: the first milestone present in this list, in order.</summary>
        public IReadOnlyList<Milestone> To { get; }

        /// <summary>
        /// The four standard clocks. Tools disagree on them (some count everything from the first symptom, others count
        /// time to resolve from detection); these follow the guide, whose Duration runs from detection to resolution.
        /// </summary>
        public static IReadOnlyList<MetricDefinition> Standard { get; } = new[]
        {
            new MetricDefinition("TimeToDetect", new[] { Milestone.FirstSymptom }, new[] { Milestone.Detected }),
            new MetricDefinition("TimeToMitigate", new[] { Milestone.FirstSymptom }, new[] { Milestone.MitigationApplied, Milestone.ServiceRestored }),
            new MetricDefinition("TimeToRestore", new[] { Milestone.FirstSymptom }, new[] { Milestone.ServiceRestored, Milestone.Resolved }),
            new MetricDefinition("TimeToResolve", new[] { Milestone.Detected, Milestone.FirstSymptom }, new[] { Milestone.Resolved, Milestone.ServiceRestored }),
        };

        public IncidentMetric Measure(Postmortem postmortem)
        {
            var metric = new IncidentMetric { PostmortemTitle = postmortem.Title, PostmortemId = postmortem.Id, Name = Name };
            var (start, startMilestone, startFallback) = Find(postmortem.Timeline, From);
            var (end, endMilestone, endFallback) = Find(postmortem.Timeline, To);
            metric.From = startMilestone;
            metric.To = endMilestone;
            metric.FromTime = start?.UtcTime;
            metric.ToTime = end?.UtcTime;
            if (start is null || end is null)
            {
                var missing = new List<string>();
                if (start is null) missing.Add(Describe(From));
                if (end is null) missing.Add(Describe(To));
                metric.Reason = $"The timeline has no {string.Join(" and no ", missing)} milestone.";
                return metric;
            }
            if (end.UtcTime < start.UtcTime)
            {
                metric.Reason = $"{endMilestone} ({end.UtcTime:yyyy-MM-dd HH:mm}) comes before {startMilestone} ({start.UtcTime:yyyy-MM-dd HH:mm}); check the timeline.";
                return metric;
            }
            metric.Value = end.UtcTime - start.UtcTime;
            metric.UsedFallback = startFallback || endFallback;
            if (metric.UsedFallback)
            {
                var used = new List<string>();
                if (startFallback) used.Add($"{startMilestone} for the missing {From[0]}");
                if (endFallback) used.Add($"{endMilestone} for the missing {To[0]}");
                metric.Reason = "Used " + string.Join(" and ", used) + ".";
            }
            return metric;
        }

        private static (TimelineEvent? Event, Milestone? Milestone, bool Fallback) Find(Timeline timeline, IReadOnlyList<Milestone> candidates)
        {
            for (int i = 0; i < candidates.Count; i++)
            {
                var found = timeline.Find(candidates[i]);
                if (found is not null) return (found, candidates[i], i > 0);
            }
            return (null, null, false);
        }

        private static string Describe(IReadOnlyList<Milestone> milestones) => string.Join(" or ", milestones);
    }
}
