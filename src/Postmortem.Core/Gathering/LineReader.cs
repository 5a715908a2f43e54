using System;
using System.IO;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Reads a UTF-8 stream a line at a time into a buffer that never grows past the longest line allowed: a longer line
    /// is read past in blocks, its bytes thrown away, and reported as too long, so a file with a line that never ends
    /// is read with flat memory. A line is valid until the next one is read.
    /// </summary>
    internal sealed class LineReader
    {
        private const int Block = 64 * 1024;
        private readonly Stream _stream;
        private readonly int _maxLine;
        private byte[] _buffer = new byte[Block];
        private int _start;
        private int _end;
        private bool _eof;
        private bool _begun;

        public LineReader(Stream stream, int maxLine)
        {
            _stream = stream;
            _maxLine = maxLine;
        }

        /// <summary>The number of the line last read, from 1.</summary>
        public long LineNumber { get; private set; }

        /// <summary>
        /// The next line, without its line break (a '\r' before the '\n' is left on); false at the end. When the line is
        /// longer than the limit, <paramref name="tooLong"/> is true, the line is empty, and the reader is at the next line.
        /// </summary>
        public bool Next(out ReadOnlyMemory<byte> line, out bool tooLong)
        {
            line = default;
            tooLong = false;
            if (!_begun)
            {
                _begun = true;
                Fill();
                if (_end - _start >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = 3;
            }
            if (_start == _end && !Fill()) return false;
            LineNumber++;
            int scanned = 0;
            while (true)
            {
                int at = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
                if (at >= 0)
                {
                    int length = at - _start;
                    if (length > _maxLine)
                    {
                        _start = at + 1;
                        tooLong = true;
                        return true;
                    }
                    line = new ReadOnlyMemory<byte>(_buffer, _start, length);
                    _start = at + 1;
                    return true;
                }
                scanned = _end - _start;
                if (scanned > _maxLine)
                {
                    SkipToNextLine();
                    tooLong = true;
                    return true;
                }
                if (!Fill())
                {
                    // The last line, without a line break.
                    line = new ReadOnlyMemory<byte>(_buffer, _start, _end - _start);
                    _start = _end;
                    return true;
                }
            }
        }

        /// <summary>Throws away the rest of a line too long to keep, a block at a time, up to and past its line break.</summary>
        private void SkipToNextLine()
        {
            _start = _end = 0;
            while (!_eof)
            {
                int read = _stream.Read(_buffer, 0, _buffer.Length);
                if (read == 0)
                {
                    _eof = true;
                    return;
                }
                int at = Array.IndexOf(_buffer, (byte)'\n', 0, read);
                if (at >= 0)
                {
                    _start = at + 1;
                    _end = read;
                    return;
                }
            }
        }

        /// <summary>Moves what is unread to the front, grows the buffer (up to one line's limit and a block) when it is full, and reads more. False at the end.</summary>
        private bool Fill()
        {
            if (_eof) return false;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _maxLine + Block));
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                return false;
            }
            _end += read;
            return true;
        }
    }

    /// <summary>A stream that throws the given exception once more than its limit has been read from it.</summary>
    internal sealed class LimitedStream : IO.ForwardOnlyStream
    {
        private readonly Stream _inner;
        private readonly long _limit;
        private readonly Func<Exception> _over;
        private long _read;

        public LimitedStream(Stream inner, long limit, Func<Exception> over)
        {
            _inner = inner;
            _limit = limit;
            _over = over;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, (int)Math.Min(count, _limit + 1 - _read));
            _read += n;
            if (_read > _limit) throw _over();
            return n;
        }
    }
}
