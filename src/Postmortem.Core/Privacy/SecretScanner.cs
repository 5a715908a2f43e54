using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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
    /// Finds secrets that logs, chat and pasted commands pull in: cloud keys and tokens of their known shapes (AWS, Azure,
    /// Google, GitHub, GitLab, Slack, Stripe, SendGrid, Twilio, npm, PyPI, Vault), JWTs, private-key blocks (PEM, OpenSSH,
    /// PGP, and base64 of them), signed-URL signatures, Basic, Bearer and API-key headers, passwords in URLs, connection
    /// strings and command lines (mysql -p, --password, curl -u), Docker registry auth, and assignments of a password,
    /// secret, token or key (DB_PASSWORD=, PGPASSWORD=, client_secret:, "Password: a passphrase").
    /// Shapes and context only, so a git SHA, a UUID, a Kubernetes Secret's name or a word like "password" alone is not
    /// a secret. Each regex sits behind a cheap literal test, has no nested quantifiers and a match timeout.
    /// </summary>
    public static class SecretScanner
    {
        public const string Redacted = "[REDACTED]";

        /// <summary>What a finding is called when a regex gave up on a text: the whole text counts as unscanned.</summary>
        public const string Unscanned = "text too long to scan";

        internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

        private static Regex Pattern(string pattern, RegexOptions options = RegexOptions.None) =>
            new Regex(pattern, options | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

        /// <summary>A shape: its kind, its regex (group "secret" is what gets replaced), a cheap literal test it cannot match without, and a last check of the value.</summary>
        private sealed class Shape
        {
            public Shape(string kind, Regex regex, Func<string, bool> mayMatch, Func<string, bool>? accept = null, int minRun = 0)
            {
                Kind = kind;
                Regex = regex;
                MayMatch = mayMatch;
                Accept = accept;
                MinRun = minRun;
            }

            public string Kind { get; }
            public Regex Regex { get; }
            public Func<string, bool> MayMatch { get; }
            public Func<string, bool>? Accept { get; }

            /// <summary>The shortest run of token characters (letters, digits, + / = _ - . % ~) a match holds: a text without one is skipped at once.</summary>
            public int MinRun { get; }
        }

        private static readonly string[] AwsKeyPrefixes = { "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA" };

        private static readonly string[] KnownTokenPrefixes =
        {
            "dckr_pat_", "dop_v1_", "doo_v1_", "dor_v1_", "shpat_", "shpss_", "shpca_", "shppa_", "hf_", "glsa_", "glc_", "lin_api_", "PMAK-",
            "sq0atp-", "sq0csp-", "AGE-SECRET-KEY-1", "GOCSPX-", "ya29.", "rubygems_", "ATATT3", "sk-",
        };

        // In order of precedence: where two findings start at the same place, the earlier shape names the kind.
        private static readonly Shape[] Shapes =
        {
            new Shape("private key", Pattern(@"(?<secret>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$))"),
                t => t.IndexOf("PRIVATE KEY", StringComparison.Ordinal) >= 0),
            // A PEM private key in base64, as in a Kubernetes Secret's tls.key or a kubeconfig's client-key-data.
            new Shape("private key", Pattern(@"(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2})"),
                t => t.IndexOf("LS0tLS1CRUdJTi", StringComparison.Ordinal) >= 0, Base64Says("PRIVATE KEY"), minRun: 34),
            new Shape("AWS access key", Pattern(@"\b(?<secret>(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[0-9A-Z]{16})\b"),
                t => HasAny(t, AwsKeyPrefixes), minRun: 20),
            new Shape("AWS secret key", Pattern(@"(?i:aws_?secret_?access_?key|secret_?access_?key|aws_?secret_?key)[""']?(?:[ \t]*[:=][ \t]*|[ \t]+)[""']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
                t => Has(t, "secret"), minRun: 40),
            new Shape("GitHub token", Pattern(@"\b(?<secret>gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})"),
                t => HasAny(t, "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"), minRun: 33),
            new Shape("GitLab token", Pattern(@"\b(?<secret>gl(?:pat|dt|rt|ptt|soat|cbt|imt|ft)-[A-Za-z0-9_-]{20,})"),
                t => t.IndexOf("gl", StringComparison.Ordinal) >= 0 && t.IndexOf('-') >= 0, minRun: 26),
            new Shape("Slack token", Pattern(@"\b(?<secret>xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,})"),
                t => HasAny(t, "xox", "xapp-"), minRun: 14),
            new Shape("Slack webhook", Pattern(@"(?<secret>https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]+)"),
                t => t.IndexOf("hooks.slack.com", StringComparison.Ordinal) >= 0, minRun: 16),
            new Shape("Vault token", Pattern(@"\b(?<secret>hv[sbr]\.[A-Za-z0-9_-]{20,})"),
                t => HasAny(t, "hvs.", "hvb.", "hvr."), minRun: 24),
            // Docker's config.json in base64 ('{"auths":'), as a Kubernetes pull secret holds it.
            new Shape("Docker registry auth", Pattern(@"\b(?<secret>eyJhdXRocyI6[A-Za-z0-9+/]{8,}={0,2})"),
                t => t.IndexOf("eyJhdXRocyI6", StringComparison.Ordinal) >= 0, minRun: 20),
            new Shape("JWT", Pattern(@"\b(?<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})"),
                t => t.IndexOf("eyJ", StringComparison.Ordinal) >= 0, minRun: 30),
            new Shape("Google API key", Pattern(@"\b(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])"),
                t => t.IndexOf("AIza", StringComparison.Ordinal) >= 0, minRun: 39),
            new Shape("Stripe key", Pattern(@"\b(?<secret>(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,247}|whsec_[0-9A-Za-z]{24,})"),
                t => HasAny(t, "_live_", "_test_", "whsec_"), minRun: 18),
            new Shape("SendGrid key", Pattern(@"\b(?<secret>SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64})"),
                t => t.IndexOf("SG.", StringComparison.Ordinal) >= 0, minRun: 35),
            new Shape("Twilio key", Pattern(@"\b(?<secret>SK[0-9a-fA-F]{32})\b"),
                t => t.IndexOf("SK", StringComparison.Ordinal) >= 0, minRun: 34),
            new Shape("npm token", Pattern(@"\b(?<secret>npm_[A-Za-z0-9]{36})\b"),
                t => t.IndexOf("npm_", StringComparison.Ordinal) >= 0, minRun: 40),
            new Shape("PyPI token", Pattern(@"\b(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})"),
                t => t.IndexOf("pypi-AgEI", StringComparison.Ordinal) >= 0, minRun: 70),
            // Azure SAS (sig=), AWS and Google presigned URLs, CloudFront signed URLs.
            new Shape("signed URL signature", Pattern(@"[?&;](?:sig|X-Amz-Signature|X-Goog-Signature|Signature)=(?<secret>[A-Za-z0-9%+/=_-]{16,})"),
                t => HasAny(t, "sig=", "Signature="), minRun: 16),
            new Shape("bearer token", Pattern(@"(?i:\bbearer)[ \t]+(?<secret>[A-Za-z0-9\-._~+/]{16,}=*)"),
                t => Has(t, "bearer"), minRun: 16),
            new Shape("basic auth credentials", Pattern(@"(?i:\bbasic)[ \t]+(?<secret>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])"),
                t => Has(t, "basic"), IsBasicCredentials, minRun: 8),
            new Shape("Docker registry auth", Pattern(@"""auth""[ \t]*:[ \t]*""(?<secret>[A-Za-z0-9+/]{8,}={0,2})"""),
                t => t.IndexOf("\"auth\"", StringComparison.Ordinal) >= 0, minRun: 8),
            // user:password@ in a URL; the password may hold '@' and ':', so it runs to the last '@' before the host.
            new Shape("password in a URL", Pattern(@"\b[a-zA-Z][a-zA-Z0-9+.-]{0,30}://[^\s/:@]{0,256}:(?<secret>[^\s/?]+)@"),
                t => t.IndexOf("://", StringComparison.Ordinal) >= 0),
            // curl -u user:password, httpie --auth user:password, quoted or not.
            new Shape("password option", Pattern(@"(?:^|[\s""'`(])(?:-u|--user|--proxy-user|--auth)[ \t=]*(?:(?<q>[""'])(?<user>[^\s:""']{1,256}):(?<secret>[^""'\r\n]+)\k<q>|(?<user>[^\s:""']{1,256}):(?<secret>[^\s""']+))"),
                t => HasAny(t, "-u", "--user", "--proxy-user", "--auth")),
            new Shape("password option", Pattern(@"\b(?i:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlsh|mariadb|mariadb-dump)\b[^\r\n|;&]{0,300}?[ \t]-p(?:'(?<secret>[^'\r\n]+)'|""(?<secret>[^""\r\n]+)""|(?<secret>[^\s'""]+))"),
                t => Has(t, "mysql") || Has(t, "mariadb")),
            // redis-cli -a, docker login -p, sshpass -p: a password after a short option of the tool's own.
            new Shape("password option", Pattern(@"\b(?:redis-cli\b[^\r\n|;&]{0,300}?[ \t](?:-a|--pass)|docker login\b[^\r\n|;&]{0,300}?[ \t]-p|sshpass\b[^\r\n|;&]{0,100}?[ \t]-p)[ \t]*(?:'(?<secret>[^'\r\n]+)'|""(?<secret>[^""\r\n]+)""|(?<secret>[^\s'""]+))"),
                t => HasAny(t, "redis-cli", "docker login", "sshpass")),
            // <password>...</password> in Maven's settings.xml and other XML.
            new Shape("password", Pattern(@"<(?<name>(?:[A-Za-z_]+:)?(?i:password|passwd|passphrase|secret|token|api_?key|access_?key|client_?secret|private_?key))>(?<secret>[^<\r\n]{1,512})</"),
                t => t.IndexOf("</", StringComparison.Ordinal) >= 0),
            // Newer services' tokens, known by their prefixes.
            new Shape("API token", Pattern(@"\b(?<secret>(?:dckr_pat_|dop_v1_|doo_v1_|dor_v1_|shpat_|shpss_|shpca_|shppa_|hf_|glsa_|glc_|lin_api_|PMAK-|sq0atp-|sq0csp-|AGE-SECRET-KEY-1|GOCSPX-|ya29\.|rubygems_|ATATT3|sk-ant-|sk-proj-|sk-svcacct-|sk-)[A-Za-z0-9_\-.=]{16,})"),
                t => HasAny(t, KnownTokenPrefixes), LooksGeneratedAfterPrefix, minRun: 19),
        };

        // The part after a known prefix looks generated: letters and digits mixed, not a word or a name.
        private static bool LooksGeneratedAfterPrefix(string value)
        {
            int from = value.IndexOfAny(new[] { '_', '-', '.' }, 2);
            var rest = from < 0 ? value : value.Substring(from + 1);
            bool letter = false, digit = false;
            foreach (var c in rest)
            {
                letter |= char.IsLetter(c);
                digit |= char.IsDigit(c);
            }
            return letter && digit && rest.Length >= 12;
        }

        // The longest run of characters a token, key or base64 value is made of: most texts have none of 16 or more.
        private static int LongestTokenRun(string text)
        {
            int longest = 0, run = 0;
            foreach (var c in text)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == '.' || c == '%' || c == '~')
                {
                    if (++run > longest) longest = run;
                }
                else run = 0;
            }
            return longest;
        }

        internal static bool Has(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool HasAny(string text, params string[] words)
        {
            foreach (var word in words)
            {
                if (text.IndexOf(word, StringComparison.Ordinal) >= 0) return true;
            }
            return false;
        }

        /// <summary>The secrets in one text, in order, without overlaps: findings that overlap are one finding.</summary>
        public static IEnumerable<(string Kind, int Index, int Length)> Find(string? text) => FindAll(text);

        internal static List<(string Kind, int Index, int Length)> FindAll(string? text)
        {
            var result = new List<(string Kind, int Index, int Length)>();
            if (string.IsNullOrEmpty(text)) return result;
            var candidates = new List<Candidate>();
            int longestRun = LongestTokenRun(text!);
            try
            {
                for (int rank = 0; rank < Shapes.Length; rank++)
                {
                    var shape = Shapes[rank];
                    if (longestRun < shape.MinRun || !shape.MayMatch(text!)) continue;
                    for (var match = shape.Regex.Match(text!); match.Success; match = match.NextMatch())
                    {
                        var secret = match.Groups["secret"];
                        if (!secret.Success || secret.Length == 0) continue;
                        var value = secret.Value;
                        if (SecretValues.IsPlaceholder(value)) continue;
                        if (shape.Accept is not null && !shape.Accept(value)) continue;
                        var user = match.Groups["user"];
                        if (user.Success && !SecretValues.IsCommandLineCredential(user.Value, value)) continue;
                        candidates.Add(new Candidate(secret.Index, secret.Length, rank, shape.Kind));
                    }
                }
                SecretAssignments.Find(text!, Shapes.Length, candidates);
            }
            catch (RegexMatchTimeoutException)
            {
                // Never with these patterns on real text; if it happens, nothing of the text is taken as safe.
                result.Add((Unscanned, 0, text!.Length));
                return result;
            }
            if (candidates.Count == 0) return result;
            // Sorted by start (then precedence), then swept once: overlapping findings become one that covers them all.
            candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : b.End.CompareTo(a.End));
            var current = candidates[0];
            int end = current.End;
            for (int i = 1; i < candidates.Count; i++)
            {
                var next = candidates[i];
                if (next.Start < end)
                {
                    if (next.End > end) end = next.End;
                    continue;
                }
                result.Add((current.Kind, current.Start, end - current.Start));
                current = next;
                end = next.End;
            }
            result.Add((current.Kind, current.Start, end - current.Start));
            return result;
        }

        /// <summary>Every secret in every text field of the postmortem.</summary>
        public static List<SecretFinding> Scan(Postmortem postmortem) =>
            Fields.Of(postmortem).SelectMany(f => FindAll(f.Text).Select(s => new SecretFinding(s.Kind, f.Name, s.Index, s.Length))).ToList();

        /// <summary>The text with each secret replaced by [REDACTED].</summary>
        public static string Redact(string text) => Redact(text, FindAll(text));

        /// <summary>The text with the given findings (in order, without overlaps, as <see cref="Find"/> gives them) replaced by [REDACTED], in one pass.</summary>
        internal static string Redact(string text, List<(string Kind, int Index, int Length)> found)
        {
            if (found.Count == 0) return text;
            var builder = new StringBuilder(text.Length + found.Count * Redacted.Length);
            int at = 0;
            foreach (var (_, index, length) in found)
            {
                builder.Append(text, at, index - at).Append(Redacted);
                at = index + length;
            }
            return builder.Append(text, at, text.Length - at).ToString();
        }

        // A Basic header's value is base64 of user:password.
        private static bool IsBasicCredentials(string value)
        {
            var decoded = SecretValues.DecodeBase64(value, value.Length);
            return decoded is not null && decoded.IndexOf(':') > 0 && decoded.All(c => c >= ' ' && c < 127);
        }

        private static Func<string, bool> Base64Says(string what) => value =>
        {
            var decoded = SecretValues.DecodeBase64(value, 96);
            return decoded is not null && decoded.IndexOf(what, StringComparison.Ordinal) >= 0;
        };
    }

    /// <summary>A finding before overlaps are resolved: where, its shape's precedence, its kind.</summary>
    internal readonly struct Candidate
    {
        public Candidate(int start, int length, int rank, string kind)
        {
            Start = start;
            End = start + length;
            Rank = rank;
            Kind = kind;
        }

        public int Start { get; }
        public int End { get; }
        public int Rank { get; }
        public string Kind { get; }
    }
}
