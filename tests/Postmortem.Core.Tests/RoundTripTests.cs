using System;
using System.Linq;
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

        [Fact]
        public void Generated_postmortems_survive_a_Markdown_round_trip_without_front_matter_in_all_the_page_shows()
        {
            var generator = new PostmortemGenerator(seed: 1123);
            for (int i = 0; i < Count / 2; i++)
            {
                var p = PageOnly(generator.Next());
                var markdown = PostmortemMarkdown.Render(p);
                var back = PostmortemMarkdownReader.Read(markdown, $"generated-{i}.md");
                AssertSame(i, p, WithId(back.Postmortem, p.Id), markdown);
                Assert.Empty(back.Warnings);
            }
        }

        // The postmortem as far as its page shows it: no front matter's id, context, review record, tracking URL pattern
        // or hand-set duration, and times to the second, as the Time column shows them at most.
        private static Postmortem PageOnly(Postmortem p)
        {
            var yaml = PostmortemYaml.Read(PostmortemYaml.Write(p), "copy.yaml").Postmortem;
            // Unlocked first: a final postmortem refuses the changes below.
            yaml.State = DocumentState.Draft;
            yaml.Context = null;
            yaml.SignOffs.Clear();
            yaml.Unlocks.Clear();
            yaml.External.SignOffs.Clear();
            yaml.TrackingUrl = null;
            yaml.ExplicitDuration = null;
            var events = yaml.Timeline.ToList();
            yaml.Timeline.Clear();
            foreach (var e in events)
            {
                yaml.Timeline.Add(new TimelineEvent(new DateTime(e.UtcTime.Ticks - e.UtcTime.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc), e.Event, e.Milestone, e.Source));
            }
            // The Impact section shows its times to the second at most, as the Time column does.
            foreach (ImpactTime which in Enum.GetValues(typeof(ImpactTime)))
            {
                if (yaml.Impact.TimeOf(which) is DateTime at) yaml.Impact.SetTime(which, new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));
            }
            return yaml;
        }

        private static Postmortem WithId(Postmortem p, Guid id)
        {
            var copy = new Postmortem(p.Title, id);
            Merging.PostmortemContent.CopyInto(p, copy);
            return copy;
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
