using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Postmortems.Rules
{
    /// <summary>How an action item is built, as ActionItemImperative judges it.</summary>
    internal enum ActionForm
    {
        /// <summary>"Add X", "Support Y": a verb in its base form at the head.</summary>
        Imperative,

        /// <summary>"Removal of X", "Better alerting for Y": names the change without a verb to do it.</summary>
        NounPhrase,

        /// <summary>"Alerting should be added": the change happens to something, nobody does it.</summary>
        Passive,

        /// <summary>"Runbook for unsealing", "We should add ...": no verb at the head.</summary>
        NoVerb,
    }

    /// <summary>
    /// The shape of an action item: its head word after any marker ("[P1]", "OPS-123:", "1."), read against the
    /// WordNet-derived <see cref="VerbLexicon"/> and the team's ImperativeVerbs.
    /// </summary>
    internal sealed class ActionShape
    {
        // "[P1] ", "(P2) ", "OPS-1234: ", "#12 ", "1. ", "- ", "TODO: ", "P1: ", "Action: ", one or more.
        private static readonly Regex LeadingMarkers = new Regex(
            @"^\s*(?:(?:\[[^\]]*\]|\([^)]*\)|[A-Z][A-Z0-9]*-\d+|#\d+|\d+[.)]|[-*\u2022]|P[0-4](?=\s*[:\-\u2013\u2014])|(?i:todo|action(?: item)?)(?=\s*:))\s*[:\-\u2013\u2014]?\s*)+",
            RegexOptions.CultureInvariant);

        // Words that start a clause of their own: a passive after one of them is not the action's ("Set up an alert that will be triggered").
        private static readonly HashSet<string> ClauseWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "that", "which", "who", "whom", "whose", "when", "whenever", "where", "while", "if", "unless", "until", "so",
            "because", "since", "before", "after", "once", "as", "how", "why", "what", "whether", "to", "but",
        };

        // After an adjective and a gerund, these end the noun phrase: "Better alerting for ...".
        private static readonly HashSet<string> PhraseEnds = new HashSet<string>(StringComparer.Ordinal)
        {
            "for", "on", "of", "in", "across", "around", "to", "with", "at", "by", "from", "about", "and", "or", "when", "during",
        };

        private static readonly HashSet<string> Be = new HashSet<string>(StringComparer.Ordinal)
        {
            "be", "is", "are", "was", "were", "been", "being", "get", "gets", "got", "gotten",
        };

        // Modals that make a noun before them the subject ("Alert rules should be added"), not an imperative's object.
        private static readonly HashSet<string> Modals = new HashSet<string>(StringComparer.Ordinal)
        {
            "should", "must", "will", "shall", "can", "could", "would", "may", "might",
        };

        private static readonly HashSet<string> ObligingModals = new HashSet<string>(StringComparer.Ordinal) { "should", "must", "will", "shall" };

        private ActionShape(ActionForm form, string head, string? phrase, string? verb)
        {
            Form = form;
            Head = head;
            Phrase = phrase;
            Verb = verb;
        }

        public ActionForm Form { get; }

        /// <summary>The head word, lower-case.</summary>
        public string Head { get; }

        /// <summary>What shows the form: "removal of", "should be added".</summary>
        public string? Phrase { get; }

        /// <summary>The verb the action could start with instead ("remove" for "Removal of ..."), or null.</summary>
        public string? Verb { get; }

        /// <summary>The action without its leading markers ("[P1] Add X": "Add X").</summary>
        public static string WithoutMarkers(string action)
        {
            var match = LeadingMarkers.Match(action);
            return match.Success ? action.Substring(match.Length) : action;
        }

        // A hyphenated word at the head: "Re-introduce ...", "De-risk ...", "Read-only mode for ...".
        private static readonly Regex HyphenatedHead = new Regex(@"^\s*([A-Za-z]+)-([A-Za-z]+)\b", RegexOptions.CultureInvariant);

        // Particles that make a phrasal verb of a verb before a hyphen: "Roll-back ...", "Set-up ...".
        private static readonly HashSet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
        {
            "up", "down", "out", "back", "in", "off", "over",
        };

        // Prefixes that make a verb of a verb: "Re-introduce", "De-risk", "Double-check".
        private static readonly HashSet<string> VerbPrefixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "re", "de", "pre", "un", "co", "dis", "mis", "over", "under", "out", "double", "auto", "cross", "back",
        };

        // Words that open an object: "Load-test the web tier".
        private static readonly HashSet<string> ObjectStarts = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "a", "an", "our", "all", "every", "each", "any", "its", "their", "this", "these", "those", "your", "it", "them",
        };

        // Adjectives in -ly, which start a noun phrase ("Monthly restore tests ..."), not adverbs before the verb
        // ("Manually inspect ...").
        private static readonly HashSet<string> LyAdjectives = new HashSet<string>(StringComparer.Ordinal)
        {
            "hourly", "daily", "nightly", "weekly", "fortnightly", "monthly", "quarterly", "yearly", "early", "only", "likely",
            "timely", "costly", "friendly", "orderly", "elderly", "lonely", "lovely", "ugly", "silly", "holy", "jolly", "curly",
        };

        /// <summary>
        /// The action's words from its verb on, as the rules read them: without leading markers and adverbs ("Manually
        /// inspect ..." is read from "inspect"), a hyphenated verb as one word ("Re-introduce", "De-risk": "reintroduce",
        /// "de-risk"). Compound is set when the head is a hyphenated modifier, not a verb ("Read-only mode ...").
        /// </summary>
        internal static (List<string> Tokens, string? Compound) Normalize(string action, VerbLexicon lexicon, Func<Words, bool> teamVerbAtHead)
        {
            var text = WithoutMarkers(action);
            var tokens = Words.Of(text).Tokens;
            var hyphen = HyphenatedHead.Match(text);
            if (hyphen.Success && tokens.Count >= 2)
            {
                var first = hyphen.Groups[1].Value.ToLowerInvariant();
                var second = hyphen.Groups[2].Value.ToLowerInvariant();
                bool IsVerb(string word) => lexicon.IsVerb(word) || teamVerbAtHead(Words.Of(word));
                var rest = tokens.Skip(2).ToList();
                if (IsVerb(first + second))
                {
                    rest.Insert(0, first + second);
                    return (rest, null);
                }
                // A prefix ("re-", "de-", "double-") makes a verb of a verb; any other first part makes one only when an
                // object follows ("Load-test the web tier"), not a noun ("Per-tenant rate limits", "On-call rotation").
                bool objectFollows = rest.Count > 0 && ObjectStarts.Contains(rest[0]);
                if ((IsVerb(second) && (VerbPrefixes.Contains(first) || objectFollows)) || (IsVerb(first) && Particles.Contains(second) && objectFollows))
                {
                    rest.Insert(0, $"{first}-{second}");
                    return (rest, null);
                }
                return (tokens, $"{first}-{second}");
            }
            int skip = 0;
            while (skip < tokens.Count - 1 && tokens[skip].EndsWith("ly", StringComparison.Ordinal) && tokens[skip].Length > 4
                   && !lexicon.IsVerb(tokens[skip]) && !LyAdjectives.Contains(tokens[skip]))
            {
                skip++;
            }
            return (skip == 0 ? tokens : tokens.Skip(skip).ToList(), null);
        }

        // The verb of a head Normalize gave: "de-risk" is "risk", "roll-back" is "roll".
        private static string VerbOf(string head, VerbLexicon lexicon)
        {
            int dash = head.IndexOf('-');
            if (dash < 0) return head;
            var second = head.Substring(dash + 1);
            return lexicon.IsVerb(second) ? second : head.Substring(0, dash);
        }

        public static ActionShape Of(string action, VerbLexicon lexicon, Func<Words, bool> teamVerbAtHead, Func<string, bool> removed)
        {
            var (tokens, compound) = Normalize(action, lexicon, teamVerbAtHead);
            if (compound is not null)
            {
                // "Read-only mode for ...", "Cross-region replication of ...": a modifier, then the noun.
                var noun = tokens.Count > 2 ? $"{compound} {tokens[2]}" : compound;
                return new ActionShape(ActionForm.NounPhrase, compound, noun, null);
            }
            var head = tokens.Count > 0 ? tokens[0] : string.Empty;
            if (head.Length == 0) return new ActionShape(ActionForm.NoVerb, head, null, null);
            var next = tokens.Count > 1 ? tokens[1] : string.Empty;
            var verbWord = VerbOf(head, lexicon);
            bool lexiconVerb = lexicon.IsVerb(verbWord) && !removed(verbWord) && !removed(head);
            bool isVerb = lexiconVerb || teamVerbAtHead(Words.Of(string.Join(" ", tokens)));

            if (isVerb)
            {
                // "Restore of the snapshot", "Review of the thresholds": a verb is not followed by "of", unless it goes
                // with it ("Dispose of ...").
                if (next == "of" && !lexicon.TakesOf(verbWord))
                {
                    return new ActionShape(ActionForm.NounPhrase, head, $"{head} of", head);
                }
                // "Alert rules should be added": the noun is the subject of a passive, not an imperative. The team's
                // verbs ("backup", "snapshot") are nouns as often as not.
                if ((lexicon.IsAlsoNoun(verbWord) || !lexiconVerb) && FindPassive(tokens, lexicon, 1, obligingOnly: true) is (string passive, string verb))
                {
                    return new ActionShape(ActionForm.Passive, head, passive, verb);
                }
                if (!lexiconVerb) return new ActionShape(ActionForm.Imperative, head, null, head);
                // "Better alerting for ...": an adjective and a gerund.
                if (lexicon.IsAlsoAdjective(head) && lexicon.IsGerund(next) && (tokens.Count == 2 || PhraseEnds.Contains(tokens[2])))
                {
                    return new ActionShape(ActionForm.NounPhrase, head, $"{head} {next}", null);
                }
                return new ActionShape(ActionForm.Imperative, head, null, head);
            }

            // A real passive says most: "Monitoring of the replicas must be improved" is to "Improve ...".
            if (FindPassive(tokens, lexicon, 1, obligingOnly: false) is (string found, string active))
            {
                return new ActionShape(ActionForm.Passive, head, found, active);
            }
            // "Removal of ...", "Monitoring of ...", "Automated testing of ...".
            if (next == "of" || lexicon.IsGerund(next))
            {
                // "Removal" gives remove; "Automated testing", automate.
                var verb = lexicon.VerbOfNoun(head) ?? lexicon.BaseOf(head);
                return new ActionShape(ActionForm.NounPhrase, head, $"{head} {next}", verb);
            }
            return new ActionShape(ActionForm.NoVerb, head, null, lexicon.BaseOf(head));
        }

        private static string? NextVerb(List<string> tokens, int from, VerbLexicon lexicon)
        {
            int i = from;
            while (i < tokens.Count && (tokens[i] is "not" or "never" or "also" or "always" || tokens[i].EndsWith("ly", StringComparison.Ordinal))) i++;
            return i < tokens.Count && (lexicon.IsVerb(tokens[i]) || Be.Contains(tokens[i])) ? tokens[i] : null;
        }

        // "should be added", "will be written", "needs to be tested", "is being rolled out": a form of "be" (or "get"),
        // then perhaps adverbs, then a past participle. With its modal when there is one, and the participle's verb.
        private static (string Phrase, string Verb)? FindPassive(List<string> tokens, VerbLexicon lexicon, int from, bool obligingOnly)
        {
            for (int i = from; i < tokens.Count - 1; i++)
            {
                if (ClauseWords.Contains(tokens[i]) && tokens[i] != "to") return null;
                // "We should add ...", "should not hard delete": a modal with an active verb.
                if (Modals.Contains(tokens[i]) && NextVerb(tokens, i + 1, lexicon) is string active && !Be.Contains(active)) return null;
                if (!Be.Contains(tokens[i])) continue;
                int participle = i + 1;
                while (participle < tokens.Count - 1 && (tokens[participle] is "not" or "never" or "also" or "being" or "always" || tokens[participle].EndsWith("ly", StringComparison.Ordinal))) participle++;
                var word = tokens[participle];
                if (!lexicon.IsPastParticiple(word)) continue;
                int start = i;
                if (start >= 2 && tokens[start - 1] == "to" && tokens[start - 2] is "needs" or "need" or "has" or "have" or "ought") start -= 2;
                else if (start >= 1 && Modals.Contains(tokens[start - 1])) start -= 1;
                // "Run books have been created ...": the perfect passive reports the change as done by nobody.
                else if (start >= 1 && tokens[i] == "been" && tokens[start - 1] is "has" or "have" or "had") start -= 1;
                if (obligingOnly && !(ObligingModals.Contains(tokens[start]) || start != i && tokens[start] is "needs" or "need" or "has" or "have" or "had")) continue;
                return (string.Join(" ", tokens.Skip(start).Take(participle + 1 - start)), lexicon.BaseOf(word)!);
            }
            return null;
        }
    }
}
