using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Postmortems.Rules
{
    /// <summary>
    /// Finds where a text makes a person the cause: a judgement of a person ("human error", "careless", "did not
    /// notice"), or a person as the one who acted in a clause ("A tired admin deleted ...", "Engineers decided ...",
    /// "... because the engineer ran rm -rf", "After a second he notices he ran it on db1", "YP adjusts ...",
    /// "was pushed by a junior engineer"). A person is a role word and its plural, a pronoun, initials, or a name the
    /// postmortem knows; what they did counts unless it is a step of the response (acknowledging, escalating,
    /// restoring) done without a sign of error, or what the system did not give them ("had no way to ...").
    /// A system as the subject ("the backup job ran the wrong command") is not a person.
    /// </summary>
    internal static class Blame
    {
        /// <summary>The blame in the text, described for a message ("'human error'", "a person ('the engineer') as the one who acted: 'the engineer ran'"); null when it is blameless.</summary>
        public static string? Find(RuleContext context, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var lexicon = BlameLexicon.For(context);
            foreach (var sentence in Sentences.Split(text))
            {
                var found = Clauses.FindActor(lexicon, Token.Split(sentence));
                if (found is not null) return $"a person ('{found.Value.Person}') as the one who acted: '{found.Value.Phrase}'";
            }
            var words = Words.Of(text);
            foreach (var (phrase, _, end) in context.Phrases("BlamePhrases").Matches(words))
            {
                // "User error messages", "human error rate": the phrase names a kind of message or a measure, not a person's error.
                if (end < words.Tokens.Count && ErrorAsModifier.Contains(words.Tokens[end]) && phrase.EndsWith("error", StringComparison.Ordinal)) continue;
                return $"'{phrase}'";
            }
            return null;
        }

        private static readonly HashSet<string> ErrorAsModifier = new HashSet<string>(StringComparer.Ordinal)
        {
            "message", "messages", "code", "codes", "rate", "rates", "page", "pages", "handling", "handler", "log", "logs", "count",
            "counts", "budget", "budgets", "path", "paths", "response", "responses", "text", "dialog", "string", "strings", "type",
            "types", "class", "classes", "reporting", "metric", "metrics",
        };

        /// <summary>The person a text starts with as the one who acts ("The engineer deleted ...", "Alice should ..."), or null.</summary>
        public static string? PersonSubject(RuleContext context, Words sentence)
        {
            var tokens = Token.Split(string.Join(" ", sentence.Tokens));
            var found = Clauses.ActorAt(BlameLexicon.For(context), tokens, 0, requireHarm: false);
            return found?.Person;
        }
    }

    /// <summary>A word or a mark of punctuation of a sentence, with its case kept.</summary>
    internal readonly struct Token
    {
        private Token(string text)
        {
            Text = text;
            Lower = text.ToLowerInvariant();
        }

        public string Text { get; }

        public string Lower { get; }

        public bool IsWord => Text.Length > 0 && char.IsLetterOrDigit(Text[0]);

        /// <summary>Words (letters, digits, inner apostrophes) and the marks that end a clause (, ; : ( ) and dashes); hyphens split words as the rules' word lists do.</summary>
        public static List<Token> Split(string text)
        {
            var tokens = new List<Token>();
            var current = new StringBuilder();
            void Flush()
            {
                if (current.Length == 0) return;
                tokens.Add(new Token(current.ToString()));
                current.Clear();
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i] == '\u2019' || text[i] == '\u2018' ? '\'' : text[i];
                bool inner = c == '\'' && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]);
                if (char.IsLetterOrDigit(c) || inner)
                {
                    current.Append(c);
                    continue;
                }
                Flush();
                if (c is ',' or ';' or ':' or '(' or ')' or '\u2014' or '\u2013') tokens.Add(new Token(c.ToString()));
                else if (c == '-' && i > 0 && i + 1 < text.Length && char.IsWhiteSpace(text[i - 1]) && char.IsWhiteSpace(text[i + 1])) tokens.Add(new Token(","));
            }
            Flush();
            return tokens;
        }

        public override string ToString() => Text;
    }

    /// <summary>The word lists blame detection reads, from the rule settings, made once per check.</summary>
    internal sealed class BlameLexicon
    {
        private BlameLexicon(RuleContext context)
        {
            PersonNouns = context.Phrases("PersonNouns");
            ResponseVerbs = context.Phrases("ResponseVerbs");
            ErrorMarkers = context.Phrases("ErrorMarkers");
            SystemFramings = context.Phrases("SystemFramings");
            SystemNames = context.Phrases("SystemNames");
            Adverbs = context.Phrases("Adverbs");
            PersonVerbs = context.Phrases("PersonVerbs");
            var p = context.Postmortem;
            var names = p.Authors.Concat(p.Reviewers)
                .Concat(p.ActionItems.Select(a => a.Owner).Where(o => o is not null).Select(o => o!))
                .Concat(p.SignOffs.Select(s => s.Reviewer))
                .Where(LooksLikeAPersonsName)
                .ToList();
            KnownPeople = new HashSet<string>(names.SelectMany(n => new[] { n, n.Split(' ')[0] }).Select(n => n.ToLowerInvariant()), StringComparer.Ordinal);
            KnownInitials = new HashSet<string>(names.Select(Initials).Where(i => i.Length >= 2), StringComparer.Ordinal);
        }

        public PhraseList PersonNouns { get; }
        public PhraseList ResponseVerbs { get; }
        public PhraseList ErrorMarkers { get; }
        public PhraseList SystemFramings { get; }
        public PhraseList SystemNames { get; }
        public PhraseList Adverbs { get; }

        /// <summary>Irregular verb forms the word shape does not tell ("ran", "took", "set").</summary>
        public PhraseList PersonVerbs { get; }

        /// <summary>Full and first names of the people the postmortem names, lower case.</summary>
        public HashSet<string> KnownPeople { get; }

        /// <summary>Their initials ("PN" for Priya Natarajan).</summary>
        public HashSet<string> KnownInitials { get; }

        public static BlameLexicon For(RuleContext context) => context.Memo(nameof(BlameLexicon), () => new BlameLexicon(context));

        // "Priya Natarajan" and "Marcus" are people; "platform", "payments SRE" and "observability" are teams.
        private static bool LooksLikeAPersonsName(string name)
        {
            var parts = name.Split(' ');
            return parts.Length <= 3 && parts.All(part => part.Length > 1 && char.IsUpper(part[0]) && part.Skip(1).All(char.IsLower));
        }

        private static string Initials(string name) => new string(name.Split(' ').Where(p => p.Length > 0).Select(p => p[0]).ToArray());
    }

    /// <summary>Reads a sentence clause by clause for a person who acts.</summary>
    internal static class Clauses
    {
        private static readonly HashSet<string> Determiners = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "a", "an", "our", "their", "one", "two", "three", "four", "several", "some", "another", "every", "each",
            "his", "her", "its", "this", "that", "these", "those", "both", "all", "many", "most", "no", "any", "other",
        };

        // Words after which a noun is an object or a complement, not a subject.
        private static readonly HashSet<string> ObjectMarkers = new HashSet<string>(StringComparer.Ordinal)
        {
            "to", "for", "with", "from", "of", "into", "onto", "about", "than", "via", "by", "toward", "towards", "between",
            "among", "against", "without", "like", "per", "through", "across", "under", "over", "upon", "behind", "beside",
        };

        private static readonly HashSet<string> Pronouns = new HashSet<string>(StringComparer.Ordinal) { "he", "she", "i", "they" };

        // Common words that begin a sentence with a capital and are never a name.
        private static readonly HashSet<string> NotNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "a", "an", "at", "on", "in", "after", "before", "because", "when", "while", "during", "then", "this", "that",
            "we", "our", "it", "its", "there", "once", "since", "until", "by", "for", "from", "to", "with", "as", "if", "so",
            "but", "and", "or", "why", "what", "how", "no", "not", "all", "some", "one", "two", "three", "each", "every",
        };

        // Pronouns, determiners, conjunctions and prepositions, which WordNet's lists of nouns, adjectives and adverbs lack.
        private static readonly HashSet<string> ClosedClass = new HashSet<string>(StringComparer.Ordinal)
        {
            "which", "who", "whom", "whose", "what", "whatever", "whichever", "whoever", "it", "itself", "this", "that", "these",
            "those", "there", "here", "nothing", "something", "anything", "everything", "nobody", "somebody", "anybody",
            "everybody", "none", "each", "either", "neither", "both", "such", "same", "other", "another", "many", "much",
            "more", "most", "few", "less", "least", "own", "we", "us", "you", "your", "yours", "our", "ours", "their",
            "theirs", "them", "him", "his", "her", "hers", "me", "my", "mine", "myself", "ourselves", "themselves",
            "himself", "herself", "into", "onto", "upon", "within", "without", "among", "amongst", "via", "per", "than",
            "though", "although", "whereas", "unless", "whether", "whilst", "nor", "yet", "thus", "hence", "however",
            "therefore", "meanwhile", "instead", "otherwise", "also", "too", "very", "just", "only", "even", "still",
        };

        // Letters in capitals that are things, not a person's initials.
        private static readonly HashSet<string> Acronyms = new HashSet<string>(StringComparer.Ordinal)
        {
            "DNS", "AWS", "GCP", "GCE", "GKE", "EKS", "AKS", "API", "CPU", "GPU", "RAM", "SSD", "NFS", "CDN", "WAF", "BGP", "TLS", "SSL",
            "SSH", "VPN", "VPC", "ELB", "ALB", "NLB", "EBS", "RDS", "IAM", "KMS", "SQS", "SNS", "ECS", "CI", "CD", "QA", "PR", "OS",
            "VM", "IP", "TCP", "UDP", "HTTP", "HTTPS", "URL", "UI", "UX", "DB", "SQL", "ORM", "JVM", "GC", "IO", "OOM", "SLA", "SLO",
            "SLI", "TTL", "NTP", "LDAP", "SSO", "SAML", "CSV", "JSON", "YAML", "XML", "HTML", "CSS", "JS", "HA", "DR", "ETL", "LVM",
            "WAL", "RAID", "SAN", "NAS", "ISP", "CRD", "PVC", "PV", "HPA", "RBAC", "SMTP", "DMARC", "MX", "NAT", "ACL", "DHCP", "PKI",
            "CA", "HSM", "MFA", "JWT", "SDK", "CLI", "GUI", "REST", "RPC", "CDC", "LB", "AZ", "EU", "US", "UK", "UTC", "GMT", "PST",
            "PDT", "EST", "EDT", "CET", "CEST", "AM", "PM", "ID", "OK", "IT", "HR", "SEV", "MTTR", "MTTD", "RCA", "TCO", "NOC", "SOC",
            "ACK", "CVE", "SMS", "DDOS", "DOS", "XSS", "CSRF", "WAN", "LAN", "MTU", "ARP", "AD", "GW", "ASG", "AMI", "ARN", "EFS",
            "PT", "ET", "CT", "MT", "BST", "IST", "JST", "KST", "SGT", "AEST", "AEDT", "CST", "CDT", "MST", "MDT", "HST", "AKST",
            "NZST", "NZDT", "WET", "EET", "EEST", "WEST", "MSK", "HKT",
            // Units: "Deleted 41 GB of logs" names no one.
            "KB", "MB", "GB", "TB", "PB", "EB", "RPS", "QPS", "TPS",
        };

        private static readonly HashSet<string> Openers = new HashSet<string>(StringComparer.Ordinal)
        {
            "because", "when", "after", "while", "and", "but", "so", "as", "since", "then", "until", "before", "once", "if", "that",
            "where", "whereas", "although", "though", "why", "later", "meanwhile", "finally", "also",
        };

        private static readonly HashSet<string> Passive = new HashSet<string>(StringComparer.Ordinal) { "was", "were", "is", "are", "been", "being", "be", "got", "gets" };

        private static readonly HashSet<string> Auxiliaries = new HashSet<string>(StringComparer.Ordinal)
        {
            "should", "must", "did", "didn't", "does", "doesn't", "do", "don't", "had", "has", "have", "hadn't", "hasn't", "would", "could",
            "will", "can", "may", "might", "shall", "kept", "keeps", "was", "were", "is", "are", "wasn't", "weren't", "never", "then",
        };

        /// <summary>The first person who acts in a clause of the sentence, and the words that show it.</summary>
        public static (string Person, string Phrase)? FindActor(BlameLexicon lexicon, List<Token> tokens)
        {
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!tokens[i].IsWord || !CanStartSubject(lexicon, tokens, i)) continue;
                var found = ActorAt(lexicon, tokens, i, requireHarm: true);
                if (found is not null) return found;
            }
            return PassiveAgent(lexicon, tokens) ?? ErrorBy(lexicon, tokens);
        }

        // "An error by Rogers staff ...", "a mistake by the operator": a person's error named as such.
        private static (string Person, string Phrase)? ErrorBy(BlameLexicon lexicon, List<Token> tokens)
        {
            for (int i = 0; i + 2 < tokens.Count; i++)
            {
                if (tokens[i].Lower is not ("error" or "errors" or "mistake" or "mistakes" or "slip") || tokens[i + 1].Lower != "by") continue;
                int at = i + 2;
                // "by Rogers staff": a name before the role is the employer's.
                if (at + 1 < tokens.Count && char.IsUpper(tokens[at].Text[0]) && PersonNounAt(lexicon, tokens, at + 1, out _) is not null) at++;
                var person = PersonAt(lexicon, tokens, at, out int end);
                if (person is not null) return (person, string.Join(" ", tokens.Skip(i).Take(end - i).Select(t => t.Text)));
            }
            return null;
        }

        /// <summary>A person as the subject at <paramref name="start"/>, followed by what they did; with <paramref name="requireHarm"/>, only when that is not a harmless step of the response.</summary>
        public static (string Person, string Phrase)? ActorAt(BlameLexicon lexicon, List<Token> tokens, int start, bool requireHarm)
        {
            var person = PersonAt(lexicon, tokens, start, out int end);
            if (person is null) return null;
            int verb = FindVerb(lexicon, tokens, end);
            if (verb < 0) return null;
            if (lexicon.SystemFramings.StartOf(Tail(tokens, verb, 6)) is not null) return null;
            int main = MainVerb(lexicon, tokens, verb);
            if (main < 0) return null;
            // What the message quotes: the person, the verb and up to three words after it, within the clause.
            int quoteEnd = main + 1;
            while (quoteEnd < tokens.Count && quoteEnd <= main + 3 && tokens[quoteEnd].IsWord) quoteEnd++;
            var phrase = string.Join(" ", tokens.Skip(start).Take(quoteEnd - start).Where(t => t.IsWord).Select(t => t.Text));
            if (!requireHarm) return (person, phrase);
            // "They" stands for people only with what only people do ("They deployed on a Friday"); "they failed readiness checks" is servers.
            if (person.Equals("they", StringComparison.OrdinalIgnoreCase) && !PeopleOnlyVerbs.Contains(Base(tokens[main].Lower))) return null;
            if (IsResponse(lexicon, tokens, main) && !HasErrorMarker(lexicon, tokens, verb)) return null;
            return (person, phrase);
        }

        private static readonly HashSet<string> PeopleOnlyVerbs = new HashSet<string>(StringComparer.Ordinal)
        {
            "decide", "choose", "ignore", "forget", "skip", "deploy", "push", "merge", "approve", "type", "assume", "think",
            "believe", "want", "plan", "agree", "misread", "mistype", "neglect", "overlook", "decline", "refuse", "opt",
        };

        // The verb that says what the person did, from the first verb word after the subject: "was paged" makes the
        // person the one acted on (-1); "was fixing", "had edited", "had been taking" give the verb after the helper.
        private static int MainVerb(BlameLexicon lexicon, List<Token> tokens, int verb)
        {
            var w = tokens[verb].Lower;
            int next = verb + 1;
            while (next < tokens.Count && tokens[next].IsWord && (tokens[next].Lower is "not" or "never" || lexicon.Adverbs.Contains(tokens[next].Lower) || IsLyAdverb(tokens[next].Lower))) next++;
            bool hasNext = next < tokens.Count && tokens[next].IsWord;
            if (Passive.Contains(w))
            {
                if (!hasNext) return -1;
                var n = tokens[next].Lower;
                return n.EndsWith("ing", StringComparison.Ordinal) && n.Length > 4 ? next : -1;   // "was fixing"; "was paged", "was tired" (judgement words are in BlamePhrases)
            }
            if (w is "had" or "has" or "have" && hasNext)
            {
                if (tokens[next].Lower == "been")
                {
                    bool progressive = next + 1 < tokens.Count && tokens[next + 1].Lower.EndsWith("ing", StringComparison.Ordinal);
                    return progressive ? next + 1 : -1;                                              // "had been taking"; "had been paged"
                }
                if (IsPastForm(lexicon, tokens[next].Lower)) return next;                             // "had edited"
            }
            return verb;
        }

        // A subject starts a clause: at the start, after a clause mark or a joining word, after a time ("At 14:03 he ..."),
        // or after an introductory phrase; not right after a verb or a preposition, where a noun is an object.
        private static bool CanStartSubject(BlameLexicon lexicon, List<Token> tokens, int i)
        {
            // "he", "she", "I" are always a subject ("he notices he ran it"); "him", "her", "me" never are.
            if (tokens[i].Lower is "he" or "she" || tokens[i].Text == "I") return true;
            int before = i - 1;
            while (before >= 0 && tokens[before].IsWord && Determiners.Contains(tokens[before].Lower) && before >= i - 1) before--;
            if (before < 0) return true;
            var prev = tokens[before];
            if (!prev.IsWord) return true;
            if (Openers.Contains(prev.Lower)) return true;
            if (ObjectMarkers.Contains(prev.Lower)) return false;
            if (char.IsDigit(prev.Text[0]) || prev.Lower is "utc" or "am" or "pm" or "pst" or "pdt" or "est" or "edt" or "gmt" or "cet" or "later" or "earlier" or "then" or "now" or "also" or "first") return true;
            // After any other word the noun belongs to that word's phrase: an object ("paged the on-call"), a compound, ...
            return Determiners.Contains(tokens[i].Lower) || i > 0 && Determiners.Contains(tokens[i - 1].Lower) && IsTimeWord(prev);
        }

        private static bool IsTimeWord(Token t) => char.IsDigit(t.Text[0]);

        // The person a phrase at start names, and the index after it: determiners, up to three modifiers, and a person
        // noun (singular or plural), a pronoun, initials, or a known name.
        private static string? PersonAt(BlameLexicon lexicon, List<Token> tokens, int start, out int end)
        {
            end = start;
            int i = start;
            while (i < tokens.Count && tokens[i].IsWord && Determiners.Contains(tokens[i].Lower)) i++;
            if (i >= tokens.Count || !tokens[i].IsWord) return null;
            bool hasDeterminer = i > start;

            // A pronoun or a name stands alone.
            if (!hasDeterminer)
            {
                var t = tokens[i];
                if (Pronouns.Contains(t.Lower) && (t.Lower != "i" || t.Text == "I"))
                {
                    end = i + 1;
                    return t.Text;
                }
                if (IsInitials(lexicon, t))
                {
                    end = i + 1;
                    return t.Text;
                }
                if (lexicon.KnownPeople.Contains(t.Lower) && char.IsUpper(t.Text[0]))
                {
                    end = i + 1;
                    if (end < tokens.Count && lexicon.KnownPeople.Contains(t.Lower + " " + tokens[end].Lower)) end++;
                    return string.Join(" ", tokens.Skip(i).Take(end - i).Select(x => x.Text));
                }
                if (IsHandle(lexicon, t) && HandleCanStandAt(tokens, i) && !PluralNounFollows(tokens, i + 1))
                {
                    end = i + 1;
                    return t.Text;
                }
            }

            // Determiners, modifiers, then the person noun: "a tired admin", "the network engineers", "an S3 team member".
            for (int head = i; head < tokens.Count && head <= i + 3; head++)
            {
                if (!tokens[head].IsWord) return null;
                var match = PersonNounAt(lexicon, tokens, head, out int after);
                if (match is null)
                {
                    // A modifier is not a verb: "The engineer ran" is a subject and its verb, not a modifier and a noun.
                    if (head > i && LooksLikeVerb(lexicon, tokens[head].Lower)) return null;
                    continue;
                }
                // "The Postgres operator", "the Kubernetes operator": software, not a person.
                if (head > start && (lexicon.SystemNames.Contains(tokens[head - 1].Lower) || char.IsUpper(tokens[head - 1].Text[0]) && tokens[head].Lower.StartsWith("operator", StringComparison.Ordinal) && !lexicon.PersonNouns.Contains(tokens[head - 1].Lower)))
                {
                    if (tokens[head].Lower.StartsWith("operator", StringComparison.Ordinal)) return null;
                }
                // "the on-call admin", "the database engineer on call": a person noun goes on into another.
                while (after < tokens.Count && tokens[after].IsWord && PersonNounAt(lexicon, tokens, after, out int further) is not null) after = further;
                end = after;
                return string.Join(" ", tokens.Skip(start).Take(after - start).Select(x => x.Text));
            }
            return null;
        }

        // A person noun at i, singular or plural, one or more words ("team member", "on call engineer").
        private static string? PersonNounAt(BlameLexicon lexicon, List<Token> tokens, int i, out int after)
        {
            after = i;
            for (int length = Math.Min(3, tokens.Count - i); length >= 1; length--)
            {
                if (!tokens.Skip(i).Take(length).All(t => t.IsWord)) continue;
                var words = tokens.Skip(i).Take(length).Select(t => t.Lower).ToList();
                var phrase = Words.Of(string.Join(" ", words));
                if (lexicon.PersonNouns.StartOf(phrase) is string found && Words.Of(found).Tokens.Count == length)
                {
                    after = i + length;
                    return found;
                }
                var last = words[length - 1];
                if (last.Length > 3 && last.EndsWith("s", StringComparison.Ordinal))
                {
                    words[length - 1] = last.EndsWith("ies", StringComparison.Ordinal) ? last.Substring(0, last.Length - 3) + "y" : last.Substring(0, last.Length - 1);
                    var singular = Words.Of(string.Join(" ", words));
                    if (lexicon.PersonNouns.StartOf(singular) is string plural && Words.Of(plural).Tokens.Count == length)
                    {
                        after = i + length;
                        return plural + "s";
                    }
                }
            }
            return null;
        }

        // "YP", "KL", "AJ": two or three capitals that are not a known acronym; or the initials of someone the postmortem names.
        private static bool IsInitials(BlameLexicon lexicon, Token t)
        {
            if (t.Text.Length < 2 || t.Text.Length > 3 || !t.Text.All(char.IsUpper)) return false;
            if (lexicon.KnownInitials.Contains(t.Text)) return true;
            return !Acronyms.Contains(t.Text);
        }

        // "personally", "fully", "quickly": an adverb stands between a subject and its verb, or a helper and its verb.
        private static bool IsLyAdverb(string w) => w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && !VerbLexicon.English.IsVerb(w);

        // "Nextcloud pods found in CrashLoopBackOff": a word in -s that English has as a noun, followed by a participle
        // or a preposition, is a plural noun (the name is its modifier), not a verb in the present.
        private static bool PluralNounFollows(List<Token> tokens, int at)
        {
            if (at + 1 >= tokens.Count || !tokens[at].IsWord || !tokens[at + 1].IsWord) return false;
            var w = tokens[at].Lower;
            if (!w.EndsWith("s", StringComparison.Ordinal) || !EnglishWords.Contains(w)) return false;
            var next = tokens[at + 1].Lower;
            bool participle = next.Length > 4 && next.EndsWith("ed", StringComparison.Ordinal) || VerbLexicon.English.IsPastParticiple(next);
            return participle || next is "in" or "on" or "of" or "at" or "for" or "with" or "from" or "were" or "are" or "had" or "have";
        }

        // A word that is no English word, no software the lists name and no host name, standing where a subject
        // stands: a person's name or chat handle ("paladox drops the database", "MacFan4000 reverts his changes",
        // "Tomasz disabled the health checks").
        private static bool IsHandle(BlameLexicon lexicon, Token t)
        {
            var text = t.Text;
            if (text.Length < 3 || text.Length > 24 || !char.IsLetter(text[0]) || !text.All(char.IsLetterOrDigit)) return false;
            if (text.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false;            // "DNS", "S3": acronyms and initials are read elsewhere
            if (HostName.IsMatch(text)) return false;                                             // "db1", "web12"
            var lower = t.Lower;
            if (lower.EndsWith("ing", StringComparison.Ordinal)) return false;                  // "autoscaling", "onboarding": a thing being done
            if (lower.EndsWith("bot", StringComparison.Ordinal)) return false;                  // "Dependabot", "UptimeRobot": a bot
            if (NotNames.Contains(lower) || ClosedClass.Contains(lower) || Pronouns.Contains(lower) || lexicon.SystemNames.Contains(lower) || lexicon.PersonNouns.Contains(lower)) return false;
            if (lower.Length > 4 && lower.EndsWith("s", StringComparison.Ordinal) && lexicon.SystemNames.Contains(lower.Substring(0, lower.Length - 1))) return false;   // "webhooks", "runbooks"
            return !EnglishWords.Contains(lower);
        }

        private static readonly System.Text.RegularExpressions.Regex HostName = new System.Text.RegularExpressions.Regex("^[a-z]{1,6}[0-9]+$|^[A-Z]{2,}s$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        // A name stands alone: at the start, after a time ("12:47 MacFan4000 starts ..."), a clause mark, a joining word
        // or "by"; never after a determiner or another word of a noun phrase ("the runbook told ...", "their VMs left ...").
        private static bool HandleCanStandAt(List<Token> tokens, int i)
        {
            if (i == 0) return true;
            var prev = tokens[i - 1];
            if (!prev.IsWord) return true;
            // After a number the word is what it counts ("60 Mbps", "47 hooks"), unless the number ends a time ("12:47 MacFan4000").
            if (prev.Text.All(char.IsDigit)) return i >= 2 && tokens[i - 2].Text == ":";
            // "Gitea and Nextcloud pods": joined to a name before it, the word is part of one noun phrase.
            if (prev.Lower is "and" or "or" && i >= 2 && tokens[i - 2].IsWord && char.IsUpper(tokens[i - 2].Text[0])) return false;
            if (char.IsDigit(prev.Text[0]) || prev.Lower is "utc" or "am" or "pm" or "by" or "and" or "but" or "because" or "when" or "after" or "before" or "while" or "then" or "so" or "until" or "since" or "once") return true;
            return false;
        }

        // The index of the verb after a subject that ends before from: past adverbs, "from the payments team",
        // "on the firewall team", "who set up ...", "working through the queue".
        private static int FindVerb(BlameLexicon lexicon, List<Token> tokens, int from)
        {
            int i = from;
            int skipped = 0;
            while (i < tokens.Count && skipped < 8)
            {
                var t = tokens[i];
                if (!t.IsWord)
                {
                    // "the engineer, who ..." / "the engineer (on call) ..."
                    if (t.Text is "," or "(" or ")" && i + 1 < tokens.Count && tokens[i + 1].Lower is "who" or "on" or "from") { i++; skipped++; continue; }
                    if (t.Text == "," && i == from)
                    {
                        // An apposition between commas: "Jamey, my fellow web developer, accidentally deleted ...".
                        int close = tokens.FindIndex(i + 1, Math.Min(7, tokens.Count - i - 1), x => x.Text == ",");
                        if (close > i + 1 && tokens.Skip(i + 1).Take(close - i - 1).All(x => x.IsWord)) { i = close + 1; skipped += close - i; continue; }
                    }
                    return -1;
                }
                var w = t.Lower;
                if (lexicon.Adverbs.Contains(w) || IsLyAdverb(w)) { i++; skipped++; continue; }
                if (w is "who" or "that") { i++; skipped++; continue; }
                if (i == from && (w is "from" or "on" or "of" or "in" or "at" or "with")
                    || i > from && skipped > 0 && !LooksLikeVerb(lexicon, w) && !Auxiliaries.Contains(w) && IsModifierRun(tokens, from, i))
                {
                    i++; skipped++; continue;
                }
                if (i == from && w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 4 && from > 1 && tokens.Take(from).Any(t => Determiners.Contains(t.Lower)))
                {
                    // "a database operator working through the change queue removed ...": skip to the verb after the phrase.
                    for (int j = i + 2; j < tokens.Count && j <= i + 7; j++)
                    {
                        if (!tokens[j].IsWord) return -1;
                        if (IsPastForm(lexicon, tokens[j].Lower)) return j;
                    }
                    return -1;
                }
                // An -ing form with no helper is no finite verb: "CheckoutHigh5xxRate firing" is an alert's name and state.
                if (w.EndsWith("ing", StringComparison.Ordinal) && !Auxiliaries.Contains(w)) return -1;
                return LooksLikeVerb(lexicon, w) || Auxiliaries.Contains(w) ? i : -1;
            }
            return -1;
        }

        // Between from and i the words began with a preposition: "from the payments team", "on the firewall team".
        private static bool IsModifierRun(List<Token> tokens, int from, int i) =>
            tokens[from].Lower is "from" or "on" or "of" or "in" or "at" or "with" && i - from <= 5;

        private static Words Tail(List<Token> tokens, int from, int count) =>
            Words.Of(string.Join(" ", tokens.Skip(from).Take(count).Where(t => t.IsWord).Select(t => t.Lower)));

        // A step of the response or of talking ("acknowledged", "escalated", "restored", "noticed", "said"), which
        // blames nobody unless the clause marks an error ("only at 16:46", "the wrong", "without checking").
        private static bool IsResponse(BlameLexicon lexicon, List<Token> tokens, int verb) =>
            lexicon.ResponseVerbs.StartOf(Words.Of(Base(tokens[verb].Lower) + " " + string.Join(" ", tokens.Skip(verb + 1).Take(3).Where(t => t.IsWord).Select(t => t.Lower)))) is not null;

        private static bool HasErrorMarker(BlameLexicon lexicon, List<Token> tokens, int verb)
        {
            int end = verb;
            while (end < tokens.Count && tokens[end].Text is not (";" or ":")) end++;
            var clause = Words.Of(string.Join(" ", tokens.Skip(verb).Take(end - verb).Where(t => t.IsWord).Select(t => t.Lower)));
            return lexicon.ErrorMarkers.FindIn(clause) is not null;
        }

        // "was entered incorrectly by the team member", "was pushed by a junior engineer": a person as the agent of a passive.
        private static (string Person, string Phrase)? PassiveAgent(BlameLexicon lexicon, List<Token> tokens)
        {
            for (int i = 0; i + 2 < tokens.Count; i++)
            {
                if (!Passive.Contains(tokens[i].Lower) || !IsPastForm(lexicon, tokens[i + 1].Lower)) continue;
                for (int j = i + 2; j < tokens.Count && j <= i + 5; j++)
                {
                    if (!tokens[j].IsWord) break;
                    if (tokens[j].Lower != "by") continue;
                    var person = PersonAt(lexicon, tokens, j + 1, out _);
                    if (person is null) break;
                    if (IsResponse(lexicon, tokens, i + 1) && !HasErrorMarker(lexicon, tokens, i + 1)) break;
                    return (person, string.Join(" ", tokens.Skip(i).Take(j + 2 - i).Where(t => t.IsWord).Select(t => t.Text)));
                }
            }
            return null;
        }

        private static bool IsPastForm(BlameLexicon lexicon, string w) =>
            lexicon.PersonVerbs.Contains(w) && !w.EndsWith("s", StringComparison.Ordinal) || VerbLexicon.English.IsPastParticiple(w)
            || VerbLexicon.English.BaseOf(w) is not null && !w.EndsWith("ing", StringComparison.Ordinal) || w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal);

        /// <summary>The base form of a verb form ("acknowledged", "escalates", "ran": acknowledge, escalate, run), else the word.</summary>
        private static string Base(string w) => VerbLexicon.English.BaseOf(w) ?? PresentBase(w) ?? w;

        // "runs" -> run, "pushes" -> push, "applies" -> apply: a verb in the third person present.
        private static string? PresentBase(string w)
        {
            var verbs = VerbLexicon.English;
            if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal) && verbs.IsVerb(w.Substring(0, w.Length - 3) + "y")) return w.Substring(0, w.Length - 3) + "y";
            if (w.Length > 3 && w.EndsWith("es", StringComparison.Ordinal) && verbs.IsVerb(w.Substring(0, w.Length - 2))) return w.Substring(0, w.Length - 2);
            if (w.Length > 2 && w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal) && verbs.IsVerb(w.Substring(0, w.Length - 1))) return w.Substring(0, w.Length - 1);
            return null;
        }

        // A finite verb form: a past, a participle, an -ing form or a present in -s of an English verb, or one the list knows.
        private static bool LooksLikeVerb(BlameLexicon lexicon, string w) =>
            lexicon.PersonVerbs.Contains(w) || VerbLexicon.English.BaseOf(w) is not null || PresentBase(w) is not null
            || w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal);   // a past WordNet lacks: "mistyped", "misconfigured"
    }
}
