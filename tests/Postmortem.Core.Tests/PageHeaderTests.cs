using System;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The header under the title: who signed the postmortem off, and lists of names that hold commas.</summary>
    public class PageHeaderTests
    {
        private static ReadResult Read(string markdown) => PostmortemMarkdownReader.Read(markdown, "pm.md");

        private static Postmortem SignedOff()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Reviewers.Add("Dana Okafor");
            p.State = DocumentState.InReview;
            p.SignOffs.Add(new SignOff("Marcus Lee", new DateTime(2026, 11, 21, 10, 4, 0, DateTimeKind.Utc), "Clear and blameless."));
            p.SignOffs.Add(new SignOff("Dana Okafor", new DateTime(2026, 11, 21, 11, 30, 59, DateTimeKind.Utc), null, new[] { "ActionItemHasOwner" }));
            return p;
        }

        [Fact]
        public void The_sign_offs_show_under_the_reviewers_with_their_dates()
        {
            var markdown = PostmortemMarkdown.Render(SignedOff());
            Assert.Contains(
                "**Reviewers:** Marcus Lee, Dana Okafor\\\n" +
                "**Signed off:** Marcus Lee (2026-11-21 10:04 UTC), Dana Okafor (2026-11-21 11:30 UTC)\n\n## Executive Summary", markdown);
        }

        [Fact]
        public void Without_sign_offs_there_is_no_such_line()
        {
            Assert.DoesNotContain("Signed off", PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void The_reader_knows_the_line_and_leaves_the_sign_offs_to_the_front_matter()
        {
            var original = SignedOff();
            var result = Read(PostmortemMarkdown.Render(original, frontMatter: true));
            Assert.Equal(PostmortemDump.Of(original), PostmortemDump.Of(result.Postmortem));
            Assert.Empty(result.Warnings);

            // Without front matter there are none, and the line is no unknown field.
            result = Read(PostmortemMarkdown.Render(original));
            Assert.Empty(result.Postmortem.SignOffs);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_signed_off_line_is_no_unknown_header_field()
        {
            var result = Read("# Postmortem: x\n\n**Date:** 2026-11-20\\\n**Signed off:** Ann Lee (2026-11-21 10:00 UTC)\n");
            Assert.Empty(result.Warnings);
            Assert.Empty(result.Postmortem.SignOffs);
        }

        [Fact]
        public void A_sign_off_line_edited_on_the_page_changes_nothing()
        {
            var markdown = PostmortemMarkdown.Render(SignedOff(), frontMatter: true)
                .Replace("**Signed off:** Marcus Lee (2026-11-21 10:04 UTC)", "**Signed off:** Someone Else (yesterday)");
            var result = Read(markdown);
            Assert.Equal(new[] { "Marcus Lee", "Dana Okafor" }, result.Postmortem.SignOffs.Select(s => s.Reviewer));
            Assert.Empty(result.Warnings);
        }
    }
}
