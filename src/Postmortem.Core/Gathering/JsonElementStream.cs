using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Streams the elements of one JSON array (at the top level, or under one top-level property, like kubectl's
    /// "items"), parsing one element at a time, so a document of any size is read with memory for the largest
    /// element only. An element is valid until the next one is read. An element longer than the limit is read past a
    /// token at a time and reported as too long, so the buffer never grows past the limit and a block.
    /// </summary>
    internal sealed class JsonElementStream
    {
        private const int Block = 64 * 1024;
        private readonly Stream _stream;
        private readonly string _source;
        private readonly int _maxElement;
        private byte[] _buffer = new byte[Block];
        private int _start;
        private int _end;
        private bool _final;
        private JsonReaderState _state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        private long _linesBefore;

        private JsonElementStream(Stream stream, string source, int maxElement)
        {
            _stream = stream;
            _source = source;
            _maxElement = maxElement;
        }

        /// <summary>Each element with the line it starts on; an element over <paramref name="maxElement"/> bytes comes as TooLong, without its element.</summary>
        public static IEnumerable<(JsonElement Element, long Line, bool TooLong)> Read(Stream stream, string source, string? property, int maxElement = int.MaxValue / 2)
        {
            var reader = new JsonElementStream(stream, source, maxElement);
            reader.Fill();
            reader.SkipBom();
            reader.SeekArray(property);
            while (true)
            {
                var next = reader.NextElement();
                if (next is null) yield break;
                var (start, length, line) = next.Value;
                if (length < 0)
                {
                    reader.SkipElement(line);
                    yield return (default, line, true);
                    continue;
                }
                using (var document = Parse(reader._buffer, start, length, source, line))
                {
                    yield return (document.RootElement, line, false);
                }
                reader.Commit();
            }
        }

        private JsonReaderState _pendingState;
        private int _pendingConsumed;

        private void SeekArray(string? property)
        {
            var first = ReadToken();
            if (property is null)
            {
                if (first.Token != JsonTokenType.StartArray) throw Error("expected a JSON array [ ... ]", _linesBefore + 1);
                return;
            }
            if (first.Token != JsonTokenType.StartObject) throw Error($"expected a JSON object with \"{property}\"", _linesBefore + 1);
            while (true)
            {
                var token = ReadToken();
                if (token.Token == JsonTokenType.EndObject) throw Error($"the JSON object has no \"{property}\" list", _linesBefore + 1);
                if (token.Token != JsonTokenType.PropertyName) continue;
                if (token.Property == property)
                {
                    var value = ReadToken();
                    if (value.Token != JsonTokenType.StartArray) throw Error($"\"{property}\" is not a list", _linesBefore + 1);
                    return;
                }
                SkipValue();
            }
        }

        /// <summary>Reads one token, refilling the buffer as needed, and consumes it.</summary>
        private (JsonTokenType Token, string? Property) ReadToken()
        {
            while (true)
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _final, _state);
                try
                {
                    if (reader.Read())
                    {
                        var result = (reader.TokenType, reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null);
                        Advance((int)reader.BytesConsumed, reader.CurrentState);
                        return result;
                    }
                }
                catch (JsonException ex)
                {
                    throw Error("this is not valid JSON: " + Plain(ex.Message), (ex.LineNumber ?? _linesBefore) + 1, ex);
                }
                if (_final) throw Error("the JSON ends too early", _linesBefore + 1);
                if (!Fill()) throw Error($"a value here is longer than {TimelineGatherer.LimitText} and cannot be read past", _linesBefore + 1);
            }
        }

        private void SkipValue()
        {
            while (true)
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _final, _state);
                try
                {
                    if (reader.Read() && reader.TrySkip())
                    {
                        Advance((int)reader.BytesConsumed, reader.CurrentState);
                        return;
                    }
                }
                catch (JsonException ex)
                {
                    throw Error("this is not valid JSON: " + Plain(ex.Message), (ex.LineNumber ?? _linesBefore) + 1, ex);
                }
                if (_final) throw Error("the JSON ends too early", _linesBefore + 1);
                if (!Fill()) throw Error($"a value here is longer than {TimelineGatherer.LimitText} and cannot be read past", _linesBefore + 1);
            }
        }

        /// <summary>
        /// The next element's place in the buffer, or null at the end of the array. Call Commit after using it. An element
        /// that does not fit in the most the buffer may hold comes with a length of -1: call SkipElement to read past it.
        /// </summary>
        private (int Start, int Length, long Line)? NextElement()
        {
            while (true)
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _final, _state);
                try
                {
                    if (reader.Read())
                    {
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            Advance((int)reader.BytesConsumed, reader.CurrentState);
                            return null;
                        }
                        int elementStart = (int)reader.TokenStartIndex;
                        if (reader.TrySkip())
                        {
                            int consumed = (int)reader.BytesConsumed;
                            long line = _linesBefore + CountLines(_start, elementStart) + 1;
                            _pendingState = reader.CurrentState;
                            _pendingConsumed = consumed;
                            return (_start + elementStart, consumed - elementStart, line);
                        }
                    }
                }
                catch (JsonException ex)
                {
                    throw Error("this is not valid JSON: " + Plain(ex.Message), (ex.LineNumber ?? _linesBefore) + 1, ex);
                }
                if (_final) throw Error("the JSON ends too early: the list is not closed with ]", _linesBefore + CountLines(_start, _end - _start) + 1);
                if (!Fill())
                {
                    // Full, and the element is not whole: it is too long. Where it starts, for the message.
                    var peek = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), false, _state);
                    long line = _linesBefore + 1;
                    if (peek.Read()) line += CountLines(_start, (int)peek.TokenStartIndex);
                    return (0, -1, line);
                }
            }
        }

        /// <summary>Reads past an element too long to keep, a token at a time, throwing its bytes away as it goes.</summary>
        private void SkipElement(long line)
        {
            int depth = 0;
            bool started = false;
            while (true)
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _final, _state);
                try
                {
                    while (reader.Read())
                    {
                        started = true;
                        if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray) depth++;
                        else if (reader.TokenType == JsonTokenType.EndObject || reader.TokenType == JsonTokenType.EndArray) depth--;
                        if (depth == 0)
                        {
                            Advance((int)reader.BytesConsumed, reader.CurrentState);
                            return;
                        }
                    }
                }
                catch (JsonException ex)
                {
                    throw Error("this is not valid JSON: " + Plain(ex.Message), (ex.LineNumber ?? _linesBefore) + 1, ex);
                }
                Advance((int)reader.BytesConsumed, reader.CurrentState);
                if (_final) throw Error("the JSON ends too early", _linesBefore + 1);
                if (!Fill())
                {
                    throw Error(started
                        ? $"a single value in the item that starts on line {line} is longer than {TimelineGatherer.LimitText}; the rest of the file cannot be read past it"
                        : $"the item that starts here is longer than {TimelineGatherer.LimitText} and cannot be read past", _linesBefore + 1);
                }
            }
        }

        private void Commit() => Advance(_pendingConsumed, _pendingState);

        private void Advance(int consumed, JsonReaderState state)
        {
            _linesBefore += CountLines(_start, consumed);
            _start += consumed;
            _state = state;
        }

        private long CountLines(int from, int length)
        {
            long lines = 0;
            for (int i = from; i < from + length; i++)
            {
                if (_buffer[i] == (byte)'\n') lines++;
            }
            return lines;
        }

        private void SkipBom()
        {
            if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF) _start += 3;
        }

        /// <summary>
        /// Moves what is left to the front, grows the buffer when it is full of one element (up to the element limit and a
        /// block), and reads more. False when the buffer is full at that size, so nothing more could be read.
        /// </summary>
        private bool Fill()
        {
            if (_final) return true;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                long most = (long)_maxElement + Block;
                if (_buffer.Length >= most) return false;
                Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, most));
            }
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _final = true;
            _end += read;
            return true;
        }

        private static JsonDocument Parse(byte[] buffer, int start, int length, string source, long line)
        {
            try
            {
                return JsonDocument.Parse(new ReadOnlyMemory<byte>(buffer, start, length), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new TimelineSourceException($"{source}, line {line + (ex.LineNumber ?? 0)}: this is not valid JSON: {ex.Message}", ex);
            }
        }

        // The reader's message ends with its own 0-based position, which the message names already as a line.
        private static string Plain(string message)
        {
            int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return at > 0 ? message.Substring(0, at) : message;
        }

        private TimelineSourceException Error(string problem, long line, Exception? inner = null) =>
            new TimelineSourceException($"{_source}, line {line}: {problem}", inner);
    }
}
