using System;
using Xunit;

namespace Postmortems.Tests
{
    public class TimelineTimeTests
    {
        private static readonly DateTime IncidentDay = new DateTime(2026, 11, 20);

        private static DateTime Utc(int hour, int minute, int second = 0, int day = 20) =>
            new DateTime(2026, 11, day, hour, minute, second, DateTimeKind.Utc);

        private static DateTime Parse(object value, DateTime? date = null)
        {
            Assert.True(TimelineTime.TryParse(value, date ?? IncidentDay, out var utc, out var problem), problem);
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
            return utc;
        }

        [Theory]
        [InlineData("14:02", 14, 2, 0)]
        [InlineData("9:05", 9, 5, 0)]
        [InlineData("14:02:33", 14, 2, 33)]
        [InlineData(" 14:02 ", 14, 2, 0)]
        [InlineData("14:02Z", 14, 2, 0)]
        [InlineData("2:02 PM", 14, 2, 0)]
        public void A_time_of_day_falls_on_the_postmortems_date_as_UTC(string text, int hour, int minute, int second)
        {
            Assert.Equal(Utc(hour, minute, second), Parse(text));
        }

        [Fact]
        public void A_time_of_day_with_an_offset_is_converted_and_may_move_to_the_previous_day()
        {
            Assert.Equal(Utc(13, 2), Parse("14:02+01:00"));
            Assert.Equal(Utc(23, 30, day: 19), Parse("00:30 +01:00"));
            Assert.Equal(Utc(19, 32), Parse("14:02-0530"));
        }

        [Theory]
        [InlineData("2026-11-20T14:02:00Z")]
        [InlineData("2026-11-20T14:02:00")]
        [InlineData("2026-11-20 14:02")]
        [InlineData("2026-11-20T15:02:00+01:00")]
        [InlineData("2026-11-20T09:02:00-05:00")]
        public void A_full_date_and_time_without_offset_is_UTC_and_with_offset_is_converted(string text)
        {
            Assert.Equal(Utc(14, 2), Parse(text));
        }

        [Fact]
        public void A_full_date_and_time_ignores_the_postmortems_date()
        {
            Assert.Equal(Utc(0, 10, day: 21), Parse("2026-11-21T00:10Z"));
        }

        [Fact]
        public void A_local_DateTime_such_as_Get_WinEvent_gives_is_converted_to_UTC()
        {
            var local = new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Local);
            Assert.Equal(local.ToUniversalTime(), Parse(local));
        }

        [Fact]
        public void An_unspecified_DateTime_is_taken_as_UTC_and_a_UTC_one_is_kept()
        {
            Assert.Equal(Utc(14, 2), Parse(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Unspecified)));
            Assert.Equal(Utc(14, 2), Parse(Utc(14, 2)));
        }

        [Fact]
        public void A_DateTimeOffset_and_a_TimeSpan_are_understood()
        {
            Assert.Equal(Utc(14, 2), Parse(new DateTimeOffset(2026, 11, 20, 16, 2, 0, TimeSpan.FromHours(2))));
            Assert.Equal(Utc(14, 2), Parse(new TimeSpan(14, 2, 0)));
        }

        [Theory]
        [InlineData("25:00")]
        [InlineData("14:61")]
        [InlineData("yesterday afternoon")]
        [InlineData("")]
        [InlineData("2026-13-45 10:00")]
        [InlineData("14:02+15:00")]
        public void Text_that_is_not_a_time_is_refused_with_a_sentence_naming_it(string text)
        {
            Assert.False(TimelineTime.TryParse(text, IncidentDay, out _, out var problem));
            Assert.Contains($"'{text}'", problem);
            Assert.Contains("14:02", problem);
        }

        [Fact]
        public void A_time_of_day_without_a_postmortem_date_is_refused_and_says_how_to_fix_it()
        {
            Assert.False(TimelineTime.TryParse("14:02", null, out _, out var problem));
            Assert.Contains("no Date", problem);
            Assert.Contains("Set-Postmortem -Date", problem);
        }

        [Fact]
        public void Other_objects_and_null_are_refused()
        {
            Assert.False(TimelineTime.TryParse(42, IncidentDay, out _, out var problem));
            Assert.Contains("'42'", problem);
            Assert.False(TimelineTime.TryParse(null, IncidentDay, out _, out problem));
            Assert.Contains("missing", problem);
        }

        // The time-of-day fast path must read what it takes exactly as the pattern it stands in front of does, and leave the rest to it.
        [Theory]
        [InlineData("14:02", true)]
        [InlineData("9:05", true)]
        [InlineData("09:05", true)]
        [InlineData("0:00", true)]
        [InlineData("23:59:59", true)]
        [InlineData("14:02:33", true)]
        [InlineData("14:02Z", true)]
        [InlineData("14:02:33z", true)]
        [InlineData("24:00", false)]
        [InlineData("14:60", false)]
        [InlineData("14:02:60", false)]
        [InlineData("14:2", false)]
        [InlineData("140:02", false)]
        [InlineData("14:02:3", false)]
        [InlineData("14-02", false)]
        [InlineData("14:02 Z", false)]
        [InlineData("14:02UTC", false)]
        [InlineData("14:02:33.5", false)]
        [InlineData("14:02+01:00", false)]
        [InlineData("1a:02", false)]
        [InlineData("Z", false)]
        [InlineData(":02", false)]
        public void The_time_of_day_fast_path_agrees_with_the_pattern(string text, bool fast)
        {
            Assert.Equal(fast, TimelineTime.TryParsePlainTimeOfDay(text, out var quick));
            var pattern = new System.Text.RegularExpressions.Regex(
                @"^(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?Z?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            var match = pattern.Match(text);
            if (fast)
            {
                Assert.True(match.Success);
                var expected = new TimeSpan(int.Parse(match.Groups["h"].Value), int.Parse(match.Groups["m"].Value),
                    match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value) : 0);
                Assert.Equal(expected, quick);
                Assert.True(TimelineTime.TryParse(text, IncidentDay, out var read, out _));
                Assert.Equal(DateTime.SpecifyKind(IncidentDay + expected, DateTimeKind.Utc), read);
            }
        }

        // The RFC 3339 fast path must read a time exactly as DateTime.TryParse does, and leave to it what it cannot read.
        [Theory]
        [InlineData("2026-11-20T14:02:33Z", true)]
        [InlineData("2026-11-20T14:02:33.5Z", true)]
        [InlineData("2026-11-20T14:02:33.1234567Z", true)]
        [InlineData("2026-11-20T14:02:33+01:00", true)]
        [InlineData("2026-11-20T00:30:00+05:30", true)]
        [InlineData("2026-11-20T23:30:00-08:00", true)]
        [InlineData("2024-02-29T12:00:00Z", true)]
        [InlineData("2026-02-29T12:00:00Z", false)]
        [InlineData("2026-11-20T24:00:00Z", false)]
        [InlineData("2026-11-20T14:02:33.12345678Z", false)]
        [InlineData("2026-11-20T14:02:33", false)]
        [InlineData("2026-11-20 14:02:33Z", false)]
        [InlineData("2026-11-20T14:02:33+0100", false)]
        [InlineData("2026-11-20T14:02:33.Z", false)]
        [InlineData("2026-11-2OT14:02:33Z", false)]
        public void The_RFC3339_fast_path_agrees_with_the_general_reader(string text, bool fast)
        {
            Assert.Equal(fast, TimelineTime.TryParseRfc3339(text, out var quick));
            const System.Globalization.DateTimeStyles styles = System.Globalization.DateTimeStyles.AllowWhiteSpaces |
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal;
            bool general = DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, styles, out var expected);
            if (fast)
            {
                Assert.True(general);
                Assert.Equal(expected, quick);
                Assert.Equal(DateTimeKind.Utc, quick.Kind);
            }
            // Through the public reader the answer is the same whichever path took it.
            Assert.Equal(general, TimelineTime.TryParse(text, IncidentDay, out var read, out _));
            if (general) Assert.Equal(DateTime.SpecifyKind(expected, DateTimeKind.Utc), read);
        }

        [Theory]
        [InlineData("Vault sealed", "Vault sealed")]
        [InlineData("Vault sealed  ", "Vault sealed")]
        [InlineData("  indented", "  indented")]
        [InlineData("   ", null)]
        [InlineData("", null)]
        [InlineData("line one\r\n\r\n\r\nline two  \n", "line one\n\nline two")]
        public void Normalize_keeps_one_line_text_as_it_was_and_still_tidies_many_lines(string text, string? expected)
        {
            Assert.Equal(expected, Text.Normalize(text));
        }

        [Theory]
        [InlineData("payments SRE", "payments SRE")]
        [InlineData(" payments  SRE\t", "payments SRE")]
        [InlineData("a\nb", "a b")]
        [InlineData(" ", null)]
        public void SingleLine_returns_tidy_text_unchanged_and_tidies_the_rest(string text, string? expected)
        {
            Assert.Equal(expected, Text.SingleLine(text));
        }
    }
}
