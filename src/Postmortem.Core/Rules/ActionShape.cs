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

        public static ActionShape Of(string action, VerbLexicon lexicon, Func<Words, bool> teamVerbAtHead, Func<string, bool> removed)
        {
            var words = Words.Of(WithoutMarkers(action));
            var tokens = words.Tokens;
            var head = words.First;
            if (head.Length == 0) return new ActionShape(ActionForm.NoVerb, head, null, null);
            var next = tokens.Count > 1 ? tokens[1] : string.Empty;
            bool lexiconVerb = lexicon.IsVerb(head) && !removed(head);
            bool isVerb = lexiconVerb || teamVerbAtHead(words);

            if (isVerb)
            {
                // "Alert rules should be added": the noun is the subject of a passive, not an imperative. The team's
                // verbs ("backup", "snapshot") are nouns as often as not.
                if ((lexicon.IsAlsoNoun(head) || !lexiconVerb) && FindPassive(tokens, lexicon, 1, obligingOnly: true) is (string passive, string verb))
                {
                    return new ActionShape(ActionForm.Passive, head, passive, verb);
                }
                if (!lexiconVerb) return new ActionShape(ActionForm.Imperative, head, null, head);
                // "Review of the thresholds": the noun, unless the verb goes with "of" ("Dispose of ...").
                if (next == "of" && lexicon.IsAlsoNoun(head) && !lexicon.TakesOf(head))
                {
                    return new ActionShape(ActionForm.NounPhrase, head, $"{head} of", head);
                }
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
                if (obligingOnly && !(ObligingModals.Contains(tokens[start]) || start != i && tokens[start] is "needs" or "need" or "has" or "have")) continue;
                return (string.Join(" ", tokens.Skip(start).Take(participle + 1 - start)), lexicon.BaseOf(word)!);
            }
            return null;
        }
    }
}
