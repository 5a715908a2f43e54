using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Postmortems.Gathering
{
    /// <summary>How the records lie in a source: one JSON array, a list under a property, one object a line, ...</summary>
    internal enum Shape
    {
        JsonArray,
        JsonProperty,
        JsonLines,
        JsonSingle,
        Yaml,
        Csv,
    }

    /// <summary>Tells a source's format and shape from its first bytes, so a large file is still read as a stream.</summary>
    internal static class FormatDetector
    {
        public static (TimelineFormat Format, Shape Shape, string? Property) Detect(byte[] head, int length, TimelineFormat? wanted, string source)
        {
            var text = Encoding.UTF8.GetString(head, 0, length).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (text.Length == 0) throw new TimelineSourceException($"{source}: the source is empty.");
            char first = text[0];

            if (first == '[')
            {
                var names = FirstElementNames(text);
                var format = wanted ?? Guess(names) ?? throw Unknown(source, "a JSON list whose items are none of the known kinds");
                return (format, Shape.JsonArray, null);
            }
            if (first == '{')
            {
                var firstLine = text.Split('\n')[0].Trim();
                var lineNames = CompleteObjectNames(firstLine);
                var top = TopLevel(text);
                if (top.Names.Contains("items") && (wanted ?? TimelineFormat.KubernetesEvents) == TimelineFormat.KubernetesEvents)
                {
                    return (TimelineFormat.KubernetesEvents, Shape.JsonProperty, "items");
                }
                if (top.Names.Contains("alerts") && (wanted ?? TimelineFormat.Alertmanager) == TimelineFormat.Alertmanager)
                {
                    return (TimelineFormat.Alertmanager, Shape.JsonProperty, "alerts");
                }
                if (lineNames is not null && text.IndexOf('\n') >= 0 && text.Substring(text.IndexOf('\n')).TrimStart().StartsWith("{", StringComparison.Ordinal))
                {
                    var format = wanted ?? (lineNames.Contains("__REALTIME_TIMESTAMP") ? TimelineFormat.Journald : TimelineFormat.JsonLines);
                    return (format, Shape.JsonLines, null);
                }
                if (top.Kind == "Event" || top.Names.Contains("involvedObject") || top.Names.Contains("regarding"))
                {
                    return (wanted ?? TimelineFormat.KubernetesEvents, Shape.JsonSingle, null);
                }
                if (lineNames is not null)
                {
                    var format = wanted ?? (lineNames.Contains("__REALTIME_TIMESTAMP") ? TimelineFormat.Journald : TimelineFormat.JsonLines);
                    return (format, Shape.JsonLines, null);
                }
                if (wanted is not null) return (wanted.Value, wanted == TimelineFormat.JsonLines || wanted == TimelineFormat.Journald ? Shape.JsonLines : Shape.JsonSingle, null);
                throw Unknown(source, "a JSON object that is none of the known kinds");
            }
            if (LooksLikeYaml(text))
            {
                if (wanted is not null && wanted != TimelineFormat.KubernetesEvents) throw new TimelineSourceException($"{source}: this is YAML, which only -Format KubernetesEvents (kubectl get events -o yaml) reads.");
                return (TimelineFormat.KubernetesEvents, Shape.Yaml, null);
            }
            if (wanted is null || wanted == TimelineFormat.Csv)
            {
                var header = text.Split('\n')[0];
                if (wanted == TimelineFormat.Csv || header.IndexOf(',') >= 0 || header.IndexOf('\t') >= 0 || header.IndexOf(';') >= 0) return (TimelineFormat.Csv, Shape.Csv, null);
            }
            if (wanted is not null && !LooksLikeAPath(text))
            {
                throw new TimelineSourceException($"{source}: this is not {wanted} content: it is text that is none of the JSON or YAML formats. Leave -Format out to have the format detected, or give the one it is.");
            }
            throw Unknown(source, "text that is none of the known formats", LooksLikeAPath(text) ? text.Trim() : null);
        }

        private static TimelineFormat? Guess(HashSet<string> names)
        {
            if (names.Contains("ts") && (names.Contains("text") || names.Contains("user") || names.Contains("type"))) return TimelineFormat.Slack;
            if (names.Contains("startsAt") || (names.Contains("labels") && names.Contains("annotations"))) return TimelineFormat.Alertmanager;
            if (names.Contains("involvedObject") || names.Contains("regarding")) return TimelineFormat.KubernetesEvents;
            if (names.Contains("__REALTIME_TIMESTAMP")) return TimelineFormat.Journald;
            if (names.Count > 0) return TimelineFormat.JsonLines;
            return null;
        }

        private static TimelineSourceException Unknown(string source, string what, string? path = null) =>
            new TimelineSourceException(path is not null
                ? $"{source}: '{path}' was read as the events' text, not as a file: piped strings are content, such as kubectl's output. Read the file with Import-TimelineEvent -Path '{path}', or pipe it as a file: Get-Item '{path}' | Import-TimelineEvent."
                : $"{source}: cannot tell the format: the content is {what}. Give -Format with one of: {string.Join(", ", Enum.GetNames(typeof(TimelineFormat)).Where(n => n != nameof(TimelineFormat.Text)))}." + PlainTextHint);

        /// <summary>How to read a plain-text log, for the errors of text that no format reads.</summary>
        internal static readonly string PlainTextHint =
            $" A plain-text log is read with -Pattern, a regular expression with the named groups time and message: for lines such as '2026-11-20 14:02:11 ERROR connection refused', -Pattern '{LinePattern.Example}'.";

        // One short line that names a file (a.json, ./logs/x.log, C:\x\y.csv): what someone pipes meaning a path.
        private static bool LooksLikeAPath(string text)
        {
            var line = text.Trim();
            if (line.Length == 0 || line.Length > 260 || line.IndexOf('\n') >= 0) return false;
            int dot = line.LastIndexOf('.');
            if (dot < 0 || dot < Math.Max(line.LastIndexOf('/'), line.LastIndexOf('\\'))) return false;
            var extension = line.Substring(dot).ToLowerInvariant();
            return extension is ".json" or ".jsonl" or ".ndjson" or ".log" or ".csv" or ".tsv" or ".txt" or ".yaml" or ".yml";
        }

        private static bool LooksLikeYaml(string text)
        {
            var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)) ?? string.Empty;
            return line == "---" || line.StartsWith("apiVersion:", StringComparison.Ordinal) || line.StartsWith("items:", StringComparison.Ordinal) || line.StartsWith("kind:", StringComparison.Ordinal);
        }

        /// <summary>The property names of the first object in a JSON list, read from the head alone.</summary>
        private static HashSet<string> FirstElementNames(string text)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), isFinalBlock: false, default);
            try
            {
                while (reader.Read())
                {
                    if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.PropertyName) names.Add(reader.GetString()!);
                    if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndObject) break;
                }
            }
            catch (JsonException)
            {
                // What was read before the error is enough to guess from.
            }
            return names;
        }

        /// <summary>The top-level property names of a JSON object, and its "kind", read from the head alone.</summary>
        private static (HashSet<string> Names, string? Kind) TopLevel(string text)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            string? kind = null;
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), isFinalBlock: false, default);
            try
            {
                while (reader.Read())
                {
                    if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString()!;
                        names.Add(name);
                        if (name == "kind" && reader.Read() && reader.TokenType == JsonTokenType.String) kind = reader.GetString();
                    }
                    if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject) break;
                }
            }
            catch (JsonException)
            {
                // As above.
            }
            return (names, kind);
        }

        /// <summary>The property names of a line that holds one whole JSON object, or null when it does not.</summary>
        private static HashSet<string>? CompleteObjectNames(string line)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    ? new HashSet<string>(document.RootElement.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal)
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
