using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Rendering;

namespace Postmortems.Metrics
{
    /// <summary>
    /// Where a clock starts or stops: one of the timeline's milestones (the values of <see cref="Milestone"/>, under
    /// the same names), or one of the impact's times (<see cref="ImpactTime"/>).
    /// </summary>
    public enum ClockAnchor
    {
        FirstSymptom = Milestone.FirstSymptom,
        Detected = Milestone.Detected,
        InvestigationStarted = Milestone.InvestigationStarted,
        RootCauseIdentified = Milestone.RootCauseIdentified,
        MitigationApplied = Milestone.MitigationApplied,
        ServiceRestored = Milestone.ServiceRestored,
        Resolved = Milestone.Resolved,
        DegradationStart = 101,
        ImpactStart,
        ImpactEnd,
        DataLossStart,
        DataLossEnd,
    }

    /// <summary>What a clock anchor is: a milestone or an impact time, and when it is in a postmortem.</summary>
    public static class ClockAnchors
    {
        /// <summary>The milestone it is; null for an impact time.</summary>
        public static Milestone? MilestoneOf(ClockAnchor anchor) =>
            anchor >= ClockAnchor.FirstSymptom && anchor <= ClockAnchor.Resolved ? (Milestone)(int)anchor : (Milestone?)null;

        /// <summary>The impact time it is; null for a milestone.</summary>
        public static ImpactTime? ImpactTimeOf(ClockAnchor anchor) =>
            anchor >= ClockAnchor.DegradationStart && anchor <= ClockAnchor.DataLossEnd ? (ImpactTime)(anchor - ClockAnchor.DegradationStart) : (ImpactTime?)null;

        public static ClockAnchor Of(Milestone milestone) =>
            milestone >= Milestone.FirstSymptom && milestone <= Milestone.Resolved ? (ClockAnchor)(int)milestone
                : throw new ArgumentException("None marks no event, so no clock starts or stops there. Give milestones such as -From Detected -To MitigationApplied.");

        public static ClockAnchor Of(ImpactTime time) => ClockAnchor.DegradationStart + (int)time;

        /// <summary>When the anchor is in the postmortem (the first event of the milestone, or the impact time); null if it is not.</summary>
        public static DateTime? TimeIn(Postmortem postmortem, ClockAnchor anchor) =>
            MilestoneOf(anchor) is Milestone milestone ? postmortem.Timeline.Find(milestone)?.UtcTime
                : ImpactTimeOf(anchor) is ImpactTime time ? postmortem.Impact.TimeOf(time)
                : null;

        /// <summary>What it means, for a completion's tooltip.</summary>
        public static string Describe(ClockAnchor anchor) => MilestoneOf(anchor) is Milestone milestone ? MilestoneGuide.Describe(milestone) : anchor switch
        {
            ClockAnchor.DegradationStart => "When the service began to degrade (Set-Postmortem -DegradationStart), often before the first alert.",
            ClockAnchor.ImpactStart => "When users were first affected: the start of the impact window (Set-Postmortem -ImpactStart).",
            ClockAnchor.ImpactEnd => "When users were last affected: the end of the impact window (Set-Postmortem -ImpactEnd).",
            ClockAnchor.DataLossStart => "The start of the stretch whose data was lost (Set-Postmortem -DataLossStart).",
            ClockAnchor.DataLossEnd => "The end of the stretch whose data was lost (Set-Postmortem -DataLossEnd).",
            _ => anchor.ToString(),
        };
    }

    /// <summary>One of an incident's clocks: how long from one milestone (or impact time) to another.</summary>
    public sealed class IncidentMetric
    {
        public string PostmortemTitle { get; internal set; } = string.Empty;

        public Guid PostmortemId { get; internal set; }

        /// <summary>TimeToDetect, TimeToMitigate, TimeToRestore, TimeToResolve, or the name given with -Name.</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>Null when a milestone is missing: then <see cref="Reason"/> says which.</summary>
        public TimeSpan? Value { get; internal set; }

        /// <summary>The milestone or impact time the clock started at (the fallback's, when one was used).</summary>
        public ClockAnchor? From { get; internal set; }

        public DateTime? FromTime { get; internal set; }

        public ClockAnchor? To { get; internal set; }

        public DateTime? ToTime { get; internal set; }

        /// <summary>True when the wanted milestone was missing and its fallback was used.</summary>
        public bool UsedFallback { get; internal set; }

        /// <summary>Why there is no value, or which fallback stood in; null otherwise.</summary>
        public string? Reason { get; internal set; }

        /// <summary>The value as HH:MM to the nearest minute, as the table shows it.</summary>
        public string? ValueText => ReadableTime.Duration(Value);

        public override string ToString() => Value is null ? $"{Name}: — ({Reason})" : $"{Name}: {ValueText}";
    }

    /// <summary>
    /// A clock's definition: from a milestone or impact time (with fallbacks) to a milestone or impact time (with
    /// fallbacks).
    /// </summary>
    public sealed class MetricDefinition
    {
        // None is what every plain event carries, so a clock that started or stopped there would time nothing real.
        public MetricDefinition(string name, IReadOnlyList<Milestone> from, IReadOnlyList<Milestone> to)
            : this(name, from.Select(ClockAnchors.Of).ToArray(), to.Select(ClockAnchors.Of).ToArray())
        {
        }

        public MetricDefinition(string name, IReadOnlyList<ClockAnchor> from, IReadOnlyList<ClockAnchor> to)
        {
            if (from.Count == 0 || to.Count == 0) throw new ArgumentException("A clock needs where it starts and where it stops, for example -From Detected -To MitigationApplied.");
            foreach (var anchor in from.Concat(to))
            {
                if (!Enum.IsDefined(typeof(ClockAnchor), anchor))
                {
                    throw new ArgumentException($"'{anchor}' is no milestone or impact time. Use one of: {string.Join(", ", Enum.GetNames(typeof(ClockAnchor)))}.");
                }
            }
            Name = name;
            From = from;
            To = to;
        }

        public string Name { get; }

        /// <summary>The start: the first milestone or impact time present in this list, in order.</summary>
        public IReadOnlyList<ClockAnchor> From { get; }

        /// <summary>The end: the first milestone or impact time present in this list, in order.</summary>
        public IReadOnlyList<ClockAnchor> To { get; }

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
            var (start, startMilestone, startFallback) = Find(postmortem, From);
            var (end, endMilestone, endFallback) = Find(postmortem, To);
            metric.From = startMilestone;
            metric.To = endMilestone;
            metric.FromTime = start;
            metric.ToTime = end;
            if (start is not DateTime startTime || end is not DateTime endTime)
            {
                var missing = new List<IReadOnlyList<ClockAnchor>>();
                if (start is null) missing.Add(From);
                if (end is null) missing.Add(To);
                metric.Reason = Missing(missing);
                return metric;
            }
            if (endTime < startTime)
            {
                bool timeline = ClockAnchors.MilestoneOf(endMilestone!.Value) is not null && ClockAnchors.MilestoneOf(startMilestone!.Value) is not null;
                metric.Reason = $"{endMilestone} ({endTime:yyyy-MM-dd HH:mm}) comes before {startMilestone} ({startTime:yyyy-MM-dd HH:mm}); check the {(timeline ? "timeline" : "timeline and the impact's times")}.";
                return metric;
            }
            metric.Value = endTime - startTime;
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

        private static (DateTime? Time, ClockAnchor? Anchor, bool Fallback) Find(Postmortem postmortem, IReadOnlyList<ClockAnchor> candidates)
        {
            for (int i = 0; i < candidates.Count; i++)
            {
                if (ClockAnchors.TimeIn(postmortem, candidates[i]) is DateTime found) return (found, candidates[i], i > 0);
            }
            return (null, null, false);
        }

        // Milestones are missing from the timeline, impact times from the Impact section; the sentence names where to look.
        private static string Missing(List<IReadOnlyList<ClockAnchor>> missing)
        {
            var all = missing.SelectMany(m => m).ToList();
            var names = string.Join(" and no ", missing.Select(m => string.Join(" or ", m)));
            if (all.All(a => ClockAnchors.MilestoneOf(a) is not null)) return $"The timeline has no {names} milestone.";
            if (all.All(a => ClockAnchors.ImpactTimeOf(a) is not null)) return $"The impact has no {names} time (Set-Postmortem -{all[0]}).";
            return $"The postmortem has no {names}: milestones come from the timeline, impact times from Set-Postmortem -ImpactStart and the like.";
        }
    }
}
