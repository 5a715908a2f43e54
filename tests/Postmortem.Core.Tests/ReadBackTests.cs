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

        [Fact]
        public void Half_of_an_emoji_that_did_not_enter_through_the_model_is_refused_naming_the_field()
        {
            // Text entering the model has half a character replaced (Text.WholeCharacters); the publication record is
            // set as a whole, so the check before writing still guards it.
            var p = SamplePostmortems.CheckoutOutage();
            p.Publication = new Publication { UpdatedByName = "Rita \ud83d" };

            foreach (var path in new[] { "t.yaml", "t.md" })
            {
                var ex = Assert.Throws<PostmortemTextException>(() => PostmortemFile.RenderChecked(p, path));
                Assert.Equal("Publication.UpdatedByName", ex.Field);
                Assert.Contains("U+D83D", ex.Message);
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
