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
        public static IEnumerable<GatheredItem> Read(Stream stream, string source, GatherOptions options) => Read(stream, source, options, new GatherReport());

        /// <summary>
        /// As Read, and fills <paramref name="report"/> as it goes: the format, the counts, and once the source is read
        /// to its end, warnings for a -Reaction no message had and a source that gave no events.
        /// </summary>
        public static IEnumerable<GatheredItem> Read(Stream stream, string source, GatherOptions options, GatherReport report)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            if (report is null) throw new ArgumentNullException(nameof(report));
            if (options is null) throw new ArgumentNullException(nameof(options));
            options = options.ForSource();
            foreach (var item in ReadNow(stream, source, options, report))
            {
                if (item.Event is null) report.Failed++;
                else report.Kept++;
                yield return item;
            }
            Warn(source, options, report);
        }

        private static void Warn(string source, GatherOptions options, GatherReport report)
        {
            var c = CultureInfo.InvariantCulture;
            if (report.AmbiguousAfterFirst > 0)
            {
                report.Warn($"{source}: {report.AmbiguousAfterFirst.ToString("N0", c)} more record{(report.AmbiguousAfterFirst == 1 ? "" : "s")} (up to line {report.LastAmbiguousLine.ToString("N0", c)}) had dates that read two ways, as the one reported, and were skipped too. "
                    + "Give -Culture (de-DE reads day first, en-US month first) or -TimeFormat, and import again.");
            }
            if (options.Time is TimeReading reading && reading.ReadByLearnedOrder > 0)
            {
                var order = reading.LearnedDayFirst == true ? "day first" : "month first";
                report.Warn($"{source}: {reading.ReadByLearnedOrder.ToString("N0", c)} date{(reading.ReadByLearnedOrder == 1 ? "" : "s")} that could read two ways {(reading.ReadByLearnedOrder == 1 ? "was" : "were")} read {order}, as '{reading.LearnedFrom}' in the same source shows. "
                    + "If that is wrong, give -Culture or -TimeFormat.");
            }
            if (report.Format == TimelineFormat.Slack && options.Reaction is string reaction && report.ReactionMatches == 0)
            {
                var found = report.Reactions.Count == 0 ? "no message there has a reaction" : "the reactions there are: " + string.Join(", ", report.Reactions.Keys);
                report.Warn($"{source}: no message is marked with the reaction '{reaction.Trim(':')}' (-Reaction), so none was kept; {found}. Give one of those names, without the colons.");
                return;
            }
            if (report.Kept > 0 || report.Read == 0 || report.Failed == report.Read) return;
            if (report.OutsideWindow > 0)
            {
                var window = options.Since is DateTime since && options.Until is DateTime until ? $"between -Since {Shown(since)} and -Until {Shown(until)}"
                    : options.Since is DateTime from ? $"at or after -Since {Shown(from)}" : $"at or before -Until {Shown(options.Until!.Value)}";
                report.Warn($"{source}: {Records(report.Read)} read as {report.Format}, and none of its {report.OutsideWindow.ToString("N0", CultureInfo.InvariantCulture)} events falls {window} (UTC). "
                    + "Check -Since and -Until, and -Date, -TimeZone or -UtcOffset if the source's times are local.");
            }
            else if (report.Format == TimelineFormat.Text)
            {
                report.Warn($"{source}: none of its {report.Read.ToString("N0", CultureInfo.InvariantCulture)} lines matched -Pattern '{options.Pattern!.Text}', so no event was read. Check the pattern against a line of the log; for a line like '2026-11-20 14:02:11 ERROR connection refused', -Pattern '{LinePattern.Example}'.");
            }
            else
            {
                report.Warn($"{source}: {Records(report.Read)} read as {report.Format}{(options.Format is null ? " (detected)" : " (-Format)")}, and none gave an event. " +
                    (options.Format is null ? "Give -Format with the format it is." : "Check that -Format is the one it is, or leave it out to have the format detected."));
            }
        }

        private static string Shown(DateTime utc) => utc.ToString(utc.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static string Records(long count) => count == 1 ? "1 record was" : count.ToString("N0", CultureInfo.InvariantCulture) + " records were";

        private static IEnumerable<GatheredItem> ReadNow(Stream stream, string source, GatherOptions options, GatherReport report)
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
            TimelineFormat format;
            IEnumerable<(GatheredItem, bool)> items;
            if (options.Pattern is not null || options.Format == TimelineFormat.Text)
            {
                if (options.Pattern is null) throw new TimelineSourceException($"{source}: -Format Text reads a plain-text log with -Pattern, a regular expression with the named groups time and message; give -Pattern, for example '{LinePattern.Example}'.");
                if (options.Format is TimelineFormat wanted && wanted != TimelineFormat.Text) throw new TimelineSourceException($"{source}: -Pattern reads plain-text logs, and -Format {wanted} is not one. Leave -Format out, or give -Format Text.");
                format = TimelineFormat.Text;
                report.Format = format;
                items = TextLog.Read(whole, source, options, report);
            }
            else
            {
                Shape shape;
                string? property;
                (format, shape, property) = FormatDetector.Detect(head, length, options.Format, source);
                report.Format = format;
                items = Records(format, shape, property, whole, source, options, report);
            }
            if (options.Collapse is TimeSpan span) items = EventCollapser.Collapse(items, span, options, report);
            return Select(items, format, options, report);
        }

        private static byte[] Head(Stream stream, out int length)
        {
            var head = new byte[HeadBytes];
            int read;
            length = 0;
            while (length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0) length += read;
            return head;
        }

        public static IEnumerable<GatheredItem> Read(string text, string source, GatherOptions options) => Read(text, source, options, new GatherReport());

        public static IEnumerable<GatheredItem> Read(string text, string source, GatherOptions options, GatherReport report) =>
            Read(new MemoryStream(new UTF8Encoding(false).GetBytes(text)), source, options, report);

        /// <summary>Applies the window and marks the first event (the earliest kept) with the milestone, holding back one event at most.</summary>
        private static IEnumerable<GatheredItem> Select(IEnumerable<(GatheredItem Item, bool Candidate)> items, TimelineFormat format, GatherOptions options, GatherReport report)
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
                if ((options.Since is DateTime since && e.UtcTime < since) || (options.Until is DateTime until && e.UtcTime > until))
                {
                    report.Skipped++;
                    report.OutsideWindow++;
                    continue;
                }
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

        private static IEnumerable<(GatheredItem, bool)> Records(TimelineFormat format, Shape shape, string? property, Stream stream, string source, GatherOptions options, GatherReport report)
        {
            switch (shape)
            {
                case Shape.JsonArray:
                case Shape.JsonProperty:
                    return Map(format, JsonElementStream.Read(stream, source, property, MaxRecordBytes)
                        .Select(x => x.TooLong ? ((Record?)null, x.Line, TooLongItem) : ((Record?)new JsonRecord(x.Element), x.Line, (string?)null)), source, options, report);
                case Shape.JsonSingle:
                    return Map(format, Single(stream, source), source, options, report);
                case Shape.JsonLines:
                    return Map(format, JsonLines(stream, source), source, options, report);
                case Shape.Yaml:
                    return Map(format, Yaml(stream, source), source, options, report);
                default:
                    return Map(format, Csv(stream, source), source, options, report);
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

        private static IEnumerable<(GatheredItem, bool)> Map(TimelineFormat format, IEnumerable<(Record? Record, long Line, string? Skipped)> records, string source, GatherOptions options, GatherReport report)
        {
            long number = 0;
            string? timeName = null, messageName = null;
            (string Name, string[] Path) timePath = default, messagePath = default;
            List<string>? lineNames = null;
            bool resolvedNames = false;
            var slackUsers = format == TimelineFormat.Slack ? new Lazy<IReadOnlyDictionary<string, string>?>(() => SlackUserNames(options)) : null;
            foreach (var (record, line, skipped) in records)
            {
                number++;
                report.Read++;
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
                        // A header that starts with a date is a log line with a comma in it, read as CSV: say how to read a log.
                        if (format == TimelineFormat.Csv) throw new TimelineSourceException(names.Count > 0 && names[0].Length > 0 && char.IsDigit(names[0][0]) ? problem + FormatDetector.PlainTextHint : problem);
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
                    TimelineFormat.Slack => Slack(record, options, report, slackUsers!.Value),
                    TimelineFormat.Journald => Journald(record),
                    _ => Tabular(record, format, PathOf(timeName!, ref timePath), PathOf(messageName!, ref messagePath)),
                };
                bool any = false;
                foreach (var (time, text, candidate, eventSource, milestone) in events)
                {
                    any = true;
                    if (!SourceTime.TryParse(time, options.Date, options.Time, out var utc, out var problem, out bool ambiguous))
                    {
                        if (ambiguous && !report.IsFirstAmbiguous(line, number)) continue;
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
                if (!any) report.Skipped++;
            }
        }

        internal static string Where(string source, long line, long number) =>
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

        private static IEnumerable<(string?, string?, bool, string, Milestone)> Slack(Record r, GatherOptions options, GatherReport report, IReadOnlyDictionary<string, string>? users)
        {
            var subtype = r.Text("subtype");
            if (subtype is "channel_join" or "channel_leave" or "channel_topic" or "channel_purpose") yield break;
            if (options.Reaction is string reaction)
            {
                var wanted = reaction.Trim(':');
                bool marked = false;
                foreach (var x in r.List("reactions"))
                {
                    var name = (x.Text("name") ?? "").Split(new[] { "::" }, StringSplitOptions.None)[0];
                    if (name.Equals(wanted, StringComparison.OrdinalIgnoreCase)) marked = true;
                    else if (name.Length > 0 && report.Reactions.Count < 40 && !report.Reactions.ContainsKey(name)) report.Reactions[name] = 1;
                }
                if (!marked) yield break;
                report.ReactionMatches++;
            }
            var id = r.Text("user");
            var who = NonEmpty(r.Text("user_profile", "display_name")) ?? NonEmpty(r.Text("user_profile", "real_name")) ?? r.Text("username") ?? r.Text("bot_profile", "name")
                ?? (id is not null && users is not null && users.TryGetValue(id, out var known) ? known : id);
            var text = SlackText(r.Text("text"), users);
            if (text is null || text.Trim().Length == 0) yield break;
            // The ts's decimals tell messages within a second apart; they are a sequence, not a fraction of a second.
            var ts = r.Text("ts");
            int dot = ts?.IndexOf('.') ?? -1;
            if (dot > 0) ts = ts!.Substring(0, dot);
            yield return (ts, who is null ? text : $"{who}: {text}", true, "slack", Milestone.None);
        }

        // The -User map over the export's users.json, merged once per options and source.
        private static IReadOnlyDictionary<string, string>? SlackUserNames(GatherOptions options)
        {
            if (options.ExportUsers is null) return options.Users;
            var export = options.ExportUsers();
            if (export is null || export.Count == 0) return options.Users;
            if (options.Users is null || options.Users.Count == 0) return export;
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in export) merged[p.Key] = p.Value;
            foreach (var p in options.Users) merged[p.Key] = p.Value;
            return merged;
        }

        private static readonly Regex SlackMarkup = new Regex(@"<([@#!]?)([^>|]+)(?:\|([^>]*))?>", RegexOptions.CultureInvariant);

        // Slack escapes &, < and >, and wraps mentions and links in <...>: show them as a person reads them.
        private static string? SlackText(string? text, IReadOnlyDictionary<string, string>? users)
        {
            if (text is null) return null;
            var plain = SlackMarkup.Replace(text, m =>
            {
                var kind = m.Groups[1].Value;
                var target = m.Groups[2].Value;
                var label = m.Groups[3].Success ? m.Groups[3].Value : null;
                switch (kind)
                {
                    case "@": return "@" + (label ?? (users is not null && users.TryGetValue(target, out var name) ? name : target));
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
    internal sealed class ReplayStream : IO.ForwardOnlyStream
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
    }
}
