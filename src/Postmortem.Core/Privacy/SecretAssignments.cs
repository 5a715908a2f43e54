using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>
    /// Secrets given by name: DB_PASSWORD=..., PGPASSWORD=..., "client_secret": "...", X-API-Key: ..., AccountKey=...,
    /// --password ..., Authorization: ..., "Password: correct horse battery staple", "the password is ...".
    /// One pass over the text's ':' and '=' reads the name before each and the value after it, so the cost is linear.
    /// </summary>
    internal static class SecretAssignments
    {
        private enum Label
        {
            None,
            Password,
            Token,
            Secret,
            Authorization,
        }

        // A name that ends in one of these words (case and separators aside) names a password, token or secret.
        // "key" names a secret after one of these: api key, access key, AccountKey, SharedAccessKey, X-API-Key.
        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "api", "access", "secret", "private", "account", "storage", "master", "encryption", "signing", "subscription",
            "auth", "shared", "client", "app", "webhook", "admin", "root", "license", "ingest",
        };

        private static readonly string[] GluedKeyEndings = { "apikey", "accesskey", "secretkey", "privatekey", "accountkey" };

        private static readonly string[] Words = { "pass", "pw", "secret", "token", "key", "auth" };

        // A flag and the value after a space: --password x, --token abc.def, -password x. The name is judged in code.
        private static readonly Regex Flag = new Regex(
            @"(?<![\w-])(?<flag>--?[A-Za-z][A-Za-z0-9_-]{1,40})[ \t]+(?:""(?<value>[^""\r\n]+)""|'(?<value>[^'\r\n]+)'|(?<value>[^\s""'-][^\s""']*))",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        // "the password is Tr0ub4dor&3", "the recovery passphrase is "..."".
        private static readonly Regex PasswordIs = new Regex(
            @"(?i:\bpass(?:word|phrase|wd)[ \t]+(?:is|was)[ \t]+)(?:""(?<quoted>[^""\r\n]+)""|'(?<quoted>[^'\r\n]+)'|(?<value>[^\s""']+))",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        public static void Find(string text, int rank, List<Candidate> found)
        {
            bool separator = text.IndexOf(':') >= 0 || text.IndexOf('=') >= 0, dash = text.IndexOf('-') >= 0;
            if (separator || dash)
            {
                bool named = false;
                foreach (var word in Words) named = named || SecretScanner.Has(text, word);
                if (named && separator) FindAssignments(text, rank, found);
                if (named && dash) FindFlags(text, rank, found);
            }
            if (SecretScanner.Has(text, "pass")) FindPasswordIs(text, rank, found);
        }

        private static void FindAssignments(string text, int rank, List<Candidate> found)
        {
            var separators = new[] { ':', '=' };
            for (int i = text.IndexOfAny(separators); i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(separators, i + 1) : -1)
            {
                char separator = text[i];
                char after = i + 1 < text.Length ? text[i + 1] : '\0';
                if (separator == '=' && (after == '=' || after == '>' || (i > 0 && (text[i - 1] == '!' || text[i - 1] == '<' || text[i - 1] == '>' || text[i - 1] == '=')))) continue;
                if (separator == ':' && (after == ':' || after == '/' || (i > 0 && text[i - 1] == ':'))) continue;
                int valueFrom = separator == ':' && after == '=' ? i + 2 : i + 1;

                if (!ReadName(text, i, out int nameStart, out int nameEnd)) continue;
                var label = LabelOf(text, nameStart, nameEnd, out bool compound);
                if (label == Label.None) continue;

                int v = valueFrom;
                while (v < text.Length && (text[v] == ' ' || text[v] == '\t')) v++;
                bool spaced = v > valueFrom;
                if (v >= text.Length || text[v] == '\r' || text[v] == '\n') continue;
                // "Token: 3 retries", "Secret: istio-ca-root-cert": a plain word, a colon and a space read as prose.
                bool prose = separator == ':' && spaced && !compound;
                if (label == Label.Authorization) TakeAuthorization(text, v, rank, found);
                else TakeValue(text, v, label, prose, allowPassphrase: separator == ':' && spaced, rank, found);
            }
        }

        // The name before a separator: letters, digits, '_', '-', '.', perhaps quoted, perhaps spaces before the separator.
        private static bool ReadName(string text, int separator, out int start, out int end)
        {
            start = end = 0;
            int j = separator - 1;
            while (j >= 0 && (text[j] == ' ' || text[j] == '\t')) j--;
            char quote = '\0';
            if (j >= 0 && (text[j] == '"' || text[j] == '\'')) { quote = text[j]; j--; }
            end = j + 1;
            while (j >= 0 && end - j <= 64 && IsNameChar(text[j])) j--;
            start = j + 1;
            if (start == end) return false;
            if (quote != '\0')
            {
                if (j < 0 || text[j] != quote) return false;
                j--;
            }
            if (j >= 0)
            {
                char before = text[j];
                if (IsNameChar(before) || before == '/' || before == '\\' || before == '@') return false;
                // An ARN or URN (arn:aws:secretsmanager:...:secret:name) is not an assignment; npm's "//host/:_authToken=" is.
                if (before == ':' && j > 0 && char.IsLetterOrDigit(text[j - 1])) return false;
            }
            return true;
        }

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.';

        /// <summary>What the name names, by its last word: DB_PASSWORD, PGPASSWORD, clientSecret, X-API-Key, SharedAccessKey.</summary>
        private static Label LabelOf(string text, int start, int end, out bool compound)
        {
            compound = false;
            bool named = false;
            foreach (var word in Words) named = named || text.IndexOf(word, start, end - start, StringComparison.OrdinalIgnoreCase) >= 0;
            if (!named) return Label.None;
            var words = SplitName(text, start, end);
            compound = words.Count > 1 || text[start] == '-' || IsAllUpper(text, start, end);
            if (words.Count == 0) return Label.None;
            var last = words[words.Count - 1];
            var previous = words.Count > 1 ? words[words.Count - 2] : null;
            if (last == "authorization") return Label.Authorization;
            if (last == "passphrase" || last == "pwd" || last.EndsWith("password", StringComparison.Ordinal) || last.EndsWith("passwd", StringComparison.Ordinal)) return Label.Password;
            if (last == "pass" && (words.Count > 1 || text[start] == '-')) return Label.Password;
            if (last == "pw" || (last.EndsWith("pw", StringComparison.Ordinal) && last.Length <= 8)) return Label.Password;   // bindpw, rootpw
            if (last == "base" && previous == "key" && words.Count > 2 && words[words.Count - 3] == "secret") return Label.Secret;   // Rails' SECRET_KEY_BASE
            if (last.EndsWith("token", StringComparison.Ordinal)) return Label.Token;
            if (last.EndsWith("secret", StringComparison.Ordinal)) return Label.Secret;
            if (last == "key" && previous is not null && KeyQualifiers.Contains(previous)) return Label.Secret;
            foreach (var ending in GluedKeyEndings)
            {
                if (last.EndsWith(ending, StringComparison.Ordinal)) return Label.Secret;
            }
            return Label.None;
        }

        // Words of a name, lower case: split at '_', '-', '.' and at case changes (clientSecret, APIKey, SharedAccessKey).
        private static List<string> SplitName(string text, int start, int end)
        {
            var words = new List<string>();
            int from = -1;
            for (int i = start; i <= end; i++)
            {
                bool boundary = i == end || !char.IsLetterOrDigit(text[i]);
                bool caseBreak = !boundary && from >= 0 && char.IsUpper(text[i]) &&
                    (char.IsLower(text[i - 1]) || (i + 1 < end && char.IsUpper(text[i - 1]) && char.IsLower(text[i + 1])));
                if ((boundary || caseBreak) && from >= 0)
                {
                    words.Add(text.Substring(from, i - from).ToLowerInvariant());
                    from = -1;
                }
                if (!boundary && from < 0) from = i;
            }
            return words;
        }

        private static bool IsAllUpper(string text, int start, int end)
        {
            bool letter = false;
            for (int i = start; i < end; i++)
            {
                if (char.IsLower(text[i])) return false;
                letter |= char.IsUpper(text[i]);
            }
            return letter && end - start > 1;
        }

        private static void TakeValue(string text, int v, Label label, bool prose, bool allowPassphrase, int rank, List<Candidate> found)
        {
            if (!ReadValue(text, v, out int start, out int end, out bool quoted)) return;
            var value = text.Substring(start, end - start);
            if (SecretValues.IsPlaceholder(value) || SecretValues.IsPath(value)) return;
            // Code, not a value: password = getpass.getpass(), token = request.headers.get("..."), password: Option<String>.
            if (!quoted && (SecretValues.IsCall(value) || (end < text.Length && "<([".IndexOf(text[end]) >= 0))) return;
            string kind;
            if (label == Label.Password)
            {
                kind = "password";
                if (!quoted && allowPassphrase && IsLetters(value))
                {
                    // "Password: correct horse battery staple": the words up to the end of the phrase, unless they read as prose.
                    if (SecretValues.IsProseWord(value)) return;
                    int phraseEnd = end;
                    int words = 1;
                    while (words < 8 && phraseEnd + 1 < text.Length && text[phraseEnd] == ' ' && char.IsLetter(text[phraseEnd + 1]))
                    {
                        int wordEnd = phraseEnd + 1;
                        while (wordEnd < text.Length && char.IsLetter(text[wordEnd])) wordEnd++;
                        if (wordEnd < text.Length && !IsPhraseEnd(text[wordEnd])) break;
                        if (SecretValues.IsProseWord(text.Substring(phraseEnd + 1, wordEnd - phraseEnd - 1))) return;
                        phraseEnd = wordEnd;
                        words++;
                    }
                    end = phraseEnd;
                    if (words == 1 && value.Length < 4) return;
                }
                else if (!quoted && (value.Length < 3 || (prose && SecretValues.IsProseWord(value)))) return;
            }
            else
            {
                kind = label == Label.Token ? "token" : "secret";
                if (SecretValues.IsName(value) || SecretValues.IsNumberLike(value)) return;
                if (!quoted && value.Length < 8) return;
                if (prose && !SecretValues.LooksGenerated(value)) return;
            }
            found.Add(new Candidate(start, end - start, rank, kind));
        }

        // "Authorization: Basic ...", "Authorization: Bearer ...", "Authorization: token ...", or the credential alone.
        private static void TakeAuthorization(string text, int v, int rank, List<Candidate> found)
        {
            if (!ReadValue(text, v, out int start, out int end, out bool quoted)) return;
            int schemeEnd = start;
            while (schemeEnd < end && char.IsLetter(text[schemeEnd])) schemeEnd++;
            if (schemeEnd == end && end < text.Length && text[end] == ' ' && !quoted)
            {
                // A scheme word and the credential after it.
                if (!ReadValue(text, end + 1, out start, out end, out _)) return;
            }
            else if (quoted && schemeEnd < end && text[schemeEnd] == ' ')
            {
                start = schemeEnd + 1;
            }
            var value = text.Substring(start, end - start);
            if (value.Length < 8 || SecretValues.IsPlaceholder(value) || !SecretValues.LooksGenerated(value)) return;
            found.Add(new Candidate(start, end - start, rank, "authorization header"));
        }

        // A quoted value (inside the quotes, on one line), or a bare one up to white space or a delimiter.
        private static bool ReadValue(string text, int v, out int start, out int end, out bool quoted)
        {
            quoted = false;
            start = end = v;
            if (v >= text.Length) return false;
            char first = text[v];
            if (first == '"' || first == '\'')
            {
                int close = v + 1;
                while (close < text.Length && text[close] != first && text[close] != '\n')
                {
                    if (text[close] == '\\' && close + 1 < text.Length) close++;
                    close++;
                }
                if (close < text.Length && text[close] == first && close > v + 1)
                {
                    quoted = true;
                    start = v + 1;
                    end = close;
                    return true;
                }
                v++;
                start = v;
            }
            int parens = 0, brackets = 0, braces = 0;
            end = v;
            while (end < text.Length)
            {
                char c = text[end];
                if (char.IsWhiteSpace(c) || c == ';' || c == ',' || c == '&' || c == '"' || c == '\'' || c == '<' || c == '>') break;
                if (c == '(') parens++;
                else if (c == ')' && --parens < 0) break;
                else if (c == '[') brackets++;
                else if (c == ']' && --brackets < 0) break;
                else if (c == '{') braces++;
                else if (c == '}' && --braces < 0) break;
                end++;
            }
            // A sentence's full stop is not part of the value: "password=hunter2."
            if (end > start + 1 && text[end - 1] == '.' && (end == text.Length || char.IsWhiteSpace(text[end]))) end--;
            return end > start;
        }

        private static void FindFlags(string text, int rank, List<Candidate> found)
        {
            for (var match = Flag.Match(text); match.Success; match = match.NextMatch())
            {
                var flag = match.Groups["flag"];
                var label = LabelOf(text, flag.Index, flag.Index + flag.Length, out _);
                if (label == Label.None || label == Label.Authorization) continue;
                var group = match.Groups["value"];
                var value = group.Value;
                if (SecretValues.IsPlaceholder(value) || SecretValues.IsPath(value) || SecretValues.IsProseWord(value)) continue;
                if (label != Label.Password && (value.Length < 8 || SecretValues.IsName(value) || SecretValues.IsNumberLike(value))) continue;
                found.Add(new Candidate(group.Index, group.Length, rank, label == Label.Password ? "password option" : label == Label.Token ? "token" : "secret"));
            }
        }

        private static void FindPasswordIs(string text, int rank, List<Candidate> found)
        {
            for (var match = PasswordIs.Match(text); match.Success; match = match.NextMatch())
            {
                var quoted = match.Groups["quoted"];
                if (quoted.Success)
                {
                    if (!SecretValues.IsPlaceholder(quoted.Value)) found.Add(new Candidate(quoted.Index, quoted.Length, rank, "password"));
                    continue;
                }
                var group = match.Groups["value"];
                int length = group.Length;
                while (length > 1 && ".,;:)".IndexOf(text[group.Index + length - 1]) >= 0) length--;
                var value = text.Substring(group.Index, length);
                if (value.Length < 6 || SecretValues.IsPlaceholder(value) || SecretValues.IsProseWord(value) || !SecretValues.LooksGenerated(value)) continue;
                found.Add(new Candidate(group.Index, length, rank, "password"));
            }
        }

        private static bool IsLetters(string value)
        {
            foreach (var c in value)
            {
                if (!char.IsLetter(c)) return false;
            }
            return true;
        }

        private static bool IsPhraseEnd(char c) => c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '.' || c == ',' || c == ';' || c == ')' || c == '!' || c == '?';
    }
}
