using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>
    /// Host names in prose: what reads as an internal machine (db1, web-03, api-7d9f8b6c4-x2x9z, db1.cluster.gitlab.com,
    /// redis.prod.svc.cluster.local) and what does not (v1.2.3, 13.8, e.g., Node.js, ASP.NET, us-east-1, HTTP2, gitlab.com).
    /// Tokens are read by a single pass over the text, no regex, so no input makes it slow.
    /// </summary>
    internal static class HostNames
    {
        /// <summary>A host token: where it starts, how long, and the host in lower case.</summary>
        public readonly struct Token
        {
            public Token(int start, int length, string host)
            {
                Start = start;
                Length = length;
                Host = host;
            }

            public int Start { get; }
            public int Length { get; }
            public string Host { get; }
        }

        /// <summary>What a host token reads as.</summary>
        public enum Verdict
        {
            NotAHost,
            /// <summary>A host with a public name: a registrable domain (gitlab.com) or plain words under one (docs.gitlab.com).</summary>
            PublicShape,
            /// <summary>A host whose name says it is internal.</summary>
            Internal,
        }

        private static bool IsTokenChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';

        // A letter or digit of a script that separates words with spaces (see KnownDetails.WordCharacter).
        private static bool IsGlue(char c) =>
            char.IsLetterOrDigit(c) && !(c >= '\u0E00' && c <= '\u0E7F') && !(c >= '\u2E80' && c <= '\u9FFF') &&
            !(c >= '\uAC00' && c <= '\uD7AF') && !(c >= '\uF900' && c <= '\uFAFF') && !(c >= '\uFF00' && c <= '\uFFEF');

        // Every host name has a digit (db1) or a dot (grafana.acme.io): a plain word is none, and is skipped unread.
        private static bool HasDigitOrDot(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '.' || (c >= '0' && c <= '9')) return true;
            }
            return false;
        }

        /// <summary>
        /// The runs of host characters (letters, digits, '.', '-', '_') in a text that hold a digit or a dot, without the
        /// dots and hyphens at their ends.
        /// </summary>
        public static IEnumerable<Token> Tokens(string text)
        {
            int i = 0;
            while (i < text.Length)
            {
                if (!IsTokenChar(text[i])) { i++; continue; }
                int start = i;
                while (i < text.Length && IsTokenChar(text[i])) i++;
                int end = i;
                // A run glued to other letters (café1.example) is part of a word in another script, not a host.
                if ((start > 0 && IsGlue(text[start - 1])) || (end < text.Length && IsGlue(text[end]))) continue;
                // #incident-123 is a chat channel, $db1 a variable.
                if (start > 0 && (text[start - 1] == '#' || text[start - 1] == '$')) continue;
                while (start < end && (text[start] == '.' || text[start] == '-' || text[start] == '_')) start++;
                while (end > start && (text[end - 1] == '.' || text[end - 1] == '-' || text[end - 1] == '_')) end--;
                if (end - start < 2 || !HasDigitOrDot(text, start, end)) continue;
                yield return new Token(start, end - start, text.Substring(start, end - start).ToLowerInvariant());
            }
        }

        /// <summary>The hosts a text names by their shape (not public-looking names), lower case: what an internal text tells the scanner to look for.</summary>
        public static IEnumerable<string> HostsIn(string text)
        {
            foreach (var token in Tokens(text))
            {
                var original = text.Substring(token.Start, token.Length);
                var verdict = Judge(original, out _);
                if (verdict == Verdict.Internal && IsWrittenAsAHost(original)) yield return token.Host;
                // A name under a registrable domain the team wrote down (grafana.acme.io) is one of theirs.
                else if (verdict == Verdict.PublicShape && token.Host.Count(c => c == '.') >= RegistrableDots(token.Host) + 1) yield return token.Host;
            }
            foreach (Match m in UrlHost.Matches(text)) yield return m.Groups["host"].Value.ToLowerInvariant();
        }

        private static readonly Regex UrlHost = new Regex(@"\b[A-Za-z][A-Za-z0-9+.-]{0,30}://(?:[^\s/@]{0,256}@)?(?<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        /// <summary>A domain as PublicHosts takes it: without scheme, user, port, path, "*." and trailing dot; null if nothing is left.</summary>
        public static string? NormalizePublic(string? host)
        {
            if (string.IsNullOrWhiteSpace(host)) return null;
            var h = host!.Trim().ToLowerInvariant();
            int scheme = h.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) h = h.Substring(scheme + 3);
            int cut = h.IndexOfAny(new[] { '/', '?', '#' });
            if (cut >= 0) h = h.Substring(0, cut);
            int at = h.LastIndexOf('@');
            if (at >= 0) h = h.Substring(at + 1);
            if (!h.StartsWith("[", StringComparison.Ordinal))
            {
                int colon = h.IndexOf(':');
                if (colon >= 0 && h.IndexOf(':', colon + 1) < 0) h = h.Substring(0, colon);
            }
            h = h.Trim('[', ']');
            while (h.StartsWith("*.", StringComparison.Ordinal)) h = h.Substring(2);
            h = h.Trim('.');
            return h.Length == 0 ? null : h;
        }

        /// <summary>
        /// Whether customers may see the host: it is listed, or it is under a listed domain and none of its further
        /// labels has a digit or an internal word.
        /// </summary>
        public static bool IsPublic(string host, ICollection<string> publicHosts)
        {
            if (publicHosts.Count == 0) return false;
            if (publicHosts.Contains(host)) return true;
            int dot = host.IndexOf('.');
            while (dot >= 0)
            {
                var parent = host.Substring(dot + 1);
                if (publicHosts.Contains(parent))
                {
                    var extra = host.Substring(0, dot).Split('.');
                    return extra.All(label => !HasDigit(label) && !IsInternalLabel(label));
                }
                dot = host.IndexOf('.', dot + 1);
            }
            return false;
        }

        /// <summary>
        /// What a host token reads as, by its shape alone. <paramref name="why"/> says what gave an internal host away.
        /// </summary>
        public static Verdict Judge(string token, out string why)
        {
            why = string.Empty;
            var lower = token.ToLowerInvariant();
            if (lower.IndexOf('_') >= 0 || lower.IndexOf("..", StringComparison.Ordinal) >= 0) return Verdict.NotAHost;
            if (lower.IndexOf('.') < 0)
            {
                // WEB01, SQL-03, DC01: a number with a leading zero numbers machines, whatever the case.
                if (NumberedMachine.IsMatch(token))
                {
                    why = $"'{token}' numbers one machine of many";
                    return Verdict.Internal;
                }
                return JudgeSingleLabel(lower, out why);
            }
            var labels = lower.Split('.');
            if (labels.Any(l => l.Length == 0 || l.Length > 63 || l[0] == '-' || l[l.Length - 1] == '-')) return Verdict.NotAHost;
            // Versions, decimals and addresses: 1.2.3, 13.8, v1.2.3, 1.2.3-rc1, 10.0.0.1 (IP addresses are found apart).
            if (IsNumeric(labels[0]) || IsVersionHead(labels[0])) return Verdict.NotAHost;
            var last = labels[labels.Length - 1];
            // e.g., i.e., U.S., a.m.: single letters.
            if (last.Length < 2 || labels.All(l => l.Length == 1)) return Verdict.NotAHost;
            // Node.js, ASP.NET, Vue.js, Socket.IO, Chart.js: products.
            if (Products.Contains(lower) || last == "js") return Verdict.NotAHost;
            if (labels.Length == 2 && last == "net" && token.Substring(0, token.IndexOf('.')).All(c => !char.IsLower(c))) return Verdict.NotAHost;

            if (InternalSuffix(lower) is string suffix)
            {
                why = $"its '.{suffix}' ending is only resolved inside a private network";
                return Verdict.Internal;
            }
            if (Tlds.Contains(last))
            {
                int registrable = RegistrableDots(lower);
                var sub = labels.Take(labels.Length - registrable - 1).ToArray();
                var bad = sub.FirstOrDefault(l => (HasDigit(l) && !IsPublicTechLabel(l)) || IsInternalLabel(l));
                if (bad is not null)
                {
                    why = HasDigit(bad) ? $"its label '{bad}' numbers one machine of many" : $"its label '{bad}' names an internal environment or tool";
                    return Verdict.Internal;
                }
                var domain = labels[labels.Length - registrable - 1];
                if (domain.Split('-').Any(w => w == "internal" || w == "intranet" || w == "intra" || w == "corp"))
                {
                    why = $"'{domain}' names an internal domain";
                    return Verdict.Internal;
                }
                return Verdict.PublicShape;
            }
            // No public ending: db1.cluster, db1.staging, web-03.prod are hosts; file1.txt, m5.xlarge, python3.11 are not.
            if (FileExtensions.Contains(last) || InstanceSizes.IsMatch(last)) return Verdict.NotAHost;
            if (labels.Skip(1).All(IsNumeric)) return Verdict.NotAHost;
            if (JudgeSingleLabel(labels[0], out _) == Verdict.Internal && labels.Skip(1).All(l => l.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')))
            {
                why = $"'{labels[0]}' numbers one machine of many";
                return Verdict.Internal;
            }
            if (labels.Skip(1).Any(IsInternalLabel) && labels.Length >= 2 && labels.All(l => l.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) && token.All(c => !char.IsUpper(c)))
            {
                why = "it names a machine in an internal environment";
                return Verdict.Internal;
            }
            return Verdict.NotAHost;
        }

        // db1, web-03, rabbitmq-1, api-7d9f8b6c4-x2x9z: lower case as written, letters then a number.
        private static Verdict JudgeSingleLabel(string lower, out string why)
        {
            why = string.Empty;
            if (lower.Length < 3 || lower.Length > 63) return Verdict.NotAHost;
            if (!(lower[0] >= 'a' && lower[0] <= 'z')) return Verdict.NotAHost;
            int letters = 0, digits = 0;
            foreach (var c in lower)
            {
                if (c >= 'a' && c <= 'z') letters++;
                else if (c >= '0' && c <= '9') digits++;
                else if (c != '-') return Verdict.NotAHost;
            }
            if (digits == 0 || letters < 2) return Verdict.NotAHost;
            if (PodName.IsMatch(lower))
            {
                why = "it is a Kubernetes pod's generated name";
                return Verdict.Internal;
            }
            if (IsPublicTechLabel(lower)) return Verdict.NotAHost;
            var parts = lower.Split('-');
            // tier-1, mid-2023, covid-19, gpt-4: a word and a number in prose.
            if (parts.Length == 2 && ProseBeforeNumber.Contains(parts[0]) && IsNumeric(parts[1]) && !(parts[1].Length > 1 && parts[1][0] == '0')) return Verdict.NotAHost;
            // Every part a number but the first, which is a word: "node-17" reads as a host, "top-10" does not (above).
            why = $"'{lower}' numbers one machine of many";
            return Verdict.Internal;
        }

        private static readonly Regex PodName = new Regex(@"^[a-z0-9]+(?:-[a-z0-9]+)*-[a-z0-9]{8,10}-[a-z0-9]{5}$",
            RegexOptions.CultureInvariant, SecretScanner.MatchTimeout);

        public static bool IsNumberedMachine(string token) => NumberedMachine.IsMatch(token);

        /// <summary>
        /// Host names are written in lower case; a name with a dot, or a machine numbered with a leading zero (WEB01), is
        /// one whatever its case. "PAY-1423" or "H100" in capitals is a ticket or a product.
        /// </summary>
        public static bool IsWrittenAsAHost(string token) => token.IndexOf('.') >= 0 || !token.Any(char.IsUpper) || IsNumberedMachine(token);

        private static readonly Regex NumberedMachine = new Regex(@"^[A-Za-z]{2,}(?:-[A-Za-z]{2,})*-?0[0-9]{1,3}$", RegexOptions.CultureInvariant, SecretScanner.MatchTimeout);

        private static readonly Regex InstanceSizes = new Regex(@"^(?:nano|micro|small|medium|large|metal|[0-9]*xlarge)$", RegexOptions.CultureInvariant);

        // Letters and digits that name a public thing: protocols, encodings, cloud services, regions, percentiles.
        private static readonly Regex PublicTech = new Regex(
            @"^(?:v[0-9]+[a-z]?|p[0-9]{2,3}|ipv[46]|https?[0-9]|h[1-3]|tls(?:v)?[0-9]*|ssl(?:v)?[0-9]*|sha-?[0-9]+|md[0-9]|utf-?[0-9]+|base-?[0-9]+|" +
            @"oauth[0-9]|x86(?:-64)?|x64|arm(?:v[0-9]+|64)|amd64|aarch64|win(?:32|64)|s3|ec2|gp[23]|io[12]|st1|sc1|k8s|k3s|i18n|l10n|a11y|e2e|" +
            @"b2[bc]|p2p|y2k|mp[34]|h26[45]|vp[89]|av1|web3|log4j|log4shell|gpt-?[0-9]+(?:o)?|covid-?19|sars-cov-2|python[23]|php[0-9]|es[0-9]{1,4}|" +
            @"html5|css3|dns-01|http-01|" +
            // Cloud regions and zones: us-east-1, eu-west-2a, us-central1, europe-west1-b, use1-az4, eastus2.
            @"(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-[0-9][a-z]?|" +
            @"(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)[0-9](?:-[a-z])?|" +
            @"[a-z]{2,4}[0-9]-az[0-9]|(?:east|west|central|north|south|southeast|northeast)(?:us|europe|asia)[0-9]?)$",
            RegexOptions.CultureInvariant, SecretScanner.MatchTimeout);

        // s3-us-west-2 (an S3 endpoint's label) is S3 in a region.
        private static bool IsPublicTechLabel(string label) =>
            PublicTech.IsMatch(label) || (label.StartsWith("s3-", StringComparison.Ordinal) && PublicTech.IsMatch(label.Substring(3)));

        private static readonly HashSet<string> ProseBeforeNumber = new HashSet<string>(StringComparer.Ordinal)
        {
            "tier", "level", "layer", "step", "phase", "stage", "wave", "day", "week", "month", "year", "top", "mid", "pre", "post",
            "type", "class", "category", "grade", "gen", "version", "rev", "part", "page", "section", "chapter", "sev", "severity",
            "priority", "p", "covid", "gpt", "sha", "utf", "iso", "rfc", "win", "windows", "ios", "android", "macos", "python",
            "java", "php", "ruby", "node", "nodejs", "net", "dotnet", "ubuntu", "debian", "rhel", "centos", "fedora", "kernel",
            "postgres", "postgresql", "mysql", "redis", "ipv", "http", "tls", "h", "x", "q", "round", "batch", "group", "item",
            "zone", "region", "rack", "slot", "port", "error", "status", "code", "cve",
        };

        private static readonly HashSet<string> Products = new HashSet<string>(StringComparer.Ordinal)
        {
            "node.js", "asp.net", "ado.net", "vb.net", "socket.io", "vue.js", "next.js", "nuxt.js", "react.js", "d3.js",
            "three.js", "chart.js", "express.js", "ember.js", "angular.js", "backbone.js", "moment.js", "deno.land",
        };

        // Top-level domains a customer text may show a public name under. Not ones that are also file extensions
        // (.sh, .py, .rs, .md, .pl, .so, .pm), so "deploy.sh" is a file, not a host.
        private static readonly HashSet<string> Tlds = new HashSet<string>(StringComparer.Ordinal)
        {
            "com", "net", "org", "io", "dev", "app", "cloud", "co", "ai", "info", "biz", "gov", "edu", "mil", "int", "tech",
            "site", "online", "xyz", "me", "us", "uk", "de", "fr", "nl", "eu", "ca", "au", "jp", "in", "br", "ru", "ch", "se",
            "no", "dk", "fi", "es", "it", "be", "at", "cz", "ie", "nz", "sg", "hk", "kr", "cn", "tw", "za", "mx", "ar", "cl",
            "tv", "cc", "ly", "gg", "fm", "gl", "ws", "page", "link", "network", "systems", "services", "support", "status",
            "email", "digital", "software", "tools", "host", "website", "global", "team", "news", "blog", "store", "shop",
            "aws", "google", "azure", "microsoft", "amazon", "example", "test", "invalid", "arpa", "pt", "pl", "gr", "hu", "ro",
            "il", "tr", "ua", "id", "my", "ph", "vn", "th", "is", "lu", "li", "ee", "lv", "lt", "sk", "si", "hr", "rs", "bg",
        };

        // Ends only a private network resolves.
        private static readonly string[] InternalSuffixes =
        {
            "svc.cluster.local", "cluster.local", "home.arpa", "internal", "local", "localdomain", "lan", "corp", "intranet",
            "intra", "priv", "private", "localhost", "svc", "consul", "home",
        };

        private static string? InternalSuffix(string host)
        {
            foreach (var s in InternalSuffixes)
            {
                if (host.EndsWith("." + s, StringComparison.Ordinal)) return s;
            }
            return null;
        }

        // Labels of a subdomain that name an environment or a tool of the team's own.
        private static readonly HashSet<string> InternalLabels = new HashSet<string>(StringComparer.Ordinal)
        {
            "internal", "intranet", "intra", "corp", "corporate", "local", "lan", "private", "priv", "prod", "production", "prd",
            "staging", "stage", "stg", "dev", "development", "qa", "uat", "preprod", "sandbox", "cluster", "svc", "k8s", "kube",
            "node", "nodes", "db", "database", "mgmt", "admin", "ops", "infra", "vpn", "bastion", "jump", "jumphost", "backend",
            "worker", "workers", "consul", "vault", "grafana", "kibana", "prometheus", "alertmanager", "jenkins", "sentry",
            "nagios", "zabbix", "splunk", "compute", "replica", "primary", "secondary", "master", "slave", "shard", "redis",
            "postgres", "postgresql", "pg", "mysql", "mongo", "mongodb", "kafka", "rabbitmq", "etcd", "zookeeper", "nfs",
            "backup", "backups", "monitoring", "metrics", "logging", "wiki", "confluence", "jira", "gitlab", "runbooks", "argocd",
            "rancher", "elastic", "elasticsearch", "logstash", "loki", "tempo", "jaeger", "pgbouncer", "pgpool", "bind", "ldap",
        };

        private static bool IsInternalLabel(string label) =>
            InternalLabels.Contains(label) || label.Split('-').Any(part => part.Length > 2 && InternalLabels.Contains(part) && part != "node");

        private static readonly HashSet<string> FileExtensions = new HashSet<string>(StringComparer.Ordinal)
        {
            "txt", "log", "md", "json", "yml", "yaml", "xml", "csv", "conf", "cfg", "ini", "toml", "properties", "env", "sh",
            "ps1", "psm1", "psd1", "py", "rb", "go", "rs", "java", "kt", "cs", "ts", "tsx", "jsx", "php", "pl", "pm", "sql",
            "tf", "tfvars", "lock", "pem", "key", "crt", "cer", "pfx", "p12", "html", "htm", "css", "png", "jpg", "gif", "svg",
            "pdf", "zip", "gz", "tgz", "tar", "bak", "dump", "so", "dll", "exe", "jar", "war", "service", "socket", "timer",
            "d", "rpm", "deb", "img", "iso", "qcow2", "vmdk", "h", "c", "cpp", "hpp", "swift", "lua", "r", "ipynb", "docx",
        };

        private static int RegistrableDots(string host)
        {
            // example.co.uk, example.com.au: two labels make the public suffix.
            var labels = host.Split('.');
            if (labels.Length >= 3)
            {
                var second = labels[labels.Length - 2];
                if ((second == "co" || second == "com" || second == "org" || second == "net" || second == "ac" || second == "gov") && labels[labels.Length - 1].Length == 2) return 2;
            }
            return 1;
        }

        private static bool HasDigit(string s)
        {
            foreach (var c in s)
            {
                if (c >= '0' && c <= '9') return true;
            }
            return false;
        }

        private static bool IsNumeric(string s) => s.Length > 0 && s.All(c => c >= '0' && c <= '9');

        // v1, v13, r2: the head of a version.
        private static bool IsVersionHead(string s) =>
            s.Length >= 2 && (s[0] == 'v' || s[0] == 'r') && s.Skip(1).All(c => c >= '0' && c <= '9');
    }
}
