using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>A tab where YAML wants spaces is reported on the tab's own line, not where the parser was when it met it.</summary>
    public class YamlTabTests
    {
        [Theory]
        [InlineData("title: t\n\n\n\n\n\tdate: 2026-11-20\n", 6)]                                    // was reported on line 1
        [InlineData("title: t\ndate: 2026-11-20\nseverity: P2\nauthors:\n  - a\n\t- b\n", 6)]      // was line 5
        [InlineData("title: t\ntimeline:\n  - time: 10:00\n    event: a\n\n\t  - time: 11:00\n", 6)]
        [InlineData("title: t\nimpact:\n\tusersAffected: all\n", 3)]                                // was line 1
        public void A_tab_in_the_indentation_of_a_draft_is_reported_on_its_line(string yaml, int line)
        {
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(yaml, "draft.yaml"));
            Assert.Equal(line, error.Line);
            Assert.StartsWith($"draft.yaml, line {line}: this is not valid YAML", error.Message);
            Assert.Contains("indent with spaces, not tabs", error.Message);
        }

        [Fact]
        public void A_tab_inside_a_value_is_text_as_before()
        {
            var read = PostmortemYaml.Read("title: t\nrootCause: x\ty\nlessonsLearned: \"a\\tb\"\n", "draft.yaml").Postmortem;
            Assert.Equal("x\ty", read.RootCause);
            Assert.Equal("a\tb", read.LessonsLearned);
        }

        [Fact]
        public void A_tab_in_Markdown_front_matter_is_reported_on_the_file_s_line()
        {
            var text = "---\nid: 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b\nstate: Draft\n\n\tcontext: Work\n---\n# Postmortem: x\n";
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(text, "page.md"));
            Assert.Equal(5, error.Line);
        }
    }
}
