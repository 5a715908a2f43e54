using System;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>Postmortem.TrackingUrl: where a ticket key such as PAY-1423 is tracked, as a pattern with {0} for the key.</summary>
    public class TrackingUrlTests
    {
        [Theory]
        [InlineData("https://jira.example.com/browse/{0}")]
        [InlineData("http://tracker.home/issues/{0}?view=full")]
        [InlineData("https://git.example.org/{0}/{{raw}}")]
        public void An_absolute_http_address_with_a_place_for_the_key_is_a_tracking_url(string pattern)
        {
            var p = new Postmortem("t") { TrackingUrl = pattern };
            Assert.Equal(pattern, p.TrackingUrl);
        }

        [Theory]
        [InlineData("jira.example.com/browse/{0}")]
        [InlineData("/browse/{0}")]
        [InlineData("ftp://files.example.com/{0}")]
        [InlineData("https://jira.example.com/browse/")]
        [InlineData("https://jira example.com/{0}")]
        public void Anything_else_is_refused_with_an_example(string pattern)
        {
            var error = Assert.Throws<ArgumentException>(() => new Postmortem("t") { TrackingUrl = pattern });
            Assert.Contains($"'{pattern}'", error.Message);
            Assert.Contains("https://jira.example.com/browse/{0}", error.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void Nothing_clears_it(string? pattern)
        {
            var p = new Postmortem("t") { TrackingUrl = "https://jira.example.com/browse/{0}" };
            p.TrackingUrl = pattern;
            Assert.Null(p.TrackingUrl);
        }

        [Fact]
        public void The_yaml_draft_keeps_it_under_trackingUrl_and_reads_it_back()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.TrackingUrl = "https://jira.example.com/browse/{0}";
            var yaml = PostmortemYaml.Write(p);
            Assert.Contains("\ntrackingUrl: https://jira.example.com/browse/{0}\n", yaml);
            Assert.Equal(p.TrackingUrl, PostmortemYaml.Read(yaml, "t.yaml").Postmortem.TrackingUrl);
        }

        [Fact]
        public void A_wrong_one_in_a_draft_is_refused_naming_the_line()
        {
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read("title: t\ntrackingUrl: jira/{0}\n", "draft.yaml"));
            Assert.Equal(2, error.Line);
            Assert.Contains("'jira/{0}'", error.Message);
        }

        [Fact]
        public void The_front_matter_keeps_it_and_reads_it_back()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.TrackingUrl = "https://jira.example.com/browse/{0}";
            var markdown = PostmortemMarkdown.Render(p, frontMatter: true);
            Assert.Contains("\ntrackingUrl: \"https://jira.example.com/browse/{0}\"\n", markdown);
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(PostmortemMarkdownReader.Read(markdown, "t.md").Postmortem));
        }

        [Fact]
        public void A_merge_keeps_it_and_takes_a_change_from_either_side()
        {
            var b = SamplePostmortems.CheckoutOutage();
            b.TrackingUrl = "https://jira.example.com/browse/{0}";
            var local = SamplePostmortems.CheckoutOutage();
            local.TrackingUrl = "https://tracker.example.com/browse/{0}";
            var wiki = SamplePostmortems.CheckoutOutage();
            wiki.TrackingUrl = b.TrackingUrl;
            var merged = PostmortemMerge.Merge(b, local, wiki).Merged;
            Assert.Equal(local.TrackingUrl, merged.TrackingUrl);

            var target = SamplePostmortems.CheckoutOutage();
            PostmortemContent.CopyInto(merged, target);
            Assert.Equal(local.TrackingUrl, target.TrackingUrl);
        }
    }
}
