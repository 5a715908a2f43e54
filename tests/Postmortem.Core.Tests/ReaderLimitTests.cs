using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Gathering;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// A stream of a head, then a pattern repeated to a given length, then a tail: hundreds of MB of input made as it is
    /// read, so no test makes a huge file or string.
    /// </summary>
    internal sealed class FillerStream : Stream
    {
        private readonly byte[] _head;
        private readonly byte[] _pattern;
        private readonly long _fill;
        private readonly byte[] _tail;
        private long _position;

        public FillerStream(string head, string pattern, long fill, string tail = "")
        {
            _head = Encoding.UTF8.GetBytes(head);
            _pattern = Encoding.UTF8.GetBytes(pattern);
            _fill = fill;
            _tail = Encoding.UTF8.GetBytes(tail);
        }

        /// <summary>How many bytes have been read from it.</summary>
        public long Consumed => _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _head.Length + _fill + _tail.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _position < Length)
            {
                long p = _position;
                int take;
                if (p < _head.Length)
                {
                    take = (int)Math.Min(count - n, _head.Length - p);
                    Buffer.BlockCopy(_head, (int)p, buffer, offset + n, take);
                }
                else if (p < _head.Length + _fill)
                {
                    take = (int)Math.Min(count - n, _head.Length + _fill - p);
                    if (_pattern.Length == 1)
                    {
                        Array.Fill(buffer, _pattern[0], offset + n, take);
                    }
                    else
                    {
                        for (int i = 0; i < take; i++) buffer[offset + n + i] = _pattern[(p - _head.Length + i) % _pattern.Length];
                    }
                }
                else
                {
                    take = (int)Math.Min(count - n, Length - p);
                    Buffer.BlockCopy(_tail, (int)(p - _head.Length - _fill), buffer, offset + n, take);
                }
                n += take;
                _position += take;
            }
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Every reader has a limit on one line or record; a longer one is an error naming the file and the line.</summary>
    public class ReaderLimitTests
    {
        private const long Huge = 128L * 1024 * 1024;   // far past the 1 MiB limit: bounded memory or not shows at once

        private static List<GatheredItem> Gather(Stream stream, string source, GatherOptions? options = null) =>
            TimelineGatherer.Read(stream, source, options ?? new GatherOptions()).ToList();

        // Items until the source stops with an error; the error, if any.
        internal static (List<GatheredItem> Items, TimelineSourceException? Error) GatherUntilError(Stream stream, string source)
        {
            var items = new List<GatheredItem>();
            try
            {
                foreach (var item in TimelineGatherer.Read(stream, source, new GatherOptions())) items.Add(item);
                return (items, null);
            }
            catch (TimelineSourceException ex)
            {
                return (items, ex);
            }
        }

        private const string First = "{\"time\":\"2026-11-20T14:00:00Z\",\"msg\":\"first\"}\n";
        private const string Last = "{\"time\":\"2026-11-20T14:02:00Z\",\"msg\":\"last\"}\n";

        [Fact]
        public void A_JSON_line_longer_than_the_limit_is_that_line_s_error_and_the_next_line_is_read()
        {
            var stream = new FillerStream(First + "{\"time\":\"2026-11-20T14:01:00Z\",\"msg\":\"", "a", Huge, "\"}\n" + Last);
            var items = Gather(stream, "app.jsonl");
            Assert.Equal(new[] { "first", "last" }, items.Where(i => i.Event is not null).Select(i => i.Event!.Event));
            var problem = Assert.Single(items, i => i.Problem is not null);
            Assert.Equal(2, problem.Line);
            Assert.Equal("app.jsonl, line 2 (record 2): this line is longer than 1 MiB (the most one record may hold), so it was skipped.", problem.Problem);
            Assert.Equal(3, items.Last().Line);
            Assert.Equal(stream.Length, stream.Consumed);
        }

        [Fact]
        public void A_JSON_lines_tail_that_never_ends_is_one_error_at_its_line()
        {
            var items = Gather(new FillerStream(First + First.Replace("first", "second"), "a", Huge), "tail.jsonl");
            Assert.Equal(2, items.Count(i => i.Event is not null));
            var problem = Assert.Single(items, i => i.Problem is not null);
            Assert.Equal(3, problem.Line);
            Assert.Contains("tail.jsonl, line 3", problem.Problem);
        }

        [Fact]
        public void A_journald_entry_longer_than_the_limit_is_skipped_and_the_next_is_read()
        {
            const string entry = "{\"__REALTIME_TIMESTAMP\":\"1795183320000000\",\"_SYSTEMD_UNIT\":\"openbao.service\",\"MESSAGE\":\"sealed\"}\n";
            var stream = new FillerStream(entry + "{\"__REALTIME_TIMESTAMP\":\"1795183321000000\",\"MESSAGE\":\"", "x", Huge, "\"}\n" + entry.Replace("sealed", "unsealed"));
            var items = Gather(stream, "journal.json");
            Assert.Equal(new[] { "openbao.service: sealed", "openbao.service: unsealed" }, items.Where(i => i.Event is not null).Select(i => i.Event!.Event));
            Assert.Equal(2, Assert.Single(items, i => i.Problem is not null).Line);
            Assert.All(items.Where(i => i.Event is not null), i => Assert.Equal("journald", i.Event!.Source));
        }

        [Fact]
        public void A_CSV_row_longer_than_the_limit_is_that_row_s_error_and_the_next_row_is_read()
        {
            var stream = new FillerStream("time,event\n2026-11-20T14:00:00Z,first\n2026-11-20T14:01:00Z,", "a", Huge, "\n2026-11-20T14:02:00Z,last\n");
            var items = Gather(stream, "desk.csv");
            Assert.Equal(new[] { "first", "last" }, items.Where(i => i.Event is not null).Select(i => i.Event!.Event));
            var problem = Assert.Single(items, i => i.Problem is not null);
            Assert.Equal(3, problem.Line);
            Assert.Equal("desk.csv, line 3 (record 2): the row is longer than 1 MiB (the most one row may hold), so it was skipped.", problem.Problem);
            Assert.Equal(4, items.Last().Line);
        }

        [Fact]
        public void A_CSV_quote_open_past_the_limit_stops_the_file_naming_the_line_where_it_opened()
        {
            var (items, error) = GatherUntilError(new FillerStream("time,event\n2026-11-20T14:00:00Z,first\n2026-11-20T14:01:00Z,\"", "a", Huge), "open.csv");
            Assert.Equal("first", Assert.Single(items).Event!.Event);
            Assert.NotNull(error);
            Assert.StartsWith("open.csv, line 3: the quoted field that opens on this line runs past 1 MiB", error!.Message);
            Assert.Contains("Check the quotes on line 3", error.Message);
        }

        [Fact]
        public void A_CSV_header_longer_than_the_limit_stops_the_file()
        {
            var (items, error) = GatherUntilError(new FillerStream("time,", "a", Huge), "wide.csv");
            Assert.Empty(items);
            Assert.StartsWith("wide.csv, line 1: the first line, the header, is longer than 1 MiB", error!.Message);
        }

        [Fact]
        public void One_unclosed_CSV_quote_no_longer_swallows_every_later_row_the_file_stops_naming_its_line()
        {
            var rows = new StringBuilder("time,event\n2026-11-20T14:00:00Z,first\n2026-11-20T14:01:00Z,\"oops, one quote\n");
            for (int i = 2; i < 12; i++) rows.Append("2026-11-20T14:").Append(i.ToString("00")).Append(":00Z,row ").Append(i).Append('\n');
            var (items, error) = GatherUntilError(new MemoryStream(Encoding.UTF8.GetBytes(rows.ToString())), "quotes.csv");
            Assert.Equal("first", Assert.Single(items).Event!.Event);
            Assert.StartsWith("quotes.csv, line 3: the quoted field that opens on this line is never closed: the file ends inside it. Check the quotes on line 3", error!.Message);
        }

        [Fact]
        public void A_CSV_quote_open_over_more_than_100_lines_stops_the_file_naming_its_line()
        {
            var (items, error) = GatherUntilError(new FillerStream("time,event\n2026-11-20T14:00:00Z,first\n2026-11-20T14:01:00Z,\"oops\n", "2026-11-20T14:02:00Z,row\n", 10_000 * 26L), "long.csv");
            Assert.Single(items);
            Assert.StartsWith("long.csv, line 3: the quoted field that opens on this line is still open 100 lines later", error!.Message);
        }

        [Fact]
        public void A_CSV_quoted_field_over_a_few_lines_is_still_one_field()
        {
            var text = "time,event\n2026-11-20T14:00:00Z,\"one\ntwo\nthree\"\n2026-11-20T14:01:00Z,next\n";
            var events = TimelineGatherer.Read(text, "ok.csv", new GatherOptions()).Select(i => i.Event!).ToList();
            Assert.Equal(new[] { "one\ntwo\nthree", "next" }, events.Select(e => e.Event));
        }

        private const string KubeHead = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n";
        private const string KubeEvent = "{\"kind\":\"Event\",\"firstTimestamp\":\"2026-11-20T14:00:00Z\",\"reason\":\"R\",\"message\":\"m\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\",\"namespace\":\"n\"}}";

        [Fact]
        public void A_kubectl_item_longer_than_the_limit_is_skipped_token_by_token_and_the_next_item_is_read()
        {
            // An item of many small values (labels), 128 MiB in all.
            var stream = new FillerStream(KubeHead + KubeEvent + ",\n{\"kind\":\"Event\",\"metadata\":{\"labels\":{\"a\":\"b\"", ",\"k\":\"v\"", Huge / 8, "}}},\n" + KubeEvent.Replace("\"m\"", "\"after\"") + "\n]}");
            var items = Gather(stream, "events.json");
            Assert.Equal(2, items.Count(i => i.Event is not null));
            Assert.EndsWith("R: after", items.Last().Event!.Event);
            var problem = Assert.Single(items, i => i.Problem is not null);
            Assert.Equal(3, problem.Line);
            Assert.Equal("events.json, line 3 (record 2): the item is longer than 1 MiB (the most one record may hold), so it was skipped.", problem.Problem);
            Assert.Equal(4, items.Last().Line);
        }

        [Fact]
        public void A_kubectl_item_with_one_value_longer_than_the_limit_stops_the_file_naming_the_line()
        {
            var (items, error) = GatherUntilError(new FillerStream(KubeHead + KubeEvent + ",\n{\"kind\":\"Event\",\"message\":\"", "a", Huge, "\"}]}"), "events.json");
            Assert.Single(items);
            Assert.StartsWith("events.json, line ", error!.Message);
            Assert.Contains("longer than 1 MiB", error.Message);
        }

        [Fact]
        public void A_single_JSON_object_longer_than_the_limit_is_refused()
        {
            var (_, error) = GatherUntilError(new FillerStream("{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\"},\"message\":\"", "a", Huge, "\"}"), "event.json");
            Assert.StartsWith("event.json: the JSON object is longer than 1 MiB", error!.Message);
        }

        [Fact]
        public void A_kubectl_YAML_line_longer_than_the_limit_or_a_YAML_export_over_32_MB_is_refused()
        {
            var (_, line) = GatherUntilError(new FillerStream("apiVersion: v1\nitems:\n- message: ", "a", Huge), "events.yaml");
            Assert.StartsWith("events.yaml, line 3: this line is longer than 1 MiB", line!.Message);
            var (_, size) = GatherUntilError(new FillerStream("apiVersion: v1\nitems:\n", "- message: a\n", 40L * 1024 * 1024), "big.yaml");
            Assert.Contains("larger than 32 MB", size!.Message);
            Assert.Contains("kubectl get events -o json", size.Message);
        }
    }
}
