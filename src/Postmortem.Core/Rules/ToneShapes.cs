using System;
using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Rules
{
    /// <summary>
    /// The shapes the tone rules read in a sentence, with their words from the settings' word lists (PostmortemRules.psd1,
    /// which a team can change): what hedges a fact (<see cref="Hedge"/>) and what stands where a number belongs
    /// (<see cref="VagueQuantity"/>). Each returns the words it found, for the finding's message, or null.
    /// </summary>
    internal static class ToneShapes
    {
        // The subjects of a belief stated in place of a fact ("we think", "I suspect").
        private static readonly HashSet<string> Believers = new HashSet<string>(StringComparer.Ordinal) { "we", "i", "they" };

        // "is", "are", "remains": what a state of knowledge follows, in the present (in the past, "it was unclear which host
        // was primary" tells what the responders knew then, and is a fact).
        private static readonly HashSet<string> PresentBe = new HashSet<string>(StringComparer.Ordinal) { "is", "are", "remains", "remain", "it's", "that's" };
        private static readonly HashSet<string> PresentBeNot = new HashSet<string>(StringComparer.Ordinal) { "isn't", "aren't" };
        private static readonly HashSet<string> StateAdverbs = new HashSet<string>(StringComparer.Ordinal) { "still", "currently", "now", "also", "yet" };

        private static readonly HashSet<string> Should = new HashSet<string>(StringComparer.Ordinal) { "should", "shouldn't" };
        private static readonly HashSet<string> OutcomeAdverbs = new HashSet<string>(StringComparer.Ordinal) { "not", "also", "now", "further", "eventually", "greatly", "largely", "significantly" };

        // "as far as we can tell", "as far as the DBA knows".
        private static readonly HashSet<string> Knowing = new HashSet<string>(StringComparer.Ordinal) { "tell", "know", "knows", "see", "determine", "understand", "aware" };

        /// <summary>The first hedge in the text: a phrase of Hedges or EpistemicAdverbs not inside a phrase of NotHedges, a
        /// belief ("we think", "our theory is that"), a state of not knowing ("remains unclear"), a hoped outcome ("should address"), or
        /// "as far as ... can tell".</summary>
        public static string? Hedge(Words words, RuleContext context)
        {
            var t = words.Tokens;
            if (t.Count == 0) return null;
            var hedges = context.Phrases("Hedges");
            var adverbs = context.Phrases("EpistemicAdverbs");
            var beliefs = context.Phrases("BeliefVerbs");
            var states = context.Phrases("UncertainStates");
            var outcomes = context.Phrases("HopedOutcomes");
            var beliefNouns = context.Phrases("BeliefNouns");
            var not = context.Phrases("NotHedges").Coverage(words);

            for (int i = 0; i < t.Count; i++)
            {
                foreach (var list in new[] { hedges, adverbs })
                {
                    int length = list.LengthAt(words, i);
                    if (length > 0 && !Covered(not, i, length)) return Join(t, i, length);
                }

                if (Believers.Contains(t[i]))
                {
                    for (int j = i + 1; j <= i + 3 && j < t.Count; j++)
                    {
                        if (beliefs.Contains(t[j])) return Join(t, i, j - i + 1);
                    }
                }

                if (PresentBe.Contains(t[i]) || PresentBeNot.Contains(t[i]))
                {
                    int j = i + 1;
                    while (j < t.Count && StateAdverbs.Contains(t[j])) j++;
                    int length = PresentBeNot.Contains(t[i])
                        ? states.LengthAt(Words.Of("not " + string.Join(" ", t.Skip(j).Take(3))), 0) - 1
                        : states.LengthAt(words, j);
                    if (length > 0) return Join(t, i, j - i + length);
                }

                if (beliefNouns.Contains(t[i]))
                {
                    if (i + 1 < t.Count && t[i + 1] == "that") return Join(t, i, 2);
                    if (i + 2 < t.Count && t[i + 1] == "is" && t[i + 2] == "that") return Join(t, i, 3);
                }

                if (Should.Contains(t[i]))
                {
                    int j = i + 1;
                    while (j < t.Count && OutcomeAdverbs.Contains(t[j])) j++;
                    if (j < t.Count && outcomes.Contains(t[j])) return Join(t, i, j - i + 1);
                }

                if (t[i] == "as" && i + 3 < t.Count && t[i + 1] == "far" && t[i + 2] == "as")
                {
                    for (int j = i + 3; j <= i + 6 && j < t.Count; j++)
                    {
                        if (Knowing.Contains(t[j])) return Join(t, i, j - i + 1);
                    }
                }
            }
            return null;
        }

        // Words that may stand between a quantifier and the number that makes it specific ("a few over 40").
        private static readonly HashSet<string> BeforeNumber = new HashSet<string>(StringComparer.Ordinal) { "over", "under", "more", "less", "than", "about", "around", "nearly", "almost" };

        // Magnitudes: after a quantifier they give no number ("several hundred", "a few thousand").
        private static readonly HashSet<string> Magnitudes = new HashSet<string>(StringComparer.Ordinal) { "hundred", "thousand", "million", "billion", "dozen" };

        /// <summary>The first vague quantity in the text: a phrase of VagueQuantities, a quantifier of VagueQuantifiers
        /// with no number after it, a size of VagueSizes before a noun of QuantityNouns, or a plural unit of QuantityUnits
        /// with no number before it and not pointing back before the incident (EarlierMarkers: "years ago"); none inside a phrase of NotQuantities.</summary>
        public static string? VagueQuantity(Words words, RuleContext context)
        {
            var t = words.Tokens;
            if (t.Count == 0) return null;
            var phrases = context.Phrases("VagueQuantities");
            var quantifiers = context.Phrases("VagueQuantifiers");
            var sizes = context.Phrases("VagueSizes");
            var nouns = context.Phrases("QuantityNouns");
            var units = context.Phrases("QuantityUnits");
            var numbers = context.Phrases("NumberWords");
            var earlier = context.Phrases("EarlierMarkers");
            var not = context.Phrases("NotQuantities").Coverage(words);

            bool IsNumber(string token) => char.IsDigit(token[0]) || numbers.Contains(token);
            bool NumberAfter(int j)
            {
                while (j < t.Count && BeforeNumber.Contains(t[j])) j++;
                return j < t.Count && IsNumber(t[j]) && !Magnitudes.Contains(t[j]);
            }
            bool NumberBefore(int i) => (i >= 1 && IsNumber(t[i - 1])) || (i >= 2 && IsNumber(t[i - 2]));
            // A bare "most" counts before a plural noun or a word of QuantityNouns or QuantityUnits ("most tenants"), not
            // before an adjective ("most severe").
            bool Countable(int j) => j < t.Count && (nouns.Contains(t[j]) || units.Contains(t[j]) ||
                (t[j].Length > 3 && t[j].EndsWith("s", StringComparison.Ordinal) && !t[j].EndsWith("ss", StringComparison.Ordinal) &&
                 !t[j].EndsWith("us", StringComparison.Ordinal) && !t[j].EndsWith("is", StringComparison.Ordinal)));

            for (int i = 0; i < t.Count; i++)
            {
                int length = phrases.LengthAt(words, i);
                if (length > 0 && !Covered(not, i, length) && !NumberAfter(i + length)) return Join(t, i, length);

                length = quantifiers.LengthAt(words, i);
                if (length > 0 && !Covered(not, i, length) && !NumberAfter(i + length) && (length > 1 || t[i] != "most" || Countable(i + 1)))
                {
                    return Join(t, i, length + 1);
                }

                if (sizes.Contains(t[i]) && i + 1 < t.Count && nouns.Contains(t[i + 1]) && !Covered(not, i, 2)) return Join(t, i, 2);

                if (units.Contains(t[i]) && !Covered(not, i, 1) && !NumberBefore(i) && !(i + 1 < t.Count && earlier.Contains(t[i + 1]))) return t[i];
            }
            return null;
        }

        private static bool Covered(bool[] covered, int start, int length)
        {
            for (int j = start; j < start + length; j++)
            {
                if (!covered[j]) return false;
            }
            return true;
        }

        private static string Join(List<string> tokens, int start, int length) =>
            string.Join(" ", tokens.Skip(start).Take(Math.Min(length, tokens.Count - start)));
    }
}
