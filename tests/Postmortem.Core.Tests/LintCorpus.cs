using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Rules;

namespace Postmortems.Tests
{
    /// <summary>One line of tests/lint-corpus/corpus.tsv: a sentence, where it is judged, and what it should be judged.</summary>
    public sealed class LintSentence
    {
        public LintSentence(int lineNumber, string id, string family, string label, string context, string origin, IReadOnlyList<string> people, string source, string text)
        {
            LineNumber = lineNumber;
            Id = id;
            Family = family;
            Label = label;
            Context = context;
            Origin = origin;
            People = people;
            Source = source;
            Text = text;
        }

        public int LineNumber { get; }

        public string Id { get; }

        /// <summary>blame, action, tone or quote.</summary>
        public string Family { get; }

        public string Label { get; }

        /// <summary>event, why, rootcause, action, impact, summary, chat, alert or quoted.</summary>
        public string Context { get; }

        /// <summary>source, adapted or hard.</summary>
        public string Origin { get; }

        /// <summary>Names the postmortem knows: put in as its authors.</summary>
        public IReadOnlyList<string> People { get; }

        public string Source { get; }

        public string Text { get; }

        public override string ToString() => $"{Id} ({Family} {Label}, {Context})";
    }

    /// <summary>A rule (or a context of one) measured against the labels: the sentences it should flag, and what it did.</summary>
    public sealed class LintMeasure
    {
        public LintMeasure(string family, string name, string positive)
        {
            Family = family;
            Name = name;
            Positive = positive;
        }

        public string Family { get; }

        /// <summary>The rule, and the context when one rule is measured in several.</summary>
        public string Name { get; }

        /// <summary>The label this measure should flag.</summary>
        public string Positive { get; }

        public int TruePositives { get; internal set; }

        public int FalsePositives { get; internal set; }

        public int FalseNegatives { get; internal set; }

        /// <summary>Flagged and labelled to be flagged, of all flagged; null when nothing was flagged.</summary>
        public double? Precision => TruePositives + FalsePositives == 0 ? (double?)null : (double)TruePositives / (TruePositives + FalsePositives);

        /// <summary>Flagged, of all labelled to be flagged; null when nothing is labelled to be flagged.</summary>
        public double? Recall => TruePositives + FalseNegatives == 0 ? (double?)null : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    /// <summary>A sentence a rule judged wrongly: flagged though its label says otherwise, or missed.</summary>
    public sealed class LintMistake
    {
        public LintMistake(LintSentence sentence, string measure, bool missed, string? finding)
        {
            Sentence = sentence;
            Measure = measure;
            Missed = missed;
            Finding = finding;
        }

        public LintSentence Sentence { get; }

        public string Measure { get; }

        /// <summary>True for a sentence the rule should have flagged and did not; false for a false positive.</summary>
        public bool Missed { get; }

        /// <summary>The rule's message, for a false positive.</summary>
        public string? Finding { get; }

        public override string ToString() =>
            (Missed ? "MISS " : "FALSE POSITIVE ") + $"{Sentence.Id} [{Measure}; labelled {Sentence.Label}, as {Sentence.Context}] {Sentence.Text}" +
            (Finding is null ? "" : $" -- {Finding}");
    }

    /// <summary>The figures of every measure, per family, and the misjudged sentences.</summary>
    public sealed class LintQualityResult
    {
        public List<LintMeasure> Measures { get; } = new List<LintMeasure>();

        public List<LintMistake> Mistakes { get; } = new List<LintMistake>();

        /// <summary>Quotes (family quote) left alone by every tone rule, of all quotes.</summary>
        public int QuotesExempt { get; internal set; }

        public int Quotes { get; internal set; }

        public double QuoteExemptRate => Quotes == 0 ? 1 : (double)QuotesExempt / Quotes;

        public IEnumerable<string> Families => Measures.Select(m => m.Family).Distinct();

        /// <summary>A family's measures summed: the precision and recall over all its rules together.</summary>
        public LintMeasure Family(string family)
        {
            var total = new LintMeasure(family, family, string.Join("/", Measures.Where(m => m.Family == family).Select(m => m.Positive).Distinct()));
            foreach (var m in Measures.Where(m => m.Family == family))
            {
                total.TruePositives += m.TruePositives;
                total.FalsePositives += m.FalsePositives;
                total.FalseNegatives += m.FalseNegatives;
            }
            return total;
        }

        public string Summary =>
            string.Join("; ", Families.Select(f => Family(f)).Select(f => $"{f.Family}: precision {Show(f.Precision)}, recall {Show(f.Recall)}")) +
            $"; quotes exempt from tone rules {QuotesExempt}/{Quotes}";

        public static string Show(double? value) => value is double v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
    }

    /// <summary>
    /// The labelled lint corpus (tests/lint-corpus/corpus.tsv; its labelling guideline is GUIDELINE.md beside it), read and
    /// measured: each sentence is put alone in a postmortem, in the field its context names, and the module's rules run
    /// over it. Shared by the xunit test, which holds each family above a floor, and build.ps1's LintQuality task
    /// (bench/LintQuality), which prints the same figures and every misjudged sentence.
    /// </summary>
    public static class LintCorpus
    {
        private static readonly DateTime EventTime = new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc);

        /// <summary>The rules that judge blame. A rule added for blame (for example in the timeline) is added here to be measured.</summary>
        public static readonly string[] BlameRules = { "BlamelessLanguage", "BlamelessTimeline", "FiveWhysEndsInSystem" };

        /// <summary>The tone rules a quote must not meet.</summary>
        public static readonly string[] ToneRules = { "VagueQuantity", "Hedging", "TimelineTense" };

        /// <summary>What each label of each family may be, and the contexts each family's sentences may take.</summary>
        public static readonly IReadOnlyDictionary<string, (string[] Labels, string[] Contexts)> Families = new Dictionary<string, (string[], string[])>
        {
            ["blame"] = (new[] { "blame", "blameless" }, new[] { "event", "why", "rootcause" }),
            ["action"] = (new[] { "concrete", "vague", "noun-phrase" }, new[] { "action" }),
            ["tone"] = (new[] { "vague", "hedged", "specific" }, new[] { "event", "impact", "summary" }),
            ["quote"] = (new[] { "quote" }, new[] { "chat", "alert", "quoted" }),
        };

        private static readonly string[] Origins = { "source", "adapted", "hard" };

        /// <summary>tests/lint-corpus/corpus.tsv, found from the running assembly's folder upwards.</summary>
        public static string DefaultPath()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "tests", "lint-corpus", "corpus.tsv"))) folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("tests/lint-corpus/corpus.tsv not found"), "tests", "lint-corpus", "corpus.tsv");
        }

        public static List<LintSentence> Read(string path)
        {
            var sentences = new List<LintSentence>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            int number = 0;
            foreach (var raw in File.ReadAllLines(path, Encoding.UTF8))
            {
                number++;
                if (raw.Length == 0 || raw[0] == '#') continue;
                var parts = raw.Split('\t');
                if (parts.Length != 8) throw new FormatException($"{path}:{number}: expected 8 columns separated by tabs (id, family, label, context, origin, people, source, text), found {parts.Length}.");
                var (id, family, label, context, origin, people, source, text) = (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7].Trim());
                if (!Families.TryGetValue(family, out var allowed)) throw new FormatException($"{path}:{number}: unknown family '{family}'; expected {string.Join(", ", Families.Keys)}.");
                if (!allowed.Labels.Contains(label)) throw new FormatException($"{path}:{number}: '{label}' is not a label of the {family} family; expected {string.Join(", ", allowed.Labels)}.");
                if (!allowed.Contexts.Contains(context)) throw new FormatException($"{path}:{number}: '{context}' is not a context of the {family} family; expected {string.Join(", ", allowed.Contexts)}.");
                if (!Origins.Contains(origin)) throw new FormatException($"{path}:{number}: unknown origin '{origin}'; expected {string.Join(", ", Origins)}.");
                bool hasSource = source.StartsWith("https://", StringComparison.Ordinal) || source.StartsWith("http://", StringComparison.Ordinal);
                if ((origin == "hard") == hasSource) throw new FormatException($"{path}:{number}: a hard case has no source (-); a source or adapted sentence has its source's URL.");
                if (text.Length == 0) throw new FormatException($"{path}:{number}: the sentence is empty.");
                if (!ids.Add(id)) throw new FormatException($"{path}:{number}: the id {id} is used twice.");
                var names = people == "-" ? Array.Empty<string>() : people.Split(';').Select(n => n.Trim()).Where(n => n.Length > 0).ToArray();
                sentences.Add(new LintSentence(number, id, family, label, context, origin, names, source, text));
            }
            return sentences;
        }

        public static LintQualityResult Evaluate(IEnumerable<LintSentence> corpus, RuleSettings? settings = null)
        {
            settings ??= RuleSettings.Default();
            var list = corpus.ToList();
            var result = new LintQualityResult();
            var contexts = new[] { ("rootcause", "BlamelessLanguage (root cause)"), ("why", "FiveWhysEndsInSystem (last why)"), ("event", "BlamelessTimeline (timeline event)") };
            foreach (var (context, name) in contexts)
            {
                Measure(result, list.Where(s => s.Family == "blame" && s.Context == context), settings, new LintMeasure("blame", name, "blame"), BlameRules);
            }
            var actions = list.Where(s => s.Family == "action").ToList();
            Measure(result, actions, settings, new LintMeasure("action", "VagueActionItem", "vague"), new[] { "VagueActionItem" });
            Measure(result, actions, settings, new LintMeasure("action", "ActionItemImperative", "noun-phrase"), new[] { "ActionItemImperative" });
            // Quotes are never to be flagged: they are the tone rules' negatives, besides the specific sentences.
            var tone = list.Where(s => s.Family == "tone" || s.Family == "quote").ToList();
            Measure(result, tone, settings, new LintMeasure("tone", "VagueQuantity", "vague"), new[] { "VagueQuantity" });
            Measure(result, tone, settings, new LintMeasure("tone", "Hedging", "hedged"), new[] { "Hedging" });
            foreach (var quote in list.Where(s => s.Family == "quote"))
            {
                result.Quotes++;
                var findings = Findings(quote, settings, ToneRules);
                if (findings.Count == 0) result.QuotesExempt++;
                else if (!findings.Any(f => f.RuleName is "VagueQuantity" or "Hedging"))
                {
                    // VagueQuantity and Hedging are listed as false positives of their own measure; TimelineTense has none.
                    result.Mistakes.Add(new LintMistake(quote, "TimelineTense (quotes are exempt)", missed: false, $"{findings[0].RuleName}: {findings[0].Message}"));
                }
            }
            return result;
        }

        private static void Measure(LintQualityResult result, IEnumerable<LintSentence> sentences, RuleSettings settings, LintMeasure measure, string[] rules)
        {
            foreach (var sentence in sentences)
            {
                var findings = Findings(sentence, settings, rules);
                bool positive = sentence.Label == measure.Positive && sentence.Family != "quote";
                if (positive && findings.Count > 0) measure.TruePositives++;
                else if (positive)
                {
                    measure.FalseNegatives++;
                    result.Mistakes.Add(new LintMistake(sentence, measure.Name, missed: true, null));
                }
                else if (findings.Count > 0)
                {
                    measure.FalsePositives++;
                    result.Mistakes.Add(new LintMistake(sentence, measure.Name, missed: false, $"{findings[0].RuleName}: {findings[0].Message}"));
                }
            }
            result.Measures.Add(measure);
        }

        /// <summary>The findings of the given rules on the sentence, put alone in a postmortem where its context says.</summary>
        public static List<DiagnosticRecord> Findings(LintSentence sentence, RuleSettings settings, IReadOnlyCollection<string> rules)
        {
            var (postmortem, target) = Place(sentence);
            return PostmortemLinter.Check(postmortem, settings, name => rules.Contains(name))
                .Where(r => r.Target == target)
                .ToList();
        }

        /// <summary>A postmortem holding the sentence in the field its context names, and that field's target in findings.</summary>
        public static (Postmortem Postmortem, string Target) Place(LintSentence sentence)
        {
            var postmortem = new Postmortem("Lint corpus " + sentence.Id);
            foreach (var name in sentence.People) postmortem.Authors.Add(name);
            switch (sentence.Context)
            {
                case "rootcause":
                    postmortem.RootCause = sentence.Text;
                    return (postmortem, "RootCause");
                case "why":
                    postmortem.Whys.Add(sentence.Text);
                    return (postmortem, "Whys[0]");
                case "action":
                    postmortem.ActionItems.Add(new ActionItem(sentence.Text) { Owner = "platform", DueDate = new DateTime(2026, 12, 1), Priority = ActionPriority.P2 });
                    return (postmortem, "ActionItems[0]");
                case "impact":
                    postmortem.Impact.UsersAffected = sentence.Text;
                    return (postmortem, "Impact.UsersAffected");
                case "summary":
                    postmortem.ExecutiveSummary = sentence.Text;
                    return (postmortem, "ExecutiveSummary");
                case "event":
                case "quoted":
                    postmortem.Timeline.Add(new TimelineEvent(EventTime, sentence.Text));
                    return (postmortem, "Timeline[0]");
                case "chat":
                    postmortem.Timeline.Add(new TimelineEvent(EventTime, sentence.Text, Milestone.None, "slack"));
                    return (postmortem, "Timeline[0]");
                case "alert":
                    postmortem.Timeline.Add(new TimelineEvent(EventTime, sentence.Text, Milestone.None, "pagerduty"));
                    return (postmortem, "Timeline[0]");
                default:
                    throw new ArgumentException($"{sentence}: unknown context '{sentence.Context}'.", nameof(sentence));
            }
        }
    }
}
