using System;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Trackers;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Seeded fuzzing of TrackerExport over the fixtures: cut anywhere, bytes changed, garbage. Whatever comes in, the
    /// answer is an export or a TrackerExportException naming the file, never another exception; a cut-off JSON export is
    /// refused whole, and a cut-off Jira CSV gives no issue the whole file does not give alike.
    /// </summary>
    public class TrackerExportFuzzTests
    {
        private static readonly string[] Fixtures = { "gh-issue-list.json", "gh-issue-list-older.json", "glab-issue-list.json", "jira-export-all-fields.csv", "jira-export-current-fields.csv" };

        private static readonly string[] Tokens =
        {
            "[", "]", "{", "}", ",", ":", "\"", "\"\"", "\n", "\r\n", "\\", "null", "true", "0", "-1", "1e999", "\"url\"", "\"state\"", "\"CLOSED\"", "\"OPEN\"",
            "\"stateReason\"", "\"closedAt\"", "\"web_url\"", "\"https://github.com/o/r/issues/1\"", "Issue key", "Status", "Resolution", "Status Category",
            "OPS-1", "Done", "Won't Do", "01/Dec/26 3:15 PM", "\uFEFF", "\u0000", "\u001b", "\uD800", "é", ";", "\t", " ",
        };

        // The issues as (key, state, day): what the comparisons look at.
        private static (string, TrackerIssueState, DateTime?)[] Shape(TrackerExport export) => export.Issues.Select(i => (i.Key, i.State, i.ClosedOn)).ToArray();

        // An export, or a TrackerExportException that names the file in a message without control characters.
        private static TrackerExport? Try(byte[] bytes, string source)
        {
            try
            {
                var export = TrackerExport.Parse(bytes, source, "https://acme.atlassian.net");
                var tracker = new OfflineTracker(export);
                foreach (var issue in export.Issues)
                {
                    Assert.False(string.IsNullOrEmpty(issue.Key));
                    Assert.False(string.IsNullOrEmpty(issue.Url));
                    Assert.Same(issue, tracker.Get(issue.Url));
                }
                Assert.Null(tracker.FindByMarker("pm-000000000000"));
                return export;
            }
            catch (TrackerExportException e)
            {
                Assert.StartsWith(source, e.Message);
                Assert.DoesNotContain(e.Message, c => c < 0x20);
                return null;
            }
        }

        [Fact]
        public void A_JSON_export_cut_anywhere_before_its_end_is_refused_whole()
        {
            var random = new Random(19);
            foreach (var name in Fixtures.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
            {
                var bytes = File.ReadAllBytes(TrackerExportTests.Fixture(name));
                int close = Array.LastIndexOf(bytes, (byte)']');
                for (int n = 0; n < 400; n++)
                {
                    int cut = random.Next(1, bytes.Length);
                    var export = Try(bytes.Take(cut).ToArray(), name);
                    if (cut <= close) Assert.True(export is null, $"{name} cut at {cut} of {bytes.Length} was read");
                }
            }
        }

        [Fact]
        public void A_Jira_CSV_cut_anywhere_gives_no_issue_unlike_the_whole_file()
        {
            var random = new Random(26);
            foreach (var name in Fixtures.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
            {
                var bytes = File.ReadAllBytes(TrackerExportTests.Fixture(name));
                var whole = Shape(TrackerExport.Parse(bytes, name, "https://acme.atlassian.net"));
                int refused = 0;
                for (int n = 0; n < 400; n++)
                {
                    int cut = random.Next(1, bytes.Length);
                    var export = Try(bytes.Take(cut).ToArray(), name);
                    if (export is null)
                    {
                        refused++;
                        continue;
                    }
                    // Cut inside the last field of a row, that row may read differently; every row before it is whole.
                    var part = Shape(export);
                    Assert.True(part.Length <= whole.Length);
                    for (int i = 0; i + 1 < part.Length; i++) Assert.Equal(whole[i], part[i]);
                    if (part.Length > 0) Assert.Equal(whole[part.Length - 1].Item1, part[part.Length - 1].Item1);
                }
                Assert.True(refused > 300, $"{name}: only {refused} of 400 cuts were refused");
            }
        }

        [Fact]
        public void Changed_bytes_and_tokens_give_an_export_or_a_clear_refusal()
        {
            var random = new Random(2026);
            foreach (var name in Fixtures)
            {
                var text = File.ReadAllText(TrackerExportTests.Fixture(name));
                for (int n = 0; n < 300; n++)
                {
                    var changed = new StringBuilder(text);
                    int edits = random.Next(1, 6);
                    for (int e = 0; e < edits; e++)
                    {
                        int at = random.Next(0, changed.Length + 1);
                        switch (random.Next(3))
                        {
                            case 0:
                                changed.Insert(at, Tokens[random.Next(Tokens.Length)]);
                                break;
                            case 1:
                                if (at < changed.Length) changed.Remove(at, Math.Min(random.Next(1, 40), changed.Length - at));
                                break;
                            default:
                                if (at < changed.Length) changed[at] = (char)random.Next(0, 0x3000);
                                break;
                        }
                    }
                    Try(Encoding.UTF8.GetBytes(changed.ToString()), name);
                }
            }
        }

        [Fact]
        public void Garbage_bytes_and_token_soup_give_a_clear_refusal_or_an_export()
        {
            var random = new Random(7);
            for (int n = 0; n < 500; n++)
            {
                var bytes = new byte[random.Next(0, 600)];
                random.NextBytes(bytes);
                Try(bytes, "garbage.bin");
                var soup = new StringBuilder();
                if (n % 2 == 0) soup.Append('[');
                int count = random.Next(0, 80);
                for (int i = 0; i < count; i++) soup.Append(Tokens[random.Next(Tokens.Length)]);
                Try(Encoding.UTF8.GetBytes(soup.ToString()), "soup.txt");
                Try(Encoding.Unicode.GetBytes(soup.ToString()), "soup16.txt");
            }
        }
    }
}
