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

        private static Postmortem Named(params string[] names)
        {
            var p = new Postmortem("t", new Guid("2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901"));
            p.Authors.AddRange(names);
            p.Reviewers.AddRange(names);
            p.Impact.ServicesAffected.AddRange(names);
            return p;
        }

        [Fact]
        public void A_list_where_a_name_holds_a_comma_is_joined_with_semicolons()
        {
            var markdown = PostmortemMarkdown.Render(Named("Doe, Jane", "Ann Lee"));
            Assert.Contains("**Author(s):** Doe, Jane; Ann Lee\\\n**Reviewers:** Doe, Jane; Ann Lee\n", markdown);
            Assert.Contains("- **Services affected:** Doe, Jane; Ann Lee\n", markdown);
        }

        [Fact]
        public void A_list_without_commas_is_joined_with_commas_as_before()
        {
            Assert.Contains("**Author(s):** Ann Lee, Bo Chen\\\n", PostmortemMarkdown.Render(Named("Ann Lee", "Bo Chen")));
        }

        [Fact]
        public void The_sign_offs_follow_the_same_rule()
        {
            var p = Named("Doe, Jane", "Ann Lee");
            p.SignOffs.Add(new SignOff("Doe, Jane", new DateTime(2026, 11, 21, 10, 4, 0, DateTimeKind.Utc)));
            p.SignOffs.Add(new SignOff("Ann Lee", new DateTime(2026, 11, 21, 11, 30, 0, DateTimeKind.Utc)));
            Assert.Contains("**Signed off:** Doe, Jane (2026-11-21 10:04 UTC); Ann Lee (2026-11-21 11:30 UTC)\n", PostmortemMarkdown.Render(p));
        }

        [Fact]
        public void A_list_of_one_name_that_holds_a_comma_escapes_it_as_before_which_the_page_does_not_show()
        {
            var p = Named("Doe, Jane");
            Assert.Contains("**Author(s):** Doe\\, Jane\\\n", PostmortemMarkdown.Render(p));
            Assert.Contains("<strong>Author(s):</strong> Doe, Jane<br />", PostmortemHtml.RenderFragment(p));
        }

        [Theory]
        [InlineData("Doe, Jane")]
        [InlineData(", wnk zq")]
        [InlineData("Doe, Jane", "Ann Lee")]
        [InlineData("Ann Lee", "Bo Chen")]
        [InlineData("a; b", "c")]
        [InlineData("x; y, z", "Doe, Jane", "plain")]
        [InlineData("AT&T; inc.", "a &amp; b;")]
        [InlineData("Doe\\, Jane", "\\;")]
        public void Names_read_back_as_they_were_without_front_matter(params string[] names)
        {
            var original = Named(names);
            var result = Read(PostmortemMarkdown.Render(original));
            Assert.Equal(original.Authors, result.Postmortem.Authors);
            Assert.Equal(original.Reviewers, result.Postmortem.Reviewers);
            Assert.Equal(original.Impact.ServicesAffected, result.Postmortem.Impact.ServicesAffected);
            Assert.Empty(result.Warnings);
        }

        [Theory]
        [InlineData("Ana Lima; Doe, Jane", new[] { "Ana Lima", "Doe, Jane" })]
        [InlineData("Ana Lima, Doe\\, Jane", new[] { "Ana Lima", "Doe, Jane" })]
        [InlineData("Ana Lima, Bo Chen", new[] { "Ana Lima", "Bo Chen" })]
        [InlineData("Ana Lima;Bo Chen;", new[] { "Ana Lima", "Bo Chen" })]
        public void A_hand_written_list_splits_on_semicolons_when_it_has_any_else_on_commas(string written, string[] names)
        {
            var p = Read($"# Postmortem: x\n\n**Author(s):** {written}\n\n## Impact\n\n- **Services affected:** {written}\n").Postmortem;
            Assert.Equal(names, p.Authors);
            Assert.Equal(names, p.Impact.ServicesAffected);
        }
    }
}
