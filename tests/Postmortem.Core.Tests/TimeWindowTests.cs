using System;
using System.Linq;
using Postmortems.Gathering;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>Times outside 1900-2100 are each refused as that time's own problem, never an exception.</summary>
    public class TimeWindowTests
    {
        private static readonly DateTime YearOne = new DateTime(1, 1, 1);

        [Theory]
        [InlineData("00:30+05:45")]      // a time of day that an offset pushes before year 1
        [InlineData("00:10 +05:45")]
        [InlineData("23:59-05:00")]
        public void A_time_of_day_pushed_past_year_1_is_refused_not_thrown(string text)
        {
            Assert.False(TimelineTime.TryParse(text, YearOne, out _, out var problem));
            Assert.Contains($"'{text}'", problem);
            Assert.Contains("1900 to 2100", problem);
        }

        [Fact]
        public void A_time_of_day_pushed_past_year_9999_is_refused_not_thrown()
        {
            Assert.False(TimelineTime.TryParse("23:50-05:00", new DateTime(9999, 12, 31), out _, out var problem));
            Assert.Contains("1900 to 2100", problem);
        }

        [Theory]
        [InlineData("0001-01-01T00:10+05:45")]   // was stored a day late, on 0001-01-01 at 18:25
        [InlineData("0001-01-01T00:10:00+05:45")]
        [InlineData("0001-01-01 00:10")]
        [InlineData("0026-11-20T14:02:00Z")]       // a typo'd year
        [InlineData("0026-11-20 14:02")]
        [InlineData("1899-12-31T23:59:59Z")]
        [InlineData("2101-01-01T00:00:00Z")]
        [InlineData("9999-12-31T23:59:59-05:00")]
        public void A_full_time_outside_1900_to_2100_is_refused_with_a_sentence(string text)
        {
            Assert.False(TimelineTime.TryParse(text, new DateTime(2026, 11, 20), out _, out var problem));
            Assert.Contains($"'{text}'", problem);
            Assert.Contains("a timeline takes times from 1900 to 2100", problem);
            Assert.Contains("check the year", problem, StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [InlineData("1900-01-01T00:00:00Z")]
        [InlineData("2100-12-31T23:59:59Z")]
        public void The_window_s_ends_are_taken(string text)
        {
            Assert.True(TimelineTime.TryParse(text, null, out _, out var problem), problem);
        }

        [Fact]
        public void DateTime_objects_outside_the_window_are_refused_whatever_their_kind()
        {
            foreach (var kind in new[] { DateTimeKind.Utc, DateTimeKind.Unspecified, DateTimeKind.Local })
            {
                Assert.False(TimelineTime.TryParse(new DateTime(1, 1, 1, 0, 10, 0, kind), null, out _, out var problem));
                Assert.Contains("1900 to 2100", problem);
                Assert.False(TimelineTime.TryParse(DateTime.SpecifyKind(DateTime.MaxValue, kind), null, out _, out _));
            }
            Assert.False(TimelineTime.TryParse(new DateTimeOffset(26, 11, 20, 14, 2, 0, TimeSpan.Zero), null, out _, out _));
        }

        [Fact]
        public void Converting_a_local_time_at_the_ends_of_DateTime_to_UTC_never_overflows()
        {
            // Whatever the machine's zone: the conversion clamps rather than throws, and the window refuses the result.
            var earliest = TimelineTime.ToUtc(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Local));
            var latest = TimelineTime.ToUtc(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Local));
            Assert.Equal(DateTimeKind.Utc, earliest.Kind);
            Assert.Equal(DateTimeKind.Utc, latest.Kind);
        }

        [Fact]
        public void A_gathered_record_outside_the_window_is_that_record_s_problem_with_file_and_line_and_the_rest_is_read()
        {
            var csv = "time,event\n00:30+05:45,pushed before year 1\n10:00,on the day\n";
            var items = TimelineGatherer.Read(csv, "desk.csv", new GatherOptions { Date = YearOne }).ToList();
            Assert.Equal(2, items.Count);
            Assert.All(items, i => Assert.Null(i.Event));
            Assert.Contains("desk.csv, line 2 (record 1): '00:30+05:45'", items[0].Problem);
            Assert.Contains("1900 to 2100", items[0].Problem);
            Assert.Equal(3, items[1].Line);

            var lines = "{\"time\":\"0026-11-20T14:02:00Z\",\"msg\":\"typo\"}\n{\"time\":\"2026-11-20T14:03:00Z\",\"msg\":\"fine\"}\n";
            var read = TimelineGatherer.Read(lines, "app.jsonl", new GatherOptions()).ToList();
            Assert.Contains("app.jsonl, line 1 (record 1): '0026-11-20T14:02:00Z'", read[0].Problem);
            Assert.Equal("fine", read[1].Event!.Event);
        }

        [Fact]
        public void Epoch_numbers_outside_the_window_are_refused()
        {
            // 32503680000 s is 3000-01-01; 4102358400000 ms is 2099-12-31, inside.
            var json = "{\"time\":32503680000,\"msg\":\"x\"}\n{\"time\":4102358400000,\"msg\":\"y\"}\n";
            var items = TimelineGatherer.Read(json, "epoch.jsonl", new GatherOptions()).ToList();
            Assert.Null(items[0].Event);
            Assert.Contains("epoch.jsonl, line 1 (record 1):", items[0].Problem);
            Assert.Contains("1900 to 2100", items[0].Problem);
            Assert.Equal(new DateTime(2099, 12, 31, 0, 0, 0, DateTimeKind.Utc), items[1].Event!.UtcTime);
        }

        [Fact]
        public void A_draft_with_a_typo_d_year_names_the_line_instead_of_throwing()
        {
            var yaml = "title: t\ndate: 2026-11-20\ntimeline:\n  - time: 0026-11-20T14:02:00Z\n    event: typo\n";
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(yaml, "draft.yaml"));
            Assert.Equal(4, error.Line);
            Assert.Contains("1900 to 2100", error.Message);
        }

        [Fact]
        public void A_draft_dated_outside_the_window_is_refused_naming_the_line()
        {
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read("title: t\ndate: 0026-11-20\n", "draft.yaml"));
            Assert.Equal(2, error.Line);
            Assert.Contains("0026-11-20", error.Message);
            Assert.Contains("1900 to 2100", error.Message);
        }

        [Fact]
        public void An_event_made_in_code_outside_the_window_is_refused_so_the_chart_never_overflows()
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TimelineEvent(new DateTime(26, 11, 20, 14, 2, 0, DateTimeKind.Utc), "typo"));
            Assert.Contains("from 1900 to 2100", error.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => new TimelineEvent(DateTime.MaxValue, "end of time"));
        }

        [Fact]
        public void A_timeline_spanning_the_whole_window_renders_to_HTML_with_its_chart()
        {
            var p = new Postmortem("wide") { Date = new DateTime(2026, 11, 20) };
            p.Timeline.Add(new TimelineEvent(TimelineTime.Earliest, "first", Milestone.FirstSymptom));
            p.Timeline.Add(new TimelineEvent(TimelineTime.Latest, "last", Milestone.Resolved));
            Assert.Contains("<svg", PostmortemHtml.RenderPage(p));
        }
    }
}
