using System;
using System.Collections.Generic;

namespace Postmortems.Gathering
{
    /// <summary>The places a timeline is gathered from.</summary>
    public enum TimelineFormat
    {
        KubernetesEvents,
        Alertmanager,
        Slack,
        Journald,
        Csv,
        JsonLines,

        /// <summary>A plain-text log, one event a line, read with a regular expression (-Pattern).</summary>
        Text,
    }

    /// <summary>How to read and which events to keep.</summary>
    public sealed class GatherOptions
    {
        /// <summary>The format; detected from the content when null.</summary>
        public TimelineFormat? Format { get; set; }

        /// <summary>For Csv and JsonLines: the column or property with the time, when it is none of the usual names.</summary>
        public string? TimeProperty { get; set; }

        /// <summary>For Csv and JsonLines: the column or property with the text, when it is none of the usual names.</summary>
        public string? MessageProperty { get; set; }

        /// <summary>For Slack: keep only messages marked with this reaction (an emoji name such as pushpin).</summary>
        public string? Reaction { get; set; }

        public DateTime? Since { get; set; }

        public DateTime? Until { get; set; }

        /// <summary>The milestone the first event kept is marked with; null for the format's default.</summary>
        public Milestone? Milestone { get; set; }

        /// <summary>A time of day alone in a source falls on this date.</summary>
        public DateTime? Date { get; set; }

        /// <summary>How the source's times are read: -TimeFormat, -Culture, -TimeZone, -UtcOffset; null for the defaults.</summary>
        public TimeReading? Time { get; set; }

        /// <summary>For plain-text logs: the pattern with the named groups time and message (and source, optionally).</summary>
        public LinePattern? Pattern { get; set; }

        /// <summary>Fold repeats of the same message (numbers and ids masked) that come within this span of the one before into one event.</summary>
        public TimeSpan? Collapse { get; set; }

        /// <summary>For Slack: names of user ids (U05TOMAS = tomas), used for mentions and authors; these win over the export's.</summary>
        public IReadOnlyDictionary<string, string>? Users { get; set; }

        /// <summary>For Slack: the names of the export's users.json, loaded when a Slack source asks for them.</summary>
        public Func<IReadOnlyDictionary<string, string>?>? ExportUsers { get; set; }

        /// <summary>The same options for one source, whose time reading learns that source's date order.</summary>
        internal GatherOptions ForSource()
        {
            var copy = (GatherOptions)MemberwiseClone();
            copy.Time = (Time ?? new TimeReading()).ForSource();
            return copy;
        }
    }

    /// <summary>What an import read: its format and its counts, and the warnings for a source that gave nothing. Filled as the items are read.</summary>
    public sealed class GatherReport
    {
        private readonly List<string> _warnings = new List<string>();

        /// <summary>The format read, once known.</summary>
        public TimelineFormat? Format { get; internal set; }

        /// <summary>Records read: lines of a text log, JSON lines, CSV rows, list items.</summary>
        public long Read { get; internal set; }

        /// <summary>Events given out.</summary>
        public long Kept { get; internal set; }

        /// <summary>Records that gave no event and no error: lines that did not match -Pattern, Slack joins, messages without -Reaction, events outside -Since/-Until.</summary>
        public long Skipped { get; internal set; }

        /// <summary>Of the skipped, events outside -Since/-Until.</summary>
        public long OutsideWindow { get; internal set; }

        /// <summary>Records that could not be read (each is an error).</summary>
        public long Failed { get; internal set; }

        /// <summary>Records after the first whose dates read two ways: counted with the failed, reported in one warning.</summary>
        public long AmbiguousAfterFirst { get; internal set; }

        internal long FirstAmbiguousLine, LastAmbiguousLine;

        /// <summary>
        /// Whether a record whose date reads two ways is the source's first such: that one is reported as its error; the
        /// rest are counted (as failed) and reported together, not one error a line.
        /// </summary>
        internal bool IsFirstAmbiguous(long line, long record)
        {
            var at = line > 0 ? line : record;
            if (FirstAmbiguousLine == 0)
            {
                FirstAmbiguousLine = LastAmbiguousLine = at;
                return true;
            }
            LastAmbiguousLine = at;
            AmbiguousAfterFirst++;
            Failed++;
            return false;
        }

        /// <summary>Events folded into another by -Collapse.</summary>
        public long Collapsed { get; internal set; }

        public IReadOnlyList<string> Warnings => _warnings;

        internal void Warn(string warning) => _warnings.Add(IO.Printable.Escape(warning));

        // For -Reaction: how many messages had it, and which reactions there were (a few dozen names at most).
        internal long ReactionMatches;
        internal readonly SortedDictionary<string, int> Reactions = new SortedDictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>One sentence for -Verbose.</summary>
        public string Summary(string source)
        {
            var c = System.Globalization.CultureInfo.InvariantCulture;
            return string.Format(c, "{0}: read as {1}: {2:N0} records read, {3:N0} events kept, {4:N0} skipped, {5:N0} collapsed into others, {6:N0} with errors.",
                source, Format?.ToString() ?? "nothing (the format could not be told)", Read, Kept, Skipped, Collapsed, Failed);
        }
    }

    /// <summary>One thing read from a source: an event, or a record that could not be read and why.</summary>
    public readonly struct GatheredItem
    {
        private GatheredItem(TimelineEvent? timelineEvent, string? problem, long line, long record)
        {
            Event = timelineEvent;
            Problem = problem;
            Line = line;
            Record = record;
        }

        public TimelineEvent? Event { get; }

        public string? Problem { get; }

        /// <summary>The line the record starts on, or 0 where the source has no lines worth naming.</summary>
        public long Line { get; }

        /// <summary>The record's number in the source, from 1.</summary>
        public long Record { get; }

        public static GatheredItem Of(TimelineEvent timelineEvent, long line, long record) => new GatheredItem(timelineEvent, null, line, record);

        /// <summary>A record that was skipped, and why; control characters from the source are escaped in the sentence.</summary>
        public static GatheredItem Failed(string problem, long line, long record) => new GatheredItem(null, IO.Printable.Escape(problem), line, record);
    }

    /// <summary>Content that cannot be read at all in the format asked for or detected. Control characters from the source are escaped in the message.</summary>
    public sealed class TimelineSourceException : FormatException
    {
        public TimelineSourceException(string message, Exception? inner = null) : base(IO.Printable.Escape(message), inner)
        {
        }
    }

    internal static class Names
    {
        public static readonly string[] Time = { "time", "timestamp", "@timestamp", "ts", "date", "datetime", "eventtime", "created", "created_at" };

        public static readonly string[] Message = { "message", "msg", "event", "text", "description", "summary", "log" };

        public static string? Find(IEnumerable<string> available, string? wanted, string[] usual)
        {
            if (wanted is not null)
            {
                foreach (var name in available)
                {
                    if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase)) return name;
                }
                return null;
            }
            foreach (var candidate in usual)
            {
                foreach (var name in available)
                {
                    if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase)) return name;
                }
            }
            return null;
        }
    }
}
