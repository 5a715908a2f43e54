using System;
using System.Linq;
using System.Text;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// What the Markdown and YAML round-trip fuzz (FuzzTests) found, one test each, so each fix stays fixed whatever
    /// the fuzz's seed reaches.
    /// </summary>
    public class RoundTripFindingsTests
    {
        private static readonly DateTime At = new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc);

        private static Postmortem Reloaded(Postmortem p, string path) =>
            path.EndsWith(".yaml", StringComparison.Ordinal)
                ? PostmortemYaml.Read(PostmortemFile.RenderChecked(p, path), path).Postmortem
                : PostmortemMarkdownReader.Read(PostmortemFile.RenderChecked(p, path), path).Postmortem;

        [Theory]
        [InlineData('\u00A0')]
        [InlineData('\u1680')]
        [InlineData('\u2000')]
        [InlineData('\u2003')]
        [InlineData('\u200A')]
        [InlineData('\u202F')]
        [InlineData('\u205F')]
        [InlineData('\u3000')]
        [InlineData('\uFEFF')]
        [InlineData('\u200B')]
        [InlineData('\u000C')]
        public void A_leading_no_break_or_other_Unicode_space_in_a_table_cell_is_kept(char space)
        {
            var p = new Postmortem("Cells");
            p.Timeline.Add(new TimelineEvent(At, space + "pager fired" + (space == '\uFEFF' || space == '\u200B' ? space.ToString() : ""), source: space + "slack"));
            p.ActionItems.Add(new ActionItem(space + "Rotate the key") { Owner = space + "Ann", Tracking = space + "note" });

            foreach (var path in new[] { "t.md", "t.yaml" })
            {
                var back = Reloaded(p, path);
                Assert.Equal(p.Timeline[0].Event, back.Timeline[0].Event);
                Assert.Equal(p.Timeline[0].Source, back.Timeline[0].Source);
                Assert.Equal(p.ActionItems[0].Action, back.ActionItems[0].Action);
                Assert.Equal(p.ActionItems[0].Owner, back.ActionItems[0].Owner);
                Assert.Equal(p.ActionItems[0].Tracking, back.ActionItems[0].Tracking);
            }
            // The page form too, without front matter.
            var page = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p), "page.md").Postmortem;
            Assert.Equal(p.Timeline[0].Event, page.Timeline[0].Event);
            Assert.Equal(p.ActionItems[0].Action, page.ActionItems[0].Action);
        }

        [Fact]
        public void A_NUL_from_a_journald_record_is_written_to_Markdown_as_a_reference_and_reads_back_as_a_NUL()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), "kernel: nf_conntrack\0 table full", source: "jour\0nald"));
            p.RootCause = "\0 the log line began with a NUL";

            var markdown = PostmortemFile.RenderChecked(p, "t.md");

            Assert.True(markdown.IndexOf('\0') < 0, "no raw NUL in the file");
            Assert.Equal(IO.TextKind.Utf8, IO.TextSniffer.Sniff(Encoding.UTF8.GetBytes(markdown), markdown.Length).Kind);
            Assert.Contains("conntrack&#0; table full", markdown);
            var back = PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem;
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back));
        }

        [Fact]
        public void Many_control_characters_do_not_make_the_Markdown_file_binary()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.RootCause = string.Concat(Enumerable.Repeat("\u0001\u0002\u0007\b\u000B\u000C\u000E\u001F\u007F", 200));

            var markdown = PostmortemFile.RenderChecked(p, "t.md");

            Assert.DoesNotContain(markdown, c => c < ' ' && c != '\n');
            Assert.Equal(p.RootCause, PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem.RootCause);
        }

        [Fact]
        public void A_name_with_a_control_character_keeps_its_reference_whole_beside_the_escaped_separators()
        {
            // The writer escaped every ';' in a list of names, the one ending "&#7;" too, which then read as text.
            var p = new Postmortem("Names");
            p.Authors.Add("\u0007Ann");
            p.Authors.Add("Doe, Jane\u001B");
            p.Reviewers.Add("Bo\u0001b");
            p.Impact.ServicesAffected.Add("\u200Bcheckout");

            foreach (var markdown in new[] { PostmortemFile.RenderChecked(p, "t.md"), PostmortemMarkdown.Render(p) })
            {
                var back = PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem;
                Assert.Equal(p.Authors, back.Authors);
                Assert.Equal(p.Reviewers, back.Reviewers);
                Assert.Equal(p.Impact.ServicesAffected, back.Impact.ServicesAffected);
            }
        }

        [Fact]
        public void Text_that_reads_as_a_NUL_reference_stays_text()
        {
            var p = new Postmortem("References");
            p.RootCause = "the log showed &#0; and &#x0; literally";
            p.Timeline.Add(new TimelineEvent(At, "&#0;", source: "&#0;"));

            var back = Reloaded(p, "t.md");

            Assert.Equal(p.RootCause, back.RootCause);
            Assert.Equal("&#0;", back.Timeline[0].Event);
            Assert.Equal("&#0;", back.Timeline[0].Source);
        }

        [Fact]
        public void Half_of_an_emoji_becomes_the_replacement_character_as_it_enters_every_field()
        {
            var p = new Postmortem("Cut \ud83d");
            p.RootCause = "The gateway \ud83d rejected the chain.";
            p.Timeline.Add(new TimelineEvent(At, "alert \udd25", source: "\ude00slack"));
            p.ActionItems.Add(new ActionItem("fix \ud83d") { Owner = "a\ud83d", Tracking = "\ud83dOPS" });
            p.Authors.Add("\ud83d");
            p.Whys.Add("why \udd25\ud83d");
            p.Impact.UsersAffected = "\ud83d all";
            p.SignOffs.Add(new SignOff("Rita \ud83d", At, "ok \udd25"));

            Assert.Equal("Cut \uFFFD", p.Title);
            Assert.Equal("The gateway \uFFFD rejected the chain.", p.RootCause);
            Assert.Equal("alert \uFFFD", p.Timeline[0].Event);
            Assert.Equal("\uFFFDslack", p.Timeline[0].Source);
            Assert.Equal("fix \uFFFD", p.ActionItems[0].Action);
            Assert.Equal("a\uFFFD", p.ActionItems[0].Owner);
            Assert.Equal("\uFFFDOPS", p.ActionItems[0].Tracking);
            Assert.Equal("\uFFFD", p.Authors[0]);
            Assert.Equal("why \uFFFD\uFFFD", p.Whys[0]);
            Assert.Equal("\uFFFD all", p.Impact.UsersAffected);
            Assert.Equal("Rita \uFFFD", p.SignOffs[0].Reviewer);
            Assert.Equal("ok \uFFFD", p.SignOffs[0].Comment);
            // A whole emoji is left as it is.
            Assert.Equal("🔥 \uFFFD", Text.Normalize("🔥 \ud83d"));
        }

        [Theory]
        [InlineData("t.yaml")]
        [InlineData("t.md")]
        public void Half_of_an_emoji_is_written_by_every_format_as_the_replacement_character(string path)
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.RootCause = "The gateway \ud83d rejected the chain.";
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), "truncated \ud83d", source: "journald"));

            var back = Reloaded(p, path);

            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back));
            Assert.Equal("The gateway \uFFFD rejected the chain.", back.RootCause);
            Assert.Contains("\uFFFD", PostmortemHtml.RenderFragment(p));
        }

        [Fact]
        public void A_NUL_in_text_on_many_lines_reads_back_from_a_YAML_draft()
        {
            // Text on many lines was written as a literal block, which holds no control character: the draft was unreadable.
            var p = new Postmortem("Draft");
            p.RootCause = "first line\nkernel: table full\0 and \u0007 rang";
            p.Whys.Add("🔥 burnt\0");

            var back = Reloaded(p, "t.yaml");

            Assert.Equal(p.RootCause, back.RootCause);
            Assert.Equal(p.Whys, back.Whys);
        }

        [Fact]
        public void Long_text_that_starts_with_a_space_reads_back_from_a_YAML_draft()
        {
            // A folded block took the leading space for a more-indented line and kept the break after it.
            var p = new Postmortem("Draft");
            p.Timeline.Add(new TimelineEvent(At, " " + new string('w', 130) + " e"));

            Assert.Equal(p.Timeline[0].Event, Reloaded(p, "t.yaml").Timeline[0].Event);
        }

        [Fact]
        public void A_tab_after_a_space_in_long_quoted_text_reads_back_from_a_YAML_draft()
        {
            // Double-quoted (a control character), folded at the space: the tab began the next line and was lost.
            var p = new Postmortem("Draft");
            p.ContributingFactors.Add(new string(' ', 39) + "&#0;__[x](y)7<!-- c -->2026-11-20\u000C* \">!1e3<sub>2026-11-20!- \tf");

            Assert.Equal(p.ContributingFactors, Reloaded(p, "t.yaml").ContributingFactors);
        }
    }
}
