using System;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Rendering;
using Postmortems.Rules;
using Postmortems.Serialization;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Sections beyond the template: Trigger, Detection and Where We Got Lucky (Google's SRE template), a team's own from
    /// its settings file, and any a reviewer writes into the page. Off unless filled; kept everywhere.
    /// </summary>
    public class ExtraSectionTests
    {
        private static Postmortem WithSections()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Sections.Set("Where We Got Lucky", "The rotation ran at 09:10, not during the evening peak.");
            p.Sections.Set("Trigger", "The nightly certificate rotation job uploaded a bundle without the intermediate certificate.");
            p.Sections.Set("Customer Communication", "Status page updated at 09:20 and 10:05.", PostmortemSection.Impact);
            return p;
        }

        [Fact]
        public void Built_in_sections_go_where_their_template_puts_them_and_the_list_reads_in_document_order()
        {
            var p = WithSections();
            Assert.Equal(new[] { "Customer Communication", "Trigger", "Where We Got Lucky" }, p.Sections.Select(s => s.Name));
            Assert.Equal(PostmortemSection.RootCause, p.Sections["trigger"]!.After);
            Assert.Equal(PostmortemSection.WentPoorly, p.Sections["Where we got lucky"]!.After);
        }

        [Fact]
        public void Each_renders_under_its_own_heading_after_its_template_section_and_a_document_without_any_is_unchanged()
        {
            var without = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage());
            var markdown = PostmortemMarkdown.Render(WithSections());
            int impact = markdown.IndexOf("## Impact", StringComparison.Ordinal), customers = markdown.IndexOf("## Customer Communication", StringComparison.Ordinal);
            int rootCause = markdown.IndexOf("## Root Cause", StringComparison.Ordinal), trigger = markdown.IndexOf("## Trigger\n\nThe nightly", StringComparison.Ordinal);
            int factors = markdown.IndexOf("## Contributing Factors", StringComparison.Ordinal);
            int poorly = markdown.IndexOf("## What Went Poorly", StringComparison.Ordinal), lucky = markdown.IndexOf("## Where We Got Lucky", StringComparison.Ordinal);
            int actions = markdown.IndexOf("## Action Items", StringComparison.Ordinal);
            Assert.True(impact < customers && customers < rootCause && rootCause < trigger && trigger < factors && poorly < lucky && lucky < actions, markdown);
            Assert.Equal(without, PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()));
            Assert.DoesNotContain("Where We Got Lucky", without);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void They_round_trip_through_Markdown_with_and_without_front_matter_and_through_YAML(bool frontMatter)
        {
            var p = WithSections();
            var back = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: frontMatter), "t.md");
            Assert.Empty(back.Warnings);
            Assert.Equal(p.Sections.Select(s => (s.Name, s.After, s.Text)), back.Postmortem.Sections.Select(s => (s.Name, s.After, s.Text)));
            var yaml = PostmortemYaml.Read(PostmortemYaml.Write(p), "t.yaml").Postmortem;
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(yaml));
            Assert.DoesNotContain("sections:", PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()));
        }

        [Theory]
        [InlineData("Impact")]
        [InlineData("5 whys")]
        [InlineData("Summary")]
        [InlineData("What went wrong")]
        [InlineData("  ")]
        public void A_name_the_template_has_or_no_name_is_refused(string name)
        {
            var e = Assert.Throws<ArgumentException>(() => SamplePostmortems.CheckoutOutage().Sections.Set(name, "text"));
            Assert.Contains("section", e.Message);
        }

        [Fact]
        public void Blank_text_removes_a_section_and_a_final_postmortem_refuses_changes()
        {
            var p = WithSections();
            p.Sections.Set("Trigger", "  ");
            Assert.Null(p.Sections["Trigger"]);
            p.State = DocumentState.Final;
            Assert.Throws<PostmortemStateException>(() => p.Sections.Set("Detection", "The 5xx alert."));
        }

        [Fact]
        public void A_section_a_reviewer_adds_in_the_wiki_is_merged_and_one_they_edit_is_taken()
        {
            var published = WithSections();
            var local = PostmortemYaml.Read(PostmortemYaml.Write(published), "l.yaml").Postmortem;
            var page = PostmortemMarkdown.Render(published, frontMatter: true)
                .Replace("## Action Items", "## Detection\n\nThe 5xx alert fired three minutes after the reload.\n\n## Action Items")
                .Replace("not during the evening peak.", "not during the evening peak, when traffic is four times higher.");
            var wiki = PostmortemMarkdownReader.Read(page, "page").Postmortem;
            var result = PostmortemMerge.Merge(published, local, wiki);
            Assert.Empty(result.Conflicts);
            Assert.Equal("The 5xx alert fired three minutes after the reload.", result.Merged.Sections["Detection"]!.Text);
            Assert.Equal(PostmortemSection.WentPoorly, result.Merged.Sections["Detection"]!.After);
            Assert.EndsWith("four times higher.", result.Merged.Sections["Where We Got Lucky"]!.Text);
            Assert.Equal(2, result.TakenFromWiki.Count);
        }

        [Fact]
        public void The_team_declares_its_sections_and_the_completeness_rule_requires_the_required_ones()
        {
            var settings = RuleSettings.Default();
            settings.Apply("@{ Sections = @( @{ Name = 'Customer Communication'; After = 'Impact'; Required = $true; Prompt = 'What we told customers, when and where.' }, @{ Name = 'SLO Burn'; After = 'Impact' } ) }", "team.psd1");
            Assert.Equal(new[] { "Customer Communication", "SLO Burn" }, settings.Sections.Select(d => d.Name));
            var p = SamplePostmortems.CheckoutOutage();
            var missing = Assert.Single(PostmortemLinter.Check(p, settings), d => d.RuleName == "RequiredSection" && d.Target.StartsWith("Sections", StringComparison.Ordinal));
            Assert.Contains("'Customer Communication'", missing.Message);
            Assert.Contains("What we told customers", missing.Suggestion);
            Assert.Equal(PostmortemSection.Impact, missing.Section);
            p.Sections.Set("customer communication", "Status page at 09:20.", null, settings.Sections);
            Assert.Equal(("Customer Communication", PostmortemSection.Impact), (p.Sections.Single().Name, p.Sections.Single().After));
            Assert.DoesNotContain(PostmortemLinter.Check(p, settings), d => d.Target.StartsWith("Sections", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("@{ Sections = 'x' }", "Sections holds a list of hashtables")]
        [InlineData("@{ Sections = @( @{ After = 'Impact' } ) }", "has no Name")]
        [InlineData("@{ Sections = @( @{ Name = 'X'; After = 'Appendix' } ) }", "give the template section it follows")]
        [InlineData("@{ Sections = @( @{ Name = 'Impact' } ) }", "a section of the template itself")]
        [InlineData("@{ Sections = @( @{ Name = 'X'; Required = 'yes' } ) }", "give $true or $false")]
        [InlineData("@{ Sections = @( @{ Name = 'X' }, @{ Name = 'x' } ) }", "declared twice")]
        public void A_bad_section_declaration_is_refused_with_how_to_write_it(string text, string says)
        {
            var e = Assert.Throws<Settings.SettingsFormatException>(() => RuleSettings.Default().Apply(text, "team.psd1"));
            Assert.Contains(says, e.Message);
        }

        [Fact]
        public void The_blameless_rule_reads_the_sections_and_Protect_redacts_them()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Sections.Set("Trigger", "Bob forgot to run the chain check before the upload.");
            Assert.Contains(Check(p, "BlamelessLanguage"), d => d.Target == "Sections['Trigger']");
            p.Sections.Set("Trigger", "The job mailed ops@example.com about the upload.");
            Privacy.PostmortemProtector.Protect(p, new Privacy.ProtectOptions { EmailAddresses = true });
            Assert.DoesNotContain("ops@example.com", p.Sections["Trigger"]!.Text);
        }
    }
}
