using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Postmortems.Rules
{
    /// <summary>
    /// English verbs, derived from WordNet 3.0 by tools/lexicon/Build-VerbLexicon.ps1 into Rules/Lexicon/verbs.txt and
    /// built into the assembly: which words are verbs (and whether they are also nouns or adjectives), the irregular
    /// forms of verbs, and the verb of a noun that names an action ("removal": remove).
    /// </summary>
    internal sealed class VerbLexicon
    {
        private const string Resource = "Postmortems.Rules.Lexicon.verbs.txt";

        [Flags]
        private enum Also : byte
        {
            None = 0,
            Noun = 1,
            Adjective = 2,
            TakesOf = 4,
        }

        // Read on first use, once for the process: Test-Postmortem without action items never pays for it.
        private static readonly Lazy<VerbLexicon> LazyEnglish = new Lazy<VerbLexicon>(Load, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Dictionary<string, Also> _verbs = new Dictionary<string, Also>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _forms = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _nouns = new Dictionary<string, string>(StringComparer.Ordinal);

        public static VerbLexicon English => LazyEnglish.Value;

        public int Count => _verbs.Count;

        /// <summary>The word (lower-case) is a verb's base form: "add", "support", "set".</summary>
        public bool IsVerb(string word) => _verbs.ContainsKey(word);

        public bool IsAlsoNoun(string word) => _verbs.TryGetValue(word, out var also) && (also & Also.Noun) != 0;

        public bool IsAlsoAdjective(string word) => _verbs.TryGetValue(word, out var also) && (also & Also.Adjective) != 0;

        /// <summary>WordNet has the verb with "of" ("dispose of", "think of"), so "of" after it does not make a noun phrase.</summary>
        public bool TakesOf(string word) => _verbs.TryGetValue(word, out var also) && (also & Also.TakesOf) != 0;

        /// <summary>
        /// The base form of an inflected verb ("added", "written", "stopping", "applied"), or null when the word is
        /// no inflection of a verb. Irregular forms come from WordNet; regular ones by the spelling rules.
        /// </summary>
        public string? BaseOf(string word)
        {
            if (_forms.TryGetValue(word, out var irregular)) return irregular;
            if (word.EndsWith("ied", StringComparison.Ordinal)) return Verb(word.Substring(0, word.Length - 3) + "y");
            if (word.EndsWith("ed", StringComparison.Ordinal)) return Stem(word, 2);
            if (word.EndsWith("ing", StringComparison.Ordinal)) return Stem(word, 3);
            return null;
        }

        /// <summary>A past participle, as after "be" in the passive: "added", "written", "improved".</summary>
        public bool IsPastParticiple(string word) =>
            (word.EndsWith("ed", StringComparison.Ordinal) || (_forms.ContainsKey(word) && !word.EndsWith("ing", StringComparison.Ordinal) && !word.EndsWith("s", StringComparison.Ordinal)))
            && BaseOf(word) is not null;

        /// <summary>The -ing form of a verb: "alerting", "removing", "stopping".</summary>
        public bool IsGerund(string word) => word.EndsWith("ing", StringComparison.Ordinal) && BaseOf(word) is not null;

        /// <summary>The verb a noun that names an action comes from ("removal": remove, "improvement": improve), or null.</summary>
        public string? VerbOfNoun(string noun)
        {
            if (_nouns.TryGetValue(noun, out var verb)) return verb;
            // Nouns WordNet lacks, by the common suffixes: "deprecation" (deprecate), "onboarding" (onboard).
            foreach (var (suffix, replacements) in NounSuffixes)
            {
                if (!noun.EndsWith(suffix, StringComparison.Ordinal) || noun.Length <= suffix.Length + 2) continue;
                var stem = noun.Substring(0, noun.Length - suffix.Length);
                foreach (var replacement in replacements)
                {
                    if (Verb(stem + replacement) is string found) return found;
                }
            }
            return null;
        }

        private static readonly (string Suffix, string[] Replacements)[] NounSuffixes =
        {
            ("ation", new[] { "ate", "", "e" }),
            ("ment", new[] { "" }),
            ("ion", new[] { "e", "" }),
            ("al", new[] { "e", "" }),
            ("ing", new[] { "", "e" }),
        };

        private string? Verb(string word) => _verbs.ContainsKey(word) ? word : null;

        // "added" -> add, "improved" -> improve, "stopped" -> stop; the same for -ing.
        private string? Stem(string word, int suffix)
        {
            var stem = word.Substring(0, word.Length - suffix);
            if (stem.Length < 2) return null;
            if (Verb(stem) is string plain) return plain;
            if (stem.Length >= 3 && stem[stem.Length - 1] == stem[stem.Length - 2] && Verb(stem.Substring(0, stem.Length - 1)) is string undoubled) return undoubled;
            return Verb(stem + "e");
        }

        internal static VerbLexicon Load()
        {
            using var stream = typeof(VerbLexicon).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The verb lexicon ({Resource}) is missing from the assembly.");
            using var reader = new StreamReader(stream);
            return Parse(reader);
        }

        internal static VerbLexicon Parse(TextReader reader)
        {
            var lexicon = new VerbLexicon();
            string? section = null;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                if (line[0] == '[')
                {
                    section = line;
                    continue;
                }
                int space = line.IndexOf(' ');
                var word = space < 0 ? line : line.Substring(0, space);
                var rest = space < 0 ? string.Empty : line.Substring(space + 1);
                switch (section)
                {
                    case "[verbs]":
                        var also = Also.None;
                        foreach (char flag in rest)
                        {
                            also |= flag switch { 'n' => Also.Noun, 'a' => Also.Adjective, 'o' => Also.TakesOf, _ => Also.None };
                        }
                        lexicon._verbs[word] = also;
                        break;
                    case "[forms]":
                        lexicon._forms[word] = rest;
                        break;
                    case "[nouns]":
                        lexicon._nouns[word] = rest;
                        break;
                }
            }
            return lexicon;
        }
    }
}
