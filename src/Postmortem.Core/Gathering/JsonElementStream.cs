using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Streams the elements of one JSON array (at the top level, or under one top-level property, like kubectl's
    /// "items"), parsing one element at a time, so a document of any size is read with memory for the largest
    /// element only. An element is valid until the next one is read.
    /// </summary>
    internal sealed class JsonElementStream
    {
        private readonly Stream _stream;
        private readonly string _source;
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private bool _final;
        private JsonReaderState _state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        private long _linesBefore;

        private JsonElementStream(Stream stream, string source)
        {
            _stream = stream;
            _source = source;
        }

        /// <summary>Each element with the line it starts on.</summary>
        public static IEnumerable<(JsonElement Element, long Line)> Read(Stream stream, string source, string? property)
        {
            var reader = new JsonElementStream(stream, source);
            reader.Fill();
            reader.SkipBom();
            reader.SeekArray(property);
            while (true)
            {
                var next = reader.NextElement();
                if (next is null) yield break;
                var (start, length, line) = next.Value;
                using (var document = Parse(reader._buffer, start, length, source, line))
                {
                    yield return (document.RootElement, line);
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
                Fill();
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
                Fill();
            }
        }

        /// <summary>The next element's place in the buffer, or null at the end of the array. Call Commit after using it.</summary>
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
                Fill();
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

        /// <summary>Moves what is left to the front, grows the buffer when it is full of one element, and reads more.</summary>
        private void Fill()
        {
            if (_final) return;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _final = true;
            _end += read;
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
