using System;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Markdown edited by hand and read back loses nothing silently: free text keeps its links, images, lists, quotes
    /// and code fences through Read, Render and Read again; what the model has no place for is warned of by its line.
    /// </summary>
    public class ReaderHandEditTests
    {
        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        private static Postmortem Again(Postmortem p) => Read(PostmortemMarkdown.Render(p)).Postmortem;

        // A page as a reviewer edits it: the module's layout, with the sections given filled in.
        private static string Page(string header = "", string? timeline = null, string rootCause = "_Not yet written._", string factors = "_Not yet written._",
            string lessons = "_Not yet written._", string actions = "_Not yet written._", string users = "_not set_") =>
            "# Postmortem: Checkout outage\n\n**Date:** 2026-11-20\\\n**Severity:** P2\n\n" + header
            + "## Executive Summary\n\nCheckout was down.\n\n"
            + "## Timeline\n\n" + (timeline ?? "| Time (UTC) | Event | Milestone |\n|---|---|---|\n| 14:02 | Alert fired | First symptom |\n") + "\n"
            + "## Impact\n\n- **Services affected:** checkout\n- **Users affected:** " + users + "\n\n"
            + "## Root Cause\n\n" + rootCause + "\n\n"
            + "## Contributing Factors\n\n" + factors + "\n\n"
            + "## Action Items\n\n" + actions + "\n\n"
            + "## Lessons Learned\n\n" + lessons + "\n";

        private static int LineOf(string markdown, string text) =>
            Array.FindIndex(markdown.Split('\n'), l => l.Contains(text)) + 1;

        private static int LineIs(string markdown, string line) =>
            Array.IndexOf(markdown.Split('\n'), line) + 1;

        // ---- Free text keeps its Markdown

        [Fact]
        public void A_link_and_an_image_in_the_root_cause_are_kept_and_come_back_unchanged()
        {
            const string text = "See [the runbook](https://wiki.example/runbooks/checkout) and the graph ![5xx rate](https://grafana.example/render/5xx.png).";
            var result = Read(Page(rootCause: text));

            Assert.Equal(text, result.Postmortem.RootCause);
            Assert.Empty(result.Warnings);
            Assert.Equal(text, Again(result.Postmortem).RootCause);
            var html = PostmortemHtml.RenderFragment(result.Postmortem);
            Assert.Contains("<a href=\"https://wiki.example/runbooks/checkout\">the runbook</a>", html);
            Assert.Contains("<img src=\"https://grafana.example/render/5xx.png\" alt=\"5xx rate\" />", html);
        }

        [Fact]
        public void A_nested_list_in_a_contributing_factor_is_kept_as_a_list_inside_the_item()
        {
            var result = Read(Page(factors: "- Alerting gaps:\n  - no alert on disk usage\n  - the pager went to the old team\n- A second factor"));

            Assert.Equal(new[] { "Alerting gaps:\n- no alert on disk usage\n- the pager went to the old team", "A second factor" }, result.Postmortem.ContributingFactors);
            Assert.Equal(result.Postmortem.ContributingFactors, Again(result.Postmortem).ContributingFactors);
            var html = PostmortemHtml.RenderFragment(result.Postmortem);
            Assert.Contains("<li>Alerting gaps:\n<ul>\n<li>no alert on disk usage</li>", html);
        }

        [Fact]
        public void A_quote_a_code_fence_and_a_list_in_the_lessons_are_kept()
        {
            const string text = "What the on-call engineer said:\n\n> We had no idea the disk was that full.\n> Nobody did.\n\nRun this first next time:\n\n```sh\nkubectl -n pay get pods\n\ndf -h /var/lib/postgresql\n```\n\n1. check the disk\n   - then the replicas\n2. page the DBA";
            var result = Read(Page(lessons: text));

            Assert.Equal(text, result.Postmortem.LessonsLearned);
            Assert.Equal(text, Again(result.Postmortem).LessonsLearned);
            var html = PostmortemHtml.RenderFragment(result.Postmortem);
            Assert.Contains("<blockquote>\n<p>We had no idea the disk was that full.\nNobody did.</p>\n</blockquote>", html);
            Assert.Contains("<pre><code class=\"language-sh\">kubectl -n pay get pods\n\ndf -h /var/lib/postgresql\n</code></pre>", html);
            Assert.Contains("<ol>\n<li>check the disk\n<ul>\n<li>then the replicas</li>", html);
        }

        [Fact]
        public void A_link_in_an_impact_field_is_kept()
        {
            const string text = "EU shoppers, see [the status page](https://status.example/incidents/42)";
            var result = Read(Page(users: text));

            Assert.Equal(text, result.Postmortem.Impact.UsersAffected);
            Assert.Equal(text, Again(result.Postmortem).Impact.UsersAffected);
            Assert.Contains("<a href=\"https://status.example/incidents/42\">the status page</a>", PostmortemHtml.RenderFragment(result.Postmortem));
        }

        [Theory]
        [InlineData("array[0] was null; see [PAY-12] and [notes]")]
        [InlineData("[link](x) typed in PowerShell")]
        [InlineData("- typed\n- as a list")]
        [InlineData("> typed as a quote")]
        [InlineData("a *star* and a [link](https://x.example) and `code`")]
        [InlineData("[unsafe](javascript:alert(1))")]
        [InlineData("```\nnever closed")]
        [InlineData("[x](https://x.example)\n## Not a heading")]
        public void Text_typed_in_PowerShell_still_comes_back_exactly(string text)
        {
            var p = new Postmortem("t") { RootCause = text, LessonsLearned = text };
            p.ContributingFactors.Add(text);
            p.Whys.Add(text);
            p.Impact.UsersAffected = text;

            var back = Read(PostmortemMarkdown.Render(p)).Postmortem;
            Assert.Equal(new[] { text, text, text, text, text }, new[] { back.RootCause, back.LessonsLearned, back.ContributingFactors.Single(), back.Whys.Single(), back.Impact.UsersAffected });
        }

        [Fact]
        public void A_link_that_is_not_to_a_web_address_is_not_made_a_link()
        {
            var p = Read(Page(rootCause: "[unsafe](javascript:alert(1))")).Postmortem;
            Assert.Equal("[unsafe](javascript:alert(1))", p.RootCause);
            Assert.DoesNotContain("href=\"javascript", PostmortemHtml.RenderFragment(p));
            Assert.Equal(p.RootCause, Again(p).RootCause);
        }

        // ---- What the model has no place for is warned of by its line

        [Fact]
        public void An_extra_cell_in_a_timeline_row_is_warned_of_with_its_line_and_text()
        {
            var page = Page(timeline: "| Time (UTC) | Event | Milestone |\n|---|---|---|\n| 14:02 | Alert fired | First symptom | paged Ann by phone |\n| 14:10 | Rolled back | |\n");
            var result = Read(page);

            Assert.Equal(new[] { "Alert fired", "Rolled back" }, result.Postmortem.Timeline.Select(e => e.Event));
            Assert.Equal(Milestone.FirstSymptom, result.Postmortem.Timeline[0].Milestone);
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith($"pm.md, line {LineOf(page, "paged Ann")}: ", warning);
            Assert.Contains("'paged Ann by phone'", warning);
        }

        [Fact]
        public void A_second_table_under_the_timeline_is_warned_of_with_its_line()
        {
            var page = Page(timeline: "| Time (UTC) | Event | Milestone |\n|---|---|---|\n| 14:02 | Alert fired | First symptom |\n\nLater, from the chat log:\n\n| Time | Event |\n|---|---|\n| 15:00 | Customer support told |\n");
            var result = Read(page);

            Assert.Equal(new[] { "Alert fired" }, result.Postmortem.Timeline.Select(e => e.Event));
            Assert.Contains(result.Warnings, w => w.StartsWith($"pm.md, line {LineIs(page, "| Time | Event |")}: ", StringComparison.Ordinal) && w.Contains("second table") && w.Contains("1 row"));
            Assert.Contains(result.Warnings, w => w.StartsWith($"pm.md, line {LineOf(page, "Later, from the chat log")}: ", StringComparison.Ordinal) && w.Contains("'Later, from the chat log:'"));
        }

        [Fact]
        public void A_second_table_under_the_action_items_is_warned_of_with_its_line()
        {
            var page = Page(actions: "| Action | Owner | Due Date | Priority | Status |\n|---|---|---|---|---|\n| Add a disk alert | Ann | | P2 | Open |\n\n| Action | Owner |\n|---|---|\n| Rotate the pager | Bo |\n");
            var result = Read(page);

            Assert.Equal(new[] { "Add a disk alert" }, result.Postmortem.ActionItems.Select(a => a.Action));
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith($"pm.md, line {LineIs(page, "| Action | Owner |")}: ", warning);
            Assert.Contains("second table", warning);
        }

        [Fact]
        public void A_paragraph_typed_in_the_header_is_warned_of_with_its_line()
        {
            var page = Page(header: "Paged at night; the runbook was out of date.\n\n");
            var result = Read(page);

            Assert.Equal(Severity.P2, result.Postmortem.Severity);
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith($"pm.md, line {LineOf(page, "Paged at night")}: ", warning);
            Assert.Contains("'Paged at night; the runbook was out of date.'", warning);
        }

        [Fact]
        public void A_line_that_is_no_field_inside_the_header_paragraph_is_warned_of()
        {
            var page = Page().Replace("**Severity:** P2\n", "**Severity:** P2\\\nwoken at 3am\n");
            var result = Read(page);

            Assert.Equal(Severity.P2, result.Postmortem.Severity);
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith($"pm.md, line {LineOf(page, "woken at 3am")}: ", warning);
            Assert.Contains("'woken at 3am'", warning);
        }

        [Fact]
        public void The_sample_page_reads_without_warnings()
        {
            var result = Read(PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage(), frontMatter: true));
            Assert.Empty(result.Warnings);
        }
    }
}
