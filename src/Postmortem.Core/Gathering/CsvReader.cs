using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Reads CSV (RFC 4180: quoted fields with commas, quotes and line breaks in them) row by row from a stream.
    /// The delimiter is a comma, or a tab or semicolon (as spreadsheets in many locales write) when the header has
    /// those and no commas.
    /// A row holds at most <see cref="TimelineGatherer.MaxRecordBytes"/> characters: a longer one is skipped to the end of
    /// its line. A quoted field may run over line breaks, but over <see cref="MaxQuotedLines"/> of them, past the row
    /// limit, or to the end of the file it is a quote left open, which cannot be read past: that stops the file, naming
    /// the line where the quote opened.
    /// </summary>
    internal sealed class CsvReader
    {
        /// <summary>The most line breaks one quoted field may hold; more is a quote left open.</summary>
        public const int MaxQuotedLines = 100;

        private readonly CharSource _reader;
        private readonly string _source;
        private readonly int _maxRow;
        private readonly int _maxQuotedLines;
        private readonly bool _readsOn;
        private readonly char _delimiter = ',';
        private readonly StringBuilder _field = new StringBuilder();
        private long _line;

        /// <param name="maxQuotedLines">The most line breaks one quoted field may hold (a Jira export's description runs long).</param>
        /// <param name="readsOn">Whether the rows before a broken one are used (a timeline source), or the whole file is refused (a tracker export).</param>
        public CsvReader(TextReader reader, string source, int maxRow = TimelineGatherer.MaxRecordBytes, int maxQuotedLines = MaxQuotedLines, bool readsOn = true)
        {
            _reader = new CharSource(reader);
            _source = source;
            _maxRow = maxRow;
            _maxQuotedLines = maxQuotedLines;
            _readsOn = readsOn;
            var first = FirstLine();
            if (first is null) return;
            if (first.IndexOf(',') < 0 && first.IndexOf('\t') >= 0) _delimiter = '\t';
            else if (first.IndexOf(',') < 0 && first.IndexOf(';') >= 0) _delimiter = ';';
            long line = 0;
            Header = Parse(new CharSource(first), ref line, out _);
            _line = 1;
        }

        /// <summary>The column names; null for an empty source.</summary>
        public List<string>? Header { get; }

        /// <summary>
        /// The next row's fields and the line it starts on; null at the end. A row too long to keep gives no fields and
        /// the sentence why in <paramref name="problem"/>.
        /// </summary>
        public List<string>? ReadRow(out long startLine, out string? problem)
        {
            startLine = _line + 1;
            problem = null;
            if (_reader.Peek() < 0) return null;
            var fields = Parse(_reader, ref _line, out bool tooLong);
            if (!tooLong) return fields;
            problem = $"the row is longer than {TimelineGatherer.LimitText} (the most one row may hold), so it was skipped";
            return new List<string>();
        }

        // The header line, read no further than a row may run.
        private string? FirstLine()
        {
            var line = new StringBuilder();
            int c;
            while ((c = _reader.Read()) >= 0 && c != '\n')
            {
                if (line.Length >= _maxRow)
                {
                    throw new TimelineSourceException($"{_source}, line 1: the first line, the header, is longer than {TimelineGatherer.LimitText}; this is not a CSV header. Check this is the file you meant.");
                }
                if (c != '\r') line.Append((char)c);
            }
            return c < 0 && line.Length == 0 ? null : line.ToString();
        }

        private List<string> Parse(CharSource reader, ref long line, out bool tooLong)
        {
            tooLong = false;
            var fields = new List<string>();
            _field.Clear();
            int length = 0;
            bool quoted = false;
            long quoteLine = 0, quotedBreaks = 0;
            while (true)
            {
                int c = reader.Read();
                if (c < 0)
                {
                    if (quoted) throw OpenQuote(quoteLine, "is never closed: the file ends inside it");
                    fields.Add(_field.ToString());
                    line++;
                    return fields;
                }
                char ch = (char)c;
                if (++length > _maxRow)
                {
                    if (quoted) throw OpenQuote(quoteLine, $"runs past {TimelineGatherer.LimitText}, the most one row may hold");
                    if (ch != '\n') reader.SkipLine();
                    line++;
                    tooLong = true;
                    _field.Clear();
                    return fields;
                }
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            line++;
                            if (++quotedBreaks > _maxQuotedLines) throw OpenQuote(quoteLine, $"is still open {_maxQuotedLines} lines later");
                        }
                        _field.Append(ch);
                    }
                    continue;
                }
                if (ch == '"' && _field.Length == 0)
                {
                    quoted = true;
                    quoteLine = line + 1;
                    quotedBreaks = 0;
                }
                else if (ch == _delimiter)
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                }
                else if (ch == '\n')
                {
                    line++;
                    fields.Add(_field.ToString());
                    return fields;
                }
                else if (ch != '\r')
                {
                    _field.Append(ch);
                }
            }
        }

        /// <summary>Characters a block at a time from a text reader (or a string), read one by one without a call to the reader for each.</summary>
        private sealed class CharSource
        {
            private readonly TextReader? _reader;
            private readonly char[] _buffer;
            private int _position;
            private int _length;

            public CharSource(TextReader reader)
            {
                _reader = reader;
                _buffer = new char[16 * 1024];
            }

            public CharSource(string text)
            {
                _buffer = text.ToCharArray();
                _length = _buffer.Length;
            }

            public int Read() => _position < _length || Fill() ? _buffer[_position++] : -1;

            public int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

            /// <summary>Reads past the rest of the line and its line break, a block at a time.</summary>
            public void SkipLine()
            {
                while (_position < _length || Fill())
                {
                    int at = Array.IndexOf(_buffer, '\n', _position, _length - _position);
                    if (at >= 0)
                    {
                        _position = at + 1;
                        return;
                    }
                    _position = _length;
                }
            }

            private bool Fill()
            {
                if (_reader is null) return false;
                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                return _length > 0;
            }
        }

        private TimelineSourceException OpenQuote(long line, string what) =>
            new TimelineSourceException($"{_source}, line {line}: the quoted field that opens on this line {what}. Check the quotes on line {line}: a quote inside a field is written twice (\"\"), and every quoted field is closed. " +
                (_readsOn ? "The rows before it were read; nothing after it was." : "Nothing was read from the file."));
    }
}
