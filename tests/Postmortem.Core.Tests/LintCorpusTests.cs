using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Postmortems.Tests
{
    /// <summary>
    /// The lint rules against the labelled corpus in tests/lint-corpus/: each rule family's precision and recall held
    /// above a floor, so that a change to the rules that judges more of the corpus wrongly fails. build.ps1 LintQuality
    /// prints the same figures with every misjudged sentence.
    /// </summary>
    public class LintCorpusTests
    {
        // The floors are the figures the rules reached when the corpus was made, rounded down (docs/benchmarks.md).
        // Issue 17's targets, to which the rule work raises these floors as it reaches them:
        //   blame and action items: precision >= 0.95, recall >= 0.90; tone: precision >= 0.90, recall >= 0.85.
        // Raise a floor whenever the rules improve; never lower one to make a change pass.
        public const double BlamePrecisionFloor = 0.95;   // the second blind batch (B339-B458) came in at 0.804 / 0.719 before the rules were generalized from it
        public const double BlameRecallFloor = 0.94;
        public const double ActionPrecisionFloor = 0.99;
        public const double ActionRecallFloor = 0.94;    // VagueActionItem reads the action's shape (0.56 -> 0.94); the noun phrases it misses are compounds whose head WordNet also has as a verb ("Disk space alert at 80% ...")
        public const double TonePrecisionFloor = 0.97;
        public const double ToneRecallFloor = 1.00;
        // Quotes (events from chat or alerts, or quoting someone) that no tone rule flags; the target is all of them.
        public const double QuoteExemptFloor = 1.00;

        private readonly ITestOutputHelper _output;

        public LintCorpusTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void The_corpus_holds_450_sentences_from_public_postmortems_and_60_of_each_class()
        {
            var corpus = LintCorpus.Read(LintCorpus.DefaultPath());
            var fromSources = corpus.Where(s => s.Origin != "hard").ToList();
            Assert.True(fromSources.Count >= 450, $"only {fromSources.Count} sentences come from public postmortems");
            var sites = fromSources.Select(s => new Uri(s.Source).Host).Distinct().Count();
            Assert.True(sites >= 12, $"the sentences come from only {sites} sites");
            foreach (var (family, (labels, _)) in LintCorpus.Families.Where(f => f.Key != "quote"))
            {
                foreach (var label in labels)
                {
                    int count = corpus.Count(s => s.Family == family && s.Label == label);
                    Assert.True(count >= 60, $"only {count} {family} sentences labelled {label}");
                }
            }
            Assert.True(corpus.Count(s => s.Family == "blame" && s.Label == "blame") >= 80, "fewer than 80 blaming sentences");
            Assert.True(corpus.Count(s => s.Family == "quote") >= 40, "fewer than 40 quotes");
        }

        [Theory]
        [InlineData("blame", BlamePrecisionFloor, BlameRecallFloor)]
        [InlineData("action", ActionPrecisionFloor, ActionRecallFloor)]
        [InlineData("tone", TonePrecisionFloor, ToneRecallFloor)]
        public void Each_rule_family_holds_its_precision_and_recall_floor(string family, double precisionFloor, double recallFloor)
        {
            var result = LintCorpus.Evaluate(LintCorpus.Read(LintCorpus.DefaultPath()));
            var total = result.Family(family);
            var figures = $"{family}: precision {LintQualityResult.Show(total.Precision)} (floor {precisionFloor}), recall {LintQualityResult.Show(total.Recall)} (floor {recallFloor})";
            _output.WriteLine(figures);
            var mistakes = string.Join(Environment.NewLine, result.Mistakes.Where(m => m.Sentence.Family == family || (family == "tone" && m.Sentence.Family == "quote")));
            Assert.True(total.Precision is double p && p >= precisionFloor - 1e-9 && total.Recall is double r && r >= recallFloor - 1e-9,
                figures + Environment.NewLine + mistakes);
        }

        [Fact]
        public void Quotes_left_alone_by_the_tone_rules_hold_their_floor()
        {
            var result = LintCorpus.Evaluate(LintCorpus.Read(LintCorpus.DefaultPath()));
            _output.WriteLine($"{result.QuotesExempt} of {result.Quotes} quotes exempt");
            Assert.True(result.QuoteExemptRate >= QuoteExemptFloor - 1e-9,
                $"{result.QuotesExempt} of {result.Quotes} quotes left alone, under the floor {QuoteExemptFloor}:" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Mistakes.Where(m => m.Sentence.Family == "quote")));
        }

        [Fact]
        public void A_sentence_is_judged_in_the_field_its_context_names()
        {
            var settings = Rules.RuleSettings.Default();
            LintSentence Sentence(string family, string label, string context, string text) =>
                new LintSentence(1, "X1", family, label, context, "hard", Array.Empty<string>(), "-", text);

            // The guide's own example of a root cause that is not one, as a root cause and as the last why.
            Assert.Contains(LintCorpus.Findings(Sentence("blame", "blame", "rootcause", "Engineer ran the wrong command."), settings, LintCorpus.BlameRules),
                f => f.RuleName == "BlamelessLanguage" && f.Target == "RootCause");
            Assert.Contains(LintCorpus.Findings(Sentence("blame", "blame", "why", "Engineer ran the wrong command."), settings, LintCorpus.BlameRules),
                f => f.RuleName == "FiveWhysEndsInSystem" && f.Target == "Whys[0]");
            Assert.Contains(LintCorpus.Findings(Sentence("action", "vague", "action", "Be more careful when deploying"), settings, new[] { "VagueActionItem" }),
                f => f.Target == "ActionItems[0]");
            Assert.Contains(LintCorpus.Findings(Sentence("tone", "vague", "impact", "There was some downtime."), settings, new[] { "VagueQuantity" }),
                f => f.Target == "Impact.UsersAffected");
            Assert.Contains(LintCorpus.Findings(Sentence("tone", "hedged", "summary", "Unfortunately alerting was missing."), settings, new[] { "Hedging" }),
                f => f.Target == "ExecutiveSummary");
            // A quote from chat is a timeline event whose source says so.
            var (chat, target) = LintCorpus.Place(Sentence("quote", "quote", "chat", "checkout is failing for some users"));
            Assert.Equal("Timeline[0]", target);
            Assert.Equal("slack", chat.Timeline[0].Source);
            // The names a line gives are people the postmortem knows.
            var known = new LintSentence(1, "X2", "blame", "blame", "rootcause", "hard", new[] { "Priya Natarajan" }, "-", "Priya deleted the bucket.");
            Assert.Equal(new[] { "Priya Natarajan" }, LintCorpus.Place(known).Postmortem.Authors.ToArray());
        }

        [Fact]
        public void A_malformed_corpus_line_is_refused_with_its_line_number()
        {
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllLines(path, new[]
                {
                    "# comment",
                    "B1\tblame\tblame\trootcause\tsource\t-\thttps://example.org/pm\tThe engineer ran rm -rf.",
                    "B2\tblame\tvague\trootcause\tsource\t-\thttps://example.org/pm\tThe engineer ran rm -rf.",
                });
                var error = Assert.Throws<FormatException>(() => LintCorpus.Read(path));
                Assert.Contains(":3:", error.Message);
                Assert.Contains("'vague' is not a label of the blame family", error.Message);

                File.WriteAllLines(path, new[] { "B1\tblame\tblame\trootcause\thard\t-\thttps://example.org/pm\tThe engineer ran rm -rf." });
                Assert.Contains("a hard case has no source", Assert.Throws<FormatException>(() => LintCorpus.Read(path)).Message);

                File.WriteAllLines(path, new[] { "B1\tblame\tblame\trootcause\tsource\t-\thttps://example.org/pm" });
                Assert.Contains("expected 8 columns", Assert.Throws<FormatException>(() => LintCorpus.Read(path)).Message);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
