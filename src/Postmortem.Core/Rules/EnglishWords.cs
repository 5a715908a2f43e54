using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Postmortems.Rules
{
    /// <summary>
    /// Whether a word is English: a noun, adjective or adverb of WordNet 3.0 (Rules/Lexicon/words.txt, derived by
    /// tools/lexicon/Build-VerbLexicon.ps1) or a verb or a verb's form (<see cref="VerbLexicon"/>). Blame detection asks it
    /// before it takes a word it does not otherwise know for a person's name or handle.
    /// </summary>
    internal static class EnglishWords
    {
        private const string Resource = "Postmortems.Rules.Lexicon.words.txt";

        // Read on first use, once for the process: most checks never meet a word they need it for.
        private static readonly Lazy<HashSet<string>> Words = new Lazy<HashSet<string>>(Load, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The lower-case word, or its singular, is an English noun, adjective, adverb or verb form.</summary>
        public static bool Contains(string word)
        {
            if (Known(word)) return true;
            if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) && Known(word.Substring(0, word.Length - 3) + "y")) return true;
            if (word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal) && Known(word.Substring(0, word.Length - 2))) return true;
            return word.Length > 2 && word.EndsWith("s", StringComparison.Ordinal) && Known(word.Substring(0, word.Length - 1));
        }

        private static bool Known(string word)
        {
            var verbs = VerbLexicon.English;
            return Words.Value.Contains(word) || verbs.IsVerb(word) || verbs.BaseOf(word) is not null;
        }

        private static HashSet<string> Load()
        {
            using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The English word list ({Resource}) is missing from the assembly.");
            using var reader = new StreamReader(stream);
            var words = new HashSet<string>(StringComparer.Ordinal);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length > 0 && line[0] != '#') words.Add(line);
            }
            return words;
        }
    }
}
