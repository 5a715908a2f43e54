using System;
using System.Globalization;
using System.Linq;
using Postmortems.BookStack;
using Xunit;

namespace Postmortems.Tests
{
    public class PublisherNamingTests
    {
        [Fact]
        public void The_page_is_named_as_the_guide_says()
        {
            Assert.Equal("Postmortem 2026-11-20: Checkout API returned 502s after certificate rotation", PostmortemPublisher.PageName(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void A_postmortem_without_a_date_cannot_be_named_and_says_how_to_fix_it()
        {
            var error = Assert.Throws<InvalidOperationException>(() => PostmortemPublisher.PageName(new Postmortem("t")));
            Assert.Contains("Set-Postmortem -Date", error.Message);
        }

        [Theory]
        [InlineData("a", 191)]
        [InlineData("障", 191)]
        [InlineData("🔥", 191)]
        [InlineData("e\u0301", 191)]
        [InlineData("👩‍👩‍👧", 191)]
        public void A_long_name_is_cut_to_191_characters_never_inside_a_character(string unit, int max)
        {
            var name = PostmortemPublisher.PageName(new Postmortem(string.Concat(Enumerable.Repeat(unit, 300))) { Date = new DateTime(2026, 11, 20) });
            int codePoints = name.Count(c => !char.IsLowSurrogate(c));
            Assert.True(codePoints <= max, $"{codePoints} code points");
            Assert.EndsWith("…", name);
            // The cut falls between whole text elements: every element of the kept title is a whole unit.
            var kept = name.Substring("Postmortem 2026-11-20: ".Length).TrimEnd('…');
            var elements = StringInfo.GetTextElementEnumerator(kept);
            while (elements.MoveNext()) Assert.Equal(unit, (string)elements.Current);
        }

        [Fact]
        public void A_short_name_is_left_as_it_is()
        {
            Assert.Equal("Postmortem 2026-11-20: x", PostmortemPublisher.PageName(new Postmortem("x") { Date = new DateTime(2026, 11, 20) }));
        }

        [Fact]
        public void Tags_carry_severity_status_the_identity_and_extra_tags_once()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var tags = PostmortemPublisher.Tags(p, new[] { new BookStackTag("team", "payments"), new BookStackTag(" team ", "payments"), new BookStackTag("", "x") });
            Assert.Equal(new[] { "postmortem", "severity=P2", "status=Resolved", "state=Draft", "postmortem-id=" + SamplePostmortems.WorkId, "team=payments" }, tags.Select(t => t.ToString()));
        }
    }
}
