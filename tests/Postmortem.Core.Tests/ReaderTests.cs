using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    public class YamlReaderTests
    {
        private static PostmortemFormatException Refused(string yaml) =>
            Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(yaml, "draft.yaml"));

        [Fact]
        public void A_hand_written_draft_with_only_some_keys_reads()
        {
            var result = PostmortemYaml.Read("title: Disk full on db-2\ndate: 2026-11-20\nseverity: p3\ntimeline:\n  - time: 14:02\n    event: Disk usage alert fired\n    milestone: firstsymptom\n", "draft.yaml");
            var p = result.Postmortem;
            Assert.Equal("Disk full on db-2", p.Title);
            Assert.Equal(Severity.P3, p.Severity);
            Assert.Equal(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), p.Timeline[0].UtcTime);
            Assert.Equal(Milestone.FirstSymptom, p.Timeline[0].Milestone);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void The_written_draft_puts_keys_in_the_templates_order_and_long_text_in_blocks()
        {
            var yaml = PostmortemYaml.Write(SamplePostmortems.CheckoutOutage());
            var keys = yaml.Split('\n').Where(l => l.Length > 0 && char.IsLetter(l[0])).Select(l => l.Substring(0, l.IndexOf(':'))).ToArray();
            Assert.Equal(new[] { "id", "title", "date", "duration", "severity", "status", "context", "state", "authors", "reviewers", "executiveSummary", "timeline", "impact", "rootCause", "whys", "contributingFactors", "wentWell", "wentPoorly", "trackingUrl", "actionItems", "lessonsLearned", "signOffs", "unlocks" }, keys);
            Assert.Contains("rootCause: |-\n", yaml);
            Assert.StartsWith("# " + PostmortemYaml.Header, yaml);
        }

        [Fact]
        public void Unknown_keys_are_read_past_with_a_warning_naming_the_line()
        {
            var result = PostmortemYaml.Read("title: t\nowner: me\nimpact:\n  cost: high\n", "draft.yaml");
            Assert.Equal("t", result.Postmortem.Title);
            Assert.Equal(2, result.Warnings.Count);
            Assert.StartsWith("draft.yaml, line 2: unknown key 'owner'", result.Warnings[0]);
            Assert.StartsWith("draft.yaml, line 4: unknown key 'cost' in 'impact'", result.Warnings[1]);
        }

        [Theory]
        [InlineData("title: t\nseverity: P7\n", 2, "'P7', which is not one of P1, P2, P3, P4")]
        [InlineData("title: t\ndate: 2026-13-45\n", 2, "'2026-13-45', which is not a date")]
        [InlineData("title: t\ntimeline:\n  - time: yesterday\n    event: x\n", 3, "'yesterday' is not a time")]
        [InlineData("title: t\nimpact:\n  dataLoss: maybe\n", 3, "write true or false")]
        [InlineData("title: t\nactionItems:\n  - owner: me\n", 3, "has no 'action:'")]
        [InlineData("title: t\nauthors:\n  a: b\n", 3, "'authors' must be a list of text")]
        [InlineData("title: [t\n", 2, "not valid YAML")]
        [InlineData("title: t\ntitle: u\n", 2, "appears twice")]
        [InlineData("title: t\nauthors: [Ann\nseverity: P2\n", 2, "not closed")]
        [InlineData("- just\n- a list\n", 1, "not a postmortem draft")]
        [InlineData("severity: P2\n", 1, "no 'title:'")]
        public void Wrong_content_is_refused_naming_the_file_the_line_and_the_value(string yaml, int line, string problem)
        {
            var error = Refused(yaml);
            Assert.Equal(line, error.Line);
            Assert.StartsWith($"draft.yaml, line {line}: ", error.Message);
            Assert.Contains(problem, error.Message);
        }

        [Theory]
        [InlineData("title: !!python/object:os.system x\n", "type tags")]
        [InlineData("title: !System.IO.FileInfo x\n", "type tags")]
        [InlineData("title: &t x\nrootCause: *t\n", "anchors")]
        public void Tags_anchors_and_aliases_are_refused(string yaml, string problem)
        {
            Assert.Contains(problem, Refused(yaml).Message);
        }

        [Fact]
        public void An_alias_expansion_bomb_is_refused_at_once()
        {
            var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" +
                       string.Join("\n", Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [" + string.Join(",", Enumerable.Repeat("*" + (char)('a' + i - 1), 9)) + "]")) +
                       "\ntitle: t\n";
            var watch = Stopwatch.StartNew();
            Assert.Contains("anchors", Refused(bomb).Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        }

        [Fact]
        public void An_empty_document_is_refused()
        {
            Assert.Contains("empty", Refused("# only a comment\n").Message);
        }
    }

    public class MarkdownReaderTests
    {
        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        [Fact]
        public void A_hand_written_page_without_front_matter_reads()
        {
            var p = Read(@"# Postmortem: Disk full on db-2

**Date:** 2026-11-20\
**Severity:** P3\
**Status:** Resolved\
**Author(s):** Ana Lima, Doe\, Jane

## Executive Summary

The database was read-only for 23 minutes.
Writes failed for all tenants.

## Timeline

| Time (UTC) | Event |
|:---|---:|
| 14:02 | Disk usage alert fired |
| 14:25 | Old WAL files removed |

## Impact

- **Services affected:** db-2, billing
- **Users affected:** all tenants
- **Data loss:** No

## Action Items

| Action | Owner | Due Date | Priority |
|---|---|---|---|
| Add an alert at 80% disk on db-2 | dba | 2026-12-01 | P2 |
").Postmortem;
            Assert.Equal("Disk full on db-2", p.Title);
            Assert.Equal(new[] { "Ana Lima", "Doe, Jane" }, p.Authors);
            Assert.Equal(IncidentStatus.Resolved, p.Status);
            Assert.Equal("The database was read-only for 23 minutes. Writes failed for all tenants.", p.ExecutiveSummary);
            Assert.Equal(new DateTime(2026, 11, 20, 14, 25, 0, DateTimeKind.Utc), p.Timeline[1].UtcTime);
            Assert.Equal(new[] { "db-2", "billing" }, p.Impact.ServicesAffected);
            Assert.False(p.Impact.DataLoss);
            Assert.Equal(ActionPriority.P2, p.ActionItems.Single().Priority);
            Assert.Null(p.RootCause);
        }

        [Fact]
        public void Hand_edits_are_tolerated_extra_blank_lines_other_heading_levels_moved_rows()
        {
            var original = SamplePostmortems.CheckoutOutage();
            var markdown = PostmortemMarkdown.Render(original, frontMatter: true)
                .Replace("## Timeline", "\n\n### Timeline\n")
                .Replace("## Impact", "# Impact")
                .Replace("|------------|-------|-----------|", "|:--|:--:|--:|");
            // The first row moved to the end.
            var first = markdown.Split('\n').Single(l => l.StartsWith("| 09:12 |", StringComparison.Ordinal)) + "\n";
            markdown = markdown.Replace(first, "").Replace("| 10:02 |", first + "| 10:02 |");
            var p = Read(markdown).Postmortem;
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(p));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Rows_moved_within_a_minute_keep_their_own_milestones_status_and_tracking(bool previousFormat)
        {
            var original = new Postmortem("t", System.Guid.NewGuid()) { Date = new DateTime(2026, 11, 20) };
            original.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 0, 10, DateTimeKind.Utc), "first", Milestone.FirstSymptom, "alertmanager"));
            original.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 0, 40, DateTimeKind.Utc), "second", Milestone.Detected, "slack"));
            original.ActionItems.Add(new ActionItem("Add A") { Status = ActionItemStatus.Done, Tracking = "T-1" });
            original.ActionItems.Add(new ActionItem("Add B") { Tracking = "T-2" });
            var markdown = PostmortemMarkdown.Render(original, frontMatter: true);
            if (previousFormat) markdown = PreviousFormat.Of(markdown);
            markdown = SwapRows(SwapRows(markdown, "| 09:00:10 | first", "| 09:00:40 | second"), "| Add A |", "| Add B |");
            var p = Read(markdown).Postmortem;
            Assert.Equal(Milestone.FirstSymptom, p.Timeline.Single(e => e.Event == "first").Milestone);
            Assert.Equal("slack", p.Timeline.Single(e => e.Event == "second").Source);
            var a = p.ActionItems.Single(i => i.Action == "Add A");
            Assert.Equal((ActionItemStatus.Done, "T-1"), (a.Status, a.Tracking));
            Assert.Equal("T-2", p.ActionItems.Single(i => i.Action == "Add B").Tracking);
        }

        // The two lines that start so, each in the other's place.
        private static string SwapRows(string markdown, string first, string second)
        {
            var lines = markdown.Split('\n');
            int a = Array.FindIndex(lines, l => l.StartsWith(first, StringComparison.Ordinal));
            int b = Array.FindIndex(lines, l => l.StartsWith(second, StringComparison.Ordinal));
            Assert.True(a >= 0 && b >= 0, $"no rows '{first}' and '{second}'");
            (lines[a], lines[b]) = (lines[b], lines[a]);
            return string.Join("\n", lines);
        }

        [Fact]
        public void An_edited_page_wins_over_its_front_matter()
        {
            var original = SamplePostmortems.CheckoutOutage();
            var markdown = PostmortemMarkdown.Render(original, frontMatter: true)
                .Replace("| 09:15 | On-call acknowledged the page", "| 09:16 | On-call acknowledged the page (corrected)")
                .Replace("**Severity:** P2", "**Severity:** P1");
            var p = Read(markdown).Postmortem;
            Assert.Equal(Severity.P1, p.Severity);
            var edited = p.Timeline.Single(e => e.Event.EndsWith("(corrected)", StringComparison.Ordinal));
            Assert.Equal(new DateTime(2026, 11, 20, 9, 16, 0, DateTimeKind.Utc), edited.UtcTime);
            // The row no longer matches its front-matter entry; its milestone is the one its column shows.
            Assert.Equal(Milestone.Detected, edited.Milestone);
            Assert.Equal(Milestone.FirstSymptom, p.Timeline[0].Milestone);
        }

        [Fact]
        public void A_section_outside_the_template_is_kept_as_an_extra_section_where_it_stands()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()) + "\n\n## Appendix\n\nRaw logs.\n";
            var result = Read(markdown);
            Assert.Empty(result.Warnings);
            Assert.DoesNotContain("Raw logs", result.Postmortem.LessonsLearned);
            var appendix = Assert.Single(result.Postmortem.Sections);
            Assert.Equal(("Appendix", Rules.PostmortemSection.LessonsLearned, "Raw logs."), (appendix.Name, appendix.After, appendix.Text));
        }

        [Fact]
        public void A_deeper_heading_outside_the_template_is_still_ignored_with_a_warning()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()) + "\n\n### Appendix\n\nRaw logs.\n";
            var result = Read(markdown);
            Assert.Contains(result.Warnings, w => w.Contains("'Appendix' is not part of the template"));
        }

        [Theory]
        [InlineData("Just some notes.\n", "no '# Postmortem: <title>' heading")]
        [InlineData("---\nid: 1\n# Postmortem: x\n", "never ends")]
        public void A_file_that_is_not_a_postmortem_is_refused(string markdown, string problem)
        {
            Assert.Contains(problem, Assert.Throws<PostmortemFormatException>(() => Read(markdown)).Message);
        }

        [Theory]
        [InlineData("# Postmortem: x\n\n**Date:** 2026-13-45\n", 3, "'2026-13-45' is not a date")]
        [InlineData("# Postmortem: x\n\n**Severity:** P7\n", 3, "'P7' is not one of")]
        [InlineData("---\nid: not-a-guid\n---\n# Postmortem: x\n", 2, "not an id")]
        [InlineData("---\nid: 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b\n---\n\n# Postmortem: x\n\n**Date:** 2026-11-20\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| soon | x |\n", 13, "'soon' is not a time")]
        public void Wrong_values_are_refused_naming_the_line(string markdown, int line, string problem)
        {
            var error = Assert.Throws<PostmortemFormatException>(() => Read(markdown));
            Assert.Contains(problem, error.Message);
            Assert.Equal(line, error.Line);
        }
    }

    public sealed class PostmortemFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "postmortem-files-" + Guid.NewGuid().ToString("N"));

        public PostmortemFileTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        [Fact]
        public void Reads_by_extension_and_remembers_the_file()
        {
            var path = Write("pm.yaml", System.Text.Encoding.UTF8.GetBytes("title: t\n"));
            var result = PostmortemFile.Read(path);
            Assert.Equal("t", result.Postmortem.Title);
            Assert.Equal(path, result.Postmortem.SourcePath);
        }

        [Fact]
        public void Refuses_empty_binary_non_UTF8_oversized_and_unknown_files_with_the_reason()
        {
            Assert.Contains("empty", Assert.Throws<PostmortemFormatException>(() => PostmortemFile.Read(Write("empty.md", Array.Empty<byte>()))).Message);
            Assert.Contains("binary", Assert.Throws<PostmortemFormatException>(() => PostmortemFile.Read(Write("bin.yaml", new byte[] { 0x74, 0, 0x01, 0x02 }))).Message);
            Assert.Contains("not UTF-8", Assert.Throws<PostmortemFormatException>(() => PostmortemFile.Read(Write("latin1.md", new byte[] { 0x23, 0x20, 0xE9, 0xE8, 0x0A }))).Message);
            Assert.Contains(".yaml, .yml, .md", Assert.Throws<PostmortemFormatException>(() => PostmortemFile.Read(Write("notes.txt", new byte[] { 0x41 }))).Message);
            var large = Path.Combine(_folder, "large.md");
            using (var stream = File.Create(large)) stream.SetLength(PostmortemFile.MaxBytes + 1);
            Assert.Contains("limit is 32 MB", Assert.Throws<PostmortemFormatException>(() => PostmortemFile.Read(large)).Message);
        }
    }
}
