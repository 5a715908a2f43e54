using System;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Gathering;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// A source whose dates could read day or month first (02/11/2026): one error, not one a line; and a date only one
    /// order reads (30/11/2026) teaches the source's other dates their order.
    /// </summary>
    public class AmbiguousDateSourceTests
    {
        private static (System.Collections.Generic.List<GatheredItem> Items, GatherReport Report) Read(string csv, GatherOptions? options = null)
        {
            var report = new GatherReport();
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var items = TimelineGatherer.Read(stream, "export.csv", options ?? new GatherOptions(), report).ToList();
            return (items, report);
        }

        [Fact]
        public void A_file_of_dates_that_all_read_two_ways_gives_one_error_and_one_warning_with_the_count()
        {
            var csv = new StringBuilder("time,message\n");
            for (int i = 0; i < 1000; i++) csv.Append("02/11/2026 10:").Append((i % 60).ToString("00")).Append(",retrying connection ").Append(i).Append('\n');
            var (items, report) = Read(csv.ToString());
            var failed = Assert.Single(items);
            Assert.Null(failed.Event);
            Assert.Contains("could be 2 November 2026 (day first) or 11 February 2026 (month first)", failed.Problem);
            Assert.Equal(1000, report.Failed);
            Assert.Equal(999, report.AmbiguousAfterFirst);
            var warning = Assert.Single(report.Warnings);
            Assert.Contains("999 more records (up to line 1,001) had dates that read two ways", warning);
            Assert.Contains("-Culture", warning);
        }

        [Fact]
        public void A_date_only_one_order_reads_teaches_the_order_of_the_dates_after_it_and_says_so()
        {
            var (items, report) = Read("time,message\n02/11/2026 10:00,first\n30/11/2026 10:05,second\n03/11/2026 10:10,third\n04/11/2026 10:15,fourth\n");
            Assert.Null(items[0].Event);
            Assert.Equal(new DateTime(2026, 11, 30, 10, 5, 0, DateTimeKind.Utc), items[1].Event!.UtcTime);
            Assert.Equal(new DateTime(2026, 11, 3, 10, 10, 0, DateTimeKind.Utc), items[2].Event!.UtcTime);
            Assert.Equal(new DateTime(2026, 11, 4, 10, 15, 0, DateTimeKind.Utc), items[3].Event!.UtcTime);
            Assert.Equal(1, report.Failed);
            var warning = Assert.Single(report.Warnings);
            Assert.Contains("2 dates that could read two ways were read day first, as '30/11/2026 10:05' in the same source shows", warning);
        }

        [Fact]
        public void Month_first_is_learned_as_well()
        {
            var (items, _) = Read("time,message\n11/30/2026 10:05,first\n12/01/2026 10:10,second\n");
            Assert.Equal(new DateTime(2026, 12, 1, 10, 10, 0, DateTimeKind.Utc), items[1].Event!.UtcTime);
        }

        [Fact]
        public void What_one_source_teaches_does_not_carry_over_to_the_next_nor_to_the_options_given()
        {
            var options = new GatherOptions();
            Read("time,message\n30/11/2026 10:05,first\n", options);
            Assert.Null(options.Time);
            var (items, report) = Read("time,message\n02/11/2026 10:00,other file\n", options);
            Assert.Null(Assert.Single(items).Event);
            Assert.Empty(report.Warnings);
        }

        [Fact]
        public void A_culture_given_settles_the_order_and_nothing_is_learned_or_warned()
        {
            var options = new GatherOptions { Time = new TimeReading { Culture = new System.Globalization.CultureInfo("en-US") } };
            var (items, report) = Read("time,message\n02/11/2026 10:00,first\n11/30/2026 10:05,second\n", options);
            Assert.Equal(new DateTime(2026, 2, 11, 10, 0, 0, DateTimeKind.Utc), items[0].Event!.UtcTime);
            Assert.Empty(report.Warnings);
        }

        [Fact]
        public void A_plain_text_log_gets_one_error_for_its_ambiguous_lines_too()
        {
            var log = string.Concat(Enumerable.Range(0, 50).Select(i => $"02/11/2026 10:{i:00}:00 ERROR timeout {i}\n"));
            var report = new GatherReport();
            var options = new GatherOptions { Pattern = LinePattern.Parse(@"^(?<time>\S+ \S+) (?<message>.*)$") };
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
            var items = TimelineGatherer.Read(stream, "app.log", options, report).ToList();
            Assert.Single(items);
            Assert.Equal(50, report.Failed);
            Assert.Contains("49 more records (up to line 50)", Assert.Single(report.Warnings));
        }
    }
}
