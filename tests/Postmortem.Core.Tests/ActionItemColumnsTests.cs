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
            Assert.DoesNotContain("(Parameter", error.Message);
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

    /// <summary>
    /// The Action Items table shows each item's Status and Tracking, so a reviewer marks an item Done or adds its
    /// ticket in the wiki; the page wins over the front matter, and a table with the template's four columns reads as before.
    /// </summary>
    public class ActionItemStatusTrackingTests
    {
        private const string Jira = "https://jira.example.com/browse/{0}";

        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        private static Postmortem Tracked(string? tracking, string? pattern = null, ActionItemStatus status = ActionItemStatus.Open)
        {
            var p = new Postmortem("t", new Guid("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")) { TrackingUrl = pattern };
            p.ActionItems.Add(new ActionItem("Add the alert") { Owner = "sre", Status = status, Tracking = tracking });
            return p;
        }

        private static string Row(Postmortem p) =>
            PostmortemMarkdown.Render(p).Split('\n').Single(l => l.StartsWith("| Add the alert |", StringComparison.Ordinal));

        private static string Edit(string markdown, string from, string to)
        {
            Assert.Contains(from, markdown);
            return markdown.Replace(from, to);
        }

        [Fact]
        public void The_table_has_Status_and_Tracking_after_Priority()
        {
            var markdown = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage());
            Assert.Contains(
                "| Action | Owner | Due Date | Priority | Status | Tracking |\n|--------|-------|----------|----------|--------|----------|\n" +
                "| Add \\`openssl verify\\` of the full chain to the rotation pipeline before deploy | payments SRE | 2026-12-04 | P1 | Open | PAY-1423 |\n" +
                "| Add Prometheus alert for certificate chain errors with a 5-minute threshold | observability | 2026-12-11 | P2 | Open | |\n" +
                "| Update the rotation runbook with the rollback steps | Priya Natarajan | 2026-12-18 | P3 | Done (2026\u201111\u201127) | |\n", markdown);
        }

        [Theory]
        [InlineData("PAY-1423", null, "PAY-1423")]
        [InlineData("PAY-1423", Jira, "[PAY-1423](https://jira.example.com/browse/PAY-1423)")]
        [InlineData("https://jira.example.com/browse/PAY-1423", null, "[PAY-1423](https://jira.example.com/browse/PAY-1423)")]
        [InlineData("https://jira.example.com/browse/PAY-1423/", null, "[PAY-1423](https://jira.example.com/browse/PAY-1423/)")]
        [InlineData("https://tracker.example/issues/42?x=1&y=2", null, "[tracker.example/…/42](https://tracker.example/issues/42?x=1&y=2)")]
        [InlineData("https://github.com/acme/payments/issues/42", null, "[payments#42](https://github.com/acme/payments/issues/42)")]
        [InlineData("https://github.com/acme/payments/pull/7/", null, "[payments#7](https://github.com/acme/payments/pull/7/)")]
        [InlineData("https://gitlab.example.com/platform/infra/-/merge_requests/7", null, "[infra!7](https://gitlab.example.com/platform/infra/-/merge_requests/7)")]
        [InlineData("https://www.notion.so/acme/Certificate-rotation-postmortem-follow-ups-0123456789abcdef", null,
            "[Certificate-rotation-postmortem…](https://www.notion.so/acme/Certificate-rotation-postmortem-follow-ups-0123456789abcdef)")]
        [InlineData("https://linear.app/acme/issue/PLAT-12/rotate-the-certificate-chain-with-a-verify-step", Jira,
            "[rotate-the-certificate-chain-wi…](https://linear.app/acme/issue/PLAT-12/rotate-the-certificate-chain-with-a-verify-step)")]
        [InlineData("https://wiki.example/", null, "[wiki.example](https://wiki.example/)")]
        [InlineData("https://wiki.example/a_(b)/OPS_2-7", null, "[OPS\\_2-7](https://wiki.example/a_\\(b\\)/OPS_2-7)")]
        [InlineData("https://x.example/q?a=&amp;/PAY-1", null, "https://x.example/q?a=\\&amp;/PAY-1")]
        [InlineData("https://x/PAY-1?a=1|2", null, "https://x/PAY-1?a=1\\|2")]
        [InlineData("see the board", Jira, "see the board")]
        [InlineData("pay-1423", Jira, "pay-1423")]
        public void Tracking_shows_a_link_where_it_can(string tracking, string? pattern, string cell)
        {
            Assert.Equal($"| Add the alert | sre | _not set_ | _not set_ | Open | {cell} |", Row(Tracked(tracking, pattern)));
        }

        [Theory]
        [InlineData("PAY-1423", null)]
        [InlineData("PAY-1423", Jira)]
        [InlineData("https://jira.example.com/browse/PAY-1423", null)]
        [InlineData("https://jira.example.com/browse/PAY-1423", Jira)]
        [InlineData("https://tracker.example/issues/42?x=1&y=2", Jira)]
        [InlineData("https://wiki.example/a_(b)/OPS_2-7", null)]
        [InlineData("https://github.com/acme/payments/issues/42", Jira)]
        [InlineData("https://x.example/q?a=&amp;/PAY-1", null)]
        [InlineData("https://x/PAY-1?a=1|2", null)]
        [InlineData("[PAY-1](https://x/PAY-1)", Jira)]
        [InlineData("<https://x/1>", null)]
        public void Status_and_tracking_round_trip_with_front_matter(string tracking, string? pattern)
        {
            var original = Tracked(tracking, pattern, ActionItemStatus.Done);
            var result = Read(PostmortemMarkdown.Render(original, frontMatter: true));
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
            Assert.Empty(result.Warnings);
        }

        [Theory]
        [MemberData(nameof(MarkdownEscapingTests.HostileTexts), MemberType = typeof(MarkdownEscapingTests))]
        [InlineData("https://jira.example.com/browse/PAY-1423")]
        [InlineData("https://tracker.example/issues/42?x=1&y=2")]
        [InlineData("https://github.com/acme/payments/issues/42")]
        [InlineData("https://gitlab.example.com/platform/infra/-/merge_requests/7")]
        [InlineData("https://www.notion.so/acme/Certificate-rotation-postmortem-follow-ups-0123456789abcdef")]
        [InlineData("https://wiki.example/a_(b)/c*d_[e]")]
        [InlineData("PAY-1423")]
        public void Without_front_matter_the_page_gives_status_and_tracking_back(string tracking)
        {
            var original = Tracked(tracking, status: ActionItemStatus.Done);
            var item = Read(PostmortemMarkdown.Render(original)).Postmortem.ActionItems.Single();
            Assert.Equal((ActionItemStatus.Done, original.ActionItems[0].Tracking), (item.Status, item.Tracking));
        }

        [Fact]
        public void Without_front_matter_a_key_linked_by_the_pattern_reads_back_as_its_address()
        {
            // The pattern is kept in the front matter only; without it the link is all there is.
            var item = Read(PostmortemMarkdown.Render(Tracked("PAY-1423", Jira))).Postmortem.ActionItems.Single();
            Assert.Equal("https://jira.example.com/browse/PAY-1423", item.Tracking);
        }

        [Theory]
        [InlineData("Done")]
        [InlineData("done")]
        [InlineData("DONE")]
        public void A_reviewer_marks_an_item_done_and_the_page_wins_over_the_front_matter(string written)
        {
            var markdown = Edit(PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage(), frontMatter: true), "| P2 | Open |", $"| P2 | {written} |");
            var result = Read(markdown);
            Assert.Equal(ActionItemStatus.Done, result.Postmortem.ActionItems[1].Status);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_reviewer_reopens_an_item()
        {
            var markdown = Edit(PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage(), frontMatter: true), "| P3 | Done (2026\u201111\u201127) |", "| P3 | Open |");
            Assert.Equal(ActionItemStatus.Open, Read(markdown).Postmortem.ActionItems[2].Status);
        }

        [Fact]
        public void A_status_that_is_none_is_refused_naming_the_line_and_the_statuses()
        {
            var markdown = Edit(PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()), "| P2 | Open |", "| P2 | Closed |");
            var error = Assert.Throws<PostmortemFormatException>(() => Read(markdown));
            Assert.Equal(Array.FindIndex(markdown.Split('\n'), l => l.Contains("| Closed |")) + 1, error.Line);
            Assert.Contains("'Closed' of 'Add Prometheus alert for certificate chain errors with a 5-minute threshold' is not one of Open, In progress, Done, Done (YYYY-MM-DD) or Won't do: the reason", error.Message);
        }

        [Theory]
        [InlineData(Jira, "[PAY-1500](https://jira.example.com/browse/PAY-1500)", "PAY-1500")]
        [InlineData(null, "[PAY-1500](https://jira.example.com/browse/PAY-1500)", "https://jira.example.com/browse/PAY-1500")]
        [InlineData(Jira, "[the ticket](https://jira.example.com/browse/PAY-1500)", "https://jira.example.com/browse/PAY-1500")]
        [InlineData(Jira, "<https://jira.example.com/browse/PAY-1500>", "https://jira.example.com/browse/PAY-1500")]
        [InlineData(Jira, "PAY-1500", "PAY-1500")]
        [InlineData(null, "https://tracker.example/1500", "https://tracker.example/1500")]
        [InlineData(Jira, "see [PAY-1500](https://jira.example.com/browse/PAY-1500)", "PAY-1500")]
        public void A_reviewer_adds_a_tracking_link(string? pattern, string cell, string tracking)
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.TrackingUrl = pattern;
            var markdown = Edit(PostmortemMarkdown.Render(p, frontMatter: true), "| P2 | Open | |", $"| P2 | Open | {cell} |");
            var result = Read(markdown);
            Assert.Equal(tracking, result.Postmortem.ActionItems[1].Tracking);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_reviewer_clears_a_tracking_cell_and_the_page_wins()
        {
            var markdown = Edit(PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage(), frontMatter: true), "| P1 | Open | PAY-1423 |", "| P1 | Open | |");
            var result = Read(markdown);
            Assert.Null(result.Postmortem.ActionItems[0].Tracking);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void An_older_four_column_table_takes_status_and_tracking_from_the_front_matter()
        {
            var original = SamplePostmortems.CheckoutOutage();
            original.TrackingUrl = Jira;
            var markdown = PreviousFormat.Of(PostmortemMarkdown.Render(original, frontMatter: true));
            Assert.Contains("| Action | Owner | Due Date | Priority |\n|--------|-------|----------|----------|\n", markdown);
            var result = Read(markdown);
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void The_html_shows_status_and_the_tracking_link()
        {
            var html = PostmortemHtml.RenderFragment(Tracked("PAY-1423", Jira, ActionItemStatus.Done));
            Assert.Matches("<td>Done \\(\\d{4}\u2011\\d{2}\u2011\\d{2}\\)</td>\n<td><a href=\"https://jira.example.com/browse/PAY-1423\">PAY-1423</a></td>", html);
        }
    }
}
