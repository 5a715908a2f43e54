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
