using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Gathering;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>Plain-text logs with -Pattern, -Collapse, Slack names and warnings, and the report -Verbose shows.</summary>
    public class GatheringTextAndCollapseTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        private const string LogPattern = @"^(?<time>\S+ \S+)\s+(?<level>\w+)\s+(?<message>.*)$";

        private static string Fixture(string name)
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "tests", "fixtures", "timeline"))) folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("tests/fixtures not found"), "tests", "fixtures", "timeline", name);
        }

        private static List<GatheredItem> Gather(string fixture, GatherOptions options, GatherReport? report = null)
        {
            using var stream = File.OpenRead(Fixture(fixture));
            return TimelineGatherer.Read(stream, fixture, options, report ?? new GatherReport()).ToList();
        }

        private static DateTime At(int hour, int minute, int second = 0) => Day.AddHours(hour).AddMinutes(minute).AddSeconds(second);

        [Fact]
        public void A_plain_text_log_is_read_with_a_pattern_skipping_and_counting_lines_that_do_not_match()
        {
            var report = new GatherReport();
            var items = Gather("app.log", new GatherOptions { Pattern = LinePattern.Parse(LogPattern) }, report);
            Assert.All(items, i => Assert.NotNull(i.Event));
            var events = items.Select(i => i.Event!).ToList();
            Assert.Equal(7, events.Count);
            Assert.Equal(At(14, 2, 11), events[0].UtcTime);
            Assert.Equal("api started, listening on 10.0.4.17:8080", events[0].Event);
            Assert.Equal("log", events[0].Source);
            Assert.Equal(new long[] { 1, 2, 4, 5, 7, 8, 9 }, items.Select(i => i.Line));
            Assert.Equal(TimelineFormat.Text, report.Format);
            Assert.Equal(8, report.Read);
            Assert.Equal(7, report.Kept);
            Assert.Equal(1, report.Skipped);
            Assert.Equal(0, report.Failed);
            Assert.Empty(report.Warnings);
        }

        [Fact]
        public void The_source_group_sets_the_events_source()
        {
            var events = Gather("app.log", new GatherOptions { Pattern = LinePattern.Parse(@"^(?<time>\S+ \S+)\s+(?<source>\w+)\s+(?<message>.*)$") }).Select(i => i.Event!).ToList();
            Assert.Equal(new[] { "INFO", "ERROR", "ERROR", "WARN", "ERROR", "ERROR", "INFO" }, events.Select(e => e.Source));
        }

        [Fact]
        public void A_time_that_cannot_be_read_is_an_error_naming_file_and_line_and_the_rest_is_read()
        {
            var report = new GatherReport();
            var items = Gather("app-bad-time.log", new GatherOptions { Pattern = LinePattern.Parse(LogPattern) }, report);
            var problem = Assert.Single(items, i => i.Event is null);
            Assert.Equal(2, problem.Line);
            Assert.StartsWith("app-bad-time.log, line 2 (record 2): ", problem.Problem);
            Assert.EndsWith("the line was skipped.", problem.Problem);
            Assert.Equal(2, items.Count(i => i.Event is not null));
            Assert.Equal(1, report.Failed);
        }

        [Theory]
        [InlineData(@"^(?<when>\S+) (?<message>.*)$", "(?<time>...)")]
        [InlineData(@"^(?<time>\S+) (.*)$", "(?<message>...)")]
        [InlineData(@"^(?<time>\S+ (?<message>.*)$", "not a valid regular expression")]
        public void A_pattern_without_the_named_groups_or_invalid_is_refused_with_how_to_write_it(string pattern, string expected)
        {
            var error = Assert.Throws<ArgumentException>(() => LinePattern.Parse(pattern));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void The_pattern_has_a_match_timeout()
        {
            Assert.Equal(LinePattern.MatchTimeout, LinePattern.Parse(LogPattern).Regex.MatchTimeout);
            Assert.True(LinePattern.MatchTimeout > TimeSpan.Zero && LinePattern.MatchTimeout <= TimeSpan.FromSeconds(5));
        }

        [Fact]
        public void A_log_no_line_of_which_matches_gives_a_warning_not_silence()
        {
            var report = new GatherReport();
            var items = Gather("app.log", new GatherOptions { Pattern = LinePattern.Parse(@"^(?<time>\d+/\d+) (?<message>.*)$") }, report);
            Assert.Empty(items);
            Assert.Equal(8, report.Skipped);
            Assert.Contains("none of its 8 lines matched -Pattern", Assert.Single(report.Warnings));
        }

        [Fact]
        public void A_plain_text_log_without_a_pattern_is_refused_with_how_to_read_it()
        {
            var error = Assert.Throws<TimelineSourceException>(() => Gather("unknown.txt", new GatherOptions()));
            Assert.Contains("-Pattern", error.Message);
            Assert.Contains("2026-11-20 14:02:11 ERROR", error.Message);
            Assert.Contains(LinePattern.Example, error.Message);
        }

        [Fact]
        public void A_plain_text_log_with_a_comma_in_its_first_line_read_as_CSV_says_how_to_read_a_log()
        {
            var error = Assert.Throws<TimelineSourceException>(() => Gather("app.log", new GatherOptions()));
            Assert.Contains("no column or property holds the time", error.Message);
            Assert.Contains("A plain-text log is read with -Pattern", error.Message);
        }

        [Fact]
        public void Format_Text_needs_a_pattern_and_a_pattern_reads_no_other_format()
        {
            var noPattern = Assert.Throws<TimelineSourceException>(() => Gather("app.log", new GatherOptions { Format = TimelineFormat.Text }));
            Assert.Contains("-Format Text reads a plain-text log with -Pattern", noPattern.Message);
            var otherFormat = Assert.Throws<TimelineSourceException>(() => Gather("app.log", new GatherOptions { Format = TimelineFormat.Csv, Pattern = LinePattern.Parse(LogPattern) }));
            Assert.Contains("-Format Csv is not one", otherFormat.Message);
            Assert.Equal(7, Gather("app.log", new GatherOptions { Format = TimelineFormat.Text, Pattern = LinePattern.Parse(LogPattern) }).Count);
        }

        [Fact]
        public void The_example_pattern_reads_the_line_it_is_shown_for()
        {
            var events = TimelineGatherer.Read("2026-11-20 14:02:11 ERROR connection refused\n", "x", new GatherOptions { Pattern = LinePattern.Parse(LinePattern.Example) }).ToList();
            Assert.Equal("connection refused", Assert.Single(events).Event!.Event);
        }

        [Theory]
        [InlineData("retry 3 for 10.0.0.7 request 7f3a9c2e", "retry 4 for 10.0.0.9 request 0b1d0e44")]
        [InlineData("job 550e8400-e29b-41d4-a716-446655440000 failed", "job 6ba7b810-9dad-11d1-80b4-00c04fd430c8 failed")]
        [InlineData("took 12ms at 0xdeadbeef1", "took 900ms at 0x0001")]
        public void Masking_makes_repeats_that_differ_in_numbers_ids_and_addresses_the_same(string a, string b)
        {
            Assert.Equal(EventCollapser.Mask(a), EventCollapser.Mask(b));
        }

        [Fact]
        public void Masking_keeps_different_messages_apart()
        {
            Assert.NotEqual(EventCollapser.Mask("connection refused"), EventCollapser.Mask("connection reset"));
        }

        [Fact]
        public void Collapse_folds_repeats_within_the_span_into_one_event_that_says_how_many_and_until_when()
        {
            var report = new GatherReport();
            var events = Gather("app.log", new GatherOptions { Pattern = LinePattern.Parse(LogPattern), Collapse = TimeSpan.FromMinutes(1) }, report)
                .Select(i => i.Event!).OrderBy(e => e.UtcTime).ToList();
            // Three refusals within seconds fold into one; the fourth, three minutes on, stands alone.
            Assert.Equal(5, events.Count);
            var folded = events.Single(e => e.Event.Contains("times"));
            Assert.Equal(At(14, 2, 15), folded.UtcTime);
            Assert.Equal("db: connection to 10.0.4.21:5432 refused (attempt 1, request 7f3a9c2e) (3 times, last at 2026-11-20 14:02:20 UTC)", folded.Event);
            Assert.Contains(events, e => e.UtcTime == At(14, 5, 30) && e.Event.EndsWith("(attempt 4, request 5e6f7a8b)", StringComparison.Ordinal));
            Assert.Equal(2, report.Collapsed);
            Assert.Equal(5, report.Kept);
        }

        [Fact]
        public void Collapse_works_on_every_format_and_streams_with_the_open_groups_bounded()
        {
            // 20,000 lines, a repeat every second, each of 5,000 messages once in between: the repeats fold into one,
            // the rest stay, and the groups no repeat can join any more are given out as the reading goes.
            var text = new StringBuilder();
            for (int i = 0; i < 20000; i++)
            {
                var time = Day.AddHours(14).AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
                var message = i % 4 == 0 ? $"unique event kind {Letters(i / 4)} happened" : $"health check {i} failed on 10.0.0.{i % 200}";
                text.Append("{\"time\":\"").Append(time).Append("\",\"msg\":\"").Append(message).Append("\"}\n");
            }
            var report = new GatherReport();
            int given = 0, firstFoldAt = -1;
            foreach (var item in TimelineGatherer.Read(text.ToString(), "gen", new GatherOptions { Collapse = TimeSpan.FromSeconds(5) }, report))
            {
                given++;
                if (firstFoldAt < 0 && report.Read < 20000) firstFoldAt = given;
            }
            Assert.Equal(TimelineFormat.JsonLines, report.Format);
            Assert.Equal(20000, report.Read);
            Assert.Equal(5001, report.Kept);
            Assert.Equal(14999, report.Collapsed);
            Assert.True(firstFoldAt > 0, "events are given out while the source is still being read");
        }

        // A number in letters (0 = a, 26 = ba), so messages that masking would make the same stay apart.
        private static string Letters(int n)
        {
            var text = "";
            do
            {
                text = (char)('a' + n % 26) + text;
                n /= 26;
            }
            while (n > 0);
            return text;
        }

        [Fact]
        public void Collapse_keeps_repeats_further_apart_than_the_span()
        {
            var text = "{\"time\":\"2026-11-20T14:00:00Z\",\"msg\":\"disk 91% full\"}\n{\"time\":\"2026-11-20T14:10:00Z\",\"msg\":\"disk 92% full\"}\n";
            Assert.Equal(2, TimelineGatherer.Read(text, "x", new GatherOptions { Collapse = TimeSpan.FromMinutes(5) }).Count());
            var one = Assert.Single(TimelineGatherer.Read(text, "x", new GatherOptions { Collapse = TimeSpan.FromMinutes(10) }));
            Assert.Equal("disk 91% full (2 times, last at 2026-11-20 14:10:00 UTC)", one.Event!.Event);
        }

        [Fact]
        public void Slack_mentions_and_authors_are_named_through_the_exports_users_json()
        {
            var file = Fixture(Path.Combine("slack-export", "incident", "2026-11-20.json"));
            var usersFile = SlackUsers.FindFor(file);
            Assert.Equal(Fixture(Path.Combine("slack-export", "users.json")), usersFile);
            int loads = 0;
            var options = new GatherOptions
            {
                ExportUsers = () =>
                {
                    loads++;
                    using var stream = File.OpenRead(usersFile!);
                    return SlackUsers.Read(stream, usersFile!);
                },
            };
            var events = Gather(Path.Combine("slack-export", "incident", "2026-11-20.json"), options).Select(i => i.Event!).ToList();
            Assert.Equal("Ana Lima: @tomas can you look at the db failover?", events[0].Event);
            Assert.Equal("tomas: on it, @Ana Lima @U05OTHER", events[1].Event);
            Assert.Equal(1, loads);
        }

        [Fact]
        public void A_User_map_wins_over_the_export_and_takes_ids_as_written()
        {
            var options = new GatherOptions
            {
                Users = new Dictionary<string, string> { [SlackUsers.Id("<@U05TOMAS>")] = "Tomas K.", [SlackUsers.Id("@U05OTHER")] = "lee" },
                ExportUsers = () => new Dictionary<string, string> { ["U05TOMAS"] = "tomas", ["U05ANA"] = "ana" },
            };
            var events = Gather(Path.Combine("slack-export", "incident", "2026-11-20.json"), options).Select(i => i.Event!).ToList();
            Assert.Equal("ana: @Tomas K. can you look at the db failover?", events[0].Event);
            Assert.Equal("Tomas K.: on it, @ana @lee", events[1].Event);
        }

        [Fact]
        public void Slack_ts_is_kept_to_the_second_its_decimals_being_a_sequence()
        {
            var events = Gather(Path.Combine("slack-export", "incident", "2026-11-20.json"), new GatherOptions()).Select(i => i.Event!).ToList();
            Assert.All(events, e => Assert.Equal(At(14, 9), e.UtcTime));
        }

        [Fact]
        public void A_Reaction_no_message_has_gives_a_warning_naming_the_reactions_there()
        {
            var report = new GatherReport();
            var items = Gather(Path.Combine("slack-export", "incident", "2026-11-20.json"), new GatherOptions { Reaction = "pushpn" }, report);
            Assert.Empty(items);
            var warning = Assert.Single(report.Warnings);
            Assert.Contains("'pushpn'", warning);
            Assert.Contains("eyes, pushpin", warning);
            Assert.Equal(2, report.Skipped);

            var kept = new GatherReport();
            Assert.Single(Gather(Path.Combine("slack-export", "incident", "2026-11-20.json"), new GatherOptions { Reaction = "pushpin" }, kept));
            Assert.Empty(kept.Warnings);
        }

        [Fact]
        public void A_Format_that_matches_nothing_in_a_non_empty_source_gives_a_warning()
        {
            var report = new GatherReport();
            var items = Gather("kubectl-events.json", new GatherOptions { Format = TimelineFormat.Slack }, report);
            Assert.Empty(items);
            Assert.Equal(1, report.Read);
            Assert.Contains("1 record was read as Slack (-Format), and none gave an event", Assert.Single(report.Warnings));
        }

        [Fact]
        public void The_report_counts_read_kept_skipped_and_errors_for_the_existing_formats()
        {
            var report = new GatherReport();
            Gather("malformed.jsonl", new GatherOptions(), report);
            Assert.Equal(TimelineFormat.JsonLines, report.Format);
            Assert.Equal(report.Read, report.Kept + report.Failed + report.Skipped);
            Assert.True(report.Failed > 0);
            Assert.Contains("read as JsonLines", report.Summary("malformed.jsonl"));
        }
    }
}
