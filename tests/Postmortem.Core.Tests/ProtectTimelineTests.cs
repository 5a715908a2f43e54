using System;
using System.Linq;
using Postmortems.Privacy;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Protect-Postmortem can make two events of the same minute identical (their texts differ only in what it
    /// redacts); both are still events of the incident, and a save and reload keeps both.
    /// </summary>
    public class ProtectTimelineTests
    {
        private static readonly DateTime At = new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc);

        private static Postmortem TwoAlertsThatDifferInTheirEmailOnly()
        {
            var p = new Postmortem("Two pages");
            p.Date = At.Date;
            p.Timeline.Add(new TimelineEvent(At, "Paged ann@example.com about the 502s", Milestone.Detected, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(At, "Paged bob@example.com about the 502s", source: "alertmanager"));
            p.Timeline.Add(new TimelineEvent(At.AddMinutes(5), "Rolled back"));
            return p;
        }

        [Theory]
        [InlineData("t.yaml")]
        [InlineData("t.md")]
        public void Two_events_Protect_makes_identical_both_survive_a_save_and_reload(string path)
        {
            var p = TwoAlertsThatDifferInTheirEmailOnly();
            PostmortemProtector.Protect(p, new ProtectOptions { EmailAddresses = true });
            Assert.Equal(3, p.Timeline.Count);
            Assert.Equal(p.Timeline[0].Event, p.Timeline[1].Event);

            var file = PostmortemFile.RenderChecked(p, path);
            var back = path.EndsWith(".yaml", StringComparison.Ordinal) ? PostmortemYaml.Read(file, path) : PostmortemMarkdownReader.Read(file, path);

            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back.Postmortem));
            Assert.Empty(back.Warnings);
        }

        [Fact]
        public void Two_identical_rows_on_a_page_without_front_matter_are_both_read()
        {
            var p = TwoAlertsThatDifferInTheirEmailOnly();
            PostmortemProtector.Protect(p, new ProtectOptions { EmailAddresses = true });

            var back = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p), "page.md").Postmortem;

            Assert.Equal(p.Timeline.Select(e => (e.UtcTime, e.Event, e.Milestone)), back.Timeline.Select(e => (e.UtcTime, e.Event, e.Milestone)));
        }

        [Fact]
        public void Removing_one_of_two_identical_events_leaves_the_other_known_to_the_timeline()
        {
            var p = TwoAlertsThatDifferInTheirEmailOnly();
            PostmortemProtector.Protect(p, new ProtectOptions { EmailAddresses = true });

            Assert.True(p.Timeline.Remove(p.Timeline[1]));

            Assert.True(p.Timeline.Contains(p.Timeline[0]));
            // Adding the same event again (gathering the same record twice) is still harmless.
            Assert.False(p.Timeline.Add(new TimelineEvent(At, p.Timeline[0].Event, source: "alertmanager")));
            Assert.Equal(2, p.Timeline.Count);
        }

        [Fact]
        public void Adding_an_event_already_there_still_adds_nothing()
        {
            var p = new Postmortem("Gathered twice");
            Assert.True(p.Timeline.Add(new TimelineEvent(At, "disk full", source: "journald")));
            Assert.False(p.Timeline.Add(new TimelineEvent(At, "disk full", source: "journald")));
            Assert.Single(p.Timeline);
        }
    }
}
