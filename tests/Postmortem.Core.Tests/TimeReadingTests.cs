using System;
using System.Globalization;
using System.Linq;
using Postmortems.Gathering;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The one time reader every cmdlet and gatherer uses: the formats logs write, time zones, ambiguous dates.</summary>
    public class TimeReadingTests
    {
        private static readonly DateTime IncidentDay = new DateTime(2026, 11, 20);

        private static DateTime Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
            new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);

        private static DateTime Read(object value, TimeReading? reading = null, DateTime? date = null)
        {
            Assert.True(TimelineTime.TryParse(value, date ?? IncidentDay, reading, out var utc, out var problem), problem);
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
            return utc;
        }

        private static string Refused(object value, TimeReading? reading = null, DateTime? date = null)
        {
            Assert.False(TimelineTime.TryParse(value, date ?? IncidentDay, reading, out _, out var problem));
            Assert.NotNull(problem);
            return problem!;
        }

        [Theory]
        [InlineData("Sun Oct 21 23:09:19 +0000 2018")]            // Twitter
        [InlineData("Sun, 21 Oct 2018 23:09:19 +0000")]           // RFC 2822, mail
        [InlineData("Sun, 21 Oct 2018 23:09:19 GMT")]             // HTTP date
        [InlineData("21 Oct 2018 23:09:19 +0000")]                // RFC 2822 without the weekday
        [InlineData("Mon, 22 Oct 2018 01:09:19 +0200")]           // an offset is converted
        [InlineData("21/Oct/2018:23:09:19 +0000")]                // Apache / nginx common log format
        [InlineData("22/Oct/2018:01:09:19 +0200")]
        [InlineData("2018-10-21 23:09:19 UTC")]
        [InlineData("2018-10-21 23:09:19 GMT")]
        [InlineData("2018-10-21 23:09:19Z")]
        [InlineData("2018-10-21T23:09:19+0000")]
        [InlineData("2018-10-21 23:09:19,000")]                   // Python logging's asctime
        [InlineData("2018-10-21 23:09:19.000 +0000 UTC")]         // Go's time.Time String()
        [InlineData("1540163359")]                                // epoch seconds
        [InlineData("1540163359000")]                             // milliseconds
        [InlineData("1540163359000000")]                          // microseconds
        [InlineData("1540163359000000000")]                       // nanoseconds
        public void The_formats_logs_write_are_read(string text)
        {
            Assert.Equal(Utc(2018, 10, 21, 23, 9, 19), Read(text));
        }

        [Fact]
        public void A_minute_with_a_UTC_suffix_is_read()
        {
            Assert.Equal(Utc(2018, 10, 21, 23, 9), Read("2018-10-21 23:09 UTC"));
        }

        [Theory]
        [InlineData(1540163359L)]
        [InlineData(1540163359000L)]
        [InlineData(1540163359000000L)]
        public void Epoch_numbers_given_as_numbers_are_read(long number)
        {
            Assert.Equal(Utc(2018, 10, 21, 23, 9, 19), Read(number));
            Assert.Equal(Utc(2018, 10, 21, 23, 9, 19), Read((double)number));
            Assert.Equal(Utc(2018, 10, 21, 23, 9, 19), Read((decimal)number));
        }

        [Fact]
        public void A_small_number_is_not_taken_for_an_epoch_time_in_1970()
        {
            var problem = Refused(1400);
            Assert.Contains("'1400'", problem);
            Assert.Contains("epoch", problem);
        }

        [Fact]
        public void Syslog_times_take_the_year_of_the_postmortems_date()
        {
            Assert.Equal(Utc(2026, 10, 21, 23, 9, 19), Read("Oct 21 23:09:19"));
            Assert.Equal(Utc(2026, 11, 1, 3, 4, 5), Read("Nov  1 03:04:05"));
        }

        [Fact]
        public void Syslog_times_after_the_reference_month_fall_in_the_year_before()
        {
            // A postmortem dated 2 January: a December line is from the old year.
            Assert.Equal(Utc(2026, 12, 31, 23, 59, 58), Read("Dec 31 23:59:58", date: new DateTime(2027, 1, 2)));
            Assert.Equal(Utc(2027, 1, 1, 0, 0, 1), Read("Jan  1 00:00:01", date: new DateTime(2027, 1, 2)));
        }

        [Fact]
        public void Syslog_times_without_a_date_take_the_current_year()
        {
            var now = DateTime.UtcNow;
            Assert.True(TimelineTime.TryParse(now.ToString("MMM", CultureInfo.InvariantCulture) + $" {now.Day,2} 01:02:03", null, null, out var read, out var problem), problem);
            Assert.Equal(now.Year, read.Year);
        }

        [Theory]
        [InlineData("30.11.2026 10:16", 2026, 11, 30, 10, 16)]
        [InlineData("13/02/2026 10:00", 2026, 2, 13, 10, 0)]
        [InlineData("02/13/2026 10:00", 2026, 2, 13, 10, 0)]
        [InlineData("01.02.2017 08:00", 2017, 2, 1, 8, 0)]      // dots are day first
        [InlineData("13/02/2026", 2026, 2, 13, 0, 0)]
        public void A_date_that_can_only_be_one_way_is_read(string text, int year, int month, int day, int hour, int minute)
        {
            Assert.Equal(Utc(year, month, day, hour, minute), Read(text));
        }

        [Theory]
        [InlineData("02/11/2026 10:00", "2 November 2026", "11 February 2026")]
        [InlineData("01/02/2017", "1 February 2017", "2 January 2017")]
        [InlineData("01-02-2017 10:00", "1 February 2017", "2 January 2017")]
        public void A_date_whose_day_and_month_could_be_swapped_is_refused_naming_both_readings_and_the_way_to_choose(string text, string dayFirst, string monthFirst)
        {
            Assert.False(TimelineTime.TryParse(text, IncidentDay, null, out _, out var problem, out var ambiguous));
            Assert.True(ambiguous);
            Assert.Contains($"'{text}'", problem);
            Assert.Contains(dayFirst, problem);
            Assert.Contains(monthFirst, problem);
            Assert.Contains("-TimeFormat", problem);
            Assert.Contains("-Culture", problem);
        }

        [Fact]
        public void A_culture_or_a_format_says_which_way_an_ambiguous_date_reads()
        {
            Assert.Equal(Utc(2026, 11, 2, 10, 0), Read("02/11/2026 10:00", new TimeReading { Culture = CultureInfo.GetCultureInfo("de-DE") }));
            Assert.Equal(Utc(2026, 2, 11, 10, 0), Read("02/11/2026 10:00", new TimeReading { Culture = CultureInfo.GetCultureInfo("en-US") }));
            Assert.Equal(Utc(2026, 11, 2, 10, 0), Read("02/11/2026 10:00", new TimeReading { Formats = new[] { "dd/MM/yyyy HH:mm" } }));
            Assert.Equal(Utc(2026, 2, 11, 10, 0), Read("02/11/2026 10:00", new TimeReading { Formats = new[] { "MM/dd/yyyy HH:mm" } }));
        }

        [Fact]
        public void Time_formats_read_anything_else_and_are_tried_in_turn()
        {
            var reading = new TimeReading { Formats = new[] { "yyyyMMdd'T'HHmmss", "dd.MM.yyyy HH:mm" } };
            Assert.Equal(Utc(2026, 11, 30, 10, 16), Read("30.11.2026 10:16", reading));
            Assert.Equal(Utc(2026, 11, 20, 14, 2, 7), Read("20261120T140207", reading));
            // The common formats still read with a format given.
            Assert.Equal(Utc(2026, 11, 20, 14, 2, 7), Read("2026-11-20T14:02:07Z", reading));
        }

        [Fact]
        public void A_time_format_with_an_offset_keeps_it()
        {
            var reading = new TimeReading { Formats = new[] { "yyyyMMdd HHmm zzz" }, TimeZone = Zone("Europe/Berlin") };
            Assert.Equal(Utc(2026, 11, 20, 9, 2), Read("20261120 1402 +05:00", reading));
        }

        [Fact]
        public void Text_no_format_reads_says_the_formats_given()
        {
            var problem = Refused("sometime tuesday", new TimeReading { Formats = new[] { "dd.MM.yyyy HH:mm" } });
            Assert.Contains("'sometime tuesday'", problem);
            Assert.Contains("dd.MM.yyyy HH:mm", problem);
        }

        private static TimeZoneInfo Zone(string id)
        {
            Assert.True(TimeReading.TryFindTimeZone(id, out var zone, out var problem), problem);
            return zone!;
        }

        [Fact]
        public void A_time_zone_converts_local_times_with_daylight_saving_time()
        {
            var berlin = new TimeReading { TimeZone = Zone("Europe/Berlin") };
            // Summer time (UTC+2) until 25 October 2026 01:00 UTC, winter time (UTC+1) after.
            Assert.Equal(Utc(2026, 10, 24, 8, 0), Read("2026-10-24 10:00", berlin));
            Assert.Equal(Utc(2026, 10, 26, 9, 0), Read("2026-10-26 10:00", berlin));
            Assert.Equal(Utc(2026, 11, 30, 9, 16), Read("30.11.2026 10:16", berlin));
            Assert.Equal(Utc(2026, 11, 20, 13, 2), Read("14:02", berlin));
            Assert.Equal(Utc(2026, 10, 21, 21, 9, 19), Read("Oct 21 23:09:19", berlin));
        }

        [Fact]
        public void An_offset_in_the_text_wins_over_the_time_zone()
        {
            var berlin = new TimeReading { TimeZone = Zone("Europe/Berlin") };
            Assert.Equal(Utc(2026, 7, 1, 10, 0), Read("2026-07-01T10:00:00Z", berlin));
            Assert.Equal(Utc(2026, 7, 1, 10, 0), Read("2026-07-01 10:00 UTC", berlin));
            Assert.Equal(Utc(2018, 10, 21, 23, 9, 19), Read("21/Oct/2018:23:09:19 +0000", berlin));
            Assert.Equal(Utc(2018, 10, 21, 23, 9, 19), Read("1540163359", berlin));
            Assert.Equal(Utc(2026, 11, 20, 14, 2), Read("14:02Z", berlin));
        }

        [Fact]
        public void Windows_time_zone_ids_are_found_too()
        {
            var zone = Zone("W. Europe Standard Time");
            Assert.Equal(Utc(2026, 7, 1, 8, 0), Read("2026-07-01 10:00", new TimeReading { TimeZone = zone }));
        }

        [Fact]
        public void An_unknown_time_zone_is_refused_with_examples()
        {
            Assert.False(TimeReading.TryFindTimeZone("Europe/Berlinn", out _, out var problem));
            Assert.Contains("'Europe/Berlinn'", problem);
            Assert.Contains("Europe/Berlin", problem);
        }

        [Fact]
        public void A_local_time_in_the_spring_forward_gap_is_refused()
        {
            var berlin = new TimeReading { TimeZone = Zone("Europe/Berlin") };
            var problem = Refused("2026-03-29 02:30", berlin);
            Assert.Contains("'2026-03-29 02:30'", problem);
            Assert.Contains("does not exist", problem);
        }

        [Fact]
        public void A_local_time_in_the_fall_back_hour_is_refused_naming_both_instants()
        {
            var berlin = new TimeReading { TimeZone = Zone("Europe/Berlin") };
            var problem = Refused("2026-10-25 02:30", berlin);
            Assert.Contains("'2026-10-25 02:30'", problem);
            Assert.Contains("00:30", problem);
            Assert.Contains("01:30", problem);
            Assert.Contains("+02:00", problem);
        }

        [Theory]
        [InlineData("+01:00", 60)]
        [InlineData("-05:30", -330)]
        [InlineData("+0100", 60)]
        [InlineData("01:00", 60)]
        [InlineData("Z", 0)]
        public void Utc_offsets_are_read(string text, int minutes)
        {
            Assert.True(TimeReading.TryParseOffset(text, out var offset, out var problem), problem);
            Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
        }

        [Theory]
        [InlineData("+15:00")]
        [InlineData("Berlin")]
        [InlineData("+1:5")]
        public void Utc_offsets_that_are_not_are_refused(string text)
        {
            Assert.False(TimeReading.TryParseOffset(text, out _, out var problem));
            Assert.Contains($"'{text}'", problem);
        }

        [Fact]
        public void A_utc_offset_converts_local_times()
        {
            var plusOne = new TimeReading { UtcOffset = TimeSpan.FromHours(1) };
            Assert.Equal(Utc(2026, 7, 1, 9, 0), Read("2026-07-01 10:00", plusOne));
            Assert.Equal(Utc(2026, 11, 20, 13, 2), Read("14:02", plusOne));
            Assert.Equal(Utc(2026, 7, 1, 10, 0), Read("2026-07-01T10:00:00Z", plusOne));
        }

        [Fact]
        public void A_weekday_that_does_not_fit_the_date_is_refused()
        {
            Assert.Contains("'Sun, 21 Oct 1800 23:09:19 +0000'", Refused("Sun, 21 Oct 1800 23:09:19 +0000"));
        }

        [Fact]
        public void The_window_still_holds_for_every_format()
        {
            Assert.Contains("before 1900", Refused("Tue, 21 Oct 1800 23:09:19 +0000"));
            Assert.Contains("after 2100", Refused("21/Oct/2218:23:09:19 +0000"));
        }

        [Fact]
        public void Gathered_records_use_the_reader_with_the_options_and_name_the_line()
        {
            var csv = "time,message\n30.11.2026 10:16,Primary failed over\n02/11/2026 10:00,Replica lagged\nOct 21 23:09:19,syslog line\n";
            var items = TimelineGatherer.Read(csv, "cet.csv", new GatherOptions { Date = IncidentDay, Time = new TimeReading { TimeZone = Zone("Europe/Berlin") } }).ToList();
            Assert.Equal(Utc(2026, 11, 30, 9, 16), items[0].Event!.UtcTime);
            Assert.Null(items[1].Event);
            Assert.Contains("cet.csv, line 3", items[1].Problem);
            Assert.Contains("2 November 2026", items[1].Problem);
            Assert.Equal(Utc(2026, 10, 21, 21, 9, 19), items[2].Event!.UtcTime);
        }

        [Fact]
        public void Gathered_records_read_with_a_time_format()
        {
            var csv = "time,message\n02/11/2026 10:00,Replica lagged\n";
            var items = TimelineGatherer.Read(csv, "eu.csv", new GatherOptions { Time = new TimeReading { Formats = new[] { "dd/MM/yyyy HH:mm" } } }).ToList();
            Assert.Equal(Utc(2026, 11, 2, 10, 0), items.Single().Event!.UtcTime);
        }
    }
}
