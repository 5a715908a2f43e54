using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>A secret found in a field: what kind, where, and the text to replace.</summary>
    public sealed class SecretFinding
    {
        public SecretFinding(string kind, string field, int index, int length)
        {
            Kind = kind;
            Field = field;
            Index = index;
            Length = length;
        }

        public string Kind { get; }

        /// <summary>Where: RootCause, Timeline[3], ActionItems[1].Tracking.</summary>
        public string Field { get; }

        public int Index { get; }

        public int Length { get; }
    }

    /// <summary>
    /// Finds secrets that logs and chat pull in: cloud and chat tokens of their known shapes, JWTs, private-key
    /// blocks, password and token assignments, bearer headers, and connection strings or URLs with a password.
    /// Shapes only, so a git SHA, a UUID or a word like "password" alone is not a secret.
    /// </summary>
    public static class SecretScanner
    {
        public const string Redacted = "[REDACTED]";

        // Each pattern's group "secret" (or the whole match) is what gets replaced.
        // Each comes with a cheap test for the literal text it cannot match without, so most text never reaches a regex.
        private static readonly (string Kind, Regex Pattern, Func<string, bool> MayMatch)[] Patterns =
        {
            ("private key", new Regex(@"(?<secret>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$))", RegexOptions.CultureInvariant), t => t.IndexOf("PRIVATE KEY", StringComparison.Ordinal) >= 0),
            ("AWS access key", new Regex(@"\b(?<secret>(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16})\b", RegexOptions.CultureInvariant), t => AwsKeyPrefixes.Any(prefix => t.IndexOf(prefix, StringComparison.Ordinal) >= 0)),
            ("AWS secret key", new Regex(@"(?i:aws_?secret_?access_?key|secret_?access_?key)[""']?\s*[:=]\s*[""']?(?<secret>[A-Za-z0-9/+=]{40})\b", RegexOptions.CultureInvariant), t => Has(t, "secret")),
            ("GitHub token", new Regex(@"\b(?<secret>gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b", RegexOptions.CultureInvariant), t => t.IndexOf("gh", StringComparison.Ordinal) >= 0 || t.IndexOf("github_pat_", StringComparison.Ordinal) >= 0),
            ("Slack token", new Regex(@"\b(?<secret>xox[abposr]-[A-Za-z0-9-]{10,})", RegexOptions.CultureInvariant), t => t.IndexOf("xox", StringComparison.Ordinal) >= 0),
            ("Slack webhook", new Regex(@"(?<secret>https://hooks\.slack\.com/services/[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]+)", RegexOptions.CultureInvariant), t => t.IndexOf("hooks.slack.com", StringComparison.Ordinal) >= 0),
            ("Vault token", new Regex(@"\b(?<secret>hv[sbr]\.[A-Za-z0-9_-]{20,})", RegexOptions.CultureInvariant), t => t.IndexOf("hv", StringComparison.Ordinal) >= 0),
            ("JWT", new Regex(@"\b(?<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})", RegexOptions.CultureInvariant), t => t.IndexOf("eyJ", StringComparison.Ordinal) >= 0),
            ("bearer token", new Regex(@"(?i:\bbearer)\s+(?<secret>[A-Za-z0-9\-._~+/]{16,}=*)", RegexOptions.CultureInvariant), t => Has(t, "bearer")),
            ("password in a URL", new Regex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/:@]*:(?<secret>[^\s/@]+)@", RegexOptions.CultureInvariant), t => t.IndexOf("://", StringComparison.Ordinal) >= 0),
            // The key may end a longer name (DB_PASSWORD, GITHUB_TOKEN): no letter or digit may stand right before it.
            ("password", new Regex(@"(?i:(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|client_secret|api_?key|apikey|access_?token|auth_?token|token))[""']?\s*[:=]\s*(?<secret>""[^""\r\n]+""|'[^'\r\n]+'|[^\s;,&""'<>]+)", RegexOptions.CultureInvariant), t => (t.IndexOf('=') >= 0 || t.IndexOf(':') >= 0) && (Has(t, "pass") || Has(t, "pwd") || Has(t, "secret") || Has(t, "api") || Has(t, "token"))),
        };

        private static readonly string[] AwsKeyPrefixes = { "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA" };

        private static bool Has(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

        // Values that only stand in for a secret: masks, variables, empty placeholders.
        private static readonly Regex Placeholder = new Regex(@"^[""']?(?:\*+|x{3,}|\.{3}|<[^>]*>|\[[^\]]*\]|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_]+%|\{\{[^}]*\}\}|redacted|changeme|null|none|true|false|yes|no|required|optional|reset|rotation|rotated|expired)[""']?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The secrets in one text, without overlaps.</summary>
        public static IEnumerable<(string Kind, int Index, int Length)> Find(string? text)
        {
            if (string.IsNullOrEmpty(text)) yield break;
            var taken = new List<(int Start, int End)>();
            foreach (var (kind, pattern, mayMatch) in Patterns)
            {
                if (!mayMatch(text!)) continue;
                foreach (Match match in pattern.Matches(text))
                {
                    var group = match.Groups["secret"];
                    var value = group.Success ? group : (Group)match;
                    if (value.Length == 0 || Placeholder.IsMatch(value.Value)) continue;
                    if (kind == "password" && !LooksLikeCredential(value.Value)) continue;
                    if (taken.Any(t => value.Index < t.End && t.Start < value.Index + value.Length)) continue;
                    taken.Add((value.Index, value.Index + value.Length));
                    yield return (kind, value.Index, value.Length);
                }
            }
        }

        // "Secret: nothing was lost" is prose; "password=hunter2" is not. An unquoted value counts when it has a digit,
        // a symbol or mixed case, or is long; a quoted one always does.
        private static bool LooksLikeCredential(string value)
        {
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'')) return true;
            if (value.Length >= 12) return true;
            bool digit = value.Any(char.IsDigit), upper = value.Any(char.IsUpper), lower = value.Any(char.IsLower);
            bool symbol = value.Any(c => !char.IsLetterOrDigit(c));
            return digit || symbol || (upper && lower);
        }

        /// <summary>Every secret in every text field of the postmortem.</summary>
        public static List<SecretFinding> Scan(Postmortem postmortem) =>
            Fields.Of(postmortem).SelectMany(f => Find(f.Text).Select(s => new SecretFinding(s.Kind, f.Name, s.Index, s.Length))).ToList();

        /// <summary>The text with each secret replaced by [REDACTED].</summary>
        public static string Redact(string text)
        {
            var found = Find(text).OrderByDescending(s => s.Index).ToList();
            foreach (var (_, index, length) in found) text = text.Substring(0, index) + Redacted + text.Substring(index + length);
            return text;
        }
    }
}
