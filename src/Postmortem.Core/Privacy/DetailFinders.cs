using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>
    /// The finders of internal detail, one per kind. Each regex is anchored by a lookbehind at a token's start or
    /// behind a literal, has no nested quantifier that can backtrack over the same text twice, and a match timeout.
    /// </summary>
    internal static class DetailFinders
    {
        private static Regex Pattern(string pattern, RegexOptions options = RegexOptions.None) =>
            new Regex(pattern, options | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        public static void FindAll(string text, KnownDetails known, List<DetailCandidate> found)
        {
            Secrets(text, found);
            Emails(text, known, found);
            IPAddresses(text, known, found);
            Urls(text, known, found);
            Hosts(text, known, found);
            People(text, known, found);
            Handles(text, found);
            Paths(text, found);
            Channels(text, found);
            Tickets(text, known, found);
            Commands(text, found);
        }

        private static string Quote(string value) => value.Length <= 60 ? $"'{value}'" : $"'{value.Substring(0, 57)}...'";

        // ---- Secrets, e-mail and IP addresses: the project's own detectors, as Protect-Postmortem uses them.

        private static void Secrets(string text, List<DetailCandidate> found)
        {
            foreach (var (kind, index, length) in SecretScanner.FindAll(text))
            {
                var reason = kind == SecretScanner.Unscanned
                    ? "The text is too long to check for secrets; shorten it and check it again."
                    : $"This looks like a {kind}; take it out (and rotate it, since it has been written down): customers never need it.";
                found.Add(new DetailCandidate(InternalDetailKind.Secret, index, length, reason));
            }
        }

        // The mailboxes a company publishes for everyone (support@, security@) at one of its public domains.
        private static readonly HashSet<string> PublicMailboxes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "support", "help", "helpdesk", "security", "privacy", "abuse", "sales", "info", "contact", "billing", "press",
            "status", "feedback", "legal", "noreply", "no-reply", "hello", "customer-success", "customercare", "care", "psirt",
        };

        private static bool IsPublicMailbox(string address, KnownDetails known)
        {
            int at = address.LastIndexOf('@');
            return at > 0 && PublicMailboxes.Contains(address.Substring(0, at)) && HostNames.IsPublic(address.Substring(at + 1).ToLowerInvariant(), known.PublicHosts);
        }

        private static void Emails(string text, KnownDetails known, List<DetailCandidate> found)
        {
            foreach (var m in ContactAddresses.Emails(text))
            {
                if (IsPublicMailbox(m.Value, known)) continue;
                found.Add(new DetailCandidate(InternalDetailKind.EmailAddress, m.Index, m.Length,
                    $"The e-mail address {Quote(m.Value)} reaches a person or an internal mailbox; name the team or the public support channel instead."));
            }
        }

        // Public resolvers are products, not machines of ours: "1.1.1.1 was unreachable" is customer prose.
        private static readonly HashSet<string> PublicResolvers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9", "149.112.112.112", "208.67.222.222", "208.67.220.220",
            "2606:4700:4700::1111", "2606:4700:4700::1001", "2001:4860:4860::8888", "2001:4860:4860::8844",
        };

        private static void IPAddresses(string text, KnownDetails known, List<DetailCandidate> found)
        {
            foreach (var m in ContactAddresses.IPAddresses(text))
            {
                var value = m.Value;
                if (PublicResolvers.Contains(value) || known.PublicHosts.Contains(value.ToLowerInvariant())) continue;
                // 1.2.3.4 in "version 1.2.3.4" is a version, not an address.
                if (m.Index >= 1 && IsVersionMarker(text, m.Index)) continue;
                // 1.1.1.0/24: a prefix of public address space is a route the whole Internet sees, not a machine.
                bool prefix = m.Index + m.Length + 1 < text.Length && text[m.Index + m.Length] == '/' && char.IsDigit(text[m.Index + m.Length + 1]);
                if (prefix && !IsPrivate(value)) continue;
                var reason = IsPrivate(value)
                    ? $"{Quote(value)} is an address in our private network; say which service was affected instead."
                    : $"{Quote(value)} points at one machine; say which service was affected instead (list the address in PublicHosts if customers use it).";
                found.Add(new DetailCandidate(InternalDetailKind.IPAddress, m.Index, m.Length, reason));
            }
        }

        private static bool IsVersionMarker(string text, int at)
        {
            int i = at - 1;
            while (i >= 0 && text[i] == ' ') i--;
            if (i >= 0 && (text[i] == 'v' || text[i] == 'V') && (i == 0 || !char.IsLetter(text[i - 1]))) return true;
            int wordEnd = i + 1;
            while (i >= 0 && char.IsLetter(text[i])) i--;
            var word = text.Substring(i + 1, wordEnd - i - 1).ToLowerInvariant();
            return word == "version" || word == "release" || word == "build";
        }

        private static bool IsPrivate(string value)
        {
            if (!IPAddress.TryParse(value, out var address)) return false;
            var b = address.GetAddressBytes();
            if (b.Length == 4)
            {
                return b[0] == 10 || b[0] == 127 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) ||
                    (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254);
            }
            return (b[0] & 0xFE) == 0xFC || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) || address.Equals(IPAddress.IPv6Loopback);
        }

        // ---- Web addresses whose host customers cannot reach, or that open a tool of the team's own.

        private static readonly Regex Url = Pattern(@"\b[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s<>""'`]+");

        // Hosted tools whose pages only the team can open: a link into one is internal even though its host is public.
        private static readonly string[] ToolDomains =
        {
            "slack.com", "docs.google.com", "drive.google.com", "meet.google.com", "console.cloud.google.com", "atlassian.net",
            "pagerduty.com", "datadoghq.com", "datadoghq.eu", "zoom.us", "console.aws.amazon.com", "portal.azure.com",
            "grafana.net", "splunkcloud.com", "opsgenie.com", "sentry.io", "newrelic.com", "honeycomb.io", "notion.so",
            "linear.app", "teams.microsoft.com", "webex.com", "app.incident.io", "rootly.com", "firehydrant.io", "lightstep.com",
            "app.circleci.com", "dev.azure.com", "sharepoint.com", "1password.com", "lucid.app", "miro.com", "figma.com",
        };

        private static void Urls(string text, KnownDetails known, List<DetailCandidate> found)
        {
            if (text.IndexOf("://", StringComparison.Ordinal) < 0) return;
            foreach (Match m in Url.Matches(text))
            {
                int length = m.Length;
                // A sentence's punctuation and a closing bracket are not part of the address.
                while (length > 0 && ".,;:!?)]}*_".IndexOf(text[m.Index + length - 1]) >= 0 && !Balanced(text, m.Index, length)) length--;
                var value = text.Substring(m.Index, length);
                var why = InternalUrl(value, known);
                if (why is null) continue;
                found.Add(new DetailCandidate(InternalDetailKind.InternalAddress, m.Index, length,
                    $"{Quote(value)} {why}; customers cannot open it, so leave it out or link a public page such as the status page."));
            }
        }

        // Keeps a closing bracket that closes one the address opened (https://en.wikipedia.org/wiki/Foo_(bar)).
        private static bool Balanced(string text, int start, int length)
        {
            char last = text[start + length - 1];
            char open = last == ')' ? '(' : last == ']' ? '[' : last == '}' ? '{' : '\0';
            if (open == '\0') return false;
            int opens = 0, closes = 0;
            for (int i = start; i < start + length; i++)
            {
                if (text[i] == open) opens++;
                else if (text[i] == last) closes++;
            }
            return opens >= closes;
        }

        private static string? InternalUrl(string value, KnownDetails known)
        {
            var uri = Addresses.Parse(value);
            string host;
            int port = -1;
            bool hasPath;
            if (uri is not null && uri.IsAbsoluteUri && uri.Host.Length > 0)
            {
                host = uri.Host.Trim('[', ']').ToLowerInvariant();
                port = uri.IsDefaultPort ? -1 : uri.Port;
                hasPath = uri.AbsolutePath.Length > 1 || uri.Query.Length > 0 || uri.Fragment.Length > 0;
            }
            else
            {
                var normal = HostNames.NormalizePublic(value);
                if (normal is null) return null;
                host = normal;
                hasPath = value.IndexOf('/', value.IndexOf("://", StringComparison.Ordinal) + 3) >= 0;
            }
            if (HostNames.IsPublic(host, known.PublicHosts)) return null;
            if (IPAddress.TryParse(host, out _)) return "links to a machine by its IP address";
            if (host.IndexOf('.') < 0) return $"links to '{host}', a name only our own network resolves";
            if (HostNames.Judge(host, out var why) == HostNames.Verdict.Internal) return $"links to an internal host ({why})";
            if (known.SourceHosts.Contains(host)) return $"links to '{host}', a host the internal postmortem names";
            if (port > 0 && port != 80 && port != 443) return $"links to port {port}, which only our own network serves";
            if (hasPath)
            {
                foreach (var tool in ToolDomains)
                {
                    if (host == tool || host.EndsWith("." + tool, StringComparison.Ordinal)) return $"links into {tool}, a tool only the team can open";
                }
            }
            return null;
        }

        // ---- Host names.

        private static void Hosts(string text, KnownDetails known, List<DetailCandidate> found)
        {
            foreach (var token in HostNames.Tokens(text))
            {
                var original = text.Substring(token.Start, token.Length);
                if (HostNames.IsPublic(token.Host, known.PublicHosts)) continue;
                var verdict = HostNames.Judge(original, out var why);
                string? reason = null;
                if (verdict == HostNames.Verdict.Internal && HostNames.IsWrittenAsAHost(original)) reason = why;
                else if (known.SourceHosts.Contains(token.Host) && (verdict != HostNames.Verdict.NotAHost || token.Host.Any(char.IsDigit) || token.Host.IndexOf('.') >= 0))
                {
                    reason = "the internal postmortem names it as one of our machines";
                }
                if (reason is null)
                {
                    // A known host inside a longer token: "db1.cluster" in "db1.cluster.gitlab.com" is found whole above;
                    // "db1" inside "db1.cluster" when the postmortem names db1.
                    FindKnownInside(text, token, known, found);
                    continue;
                }
                found.Add(new DetailCandidate(InternalDetailKind.Hostname, token.Start, token.Length,
                    $"{Quote(original)} names an internal server ({reason}); say what it does for customers instead, such as 'the primary database'."));
            }
        }

        private static void FindKnownInside(string text, HostNames.Token token, KnownDetails known, List<DetailCandidate> found)
        {
            if (token.Host.IndexOf('.') < 0 || known.SourceHosts.Count == 0) return;
            int at = 0;
            var labels = token.Host.Split('.');
            for (int i = 0; i < labels.Length; i++)
            {
                if (known.SourceHosts.Contains(labels[i]) && labels[i].Any(char.IsDigit))
                {
                    found.Add(new DetailCandidate(InternalDetailKind.Hostname, token.Start + at, labels[i].Length,
                        $"{Quote(text.Substring(token.Start + at, labels[i].Length))} names an internal server (the internal postmortem names it as one of our machines); say what it does for customers instead."));
                }
                at += labels[i].Length + 1;
            }
        }

        // ---- People: names the postmortem and the options give, and @handles.

        private static void People(string text, KnownDetails known, List<DetailCandidate> found)
        {
            foreach (var pattern in new[] { known.NamesAnyCasePattern, known.NamesAsWrittenPattern })
            {
                if (pattern is null) continue;
                foreach (Match m in pattern.Matches(text))
                {
                    found.Add(new DetailCandidate(InternalDetailKind.Person, m.Index, m.Length,
                        $"{Quote(m.Value)} names a person; a customer-facing text says what happened, not who did it: write 'an engineer' or 'our team' instead."));
                }
            }
        }

        // @name, not user@host (an e-mail address) nor @scope/package (an npm package).
        private static readonly Regex Handle = Pattern(@"(?<![\w@.+/-])@(?<name>[A-Za-z][A-Za-z0-9_.-]{0,38}[A-Za-z0-9_]|[A-Za-z])(?![\w@/-])");

        private static readonly string[] PublicAccountEndings = { "status", "support", "help", "hq", "news" };

        private static void Handles(string text, List<DetailCandidate> found)
        {
            if (text.IndexOf('@') < 0) return;
            foreach (Match m in Handle.Matches(text))
            {
                var name = m.Groups["name"].Value;
                if (KnownDetails.Broadcasts.Contains(name))
                {
                    found.Add(new DetailCandidate(InternalDetailKind.ChatChannel, m.Index, m.Length,
                        $"{Quote(m.Value)} is a chat mention of the team's channel; leave it out."));
                    continue;
                }
                // @githubstatus, @AWSSupport: a company's public account, not a person.
                if (PublicAccountEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) continue;
                found.Add(new DetailCandidate(InternalDetailKind.Person, m.Index, m.Length,
                    $"{Quote(m.Value)} is a person's chat handle; write 'an engineer' or 'our team' instead."));
            }
        }

        // ---- File paths.

        // /var/opt/gitlab/postgresql/data, ~/.ssh/config, ./deploy.sh: a path starts a token, never inside a word or an address.
        private static readonly Regex UnixPath = Pattern(@"(?<![\w.~:/\\@-])(?:~|\.{1,2})?/[\w.@+-]+(?:/[\w.@+-]+)*/?");

        // C:\ProgramData\app\config.json, \\fileserver\share\x.
        private static readonly Regex WindowsPath = Pattern(@"(?<![\w\\])(?:[A-Za-z]:\\|\\\\[\w.-]+\\)[^\\\s:*?""<>|]+(?:\\[^\\\s:*?""<>|]+)*\\?");

        // config/gitlab.rb, deploy/k8s/api.yaml: a relative path to a file of code or configuration.
        private static readonly Regex RelativePath = Pattern(@"(?<![\w.~:/\\@-])[\w.-]+(?:/[\w.-]+)+\.(?:ya?ml|json|toml|ini|conf|cfg|rb|py|go|js|ts|cs|java|sh|ps1|tf|tfvars|sql|env|properties|xml|lock|pem|key|crt|log|service)\b");

        private static readonly HashSet<string> FileSystemRoots = new HashSet<string>(StringComparer.Ordinal)
        {
            "var", "etc", "opt", "usr", "home", "srv", "tmp", "mnt", "data", "root", "proc", "sys", "dev", "run", "lib", "lib64",
            "bin", "sbin", "boot", "media", "nix", "snap", "Users", "Volumes", "private", "Library", "Applications", "export",
            "backup", "backups", "workspace", "builds", "storage", "scratch", "net", "efs", "nfs", "gluster", "pgdata",
        };

        private static void Paths(string text, List<DetailCandidate> found)
        {
            if (text.IndexOf('/') >= 0)
            {
                foreach (Match m in UnixPath.Matches(text))
                {
                    var value = m.Value.TrimEnd('.', '-');
                    if (!LooksLikeAFilePath(value)) continue;
                    AddPath(value, m.Index, found);
                }
                foreach (Match m in RelativePath.Matches(text)) AddPath(m.Value, m.Index, found);
            }
            if (text.IndexOf('\\') >= 0)
            {
                foreach (Match m in WindowsPath.Matches(text))
                {
                    var value = m.Value.TrimEnd('.', ',');
                    if (value.Length > 3) AddPath(value, m.Index, found);
                }
            }
        }

        private static void AddPath(string value, int index, List<DetailCandidate> found) =>
            found.Add(new DetailCandidate(InternalDetailKind.FilePath, index, value.Length,
                $"{Quote(value)} is a path on our servers; describe what it holds instead, such as 'the database's data directory'."));

        // The first folder of a public web route (/api/v4/projects, /repos/octo/app/hooks, /en-us/docs/...).
        private static readonly HashSet<string> WebRouteHeads = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "api", "graphql", "rest", "repos", "orgs", "users", "user", "teams", "projects", "groups", "search", "oauth", "login",
            "auth", "docs", "blog", "status", "incidents", "help", "support", "en", "en-us", "en-gb", "wiki", "hooks", "webhooks",
            "apps", "settings", "account", "accounts", "dashboard", "console", "services", "products", "pricing", "news", "message",
        };

        private static bool LooksLikeAFilePath(string value)
        {
            bool relative = value.StartsWith("~", StringComparison.Ordinal) || value.StartsWith(".", StringComparison.Ordinal);
            var segments = value.TrimStart('~', '.').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0) return false;
            if (relative) return segments.Length >= 1 && (value.StartsWith("~/", StringComparison.Ordinal) || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal));
            if (FileSystemRoots.Contains(segments[0])) return segments.Length >= 2 || value.EndsWith("/", StringComparison.Ordinal);
            // An API route (/api/v4/projects, /v1/charges) is public; a deep path that ends in a file is not.
            if (WebRouteHeads.Contains(segments[0]) || (segments[0].Length >= 2 && segments[0][0] == 'v' && segments[0].Skip(1).All(char.IsDigit))) return false;
            // Three folders deep and not an API route (/apollo/env/S3Ops/bin): a path on a disk.
            return segments.Length >= 3 && !segments.Any(s => s.All(char.IsDigit));
        }

        // ---- Chat channels.

        private static readonly Regex Channel = Pattern(@"(?<![\w&#/=?.])#(?<name>[a-z][a-z0-9_-]*[a-z0-9])(?![\w-])");

        private static readonly HashSet<string> CodeDirectives = new HashSet<string>(StringComparer.Ordinal)
        {
            "include", "define", "if", "ifdef", "ifndef", "endif", "else", "elif", "pragma", "region", "endregion", "undef", "error", "warning", "line",
        };

        private static void Channels(string text, List<DetailCandidate> found)
        {
            if (text.IndexOf('#') < 0) return;
            foreach (Match m in Channel.Matches(text))
            {
                var name = m.Groups["name"].Value;
                if (CodeDirectives.Contains(name)) continue;
                // #fff, #c0ffee: a colour.
                if ((name.Length == 3 || name.Length == 6 || name.Length == 8) && name.All(Uri.IsHexDigit)) continue;
                found.Add(new DetailCandidate(InternalDetailKind.ChatChannel, m.Index, m.Length,
                    $"{Quote(m.Value)} is an internal chat channel; leave it out, or say 'our incident team' if the text needs a subject."));
            }
        }

        // ---- Ticket keys.

        private static readonly Regex JiraKey = Pattern(@"(?<![\w/.-])(?<project>[A-Z][A-Z0-9]{1,9})-[0-9]{1,7}(?![\w-]|\.[0-9])");

        // ServiceNow's records: INC0012345, CHG0034567.
        private static readonly Regex ServiceNowKey = Pattern(@"\b(?:INC|CHG|PRB|RITM|REQ|SCTASK|TASK|PTASK|CS)[0-9]{6,10}\b");

        // Keys that name a standard, a vulnerability, a protocol or a product version, not a ticket.
        private static readonly HashSet<string> PublicKeyPrefixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "CVE", "CWE", "GHSA", "RFC", "ISO", "IEC", "IEEE", "UTF", "SHA", "AES", "RSA", "DSA", "TLS", "SSL", "HTTP", "COVID",
            "GPT", "SOC", "PCI", "WCAG", "ECMA", "ES", "MD", "CRC", "DDR", "PCIE", "USB", "HDMI", "NIST", "FIPS", "ANSI", "IP",
            "TCP", "UDP", "SEV", "ECDSA", "ED", "SARS", "MS", "KB", "AS", "ASN", "EN", "DIN", "BS", "MIL", "DO", "IPV", "IPV4",
            "IPV6", "X", "Y2K", "WPA", "LTE", "DDOS", "ARM", "AMD", "GEN", "TYPE", "PHASE", "TIER", "LEVEL", "STEP", "WEB", "MP",
            "SEC", "OWASP", "FIDO", "SAML", "OAUTH", "H", "P", "US", "EU", "AP", "SA", "CA", "ME", "AF", "AZ", "GPU", "CPU",
        };

        private static void Tickets(string text, KnownDetails known, List<DetailCandidate> found)
        {
            foreach (Match m in JiraKey.Matches(text))
            {
                var project = m.Groups["project"].Value;
                bool fromSource = known.SourceTickets.Contains(m.Value);
                if (!fromSource && (PublicKeyPrefixes.Contains(project) || project.Count(char.IsLetter) < 2)) continue;
                found.Add(new DetailCandidate(InternalDetailKind.TicketKey, m.Index, m.Length, TicketReason(m.Value)));
            }
            foreach (Match m in ServiceNowKey.Matches(text)) found.Add(new DetailCandidate(InternalDetailKind.TicketKey, m.Index, m.Length, TicketReason(m.Value)));
        }

        private static string TicketReason(string key) =>
            $"{Quote(key)} is a ticket in our own tracker, which customers cannot open; describe the work instead ('we are adding an alert on ...').";

        // ---- Commands.

        // Tools only operators run: a command when a subcommand, an option, or an address or path follows.
        private static readonly HashSet<string> OperatorTools = new HashSet<string>(StringComparer.Ordinal)
        {
            "kubectl", "oc", "helm", "terraform", "ansible", "ansible-playbook", "systemctl", "journalctl", "pg_basebackup",
            "pg_dump", "pg_dumpall", "pg_restore", "pg_ctl", "pg_ctlcluster", "pg_upgrade", "gitlab-ctl", "gitlab-rake",
            "gitlab-rails", "knife", "chef-client", "etcdctl", "nodetool", "iptables", "nft", "mkfs", "fdisk", "parted",
            "lvcreate", "lvremove", "lvextend", "vgcreate", "crontab", "eksctl", "kubeadm", "crictl", "virsh", "redis-cli",
            "chmod", "chown", "pkill", "killall", "nomad", "consul", "vault", "salt", "puppet", "mongosh", "mongo", "cqlsh",
            "rabbitmqctl", "kafka-topics", "kafka-topics.sh", "zkCli.sh", "sudo", "rm",
        };

        // Tools customers run too (git, docker, npm, curl): a command with an option, unless the text tells customers to
        // run it ("run `git fetch --prune`"); what they are run against (a host, an address, a path) is found apart.
        private static readonly HashSet<string> CommonTools = new HashSet<string>(StringComparer.Ordinal)
        {
            "git", "docker", "podman", "npm", "yarn", "pip", "pip3", "curl", "wget", "ssh", "scp", "rsync", "apt", "apt-get",
            "yum", "dnf", "aws", "gcloud", "gsutil", "az", "kill", "dd", "mount", "umount", "psql", "mysql", "service", "tar",
            "find", "grep", "ping", "dig", "nslookup", "openssl",
        };

        // What follows an operator's tool for it to be a command; anchored (\G) where the tool's name starts.
        private static readonly Regex OperatorCommand = Pattern(
            @"\G(?:sudo\s+\S|rm\s+-[a-zA-Z]*[rf]|[\w.-]+\s+(?:-{1,2}[a-zA-Z]|(?:get|delete|apply|exec|rollout|scale|drain|cordon|uncordon|edit|patch|logs|describe|create|run|restart|stop|start|status|reload|enable|disable|upgrade|install|uninstall|rollback|plan|destroy|import|taint|untaint|init|reconfigure|set|top|port-forward|cp|label|annotate|flush|kill|remove|list|ls|rm|promote|failover|repair|cleanup|compact|snapshot|restore|tail|force-unlock|state|-)\b|[a-z0-9_.-]+\s+-{1,2}[a-zA-Z]|[\w.:/=-]*[/:_=][\w.:/=-]*))");

        private static readonly Regex CommonCommand = Pattern(@"\G[\w.-]+\s+(?:[a-z][\w-]*\s+){0,2}-{1,2}[a-zA-Z]");

        // "Run", "you can use", "please try" before a command in the same sentence: advice to customers, not what we typed.
        private static readonly Regex Advice = Pattern(@"(?i:\b(?:run|re-run|rerun|try|use|execute|type|enter|please|can|should|may|need\s+to|recommend|clear|update|upgrade)\b)[^.!?\n]{0,40}$");

        private static bool IsAdviceToCustomers(string text, int start)
        {
            int from = Math.Max(0, start - 60);
            return Advice.IsMatch(text.Substring(from, start - from));
        }

        // PowerShell cmdlets that change a system, with a parameter: Restart-Service -Name W3SVC.
        private static readonly string[] StateChangingVerbs =
        {
            "Restart", "Stop", "Start", "Remove", "Set", "Invoke", "Clear", "Reset", "Disable", "Enable", "Uninstall", "Dismount",
            "Mount", "Suspend", "Resume", "Move", "Rename", "Unregister", "Register", "Grant", "Revoke", "Repair", "Restore",
        };

        private static bool IsStateChangingCmdlet(string word)
        {
            int dash = word.IndexOf('-');
            return dash > 0 && dash < word.Length - 1 && char.IsUpper(word[dash + 1]) && StateChangingVerbs.Contains(word.Substring(0, dash));
        }

        private static readonly Regex Cmdlet = Pattern(@"\G[A-Z][a-z]+-[A-Z][A-Za-z]+\s+-[A-Za-z]");

        // SQL as typed, in capitals: a statement's keywords and what it acts on.
        private static readonly Regex Sql = Pattern(
            @"\b(?:SELECT\s+[^\r\n;]{1,200}?\s+FROM\s+[\w.""]+|UPDATE\s+[\w.""]+\s+SET\s|DELETE\s+FROM\s+[\w.""]+|DROP\s+(?:TABLE|DATABASE|INDEX|SCHEMA|VIEW|USER|ROLE)\s|ALTER\s+(?:TABLE|DATABASE|INDEX|SYSTEM|USER|ROLE)\s|TRUNCATE\s+(?:TABLE\s+)?[\w.""]+|INSERT\s+INTO\s+[\w.""]+|CREATE\s+(?:UNIQUE\s+)?INDEX\s|VACUUM\s+(?:FULL|ANALYZE|VERBOSE)|REINDEX\s+(?:TABLE|INDEX|DATABASE)|GRANT\s+\w+\s+ON\s|REVOKE\s+\w+\s+ON\s|FLUSHALL\b|FLUSHDB\b)");

        // Any tool with two long options: "s3-capacity remove --subsystem billing --count 40" is a command line whatever the tool.
        private static readonly Regex LongOptions = Pattern(@"(?<=[\w.])\s+--[a-z][\w-]*(?:[ =](?!--)\S+)?\s+--[a-z]");

        // The tool before a command line's options: the word before them, and a subcommand's tool before that
        // ("s3-capacity remove --subsystem"), but not the sentence's own words ("we ran s3-capacity --subsystem").
        private static int ToolBefore(string text, int end, out string tool)
        {
            tool = string.Empty;
            int start = -1;
            for (int words = 0; words < 2; words++)
            {
                int wordEnd = end;
                while (wordEnd > 0 && text[wordEnd - 1] == ' ') wordEnd--;
                int wordStart = wordEnd;
                while (wordStart > 0 && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '_' || text[wordStart - 1] == '.' || text[wordStart - 1] == '-' || text[wordStart - 1] == '/')) wordStart--;
                if (wordStart == wordEnd) break;
                var word = text.Substring(wordStart, wordEnd - wordStart);
                if (!(char.IsLower(word[0]) || char.IsDigit(word[0]) || word[0] == '.' || word[0] == '/') || SentenceWords.Contains(word)) break;
                start = wordStart;
                tool = word;
                end = wordStart;
            }
            return start;
        }

        private static readonly HashSet<string> SentenceWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "ran", "run", "runs", "running", "executed", "invoked", "called", "typed", "used", "we", "they", "i", "the", "a", "an",
            "then", "command", "script", "tool", "with", "and", "to", "by", "engineer", "operator", "team", "someone",
        };

        private static readonly string[] SqlKeywords = { "SELECT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE", "INSERT", "CREATE", "VACUUM", "REINDEX", "GRANT", "REVOKE", "FLUSH" };

        // A pipe into a text tool, or a shell redirection: a pasted command line.
        private static readonly Regex ShellPipe = Pattern(@"\S\s*(?:\|\s*(?:grep|egrep|awk|sed|xargs|sort|uniq|head|tail|wc|jq|cut|tee|less)\b|2>&1|>\s*/dev/null)");

        // A code span: `...` on one line.
        private static readonly Regex CodeSpan = Pattern(@"`(?<code>[^`\r\n]{1,500})`");

        // A shell prompt at a line's start: "$ kubectl ...", "# systemctl ...", "PS C:\> Restart-Service ...".
        private static readonly Regex Prompt = Pattern(@"(?m)^[ \t]*(?:\$|PS [^>\r\n]{0,100}>|[\w.-]+@[\w.-]+:[^$#\r\n]{0,100}[$#])[ \t]+(?<code>\S[^\r\n]*)");

        private static void Commands(string text, List<DetailCandidate> found)
        {
            // Each word that names a tool is tried once, anchored, so a long text costs one pass over its words.
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) { i++; continue; }
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.' || text[i] == '-')) i++;
                if ((start > 0 && text[start - 1] == '/') || i - start > 20) continue;
                var word = text.Substring(start, i - start);
                if (word.StartsWith("mkfs.", StringComparison.Ordinal)) word = "mkfs";
                if (OperatorTools.Contains(word) && OperatorCommand.Match(text, start).Success) AddCommand(text, start, found);
                else if (CommonTools.Contains(word) && CommonCommand.Match(text, start).Success && !IsAdviceToCustomers(text, start)) AddCommand(text, start, found);
                else if (IsStateChangingCmdlet(word) && Cmdlet.Match(text, start).Success) AddCommand(text, start, found);
            }
            if (text.IndexOf("--", StringComparison.Ordinal) >= 0)
            {
                foreach (Match m in LongOptions.Matches(text))
                {
                    int start = ToolBefore(text, m.Index, out var tool);
                    if (start >= 0 && (!CommonTools.Contains(tool) || !IsAdviceToCustomers(text, start))) AddCommand(text, start, found);
                }
            }
            if (SqlKeywords.Any(k => text.IndexOf(k, StringComparison.Ordinal) >= 0))
            {
                foreach (Match m in Sql.Matches(text)) AddCommand(text, m.Index, found);
            }
            if (text.IndexOf('|') >= 0 || text.IndexOf('>') >= 0)
            {
                foreach (Match m in ShellPipe.Matches(text)) AddCommand(text, LineStart(text, m.Index), found);
            }
            if (text.IndexOf('`') >= 0)
            {
                foreach (Match m in CodeSpan.Matches(text))
                {
                    var code = m.Groups["code"];
                    if (LooksLikeACommand(code.Value, text, m.Index)) found.Add(CommandAt(code.Index, code.Length, code.Value));
                }
            }
            foreach (Match m in Prompt.Matches(text))
            {
                var code = m.Groups["code"];
                found.Add(CommandAt(m.Index, code.Index + code.Length - m.Index, text.Substring(m.Index, code.Index + code.Length - m.Index)));
            }
        }

        private static readonly Regex CommandWord = Pattern(
            @"^(?:\$\s*)?(?:sudo|rm|kubectl|oc|helm|terraform|ansible|ansible-playbook|systemctl|journalctl|pg_\w+|psql|mysql|mysqldump|redis-cli|gitlab-\w+|knife|etcdctl|nodetool|iptables|crontab|eksctl|kubeadm|crictl|chmod|chown|kill|pkill|killall|git|docker|podman|npm|yarn|pip3?|curl|wget|ssh|scp|rsync|apt|apt-get|yum|dnf|aws|gcloud|gsutil|az|service|cat|tail|less|grep|find|ls|cd|mv|cp|mkdir|touch|echo|export|source|dd|mount|umount|vim?|nano|top|htop|ps|df|du|free|lsof|netstat|ss|tcpdump|strace|dig|nslookup|ping|traceroute|openssl|nc|telnet|bundle|rake|rails|make|go|cargo|dotnet|mvn|gradle|java|python3?|node|ruby|perl|bash|sh|zsh|pwsh|powershell|Get-\w+|Set-\w+|Restart-\w+|Stop-\w+|Start-\w+|Remove-\w+|Invoke-\w+|SELECT|UPDATE|DELETE|DROP|ALTER|TRUNCATE|INSERT|CREATE|VACUUM|REINDEX|GRANT|REVOKE)(?:\s|$)");

        // A code span is a command when it starts with a tool's name; a tool customers run too needs an option, and no advice before it.
        private static bool LooksLikeACommand(string code, string text, int at)
        {
            var trimmed = code.TrimStart().TrimStart('$').TrimStart();
            int space = trimmed.IndexOf(' ');
            var first = space < 0 ? trimmed : trimmed.Substring(0, space);
            if (CommonTools.Contains(first)) return CommonCommand.IsMatch(trimmed) && !IsAdviceToCustomers(text, at);
            return CommandWord.IsMatch(trimmed);
        }

        // The command runs to the end of its line, its code span or its clause (a full stop, comma or semicolon before a
        // space, or a word of prose after its first two words), and quotes hold together.
        private static void AddCommand(string text, int start, List<DetailCandidate> found)
        {
            int end = start;
            int limit = Math.Min(text.Length, start + 300);
            int words = 0;
            char quote = '\0';
            while (end < limit)
            {
                char c = text[end];
                if (c == '\n' || c == '\r' || c == '`') break;
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                    end++;
                    continue;
                }
                if (c == '\'' || c == '"') quote = c;
                else if ((c == '.' || c == ';' || c == ',') && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]))) break;
                else if (c == ' ' && ++words >= 2 && ProseAfter(text, end + 1)) break;
                end++;
            }
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (end > start) found.Add(CommandAt(start, end - start, text.Substring(start, end - start)));
        }

        // Words that take the sentence back from the command: "rm -rf /data on the wrong host", "... fixed it".
        private static readonly HashSet<string> ProseWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "on", "to", "in", "at", "by", "from", "for", "with", "and", "but", "which", "that", "after", "before", "when", "while",
            "because", "so", "then", "fixed", "failed", "worked", "removed", "deleted", "returned", "took", "did", "was", "were",
            "is", "are", "again", "instead", "against", "without", "until", "as", "showed", "listed", "said", "printed",
        };

        private static bool ProseAfter(string text, int at)
        {
            int end = at;
            while (end < text.Length && char.IsLetter(text[end])) end++;
            return end > at && (end == text.Length || !char.IsLetterOrDigit(text[end]) && text[end] != '-' && text[end] != '=') && ProseWords.Contains(text.Substring(at, end - at));
        }

        private static DetailCandidate CommandAt(int start, int length, string value) =>
            new DetailCandidate(InternalDetailKind.Command, start, length,
                $"{Quote(value)} is a command as an operator typed it; say in plain words what was done instead, such as 'we restarted the database'.");

        private static int LineStart(string text, int at)
        {
            int i = at;
            while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r') i--;
            while (i < at && (text[i] == ' ' || text[i] == '\t')) i++;
            return i;
        }
    }
}
