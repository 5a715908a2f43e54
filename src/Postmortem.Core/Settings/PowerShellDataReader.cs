using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Postmortems.Settings
{
    /// <summary>
    /// Reads a PowerShell data file (.psd1) without PowerShell: hashtables @{ }, arrays @( ) and comma lists,
    /// single- and double-quoted strings (no expansion), whole numbers, $true, $false, $null and comments.
    /// Nothing in the file is run, which is what a settings file should allow anyway. Hashtables come back as
    /// case-insensitive dictionaries, arrays as lists.
    /// </summary>
    public sealed class PowerShellDataReader
    {
        private readonly string _text;
        private readonly string _source;
        private int _position;

        private PowerShellDataReader(string text, string source)
        {
            _text = text;
            _source = source;
        }

        public static object? Parse(string text, string source)
        {
            var reader = new PowerShellDataReader(text ?? throw new ArgumentNullException(nameof(text)), source);
            reader.SkipTrivia(newlines: true);
            var value = reader.ReadValueList();
            reader.SkipTrivia(newlines: true);
            if (!reader.AtEnd) throw reader.Error("expected the end of the file");
            return value;
        }

        private bool AtEnd => _position >= _text.Length;

        private char Current => _text[_position];

        private object? ReadValueList()
        {
            int firstLine = LineAt(_position);
            var first = ReadValue();
            SkipTrivia(newlines: false);
            if (AtEnd || Current != ',') return first;
            var list = new PowerShellDataList();
            list.Add(first, firstLine);
            while (!AtEnd && Current == ',')
            {
                _position++;
                SkipTrivia(newlines: true);
                int line = LineAt(_position);
                list.Add(ReadValue(), line);
                SkipTrivia(newlines: false);
            }
            return list;
        }

        private object? ReadValue()
        {
            if (AtEnd) throw Error("expected a value");
            char c = Current;
            if (c == '@' && Peek(1) == '{') return ReadHashtable();
            if (c == '@' && Peek(1) == '(') return ReadArray();
            if (c == '\'' || c == '\u2018' || c == '\u2019') return ReadSingleQuoted();
            if (c == '"' || c == '\u201C' || c == '\u201D') return ReadDoubleQuoted();
            if (c == '$') return ReadVariable();
            if (char.IsDigit(c) || ((c == '-' || c == '+') && char.IsDigit(Peek(1)))) return ReadNumber();
            throw Error($"'{c}' cannot start a value here; quote text as 'text'");
        }

        private PowerShellDataTable ReadHashtable()
        {
            int start = _position;
            _position += 2;
            var table = new PowerShellDataTable();
            while (true)
            {
                SkipTrivia(newlines: true);
                while (!AtEnd && Current == ';')
                {
                    _position++;
                    SkipTrivia(newlines: true);
                }
                if (AtEnd) throw Error("this @{ is never closed with }", start);
                if (Current == '}')
                {
                    _position++;
                    return table;
                }
                int keyAt = _position;
                var key = ReadKey();
                SkipTrivia(newlines: false);
                if (AtEnd || Current != '=') throw Error($"expected '=' after the key '{key}'");
                _position++;
                SkipTrivia(newlines: true);
                if (table.ContainsKey(key)) throw Error($"the key '{key}' appears twice", keyAt);
                table[key] = ReadValueList();
                table.KeyLines[key] = LineAt(keyAt);
                SkipTrivia(newlines: false);
                if (!AtEnd && Current != ';' && Current != '}' && Current != '\n' && Current != '\r' && Current != '#')
                {
                    throw Error("expected a new line, ';' or '}' after a value");
                }
            }
        }

        private string ReadKey()
        {
            if (Current == '\'' || Current == '"') return Current == '\'' ? ReadSingleQuoted() : ReadDoubleQuoted();
            int start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '_' || Current == '-')) _position++;
            if (start == _position) throw Error($"expected a key, found '{Current}'");
            return _text.Substring(start, _position - start);
        }

        private PowerShellDataList ReadArray()
        {
            int start = _position;
            _position += 2;
            var list = new PowerShellDataList();
            while (true)
            {
                SkipTrivia(newlines: true);
                if (AtEnd) throw Error("this @( is never closed with )", start);
                if (Current == ')')
                {
                    _position++;
                    return list;
                }
                if (Current == ',' || Current == ';')
                {
                    _position++;
                    continue;
                }
                int line = LineAt(_position);
                list.Add(ReadValue(), line);
            }
        }

        private string ReadSingleQuoted()
        {
            int start = _position;
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw Error("this quoted text is never closed", start);
                char c = Current;
                if (IsSingleQuote(c))
                {
                    if (_position + 1 < _text.Length && IsSingleQuote(_text[_position + 1]))
                    {
                        builder.Append(c);
                        _position += 2;
                        continue;
                    }
                    _position++;
                    return builder.ToString();
                }
                builder.Append(c);
                _position++;
            }
        }

        private string ReadDoubleQuoted()
        {
            int start = _position;
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw Error("this quoted text is never closed", start);
                char c = Current;
                if (c == '`' && _position + 1 < _text.Length)
                {
                    char escaped = _text[_position + 1];
                    builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => escaped });
                    _position += 2;
                    continue;
                }
                if (c == '$' && (Peek(1) == '(' || char.IsLetter(Peek(1)) || Peek(1) == '{'))
                {
                    throw Error("a settings file holds data only: use single quotes for text with '$' in it");
                }
                if (IsDoubleQuote(c))
                {
                    if (_position + 1 < _text.Length && IsDoubleQuote(_text[_position + 1]))
                    {
                        builder.Append(c);
                        _position += 2;
                        continue;
                    }
                    _position++;
                    return builder.ToString();
                }
                builder.Append(c);
                _position++;
            }
        }

        private object? ReadVariable()
        {
            int start = _position;
            _position++;
            while (!AtEnd && char.IsLetter(Current)) _position++;
            var name = _text.Substring(start, _position - start);
            if (name.Equals("$true", StringComparison.OrdinalIgnoreCase)) return true;
            if (name.Equals("$false", StringComparison.OrdinalIgnoreCase)) return false;
            if (name.Equals("$null", StringComparison.OrdinalIgnoreCase)) return null;
            throw Error($"'{name}' is a variable; a settings file holds only $true, $false, $null, numbers and quoted text", start);
        }

        private long ReadNumber()
        {
            int start = _position;
            _position++;
            while (!AtEnd && char.IsDigit(Current)) _position++;
            var digits = _text.Substring(start, _position - start);
            if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                throw Error($"'{digits}' is not a whole number", start);
            }
            return number;
        }

        private void SkipTrivia(bool newlines)
        {
            while (!AtEnd)
            {
                char c = Current;
                if (c == '#')
                {
                    while (!AtEnd && Current != '\n') _position++;
                }
                else if (c == '<' && Peek(1) == '#')
                {
                    int start = _position;
                    var end = _text.IndexOf("#>", _position + 2, StringComparison.Ordinal);
                    if (end < 0) throw Error("this <# comment is never closed with #>", start);
                    _position = end + 2;
                }
                else if (c == '`' && (Peek(1) == '\n' || Peek(1) == '\r'))
                {
                    _position += 2;
                }
                else if ((c == '\n' || c == '\r') && newlines)
                {
                    _position++;
                }
                else if (c != '\n' && c != '\r' && char.IsWhiteSpace(c))
                {
                    _position++;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

        private static bool IsSingleQuote(char c) => c == '\'' || c == '\u2018' || c == '\u2019';

        private static bool IsDoubleQuote(char c) => c == '"' || c == '\u201C' || c == '\u201D';

        private int LineAt(int position)
        {
            int line = 1;
            for (int i = 0; i < position && i < _text.Length; i++)
            {
                if (_text[i] == '\n') line++;
            }
            return line;
        }

        private SettingsFormatException Error(string problem, int? at = null)
        {
            int position = Math.Min(at ?? _position, _text.Length);
            int line = 1, column = 1;
            for (int i = 0; i < position; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
            return new SettingsFormatException($"{_source}, line {line}, column {column}: {problem}.", _source, line);
        }
    }

    /// <summary>A hashtable read from a data file, with the line each key is on, so later checks can name it.</summary>
    public sealed class PowerShellDataTable : Dictionary<string, object?>
    {
        public PowerShellDataTable() : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public Dictionary<string, int> KeyLines { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;
    }

    /// <summary>An array read from a data file, with the line each item is on.</summary>
    public sealed class PowerShellDataList : List<object?>
    {
        public List<int> ItemLines { get; } = new List<int>();

        public void Add(object? item, int line)
        {
            Add(item);
            ItemLines.Add(line);
        }
    }

    /// <summary>A settings file that cannot be read; the message names the file and the line.</summary>
    public sealed class SettingsFormatException : FormatException
    {
        public SettingsFormatException(string message, string source, int line) : base(message)
        {
            Source = source;
            Line = line;
        }

        public new string Source { get; }

        public int Line { get; }
    }
}
