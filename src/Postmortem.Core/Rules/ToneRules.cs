using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Rules
{
    /// <summary>
    /// What the tone rules read, with its section and target: the prose fields with their quotes blanked
    /// (<see cref="Quotes.WithoutQuoted"/>), and the timeline's events but those quoted whole from chat, alerts or logs.
    /// </summary>
    internal static class ToneProse
    {
        /// <summary>The summary, the timeline and the impact; with <paramref name="includeAll"/>, every prose section.</summary>
        public static IEnumerable<(PostmortemSection Section, string Target, string Text)> Of(RuleContext context, bool includeAll)
        {
            var p = context.Postmortem;
            if (p.ExecutiveSummary is not null) yield return (PostmortemSection.ExecutiveSummary, "ExecutiveSummary", Quotes.WithoutQuoted(p.ExecutiveSummary));
            foreach (var (i, text) in Events(context)) yield return (PostmortemSection.Timeline, $"Timeline[{i}]", text);
            if (p.Impact.UsersAffected is not null) yield return (PostmortemSection.Impact, "Impact.UsersAffected", Quotes.WithoutQuoted(p.Impact.UsersAffected));
            if (p.Impact.DataLossDescription is not null) yield return (PostmortemSection.Impact, "Impact.DataLossDescription", Quotes.WithoutQuoted(p.Impact.DataLossDescription));
            if (p.Impact.RevenueImpact is not null) yield return (PostmortemSection.Impact, "Impact.RevenueImpact", Quotes.WithoutQuoted(p.Impact.RevenueImpact));
            if (!includeAll) yield break;
            if (p.RootCause is not null) yield return (PostmortemSection.RootCause, "RootCause", Quotes.WithoutQuoted(p.RootCause));
            for (int i = 0; i < p.Whys.Count; i++) yield return (PostmortemSection.RootCause, $"Whys[{i}]", Quotes.WithoutQuoted(p.Whys[i]));
            foreach (var chain in p.WhyChains)
            {
                for (int i = 0; i < chain.Whys.Count; i++) yield return (PostmortemSection.RootCause, $"{chain.Place}.Whys[{i}]", Quotes.WithoutQuoted(chain.Whys[i]));
            }
            for (int i = 0; i < p.ContributingFactors.Count; i++) yield return (PostmortemSection.ContributingFactors, $"ContributingFactors[{i}]", Quotes.WithoutQuoted(p.ContributingFactors[i]));
            for (int i = 0; i < p.WentWell.Count; i++) yield return (PostmortemSection.WentWell, $"WentWell[{i}]", Quotes.WithoutQuoted(p.WentWell[i]));
            for (int i = 0; i < p.WentPoorly.Count; i++) yield return (PostmortemSection.WentPoorly, $"WentPoorly[{i}]", Quotes.WithoutQuoted(p.WentPoorly[i]));
            for (int i = 0; i < p.ActionItems.Count; i++) yield return (PostmortemSection.ActionItems, $"ActionItems[{i}]", Quotes.WithoutQuoted(p.ActionItems[i].Action));
            if (p.LessonsLearned is not null) yield return (PostmortemSection.LessonsLearned, "LessonsLearned", Quotes.WithoutQuoted(p.LessonsLearned));
            foreach (var section in p.Sections) yield return (section.After, $"Sections['{section.Name}']", Quotes.WithoutQuoted(section.Text));
        }

        /// <summary>The timeline's events the tone rules judge, by index: quotes blanked, events quoted whole left out.</summary>
        public static IEnumerable<(int Index, string Text)> Events(RuleContext context)
        {
            var timeline = context.Postmortem.Timeline;
            for (int i = 0; i < timeline.Count; i++)
            {
                if (Quotes.IsVerbatim(context, timeline[i])) continue;
                yield return (i, Quotes.WithoutQuoted(timeline[i].Event));
            }
        }
    }

    internal sealed class VagueQuantity : PostmortemRule
    {
        public override string Name => nameof(VagueQuantity);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ExecutiveSummary;
        public override string Description =>
            "The summary, impact and timeline give numbers. The guide: \"'The service was unavailable for 47 minutes' — not 'there was some downtime'\".";

        internal override void Check(RuleContext context)
        {
            foreach (var (section, target, text) in ToneProse.Of(context, includeAll: false))
            {
                var found = ToneShapes.VagueQuantity(Words.Of(text), context);
                if (found is null) continue;
                context.Report(section, target, $"{target} says '{found}' where a reader needs a number.",
                    "Give the figure: \"The service was unavailable for 47 minutes\", \"about 3,100 customers\", \"12% of requests failed\".");
            }
        }
    }

    internal sealed class Hedging : PostmortemRule
    {
        public override string Name => nameof(Hedging);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Information;
        public override PostmortemSection Section => PostmortemSection.ExecutiveSummary;
        public override string Description =>
            "Factual, not hedged or emotional. The guide: \"'We did not have alerting on X' — not 'unfortunately alerting was missing'\".";

        internal override void Check(RuleContext context)
        {
            foreach (var (section, target, text) in ToneProse.Of(context, includeAll: true))
            {
                var found = ToneShapes.Hedge(Words.Of(text), context);
                if (found is null) continue;
                context.Report(section, target, $"{target} hedges with '{found}'.",
                    "State the fact plainly: \"We did not have alerting on X\", not \"unfortunately alerting was missing\".");
            }
        }
    }

    internal sealed class TimelineTense : PostmortemRule
    {
        private static readonly HashSet<string> Be = new HashSet<string> { "is", "are", "am", "isn't", "aren't" };
        private static readonly HashSet<string> NotProgressive = new HashSet<string>
        {
            "thing", "nothing", "something", "anything", "everything", "string", "during", "morning", "evening", "ceiling",
            "bring", "king", "ring", "sing", "spring", "swing", "wing", "sibling", "ping", "pending", "missing", "outstanding",
            "interesting", "ongoing",
        };

        public override string Name => nameof(TimelineTense);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Information;
        public override PostmortemSection Section => PostmortemSection.Timeline;
        public override string Description =>
            "Timeline events are in the past tense. The guide: \"Past tense, factual, specific timestamps\".";

        internal override void Check(RuleContext context)
        {
            var timeline = context.Postmortem.Timeline;
            foreach (var (i, text) in ToneProse.Events(context))
            {
                var found = Find(Words.Of(text));
                if (found is null) continue;
                context.Report($"Timeline[{i}]", $"The event '{TimelineMilestones.Short(timeline[i].Event)}' is not in the past tense ('{found}').",
                    "Write what happened, in the past tense: \"The pod restarted\", \"Checkout was failing\" rather than \"is failing\" or \"will restart\".");
            }
        }

        private static string? Find(Words words)
        {
            var t = words.Tokens;
            for (int i = 0; i + 1 < t.Count; i++)
            {
                var next = t[i + 1];
                if (Be.Contains(t[i]) && next.Length > 4 && next.EndsWith("ing", System.StringComparison.Ordinal) && !NotProgressive.Contains(next)) return $"{t[i]} {next}";
                if (t[i] is "will" or "won't" or "shall") return $"{t[i]} {next}";
                if (t[i] == "going" && next == "to" && i > 0 && Be.Contains(t[i - 1])) return $"{t[i - 1]} going to";
            }
            return null;
        }
    }
}
