using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace Postmortems.Tests
{
    /// <summary>
    /// Seeded fuzzing of the draft round trip: text made of the characters real postmortems carry and the ones that
    /// trip serializers (line separators YAML treats as breaks, leading spaces, tabs, quotes, indicators, emoji), in
    /// every text field; what comes back must be exactly what went in. A few thousand cases here; more with
    /// POSTMORTEM_FUZZ_CASES (build.ps1 Fuzz).
    /// </summary>
    public sealed class FuzzTests
    {
        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output) => _output = output;

        private static readonly string[] Pieces =
        {
            "a", "Z", "7", " ", "  ", "\t", "\n", "\n\n", "\u0085", "\u2028", "\u2029", "\u00A0", "\u2003", "\u3000", "\u200B", "\uFEFF",
            "é", "障害", "🔥", "👩‍💻", ":", ": ", "#", " #", "-", "- ", "?", "!", "&", "*", "|", ">", "%", "@", "`", "'", "\"", "\\", "{", "}", "[", "]", ",",
            "---", "...", "~", "null", "true", "0x1F", "1e3", "2026-11-20", "14:02", "<b>", "&amp;", "http://example.org/a?b=c#d",
            "\u0001", "\u001B", "\u007F",
            // What the Markdown page gives a meaning: at a line's start (headings, lists, quotes, rules), inside it
            // (emphasis, code, links, raw HTML, entities), and around a table cell (pipes, white space Markdig trims).
            "\u0000", "\u0007", "\b", "\u000B", "\f", "\r", "\u001F", "\u0080", "\u009F",
            "\u2000", "\u2002", "\u2009", "\u200A", "\u202F", "\u205F", "\u1680",
            "\uD83D", "\uDE00", "\uDD25\uD83D",
            "# ", "## x", "> ", "1. ", "2) ", "+ ", "* ", "= ", "===", "***", "___", "_", "**", "__", "~~", "```", "~~~", "    ",
            "<", "<div>", "</p>", "<br>", "<!-- c -->", "<sub>", "</sub>", "<http://example.org>", "&#35;", "&nbsp;", "&#0;", "&lt;",
            "[x](y)", "![a](b)", "[^1]", "\\|", "\\n", "a|b", "| --- |", "**Date:**", "_not set_", "_Not yet written._", "Yes — ", "No",
        };

        // White space that is no ASCII space: Markdown and Markdig trim some of it around a cell or a paragraph.
        private static readonly string[] Spaces =
        {
            " ", "\t", "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009",
            "\u200A", "\u202F", "\u205F", "\u3000", "\uFEFF", "\u200B", "\u0085",
        };

        private static string Text(Random random, int maxPieces)
        {
            var text = new StringBuilder();
            // Leading white space, long and short, and white space of other kinds at either end.
            if (random.Next(6) == 0) text.Append(' ', random.Next(1, random.Next(2) == 0 ? 5 : 40));
            if (random.Next(6) == 0) text.Append(Spaces[random.Next(Spaces.Length)]);
            int count = random.Next(1, maxPieces);
            for (int i = 0; i < count; i++) text.Append(Pieces[random.Next(Pieces.Length)]);
            // Long text takes other styles in the writer (folded, literal): reach them too.
            if (random.Next(8) == 0) text.Append(' ', random.Next(1, 4)).Append(new string('w', random.Next(90, 140)));
            if (random.Next(6) == 0) text.Append(Spaces[random.Next(Spaces.Length)]);
            return text.ToString();
        }

        private static Postmortem Case(Random random)
        {
            var p = new Postmortem("Fuzz " + Text(random, 6).Replace('\n', ' ').Trim() + "x");
            p.Date = new DateTime(2026, 11, 20);
            p.ExecutiveSummary = Text(random, 30);
            p.RootCause = Text(random, 30);
            p.LessonsLearned = Text(random, 30);
            p.Impact.UsersAffected = Text(random, 10);
            p.Impact.DataLossDescription = Text(random, 10);
            p.Impact.RevenueImpact = Text(random, 10);
            // Entries as the cmdlets add them: names on one line, texts without blank lines around them.
            p.Authors.Add(Postmortems.Text.SingleLine(Text(random, 5) + "n")!);
            p.Reviewers.Add(Postmortems.Text.SingleLine(Text(random, 5) + "r")!);
            p.Impact.ServicesAffected.Add(Postmortems.Text.SingleLine(Text(random, 5) + "s")!);
            for (int i = 0; i < 3; i++) p.Whys.Add(Postmortems.Text.Normalize(Text(random, 20) + "y")!);
            p.ContributingFactors.Add(Postmortems.Text.Normalize(Text(random, 20) + "f")!);
            p.WentWell.Add(Postmortems.Text.Normalize(Text(random, 10) + "w")!);
            p.WentPoorly.Add(Postmortems.Text.Normalize(Text(random, 10) + "p")!);
            // A named why-chain: its name a heading's text, its whys list items as the root cause's own.
            var chain = Text(random, 5) + "c";
            p.WhyChains.AddRange(chain.Length > 80 ? chain.Substring(chain.Length - 80) : chain, new[] { Text(random, 20) + "y", Text(random, 10) + "z" });
            // Two events may share a minute: the page tells them apart by their text.
            int minute = random.Next(59);
            for (int i = 0; i < 2; i++) p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, minute + random.Next(2), 0, DateTimeKind.Utc), Text(random, 20) + "e", source: Text(random, 4)));
            p.ActionItems.Add(new ActionItem(Text(random, 12) + "a") { Owner = Text(random, 4), Tracking = Text(random, 4) });
            return p;
        }

        // What the draft keeps: every field, compared as the texts they are.
        private static IEnumerable<(string Field, string? Value)> Fields(Postmortem p)
        {
            yield return ("Title", p.Title);
            yield return ("ExecutiveSummary", p.ExecutiveSummary);
            yield return ("RootCause", p.RootCause);
            yield return ("LessonsLearned", p.LessonsLearned);
            yield return ("UsersAffected", p.Impact.UsersAffected);
            yield return ("DataLossDescription", p.Impact.DataLossDescription);
            yield return ("RevenueImpact", p.Impact.RevenueImpact);
            foreach (var (x, i) in p.Reviewers.Select((x, i) => (x, i))) yield return ($"Reviewers[{i}]", x);
            foreach (var (x, i) in p.Impact.ServicesAffected.Select((x, i) => (x, i))) yield return ($"ServicesAffected[{i}]", x);
            foreach (var (x, i) in p.WentPoorly.Select((x, i) => (x, i))) yield return ($"WentPoorly[{i}]", x);
            foreach (var (x, i) in p.Authors.Select((x, i) => (x, i))) yield return ($"Authors[{i}]", x);
            foreach (var (x, i) in p.Whys.Select((x, i) => (x, i))) yield return ($"Whys[{i}]", x);
            foreach (var chain in p.WhyChains)
            {
                yield return ("WhyChains.Name", chain.Name);
                foreach (var (x, i) in chain.Whys.Select((x, i) => (x, i))) yield return ($"WhyChains['{chain.Name}'].Whys[{i}]", x);
            }
            foreach (var (x, i) in p.ContributingFactors.Select((x, i) => (x, i))) yield return ($"ContributingFactors[{i}]", x);
            foreach (var (x, i) in p.WentWell.Select((x, i) => (x, i))) yield return ($"WentWell[{i}]", x);
            foreach (var (e, i) in p.Timeline.Select((e, i) => (e, i))) { yield return ($"Timeline[{i}].Time", e.UtcTime.ToString("o")); yield return ($"Timeline[{i}]", e.Event); yield return ($"Timeline[{i}].Source", e.Source); }
            foreach (var (a, i) in p.ActionItems.Select((a, i) => (a, i))) { yield return ($"ActionItems[{i}]", a.Action); yield return ($"ActionItems[{i}].Owner", a.Owner); yield return ($"ActionItems[{i}].Tracking", a.Tracking); }
        }

        private static int Cases(int inCi) =>
            int.TryParse(Environment.GetEnvironmentVariable("POSTMORTEM_FUZZ_CASES"), out var n) && n > 0 ? n : inCi;

        [Fact]
        public void Yaml_drafts_give_back_every_text_exactly()
        {
            var differences = Fuzz(20261202, Cases(1500), PostmortemYaml.Write, yaml => PostmortemYaml.Read(yaml, "fuzz.yaml"));
            Assert.Empty(differences);
        }

        [Fact]
        public void Markdown_files_with_front_matter_give_back_every_text_exactly()
        {
            var differences = Fuzz(20261203, Cases(1500), p => PostmortemFile.Render(p, "fuzz.md"), md => PostmortemMarkdownReader.Read(md, "fuzz.md"));
            Assert.Empty(differences);
        }

        [Fact]
        public void Markdown_pages_without_front_matter_give_back_every_text_exactly()
        {
            var differences = Fuzz(20261204, Cases(1000), p => PostmortemMarkdown.Render(p), md => PostmortemMarkdownReader.Read(md, "fuzz.md"));
            Assert.Empty(differences);
        }

        /// <summary>
        /// Writes and reads back <paramref name="cases"/> postmortems; returns the differences (the first 10 are shown)
        /// and logs the count of cases with any, which docs/benchmarks.md records.
        /// </summary>
        private List<string> Fuzz(int seed, int cases, Func<Postmortem, string> write, Func<string, ReadResult> read)
        {
            var random = new Random(seed);
            var differences = new List<string>();
            int failedCases = 0;
            for (int c = 0; c < cases; c++)
            {
                var p = Case(random);
                int before = differences.Count;
                string file;
                try
                {
                    file = write(p);
                    var back = read(file).Postmortem;
                    var want = Fields(p).ToList();
                    var got = Fields(back).ToList();
                    if (want.Count != got.Count) differences.Add($"case {c}: {want.Count} fields written, {got.Count} read back");
                    foreach (var ((field, expected), (_, actual)) in want.Zip(got, (a, b) => (a, b)))
                    {
                        if (expected != actual) differences.Add($"case {c}: {field}: {Show(expected)} came back as {Show(actual)}");
                    }
                }
                catch (Exception ex)
                {
                    differences.Add($"case {c}: {ex.GetType().Name}: {ex.Message}");
                }
                if (differences.Count > before) failedCases++;
            }
            _output.WriteLine($"{cases} cases, {failedCases} with a difference, {differences.Count} differences");
            foreach (var difference in differences.Take(40)) _output.WriteLine(difference);
            return differences;
        }

        internal static string Show(string? text) =>
            text is null ? "null" : "\"" + string.Concat(text.Select(ch => ch < ' ' || ch > '~' ? $"\\u{(int)ch:X4}" : ch.ToString())) + "\"";
    }
}
