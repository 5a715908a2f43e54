using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Rules
{
    internal sealed class BlamelessLanguage : PostmortemRule
    {
        public const string Reframe = "Describe the condition that made the mistake possible, as the guide does: not \"Engineer ran the wrong command\" but \"We had no guard against running destructive commands on production\".";

        public override string Name => nameof(BlamelessLanguage);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.RootCause;
        public override string Description =>
            "The root cause names a system or process gap, not a person. The guide: \"'Engineer ran the wrong command' is not a root cause. 'We had no guard against running destructive commands on production' is.\"";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            CheckText(context, PostmortemSection.RootCause, "RootCause", p.RootCause);
            for (int i = 0; i < p.ContributingFactors.Count; i++)
            {
                CheckText(context, PostmortemSection.ContributingFactors, $"ContributingFactors[{i}]", p.ContributingFactors[i]);
            }
            CheckText(context, PostmortemSection.ExecutiveSummary, "ExecutiveSummary", p.ExecutiveSummary);
            for (int i = 0; i < p.WentPoorly.Count; i++)
            {
                CheckText(context, PostmortemSection.WentPoorly, $"WentPoorly[{i}]", p.WentPoorly[i]);
            }
            CheckText(context, PostmortemSection.LessonsLearned, "LessonsLearned", p.LessonsLearned);
            foreach (var section in p.Sections) CheckText(context, section.After, $"Sections['{section.Name}']", section.Text);
        }

        private static void CheckText(RuleContext context, PostmortemSection section, string target, string? text)
        {
            var found = Blame.Find(context, text);
            if (found is null) return;
            context.Report(section, target, $"{target} blames a person: it has {found}. Humans make mistakes; the question is what system conditions made the mistake harmful.", Reframe);
        }
    }

    internal sealed class BlamelessTimeline : PostmortemRule
    {
        public override string Name => nameof(BlamelessTimeline);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Timeline;
        public override string Description =>
            "Timeline events say what happened, not who is to blame. The guide: \"Humans make mistakes. The question is: what system conditions made the mistake harmful?\"";

        internal override void Check(RuleContext context)
        {
            var timeline = context.Postmortem.Timeline;
            for (int i = 0; i < timeline.Count; i++)
            {
                var found = Blame.Find(context, timeline[i].Event);
                if (found is null) continue;
                context.Report($"Timeline[{i}]", $"The event '{TimelineMilestones.Short(timeline[i].Event)}' puts the failure on a person: it has {found}.",
                    "Say what happened to the system, and who responded by role where it helps: \"A command removed the data directory on db1\", \"We deployed the change at 13:42\", \"The on-call engineer acknowledged the page\".");
            }
        }
    }

    internal sealed class FiveWhysDepth : PostmortemRule
    {
        public override string Name => nameof(FiveWhysDepth);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.RootCause;
        public override string Description =>
            "The root cause has a 5-whys chain at least 3 deep, and so has each named chain (Add-Why -Chain). The guide: \"Apply 5-whys to find root cause — keep asking 'why?' until you hit a system or process gap, not a person\".";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            var whys = p.Whys;
            // Named chains alone are the 5 whys of an incident with several problems: the root cause's own chain may stay empty.
            if (whys.Count < 3 && !(whys.Count == 0 && p.WhyChains.Count > 0))
            {
                var have = whys.Count == 0 ? "no 5-whys chain" : $"only {whys.Count} why" + (whys.Count == 1 ? "" : "s");
                context.Report("Whys", $"The root cause has {have}; stopping early usually lands on a symptom or a person.",
                    "Keep asking why with Add-Why until the answer is a system or process gap, for example 'Why was that not caught? The pipeline had no verification step.'");
            }
            foreach (var chain in p.WhyChains)
            {
                if (chain.Whys.Count >= 3) continue;
                context.Report(chain.Place, $"The why-chain '{chain.Name}' has only {chain.Whys.Count} why{(chain.Whys.Count == 1 ? "" : "s")}; stopping early usually lands on a symptom or a person.",
                    $"Keep asking why with Add-Why -Chain '{chain.Name}' until the answer is a system or process gap.");
            }
        }
    }

    internal sealed class FiveWhysEndsInSystem : PostmortemRule
    {
        public override string Name => nameof(FiveWhysEndsInSystem);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.RootCause;
        public override string Description =>
            "The last why of every chain names a system or process condition, not a person. The guide: \"keep asking 'why?' until you hit a system or process gap, not a person\".";

        private const string AskAgain = "Ask why once more: why could that happen? End on the missing guard, check or process, for example 'No guard stopped destructive commands on production'.";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            if (LastBlames(context, p.Whys) is { } own)
            {
                context.Report($"Whys[{own.Index}]", $"The 5-whys chain ends on a person: the last why has {own.Found}.", AskAgain);
            }
            foreach (var chain in p.WhyChains)
            {
                if (LastBlames(context, chain.Whys) is not { } hit) continue;
                context.Report($"{chain.Place}.Whys[{hit.Index}]", $"The why-chain '{chain.Name}' ends on a person: its last why has {hit.Found}.", AskAgain);
            }
        }

        // The last why's index and the blame in its answer; null when the chain is empty or ends on no person.
        private static (int Index, string Found)? LastBlames(RuleContext context, IReadOnlyList<string> whys)
        {
            if (whys.Count == 0) return null;
            int last = whys.Count - 1;
            // The question part of a why ("Why was it deleted?") is not its answer; judge the answer.
            var found = Blame.Find(context, Answer(whys[last]));
            return found is null ? null : (last, found);
        }

        private static string Answer(string why)
        {
            int question = why.IndexOf('?');
            return question >= 0 && question + 1 < why.Length ? why.Substring(question + 1) : why;
        }
    }
}
