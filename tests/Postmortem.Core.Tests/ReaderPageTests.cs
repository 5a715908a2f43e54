using System;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>A wiki page read back: its body may lack the "# Postmortem: title" heading, as the page's name carries the title.</summary>
    public class MarkdownReaderPageTests
    {
        private const string Body = @"**Date:** 2026-11-20\
**Severity:** P2\
**Status:** Resolved\
**Author(s):** Priya Natarajan

## Executive Summary

Checkout was unavailable for 47 minutes.

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 09:12 | 5xx rate alert fired for checkout-api |
| 09:59 | Checkout success rate back to 99.8% |

## Action Items

| Action | Owner | Due Date | Priority |
|--------|-------|----------|----------|
| Verify the chain before deploy | payments SRE | 2026-12-04 | P1 |
";

        [Fact]
        public void A_body_without_a_title_heading_takes_the_fallback_title_and_reads_its_header()
        {
            var result = PostmortemMarkdownReader.Read(Body, "page 42", "Checkout API returned 502s");
            var p = result.Postmortem;
            Assert.Equal("Checkout API returned 502s", p.Title);
            Assert.Equal((new DateTime(2026, 11, 20), Severity.P2, IncidentStatus.Resolved), (p.Date!.Value, p.Severity!.Value, p.Status!.Value));
            Assert.Equal(new[] { "Priya Natarajan" }, p.Authors);
            Assert.Equal("Checkout was unavailable for 47 minutes.", p.ExecutiveSummary);
            Assert.Equal(new DateTime(2026, 11, 20, 9, 59, 0, DateTimeKind.Utc), p.Timeline[1].UtcTime);
            Assert.Equal(ActionPriority.P1, p.ActionItems.Single().Priority);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void Without_a_title_heading_a_heading_of_the_pages_own_above_the_first_section_is_header_too()
        {
            var p = PostmortemMarkdownReader.Read("# Checkout outage\n\nWritten up by the payments team.\n\n" + Body, "page 42", "Checkout API returned 502s").Postmortem;
            Assert.Equal("Checkout API returned 502s", p.Title);
            Assert.Equal(Severity.P2, p.Severity);
        }

        [Fact]
        public void A_title_heading_wins_over_the_fallback_title()
        {
            var original = SamplePostmortems.CheckoutOutage();
            var p = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(original, frontMatter: true), "page 42", "Something else").Postmortem;
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(p));
        }

        [Theory]
        [InlineData(null)]
        [InlineData(" ")]
        public void Without_a_title_heading_or_a_fallback_title_the_body_is_refused_as_before(string? fallback)
        {
            Assert.Contains("no '# Postmortem: <title>' heading", Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(Body, "page 42", fallback)).Message);
            Assert.Contains("no '# Postmortem: <title>' heading", Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(Body, "page 42")).Message);
        }

        [Fact]
        public void A_heading_named_as_a_BookStack_page_is_a_title_heading_and_gives_the_date_the_header_lacks()
        {
            var body = Body.Replace("**Date:** 2026-11-20\\\n", "");
            var p = PostmortemMarkdownReader.Read("# Postmortem 2026-11-19: Checkout API returned 502s\n\n" + body, "page 42").Postmortem;
            Assert.Equal("Checkout API returned 502s", p.Title);
            Assert.Equal(new DateTime(2026, 11, 19), p.Date);
            // The rows' times of day fall on that date.
            Assert.Equal(new DateTime(2026, 11, 19, 9, 12, 0, DateTimeKind.Utc), p.Timeline[0].UtcTime);
        }

        [Fact]
        public void The_headers_Date_wins_over_the_date_in_the_heading()
        {
            var p = PostmortemMarkdownReader.Read("# Postmortem 2026-11-19: Checkout API returned 502s\n\n" + Body, "page 42").Postmortem;
            Assert.Equal(new DateTime(2026, 11, 20), p.Date);
        }

        [Fact]
        public void A_date_in_the_heading_that_is_no_date_is_refused_naming_the_line()
        {
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read("\n# Postmortem 2026-13-45: x\n", "page 42"));
            Assert.Equal(2, error.Line);
            Assert.Contains("'2026-13-45'", error.Message);
        }
    }
}
