using System;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Gathering;
using Postmortems.IO;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>UTF-16 is read wherever UTF-8 is; content that is not text is refused as such; nothing read is echoed raw.</summary>
    public class TextEncodingTests
    {
        private static TimelineSourceException ErrorOf(Stream stream, string source) =>
            Assert.Throws<TimelineSourceException>(() => TimelineGatherer.Read(stream, source, new GatherOptions()).ToList());

        [Theory]
        [InlineData("utf-16le-bom")]
        [InlineData("utf-16le")]
        [InlineData("utf-16be-bom")]
        [InlineData("utf-16be")]
        public void A_one_line_UTF_16_JSON_file_is_read(string encoding)
        {
            var bytes = Utf16("{\"time\":\"2026-11-20T14:02:00Z\",\"message\":\"Vault seal alert fired\"}\r\n", encoding);
            var e = Assert.Single(TimelineGatherer.Read(new MemoryStream(bytes), "alert.json", new GatherOptions()).ToList()).Event!;
            Assert.Equal("Vault seal alert fired", e.Event);
            Assert.Equal(new DateTime(2026, 11, 20, 14, 2, 0, DateTimeKind.Utc), e.UtcTime);
        }

        [Fact]
        public void A_UTF_16_CSV_is_read_row_by_row()
        {
            var bytes = Utf16("\"Time\",\"Event\"\r\n\"2026-11-20T14:02:00Z\",\"paged\"\r\n\"2026-11-20T14:09:00Z\",\"acknowledged\"\r\n", "utf-16le-bom");
            Assert.Equal(new[] { "paged", "acknowledged" }, TimelineGatherer.Read(new MemoryStream(bytes), "export.csv", new GatherOptions()).Select(i => i.Event!.Event));
        }

        internal static byte[] Utf16(string text, string encoding)
        {
            bool big = encoding.StartsWith("utf-16be", StringComparison.Ordinal);
            var body = new UnicodeEncoding(big, false).GetBytes(text);
            if (!encoding.EndsWith("-bom", StringComparison.Ordinal)) return body;
            return (big ? new byte[] { 0xFE, 0xFF } : new byte[] { 0xFF, 0xFE }).Concat(body).ToArray();
        }

        [Fact]
        public void Binary_content_is_refused_as_not_text_and_its_bytes_are_never_echoed()
        {
            var garbage = new byte[4096];
            new Random(1).NextBytes(garbage);
            var error = ErrorOf(new MemoryStream(garbage), "garbage.bin");
            Assert.StartsWith("garbage.bin: this is not text (it holds NUL bytes)", error!.Message);

            // Without NULs, a high share of control characters gives it away.
            var controls = garbage.Select(b => b == 0 ? (byte)1 : b).ToArray();
            var noNul = ErrorOf(new MemoryStream(controls), "controls.bin");
            Assert.Contains("controls.bin: this is not text (", noNul!.Message);
            Assert.Contains("% of its first ", noNul.Message);
            Assert.DoesNotContain(noNul.Message, c => char.IsControl(c));
        }

        [Fact]
        public void Control_characters_quoted_from_a_source_are_escaped_in_messages()
        {
            var error = Assert.Throws<TimelineSourceException>(() => TimelineGatherer.Read("wh\u001b[31men\u0007,what else\n1,2\n3,4\n5,6\n", "bell.csv", new GatherOptions()).ToList());
            Assert.Contains("the record has: wh\\u001B[31men\\u0007, what else", error.Message);
            Assert.DoesNotContain(error.Message, c => char.IsControl(c));
            var item = TimelineGatherer.Read("{\"time\":\"now\\u0007\u202e\",\"msg\":\"x\"}\n", "bell.jsonl", new GatherOptions()).Single();
            Assert.Contains("'now\\u0007\\u202E'", item.Problem);
        }

        [Theory]
        [InlineData("plain text", "plain text")]
        [InlineData("a\tb\nc\rd", "a\\tb\\nc\\rd")]
        [InlineData("bell\u0007 esc\u001b del\u007f c1\u0085", "bell\\u0007 esc\\u001B del\\u007F c1\\u0085")]
        [InlineData("right-to-left \u202e override \u2066", "right-to-left \\u202E override \\u2066")]
        [InlineData("caf\u00e9 \u2713 \U0001F600", "caf\u00e9 \u2713 \U0001F600")]
        public void Printable_escapes_control_and_reordering_characters_only(string text, string expected)
        {
            Assert.Equal(expected, Printable.Escape(text));
        }

        // ---- The sniffer itself

        [Theory]
        [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22 }, TextKind.Utf8, 0)]
        [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61 }, TextKind.Utf8, 3)]
        [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, TextKind.Utf16LittleEndian, 2)]
        [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61 }, TextKind.Utf16BigEndian, 2)]
        [InlineData(new byte[] { 0x74, 0x00, 0x69, 0x00, 0x74, 0x00, 0x6C, 0x00, 0x65, 0x00, 0x3A, 0x00 }, TextKind.Utf16LittleEndian, 0)]
        [InlineData(new byte[] { 0x00, 0x74, 0x00, 0x69, 0x00, 0x74, 0x00, 0x6C, 0x00, 0x65, 0x00, 0x3A }, TextKind.Utf16BigEndian, 0)]
        [InlineData(new byte[] { 0x74, 0x00, 0x01, 0x02 }, TextKind.NotText, 0)]
        [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00 }, TextKind.NotText, 0)]
        public void The_sniffer_tells_UTF_8_UTF_16_and_binary_apart(byte[] bytes, TextKind kind, int bom)
        {
            var sniff = TextSniffer.Sniff(bytes, bytes.Length);
            Assert.Equal(kind, sniff.Kind);
            Assert.Equal(bom, sniff.BomLength);
        }

        [Fact]
        public void Latin_1_text_and_colored_logs_are_still_text()
        {
            var latin = Encoding.GetEncoding("ISO-8859-1").GetBytes("time,event\n14:02,caf\u00e9 ferm\u00e9 \u00e0 14h\n");
            Assert.Equal(TextKind.Utf8, TextSniffer.Sniff(latin, latin.Length).Kind);
            var colored = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\u001b[32mINFO\u001b[0m request served\n", 50)));
            Assert.Equal(TextKind.Utf8, TextSniffer.Sniff(colored, colored.Length).Kind);
        }
    }

    /// <summary>Postmortem files in UTF-16, as Windows PowerShell 5.1 writes them, are read; binary ones are refused, naming why.</summary>
    public class PostmortemFileEncodingTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-encoding-" + Guid.NewGuid().ToString("N"));

        public PostmortemFileEncodingTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Theory]
        [InlineData("draft.yaml", "utf-16le-bom")]
        [InlineData("draft.yaml", "utf-16le")]
        [InlineData("draft.yaml", "utf-16be-bom")]
        [InlineData("draft.yaml", "utf-16be")]
        [InlineData("page.md", "utf-16le-bom")]
        [InlineData("page.md", "utf-16le")]
        public void A_UTF_16_postmortem_file_is_read_as_its_text(string name, string encoding)
        {
            var text = name.EndsWith(".md", StringComparison.Ordinal)
                ? "# Postmortem: Caf\u00e9 sealed\n\n**Date:** 2026-11-20\n"
                : "title: Caf\u00e9 sealed\ndate: 2026-11-20\n";
            var path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, TextEncodingTests.Utf16(text, encoding));
            var postmortem = PostmortemFile.Read(path).Postmortem;
            Assert.Equal("Caf\u00e9 sealed", postmortem.Title);
            Assert.Equal(new DateTime(2026, 11, 20), postmortem.Date);
        }

        [Fact]
        public void A_binary_file_is_refused_with_what_gave_it_away()
        {
            var path = Path.Combine(_folder, "bin.yaml");
            var bytes = new byte[2048];
            new Random(2).NextBytes(bytes);
            File.WriteAllBytes(path, bytes.Select(b => b == 0 ? (byte)1 : b).ToArray());
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemFile.Read(path));
            Assert.Contains("this is a binary file, not a postmortem (", error.Message);
            Assert.Contains("control characters", error.Message);
        }
    }
}
