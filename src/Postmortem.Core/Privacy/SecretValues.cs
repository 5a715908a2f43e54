using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>What a value after a secret's name must or must not look like to count as the secret itself.</summary>
    internal static class SecretValues
    {
        private static Regex Pattern(string pattern) =>
            new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        // Values that only stand in for a secret: masks, variables and templates, encrypted values, words. With a run
        // of mask characters anywhere (sk_live_****1234), or a reference to where the secret is kept, a value is one too.
        private static readonly Regex Placeholder = Pattern(
            @"^[""']?(?:\*+|•+|x{3,}|\.{3}|…|<[^>]*>?|\[[^\]]*\]?|\(hidden\)|\$[A-Za-z_][A-Za-z0-9_]*|\$\{.*|\$\(.*|%[A-Za-z_]+%|%s|\{\{.*|\{[A-Za-z_.]*\}|ENC\[.*|![A-Za-z]+|vault:.*|" +
            @"redacted|removed|hidden|masked|changeme|changeit|null|nil|none|empty|true|false|yes|no|required|optional|reset|rotation|rotated|expired|revoked|unset|undefined|n/a|tbd|todo|example|" +
            @"your[-_ ].*|.*_here)[""']?$");

        // A reference to where the secret is kept, not the secret: process.env.API_KEY, secrets.TOKEN, os.environ['X'].
        private static readonly Regex Reference = Pattern(@"^(?:process\.env|os\.environ|os\.getenv|env|secrets|vars|settings|config|ENV)[.\[(]");

        // A path on disk: /var/lib/postgresql/data, ~/.ssh/id_rsa, ./certs.
        private static readonly Regex PathLike = Pattern(@"^(?:~|\.{1,2})?(?:/[A-Za-z0-9_.@-]+)+/?$");

        // A number, a time, a version or a rate: 5, 3600, 14:02, 1.4.2, 35%, 10ms, 2026-11-20T15:00:00Z.
        private static readonly Regex NumberLike = Pattern(@"^(?:[+-]?[0-9]+(?:[.,:][0-9]+)*(?:[a-z%]{0,3}|/s)|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9:.]+Z?)?)$");

        /// <summary>Words that make "Password: ..." prose rather than a password: "Password: reset by the user".</summary>
        private static readonly HashSet<string> ProseWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "a", "an", "the", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "not", "no", "never", "and", "or",
            "but", "by", "to", "for", "of", "in", "on", "at", "after", "before", "from", "with", "without", "via", "per", "it", "its",
            "this", "that", "these", "those", "see", "same", "as", "if", "when", "then", "so", "we", "they", "you", "our", "their",
            "reset", "rotated", "rotation", "changed", "change", "updated", "expired", "revoked", "invalid", "incorrect", "wrong",
            "missing", "empty", "blank", "unknown", "required", "optional", "set", "unset", "stored", "saved", "kept", "hidden",
            "masked", "redacted", "removed", "accepted", "rejected", "denied", "ok", "okay", "failed", "verified", "valid", "weak",
            "strong", "protected", "encrypted", "hashed", "generated", "provided", "supplied", "sent", "shared", "leaked", "exposed",
            "found", "new", "old", "default", "disabled", "enabled", "locked", "unlocked", "needed", "done", "none", "n/a", "unchanged",
            "prompt", "prompted", "asked", "entered", "typed", "only", "also", "still", "now", "again", "please", "check", "use",
        };

        // Each regex runs only on values that could match it, judged by their first characters: most values reach none.
        public static bool IsPlaceholder(string value)
        {
            if (value.Length == 0) return true;
            if (value.IndexOf("***", StringComparison.Ordinal) >= 0 || value.IndexOf("•••", StringComparison.Ordinal) >= 0) return true;
            char first = value[0];
            bool mayBePlaceholder = !char.IsLetterOrDigit(first) || first == 'x' || first == 'X' || IsWordLike(value) ||
                value.StartsWith("your", StringComparison.OrdinalIgnoreCase) || value.EndsWith("_here", StringComparison.OrdinalIgnoreCase) ||
                value.StartsWith("ENC[", StringComparison.Ordinal) || value.StartsWith("vault:", StringComparison.OrdinalIgnoreCase);
            if (mayBePlaceholder && Placeholder.IsMatch(value)) return true;
            return (value.IndexOf('.') > 0 || value.IndexOf('[') > 0 || value.IndexOf('(') > 0) && Reference.IsMatch(value);
        }

        // Letters, and '/' for n/a: what the placeholder words are made of.
        private static bool IsWordLike(string value)
        {
            foreach (var c in value)
            {
                if (!char.IsLetter(c) && c != '/') return false;
            }
            return true;
        }

        public static bool IsProseWord(string word) => ProseWords.Contains(word);

        // A call in code: getpass.getpass(), request.headers.get(
        private static readonly Regex Call = Pattern(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\(");

        public static bool IsCall(string value) => value.IndexOf('(') > 0 && Call.IsMatch(value);

        /// <summary>A path with no sign of being a random string (base64 keys may start with '/').</summary>
        public static bool IsPath(string value)
        {
            if (value.Length == 0 || (value[0] != '/' && value[0] != '~' && value[0] != '.') || !PathLike.IsMatch(value)) return false;
            bool upper = false, lower = false, digit = false;
            foreach (var c in value)
            {
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                digit |= c >= '0' && c <= '9';
            }
            return !(upper && lower && digit);
        }

        public static bool IsNumberLike(string value) =>
            value.Length > 0 && (char.IsDigit(value[0]) || value[0] == '+' || value[0] == '-') && NumberLike.IsMatch(value);

        /// <summary>
        /// A name rather than a random string: lower-case words joined by '-', '_' or '.', each all letters, all digits or
        /// short (istio-ca-root-cert, db-credentials-v2, checkout.tls).
        /// </summary>
        public static bool IsName(string value)
        {
            if (value.Length == 0 || !(value[0] >= 'a' && value[0] <= 'z')) return false;
            int start = 0;
            for (int i = 0; i <= value.Length; i++)
            {
                if (i < value.Length)
                {
                    char c = value[i];
                    if (c == '-' || c == '_' || c == '.') { if (!NamePart(value, start, i)) return false; start = i + 1; continue; }
                    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
                }
                else if (!NamePart(value, start, i)) return false;
            }
            return true;
        }

        private static bool NamePart(string value, int start, int end)
        {
            if (end <= start) return false;
            if (end - start <= 4) return true;
            bool letters = true, digits = true;
            for (int i = start; i < end; i++)
            {
                letters &= value[i] >= 'a' && value[i] <= 'z';
                digits &= value[i] >= '0' && value[i] <= '9';
            }
            return letters || digits;
        }

        /// <summary>Whether an unquoted value after a weak label ("token: ...", "Secret: ...") looks generated rather than like a word or a name.</summary>
        public static bool LooksGenerated(string value)
        {
            if (value.Length < 8 || IsName(value) || IsNumberLike(value) || IsPath(value)) return false;
            bool upper = false, lower = false, digit = false, symbol = false;
            foreach (var c in value)
            {
                if (c >= 'A' && c <= 'Z') upper = true;
                else if (c >= 'a' && c <= 'z') lower = true;
                else if (c >= '0' && c <= '9') digit = true;
                else if (c != '-' && c != '_' && c != '.') symbol = true;
            }
            if (value.IndexOf('@') > 0 && value.IndexOf('.') > 0 && !digit) return false;   // an e-mail address
            return (digit && (upper || lower)) || symbol || (upper && lower && value.Length >= 20);
        }

        /// <summary>curl -u user:password, not docker run -u 1000:1000 or chown app:app.</summary>
        public static bool IsCommandLineCredential(string user, string password)
        {
            if (IsPlaceholder(password) || IsPlaceholder(user) || string.Equals(user, password, StringComparison.Ordinal)) return false;
            foreach (var c in password)
            {
                if (c < '0' || c > '9') return true;
            }
            return false;
        }

        /// <summary>The first characters of a base64 (or base64url) value decoded as Latin-1 text, or null if it is not base64.</summary>
        public static string? DecodeBase64(string value, int maxChars)
        {
            var text = value.Length > maxChars ? value.Substring(0, maxChars - maxChars % 4) : value;
            text = text.Replace('-', '+').Replace('_', '/');
            if (text.Length % 4 != 0) return null;
            try
            {
                var bytes = Convert.FromBase64String(text);
                var builder = new StringBuilder(bytes.Length);
                foreach (var b in bytes) builder.Append((char)b);
                return builder.ToString();
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
