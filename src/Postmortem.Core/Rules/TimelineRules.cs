using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Postmortems.Rendering;

namespace Postmortems.Rules
{
    internal sealed class TimelineMilestones : PostmortemRule
    {
        public override string Name => nameof(TimelineMilestones);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Timeline;
        public override string Description =>
            "The timeline marks when the incident was first seen. The guide: \"HH:MM | First symptom / alert fired\", \"HH:MM | Detection / someone noticed\".";

        internal override void Check(RuleContext context)
        {
            var timeline = context.Postmortem.Timeline;
            if (timeline.Count == 0) return;
            if (timeline.Find(Milestone.FirstSymptom) is null && timeline.Find(Milestone.Detected) is null)
            {
                context.Report("Timeline", "No event is marked as the first symptom or the detection.",
                    "Mark the first alert with -Milestone FirstSymptom and the moment someone noticed with -Milestone Detected.");
            }
        }

        internal static string Short(string text) => text.Length <= 60 ? text.Replace('\n', ' ') : text.Substring(0, 57).Replace('\n', ' ') + "...";
    }

    internal sealed class SpecificTimes : PostmortemRule
    {
        public override string Name => nameof(SpecificTimes);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Timeline;
        public override string Description =>
            "Timeline events carry their own specific time, not an approximate one. The guide: \"Past tense, factual, specific timestamps\".";

        internal override void Check(RuleContext context)
        {
            var timeline = context.Postmortem.Timeline;
            var approximate = context.Phrases("ApproximateTimes");
            foreach (var (i, text) in ToneProse.Events(context))
            {
                // An event marked approximate (~23:30) says so in its time, and one of unknown time says it has none: the
                // source had no exact one.
                if (timeline[i].Approximate || timeline[i].TimeUnknown) continue;
                var found = approximate.FindIn(Words.Of(ApproximateQuantity.Replace(text, m => IsTime(m) ? m.Value : " ")));
                if (found is null) continue;
                context.Report($"Timeline[{i}]", $"The event '{TimelineMilestones.Short(timeline[i].Event)}' gives its time only as '{found}'.",
                    "Take the exact time from the alert, chat message or log line, and give each step its own event; if no source has one, mark the time approximate (~23:30, or -Approximate).");
            }
        }

        // "around 300 GB", "roughly 5,000 projects": the word approximates a quantity, not the event's time; "around
        // 23:00", "around 11 pm", "approximately 40 minutes after" are still times.
        private static readonly System.Text.RegularExpressions.Regex ApproximateQuantity = new System.Text.RegularExpressions.Regex(
            @"\b(?:around|approximately|approx\.?|roughly)\s+(?<number>\d+(?:[.,]\d+)*)(?![\d:])\s*(?<unit>%|[a-z]+)?",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static readonly HashSet<string> TimeUnits = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "am", "pm", "utc", "gmt", "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "s", "sec", "secs",
            "second", "seconds", "ms", "day", "days", "o", "oclock",
        };

        private static bool IsTime(System.Text.RegularExpressions.Match m) => !m.Groups["unit"].Success || TimeUnits.Contains(m.Groups["unit"].Value);
    }

    internal sealed class MilestoneOrder : PostmortemRule
    {
        public override string Name => nameof(MilestoneOrder);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Timeline;
        public override string Description =>
            "Milestones come in the template's order: \"First symptom / alert fired\", \"Detection\", \"Investigation started\", \"Root cause identified\", \"Mitigation applied\", \"Service restored\", \"Full resolution\".";

        internal override void Check(RuleContext context)
        {
            var timeline = context.Postmortem.Timeline;
            // The first event of each milestone, in timeline order; a later milestone must not come before an earlier one.
            var firsts = Enum.GetValues(typeof(Milestone)).Cast<Milestone>()
                .Where(m => m != Milestone.None)
                .Select(m => (Milestone: m, Index: IndexOf(timeline, m)))
                .Where(x => x.Index >= 0)
                .ToList();
            foreach (var later in firsts)
            {
                var earlier = firsts.FirstOrDefault(x => x.Milestone < later.Milestone && timeline[x.Index].UtcTime > timeline[later.Index].UtcTime);
                if (earlier.Index < 0 || earlier.Milestone == Milestone.None) continue;
                context.Report($"Timeline[{later.Index}]",
                    $"{later.Milestone} ({timeline[later.Index].UtcTime:HH:mm}) comes before {earlier.Milestone} ({timeline[earlier.Index].UtcTime:HH:mm}).",
                    $"Check both times, or move the milestone: {later.Milestone} cannot happen before {earlier.Milestone}.");
            }
        }

        private static int IndexOf(Timeline timeline, Milestone milestone)
        {
            for (int i = 0; i < timeline.Count; i++)
            {
                if (timeline[i].Milestone == milestone) return i;
            }
            return -1;
        }
    }

    internal sealed class DuplicateMilestone : PostmortemRule
    {
        public override string Name => nameof(DuplicateMilestone);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Timeline;
        public override string Description =>
            "Each of the template's milestones marks one event: \"HH:MM | First symptom / alert fired\", \"HH:MM | Detection / someone noticed\", ... \"HH:MM | Full resolution\". Milestones in the RepeatableMilestones list may repeat.";

        internal override void Check(RuleContext context)
        {
            var timeline = context.Postmortem.Timeline;
            if (timeline.Count < 2) return;
            var repeatable = context.Settings.WordLists.TryGetValue("RepeatableMilestones", out var names) ? names : null;
            // The events of each milestone, in timeline order.
            var marked = new System.Collections.Generic.Dictionary<Milestone, System.Collections.Generic.List<int>>();
            for (int i = 0; i < timeline.Count; i++)
            {
                var milestone = timeline[i].Milestone;
                if (milestone == Milestone.None) continue;
                if (!marked.TryGetValue(milestone, out var list)) marked[milestone] = list = new System.Collections.Generic.List<int>();
                list.Add(i);
            }
            foreach (var pair in marked.OrderBy(p => p.Key))
            {
                var indexes = pair.Value;
                if (indexes.Count < 2) continue;
                if (repeatable is not null && repeatable.Any(n => string.Equals(n?.Trim(), pair.Key.ToString(), StringComparison.OrdinalIgnoreCase))) continue;
                var events = string.Join(", ", indexes.Select(i => $"Timeline[{i}] ({timeline[i].UtcTime:HH:mm})"));
                var others = string.Join(", ", indexes.Skip(1));
                context.Report($"Timeline[{indexes[1]}]",
                    $"{indexes.Count} events are marked {pair.Key}: {events}. The metrics use only the first.",
                    $"Keep the earliest (or the right one) and clear the others: $pm | Set-TimelineEvent -Index {others} -Milestone None. If your team marks {pair.Key} more than once, add it to RepeatableMilestones in your settings file.");
            }
        }
    }

    internal sealed class StatusMatchesTimeline : PostmortemRule
    {
        public override string Name => nameof(StatusMatchesTimeline);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "The status agrees with the timeline: a Resolved incident shows when service was restored or resolved; an Ongoing one has no resolution yet. The guide: \"Status: Resolved / Ongoing\".";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            bool restored = p.Timeline.Find(Milestone.ServiceRestored) is not null || p.Timeline.Find(Milestone.Resolved) is not null;
            if (p.Status == IncidentStatus.Resolved && !restored)
            {
                context.Report("Status", "The status is Resolved, but no timeline event is marked ServiceRestored or Resolved.",
                    "Add-TimelineEvent -Milestone ServiceRestored (and Resolved once monitoring confirmed it stable), or Set-Postmortem -Status Ongoing.");
            }
            if (p.Status == IncidentStatus.Ongoing && p.Timeline.Find(Milestone.Resolved) is not null)
            {
                context.Report("Status", "The status is Ongoing, but the timeline has a Resolved event.",
                    "Set-Postmortem -Status Resolved, or remove the Resolved milestone if the incident is not over.");
            }
        }
    }

    internal sealed class DurationMatchesTimeline : PostmortemRule
    {
        public override string Name => nameof(DurationMatchesTimeline);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "A duration set by hand agrees with the timeline. The guide: \"Duration: HH:MM (detection to resolution)\".";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            var derived = p.Timeline.DerivedDuration;
            if (p.ExplicitDuration is not TimeSpan given || derived is not TimeSpan fromTimeline) return;
            if (Math.Abs((given - fromTimeline).TotalMinutes) < 1) return;
            context.Report("Duration",
                $"The duration is set to {PostmortemMarkdown.FormatDuration(given)}, but the timeline runs {PostmortemMarkdown.FormatDuration(fromTimeline)} from {p.Timeline.DurationStart!.Milestone} ({p.Timeline.DurationStart.UtcTime:HH:mm}) to {p.Timeline.DurationEnd!.Milestone} ({p.Timeline.DurationEnd.UtcTime:HH:mm}).",
                "Correct the timeline, or drop the hand-set duration (Set-Postmortem -Duration is not needed when the timeline has both ends).");
        }
    }

    internal sealed class DateMatchesTimeline : PostmortemRule
    {
        public override string Name => nameof(DateMatchesTimeline);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "The incident's date is the day of its first timeline event. The guide: \"Date: YYYY-MM-DD\", in a page named \"Postmortem YYYY-MM-DD: <title>\".";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            var first = p.Timeline.FirstOrDefault(e => !e.TimeUnknown);
            if (p.Date is not DateTime date || first is null) return;
            var firstDay = first.UtcTime.Date;
            if (firstDay == date.Date) return;
            context.Report("Date",
                $"The date is {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, but the first timeline event is on {firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (UTC).",
                $"Set-Postmortem -Date {firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, or check the first event's time.");
        }
    }
}
