using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Privacy;

namespace Postmortems.Tests
{
    /// <summary>One line of tests/fixtures/secrets/corpus.tsv: a secret sample with its secrets marked, or an ordinary line.</summary>
    public sealed class CorpusLine
    {
        public CorpusLine(int lineNumber, bool isSecret, string kind, string text, IReadOnlyList<(int Start, int Length)> secrets)
        {
            LineNumber = lineNumber;
            IsSecret = isSecret;
            Kind = kind;
            Text = text;
            Secrets = secrets;
        }

        public int LineNumber { get; }

        public bool IsSecret { get; }

        public string Kind { get; }

        /// <summary>The text as it reaches the scanner: markers taken out, ⏎ made a line break.</summary>
        public string Text { get; }

        /// <summary>Where the marked secrets are in <see cref="Text"/>.</summary>
        public IReadOnlyList<(int Start, int Length)> Secrets { get; }

        public override string ToString() => $"line {LineNumber} ({Kind})";
    }

    /// <summary>How one corpus line fared: a missed secret, or a finding in an ordinary line.</summary>
    public sealed class CorpusMistake
    {
        public CorpusMistake(CorpusLine line, string what)
        {
            Line = line;
            What = what;
        }

        public CorpusLine Line { get; }

        public string What { get; }

        public override string ToString() => $"{Line}: {What}";
    }

    /// <summary>The scanner's figures over the corpus.</summary>
    public sealed class CorpusResult
    {
        public int SecretSamples { get; internal set; }

        public int Detected { get; internal set; }

        public int OrdinaryLines { get; internal set; }

        public int FalsePositives { get; internal set; }

        public List<CorpusMistake> Misses { get; } = new List<CorpusMistake>();

        public List<CorpusMistake> FalsePositiveLines { get; } = new List<CorpusMistake>();

        /// <summary>Per kind of secret sample: how many samples, how many detected.</summary>
        public SortedDictionary<string, (int Samples, int Detected)> ByKind { get; } = new SortedDictionary<string, (int, int)>(StringComparer.Ordinal);

        public double DetectionRate => SecretSamples == 0 ? 0 : (double)Detected / SecretSamples;

        public double FalsePositiveRate => OrdinaryLines == 0 ? 0 : (double)FalsePositives / OrdinaryLines;

        public string Summary =>
            $"detection {Detected}/{SecretSamples} = {DetectionRate:P1} over {ByKind.Count} kinds; false positives {FalsePositives}/{OrdinaryLines} = {FalsePositiveRate:P1}";

        /// <summary>Every miss and false positive, one a line, with the text shown on one line.</summary>
        public string Mistakes()
        {
            var text = new StringBuilder();
            foreach (var miss in Misses) text.Append("MISS ").AppendLine(miss.ToString());
            foreach (var fp in FalsePositiveLines) text.Append("FALSE POSITIVE ").AppendLine(fp.ToString());
            return text.ToString();
        }
    }

    /// <summary>
    /// The labelled secret-detection corpus (tests/fixtures/secrets/corpus.tsv), read and measured. A secret sample counts
    /// as detected when the scanner's findings cover every marked secret in it whole, so that redacting leaves nothing of
    /// it; an ordinary line counts as a false positive when the scanner finds anything in it. Shared by the xunit test and
    /// build.ps1's Secrets task (bench/Secrets), which prints the same figures per kind.
    /// </summary>
    public static class SecretCorpus
    {
        public const char Open = '⟦';
        public const char Close = '⟧';
        public const char LineBreak = '⏎';

        /// <summary>tests/fixtures/secrets/corpus.tsv, found from the running assembly's folder upwards.</summary>
        public static string DefaultPath()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "tests", "fixtures", "secrets", "corpus.tsv"))) folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("tests/fixtures/secrets/corpus.tsv not found"), "tests", "fixtures", "secrets", "corpus.tsv");
        }

        public static List<CorpusLine> Read(string path)
        {
            var lines = new List<CorpusLine>();
            int number = 0;
            foreach (var raw in File.ReadAllLines(path, Encoding.UTF8))
            {
                number++;
                if (raw.Length == 0 || raw[0] == '#') continue;
                var parts = raw.Split(new[] { '\t' }, 3);
                if (parts.Length != 3 || (parts[0] != "secret" && parts[0] != "ordinary"))
                {
                    throw new FormatException($"{path}:{number}: expected 'secret' or 'ordinary', a kind and the text, separated by tabs.");
                }
                var text = new StringBuilder(parts[2].Length);
                var spans = new List<(int, int)>();
                int start = -1;
                foreach (var c in parts[2])
                {
                    if (c == Open)
                    {
                        if (start >= 0) throw new FormatException($"{path}:{number}: a {Open} inside a marked secret.");
                        start = text.Length;
                    }
                    else if (c == Close)
                    {
                        if (start < 0 || text.Length == start) throw new FormatException($"{path}:{number}: a {Close} without its {Open}, or an empty secret.");
                        spans.Add((start, text.Length - start));
                        start = -1;
                    }
                    else
                    {
                        text.Append(c == LineBreak ? '\n' : c);
                    }
                }
                bool isSecret = parts[0] == "secret";
                if (start >= 0) throw new FormatException($"{path}:{number}: a {Open} that is never closed.");
                if (isSecret != (spans.Count > 0)) throw new FormatException($"{path}:{number}: a secret sample marks its secrets, an ordinary line marks none.");
                lines.Add(new CorpusLine(number, isSecret, parts[1], text.ToString(), spans));
            }
            return lines;
        }

        public static CorpusResult Evaluate(IEnumerable<CorpusLine> corpus)
        {
            var result = new CorpusResult();
            foreach (var line in corpus)
            {
                var found = SecretScanner.Find(line.Text).ToList();
                if (line.IsSecret)
                {
                    result.SecretSamples++;
                    var missed = line.Secrets.Where(s => !Covered(s, found)).ToList();
                    bool detected = missed.Count == 0;
                    if (detected) result.Detected++;
                    else
                    {
                        var what = string.Join("; ", missed.Select(s => $"'{OneLine(line.Text.Substring(s.Start, s.Length))}' not covered"));
                        var seen = found.Count == 0 ? "nothing found" : "found " + string.Join(", ", found.Select(f => $"{f.Kind} '{OneLine(line.Text.Substring(f.Index, f.Length))}'"));
                        result.Misses.Add(new CorpusMistake(line, $"{what} ({seen}) in: {OneLine(line.Text)}"));
                    }
                    result.ByKind.TryGetValue(line.Kind, out var counts);
                    result.ByKind[line.Kind] = (counts.Samples + 1, counts.Detected + (detected ? 1 : 0));
                }
                else
                {
                    result.OrdinaryLines++;
                    if (found.Count > 0)
                    {
                        result.FalsePositives++;
                        var seen = string.Join(", ", found.Select(f => $"{f.Kind} '{OneLine(line.Text.Substring(f.Index, f.Length))}'"));
                        result.FalsePositiveLines.Add(new CorpusMistake(line, $"{seen} in: {OneLine(line.Text)}"));
                    }
                }
            }
            return result;
        }

        // Every character of the secret lies inside some finding.
        private static bool Covered((int Start, int Length) secret, List<(string Kind, int Index, int Length)> found)
        {
            for (int i = secret.Start; i < secret.Start + secret.Length; i++)
            {
                if (!found.Any(f => f.Index <= i && i < f.Index + f.Length)) return false;
            }
            return true;
        }

        private static string OneLine(string text)
        {
            var line = text.Replace("\n", "⏎");
            return line.Length <= 160 ? line : line.Substring(0, 157) + "...";
        }
    }
}
