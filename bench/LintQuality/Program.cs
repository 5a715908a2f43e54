using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Tests;

namespace Postmortems.LintQualityReport
{
    /// <summary>
    /// Prints the lint rules' precision and recall per rule family over the labelled corpus (tests/lint-corpus), each
    /// rule's own figures, how many quotes the tone rules leave alone, and every misjudged sentence. Writes the same as
    /// Markdown to the file given second; the part before "## Misjudged sentences" is the table build.ps1 Bench adds to
    /// its report. Exits 0 when the corpus was read and measured, whether or not the targets are met (the xunit test
    /// LintCorpusTests holds the floors); 2 on bad arguments or a corpus it cannot read.
    /// </summary>
    public static class Program
    {
        /// <summary>The targets of the project's issue 17, per family: precision, recall.</summary>
        public static readonly IReadOnlyDictionary<string, (double Precision, double Recall)> Targets = new Dictionary<string, (double, double)>
        {
            ["blame"] = (0.95, 0.90),
            ["action"] = (0.95, 0.90),
            ["tone"] = (0.90, 0.85),
        };

        public const string MisjudgedHeading = "## Misjudged sentences";

        public static int Main(string[] args)
        {
            if (args.Length < 1)
            {
                Console.Error.WriteLine("usage: <corpus.tsv> [results.md]");
                return 2;
            }
            List<LintSentence> corpus;
            try
            {
                corpus = LintCorpus.Read(args[0]);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"The corpus could not be read: {e.Message}");
                return 2;
            }

            var report = new StringBuilder();
            void Line(string text = "")
            {
                Console.WriteLine(text);
                report.AppendLine(text);
            }

            var result = LintCorpus.Evaluate(corpus);
            Line("## Lint quality on the labelled corpus");
            Line();
            var sources = corpus.Where(s => s.Origin != "hard").Select(s => new Uri(s.Source).Host).Distinct().Count();
            Line($"{corpus.Count} sentences ({Path.GetFileName(args[0])}): {corpus.Count(s => s.Origin == "source")} reworded from public postmortems, " +
                 $"{corpus.Count(s => s.Origin == "adapted")} hard cases adapted from them, {corpus.Count(s => s.Origin == "hard")} hard cases written for the corpus; " +
                 $"{sources} source sites. Per family and label: " +
                 string.Join(", ", corpus.GroupBy(s => (s.Family, s.Label)).Select(g => $"{g.Key.Family} {g.Key.Label} {g.Count()}")) + ".");
            Line();
            Line("| Family | Precision | Recall | Target | Flagged right | Flagged wrongly | Missed |");
            Line("|---|---:|---:|---|---:|---:|---:|");
            foreach (var family in result.Families)
            {
                var total = result.Family(family);
                var target = Targets.TryGetValue(family, out var t) ? $">= {t.Precision:0.00} / {t.Recall:0.00}{(Met(total, t) ? ", met" : ", not met")}" : "";
                Line($"| {family} | {LintQualityResult.Show(total.Precision)} | {LintQualityResult.Show(total.Recall)} | {target} | {total.TruePositives} | {total.FalsePositives} | {total.FalseNegatives} |");
            }
            Line();
            Line($"Quotes (timeline events from chat or alerts, or quoting someone) left alone by every tone rule: {result.QuotesExempt} of {result.Quotes} ({result.QuoteExemptRate:P0}).");
            Line();
            Line("By rule; each flags the label in brackets, and a flag on any other label is a false positive:");
            Line();
            Line("| Family | Rule | Precision | Recall | Flagged right | Flagged wrongly | Missed |");
            Line("|---|---|---:|---:|---:|---:|---:|");
            foreach (var m in result.Measures)
            {
                Line($"| {m.Family} | {m.Name} [{m.Positive}] | {LintQualityResult.Show(m.Precision)} | {LintQualityResult.Show(m.Recall)} | {m.TruePositives} | {m.FalsePositives} | {m.FalseNegatives} |");
            }
            Line();
            Line(MisjudgedHeading);
            Line();
            Line(result.Mistakes.Count == 0 ? "None." : $"{result.Mistakes.Count}, by rule:");
            foreach (var group in result.Mistakes.GroupBy(m => m.Measure))
            {
                Line();
                Line($"### {group.Key}");
                Line();
                foreach (var mistake in group.OrderBy(m => m.Missed ? 0 : 1).ThenBy(m => m.Sentence.LineNumber)) Line("- " + mistake.ToString().Replace("|", "\\|"));
            }

            if (args.Length > 1)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
                File.WriteAllText(args[1], "# Lint quality\n\n" + report, new UTF8Encoding(false));
                Console.WriteLine();
                Console.WriteLine($"Written to {args[1]}");
            }
            bool met = Targets.All(t => Met(result.Family(t.Key), t.Value));
            Console.WriteLine(met ? "Targets met." : "Targets NOT met (a report, not a failure: LintCorpusTests holds the floors).");
            return 0;
        }

        private static bool Met(LintMeasure total, (double Precision, double Recall) target) =>
            (total.Precision ?? 0) >= target.Precision && (total.Recall ?? 0) >= target.Recall;
    }
}
