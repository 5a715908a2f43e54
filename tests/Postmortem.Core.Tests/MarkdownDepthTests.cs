using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Markdown nested thousands deep is refused before Markdig parses it (Markdig took 14 s and more over it, then threw
    /// its own exception, which ended a whole batch), naming the line, at once.
    /// </summary>
    public class MarkdownDepthTests
    {
        private const string Head = "# Postmortem: Deep\n\n**Date:** 2026-11-20\n\n## Executive Summary\n\n";

        private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

        public static TheoryData<string, string, int> Deep => new TheoryData<string, string, int>
        {
            { "block quotes", Head + new string('>', 2000) + " x\n", 7 },
            { "block quotes with spaces", Head + Repeat("> ", 2000) + "x\n", 7 },
            { "lists on one line", Head + Repeat("- ", 2000) + "x\n", 7 },
            { "lists indented line by line", Head + string.Join("\n", Enumerable.Range(0, 2000).Select(i => new string(' ', 2 * i) + "- x")) + "\n", 7 + 32 },
            { "ordered lists indented line by line", Head + string.Join("\n", Enumerable.Range(0, 2000).Select(i => new string(' ', 3 * i) + "1. x")) + "\n", 7 + 32 },
            { "quotes and lists mixed", Head + Repeat("> - ", 1000) + "x\n", 7 },
            { "brackets", Head + new string('[', 10000) + "x" + new string(']', 10000) + "\n", 7 },
            { "brackets left open", Head + new string('[', 40000) + "x\n", 7 },
            { "emphasis", Head + Repeat("*a ", 10000) + Repeat("b* ", 10000) + "\n", 7 },
            { "emphasis left open", Head + Repeat("*a ", 40000) + "\n", 7 },
            { "emphasis closed without an opener", Head + Repeat("a* ", 40000) + "\n", 7 },
            { "emphasis over paragraph lines", Head + string.Join("\n", Enumerable.Range(0, 2000).Select(_ => "*a _b")) + "\n", 7 + 32 },
        };

        [Theory]
        [MemberData(nameof(Deep))]
        public void Markdown_nested_thousands_deep_is_refused_at_once_naming_the_line(string what, string text, int line)
        {
            var watch = Stopwatch.StartNew();
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(text, "deep.md"));
            Assert.True(watch.ElapsedMilliseconds < 2000, $"{what}: {watch.ElapsedMilliseconds} ms");
            Assert.Equal(line, error.Line);
            Assert.StartsWith($"deep.md, line {line}: ", error.Message);
            Assert.Contains("deep", error.Message);
        }

        [Fact]
        public void The_scan_counts_from_the_file_s_first_line_front_matter_included()
        {
            var text = "---\nid: 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b\n---\n" + Head + new string('>', 100) + " x\n";
            Assert.Equal(10, Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(text, "deep.md")).Line);
        }

        [Fact]
        public void Nesting_up_to_the_limits_is_read_as_before()
        {
            var lists = string.Join("\n", Enumerable.Range(0, MarkdownDepth.MaxBlockDepth).Select(i => new string(' ', 2 * i) + "- x"));
            var text = Head + new string('>', MarkdownDepth.MaxBlockDepth) + " quoted\n\n" + lists + "\n\n" +
                       new string('[', MarkdownDepth.MaxInlineDepth) + "x" + new string(']', MarkdownDepth.MaxInlineDepth) + "\n";
            MarkdownDepth.Check(text, "ok.md");
            Assert.Equal("Deep", PostmortemMarkdownReader.Read(text, "ok.md").Postmortem.Title);
        }

        [Fact]
        public void What_postmortems_hold_is_not_taken_for_nesting()
        {
            var text = new StringBuilder(Head);
            text.Append("* * *\n- - -\n___\n\n");                                     // thematic breaks, not lists
            text.Append("```\n").Append(Repeat(">", 200)).Append('\n').Append(Repeat("[", 200)).Append("\n```\n\n");   // code is not read
            text.Append("~~~\n").Append(Repeat("- ", 200)).Append("\n~~~\n\n");
            // A long list, item after item at the same level, each with a masked value (an emphasis marker left open),
            // and a paragraph of several, with globs and snake_case names.
            for (int i = 0; i < 500; i++) text.Append("- rotated key ****").Append(1000 + i).Append(" in /etc/ssl/*.pem\n");
            text.Append('\n');
            for (int i = 0; i < 20; i++) text.Append("card ****").Append(1000 + i).Append(" and /var/log/*.log and snake_case_name\n");
            text.Append("\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n");
            for (int i = 0; i < 2000; i++) text.Append("| 14:02 | cert for *.example.com [WARN renewed by *cron |\n");
            MarkdownDepth.Check(text.ToString(), "real.md");
        }

        [Fact]
        public void Escaped_markers_are_not_counted()
        {
            MarkdownDepth.Check(Head + Repeat("\\[", 500) + Repeat("\\*a ", 500) + "\n", "escaped.md");
        }

        [Fact]
        public void The_samples_and_their_round_trips_pass_the_scan()
        {
            foreach (var p in new[] { SamplePostmortems.CheckoutOutage() })
            {
                MarkdownDepth.Check(Rendering.PostmortemMarkdown.Render(p, frontMatter: true), "sample.md");
            }
        }
    }
}
