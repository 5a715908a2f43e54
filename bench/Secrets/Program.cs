using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Privacy;
using Postmortems.Tests;

namespace Postmortems.SecretsReport
{
    /// <summary>
    /// Prints the secret scanner's figures over the labelled corpus (per kind, overall, every miss and false positive),
    /// then times Protect-Postmortem on one field with 10,000, 20,000 and 40,000 secrets, and the secret scan that
    /// Test-Postmortem and Publish-Postmortem run over a 10,000-event postmortem. Writes the same as Markdown to the
    /// file given second. Fails (exit code 1) when detection is under 95 % or false positives over 2 %.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 1)
            {
                Console.Error.WriteLine("usage: <corpus.tsv> [results.md]");
                return 2;
            }
            var report = new StringBuilder();
            void Line(string text = "")
            {
                Console.WriteLine(text);
                report.AppendLine(text);
            }

            var corpus = SecretCorpus.Read(args[0]);
            var result = SecretCorpus.Evaluate(corpus);
            Line("## Detection by kind");
            Line();
            Line("| Kind | Samples | Detected | Rate |");
            Line("|---|---:|---:|---:|");
            foreach (var pair in result.ByKind)
            {
                Line($"| {pair.Key} | {pair.Value.Samples} | {pair.Value.Detected} | {(double)pair.Value.Detected / pair.Value.Samples:P0} |");
            }
            Line();
            Line($"Detection: {result.Detected} of {result.SecretSamples} secret samples ({result.DetectionRate:P1}) over {result.ByKind.Count} kinds; target >= 95 %.");
            Line($"False positives: {result.FalsePositives} of {result.OrdinaryLines} ordinary lines ({result.FalsePositiveRate:P1}); target <= 2 %.");
            Line($"Corpus: {result.SecretSamples + result.OrdinaryLines} lines ({Path.GetFileName(args[0])}).");
            Line();
            Line(result.Misses.Count + result.FalsePositiveLines.Count == 0 ? "No misses and no false positives." : "Misses and false positives:");
            foreach (var miss in result.Misses) Line("- MISS " + miss);
            foreach (var fp in result.FalsePositiveLines) Line("- FALSE POSITIVE " + fp);

            Line();
            Line("## Protect-Postmortem on one field with many secrets");
            Line();
            Line($"The best of {Runs} runs after a warm-up (the least disturbed by whatever else the machine runs), the sizes taking");
            Line("turns; each line of the field is \"retry N with password=... failed\". Linear in the field: each doubling should");
            Line("about double the time.");
            Line();
            Line("| Secrets in the field | Characters | Time | Per secret | Ratio to the row above |");
            Line("|---:|---:|---:|---:|---:|");
            Protect(10_000);   // warm-up, so the JIT's later tiers are in place
            Protect(10_000);
            // The sizes take turns, so that each meets the same spells of a busy machine.
            var sizes = new[] { 10_000, 20_000, 40_000 };
            var best = new Run[sizes.Length];
            for (int round = 0; round < Runs; round++)
            {
                for (int i = 0; i < sizes.Length; i++)
                {
                    var run = Protect(sizes[i]);
                    if (round == 0 || run.Milliseconds < best[i].Milliseconds) best[i] = run;
                }
            }
            double? previous = null;
            for (int i = 0; i < sizes.Length; i++)
            {
                var (count, run) = (sizes[i], best[i]);
                Line($"| {count:N0} | {run.Characters:N0} | {run.Milliseconds:N1} ms | {run.Milliseconds * 1000 / count:N2} us | {(previous is double p ? (run.Milliseconds / p).ToString("N2") : "")} |");
                previous = run.Milliseconds;
            }

            Line();
            Line("## The secret scan over a whole postmortem (NoSecrets, Publish-Postmortem)");
            Line();
            Line($"The best of {Runs} runs after a warm-up: SecretScanner.Scan over every field.");
            Line();
            Line("| Postmortem | Time |");
            Line("|---|---:|");
            var ordinary = corpus.Where(l => !l.IsSecret).Select(l => l.Text).ToArray();
            var plain = Large(i => $"Event {i} | with \"text\" and <markup>");
            var wordy = Large(i => ordinary[i % ordinary.Length]);
            foreach (var (name, postmortem) in new[] { ("10,000 events as in bench/Core (\"Event N, with text and markup\") and 1,000 action items", plain), ($"10,000 events cycling through the corpus's {ordinary.Length} ordinary lines (secret-like words in each)", wordy) })
            {
                SecretScanner.Scan(postmortem);
                SecretScanner.Scan(postmortem);
                var run = Best(() => Timed(() => SecretScanner.Scan(postmortem), 0));
                Line($"| {name} | {run.Milliseconds:N1} ms |");
            }

            if (args.Length > 1)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
                File.WriteAllText(args[1], "# Secret detection\n\n" + report, new UTF8Encoding(false));
                Console.WriteLine();
                Console.WriteLine($"Written to {args[1]}");
            }
            bool met = result.DetectionRate >= 0.95 && result.FalsePositiveRate <= 0.02;
            Console.WriteLine(met ? "Targets met." : "Targets NOT met.");
            return met ? 0 : 1;
        }

        private const int Runs = 15;

        private readonly struct Run
        {
            public Run(double milliseconds, int characters)
            {
                Milliseconds = milliseconds;
                Characters = characters;
            }

            public double Milliseconds { get; }
            public int Characters { get; }
        }

        // One run: a fresh postmortem whose root cause holds the secrets, protected.
        private static Run Protect(int count)
        {
            var text = new StringBuilder(count * 48);
            for (int i = 0; i < count; i++) text.Append("retry ").Append(i).Append(" with password=FAKEpw").Append(i).Append("x! failed\n");
            var postmortem = new Postmortem("Many secrets") { RootCause = text.ToString() };
            ProtectionReport? report = null;
            var run = Timed(() => report = PostmortemProtector.Protect(postmortem, new ProtectOptions()), text.Length);
            if (report!.Secrets != count) throw new InvalidOperationException($"Protect replaced {report.Secrets} secrets, not {count}.");
            return run;
        }

        private static Run Timed(Action action, int characters)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var stopwatch = Stopwatch.StartNew();
            action();
            return new Run(stopwatch.Elapsed.TotalMilliseconds, characters);
        }

        private static Run Best(Func<Run> run) => Enumerable.Range(0, Runs).Select(_ => run()).OrderBy(r => r.Milliseconds).First();

        private static Postmortem Large(Func<int, string> eventText)
        {
            var start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
            var postmortem = new Postmortem("Large incident") { ExecutiveSummary = "One. Two.", RootCause = "We had no guard.", LessonsLearned = "One. Two." };
            postmortem.Authors.Add("bench");
            for (int i = 0; i < 10_000; i++) postmortem.Timeline.Add(new TimelineEvent(start.AddSeconds(i * 7), eventText(i), Milestone.None, "bench"));
            for (int i = 0; i < 1_000; i++) postmortem.ActionItems.Add(new ActionItem($"Add guard {i}") { Owner = "team", Priority = ActionPriority.P2 });
            return postmortem;
        }
    }
}
