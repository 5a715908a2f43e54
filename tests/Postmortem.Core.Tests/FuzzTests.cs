using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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
        };

        private static string Text(Random random, int maxPieces)
        {
            var text = new StringBuilder();
            int count = random.Next(1, maxPieces);
            for (int i = 0; i < count; i++) text.Append(Pieces[random.Next(Pieces.Length)]);
            // Long text takes other styles in the writer (folded, literal): reach them too.
            if (random.Next(8) == 0) text.Append(' ', random.Next(1, 4)).Append(new string('w', random.Next(90, 140)));
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
            // Entries as the cmdlets add them: names on one line, texts without blank lines around them.
            p.Authors.Add(Postmortems.Text.SingleLine(Text(random, 5) + "n")!);
            for (int i = 0; i < 3; i++) p.Whys.Add(Postmortems.Text.Normalize(Text(random, 20) + "y")!);
            p.ContributingFactors.Add(Postmortems.Text.Normalize(Text(random, 20) + "f")!);
            p.WentWell.Add(Postmortems.Text.Normalize(Text(random, 10) + "w")!);
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, random.Next(60), 0, DateTimeKind.Utc), Text(random, 20) + "e", source: Text(random, 4)));
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
            foreach (var (x, i) in p.Authors.Select((x, i) => (x, i))) yield return ($"Authors[{i}]", x);
            foreach (var (x, i) in p.Whys.Select((x, i) => (x, i))) yield return ($"Whys[{i}]", x);
            foreach (var (x, i) in p.ContributingFactors.Select((x, i) => (x, i))) yield return ($"ContributingFactors[{i}]", x);
            foreach (var (x, i) in p.WentWell.Select((x, i) => (x, i))) yield return ($"WentWell[{i}]", x);
            foreach (var (e, i) in p.Timeline.Select((e, i) => (e, i))) { yield return ($"Timeline[{i}]", e.Event); yield return ($"Timeline[{i}].Source", e.Source); }
            foreach (var (a, i) in p.ActionItems.Select((a, i) => (a, i))) { yield return ($"ActionItems[{i}]", a.Action); yield return ($"ActionItems[{i}].Owner", a.Owner); yield return ($"ActionItems[{i}].Tracking", a.Tracking); }
        }

        private static int Cases(int inCi) =>
            int.TryParse(Environment.GetEnvironmentVariable("POSTMORTEM_FUZZ_CASES"), out var n) && n > 0 ? n : inCi;

        [Fact]
        public void Yaml_drafts_give_back_every_text_exactly()
        {
            var random = new Random(20261202);
            var failures = new List<string>();
            int cases = Cases(1500);
            for (int c = 0; c < cases && failures.Count < 10; c++)
            {
                var p = Case(random);
                string yaml = PostmortemYaml.Write(p);
                Postmortem back;
                try
                {
                    back = PostmortemYaml.Read(yaml, "fuzz.yaml").Postmortem;
                }
                catch (PostmortemFormatException ex)
                {
                    failures.Add($"case {c}: unreadable: {ex.Message}");
                    continue;
                }
                foreach (var ((field, expected), (_, actual)) in Fields(p).Zip(Fields(back), (a, b) => (a, b)))
                {
                    if (expected != actual) failures.Add($"case {c}: {field}: {Show(expected)} came back as {Show(actual)}");
                }
            }
            foreach (var failure in failures) _output.WriteLine(failure);
            Assert.Empty(failures);
        }

        internal static string Show(string? text) =>
            text is null ? "null" : "\"" + string.Concat(text.Select(ch => ch < ' ' || ch > '~' ? $"\\u{(int)ch:X4}" : ch.ToString())) + "\"";
    }
}
