using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace Postmortems.Tests
{
    /// <summary>Import(Export(p)) equals p, for YAML and for Markdown, over thousands of generated postmortems.</summary>
    public class RoundTripTests
    {
        private const int Count = 3000;
        private readonly ITestOutputHelper _output;

        public RoundTripTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void The_sample_postmortem_survives_YAML_and_Markdown()
        {
            var p = SamplePostmortems.CheckoutOutage();
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(PostmortemYaml.Read(PostmortemYaml.Write(p), "t.yaml").Postmortem));
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: true), "t.md").Postmortem));
        }

        [Fact]
        public void Generated_postmortems_survive_a_YAML_round_trip()
        {
            var generator = new PostmortemGenerator(seed: 20261129);
            for (int i = 0; i < Count; i++)
            {
                var p = generator.Next();
                var yaml = PostmortemYaml.Write(p);
                var back = PostmortemYaml.Read(yaml, $"generated-{i}.yaml");
                AssertSame(i, p, back.Postmortem, yaml);
                Assert.Empty(back.Warnings);
            }
        }

        [Fact]
        public void Generated_postmortems_survive_a_Markdown_round_trip()
        {
            var generator = new PostmortemGenerator(seed: 4711);
            for (int i = 0; i < Count; i++)
            {
                var p = generator.Next();
                var markdown = PostmortemMarkdown.Render(p, frontMatter: true);
                var back = PostmortemMarkdownReader.Read(markdown, $"generated-{i}.md");
                AssertSame(i, p, back.Postmortem, markdown);
                Assert.Empty(back.Warnings);
            }
        }

        private void AssertSame(int index, Postmortem expected, Postmortem actual, string file)
        {
            var want = PostmortemDump.Of(expected);
            var got = PostmortemDump.Of(actual);
            if (want != got) _output.WriteLine($"Postmortem #{index} as written:\n{file}");
            Assert.Equal(want, got);
        }
    }
}
