using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Postmortems
{
    /// <summary>
    /// How to read times a source writes in its own way: custom .NET formats tried first, the culture that says
    /// whether 02/11/2026 is day or month first, and the time zone or UTC offset of times written without one.
    /// An offset written in the time itself always wins; the timeline stores UTC.
    /// </summary>
    public sealed class TimeReading
    {
        /// <summary>.NET custom date and time formats (dd.MM.yyyy HH:mm), tried in turn before the formats the reader knows.</summary>
        public IReadOnlyList<string> Formats { get; set; } = Array.Empty<string>();

        /// <summary>The culture whose date order (day or month first) and names read a date; invariant when null.</summary>
        public CultureInfo? Culture { get; set; }

        /// <summary>The time zone of times without an offset (DST-correct); UTC when this and UtcOffset are null.</summary>
        public TimeZoneInfo? TimeZone { get; set; }

        /// <summary>The fixed offset of times without one; used when TimeZone is null.</summary>
        public TimeSpan? UtcOffset { get; set; }

        /// <summary>
        /// Whether this reading learns, from a date only one order can read (30/11/2026, 11/30/2026), the order of the
        /// source's other dates: a source writes its dates one way. Set on a copy made for one source; the reading the
        /// user gave stays as it was.
        /// </summary>
        internal bool LearnsDateOrder { get; private set; }

        /// <summary>The order learned, and the date it was learned from.</summary>
        internal bool? LearnedDayFirst { get; set; }

        internal string? LearnedFrom { get; set; }

        /// <summary>How many dates that read two ways were read in the learned order.</summary>
        internal long ReadByLearnedOrder { get; set; }

        /// <summary>A copy for one source, which learns that source's date order.</summary>
        internal TimeReading ForSource() =>
            new TimeReading { Formats = Formats, Culture = Culture, TimeZone = TimeZone, UtcOffset = UtcOffset, LearnsDateOrder = true };

        /// <summary>Whether times without an offset are read as anything but UTC.</summary>
        internal bool HasZone => TimeZone is not null || (UtcOffset is TimeSpan o && o != TimeSpan.Zero);

        /// <summary>The zone as the user gave it, for messages.</summary>
        internal string ZoneName => TimeZone is not null ? TimeZone.Id : Offset(UtcOffset ?? TimeSpan.Zero);

        internal static string Offset(TimeSpan offset) =>
            (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

        /// <summary>
        /// A time zone by IANA id (Europe/Berlin) or Windows id (W. Europe Standard Time); .NET on Linux, macOS and
        /// Windows (.NET 6 and later) knows both. Returns false with a sentence for the user when there is none.
        /// </summary>
        public static bool TryFindTimeZone(string? id, out TimeZoneInfo? zone, out string? problem)
        {
            zone = null;
            problem = null;
            var trimmed = id?.Trim() ?? string.Empty;
            if (trimmed.Length > 0)
            {
                if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("GMT", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Z", StringComparison.OrdinalIgnoreCase))
                {
                    zone = TimeZoneInfo.Utc;
                    return true;
                }
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(trimmed);
                    return true;
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException || ex is ArgumentException || ex is System.Security.SecurityException)
                {
                }
            }
            problem = $"'{id}' is not a time zone this machine knows. Give an IANA id such as Europe/Berlin, America/New_York or Asia/Kolkata (or a Windows id such as W. Europe Standard Time), or a fixed offset with -UtcOffset +01:00.";
            return false;
        }

        /// <summary>A UTC offset as +01:00, -0530, 01:00 or Z, from -14:00 to +14:00.</summary>
        public static bool TryParseOffset(string? text, out TimeSpan offset, out string? problem)
        {
            offset = default;
            problem = null;
            var t = text?.Trim() ?? string.Empty;
            if (t.Equals("Z", StringComparison.OrdinalIgnoreCase) || t.Equals("UTC", StringComparison.OrdinalIgnoreCase)) return true;
            int sign = 1;
            var digits = t;
            if (t.StartsWith("+", StringComparison.Ordinal) || t.StartsWith("-", StringComparison.Ordinal))
            {
                sign = t[0] == '-' ? -1 : 1;
                digits = t.Substring(1);
            }
            digits = digits.Length == 5 && digits[2] == ':' ? digits.Remove(2, 1) : digits;
            if ((digits.Length == 4 || digits.Length == 2) && digits.All(c => c >= '0' && c <= '9'))
            {
                int hours = int.Parse(digits.Substring(0, 2), CultureInfo.InvariantCulture);
                int minutes = digits.Length == 4 ? int.Parse(digits.Substring(2, 2), CultureInfo.InvariantCulture) : 0;
                if (hours * 60 + minutes <= 14 * 60 && minutes <= 59)
                {
                    offset = TimeSpan.FromMinutes(sign * (hours * 60 + minutes));
                    return true;
                }
            }
            problem = $"'{text}' is not a UTC offset. Write it as +01:00, -05:30 or +0100, from -14:00 to +14:00; for a zone with summer time give -TimeZone Europe/Berlin instead.";
            return false;
        }

        /// <summary>A local time in this reading's zone as UTC; false with a sentence when the zone skips or repeats it.</summary>
        internal bool TryToUtc(DateTime local, object original, out long utcTicks, out string? problem)
        {
            problem = null;
            if (TimeZone is null || TimeZone == TimeZoneInfo.Utc)
            {
                utcTicks = local.Ticks - (UtcOffset ?? TimeSpan.Zero).Ticks;
                return true;
            }
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (TimeZone.IsInvalidTime(unspecified))
            {
                utcTicks = 0;
                problem = $"'{original}' does not exist in {TimeZone.Id}: the clocks skipped that hour (summer time began). Check the time, or give it with its offset";
                return false;
            }
            if (TimeZone.IsAmbiguousTime(unspecified))
            {
                utcTicks = 0;
                var offsets = TimeZone.GetAmbiguousTimeOffsets(unspecified).OrderByDescending(o => o).ToArray();
                var readings = string.Join(" or ", offsets.Select(o =>
                    $"{new DateTime(unspecified.Ticks - o.Ticks).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({Offset(o)})"));
                problem = $"'{original}' happened twice in {TimeZone.Id}, when the clocks went back: it is {readings}. Give it with its offset, such as '{unspecified.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {Offset(offsets[0])}'";
                return false;
            }
            utcTicks = local.Ticks - TimeZone.GetUtcOffset(unspecified).Ticks;
            return true;
        }
    }
}
