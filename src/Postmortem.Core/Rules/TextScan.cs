using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Postmortems.Rules
{
    /// <summary>
    /// Text as the rules read it: lower-case words, with punctuation, hyphens and line breaks as separators, so
    /// "Human-error", "human\nerror" and "human error." all match the phrase "human error", and "blameless" does
    /// not match "blame".
    /// </summary>
    internal sealed class Words
    {
        private Words(string text, List<string> tokens)
        {
            Text = text;
            Tokens = tokens;
        }

        public string Text { get; }

        public List<string> Tokens { get; }

        public static Words Of(string? text)
        {
            var tokens = new List<string>();
            if (text is null) return new Words(string.Empty, tokens);
            var current = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i] == '\u2019' || text[i] == '\u2018' ? '\'' : text[i];
                bool inner = c == '\'' && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]);
                if (char.IsLetterOrDigit(c) || inner)
                {
                    current.Append(char.ToLowerInvariant(c));
                }
                else if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            if (current.Length > 0) tokens.Add(current.ToString());
            return new Words(text, tokens);
        }

        public string First => Tokens.Count > 0 ? Tokens[0] : string.Empty;
    }

    /// <summary>A word list from the settings, matched on whole words.</summary>
    internal sealed class PhraseList
    {
        // Phrases by their first word, longest first and otherwise in the list's order, so a scan looks only at the
        // phrases that can start at each word: one dictionary lookup a word, whatever the size of the list.
        private readonly Dictionary<string, (string Phrase, string[] Tokens)[]> _byFirstWord;
        private readonly HashSet<string> _singleWords;

        public PhraseList(IEnumerable<string> phrases)
        {
            var ordered = phrases
                .Select(p => (Phrase: p, Tokens: Words.Of(p).Tokens.ToArray()))
                .Where(p => p.Tokens.Length > 0)
                .OrderByDescending(p => p.Tokens.Length)
                .ToList();
            _byFirstWord = ordered.GroupBy(p => p.Tokens[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            _singleWords = new HashSet<string>(ordered.Where(p => p.Tokens.Length == 1).Select(p => p.Tokens[0]), StringComparer.Ordinal);
        }

        /// <summary>The first phrase of the list found anywhere in the text, or null.</summary>
        public string? FindIn(Words words)
        {
            for (int start = 0; start < words.Tokens.Count; start++)
            {
                var found = MatchAt(words, start);
                if (found is not null) return found;
            }
            return null;
        }

        /// <summary>Every place a phrase of the list stands in the text: the phrase, and where its words start and end.</summary>
        public IEnumerable<(string Phrase, int Start, int End)> Matches(Words words)
        {
            for (int start = 0; start < words.Tokens.Count; start++)
            {
                var found = MatchAt(words, start);
                if (found is not null) yield return (found, start, start + Words.Of(found).Tokens.Count);
            }
        }

        /// <summary>How many words the phrase that starts at the given word spans, or 0.</summary>
        public int LengthAt(Words words, int start) => Match(words, start).Length;

        /// <summary>The words covered by some phrase of the list, one flag a word.</summary>
        public bool[] Coverage(Words words)
        {
            var covered = new bool[words.Tokens.Count];
            for (int start = 0; start < words.Tokens.Count; start++)
            {
                int length = Match(words, start).Length;
                for (int j = start; j < start + length && j < covered.Length; j++) covered[j] = true;
            }
            return covered;
        }

        /// <summary>The phrase the text starts with, or null.</summary>
        public string? StartOf(Words words) => MatchAt(words, 0);

        public bool Contains(string word) => _singleWords.Contains(word);

        private string? MatchAt(Words words, int start) => Match(words, start).Phrase;

        private (string? Phrase, int Length) Match(Words words, int start)
        {
            if (start >= words.Tokens.Count || !_byFirstWord.TryGetValue(words.Tokens[start], out var candidates)) return (null, 0);
            foreach (var (phrase, tokens) in candidates)
            {
                if (start + tokens.Length > words.Tokens.Count) continue;
                bool match = true;
                for (int j = 1; j < tokens.Length && match; j++) match = words.Tokens[start + j] == tokens[j];
                if (match) return (phrase, tokens.Length);
            }
            return (null, 0);
        }
    }

    /// <summary>Splits prose into sentences, not fooled by "e.g.", "99.9%", "v1.2" or an ellipsis.</summary>
    internal static class Sentences
    {
        public static List<string> Split(string? text)
        {
            var sentences = new List<string>();
            if (string.IsNullOrWhiteSpace(text)) return sentences;
            var source = text!;
            int start = 0;
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                if (c != '.' && c != '!' && c != '?') continue;
                int end = i;
                while (end + 1 < source.Length && (source[end + 1] == '.' || source[end + 1] == '!' || source[end + 1] == '?' || source[end + 1] == '"' || source[end + 1] == '\'' || source[end + 1] == ')')) end++;
                // A sentence ends where the next text starts with a capital, a digit or a quote after white space, or at the end.
                int next = end + 1;
                if (next < source.Length && !char.IsWhiteSpace(source[next])) continue;
                while (next < source.Length && char.IsWhiteSpace(source[next])) next++;
                if (next < source.Length && !(char.IsUpper(source[next]) || char.IsDigit(source[next]) || source[next] == '"' || source[next] == '\'')) continue;
                if (c == '.' && IsAbbreviation(source, start, i)) continue;
                Add(sentences, source.Substring(start, end + 1 - start));
                start = next;
                i = next - 1;
            }
            if (start < source.Length) Add(sentences, source.Substring(start));
            return sentences;
        }

        private static readonly HashSet<string> Abbreviations = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "e.g", "i.e", "etc", "vs", "approx", "dr", "mr", "mrs", "ms", "no", "inc", "ltd", "cf", "al",
        };

        private static bool IsAbbreviation(string text, int sentenceStart, int dot)
        {
            int wordStart = dot;
            while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
            var word = text.Substring(wordStart, dot - wordStart).Trim('(', '"', '\'');
            return Abbreviations.Contains(word);
        }

        private static void Add(List<string> sentences, string sentence)
        {
            var trimmed = sentence.Trim();
            if (trimmed.Length > 0) sentences.Add(trimmed);
        }
    }
}
