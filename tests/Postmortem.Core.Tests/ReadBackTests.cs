using System;
using System.Linq;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// A postmortem is only written to a .yaml or .md file that Import-Postmortem reads back as the same postmortem:
    /// text no file can hold is refused naming the field, and so is text the reader would refuse or change.
    /// </summary>
    public class ReadBackTests
    {
        [Theory]
        [InlineData("t.yaml")]
        [InlineData("t.md")]
        public void The_sample_postmortem_and_generated_ones_are_rendered_as_they_are(string path)
        {
            var sample = SamplePostmortems.CheckoutOutage();
            Assert.Equal(PostmortemFile.Render(sample, path), PostmortemFile.RenderChecked(sample, path));
            var generator = new PostmortemGenerator(seed: 8128);
            for (int i = 0; i < 100; i++)
            {
                var p = generator.Next();
                Assert.Equal(PostmortemFile.Render(p, path), PostmortemFile.RenderChecked(p, path));
            }
        }

        [Theory]
        [InlineData("t.yaml")]
        [InlineData("t.md")]
        public void A_publication_record_reads_back_too(string path)
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Publication = new Publication
            {
                Server = "https://wiki.example.org/", PageId = 42, BookId = 7, ChapterId = 3,
                UpdatedAt = new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero), UpdatedById = 5, UpdatedByName = "Rita Reviewer",
                Digest = "abc", PageDigest = "def", Base = PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()),
            };
            p.Publication.Tags.Add("team=dba");
            Assert.Equal(PostmortemFile.Render(p, path), PostmortemFile.RenderChecked(p, path));
        }

        [Theory]
        [InlineData("t.yaml")]
        [InlineData("t.md")]
        public void Half_of_an_emoji_is_refused_naming_the_field(string path)
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.RootCause = "The gateway \ud83d rejected the chain.";

            var ex = Assert.Throws<PostmortemTextException>(() => PostmortemFile.RenderChecked(p, path));
            Assert.Equal("RootCause", ex.Field);
            Assert.Contains("RootCause", ex.Message);
            Assert.Contains("U+D83D", ex.Message);
            Assert.Contains("Set-Postmortem", ex.Message);
        }

        [Fact]
        public void Half_of_an_emoji_is_found_in_any_text_a_file_holds()
        {
            var day = new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc);
            var cases = new (string Field, Action<Postmortem> Make)[]
            {
                ("Title", p => p.Title = "Sealed \udd25"),
                ("Timeline[0]", p => p.Timeline.Add(new TimelineEvent(day, "alert \ud83d"))),
                ("Timeline[0].Source", p => p.Timeline.Add(new TimelineEvent(day, "alert", source: "\ude00"))),
                ("ActionItems[0].Owner", p => p.ActionItems.Add(new ActionItem("fix it") { Owner = "a\ud83d" })),
                ("Authors[0]", p => p.Authors.Add("\ud83d")),
                ("SignOffs[0].Reviewer", p => p.SignOffs.Add(new SignOff("Rita \ud83d", day))),
                ("Unlocks[0].Reason", p => p.Unlocks.Add(new Unlock(day, "typo \ud83d"))),
                ("Publication.UpdatedByName", p => p.Publication = new Publication { UpdatedByName = "\ud83d" }),
            };
            foreach (var (field, make) in cases)
            {
                var p = new Postmortem("Sealed");
                make(p);
                var ex = Assert.Throws<PostmortemTextException>(() => PostmortemFile.CheckText(p));
                Assert.Equal(field, ex.Field);
            }
        }

        [Fact]
        public void A_whole_emoji_is_no_problem()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.RootCause = "The gateway 🔥 rejected the chain.";
            PostmortemFile.CheckText(p);
            Assert.Equal(PostmortemFile.Render(p, "t.md"), PostmortemFile.RenderChecked(p, "t.md"));
        }

        [Fact]
        public void A_NUL_from_a_journald_record_is_refused_for_Markdown_naming_the_event()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), "kernel: nf_conntrack\0 table full", source: "journald"));
            var index = p.Timeline.ToList().FindIndex(e => e.Source == "journald");

            var ex = Assert.Throws<PostmortemNotReloadableException>(() => PostmortemFile.RenderChecked(p, "t.md"));
            Assert.Contains($"Timeline[{index}]", ex.Message);
            Assert.Contains("U+0000", ex.Message);
            Assert.Contains("NUL", ex.Message);
        }

        [Fact]
        public void A_NUL_reads_back_from_a_YAML_draft_so_the_draft_is_written()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), "kernel: nf_conntrack\0 table full", source: "journald"));
            var yaml = PostmortemFile.RenderChecked(p, "t.yaml");
            Assert.True(yaml.IndexOf('\0') < 0, "the draft holds the NUL escaped, as \\0");
            Assert.Equal(p.Timeline.Select(e => e.Event), PostmortemYaml.Read(yaml, "t.yaml").Postmortem.Timeline.Select(e => e.Event));
        }

        [Theory]
        [InlineData("t.yaml")]
        [InlineData("t.md")]
        public void Text_that_would_come_back_changed_is_refused_naming_the_field(string path)
        {
            // The cmdlets normalise names as they enter; a list changed directly can hold what a file does not keep.
            var p = SamplePostmortems.CheckoutOutage();
            p.Authors.Add("  Priya   Natarajan  ");

            var ex = Assert.Throws<PostmortemNotReloadableException>(() => PostmortemFile.RenderChecked(p, path));
            Assert.Contains("Authors[2]", ex.Fields);
            Assert.Contains("Authors[2]", ex.Message);
        }
    }
}
