using System;
using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Rules
{
    /// <summary>Why VagueActionItem calls an action item vague.</summary>
    internal enum VagueKind
    {
        /// <summary>A setting named without its value: "Set a lock timeout on every migration".</summary>
        Setting,

        /// <summary>A phrase of the VagueActionPhrases list: "be more careful", "as needed", "a sane value".</summary>
        Phrase,

        /// <summary>Work to decide a change: "Investigate ...", "Evaluate ...".</summary>
        Decide,

        /// <summary>A verb of intention and no measure: "Improve ...", "Harden ...", "Ensure ...".</summary>
        Intention,

        /// <summary>A quality to reach in the verb's object: "Make deploys safer", "Provide more accurate information".</summary>
        Quality,

        /// <summary>An effort promised: "Take steps ...", "Make changes ...", "Begin a practice of ...".</summary>
        Effort,

        /// <summary>A whole practice of ours, not a change in it: "Accelerate our bootstrapping process".</summary>
        Practice,
    }

    /// <summary>
    /// The shape of a vague action item, as the guide's Bad column shows it ("Be more careful when deploying", "Add more
    /// monitoring", "Improve communication"): an intention, not a change. The words come from the VagueAction* lists of
    /// the settings; this class reads where they stand: at the action's verb (after "We will", "Continue to"), in the
    /// verb's object (up to its first preposition or clause), and whether the action gives a measure.
    /// </summary>
    internal static class VagueAction
    {
        // Where the verb's object ends: "Provide more visibility | into the deploy process".
        private static readonly HashSet<string> ObjectEnds = new HashSet<string>(StringComparer.Ordinal)
        {
            "for", "on", "of", "in", "across", "around", "to", "with", "at", "by", "from", "about", "when", "during", "into",
            "onto", "over", "under", "through", "via", "per", "within", "without", "than", "after", "before", "until",
            "between", "against", "toward", "towards", "using", "that", "which", "who", "where", "while", "if", "unless",
            "so", "because", "since", "once", "as", "how", "why", "whether", "but", "instead", "like",
        };

        // Words that count a change: "three", "twice", "half". A number counts as well ("5-minute", "80%", "2,000"),
        // not a digit inside a name ("S3", "db1").
        private static readonly HashSet<string> NumberWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "million", "twice", "thrice", "half",
            "percent", "hourly", "daily", "nightly", "weekly", "fortnightly", "monthly", "quarterly", "yearly", "annually",
        };

        // "every week", "each release": a frequency measures a change as a number does.
        private static readonly HashSet<string> Periods = new HashSet<string>(StringComparer.Ordinal)
        {
            "minute", "hour", "day", "night", "week", "sprint", "month", "quarter", "year", "release", "deploy", "deployment",
        };

        /// <summary>The action gives a measure: a number, a threshold or a frequency.</summary>
        internal static bool HasMeasure(IReadOnlyList<string> tokens)
        {
            for (int i = 0; i < tokens.Count; i++)
            {
                if (char.IsDigit(tokens[i][0]) || NumberWords.Contains(tokens[i])) return true;
                if (tokens[i] is "every" or "each" && i + 1 < tokens.Count && Periods.Contains(tokens[i + 1])) return true;
            }
            return false;
        }

        /// <summary>Why the action is vague and the words that show it, or null when it names a change.</summary>
        internal static (VagueKind Kind, string Phrase)? Judge(RuleContext context, string action)
        {
            var words = Words.Of(ActionShape.WithoutMarkers(action));
            if (context.Phrases("VagueActionPhrases").FindIn(words) is string phrase) return (VagueKind.Phrase, phrase);

            var lexicon = VerbLexicon.English;
            var teamVerbs = context.Phrases("ImperativeVerbs");
            bool TeamVerb(Words w) => teamVerbs.StartOf(w) is not null;

            // "We will ...", "Continue to ...": the action is read from the verb after the promise.
            var text = ActionShape.WithoutMarkers(action);
            var leadIns = context.Phrases("ActionLeadIns");
            bool promised = false;
            for (int guard = 0; guard < 3; guard++)
            {
                var lead = leadIns.StartOf(Words.Of(text));
                if (lead is null) break;
                text = SkipWords(text, Words.Of(lead).Tokens.Count);
                promised = true;
            }
            var (tokens, compound) = ActionShape.Normalize(text, lexicon, TeamVerb);
            if (tokens.Count == 0) return null;
            var removedVerb = (Func<string, bool>)(word => context.Settings.IsRemoved("ImperativeVerbs", word));
            var qualities = context.Phrases("VagueActionQualities");

            // Prose with its own subject ("We've improved ...", "The team has enhanced ...", "As part of the move we plan
            // to improve ...", "The config needs better coverage"): read from the verb after the subject's auxiliaries.
            var intentions = context.Phrases("VagueActionVerbs");
            if (!promised && (compound is not null || ActionShape.Of(string.Join(" ", tokens), lexicon, TeamVerb, removedVerb).Form != ActionForm.Imperative))
            {
                // "Investigating ways to ...", "Assessing a migration ...": work to decide a change, in any form.
                if (lexicon.IsGerund(tokens[0]) && lexicon.BaseOf(tokens[0]) is string gerundOf
                    && context.Phrases("VagueActionStarts").StartOf(Words.Of(gerundOf + " " + string.Join(" ", tokens.Skip(1)))) is string deciding)
                {
                    return (VagueKind.Decide, deciding);
                }
                var predicate = Predicate(tokens, lexicon);
                if (predicate is null) return BareQuality(tokens, qualities, intentions, lexicon);
                tokens = predicate;
                promised = true;
            }
            // "We will be adding ...": the auxiliaries after the promise.
            while (promised && tokens.Count > 1 && Auxiliaries.Contains(tokens[0]) && !(tokens[0] is "need" or "needs")) tokens = tokens.Skip(1).ToList();

            // "We are changing our procedures ...", "We've improved ...": the verb in its -ing or past form.
            var head = tokens[0];
            if (promised && !lexicon.IsVerb(head) && lexicon.BaseOf(head) is string baseForm)
            {
                tokens = tokens.ToList();
                tokens[0] = head = baseForm;
            }
            var core = Words.Of(string.Join(" ", tokens));
            // "Reassess", "Re-evaluate", "Rethink": the verb again is the same work.
            var again = head.StartsWith("re", StringComparison.Ordinal) && head.Length > 4
                ? Words.Of(head.Substring(head[2] == '-' ? 3 : 2) + " " + string.Join(" ", tokens.Skip(1)))
                : core;
            if ((context.Phrases("VagueActionStarts").StartOf(core) ?? context.Phrases("VagueActionStarts").StartOf(again)) is string start)
            {
                return (VagueKind.Decide, start);
            }

            // Only an imperative has a verb to judge: "Review of the thresholds" and "Alerting should be improved" are
            // noun phrases and passives, ActionItemImperative's to report.
            var shape = ActionShape.Of(string.Join(" ", tokens), lexicon, TeamVerb, removedVerb);
            if (shape.Form != ActionForm.Imperative && !(promised && lexicon.IsVerb(head))) return null;
            if (HasMeasure(words.Tokens)) return null;

            // The verb's object: from the word after the verb to the first preposition or clause; after the
            // preposition when the verb takes one ("Work on better observability").
            int from = 1;
            if (tokens.Count > 2 && ObjectEnds.Contains(tokens[1]) && !(tokens[1] is "so" or "that" or "if" or "whether")) from = 2;
            int end = from;
            while (end < tokens.Count && !ObjectEnds.Contains(tokens[end])) end++;
            var obj = tokens.Skip(from).Take(end - from).ToList();

            var intention = intentions.StartOf(core) ?? intentions.StartOf(again);
            // "Improve the backup script so it verifies every archive's checksum": the clause after "so" names the change.
            // Not when it only promises the incident will not recur ("so that this cannot happen again").
            bool namesChange = end < tokens.Count && tokens[end] == "so" && !tokens.Skip(end).Any(qualities.Contains)
                               && context.Phrases("VagueActionPurposes").FindIn(Words.Of(string.Join(" ", tokens.Skip(end)))) is null;
            if (intention is not null && !namesChange) return (VagueKind.Intention, intention);

            // "Reschedule the migration to an earlier time": a time without its value, anywhere after the verb.
            if (context.Phrases("VagueActionTimings").FindIn(Words.Of(string.Join(" ", tokens.Skip(1)))) is string timing)
            {
                return (VagueKind.Quality, timing);
            }

            for (int i = 0; i < obj.Count; i++)
            {
                if (!qualities.Contains(obj[i])) continue;
                var quality = obj[i] is "more" or "less" && i + 1 < obj.Count ? $"{obj[i]} {obj[i + 1]}" : obj[i];
                return (VagueKind.Quality, quality);
            }

            var nouns = context.Phrases("VagueActionNouns");
            if (context.Phrases("VagueActionLightVerbs").Contains(head))
            {
                // The effort is the object's head noun: "Take a more proactive stance", not "Make the breakers shed work".
                foreach (var (_, _, effortEnd) in nouns.Matches(Words.Of(string.Join(" ", obj))))
                {
                    if (effortEnd == obj.Count) return (VagueKind.Effort, string.Join(" ", tokens.Take(from + effortEnd)));
                }
            }

            // "Set a lock timeout on every migration": a setting named without the value it is set to.
            if (head is "set" or "configure" or "tune" or "adjust" or "define" && obj.Any(context.Phrases("SettingNouns").Contains)
                && !(end < tokens.Count && tokens[end] is "to" or "at" or "of" or "as"))
            {
                return (VagueKind.Setting, string.Join(" ", tokens.Take(end)));
            }

            // "Adding monitoring to prevent similar issues", "Expand testing with more rigorous checks": a practice
            // (monitoring, testing, training) named bare, with no scope but its purpose or a quality.
            if (obj.Count > 0 && (head is "add" or "increase" or "expand" or "extend" or "introduce" or "provide" or "implement")
                && nouns.Contains(obj[obj.Count - 1]) && lexicon.IsGerund(obj[obj.Count - 1]) && !obj.Any(t => t is "the" or "a" or "an" or "our" or "its" or "their"))
            {
                bool purposeOnly = end >= tokens.Count || (tokens[end] == "to" && end + 1 < tokens.Count && lexicon.IsVerb(tokens[end + 1]))
                                   || tokens.Skip(end).Any(qualities.Contains);
                if (purposeOnly) return (VagueKind.Practice, string.Join(" ", tokens.Take(end)));
            }

            // "Accelerate our bootstrapping process", "Update our training and tooling to handle ...": a practice of
            // ours named whole, with nothing after it but its purpose.
            if (obj.Count >= 2 && obj[0] == "our")
            {
                int last = from;
                while (last < tokens.Count && (!ObjectEnds.Contains(tokens[last]) || tokens[last] is "and" or "or")) last++;
                var practice = tokens.Skip(from).Take(last - from).ToList();
                bool nothingAfter = last >= tokens.Count || tokens[last] is "so" or "that" or "because"
                                    || (tokens[last] == "to" && last + 1 < tokens.Count && lexicon.IsVerb(tokens[last + 1]));
                if (nothingAfter && nouns.Contains(practice[practice.Count - 1])) return (VagueKind.Practice, string.Join(" ", practice));
            }
            return null;
        }

        // What stands between a subject and its verb: "We will be adding", "We've already improved", "We plan to".
        private static readonly HashSet<string> Auxiliaries = new HashSet<string>(StringComparer.Ordinal)
        {
            "will", "shall", "should", "must", "can", "would", "could", "be", "been", "being", "have", "has", "had", "are", "is",
            "am", "we've", "we'll", "we're", "we'd", "they've", "they'll", "they're", "it's", "already", "also", "now", "still",
            "further", "actively", "currently", "then", "plan", "plans", "planning", "intend", "intends", "aim", "aims", "want",
            "wants", "going", "to", "continue", "continues", "continuing", "need", "needs", "not",
        };

        // Words that show a verb comes next: a subject's auxiliary or modal.
        private static readonly HashSet<string> VerbMarkers = new HashSet<string>(StringComparer.Ordinal)
        {
            "will", "shall", "should", "must", "have", "has", "had", "are", "is", "we've", "we'll", "we're", "we'd", "plan",
            "plans", "intend", "intends", "need", "needs",
        };

        /// <summary>
        /// The words from the main verb on, in an action written as a sentence with a subject; or null when the action
        /// has none ("Hourly snapshots of ...") or its verb is passive ("Run books have been created ...").
        /// </summary>
        private static List<string>? Predicate(List<string> tokens, VerbLexicon lexicon)
        {
            int limit = Math.Min(tokens.Count - 1, 14);
            for (int i = 0; i < limit; i++)
            {
                if (!VerbMarkers.Contains(tokens[i])) continue;
                // "is"/"are"/"have" open a predicate after a subject only: "we are ...", "the team has ...".
                int j = i;
                while (j < tokens.Count && Auxiliaries.Contains(tokens[j]))
                {
                    // "needs better coverage": "need" with a noun after it is the verb itself.
                    if (tokens[j] is "needs" or "need" && j + 1 < tokens.Count && !Auxiliaries.Contains(tokens[j + 1]) && !lexicon.IsVerb(tokens[j + 1]))
                    {
                        var need = tokens.Skip(j).ToList();
                        need[0] = "need";
                        return need;
                    }
                    j++;
                }
                if (j >= tokens.Count) return null;
                if (j > 0 && tokens[j - 1] is "be" or "been" or "being" or "is" or "are" && lexicon.IsPastParticiple(tokens[j]) && !lexicon.IsGerund(tokens[j])) return null;
                var verb = tokens[j];
                if (lexicon.IsVerb(verb) || lexicon.BaseOf(verb) is not null) return tokens.Skip(j).ToList();
                return null;
            }
            return null;
        }

        // "Enhanced testing", "More alerting": a noun phrase that is only a quality and a practice, with no scope.
        private static (VagueKind, string)? BareQuality(List<string> tokens, PhraseList qualities, PhraseList intentions, VerbLexicon lexicon)
        {
            if (tokens.Count > 3 || tokens.Any(t => ObjectEnds.Contains(t))) return null;
            var first = tokens[0];
            bool quality = qualities.Contains(first) || (lexicon.IsPastParticiple(first) && lexicon.BaseOf(first) is string verb && intentions.Contains(verb));
            return quality && tokens.Count >= 2 ? (VagueKind.Quality, first) : null;
        }

        /// <summary>The finding's message for a vague action.</summary>
        internal static string Message(string action, VagueKind kind, string phrase) => kind switch
        {
            VagueKind.Decide => $"The action '{action}' starts with '{phrase}': it describes work to decide a change, not the change.",
            VagueKind.Intention => $"The action '{action}' is vague ('{phrase}'): it states an intention to make something better, not the change or by how much.",
            VagueKind.Quality => $"The action '{action}' is vague ('{phrase}'): it names a quality to reach, not the change that reaches it.",
            VagueKind.Effort => $"The action '{action}' is vague ('{phrase}'): it promises an effort, not a change.",
            VagueKind.Practice => $"The action '{action}' is vague ('{phrase}'): it names a whole practice, not what changes in it.",
            VagueKind.Setting => $"The action '{action}' is vague ('{phrase}'): it names a setting but not the value to set it to.",
            _ => $"The action '{action}' is vague ('{phrase}').",
        };

        // The text after its first n words, as Words counts them.
        private static string SkipWords(string text, int n)
        {
            int i = 0;
            for (int counted = 0; counted < n; counted++)
            {
                while (i < text.Length && !IsWordChar(text, i)) i++;
                while (i < text.Length && IsWordChar(text, i)) i++;
            }
            return text.Substring(i).TrimStart();
        }

        private static bool IsWordChar(string text, int i)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c)) return true;
            return (c == '\'' || c == '\u2019') && i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]);
        }
    }
}
