using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Rules
{
    /// <summary>Finds people where a blameless postmortem has systems: blame words, and a person as a sentence's subject.</summary>
    internal static class Blame
    {
        private static readonly HashSet<string> Determiners = new HashSet<string> { "the", "a", "an", "our", "one", "their", "that", "this", "an" };

        /// <summary>The blame phrase or the person-as-subject in the text, described for a message; null when it is blameless.</summary>
        public static string? Find(RuleContext context, string? text)
        {
            if (text is null) return null;
            var phrase = context.Phrases("BlamePhrases").FindIn(Words.Of(text));
            if (phrase is not null) return $"'{phrase}'";
            foreach (var sentence in Sentences.Split(text))
            {
                var subject = PersonSubject(context, Words.Of(sentence));
                if (subject is not null) return $"a person ('{subject}') as the subject";
            }
            return null;
        }

        /// <summary>The person a sentence starts with ("The engineer ran ...", "Alice deleted ..."), unless what follows frames the system ("had no way to know").</summary>
        public static string? PersonSubject(RuleContext context, Words sentence)
        {
            int start = 0;
            while (start < sentence.Tokens.Count && Determiners.Contains(sentence.Tokens[start])) start++;
            if (start >= sentence.Tokens.Count) return null;
            var rest = Words.Of(string.Join(" ", sentence.Tokens.Skip(start)));
            var person = context.Phrases("PersonNouns").StartOf(rest) ?? KnownPeople(context).StartOf(rest);
            if (person is null) return null;
            int after = Words.Of(person).Tokens.Count;
            var tail = Words.Of(string.Join(" ", rest.Tokens.Skip(after).Take(6)));
            if (tail.Tokens.Count == 0) return null;
            if (context.Phrases("SystemFramings").StartOf(tail) is not null) return null;
            // The person is the subject when a verb of doing follows ("The engineer deleted", "Alice accidentally ran",
            // "the operator should have"); a person noun used as a modifier ("Engineer onboarding did not ...") is not.
            var verb = tail.Tokens.SkipWhile(t => context.Phrases("Adverbs").Contains(t)).FirstOrDefault();
            if (verb is null) return null;
            bool acts = (verb.Length > 3 && verb.EndsWith("ed", System.StringComparison.Ordinal)) || context.Phrases("PersonVerbs").Contains(verb);
            return acts ? person : null;
        }

        /// <summary>The people this postmortem names: authors, reviewers and action item owners, by full name and first name.</summary>
        private static PhraseList KnownPeople(RuleContext context) => context.Memo(nameof(KnownPeople), () => ListKnownPeople(context));

        private static PhraseList ListKnownPeople(RuleContext context)
        {
            var p = context.Postmortem;
            var names = p.Authors.Concat(p.Reviewers).Concat(p.ActionItems.Select(a => a.Owner).Where(o => o is not null).Select(o => o!))
                .Where(LooksLikeAPersonsName)
                .SelectMany(n => new[] { n, n.Split(' ')[0] })
                .Distinct()
                .ToList();
            return new PhraseList(names);
        }

        // "Priya Natarajan" and "Marcus" are people; "platform", "payments SRE" and "observability" are teams.
        private static bool LooksLikeAPersonsName(string name)
        {
            var parts = name.Split(' ');
            return parts.Length <= 3 && parts.All(part => part.Length > 1 && char.IsUpper(part[0]) && part.Skip(1).All(char.IsLower));
        }
    }

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
        }

        private static void CheckText(RuleContext context, PostmortemSection section, string target, string? text)
        {
            var found = Blame.Find(context, text);
            if (found is null) return;
            context.Report(section, target, $"{target} blames a person: it has {found}. Humans make mistakes; the question is what system conditions made the mistake harmful.", Reframe);
        }
    }

    internal sealed class FiveWhysDepth : PostmortemRule
    {
        public override string Name => nameof(FiveWhysDepth);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.RootCause;
        public override string Description =>
            "The root cause has a 5-whys chain at least 3 deep. The guide: \"Apply 5-whys to find root cause — keep asking 'why?' until you hit a system or process gap, not a person\".";

        internal override void Check(RuleContext context)
        {
            var whys = context.Postmortem.Whys;
            if (whys.Count >= 3) return;
            var have = whys.Count == 0 ? "no 5-whys chain" : $"only {whys.Count} why" + (whys.Count == 1 ? "" : "s");
            context.Report("Whys", $"The root cause has {have}; stopping early usually lands on a symptom or a person.",
                "Keep asking why with Add-Why until the answer is a system or process gap, for example 'Why was that not caught? The pipeline had no verification step.'");
        }
    }

    internal sealed class FiveWhysEndsInSystem : PostmortemRule
    {
        public override string Name => nameof(FiveWhysEndsInSystem);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.RootCause;
        public override string Description =>
            "The last why names a system or process condition, not a person. The guide: \"keep asking 'why?' until you hit a system or process gap, not a person\".";

        internal override void Check(RuleContext context)
        {
            var whys = context.Postmortem.Whys;
            if (whys.Count == 0) return;
            int last = whys.Count - 1;
            // The question part of a why ("Why was it deleted?") is not its answer; judge the answer.
            var answer = Answer(whys[last]);
            var found = Blame.Find(context, answer);
            if (found is null) return;
            context.Report($"Whys[{last}]", $"The 5-whys chain ends on a person: the last why has {found}.",
                "Ask why once more: why could that happen? End on the missing guard, check or process, for example 'No guard stopped destructive commands on production'.");
        }

        private static string Answer(string why)
        {
            int question = why.IndexOf('?');
            return question >= 0 && question + 1 < why.Length ? why.Substring(question + 1) : why;
        }
    }
}
