using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Postmortems.Rules;

namespace Postmortems.Privacy
{
    /// <summary>
    /// What the internal postmortem and the options say to look for: people's names, the hosts and tickets the
    /// postmortem mentions, and the domains customers may see.
    /// </summary>
    internal sealed class KnownDetails
    {
        private KnownDetails()
        {
        }

        /// <summary>Domains customers may see, lower case, without scheme, port or path.</summary>
        public HashSet<string> PublicHosts { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Names matched whatever their case: full names, names that are no English word, handles.</summary>
        public HashSet<string> NamesAnyCase { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Names matched only as written: a first name that is also a word (Will, Mark, Grace), initials (YP).</summary>
        public HashSet<string> NamesAsWritten { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Hosts the postmortem's internal text names, lower case.</summary>
        public HashSet<string> SourceHosts { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Ticket keys the postmortem's action items are tracked by (OPS-42), as written.</summary>
        public HashSet<string> SourceTickets { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public Regex? NamesAnyCasePattern { get; private set; }

        public Regex? NamesAsWrittenPattern { get; private set; }

        // Built once, before the details are shared between checks (the cache hands one instance to every caller).
        private void Freeze()
        {
            NamesAnyCasePattern = NamePattern(NamesAnyCase, RegexOptions.IgnoreCase);
            NamesAsWrittenPattern = NamePattern(NamesAsWritten, RegexOptions.None);
        }

        // What a postmortem gave last time, with a fingerprint of what it was read from: a caller that checks several
        // fields of one postmortem reads its internal text once, and a changed postmortem or changed options are read again.
        private static readonly ConditionalWeakTable<Postmortem, Remembered> Cache = new ConditionalWeakTable<Postmortem, Remembered>();

        private sealed class Remembered
        {
            public Remembered(long fingerprint, KnownDetails known)
            {
                Fingerprint = fingerprint;
                Known = known;
            }

            public long Fingerprint { get; }
            public KnownDetails Known { get; }
        }

        public static KnownDetails From(Postmortem? source, InternalDetailOptions? options)
        {
            if (source is null) return Read(null, options);
            long fingerprint = Fingerprint(source, options);
            lock (Cache)
            {
                if (Cache.TryGetValue(source, out var remembered) && remembered.Fingerprint == fingerprint) return remembered.Known;
            }
            var known = Read(source, options);
            lock (Cache)
            {
                Cache.Remove(source);
                Cache.Add(source, new Remembered(fingerprint, known));
            }
            return known;
        }

        // A hash of everything Read looks at, in order: cheap next to reading it (no tokens, no regexes).
        private static long Fingerprint(Postmortem p, InternalDetailOptions? options)
        {
            unchecked
            {
                long hash = 17;
                void Add(string? text) => hash = hash * 31 + (text is null ? 0 : StringComparer.Ordinal.GetHashCode(text) + text.Length);
                foreach (var text in PeopleText(p)) Add(text);
                foreach (var text in InternalText(p)) Add(text);
                Add(p.Title);
                foreach (var service in p.Impact.ServicesAffected) Add(service);
                if (options is not null)
                {
                    foreach (var host in options.PublicHosts) Add("host:" + host);
                    foreach (var person in options.People) Add("person:" + person);
                }
                return hash;
            }
        }

        private static IEnumerable<string?> PeopleText(Postmortem p)
        {
            foreach (var a in p.Authors) yield return a;
            foreach (var r in p.Reviewers) yield return r;
            foreach (var item in p.ActionItems) yield return item.Owner;
            foreach (var s in p.SignOffs) yield return s.Reviewer;
            // Who approved the customer-facing version is no more the customer's business than the internal reviewers.
            foreach (var s in p.External.SignOffs) yield return s.Reviewer;
            yield return p.Publication?.UpdatedByName;
            yield return p.External.Publication?.UpdatedByName;
        }

        private static KnownDetails Read(Postmortem? source, InternalDetailOptions? options)
        {
            var known = new KnownDetails();
            if (options is not null)
            {
                foreach (var host in options.PublicHosts)
                {
                    var normal = HostNames.NormalizePublic(host);
                    if (normal is not null) known.PublicHosts.Add(normal);
                }
                foreach (var person in options.People) known.AddPerson(person, fromOptions: true);
            }
            if (source is not null) known.ReadPostmortem(source);
            known.Freeze();
            return known;
        }

        private void ReadPostmortem(Postmortem p)
        {
            var product = (p.Title + " " + string.Join(" ", p.Impact.ServicesAffected)).ToLowerInvariant();
            void Person(string? name)
            {
                if (name is null) return;
                // "Priya Natarajan (incident commander)": the name without its role.
                int paren = name.IndexOf('(');
                if (paren > 0) name = name.Substring(0, paren);
                name = name.Trim();
                // The company or product, as an author ("GitLab"), is not a person.
                if (name.Length == 0 || Words(product).Contains(name.ToLowerInvariant())) return;
                AddPerson(name, fromOptions: false);
            }
            foreach (var name in PeopleText(p)) Person(name);

            foreach (var e in p.Timeline)
            {
                // A chat message reads "who: what"; a bot's name is no person's.
                if (string.Equals(e.Source, "slack", StringComparison.OrdinalIgnoreCase))
                {
                    int colon = e.Event.IndexOf(": ", StringComparison.Ordinal);
                    if (colon > 0 && colon <= 60 && !IsBotName(e.Event.Substring(0, colon))) Person(e.Event.Substring(0, colon));
                }
                foreach (Match m in Mention.Matches(e.Event))
                {
                    var who = m.Groups["who"].Value;
                    if (!Broadcasts.Contains(who) && !IsBotName(who)) Person(who);
                }
                foreach (Match m in ActingInitials.Matches(e.Event))
                {
                    var initials = m.Groups["who"].Value;
                    if (!Acronyms.Contains(initials) && !EnglishWords.Contains(initials.ToLowerInvariant())) NamesAsWritten.Add(initials);
                }
            }

            // The hosts the internal text names: a customer text that names one names an internal machine.
            foreach (var text in InternalText(p))
            {
                if (string.IsNullOrEmpty(text)) continue;
                foreach (var host in HostNames.HostsIn(text!)) SourceHosts.Add(host);
            }
            foreach (var item in p.ActionItems)
            {
                if (item.Tracking is string tracking && TicketShape.IsMatch(tracking.Trim())) SourceTickets.Add(tracking.Trim());
            }
        }

        // Everything written for the team rather than for customers, and what it links to.
        private static IEnumerable<string?> InternalText(Postmortem p)
        {
            foreach (var e in p.Timeline)
            {
                yield return e.Event;
                yield return e.Source;
            }
            yield return p.RootCause;
            foreach (var w in p.Whys) yield return w;
            foreach (var f in p.ContributingFactors) yield return f;
            foreach (var w in p.WentWell) yield return w;
            foreach (var w in p.WentPoorly) yield return w;
            foreach (var item in p.ActionItems)
            {
                yield return item.Action;
                yield return item.Tracking;
                yield return item.StatusReason;
            }
            yield return p.LessonsLearned;
            yield return p.Impact.DataLossDescription;
            foreach (var link in p.Links) yield return link.Uri;
            foreach (var section in p.Sections) yield return section.Text;
            yield return p.TrackingUrl;
            yield return p.Publication?.Server;
        }

        private static readonly Regex Mention = new Regex(@"(?<![\w@.])@(?<who>\p{L}[\p{L}\p{N}._-]{0,38}[\p{L}\p{N}]|\p{L})",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        // "YP creates an LVM snapshot", "JD: restarted": initials that act at the start of a sentence.
        private static readonly Regex ActingInitials = new Regex(@"(?:^|[.;!?]\s+)(?<who>\p{Lu}{2,3})(?:\s+\p{Ll}+s\b|:\s)",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        private static readonly Regex TicketShape = new Regex(@"^[A-Z][A-Z0-9]{1,9}-[0-9]{1,7}$", RegexOptions.CultureInvariant, SecretScanner.MatchTimeout);

        internal static readonly HashSet<string> Broadcasts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "here", "channel", "everyone", "all" };

        // Capitals that name a thing, not a person, at the head of a sentence ("DNS fails", "CPU spikes").
        private static readonly HashSet<string> Acronyms = new HashSet<string>(StringComparer.Ordinal)
        {
            "API", "AWS", "GCP", "CDN", "DNS", "SSL", "TLS", "CPU", "GPU", "RAM", "SSD", "HDD", "LVM", "NFS", "SRE", "DBA", "VPN",
            "ELB", "ALB", "NLB", "WAF", "IAM", "KMS", "RDS", "SQS", "SNS", "ECS", "EKS", "GKE", "AKS", "VM", "VMS", "OS", "UI", "UX",
            "QA", "CI", "CD", "PR", "MR", "DB", "IO", "IP", "TCP", "UDP", "SSH", "BGP", "SLA", "SLO", "SLI", "OOM", "GC", "JVM",
            "AZ", "DC", "LB", "HA", "DR", "NOC", "SOC", "ACL", "JWT", "SSO", "MFA", "CSV", "PDF", "URL", "URI", "SQL", "CLI", "SDK",
            "HTTP", "NTP", "SMTP", "IMAP", "LDAP", "RPC", "TTL", "ETL", "ML", "AI", "PM", "AM", "UTC", "EST", "PST", "CET", "US",
            "EU", "UK", "ISP", "CEO", "CTO", "IT", "OK", "NAT", "ARP", "MTU", "RAID", "SAN", "NAS", "CSP", "WAL", "ACK", "PG",
        };

        private static readonly string[] TeamWords =
        {
            "team", "teams", "squad", "group", "guild", "crew", "rotation", "on-call", "oncall", "department", "dept", "org",
            "sre", "sres", "ops", "devops", "secops", "netops", "infra", "infrastructure", "platform", "support", "security",
            "engineering", "engineers", "engineer", "dba", "dbas", "noc", "soc", "qa", "it", "helpdesk", "management", "leads",
            "owners", "everyone", "all", "tbd", "unassigned", "nobody", "none", "bot",
        };

        private static readonly string[] BotWords =
        {
            "bot", "alert", "alertmanager", "pagerduty", "opsgenie", "grafana", "datadog", "jira", "github", "gitlab", "statuspage",
            "sentry", "prometheus", "incident", "workflow", "slackbot", "webhook", "integration", "monitor", "jenkins", "circleci",
        };

        private static bool IsBotName(string name)
        {
            var lower = name.ToLowerInvariant();
            return BotWords.Any(w => lower.IndexOf(w, StringComparison.Ordinal) >= 0);
        }

        private static HashSet<string> Words(string text) =>
            new HashSet<string>(Regex.Split(text, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0), StringComparer.Ordinal);

        /// <summary>
        /// Adds a person: the full name whatever its case, and a full name's first name too (as written when it is also
        /// a word, so "Will" finds Will and not "will"). A handle keeps its '@' off. Teams ("platform team") are no person.
        /// </summary>
        private void AddPerson(string name, bool fromOptions)
        {
            name = Regex.Replace(name.Trim().TrimStart('@'), @"\s+", " ");
            if (name.Length < 2) return;
            var parts = name.Split(' ');
            var lowerParts = parts.Select(w => w.ToLowerInvariant()).ToArray();
            if (!fromOptions)
            {
                if (lowerParts.Any(w => TeamWords.Contains(w))) return;
                if (parts.Length > 4) return;
                // Several lower-case words are a description ("orders team", "whoever is on call"), not a name.
                if (parts.Length > 1 && parts.All(w => w.Length > 0 && !char.IsUpper(w[0]))) return;
            }
            if (parts.Length == 1)
            {
                var single = parts[0];
                if (IsInitials(single)) NamesAsWritten.Add(single);
                else if (EnglishWords.Contains(lowerParts[0]) || single.Length < 3)
                {
                    // "observability" or "Payments" as an owner is a team; "Will" or "Grace" is a person.
                    if (fromOptions || (char.IsUpper(single[0]) && !SoundsLikeATeam(lowerParts[0]))) NamesAsWritten.Add(Capitalized(single));
                }
                else if (fromOptions || !SoundsLikeATeam(lowerParts[0])) NamesAnyCase.Add(single);
                return;
            }
            NamesAnyCase.Add(name);
            var first = parts[0];
            if (first.Length < 2 || IsInitials(first.TrimEnd('.'))) return;
            if (EnglishWords.Contains(lowerParts[0])) NamesAsWritten.Add(Capitalized(first));
            else NamesAnyCase.Add(first);
        }

        private static readonly string[] TeamEndings = { "ing", "ity", "ment", "tion", "sion", "ics", "ness", "ance", "ence", "ogy", "ure", "age", "ops", "ware", "ery", "ships" };

        // A word that names an activity or a field, or a plural of a word: what teams are called.
        private static bool SoundsLikeATeam(string lower) =>
            TeamEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) ||
            (lower.Length > 3 && lower.EndsWith("s", StringComparison.Ordinal) && EnglishWords.Contains(lower.Substring(0, lower.Length - 1)));

        private static bool IsInitials(string word) => word.Length >= 2 && word.Length <= 3 && word.All(char.IsUpper);

        private static string Capitalized(string word) =>
            word.Length == 0 || char.IsUpper(word[0]) ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);

        // A letter or digit of a script that separates words with spaces: a name glued to one is part of a longer word;
        // glued to Chinese, Japanese, Korean or Thai, which write no spaces, it still stands alone.
        internal const string WordCharacter = @"[\p{L}\p{N}_-[\u0E00-\u0E7F\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]]";

        // One alternation of the names, longest first so "Priya Natarajan" wins over "Priya"; whole words only.
        private static Regex? NamePattern(IEnumerable<string> names, RegexOptions options)
        {
            var list = names.Where(n => n.Length > 0).OrderByDescending(n => n.Length).ToList();
            if (list.Count == 0) return null;
            var builder = new StringBuilder(@"(?<!" + WordCharacter + @"|@)(?:");
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) builder.Append('|');
                // A name's space matches any run of spaces, so "Priya  Natarajan" and a line-wrapped name are found too.
                builder.Append(Regex.Escape(list[i]).Replace(@"\ ", @"\s+"));
            }
            builder.Append(@")(?!" + WordCharacter + ")");
            return new Regex(builder.ToString(), options | RegexOptions.CultureInvariant, SecretScanner.MatchTimeout);
        }
    }
}
