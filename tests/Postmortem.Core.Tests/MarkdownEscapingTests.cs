using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Postmortems.Rendering;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// User text can never break the document: whatever a field holds, the rendered Markdown parses back to the
    /// same structure, and the field's text reads exactly as typed.
    /// </summary>
    public class MarkdownEscapingTests
    {
        public static IEnumerable<object[]> HostileTexts() => new[]
        {
            "a | b | c",
            "first line\nsecond line",
            "para one\n\npara two",
            "# not a heading",
            "## Timeline",
            "- not a list item",
            "+ nor this",
            "* nor this",
            "> not a quote",
            "1. not a numbered list",
            "2) nor this",
            "`code` and ``more``",
            "*stars* and **bold** and _under_ and __score__",
            "<script>alert(1)</script>",
            "<br> typed by the user",
            "a &amp; b &lt; c &#35;",
            "[link](http://example.org) and ![img](x.png)",
            "back\\slash\\",
            "trailing backslash \\",
            "~~struck~~",
            "    four spaces of indent",
            "\tindent with tab",
            "---",
            "===",
            "line\n---",
            "C# and F# #hashtag ###",
            "100% of users; 3.5x slower; 2026-11-20 14:02",
            "emoji 🔥 CJK 障害 RTL שלום",
            "| --- | --- |",
            "<!-- comment -->",
            "http://example.org/<x>",
            "AT&T and &copy; and &#35; and &#x41; and &;",
            "ends with ##",
            "#channel at the start",
            "!important",
        }.Select(t => new object[] { t });

        [Theory]
        [MemberData(nameof(HostileTexts))]
        public void Text_in_a_timeline_cell_reads_as_typed_and_the_table_keeps_its_three_columns(string text)
        {
            var p = new Postmortem("t") { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), text));
            var document = Parse(p);

            var table = SectionBlocks(document, "Timeline").OfType<Table>().Single();
            var row = (TableRow)table[1];
            Assert.Equal(3, row.Count);
            Assert.Equal(Expected(text), CellText((TableCell)row[1]));
        }

        [Theory]
        [MemberData(nameof(HostileTexts))]
        public void Text_in_an_action_item_cell_reads_as_typed_and_the_table_keeps_its_six_columns(string text)
        {
            var p = new Postmortem("t");
            p.ActionItems.Add(new ActionItem(text) { Owner = text, Tracking = text });
            var document = Parse(p);

            var table = SectionBlocks(document, "Action Items").OfType<Table>().Single();
            var row = (TableRow)table[1];
            Assert.Equal(6, row.Count);
            Assert.Equal(Expected(text), CellText((TableCell)row[0]));
            Assert.Equal(Text.SingleLine(text), CellText((TableCell)row[5]));
        }

        // Free text that spells out a list, a quote, a link or an image is written as that Markdown (MarkdownFreeText):
        // it adds that block, and no other structure, and the reader takes the text back as typed.
        private static readonly string[] SpelledOut =
        {
            "- not a list item", "+ nor this", "* nor this", "> not a quote", "1. not a numbered list", "2) nor this",
            "[link](http://example.org) and ![img](x.png)",
        };

        public static IEnumerable<object[]> PlainTexts() => HostileTexts().Where(t => !SpelledOut.Contains((string)t[0]));

        public static IEnumerable<object[]> MarkdownTexts() => SpelledOut.Concat(new[]
        {
            "[x](https://a.example) then\n# a heading",
            "> a quote\n<script>alert(1)</script>",
            "- an item\n\n    indented code",
            "- an item\n\n---\n\n| a | b |\n|---|---|",
            "[x](javascript:alert(1))",
            "```\nnever closed\n## Timeline",
            "> quote\n> ## heading in a quote",
        }).Select(t => new object[] { t });

        [Theory]
        [MemberData(nameof(MarkdownTexts))]
        public void Free_text_that_spells_out_Markdown_adds_only_that_block_and_reads_back_as_typed(string text)
        {
            var p = new Postmortem("t") { ExecutiveSummary = text, RootCause = text, LessonsLearned = text };
            p.ContributingFactors.Add(text);
            p.ContributingFactors.Add("second");
            p.Impact.UsersAffected = text;
            var document = Parse(p);

            Assert.Equal(HeadingsOf(new Postmortem("t")), Headings(document));
            Assert.DoesNotContain(document.Descendants<Block>(), b => b is HeadingBlock { Level: > 2 } || b is ThematicBreakBlock || b is HtmlBlock || b is Table && b.Parent is not MarkdownDocument);
            Assert.DoesNotContain(document.Descendants<CodeBlock>(), b => b is not FencedCodeBlock);
            Assert.DoesNotContain(document.Descendants<LinkInline>(), l => l.Url!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(2, SectionBlocks(document, "Contributing Factors").OfType<ListBlock>().Single().Count);
            var back = Serialization.PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p), "t.md").Postmortem;
            var expected = Text.Normalize(text);
            Assert.Equal(new[] { expected, expected, expected, expected, expected, "second" },
                new[] { back.ExecutiveSummary, back.RootCause, back.LessonsLearned, back.Impact.UsersAffected, back.ContributingFactors[0], back.ContributingFactors[1] });
        }

        [Theory]
        [MemberData(nameof(PlainTexts))]
        public void Text_in_a_paragraph_section_reads_as_typed_and_adds_no_structure(string text)
        {
            var p = new Postmortem("t") { ExecutiveSummary = text, RootCause = text, LessonsLearned = text };
            var document = Parse(p);

            Assert.Equal(HeadingsOf(new Postmortem("t")), Headings(document));
            foreach (var section in new[] { "Executive Summary", "Root Cause", "Lessons Learned" })
            {
                var blocks = SectionBlocks(document, section);
                Assert.All(blocks, b => Assert.IsType<ParagraphBlock>(b));
                var paragraphs = string.Join("\n\n", blocks.Cast<ParagraphBlock>().Select(ParagraphText));
                Assert.Equal(Text.Normalize(text), paragraphs);
            }
        }

        [Theory]
        [MemberData(nameof(PlainTexts))]
        public void Text_in_a_list_item_reads_as_typed_and_stays_one_item(string text)
        {
            var p = new Postmortem("t");
            p.ContributingFactors.Add(text);
            p.ContributingFactors.Add("second");
            var document = Parse(p);

            var list = SectionBlocks(document, "Contributing Factors").OfType<ListBlock>().Single();
            Assert.Equal(2, list.Count);
            var item = (ListItemBlock)list[0];
            var text0 = string.Join("\n\n", item.OfType<ParagraphBlock>().Select(ParagraphText));
            Assert.Equal(Text.Normalize(text), text0);
        }

        [Theory]
        [MemberData(nameof(HostileTexts))]
        public void Text_in_the_title_stays_on_the_heading_line(string text)
        {
            var p = new Postmortem(text);
            var document = Parse(p);
            var heading = document.OfType<HeadingBlock>().First();
            Assert.Equal(1, heading.Level);
            Assert.Equal("Postmortem: " + p.Title, InlineText(heading.Inline!));
            Assert.Equal(HeadingsOf(new Postmortem("t")), Headings(document));
        }

        [Fact]
        public void Ordinary_punctuation_is_left_readable_in_the_Markdown_source()
        {
            var p = new Postmortem("t") { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), "Paged #inc-checkout at AT&T: 100% down! (see runbook.md)"));
            Assert.Contains("| 14:02 | Paged #inc-checkout at AT&T: 100% down! (see runbook.md) |", PostmortemMarkdown.Render(p));
        }

        // A cell holds one line; its line breaks come back as \n, and white space at either end is trimmed by tables.
        private static string Expected(string text) => Text.Normalize(text)!;

        private static MarkdownDocument Parse(Postmortem p) =>
            Markdown.Parse(PostmortemMarkdown.Render(p), PostmortemHtml.Pipeline);

        private static List<string> Headings(MarkdownDocument document) =>
            document.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(h => InlineText(h.Inline!)).ToList();

        private static List<string> HeadingsOf(Postmortem p) => Headings(Parse(p));

        private static List<Block> SectionBlocks(MarkdownDocument document, string heading)
        {
            var blocks = new List<Block>();
            bool inside = false;
            foreach (var block in document)
            {
                if (block is HeadingBlock h && h.Level == 2)
                {
                    inside = InlineText(h.Inline!) == heading;
                    continue;
                }
                if (inside) blocks.Add(block);
            }
            Assert.NotEmpty(blocks);
            return blocks;
        }

        private static string CellText(TableCell cell) =>
            string.Join("\n", cell.OfType<ParagraphBlock>().Select(ParagraphText));

        private static string ParagraphText(ParagraphBlock paragraph) => InlineText(paragraph.Inline!);

        /// <summary>The text a reader sees; anything but plain text (emphasis, code, links, HTML) fails the test.</summary>
        private static string InlineText(ContainerInline container)
        {
            var text = new StringBuilder();
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.ToString());
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.ToString());
                        break;
                    case CellLineBreakInline:
                        text.Append('\n');
                        break;
                    case LineBreakInline lineBreak:
                        text.Append(lineBreak.IsHard ? "\n" : " ");
                        break;
                    // A bare web address is written as an autolink on purpose, and reads back as the address.
                    case AutolinkInline autolink when !autolink.IsEmail && autolink.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                        text.Append(autolink.Url);
                        break;
                    default:
                        throw new Xunit.Sdk.XunitException($"User text turned into {inline.GetType().Name}");
                }
            }
            return text.ToString();
        }
    }
}
