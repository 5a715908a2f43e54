using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Postmortems.IO;
using Postmortems.Serialization;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Gathers timeline events from where they live: Kubernetes events, Alertmanager alerts, a Slack channel export,
    /// journald, or any CSV or JSON-lines log. Reads as a stream; a record that cannot be read is reported as a
    /// problem with its line and the rest is still read. UTF-8 and UTF-16 are read; content that is not text is refused.
    /// </summary>
    public static class TimelineGatherer
    {
        private const int HeadBytes = 64 * 1024;

        /// <summary>
        /// The most one record may hold: a JSON line, a journald entry, a CSV row, one item of a JSON list. Far above any
        /// real event (a few hundred bytes; a stack trace a few KB); a longer one is that record's error and is read past,
        /// with memory for this much at most.
        /// </summary>
        public const int MaxRecordBytes = 1024 * 1024;

        /// <summary>The most a kubectl YAML export may hold: YAML is read whole (kubectl's JSON is read as a stream, without this limit).</summary>
        public const int MaxYamlBytes = 32 * 1024 * 1024;

        internal const string LimitText = "1 MiB";

        /// <summary>The milestone each format marks its first event with when -Milestone is not given.</summary>
        public static Milestone DefaultMilestone(TimelineFormat format) =>
            format == TimelineFormat.Alertmanager ? Milestone.FirstSymptom : Milestone.None;

        /// <summary>
        /// The events and problems of a source, read lazily: nothing is read, not even to tell the format, until the
        /// first item is asked for, so every failure surfaces while enumerating.
        /// </summary>
        public static IEnumerable<GatheredItem> Read(Stream stream, string source, GatherOptions options)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            foreach (var item in ReadNow(stream, source, options)) yield return item;
        }

        private static IEnumerable<GatheredItem> ReadNow(Stream stream, string source, GatherOptions options)
        {
            var head = Head(stream, out int length);
            var sniff = TextSniffer.Sniff(head, length);
            if (sniff.Kind == TextKind.NotText)
            {
                throw new TimelineSourceException($"{source}: this is not text ({sniff.Why}), so it holds no events. Give a log, an export or a CSV file.");
            }
            Stream whole = new ReplayStream(head, length, stream);
            if (sniff.IsUtf16)
            {
                // Read as the UTF-8 it becomes, from its first bytes on, so every reader below sees UTF-8.
                whole = new Utf16ToUtf8Stream(whole, sniff.Kind == TextKind.Utf16BigEndian);
                head = Head(whole, out length);
                whole = new ReplayStream(head, length, whole);
            }
            var (format, shape, property) = FormatDetector.Detect(head, length, options.Format, source);
            var items = Records(format, shape, property, whole, source, options);
            return Select(items, format, options);
        }

        private static byte[] Head(Stream stream, out int length)
        {
            var head = new byte[HeadBytes];
            int read;
            length = 0;
            while (length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0) length += read;
            return head;
        }

        public static IEnumerable<GatheredItem> Read(string text, string source, GatherOptions options) =>
            Read(new MemoryStream(new UTF8Encoding(false).GetBytes(text)), source, options);

        /// <summary>Applies the window and marks the first event (the earliest kept) with the milestone, holding back one event at most.</summary>
        private static IEnumerable<GatheredItem> Select(IEnumerable<(GatheredItem Item, bool Candidate)> items, TimelineFormat format, GatherOptions options)
        {
            var milestone = options.Milestone ?? DefaultMilestone(format);
            bool anyCandidate = options.Milestone is not null;
            GatheredItem? held = null;
            foreach (var (item, candidate) in items)
            {
                if (item.Event is not TimelineEvent e)
                {
                    yield return item;
                    continue;
                }
                if (options.Since is DateTime since && e.UtcTime < since) continue;
                if (options.Until is DateTime until && e.UtcTime > until) continue;
                if (milestone == Milestone.None || !(candidate || anyCandidate))
                {
                    yield return item;
                    continue;
                }
                if (held is null)
                {
                    held = item;
                }
                else if (e.UtcTime < held.Value.Event!.UtcTime)
                {
                    yield return held.Value;
                    held = item;
                }
                else
                {
                    yield return item;
                }
            }
            if (held is GatheredItem first)
            {
                yield return GatheredItem.Of(first.Event!.WithMilestone(milestone), first.Line, first.Record);
            }
        }

        private static IEnumerable<(GatheredItem, bool)> Records(TimelineFormat format, Shape shape, string? property, Stream stream, string source, GatherOptions options)
        {
            switch (shape)
            {
                case Shape.JsonArray:
                case Shape.JsonProperty:
                    return Map(format, JsonElementStream.Read(stream, source, property, MaxRecordBytes)
                        .Select(x => x.TooLong ? ((Record?)null, x.Line, TooLongItem) : ((Record?)new JsonRecord(x.Element), x.Line, (string?)null)), source, options);
                case Shape.JsonSingle:
                    return Map(format, Single(stream, source), source, options);
                case Shape.JsonLines:
                    return Map(format, JsonLines(stream, source), source, options);
                case Shape.Yaml:
                    return Map(format, Yaml(stream, source), source, options);
                default:
                    return Map(format, Csv(stream, source), source, options);
            }
        }

        // ---- Record sources: each record with its line, or null and why it was skipped.

        private const string NotJson = "this line is not valid JSON, so it was skipped.";
        private const string TooLongLine = "this line is longer than " + LimitText + " (the most one record may hold), so it was skipped.";
        private const string TooLongItem = "the item is longer than " + LimitText + " (the most one record may hold), so it was skipped.";

        private static IEnumerable<(Record?, long, string?)> Single(Stream stream, string source)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(new LimitedStream(stream, MaxRecordBytes, () => new TimelineSourceException(
                    $"{source}: the JSON object is longer than {LimitText}, the most one record may hold. A kubectl list (-o json) or JSON lines are read an item at a time.")));
            }
            catch (JsonException ex)
            {
                throw new TimelineSourceException($"{source}, line {(ex.LineNumber ?? 0) + 1}: this is not valid JSON: {ex.Message}", ex);
            }
            using (document) yield return (new JsonRecord(document.RootElement), 1, null);
        }

        private static readonly JsonDocumentOptions LineOptions = default;

        private static IEnumerable<(Record?, long, string?)> JsonLines(Stream stream, string source)
        {
            var reader = new LineReader(stream, MaxRecordBytes);
            while (reader.Next(out var bytes, out bool tooLong))
            {
                long line = reader.LineNumber;
                if (tooLong)
                {
                    yield return (null, line, TooLongLine);
                    continue;
                }
                if (IsBlank(bytes.Span)) continue;
                var document = ParseLine(bytes);
                if (document is null)
                {
                    yield return (null, line, NotJson);
                    continue;
                }
                using (document) yield return (new JsonRecord(document.RootElement), line, null);
            }
        }

        // Parsed in place from the reader's buffer (the document is used before the next line is read); a line that is
        // not valid UTF-8 is read as text with its bad bytes replaced, as a text reader would.
        private static JsonDocument? ParseLine(ReadOnlyMemory<byte> bytes)
        {
            try
            {
                return JsonDocument.Parse(bytes, LineOptions);
            }
            catch (JsonException)
            {
                // Tried again as text below.
            }
            try
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(bytes.ToArray()), LineOptions);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static bool IsBlank(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r') return false;
            }
            return true;
        }

        private static IEnumerable<(Record?, long, string?)> Yaml(Stream stream, string source)
        {
            var text = YamlText(stream, source);
            YamlNode? root;
            try
            {
                root = YamlTree.Parse(text, source);
            }
            catch (PostmortemFormatException ex)
            {
                throw new TimelineSourceException(ex.Message, ex);
            }
            if (root is null) yield break;
            var record = new YamlRecord(root);
            var items = record.List("items").ToList();
            if (items.Count == 0 && record.Text("kind") == "Event") items.Add(record);
            foreach (YamlRecord item in items) yield return (item, item.Line, null);
        }

        // The whole YAML text, up to its limit, with no line over a record's limit (YAML is parsed whole, so a line
        // cannot be skipped: either stops the file).
        private static string YamlText(Stream stream, string source)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = new StringBuilder();
            var block = new char[64 * 1024];
            long line = 1;
            int lineLength = 0, read;
            while ((read = reader.Read(block, 0, block.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    if (block[i] == '\n')
                    {
                        line++;
                        lineLength = 0;
                    }
                    else if (++lineLength > MaxRecordBytes)
                    {
                        throw new TimelineSourceException($"{source}, line {line}: this line is longer than {LimitText}, the most one line of a YAML export may hold. Check this is the file you meant.");
                    }
                }
                if (text.Length + read > MaxYamlBytes)
                {
                    throw new TimelineSourceException($"{source}: the YAML export is larger than {MaxYamlBytes / (1024 * 1024)} MB, the most a YAML export is read whole up to. Export it as JSON (kubectl get events -o json), which is read an item at a time, whatever its size.");
                }
                text.Append(block, 0, read);
            }
            return text.ToString();
        }

        private static IEnumerable<(Record?, long, string?)> Csv(Stream stream, string source)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var csv = new CsvReader(reader, source);
            var header = csv.Header;
            if (header is null) yield break;
            var names = header.Select(h => h.Trim()).ToList();
            while (true)
            {
                var row = csv.ReadRow(out long line, out string? problem);
                if (row is null) yield break;
                if (problem is not null)
                {
                    yield return (null, line, $"{problem}.");
                    continue;
                }
                if (row.Count == 1 && row[0].Trim().Length == 0) continue;
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < names.Count && i < row.Count; i++) values[names[i]] = row[i];
                yield return (new FlatRecord(names, values), line, null);
            }
        }

        // ---- Records to events

        private static IEnumerable<(GatheredItem, bool)> Map(TimelineFormat format, IEnumerable<(Record? Record, long Line, string? Skipped)> records, string source, GatherOptions options)
        {
            long number = 0;
            string? timeName = null, messageName = null;
            (string Name, string[] Path) timePath = default, messagePath = default;
            List<string>? lineNames = null;
            bool resolvedNames = false;
            foreach (var (record, line, skipped) in records)
            {
                number++;
                if (record is null)
                {
                    yield return (GatheredItem.Failed($"{Where(source, line, number)}: {skipped ?? NotJson}", line, number), false);
                    continue;
                }
                // A JSON line with the same properties as the one before (as log lines usually are) has the same columns.
                if (format == TimelineFormat.JsonLines && lineNames is not null && record.HasNames(lineNames)) { }
                else if ((format == TimelineFormat.Csv || format == TimelineFormat.JsonLines) && !resolvedNames)
                {
                    lineNames = null;
                    var problem = Columns(record, source, options, out timeName, out messageName, out var names);
                    if (problem is not null)
                    {
                        // A CSV header without the column fails every row: the source cannot be read. A JSON line
                        // without the property is that line's problem only.
                        if (format == TimelineFormat.Csv) throw new TimelineSourceException(problem);
                        yield return (GatheredItem.Failed($"{problem.Replace(source + ":", $"{source}, line {line}:")} The line was skipped.", line, number), false);
                        continue;
                    }
                    resolvedNames = format == TimelineFormat.Csv;
                    lineNames = names;
                }
                IEnumerable<(string? Time, string? Text, bool Candidate, string Source, Milestone Milestone)> events = format switch
                {
                    TimelineFormat.KubernetesEvents => Kubernetes(record),
                    TimelineFormat.Alertmanager => Alertmanager(record),
                    TimelineFormat.Slack => Slack(record, options.Reaction),
                    TimelineFormat.Journald => Journald(record),
                    _ => Tabular(record, format, PathOf(timeName!, ref timePath), PathOf(messageName!, ref messagePath)),
                };
                foreach (var (time, text, candidate, eventSource, milestone) in events)
                {
                    if (!SourceTime.TryParse(time, options.Date, options.Time, out var utc, out var problem))
                    {
                        yield return (GatheredItem.Failed($"{Where(source, line, number)}: {problem!.TrimEnd('.')}; the record was skipped.", line, number), false);
                        continue;
                    }
                    // Blank is what Text.Normalize reads as no text; the event normalizes the rest itself.
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        yield return (GatheredItem.Failed($"{Where(source, line, number)}: the record has no text, so it was skipped.", line, number), false);
                        continue;
                    }
                    yield return (GatheredItem.Of(new TimelineEvent(utc, text!, milestone, eventSource), line, number), candidate);
                }
            }
        }

        private static string Where(string source, long line, long number) =>
            line > 0 ? $"{source}, line {line} (record {number})" : $"{source}, record {number}";

        // A dotted name as its path of property names, split once while the name stays the same from record to record.
        private static string[] PathOf(string name, ref (string Name, string[] Path) cached)
        {
            if (!string.Equals(cached.Name, name, StringComparison.Ordinal)) cached = (name, name.Split('.'));
            return cached.Path;
        }

        private static readonly string[] MilestoneLower = { "milestone" }, MilestoneUpper = { "Milestone" }, SourceLower = { "source" }, SourceUpper = { "Source" };

        /// <summary>Finds the time and text columns; returns the problem when one is missing.</summary>
        private static string? Columns(Record record, string source, GatherOptions options, out string? time, out string? message, out List<string> names)
        {
            names = record.Names().ToList();
            time = options.TimeProperty is string t && t.Contains('.') ? t : Names.Find(names, options.TimeProperty, Names.Time);
            message = options.MessageProperty is string m && m.Contains('.') ? m : Names.Find(names, options.MessageProperty, Names.Message);
            if (time is not null && message is not null) return null;
            var available = string.Join(", ", names);
            if (time is null)
            {
                return options.TimeProperty is null
                    ? $"{source}: no column or property holds the time (looked for {string.Join(", ", Names.Time)}). Name it with -TimeProperty; the record has: {available}."
                    : $"{source}: there is no '{options.TimeProperty}' (-TimeProperty); the record has: {available}.";
            }
            if (message is null)
            {
                return options.MessageProperty is null
                    ? $"{source}: no column or property holds the text (looked for {string.Join(", ", Names.Message)}). Name it with -MessageProperty; the record has: {available}."
                    : $"{source}: there is no '{options.MessageProperty}' (-MessageProperty); the record has: {available}.";
            }
            return null;
        }

        private static IEnumerable<(string?, string?, bool, string, Milestone)> Tabular(Record record, TimelineFormat format, string[] timePath, string[] messagePath)
        {
            var milestoneText = record.Text(MilestoneLower) ?? record.Text(MilestoneUpper);
            var milestone = milestoneText is not null && Enum.TryParse<Milestone>(milestoneText, ignoreCase: true, out var m) && Enum.IsDefined(typeof(Milestone), m) ? m : Milestone.None;
            var eventSource = record.Text(SourceLower) ?? record.Text(SourceUpper) ?? (format == TimelineFormat.Csv ? "csv" : "jsonlines");
            yield return (record.Text(timePath), record.Text(messagePath), true, eventSource, milestone);
        }

        private static IEnumerable<(string?, string?, bool, string, Milestone)> Kubernetes(Record r)
        {
            var time = r.Text("eventTime") ?? r.Text("firstTimestamp") ?? r.Text("deprecatedFirstTimestamp") ?? r.Text("lastTimestamp") ?? r.Text("metadata", "creationTimestamp");
            var subject = r.Text("involvedObject", "kind") is not null ? "involvedObject" : "regarding";
            var kind = r.Text(subject, "kind");
            var name = r.Text(subject, "name");
            var ns = r.Text(subject, "namespace");
            var what = kind is null ? name : $"{kind} {(ns is null ? "" : ns + "/")}{name}";
            var reason = r.Text("reason");
            var message = r.Text("message") ?? r.Text("note");
            var count = r.Text("count") ?? r.Text("series", "count") ?? r.Text("deprecatedCount");
            var last = r.Text("lastTimestamp") ?? r.Text("series", "lastObservedTime") ?? r.Text("deprecatedLastTimestamp");
            var text = new StringBuilder();
            if (what is not null) text.Append(what).Append(": ");
            if (reason is not null) text.Append(reason).Append(message is null ? "" : ": ");
            if (message is not null) text.Append(message.Trim());
            if (long.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var times) && times > 1)
            {
                text.Append(" (").Append(times.ToString(CultureInfo.InvariantCulture)).Append(" times");
                if (last is not null && SourceTime.TryParse(last, null, out var lastUtc, out _)) text.Append(", last at ").Append(lastUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC");
                text.Append(')');
            }
            yield return (time, text.ToString(), true, "kubectl", Milestone.None);
        }

        private static IEnumerable<(string?, string?, bool, string, Milestone)> Alertmanager(Record r)
        {
            var name = r.Text("labels", "alertname") ?? "alert";
            var summary = r.Text("annotations", "summary") ?? r.Text("annotations", "description") ?? r.Text("annotations", "message");
            var target = r.Text("labels", "instance") ?? r.Text("labels", "pod") ?? r.Text("labels", "service");
            var label = target is null ? name : $"{name} ({target})";
            // The webhook says "firing"/"resolved"; the v2 API's list has status.state "active" and holds firing alerts only.
            var status = r.Text("status") ?? r.Text("status", "state") ?? "firing";
            yield return (r.Text("startsAt"), $"Alert {label} firing" + (summary is null ? "" : ": " + summary), true, "alertmanager", Milestone.None);
            var endsAt = r.Text("endsAt");
            if (status == "resolved" && endsAt is not null && !endsAt.StartsWith("0001-", StringComparison.Ordinal))
            {
                yield return (endsAt, $"Alert {label} resolved", false, "alertmanager", Milestone.None);
            }
        }

        private static IEnumerable<(string?, string?, bool, string, Milestone)> Slack(Record r, string? reaction)
        {
            var subtype = r.Text("subtype");
            if (subtype is "channel_join" or "channel_leave" or "channel_topic" or "channel_purpose") yield break;
            if (reaction is not null)
            {
                var wanted = reaction.Trim(':');
                if (!r.List("reactions").Any(x => (x.Text("name") ?? "").Split(new[] { "::" }, StringSplitOptions.None)[0].Equals(wanted, StringComparison.OrdinalIgnoreCase))) yield break;
            }
            var who = NonEmpty(r.Text("user_profile", "display_name")) ?? NonEmpty(r.Text("user_profile", "real_name")) ?? r.Text("username") ?? r.Text("bot_profile", "name") ?? r.Text("user");
            var text = SlackText(r.Text("text"));
            if (text is null || text.Trim().Length == 0) yield break;
            yield return (r.Text("ts"), who is null ? text : $"{who}: {text}", true, "slack", Milestone.None);
        }

        private static readonly Regex SlackMarkup = new Regex(@"<([@#!]?)([^>|]+)(?:\|([^>]*))?>", RegexOptions.CultureInvariant);

        // Slack escapes &, < and >, and wraps mentions and links in <...>: show them as a person reads them.
        private static string? SlackText(string? text)
        {
            if (text is null) return null;
            var plain = SlackMarkup.Replace(text, m =>
            {
                var kind = m.Groups[1].Value;
                var target = m.Groups[2].Value;
                var label = m.Groups[3].Success ? m.Groups[3].Value : null;
                switch (kind)
                {
                    case "@": return "@" + (label ?? target);
                    case "#": return "#" + (label ?? target);
                    case "!": return "@" + (label ?? target);
                    default: return label is null ? target : $"{label} ({target})";
                }
            });
            return plain.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
        }

        private static IEnumerable<(string?, string?, bool, string, Milestone)> Journald(Record r)
        {
            var unit = r.Text("_SYSTEMD_UNIT") ?? r.Text("SYSLOG_IDENTIFIER") ?? r.Text("_COMM");
            var message = r.Text("MESSAGE");
            var host = r.Text("_HOSTNAME");
            var who = unit is null ? host : host is null ? unit : $"{unit} on {host}";
            yield return (r.Text("__REALTIME_TIMESTAMP"), who is null ? message : $"{who}: {message}", true, "journald", Milestone.None);
        }

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>Reads the head that format detection looked at, then the rest of the stream.</summary>
    internal sealed class ReplayStream : Stream
    {
        private readonly byte[] _head;
        private readonly int _length;
        private readonly Stream _rest;
        private int _position;

        public ReplayStream(byte[] head, int length, Stream rest)
        {
            _head = head;
            _length = length;
            _rest = rest;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < _length)
            {
                int n = Math.Min(count, _length - _position);
                Buffer.BlockCopy(_head, _position, buffer, offset, n);
                _position += n;
                return n;
            }
            return _rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
