using System;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The Links section: dashboards, runbooks, tickets, related postmortems; off unless filled, kept everywhere.</summary>
    public class LinkTests
    {
        private static Postmortem WithLinks()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Links.Add(new PostmortemLink("Checkout latency", "https://grafana.example.com/d/checkout?from=now-6h&to=now", LinkKind.Dashboard));
            p.Links.Add(new PostmortemLink("TLS rotation [runbook]", "https://wiki.example.org/books/ops/page/tls_rotation", LinkKind.Runbook));
            p.Links.Add(new PostmortemLink("Postmortem 2026-08-14: chain error", "https://wiki.example.org/link/88", LinkKind.Related));
            return p;
        }

        [Fact]
        public void The_Links_section_lists_each_link_with_its_kind_after_Lessons_Learned_and_only_when_there_is_one()
        {
            var markdown = PostmortemMarkdown.Render(WithLinks());
            Assert.Contains("## Links\n\n- **Dashboard:** [Checkout latency](https://grafana.example.com/d/checkout?from=now-6h&to=now)\n", markdown);
            Assert.True(markdown.IndexOf("## Lessons Learned", StringComparison.Ordinal) < markdown.IndexOf("## Links", StringComparison.Ordinal));
            Assert.DoesNotContain("## Links", PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()));
            Assert.Contains("<a href=\"https://wiki.example.org/link/88\">Postmortem 2026-08-14: chain error</a>", PostmortemHtml.RenderFragment(WithLinks(), timelineChart: false));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Links_round_trip_through_Markdown_and_YAML(bool frontMatter)
        {
            var p = WithLinks();
            var back = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: frontMatter), "t.md");
            Assert.Empty(back.Warnings);
            Assert.Equal(p.Links, back.Postmortem.Links);
            Assert.Equal(p.Links, PostmortemYaml.Read(PostmortemYaml.Write(p), "t.yaml").Postmortem.Links);
            Assert.DoesNotContain("links:", PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()));
        }

        [Theory]
        [InlineData("ftp://files.example.com/x")]
        [InlineData("grafana.example.com/d/x")]
        [InlineData("https://example.com/a b")]
        [InlineData("")]
        public void An_address_that_is_no_web_address_is_refused_with_how_to_write_one(string uri)
        {
            var e = Assert.Throws<ArgumentException>(() => new PostmortemLink("x", uri));
            Assert.Contains("http", e.Message);
        }

        [Fact]
        public void A_link_a_reviewer_adds_on_the_page_is_merged_and_one_without_an_address_is_warned_of()
        {
            var published = WithLinks();
            var local = PostmortemYaml.Read(PostmortemYaml.Write(published), "l.yaml").Postmortem;
            var page = PostmortemMarkdown.Render(published, frontMatter: true).TrimEnd('\n')
                + "\n- **Ticket:** [INC-2291](https://jira.example.com/browse/INC-2291)\n- **Other:** the vendor's status page\n";
            var read = PostmortemMarkdownReader.Read(page, "page");
            Assert.Contains(read.Warnings, w => w.Contains("the vendor's status page") && w.Contains("no web address"));
            var result = PostmortemMerge.Merge(published, local, read.Postmortem);
            Assert.Empty(result.Conflicts);
            Assert.Equal(new PostmortemLink("INC-2291", "https://jira.example.com/browse/INC-2291", LinkKind.Ticket), result.Merged.Links.Last());
            Assert.Equal(4, result.Merged.Links.Count);
        }

        [Fact]
        public void A_secret_in_a_link_address_is_found_before_publishing()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Links.Add(new PostmortemLink("Logs", "https://logs.example.com/?token=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", LinkKind.Dashboard));
            Assert.Contains(Privacy.SecretScanner.Scan(p), f => f.Field.StartsWith("Links[0]", StringComparison.Ordinal));
        }
    }
}
