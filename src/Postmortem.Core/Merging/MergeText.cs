using System;
using System.Globalization;
using Postmortems.Serialization;

namespace Postmortems.Merging
{
    /// <summary>How merge values read in conflict and change descriptions, and how items are named in conflict Ids.</summary>
    internal static class MergeText
    {
        private const int Shown = 60;

        /// <summary>A value for a person to read: text quoted and cut short, times and dates in the template's forms.</summary>
        public static string Show(object? value) => value switch
        {
            null => "(none)",
            string text => Quote(Cut(Text.SingleLine(text) ?? string.Empty)),
            DateTimeOffset time => Time(time.UtcDateTime, withDate: true),
            DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeSpan duration => MarkdownFrontMatter.DurationText(duration),
            bool yes => yes ? "yes" : "no",
            TimelineEvent e => $"{Time(e)} {Quote(Cut(Text.SingleLine(e.Event) ?? string.Empty))}",
            ActionItem item => Quote(Cut(Text.SingleLine(item.Action) ?? string.Empty)),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        /// <summary>"from -> to"; two times on the same day show only the time of day, as the page's timeline does.</summary>
        public static string Change(object? from, object? to)
        {
            if (from is DateTimeOffset a && to is DateTimeOffset b && a.UtcDateTime.Date == b.UtcDateTime.Date)
            {
                return $"{Time(a.UtcDateTime, withDate: false)} -> {Time(b.UtcDateTime, withDate: false)}";
            }
            return $"{Show(from)} -> {Show(to)}";
        }

        /// <summary>Text as it stands in a conflict Id: on one line, in single quotes, a quote inside doubled.</summary>
        public static string Quote(string text) => "'" + (Text.SingleLine(text) ?? string.Empty).Replace("'", "''") + "'";

        /// <summary>An event's time in an Id or description: 'unknown' for a step whose time no source gives.</summary>
        public static string Time(TimelineEvent e) => e.TimeUnknown ? TimelineTime.UnknownText : Time(e.UtcTime, withDate: true);

        /// <summary>A timeline time in an Id or description: to the minute, with seconds (and their fraction) only when it has them.</summary>
        public static string Time(DateTime utc, bool withDate)
        {
            string format = utc.Ticks % TimeSpan.TicksPerSecond != 0 ? "HH:mm:ss.fffffff"
                : utc.Second != 0 ? "HH:mm:ss"
                : "HH:mm";
            return utc.ToString(withDate ? "yyyy-MM-dd " + format : format, CultureInfo.InvariantCulture);
        }

        private static string Cut(string text) => text.Length <= Shown ? text : text.Substring(0, Shown - 1) + "…";
    }
}
