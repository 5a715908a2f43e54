using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Reads CSV (RFC 4180: quoted fields with commas, quotes and line breaks in them) row by row from a stream.
    /// The delimiter is a comma, or a tab or semicolon (as spreadsheets in many locales write) when the header has
    /// those and no commas.
    /// </summary>
    internal sealed class CsvReader
    {
        private readonly TextReader _reader;
        private readonly char _delimiter = ',';
        private long _line;

        public CsvReader(TextReader reader)
        {
            _reader = reader;
            var first = reader.ReadLine();
            if (first is null) return;
            _line = 1;
            if (first.IndexOf(',') < 0 && first.IndexOf('\t') >= 0) _delimiter = '\t';
            else if (first.IndexOf(',') < 0 && first.IndexOf(';') >= 0) _delimiter = ';';
            Header = Parse(new StringReader(first), ref _line, _delimiter);
            _line = 1;
        }

        /// <summary>The column names; null for an empty source.</summary>
        public List<string>? Header { get; }

        /// <summary>The next row's fields and the line it starts on; null at the end.</summary>
        public List<string>? ReadRow(out long startLine)
        {
            startLine = _line + 1;
            if (_reader.Peek() < 0) return null;
            return Parse(_reader, ref _line, _delimiter);
        }

        private static List<string> Parse(TextReader reader, ref long line, char delimiter)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            while (true)
            {
                int c = reader.Read();
                if (c < 0)
                {
                    fields.Add(field.ToString());
                    line++;
                    return fields;
                }
                char ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n') line++;
                        field.Append(ch);
                    }
                    continue;
                }
                if (ch == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (ch == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (ch == '\n')
                {
                    line++;
                    fields.Add(field.ToString());
                    return fields;
                }
                else if (ch != '\r')
                {
                    field.Append(ch);
                }
            }
        }
    }
}
