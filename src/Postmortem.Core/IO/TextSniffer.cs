using System;
using System.IO;
using System.Text;

namespace Postmortems.IO
{
    /// <summary>What the first bytes of a file say it is.</summary>
    public enum TextKind
    {
        Utf8,
        Utf16LittleEndian,
        Utf16BigEndian,
        NotText,
    }

    /// <summary>The verdict on a file's first bytes: its encoding and byte order mark, or why it is not text.</summary>
    public readonly struct TextSniff
    {
        public TextSniff(TextKind kind, int bomLength, string? why)
        {
            Kind = kind;
            BomLength = bomLength;
            Why = why;
        }

        public TextKind Kind { get; }

        /// <summary>The length of the byte order mark the bytes start with; 0 when they have none.</summary>
        public int BomLength { get; }

        /// <summary>For <see cref="TextKind.NotText"/>: what gave it away, as words for a message.</summary>
        public string? Why { get; }

        public bool IsUtf16 => Kind == TextKind.Utf16LittleEndian || Kind == TextKind.Utf16BigEndian;

        /// <summary>How the encoding is named in a message.</summary>
        public string Name => Kind switch
        {
            TextKind.Utf16LittleEndian => "UTF-16 LE",
            TextKind.Utf16BigEndian => "UTF-16 BE",
            _ => "UTF-8",
        };
    }

    /// <summary>
    /// Tells UTF-8, UTF-16 (by its byte order mark, or without one by the zero bytes ASCII text leaves in every other
    /// place: what Windows PowerShell 5.1's Out-File writes) and content that is not text at all (NUL bytes, or many
    /// control characters) apart from the first bytes of a file.
    /// </summary>
    public static class TextSniffer
    {
        /// <summary>How many of the first bytes are looked at.</summary>
        public const int SniffBytes = 8192;

        /// <summary>
        /// Control characters other than tab, line breaks, form feed and escape (colored logs carry it) in more than this
        /// share of the bytes make content binary, not text: random bytes have 10%, a text file next to none.
        /// </summary>
        private const double MaxControlShare = 0.05;

        public static TextSniff Sniff(byte[] bytes, int length)
        {
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            length = Math.Min(length, bytes.Length);
            if (length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
            {
                return new TextSniff(TextKind.NotText, 0, "it is UTF-32 text, which is not read; save it as UTF-8");
            }
            if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return new TextSniff(TextKind.Utf16LittleEndian, 2, null);
            if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return new TextSniff(TextKind.Utf16BigEndian, 2, null);
            int bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;

            int scan = Math.Min(length, SniffBytes);
            int pairs = scan / 2, zeroEven = 0, zeroOdd = 0, nul = 0, control = 0;
            for (int i = bom; i < scan; i++)
            {
                byte b = bytes[i];
                if (b == 0)
                {
                    nul++;
                    if ((i & 1) == 0) zeroEven++;
                    else zeroOdd++;
                }
                else if (IsControl(b))
                {
                    control++;
                }
            }
            // UTF-16 without a mark: ASCII characters leave a zero in every other byte, on one side only; and read so,
            // the bytes are characters without NULs or control characters, as text is.
            if (bom == 0 && pairs >= 4)
            {
                if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.02 && IsUtf16Text(bytes, scan, bigEndian: false)) return new TextSniff(TextKind.Utf16LittleEndian, 0, null);
                if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.02 && IsUtf16Text(bytes, scan, bigEndian: true)) return new TextSniff(TextKind.Utf16BigEndian, 0, null);
            }
            if (nul > 0) return new TextSniff(TextKind.NotText, 0, "it holds NUL bytes");
            if (scan - bom > 0 && control > (scan - bom) * MaxControlShare)
            {
                return new TextSniff(TextKind.NotText, 0, $"{control * 100 / (scan - bom)}% of its first {scan - bom} bytes are control characters");
            }
            return new TextSniff(TextKind.Utf8, bom, null);
        }

        private static bool IsUtf16Text(byte[] bytes, int length, bool bigEndian)
        {
            int chars = length / 2, control = 0;
            for (int i = 0; i + 1 < length; i += 2)
            {
                int c = bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
                if (c == 0) return false;
                if (c < 0x100 && IsControl((byte)c)) control++;
            }
            return control <= chars * MaxControlShare;
        }

        private static bool IsControl(byte b) =>
            b < 0x20 ? b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0B && b != 0x0C && b != 0x1B : b == 0x7F;

        /// <summary>
        /// The text of a whole file given as bytes, decoded strictly as the sniff says; throws
        /// <see cref="DecoderFallbackException"/> on bytes that are not of that encoding.
        /// </summary>
        public static string Decode(byte[] bytes, TextSniff sniff)
        {
            Encoding encoding = sniff.Kind switch
            {
                TextKind.Utf16LittleEndian => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
                TextKind.Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
                TextKind.Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
                _ => throw new ArgumentException("Content that is not text cannot be decoded.", nameof(sniff)),
            };
            int count = bytes.Length - sniff.BomLength;
            // An odd trailing byte of UTF-16 is a cut-off character: the strict decoder says so.
            return encoding.GetString(bytes, sniff.BomLength, count);
        }
    }

    /// <summary>Reads UTF-16 (either byte order) from a stream as UTF-8, a block at a time, so UTF-8 readers read it as they read any file.</summary>
    internal sealed class Utf16ToUtf8Stream : Stream
    {
        private readonly Stream _source;
        private readonly Decoder _decoder;
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private readonly byte[] _in = new byte[16 * 1024];
        private readonly char[] _chars = new char[16 * 1024];
        private readonly byte[] _out = new byte[16 * 1024 * 3 + 8];
        private int _outStart;
        private int _outEnd;
        private bool _done;

        public Utf16ToUtf8Stream(Stream source, bool bigEndian)
        {
            _source = source;
            _decoder = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetDecoder();
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_outStart == _outEnd)
            {
                if (_done) return 0;
                int read = _source.Read(_in, 0, _in.Length);
                bool flush = read == 0;
                int chars = _decoder.GetChars(_in, 0, read, _chars, 0, flush);
                _outStart = 0;
                _outEnd = _encoder.GetBytes(_chars, 0, chars, _out, 0, flush);
                _done = flush;
            }
            int n = Math.Min(count, _outEnd - _outStart);
            Buffer.BlockCopy(_out, _outStart, buffer, offset, n);
            _outStart += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
