using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Postmortems.Serialization;

namespace Postmortems.Gathering
{
    /// <summary>One record of a source (a JSON object, a YAML mapping, a CSV row), read by path the same way whatever it came from.</summary>
    internal abstract class Record
    {
        /// <summary>The text at a path of property names; null when missing or null. Numbers and booleans come as their text.</summary>
        public abstract string? Text(params string[] path);

        public abstract IEnumerable<Record> List(params string[] path);

        /// <summary>The names of the record's own properties.</summary>
        public abstract IEnumerable<string> Names();

        /// <summary>Whether the record's own properties are these, in this order (false when a record cannot tell cheaply).</summary>
        public virtual bool HasNames(IReadOnlyList<string> names) => false;
    }

    internal sealed class JsonRecord : Record
    {
        private readonly JsonElement _element;

        public JsonRecord(JsonElement element) => _element = element;

        public override string? Text(params string[] path)
        {
            if (!TryGet(path, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.GetRawText();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number):
                    // journald writes a MESSAGE that is not valid UTF-8 as an array of bytes.
                    return Encoding.UTF8.GetString(value.EnumerateArray().Select(v => (byte)v.GetInt32()).ToArray());
                default: return null;
            }
        }

        public override IEnumerable<Record> List(params string[] path)
        {
            if (!TryGet(path, out var value) || value.ValueKind != JsonValueKind.Array) yield break;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object) yield return new JsonRecord(item);
            }
        }

        public override IEnumerable<string> Names() =>
            _element.ValueKind == JsonValueKind.Object ? _element.EnumerateObject().Select(p => p.Name) : Enumerable.Empty<string>();

        // Compared in place, without reading the names out as strings.
        public override bool HasNames(IReadOnlyList<string> names)
        {
            if (_element.ValueKind != JsonValueKind.Object) return false;
            int i = 0;
            foreach (var property in _element.EnumerateObject())
            {
                if (i >= names.Count || !property.NameEquals(names[i])) return false;
                i++;
            }
            return i == names.Count;
        }

        private bool TryGet(string[] path, out JsonElement value)
        {
            value = _element;
            foreach (var name in path)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value)) return false;
            }
            return value.ValueKind != JsonValueKind.Null && value.ValueKind != JsonValueKind.Undefined;
        }
    }

    internal sealed class YamlRecord : Record
    {
        private readonly YamlNode _node;

        public YamlRecord(YamlNode node) => _node = node;

        public long Line => _node.Line;

        public override string? Text(params string[] path) =>
            Get(path) is YamlScalar scalar && !scalar.IsNull ? scalar.Value : null;

        public override IEnumerable<Record> List(params string[] path) =>
            Get(path) is YamlSequence sequence ? sequence.Items.OfType<YamlMapping>().Select(m => (Record)new YamlRecord(m)) : Enumerable.Empty<Record>();

        public override IEnumerable<string> Names() =>
            _node is YamlMapping mapping ? mapping.Entries.Select(e => e.Key.Value) : Enumerable.Empty<string>();

        private YamlNode? Get(string[] path)
        {
            YamlNode? node = _node;
            foreach (var name in path)
            {
                if (node is not YamlMapping mapping) return null;
                node = mapping.Entries.FirstOrDefault(e => e.Key.Value == name).Value;
            }
            return node;
        }
    }

    internal sealed class FlatRecord : Record
    {
        private readonly Dictionary<string, string> _values;
        private readonly List<string> _names;

        public FlatRecord(List<string> names, Dictionary<string, string> values)
        {
            _names = names;
            _values = values;
        }

        public override string? Text(params string[] path) =>
            path.Length == 1 && _values.TryGetValue(path[0], out var value) && value.Length > 0 ? value : null;

        public override IEnumerable<Record> List(params string[] path) => Enumerable.Empty<Record>();

        public override IEnumerable<string> Names() => _names;
    }

    /// <summary>Times as sources write them, read by the one time reader (TimelineTime) with the source's -TimeFormat, -Culture and zone.</summary>
    internal static class SourceTime
    {
        public static bool TryParse(string? text, DateTime? date, out DateTime utc, out string? problem) => TryParse(text, date, null, out utc, out problem);

        public static bool TryParse(string? text, DateTime? date, TimeReading? reading, out DateTime utc, out string? problem) =>
            TryParse(text, date, reading, out utc, out problem, out _);

        /// <summary>As TryParse; ambiguous is true when the time was refused because its day and month could be swapped.</summary>
        public static bool TryParse(string? text, DateTime? date, TimeReading? reading, out DateTime utc, out string? problem, out bool ambiguous)
        {
            utc = default;
            problem = null;
            ambiguous = false;
            if (text is null || text.Trim().Length == 0)
            {
                problem = "it has no time";
                return false;
            }
            if (TimelineTime.TryParse(text, date, reading, out utc, out var why, out ambiguous)) return true;
            // A time of day with no day to put it on: the day comes from the reader here, not from a postmortem.
            problem = date is null && TimelineTime.TryParse(text, new DateTime(2000, 1, 1), reading, out _, out _)
                ? $"'{text.Trim()}' is a time of day, and no day was given to put it on. Give Import-TimelineEvent -Date 2026-11-20, say"
                : why;
            return false;
        }
    }
}
