using System;
using System.Globalization;

namespace Postmortems.Rendering
{
    /// <summary>
    /// Times as a person reads them in the console's tables and lists, the same in every culture: dates as
    /// yyyy-MM-dd, times in UTC saying so, and durations as HH:MM rounded to the nearest minute (18:46:50 reads
    /// 18:47, beside the times it runs between). The page and the drafts keep their own formats
    /// (<see cref="PostmortemMarkdown.FormatDuration"/>), which files are read back by.
    /// </summary>
    public static class ReadableTime
    {
        /// <summary>HH:MM to the nearest minute, hours running past 24; null for no duration.</summary>
        public static string? Duration(TimeSpan? duration)
        {
            if (duration is not TimeSpan value) return null;
            long minutes = (long)Math.Round(value.TotalMinutes, MidpointRounding.AwayFromZero);
            var sign = minutes < 0 ? "-" : string.Empty;
            minutes = Math.Abs(minutes);
            return string.Format(CultureInfo.InvariantCulture, "{0}{1:00}:{2:00}", sign, minutes / 60, minutes % 60);
        }

        /// <summary>yyyy-MM-dd; null for no date.</summary>
        public static string? Date(DateTime? date) =>
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>yyyy-MM-dd HH:mm UTC (a local time is turned to UTC first); null for no time.</summary>
        public static string? Utc(DateTime? time) =>
            time is DateTime value ? ToUtc(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : null;

        /// <summary>yyyy-MM-dd HH:mm in UTC without saying so, for a column whose header does; null for no time.</summary>
        public static string? UtcMinute(DateTime? time) =>
            time is DateTime value ? ToUtc(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

        /// <summary>yyyy-MM-dd HH:mm:ss UTC, for the exact times a clock runs between; null for no time.</summary>
        public static string? UtcSeconds(DateTime? time) =>
            time is DateTime value ? ToUtc(value).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : null;

        private static DateTime ToUtc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
    }
}
